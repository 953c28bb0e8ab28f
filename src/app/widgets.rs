//! Small pieces shared by the views: in-app links, highlighted text, badges.

use std::sync::Arc;

use super::{AppState, use_app};
use crate::model::{Certainty, Conflict, Dataset};
use crate::state::{View, ViewState};
use crate::text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a first screen rendered at build time stops while the app is on
/// its way: its CSS then shows only what the app builds in its first task
/// (see `style/main.css`), and this line, if `text` gives one, says what
/// is still to come. A reader without the app gets everything, and CSS
/// hides the line.
#[cfg(feature = "prerender")]
pub fn first_screen_rest(text: impl FnOnce() -> Option<String>) -> impl IntoView {
    use_app()
        .prerendered
        .then(text)
        .flatten()
        .map(|text| view! { <p class="first-page-rest" data-testid="first-page-rest">{text}</p> })
}

/// The browser's build has no first screen to end: the line is left out of
/// the wasm.
#[cfg(not(feature = "prerender"))]
pub fn first_screen_rest(_: impl FnOnce() -> Option<String>) {}

/// A link to another view state. It is a real `<a href="?…">`, so it can be
/// opened in a new tab or copied; a plain click moves within the app and
/// adds a history entry.
#[component]
pub fn Link<F>(
    /// How the link changes the current view state.
    to: F,
    /// CSS class.
    #[prop(optional)]
    class: &'static str,
    /// `data-testid`, for links that tests rely on.
    #[prop(optional, into)]
    testid: Option<String>,
    /// Marks the link as the current page (`aria-current="page"`).
    #[prop(optional, into)]
    current: Option<Signal<bool>>,
    /// An element id to bring into view after the move.
    #[prop(optional, into)]
    anchor: Option<String>,
    children: Children,
) -> impl IntoView
where
    F: Fn(&mut ViewState) + Copy + Send + Sync + 'static,
{
    link_element(Arc::new(to), class, testid, current, anchor, children)
}

/// How a [`Link`] changes the current view state, behind an `Arc`: the
/// element is then built by one function, rather than by a copy of it for
/// each link's closure type (8.4 KB of raw wasm, 2.2 KB brotli, measured).
type To = Arc<dyn Fn(&mut ViewState) + Send + Sync>;

/// The element of a [`Link`].
fn link_element(
    to: To,
    class: &'static str,
    testid: Option<String>,
    current: Option<Signal<bool>>,
    anchor: Option<String>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let fragment = anchor.as_ref().map(|a| format!("#{a}")).unwrap_or_default();
    // Set once, not as reactive attributes: `href` reads the view untracked,
    // and most links are never current. An effect per attribute of every
    // link was about a fifth of the app's build as it takes over the
    // clauses' first screen (profiled in Chromium).
    view! {
        <a
            class=class
            data-testid=testid
            href=format!("{}{fragment}", app.href(&*to))
            aria-current=current.map(|current| move || current.get().then_some("page"))
            on:click=move |ev: web_sys::MouseEvent| follow(&ev, app, &*to, anchor.as_deref())
        >
            {children()}
        </a>
    }
}

/// What a plain click on an in-app link does (see [`Link`]): moves within
/// the app, adds a history entry and brings `anchor` (or the top) into
/// view. New-tab and download gestures are left to the browser. For links
/// that cannot be a [`Link`], such as an SVG `<a>` in the timeline's drawing.
pub fn follow(ev: &web_sys::MouseEvent, app: AppState, to: impl FnOnce(&mut ViewState), anchor: Option<&str>) {
    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0 {
        return;
    }
    ev.prevent_default();
    app.navigate(to);
    match anchor {
        Some(id) => reveal(id.to_string()),
        None => scroll_to_top(),
    }
}

/// Brings the top of the main region into view after a navigation, as a
/// page load would.
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Scrolls the element with this id to the middle of the screen once the
/// view that holds it has rendered (the next animation frame), and moves
/// focus there: to the element if it takes focus, else to its first button.
pub fn reveal(id: String) {
    request_animation_frame(move || {
        let Some(el) = document().get_element_by_id(&id) else {
            return;
        };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        let target = if el.has_attribute("tabindex") {
            Some(el)
        } else {
            el.query_selector("button").ok().flatten()
        };
        if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
}

/// Text with every occurrence of the search terms marked. The marked
/// pieces are a memo, so text the new terms do not touch keeps its DOM.
#[component]
pub fn Highlighted(text: &'static str, terms: Memo<Vec<String>>) -> impl IntoView {
    let pieces = Memo::new(move |_| terms.with(|terms| text::highlight(text, terms)));
    move || {
        pieces.with(|pieces| {
            pieces
                .iter()
                .map(|seg| {
                    if seg.hit {
                        view! { <mark>{seg.text}</mark> }.into_any()
                    } else {
                        seg.text.into_any()
                    }
                })
                .collect_view()
        })
    }
}

/// A certainty label; the shape and the word carry it, not colour alone.
#[component]
pub fn CertaintyBadge(certainty: Certainty) -> impl IntoView {
    view! { <span class=format!("badge certainty certainty-{}", certainty.id())>{certainty.label()}</span> }
}

/// The claims of a disagreement, each with its source and certainty.
#[component]
pub fn ConflictClaims(conflict: &'static Conflict) -> impl IntoView {
    view! {
        <ul class="claims">
            {conflict
                .claims
                .iter()
                .map(|cl| {
                    view! {
                        <li>
                            <SourceCite id=cl.source /> ": " {cl.text} " " <CertaintyBadge certainty=cl.certainty />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// A source cited by id: its title, linking to it in the Sources view.
#[component]
pub fn SourceCite(id: &'static str) -> impl IntoView {
    let app = use_app();
    let title = source_title(app.data, id);
    view! {
        <Link to=|s| s.view = View::Sources anchor=format!("source-{id}") class="cite">
            {title}
        </Link>
    }
}

/// Several sources, separated for reading, or a plain statement that none
/// is cited.
#[component]
pub fn SourceList(ids: Vec<&'static str>) -> impl IntoView {
    if ids.is_empty() {
        return view! { <span class="no-source">"no source states it"</span> }.into_any();
    }
    let last = ids.len() - 1;
    ids.into_iter()
        .enumerate()
        .map(|(i, id)| view! { <SourceCite id />{(i < last).then_some("; ")} })
        .collect_view()
        .into_any()
}

/// The title of a source, or its id if the source is unknown.
pub fn source_title(data: &Dataset, id: &'static str) -> &'static str {
    data.source(id).map_or(id, |s| s.title)
}
