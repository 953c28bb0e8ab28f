//! The address bar, which holds the whole view: a new history entry is
//! written at once, an edit in place once the frame that shows it has
//! been painted.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::hooks;

/// How a state change is recorded in the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the previous view.
    Push,
    /// The current entry is rewritten: filter edits don't flood Back.
    Replace,
}

thread_local! {
    /// The query an edit in place will write, after the next frame.
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Writes `query` into the address bar, keeping the path (the app may
/// live under any sub-path).
///
/// An edit in place (a keystroke in the search box) waits for the frame
/// that shows it: rewriting the address took Chromium 2 to 4 ms a
/// keystroke, a seventh of the keystroke's frame, and edits within one
/// frame then write once. A new entry is written at once, after any edit
/// still waiting, so that Back returns to what the reader saw.
pub fn write(query: String, history: History) {
    match history {
        History::Replace => {
            let scheduled = PENDING.with_borrow_mut(|pending| pending.replace(query).is_some());
            if !scheduled {
                // A timeout set in an animation frame runs once that frame
                // has been painted.
                request_animation_frame(|| set_timeout(flush, Duration::ZERO));
            }
        }
        History::Push => {
            flush();
            set(&query, History::Push);
        }
    }
}

/// Forgets an edit still waiting: after Back or Forward the address is
/// the browser's, and the view is read from it, not written over it.
#[cfg(feature = "csr")]
pub fn forget_pending() {
    PENDING.with_borrow_mut(Option::take);
}

fn flush() {
    if let Some(query) = PENDING.with_borrow_mut(Option::take) {
        set(&query, History::Replace);
    }
}

fn set(query: &str, history: History) {
    let Ok(h) = window().history() else { return };
    let url = format!("{}{query}", hooks::location_path());
    let _ = match history {
        History::Push => h.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        History::Replace => h.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}
