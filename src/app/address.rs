//! The address bar, which holds the whole view: a new history entry is
//! written at once, an edit in place once the edits pause.

use std::cell::{Cell, RefCell};
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

/// How long edits in place must pause before the address is rewritten.
///
/// Rewriting the address cost Chromium 2 to 3 ms, a sixth of a
/// keystroke's frame, at every keystroke, and browsers cap how often a
/// page may rewrite it (Safari at 100 times in 30 seconds). Longer than the
/// gap between a typist's keystrokes, so that a word is written once, and
/// short enough that the address has caught up before a reader reaches it.
const QUIET: Duration = Duration::from_millis(300);

thread_local! {
    /// The query an edit in place will write, once the edits pause.
    static PENDING: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Edits in place so far: a timer writes only if no edit came after
    /// the one that set it.
    static EDITS: Cell<u32> = const { Cell::new(0) };
}

/// Writes `query` into the address bar, keeping the path (the app may
/// live under any sub-path).
///
/// An edit in place (a keystroke in the search box) waits until the edits
/// pause for [`QUIET`]. A new entry is written at once, after any edit
/// still waiting, so that Back returns to what the reader saw.
pub fn write(query: String, history: History) {
    match history {
        History::Replace => {
            PENDING.with_borrow_mut(|pending| *pending = Some(query));
            let edit = EDITS.get().wrapping_add(1);
            EDITS.set(edit);
            set_timeout(
                move || {
                    if EDITS.get() == edit {
                        flush();
                    }
                },
                QUIET,
            );
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
    // An edit in place keeps the fragment, the place on the page a link
    // named (`?view=sources#tables-title`); a new entry is another place.
    let fragment = match history {
        History::Replace => window().location().hash().unwrap_or_default(),
        History::Push => String::new(),
    };
    let url = format!("{}{query}{fragment}", hooks::location_path());
    let _ = match history {
        History::Push => h.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        History::Replace => h.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}
