//! Sharing the current view: copy link, embed snippets, citation, and
//! downloads; and, when embedded, telling the host page how tall we are.

use super::{AppState, hooks, use_app};
use crate::export;
use crate::filter;
use crate::share;
use crate::state::View;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the share dialog shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Panel {
    Embed,
    Cite,
}

/// Today as `YYYY-MM-DD`, for "accessed" dates.
fn today_iso() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// Buttons to copy a link, embed, cite and download, with a live status.
#[component]
pub fn ShareBar() -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(String::new());
    let panel = RwSignal::new(None::<Panel>);
    let dialog: NodeRef<html::Dialog> = NodeRef::new();
    let link_field: NodeRef<html::Textarea> = NodeRef::new();
    let open = move |p: Panel| {
        panel.set(Some(p));
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let copy_link = move |_| {
        let link = share::link(&hooks::location_href(), &app.view.get_untracked());
        let field = link_field.get();
        if let Some(f) = &field {
            f.set_value(&link);
        }
        let copied = hooks::copy_text(&link, field.as_ref());
        status.set(if copied {
            "Link copied.".into()
        } else {
            format!("Copy this link: {link}")
        });
    };
    view! {
        <section class="share-bar" aria-label="Share this view">
            <button type="button" data-testid="copy-link" on:click=copy_link>
                "Copy link"
            </button>
            <button type="button" data-testid="open-embed" on:click=move |_| open(Panel::Embed)>
                "Embed…"
            </button>
            <button type="button" data-testid="open-cite" on:click=move |_| open(Panel::Cite)>
                "Cite…"
            </button>
            <Show when=move || app.current.get() == View::Timeline>
                <DownloadCsv />
            </Show>
            <Download
                testid="download-json"
                label="Download dataset (JSON)"
                file=format!("pactline-dataset-{}.json", app.data.version)
                mime="application/json"
                content=move || export::dataset_json(app.data)
            />
            <textarea node_ref=link_field class="visually-hidden" aria-hidden="true" tabindex="-1" readonly></textarea>
            <p class="share-status" role="status" aria-live="polite" data-testid="share-status">
                {move || status.get()}
            </p>
            <dialog node_ref=dialog class="share-dialog" aria-labelledby="share-title" data-testid="share-dialog">
                {move || match panel.get() {
                    Some(Panel::Embed) => view! { <EmbedPanel app /> }.into_any(),
                    Some(Panel::Cite) => view! { <CitePanel app /> }.into_any(),
                    None => ().into_any(),
                }}
                <form method="dialog">
                    <button type="submit" data-testid="close-dialog">
                        "Close"
                    </button>
                </form>
            </dialog>
        </section>
    }
}

/// The two embed snippets for the current view.
#[component]
fn EmbedPanel(app: AppState) -> impl IntoView {
    let (script, iframe) = share::embed_snippets(&hooks::location_href(), &app.view.get_untracked());
    // From a file on disk, addresses point at that file: say so rather than
    // hand out snippets that only work on this computer.
    let local = hooks::opened_from_file();
    view! {
        <h2 id="share-title">"Embed this view"</h2>
        {local
            .then(|| {
                view! {
                    <p class="note">
                        "This copy of Pactline was opened from a file, so these snippets point at that file. Publish the "
                        <code>"dist/"</code>
                        " folder on a web server to embed it in a blog."
                    </p>
                }
            })}
        <CopyField
            label="With the script (resizes to fit its content)"
            text=script
            testid="embed-script-snippet"
        />
        <CopyField label="Plain iframe (no script needed)" text=iframe testid="embed-iframe-snippet" />
    }
}

/// A citation of the current view with the dataset version and today's date.
#[component]
fn CitePanel(app: AppState) -> impl IntoView {
    let text = share::citation(
        &hooks::location_href(),
        &app.view.get_untracked(),
        app.data.version,
        &today_iso(),
    );
    view! {
        <h2 id="share-title">"Cite this view"</h2>
        <CopyField label="Citation" text testid="citation" />
    }
}

/// A read-only text field with a copy button.
#[component]
fn CopyField(label: &'static str, text: String, testid: &'static str) -> impl IntoView {
    let field: NodeRef<html::Textarea> = NodeRef::new();
    let copied = RwSignal::new(false);
    let id = format!("field-{testid}");
    let value = text.clone();
    view! {
        <div class="copy-field">
            <label for=id.clone()>{label}</label>
            <textarea id=id node_ref=field readonly rows="4" data-testid=testid prop:value=text></textarea>
            <button
                type="button"
                on:click=move |_| {
                    let ok = hooks::copy_text(&value, field.get().as_ref());
                    copied.set(ok);
                }
            >
                {move || if copied.get() { "Copied" } else { "Copy" }}
            </button>
        </div>
    }
}

/// Downloads the events the timeline currently shows, in its order.
#[component]
fn DownloadCsv() -> impl IntoView {
    let app = use_app();
    view! {
        <Download
            testid="download-csv"
            label="Download events (CSV)"
            file=format!("pactline-events-{}.csv", app.data.version)
            mime="text/csv;charset=utf-8"
            content=move || {
                let state = app.view.get_untracked();
                let outcome = filter::run(app.data, app.index, &state.timeline.filters, state.timeline.order);
                export::events_csv(app.data, &outcome.events)
            }
        />
    }
}

/// A download link whose file is made when it is clicked. The link keeps
/// the latest file's `blob:` address, so the download can be re-read.
#[component]
fn Download(
    testid: &'static str,
    label: &'static str,
    file: String,
    mime: &'static str,
    content: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let last_url = StoredValue::new(None::<String>);
    view! {
        <a
            class="button"
            data-testid=testid
            href="#"
            download=file
            on:click=move |ev: web_sys::MouseEvent| {
                let Some(a) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlAnchorElement>().ok()) else {
                    return;
                };
                let parts = js_sys::Array::of1(&content().into());
                let options = web_sys::BlobPropertyBag::new();
                options.set_type(mime);
                let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
                let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
                if let Some(old) = last_url.get_value() {
                    let _ = web_sys::Url::revoke_object_url(&old);
                }
                a.set_href(&url);
                last_url.set_value(Some(url));
            }
        >
            {label}
        </a>
    }
}

/// In embed mode, tells the host page our height whenever it changes, so
/// `embed.js` can size the iframe and the host never scrolls inside it.
pub fn report_height_to_parent() {
    let Ok(Some(parent)) = window().parent() else { return };
    if parent == window() {
        return;
    }
    hooks::on_page_resize(move || {
        let Some(root) = document().document_element() else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"pactline:height".into());
        // The element's own box shrinks with its content; scrollHeight would
        // never report less than the iframe's current height.
        let height = root.get_bounding_client_rect().height().ceil();
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The message holds only our height, so any host may read it.
        let _ = parent.post_message(&message, "*");
    });
}
