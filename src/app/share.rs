//! Sharing the current view: copy link, embed snippets, citation, and
//! downloads; and, when embedded, telling the host page how tall we are.

use super::builder::{CitePanel, EmbedBuilder};
use super::{hooks, use_app};
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

/// One "Share" button that opens a menu to copy a link, embed, cite and
/// download, with a live status under it.
///
/// The menu is a disclosure: the button says whether it is open
/// (`aria-expanded`) and which element it opens (`aria-controls`); its items
/// stay plain buttons and links, reached with Tab or the arrow keys. Escape
/// closes it and puts focus back on the button; so does choosing an item.
/// A click or focus anywhere else closes it too.
#[component]
pub fn ShareBar() -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(String::new());
    let panel = RwSignal::new(None::<Panel>);
    let dialog: NodeRef<html::Dialog> = NodeRef::new();
    let link_field: NodeRef<html::Textarea> = NodeRef::new();
    let menu = Menu {
        open: RwSignal::new(false),
    };
    // The menu and the status both lie over the page below the button: a
    // click or focus anywhere else closes the one and clears the other.
    hooks::on_click_or_focus_outside(BAR, move || {
        if menu.open.get_untracked() {
            menu.close(false);
        }
        if status.with_untracked(|s| !s.is_empty()) {
            status.set(String::new());
        }
    });
    let open = move |p: Panel| {
        panel.set(Some(p));
        // Focus goes back to "Share" first: the dialog returns it to
        // whatever had it, and the item that opened it is about to hide.
        menu.close(true);
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
        <section id=BAR class="share-bar" aria-label="Share this view" on:keydown=move |ev| menu.on_key(&ev)>
            <button
                type="button"
                id=BUTTON
                class="share-toggle"
                data-testid="share-menu-button"
                aria-expanded=move || menu.open.get().to_string()
                aria-controls=LIST
                on:click=move |_| {
                    status.set(String::new());
                    menu.open.update(|o| *o = !*o);
                }
            >
                // The caret is drawn by CSS, so it is neither read out nor
                // an element of its own for contrast checks.
                "Share"
            </button>
            // Choosing an item closes the menu, after the item has done its
            // work (the click reaches the menu after the item).
            <div
                id=LIST
                class="share-menu"
                data-testid="share-menu"
                hidden=move || !menu.open.get()
                on:click=move |_| menu.close(true)
            >
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
                <DownloadDataset />
            </div>
            <textarea node_ref=link_field class="visually-hidden" aria-hidden="true" tabindex="-1" readonly></textarea>
            <p class="share-status" role="status" aria-live="polite" data-testid="share-status">
                {move || status.get()}
            </p>
            <dialog node_ref=dialog class="share-dialog" aria-labelledby="share-title" data-testid="share-dialog">
                {move || match panel.get() {
                    Some(Panel::Embed) => view! { <EmbedBuilder app /> }.into_any(),
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

/// The share bar's id: focus or a click outside it closes the menu.
const BAR: &str = "share-bar";

/// The "Share" button's id: focus returns there when the menu closes.
const BUTTON: &str = "share-button";

/// The menu's id.
const LIST: &str = "share-menu";

/// The menu's items, in order: its buttons and download links.
const ITEMS: &str = "#share-menu button, #share-menu a";

/// The share menu: whether it is open, and how keys and focus move in it.
#[derive(Clone, Copy)]
struct Menu {
    open: RwSignal<bool>,
}

impl Menu {
    /// Closes the menu; with `refocus`, puts focus back on its button, so a
    /// keyboard reader continues from where the menu was.
    fn close(self, refocus: bool) {
        self.open.set(false);
        if refocus {
            focus(document().get_element_by_id(BUTTON));
        }
    }

    /// Escape closes the menu. On the button, Down opens it at its first
    /// item and Up at its last; on an item, the arrow keys, Home and End
    /// move between items. Other keys (and arrows in the dialog's fields)
    /// keep their usual meaning.
    fn on_key(self, ev: &web_sys::KeyboardEvent) {
        let key = ev.key();
        if key == "Escape" {
            if self.open.get_untracked() {
                // Handled here, so the timeline does not also collapse its
                // expanded event.
                ev.prevent_default();
                ev.stop_propagation();
                self.close(true);
            }
            return;
        }
        let Ok(items) = document().query_selector_all(ITEMS) else {
            return;
        };
        let Some(last) = items.length().checked_sub(1) else {
            return;
        };
        let focused = document().active_element();
        let on_button = focused.as_ref().is_some_and(|f| f.id() == BUTTON);
        let current = (0..=last).find(|&i| items.item(i).as_ref() == focused.as_ref().map(AsRef::as_ref));
        let next = match (key.as_str(), current) {
            ("ArrowDown", Some(i)) => (i + 1).min(last),
            ("ArrowUp", Some(i)) => i.saturating_sub(1),
            ("Home", Some(_)) => 0,
            ("End", Some(_)) => last,
            ("ArrowDown", None) if on_button => 0,
            ("ArrowUp", None) if on_button => last,
            _ => return,
        };
        ev.prevent_default();
        if current.is_none() {
            // Opened from the button: show the items now rather than on
            // Leptos's next update (which writes the same), so that one can
            // take focus at once.
            self.open.set(true);
            if let Some(list) = document().get_element_by_id(LIST) {
                let _ = list.remove_attribute("hidden");
            }
        }
        focus(items.item(next).and_then(|n| n.dyn_into().ok()));
    }
}

/// Moves focus to `el`, if there is one and it can take focus.
fn focus(el: Option<web_sys::Element>) {
    if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// A read-only text field with a copy button; the text may change while
/// the field shows (the embed builder's choices).
#[component]
pub(super) fn CopyField(
    label: &'static str,
    #[prop(into)] text: Signal<String>,
    testid: &'static str,
) -> impl IntoView {
    let field: NodeRef<html::Textarea> = NodeRef::new();
    let copied = RwSignal::new(false);
    // A new text is not copied yet.
    Effect::watch(move || text.track(), move |_, _, _| copied.set(false), false);
    let id = format!("field-{testid}");
    view! {
        <div class="copy-field">
            <label for=id.clone()>{label}</label>
            <textarea id=id node_ref=field readonly rows="4" data-testid=testid prop:value=move || text.get()></textarea>
            <button
                type="button"
                on:click=move |_| {
                    let ok = hooks::copy_text(&text.get_untracked(), field.get().as_ref());
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

/// Downloads the whole dataset: a plain link to the JSON file the build
/// wrote (`export::DATASET_FILE`), at the address the page's `<link
/// rel="alternate" type="application/json">` gives, which the single-file
/// build makes a `data:` URL. A first screen rendered at build time cannot
/// know which page it will be in, so its link, in a menu that only the
/// app opens, has no address. The file is the dataset that ships, named
/// by its version, even while generated events (`?synthetic=`) are shown.
#[component]
fn DownloadDataset() -> impl IntoView {
    let href = if use_app().prerendered {
        None
    } else {
        hooks::dataset_address()
    };
    let file = href
        .is_some()
        .then(|| format!("pactline-dataset-{}.json", crate::data::builtin().version));
    view! {
        <a class="button" data-testid="download-json" href=href download=file>
            "Download dataset (JSON)"
        </a>
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
#[cfg(feature = "csr")]
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
