//! The frame around every view: header, view switcher, notices, footer.

use super::hooks;
use super::{
    clauses::ClausesView, embed::PresetView, share::ShareBar, sources::SourcesView, timeline::TimelineView, use_app,
    widgets::Link,
};
use crate::state::{Theme, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Header, view switcher, the current view, and the footer. In embed mode
/// (`embed=1`) the header gives way to a small "Open in Pactline" link.
#[component]
pub fn Shell() -> impl IntoView {
    let app = use_app();
    let embed = Memo::new(move |_| app.view.with(|s| s.embed));
    // A preset shows only in an embed: opened full size, it is the view.
    let preset = Memo::new(move |_| app.view.with(|s| s.preset.filter(|_| s.embed)));
    let current = app.current;

    // The theme lives on <html> so the page background follows it too.
    Effect::new(move |_| {
        let theme = app.view.with(|s| s.theme);
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Some(t) => root.set_attribute("data-theme", t.id()),
                None => root.remove_attribute("data-theme"),
            };
        }
    });

    view! {
        <div class="shell" class:embed=move || embed.get()>
            <SkipLinks />
            <Show when=move || !embed.get()>
                <header class="site-header">
                    <div class="brand">
                        <h1>"Pactline"</h1>
                        // A phone shows the tagline's first words only.
                        <p class="tagline">
                            "How the Microsoft–OpenAI partnership changed"
                            <span class="tagline-more">
                                ", from the 2019 exclusive deal to the 2026 amendment — every claim traced to its source"
                            </span> "."
                        </p>
                    </div>
                    <ThemeToggle />
                </header>
            </Show>
            <Show when=move || embed.get()>
                <header class="embed-bar">
                    <h1 class="embed-title">"Pactline"</h1>
                    <a
                        class="open-full"
                        target="_blank"
                        rel="noopener"
                        href=move || app.href(|s| s.embed = false)
                    >
                        "Open in Pactline ↗"
                    </a>
                </header>
            </Show>
            // The view tabs and the share menu share one row, so a phone
            // reaches content sooner. A preset embed has no controls.
            <div class="view-bar" class:hidden=move || preset.get().is_some()>
                <nav class="views" aria-label="Views">
                    {View::ALL
                        .into_iter()
                        .map(|v| {
                            view! {
                                <Link
                                    to=move |s| s.view = v
                                    class="view-link"
                                    testid=format!("nav-{}", v.id())
                                    current=Signal::derive(move || current.get() == v)
                                >
                                    {v.label()}
                                </Link>
                            }
                        })
                        .collect_view()}
                </nav>
                <ShareBar />
            </div>
            <Notices />
            <PrintHeader />
            <main id="main" tabindex="-1" data-testid="view" data-view=move || current.get().id()>
                {move || match (preset.get(), current.get()) {
                    (Some(preset), _) => view! { <PresetView preset /> }.into_any(),
                    (None, View::Timeline) => view! { <TimelineView /> }.into_any(),
                    (None, View::Clauses) => view! { <ClausesView /> }.into_any(),
                    (None, View::Sources) => view! { <SourcesView /> }.into_any(),
                }}
            </main>
            <PrintSources />
            <footer class="site-footer">
                <p>
                    "Dataset version "
                    <span data-testid="dataset-version">{app.data.version}</span>
                    " · built from five public sources, cited on every claim · "
                    <Link to=|s| s.view = View::Sources>"Sources"</Link>
                </p>
            </footer>
        </div>
    }
}

/// What a printed page needs that the screen shows as controls: the view,
/// its filters or comparison, the dataset version and the address; and,
/// where the printout lacks events the list had not loaded, that it does.
#[component]
fn PrintHeader() -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let context = move || {
        app.view.with(|s| match s.view {
            View::Timeline => {
                let filters = crate::filter::describe(data, &s.timeline.filters);
                if filters.is_empty() {
                    "Timeline, all events.".to_string()
                } else {
                    format!("Timeline filtered by {}.", filters.join("; "))
                }
            }
            View::Clauses => match s.comparison.versions(data) {
                Some((a, b)) => format!(
                    "Clause comparison, {a} → {b}{}.",
                    if s.comparison.changed_only {
                        ", changed clauses only"
                    } else {
                        ""
                    }
                ),
                None => "Clause comparison.".to_string(),
            },
            View::Sources => "Sources.".to_string(),
        })
    };
    // The address the view is written to (`address::write`, which may
    // not have written it yet): the page's, with the view's query. Kept up
    // with each change of view, not worked out as printing starts: Firefox
    // lays the printout out from the page as it stands when printing
    // starts, before any update can land. An effect, since only a browser
    // has an address.
    let here = RwSignal::new(String::new());
    Effect::new(move |_| {
        let query = app.view.with(|s| s.to_query());
        here.set(format!("{}{query}", crate::share::page_url(&hooks::location_href())));
    });
    view! {
        <section class="print-only print-header" aria-hidden="true">
            <p>
                <strong>{context}</strong>
                " Dataset version "
                {data.version}
                ". Printed from "
                {move || here.get()}
            </p>
            // Shown by the print stylesheet only while the list has more
            // events to load, which the end of the printed list counts.
            <p class="print-partial">
                "Not every event of this view is printed: only those the list on screen had loaded, counted at the end of the list. Scroll to the end of the list, then print again, to print them all."
            </p>
        </section>
    }
}

/// The sources, printed after the view so that its first page shows the
/// view itself.
#[component]
fn PrintSources() -> impl IntoView {
    let data = use_app().data;
    view! {
        <section class="print-only" aria-hidden="true">
            <p>"Sources:"</p>
            <ol>{data.sources.iter().map(|s| view! { <li>{s.title} " (" {s.file.or(s.url)} ")"</li> }).collect_view()}</ol>
        </section>
    }
}

/// Links past the header to the view's content and, on the timeline, to
/// its filters: the first two Tab stops of the page. They move focus
/// themselves, to the first event rather than the top of the view, and
/// leave the address alone.
#[component]
fn SkipLinks() -> impl IntoView {
    let current = use_app().current;
    let timeline = move || current.get() == View::Timeline;
    view! {
        <a
            class="skip-link"
            href="#main"
            data-testid="skip-to-content"
            on:click=move |ev| skip_to(&ev, if timeline() { FIRST_EVENT } else { "#main" })
        >
            {move || if timeline() { "Skip to events" } else { "Skip to content" }}
        </a>
        <a
            class="skip-link"
            href="#search"
            data-testid="skip-to-filters"
            hidden=move || !timeline()
            on:click=move |ev| skip_to(&ev, "#search")
        >
            "Skip to filters"
        </a>
    }
}

/// The first event's button, in the cards or the table.
const FIRST_EVENT: &str = ".event-list .event-toggle";

/// Moves focus to the first element `target` matches, or to the view when
/// there is none (no event matches), instead of following the link.
fn skip_to(ev: &web_sys::MouseEvent, target: &str) {
    ev.prevent_default();
    let found = document().query_selector(target).ok().flatten();
    let el = found.or_else(|| document().get_element_by_id("main"));
    if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Switches between light and dark, overriding the system preference via
/// `theme=` so an embed can match its blog.
#[component]
fn ThemeToggle() -> impl IntoView {
    let app = use_app();
    let system_dark = hooks::use_system_dark();
    let chosen = Memo::new(move |_| app.view.with(|s| s.theme));
    // Pressed follows the system while the reader has not chosen, even when
    // the system changes while the page is open.
    let dark = Memo::new(move |_| match chosen.get() {
        Some(theme) => theme == Theme::Dark,
        None => system_dark.get(),
    });
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || dark.get().to_string()
            on:click=move |_| {
                let next = if dark.get_untracked() { Theme::Light } else { Theme::Dark };
                app.edit(|s| s.theme = Some(next));
            }
        >
            // The name stays "Dark theme" and aria-pressed says whether it is
            // on; the words after it say the same to the eye.
            "Dark theme"
            {if app.prerendered { system_state().into_any() } else { view! {
                <span aria-hidden="true">{move || if dark.get() { ": on" } else { ": off" }}</span>
            }.into_any() }}
        </button>
    }
}

/// The toggle's words in the first screens, rendered at build time: the
/// build cannot know the reader's colour scheme, so both are written and
/// the stylesheet shows the one `prefers-color-scheme` picks, as it picks
/// the colours (a first screen is shown only for an address without
/// `theme=`). The app's own toggle replaces it when it starts.
fn system_state() -> impl IntoView {
    view! {
        <span aria-hidden="true" class="system-theme">
            <span class="if-light">": off"</span>
            <span class="if-dark">": on"</span>
        </span>
    }
}

/// Lists URL values that were ignored, with a button to dismiss the notice.
#[component]
fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.ignored.with(|i| !i.is_empty())>
            <div class="notice" role="status" data-testid="url-notice">
                <p>
                    "Some parts of this link were ignored: "
                    {move || app.ignored.with(|i| i.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))}
                </p>
                <button type="button" class="dismiss" on:click=move |_| app.ignored.set(Vec::new())>
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}
