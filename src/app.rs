//! The Leptos views: mounted in the browser, and rendered to HTML natively
//! at build time for the first screen (see [`prerender`]).
//!
//! The app keeps one [`AppState`] in context: the dataset, its search index,
//! and a signal holding the [`ViewState`] read from the URL. Every change to
//! the view goes through [`AppState::edit`] (filters: replaces the history
//! entry) or [`AppState::navigate`] (view switches and links: pushes one), so
//! the URL and the screen can never disagree. Back and Forward re-read the
//! URL on `popstate`.

mod address;
mod builder;
mod checks;
mod clauses;
mod embed;
mod hooks;
#[cfg(feature = "csr")]
mod keys;
mod share;
mod shell;
mod sources;
mod timeline;
mod widgets;

use self::address::History;
use crate::data;
use crate::filter::SearchIndex;
use crate::model::Dataset;
use crate::state::{Comparison, Filters, Timeline, View, ViewState};
use crate::url_state::Ignored;
#[cfg(feature = "csr")]
use crate::{synthetic, url_state};
use leptos::prelude::*;

/// App-wide state, shared through context. It is `Copy`, so views capture
/// it freely.
///
/// The whole view state lives in one signal, as the URL does; the views
/// read it through the memos below, one per slice, so a keystroke in the
/// search wakes what shows the filters and the list, and nothing else.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The dataset every view reads.
    pub data: &'static Dataset,
    /// The folded search text of `data`'s events.
    pub index: &'static SearchIndex,
    /// The view, as the URL states it.
    pub view: RwSignal<ViewState>,
    /// URL values that were ignored, shown until dismissed.
    pub ignored: RwSignal<Vec<Ignored>>,
    /// Today, `YYYYMMDD`, to set what has happened apart from what has
    /// not: read once where the app starts, so views never ask the clock.
    pub today: u32,
    /// Which view is shown.
    pub current: Memo<View>,
    /// The timeline's filters.
    pub filters: Memo<Filters>,
    /// The timeline's order, layout and expanded event, without its filters.
    pub timeline: Memo<Timeline>,
    /// What the clause comparison compares and shows.
    pub comparison: Memo<Comparison>,
    /// Whether the page is being printed, so that a list shown a page at a
    /// time on screen can show every item on paper (see
    /// `hooks::use_printing` for what each browser lets through).
    pub printing: ReadSignal<bool>,
    /// Whether this is a first screen rendered at build time (see
    /// [`prerender`]), which a reader without WebAssembly reads as it is:
    /// lists shown a page at a time show every item, and the drawing,
    /// having no width to measure, is drawn at a phone's and a desktop's.
    pub prerendered: bool,
}

impl AppState {
    /// Changes the view in place (filters, toggles): the URL is rewritten
    /// without a new history entry and without scrolling.
    pub fn edit(&self, f: impl FnOnce(&mut ViewState)) {
        self.change(f, History::Replace);
    }

    /// Moves to another view or item: a new history entry, so Back returns.
    pub fn navigate(&self, f: impl FnOnce(&mut ViewState)) {
        self.change(f, History::Push);
    }

    fn change(&self, f: impl FnOnce(&mut ViewState), history: History) {
        let mut next = self.view.get_untracked();
        f(&mut next);
        if next == self.view.get_untracked() {
            return;
        }
        address::write(next.to_query(), history);
        self.view.set(next);
    }

    /// The URL (query string) of the current view changed by `f`, for links
    /// that must also work when opened in a new tab.
    pub fn href(&self, f: impl FnOnce(&mut ViewState)) -> String {
        let mut next = self.view.get_untracked();
        f(&mut next);
        next.to_query()
    }

    /// Re-reads the view from the address bar (after Back or Forward).
    #[cfg(feature = "csr")]
    fn reload_from_url(&self) {
        let (state, ignored) = ViewState::parse(&hooks::location_query(), self.data);
        self.ignored.set(ignored);
        self.view.set(state);
    }

    /// Changes the timeline's filters in place.
    pub fn edit_filters(&self, f: impl FnOnce(&mut Filters)) {
        self.edit(|s| f(&mut s.timeline.filters));
    }

    /// Selects the next (or previous) changed clause, then focuses and
    /// scrolls to it. Returns false when there is none that way.
    pub fn step_clause(&self, forward: bool) -> bool {
        let mut comparison = self.comparison.get_untracked();
        let Some(next) = comparison.step(self.data, forward) else {
            return false;
        };
        self.edit(|s| s.comparison = comparison);
        widgets::reveal(format!("clause-{next}"));
        true
    }
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// `today` for a page rendered at build time: the reader's clock is not
/// known there, so nothing counts as the future and no "today" line is
/// drawn until the app starts and reads the clock.
#[cfg(feature = "prerender")]
pub const CLOCK_UNKNOWN: u32 = u32::MAX;

/// Renders the first screen that `query` asks for to HTML, natively, with
/// the same components the browser mounts: what `examples/prerender.rs`
/// puts into `index.html`, for the app to take over when it starts.
#[cfg(feature = "prerender")]
pub fn prerender(query: &str) -> String {
    let data = data::builtin();
    let index: &'static SearchIndex = Box::leak(Box::new(SearchIndex::new(data)));
    let query = query.to_string();
    let owner = Owner::new();
    let html = owner.with(|| {
        view! { <App data index query today=CLOCK_UNKNOWN prerendered=true search=String::new() /> }.to_html()
    });
    // The markers a hydrating client would look for: this page is taken
    // over, not hydrated, so they are only bytes.
    html.replace("<!>", "").replace("<!--<() />-->", "")
}

/// Mounts the app into `#app`, where it takes over from the first screen
/// rendered at build time (see [`prerender`]).
#[cfg(feature = "csr")]
pub fn mount() {
    // A panic's message and stack in the console, while developing. A
    // release build ships without the hook (0.9 KB brotli of wasm and JS
    // glue): a panic there still stops the app with a RuntimeError, which
    // the page's error recorder shows in the boot-error box.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    let query = hooks::location_query();
    let data: &'static Dataset = match url_state::synthetic_size(&query) {
        Some(n) => Box::leak(Box::new(synthetic::dataset(data::builtin(), n as usize))),
        None => data::builtin(),
    };
    let index: &'static SearchIndex = Box::leak(Box::new(SearchIndex::new(data)));
    let now = js_sys::Date::new_0();
    let today = now.get_full_year() * 10_000 + (now.get_month() + 1) * 100 + now.get_date();
    // A first screen on show is painted before the app replaces it. The
    // served page's loader already waits for that paint before it asks for
    // the wasm (Trunk.toml); the single file carries its wasm inline and
    // could start before its first paint, and the reader would wait for
    // the app's build of what the HTML already holds. A timeout set in the
    // next animation frame runs once that frame has been painted.
    let shown = document()
        .document_element()
        .and_then(|html| html.get_attribute("data-screen"))
        .is_some_and(|screen| screen != "none");
    let start = move || take_over(data, index, query, today, shown);
    if shown {
        request_animation_frame(move || set_timeout(start, std::time::Duration::ZERO));
    } else {
        start();
    }
}

/// Replaces the first screens rendered at build time with the app, in one
/// task, so no frame shows neither. Over a first screen on `shown`, what
/// lies below the fold follows in later tasks (`hooks::use_in_parts`).
#[cfg(feature = "csr")]
fn take_over(data: &'static Dataset, index: &'static SearchIndex, query: String, today: u32, shown: bool) {
    let document = document();
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let Typed { text: search, focused } = take_over_first_screen();
    use wasm_bindgen::JsCast;
    let root: web_sys::HtmlElement = root.unchecked_into();
    let mount = move || {
        leptos::mount::mount_to(
            root,
            move || view! { <App data index query today prerendered=false search /> },
        )
        .forget()
    };
    if shown {
        hooks::taking_over(mount);
    } else {
        mount();
    }
    if focused && let Some(field) = document.get_element_by_id("search") {
        let field: web_sys::HtmlInputElement = field.unchecked_into();
        let _ = field.focus();
        let end = field.value().encode_utf16().count() as u32;
        let _ = field.set_selection_range(end, end);
    }
}

/// What the reader typed into the first screen's search box before the
/// app started.
#[cfg(feature = "csr")]
struct Typed {
    text: String,
    /// Whether the box had the focus, for the app's box to take it.
    focused: bool,
}

/// Removes the first screens rendered at build time (`#prerender`) and
/// the line saying the app is loading, keeping what the reader typed into
/// the search box of the one shown.
#[cfg(feature = "csr")]
fn take_over_first_screen() -> Typed {
    use wasm_bindgen::JsCast;
    let document = document();
    let mut typed = Typed {
        text: String::new(),
        focused: false,
    };
    let Some(first) = document.get_element_by_id("prerender") else {
        return typed;
    };
    // Only the screen on show can have been typed into.
    let fields = first.query_selector_all(r#"input[type="search"]"#).ok();
    for field in fields
        .iter()
        .flat_map(|all| (0..all.length()).filter_map(|i| all.item(i)))
    {
        let field: web_sys::HtmlInputElement = field.unchecked_into();
        let focused = document.active_element().is_some_and(|active| active == **field);
        let text = field.value();
        if focused || !text.is_empty() {
            typed = Typed { text, focused };
        }
    }
    first.remove();
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
    typed
}

/// The whole app: shell around the current view.
#[component]
fn App(
    data: &'static Dataset,
    index: &'static SearchIndex,
    query: String,
    today: u32,
    prerendered: bool,
    /// Text typed into the first screen's search box before the app started.
    search: String,
) -> impl IntoView {
    let (mut state, ignored) = ViewState::parse(&query, data);
    if !search.trim().is_empty() {
        state.timeline.filters.q = search;
    }
    let view = RwSignal::new(state);
    // Each slice is compared with its last value, so readers of one slice
    // sleep through changes to the others.
    let app = AppState {
        data,
        index,
        view,
        ignored: RwSignal::new(ignored),
        today,
        current: Memo::new(move |_| view.with(|s| s.view)),
        filters: Memo::new(move |_| view.with(|s| s.timeline.filters.clone())),
        timeline: Memo::new(move |_| {
            view.with(|s| Timeline {
                filters: Default::default(),
                ..s.timeline.clone()
            })
        }),
        comparison: Memo::new(move |_| view.with(|s| s.comparison.clone())),
        printing: hooks::use_printing(),
        prerendered,
    };
    provide_context(app);
    #[cfg(feature = "csr")]
    connect_to_browser(app);
    view! { <shell::Shell /> }
}

/// What only a running page has: the address bar, Back and Forward, the
/// keys, the embed's height reports and the scroll to a linked item.
#[cfg(feature = "csr")]
fn connect_to_browser(app: AppState) {
    let view = app.view;
    // Canonicalise the address once, so a shared link shows only what applies.
    address::write(view.get_untracked().to_query(), History::Replace);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        address::forget_pending();
        app.reload_from_url();
    });
    on_cleanup(move || popstate.remove());
    keys::install(app);
    if view.with_untracked(|s| s.embed) {
        share::report_height_to_parent();
    }
    // A shared link to one event or clause opens scrolled to it.
    let target = view.with_untracked(|s| match s.view {
        View::Timeline => s.timeline.event.as_ref().map(|e| format!("event-{e}")),
        View::Clauses => s.comparison.clause.as_ref().map(|c| format!("clause-{c}")),
        View::Sources => None,
    });
    if let Some(id) = target {
        widgets::reveal(id);
    }
}
