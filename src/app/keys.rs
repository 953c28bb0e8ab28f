//! Keyboard shortcuts: `/` search, `j`/`k` and arrows between events,
//! Escape to collapse, `n`/`p` between changed clauses.

use super::AppState;
use crate::keyboard;
use crate::state::View;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Listens for shortcuts on the whole window for the app's lifetime.
pub fn install(app: AppState) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| on_key(app, &ev));
    on_cleanup(move || handle.remove());
}

fn on_key(app: AppState, ev: &web_sys::KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.default_prevented() {
        return;
    }
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let tag = target
        .as_ref()
        .map(|t| t.tag_name().to_ascii_lowercase())
        .unwrap_or_default();
    // Typing in a field is never a shortcut.
    if matches!(tag.as_str(), "input" | "select" | "textarea") {
        return;
    }
    let key = ev.key();
    let view = app.view.with_untracked(|s| s.view);
    let handled = match (view, key.as_str()) {
        (View::Timeline, "/") => focus_selector("#search"),
        (View::Timeline, "j") => move_between_events(target.as_ref(), 1, true),
        (View::Timeline, "k") => move_between_events(target.as_ref(), -1, true),
        (View::Timeline, "ArrowDown") => move_between_events(target.as_ref(), 1, false),
        (View::Timeline, "ArrowUp") => move_between_events(target.as_ref(), -1, false),
        (View::Timeline, "Escape") => collapse(app),
        (View::Clauses, "n") => app.step_clause(true),
        (View::Clauses, "p") => app.step_clause(false),
        _ => false,
    };
    if handled {
        ev.prevent_default();
    }
}

fn focus_selector(selector: &str) -> bool {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// Moves focus to the next or previous event heading. Arrow keys only act
/// inside the list, so they still scroll the page elsewhere.
fn move_between_events(target: Option<&web_sys::Element>, step: i32, anywhere: bool) -> bool {
    let Ok(toggles) = document().query_selector_all(".event-list .event-toggle") else {
        return false;
    };
    let current =
        target.and_then(|t| (0..toggles.length()).find(|&i| toggles.item(i).is_some_and(|n| n.is_same_node(Some(t)))));
    if current.is_none() && !anywhere {
        return false;
    }
    // From outside the list, start from the event nearest the viewport,
    // not from the top of the list.
    let next = match current {
        Some(i) => i as i32 + step,
        None => {
            let tops: Vec<f64> = (0..toggles.length())
                .filter_map(|i| toggles.item(i)?.dyn_into::<web_sys::Element>().ok())
                .map(|el| el.get_bounding_client_rect().top())
                .collect();
            let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
            match keyboard::nearest(&tops, height, step > 0) {
                Some(i) => i as i32,
                None => return false,
            }
        }
    };
    if next < 0 || next >= toggles.length() as i32 {
        return current.is_some();
    }
    toggles
        .item(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// Collapses the expanded event and puts focus back on its heading.
fn collapse(app: AppState) -> bool {
    let Some(id) = app.view.with_untracked(|s| s.timeline.event.clone()) else {
        return false;
    };
    app.edit(|s| s.timeline.event = None);
    focus_selector(&format!("[id=\"event-{id}\"] .event-toggle"))
}
