//! The browser effects the views use, each behind a small named hook that
//! cleans up after itself: the page's address and its dataset's, an element
//! coming into view, an element's width, the page's size, the system colour
//! scheme, printing, clicks and focus outside an element, the clipboard, a
//! value that follows another once its frame has painted, and the parts of
//! a view built a task at a time when the app takes over a first screen.
//!
//! Written by hand, in this one file: each is a few lines over `web_sys`,
//! which the app already uses, so they add no dependency.

use std::collections::VecDeque;

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The page's query string, with its `?` (empty when there is none).
#[cfg(feature = "csr")]
pub fn location_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The page's full address.
pub fn location_href() -> String {
    window().location().href().unwrap_or_default()
}

/// The address of the dataset's JSON file, as the page's `<link
/// rel="alternate" type="application/json">` gives it (see index.html).
pub fn dataset_address() -> Option<String> {
    document()
        .query_selector(r#"link[rel="alternate"][type="application/json"]"#)
        .ok()
        .flatten()?
        .get_attribute("href")
}

/// The page's path, which keeps the sub-path the app is served under.
pub fn location_path() -> String {
    window().location().pathname().unwrap_or_default()
}

/// Whether the page was opened from a file rather than a web server.
pub fn opened_from_file() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

/// A copy of `source` that takes each new value once the frame showing
/// that change elsewhere has been painted, for the parts of a view that
/// may follow the reader's action a frame later.
///
/// The frame that answers a keystroke then carries only what the reader
/// asked for (the list of matches and their count), which is how browsers
/// count a page's response (Interaction to Next Paint). At 10,000 events,
/// the option counts and the drawing took about 3 and 4 ms of a
/// keystroke's frame in Chromium, mostly in style, layout and paint. Changes
/// that come faster than frames are taken once, at the last value.
pub fn use_after_paint<T: Clone + PartialEq + Send + Sync + 'static>(source: Memo<T>) -> Memo<T> {
    let painted = Trigger::new();
    let waiting = std::rc::Rc::new(std::cell::Cell::new(false));
    Effect::new(move |seen: Option<()>| {
        source.track();
        // The copy starts level with the source.
        if seen.is_none() || waiting.replace(true) {
            return;
        }
        let waiting = waiting.clone();
        // A timeout set in an animation frame runs once that frame has
        // been painted.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    waiting.set(false);
                    painted.notify();
                },
                std::time::Duration::ZERO,
            )
        });
    });
    Memo::new(move |_| {
        painted.track();
        source.get_untracked()
    })
}

thread_local! {
    /// Whether the app is being built over a first screen on show (see
    /// [`taking_over`]).
    static TAKING_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The views whose parts are still to be built, a part a task, in the
    /// order they asked (see [`use_in_parts`]): how many each has built,
    /// and of how many.
    static WAITING: std::cell::RefCell<VecDeque<(WriteSignal<usize>, usize)>> =
        const { std::cell::RefCell::new(VecDeque::new()) };
}

/// Runs `build`, the app's first build over a first screen on show, so
/// that the views built in it build what lies below the fold in later
/// tasks (see [`use_in_parts`]).
#[cfg(feature = "csr")]
pub fn taking_over(build: impl FnOnce()) {
    TAKING_OVER.set(true);
    build();
    TAKING_OVER.set(false);
}

/// How many of a view's `parts` are built: all of them, except in the
/// app's first build over a first screen on show ([`taking_over`]), where
/// none is at first and one more is built in each task after it, one
/// view's after another's, so that no two views' parts share a task.
///
/// The parts are what lies below the fold. Built with the rest, they would
/// make the take-over one long task, hundreds of milliseconds on a phone,
/// in which the page cannot answer the reader (Lighthouse's blocking
/// time). While parts are on their way, `#app` is `aria-busy`. Once the
/// last is built, a fragment in the address (`?view=sources#tables-title`)
/// is scrolled to: the browser looked for it before its part was there.
pub fn use_in_parts(parts: usize) -> ReadSignal<usize> {
    if parts == 0 || !TAKING_OVER.get() {
        return signal(parts).0;
    }
    let (built, set_built) = signal(0);
    let first = WAITING.with_borrow_mut(|waiting| {
        waiting.push_back((set_built, parts));
        waiting.len() == 1
    });
    if first {
        set_busy(true);
        build_next_part();
    }
    built
}

/// Builds the next part in a task of its own, after the browser has had
/// its turn to paint and answer the reader. A timeout, not an animation
/// frame: frames stop in a hidden tab and in an embed scrolled out of
/// view, and the embed's height, which its host page follows, would then
/// wait for the reader to scroll to it.
fn build_next_part() {
    set_timeout(
        || {
            let Some((set_built, parts)) = WAITING.with_borrow(|waiting| waiting.front().copied()) else {
                return;
            };
            // None once the view was left: its parts are not wanted.
            let built = set_built
                .try_update(|built| {
                    *built += 1;
                    *built
                })
                .unwrap_or(parts);
            if built >= parts {
                WAITING.with_borrow_mut(VecDeque::pop_front);
            }
            if WAITING.with_borrow(VecDeque::is_empty) {
                set_busy(false);
                scroll_to_fragment();
            } else {
                build_next_part();
            }
        },
        std::time::Duration::ZERO,
    );
}

fn set_busy(busy: bool) {
    let Some(app) = document().get_element_by_id("app") else {
        return;
    };
    let _ = if busy {
        app.set_attribute("aria-busy", "true")
    } else {
        app.remove_attribute("aria-busy")
    };
}

fn scroll_to_fragment() {
    let fragment = window().location().hash().unwrap_or_default();
    let id = fragment.trim_start_matches('#');
    if let Some(target) = (!id.is_empty()).then(|| document().get_element_by_id(id)).flatten() {
        target.scroll_into_view();
    }
}

/// Calls `on_near` whenever the element comes within `margin` (CSS, e.g.
/// `"600px"`) of the screen, and, while `on_near` says it added something,
/// again after each frame the element stays there: a page of events added
/// may leave the end of the list near a tall screen, and an observer
/// reports only changes. The observer and its callback live as long as
/// the element's owner, and are released with it.
pub fn use_near_screen(target: NodeRef<html::Div>, margin: &'static str, on_near: impl Fn() -> bool + Clone + 'static) {
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        let on_near = on_near.clone();
        // Cleared on cleanup, so a look-again already asked for does not
        // revive the observer after it is released.
        let live = std::rc::Rc::new(std::cell::Cell::new(true));
        let still = live.clone();
        let callback = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                let near = entries.iter().find_map(|e| {
                    let entry = e.unchecked_into::<web_sys::IntersectionObserverEntry>();
                    entry.is_intersecting().then(|| entry.target())
                });
                if let Some(element) = near
                    && on_near()
                {
                    // Observing anew reports where the element is now.
                    let still = still.clone();
                    request_animation_frame(move || {
                        if still.get() {
                            observer.unobserve(&element);
                            observer.observe(&element);
                        }
                    });
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(margin);
        if let Ok(observer) =
            web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
        {
            observer.observe(&el);
            // The browser is single-threaded: the wrapper only satisfies the
            // cleanup's thread bounds.
            let held = SendWrapper::new((observer, callback, live));
            on_cleanup(move || {
                let (observer, callback, live) = held.take();
                live.set(false);
                observer.disconnect();
                drop(callback);
            });
        }
    });
}

/// The width of an element in whole CSS pixels, kept current as it
/// changes size; 0 until it is laid out. The observer lives as long as the
/// element's owner, and is released with it.
pub fn use_width(target: NodeRef<html::Div>) -> ReadSignal<i32> {
    let (width, set_width) = signal(0);
    Effect::new(move |_| {
        let Some(el) = target.get() else { return };
        // Measured at once as well: the observer's first report comes a
        // frame later, and a frame drawn without what depends on the width
        // (the drawing) would shift the page under the reader as the app
        // takes over from the first screen.
        set_width.set(el.client_width());
        let measured = el.clone();
        let callback = Closure::<dyn Fn()>::new(move || {
            let w = measured.client_width();
            if w != width.get_untracked() {
                set_width.set(w);
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
            let held = SendWrapper::new((observer, callback));
            on_cleanup(move || {
                let (observer, callback) = held.take();
                observer.disconnect();
                drop(callback);
            });
        }
    });
    width
}

/// Calls `on_resize` whenever the page's root or body changes size, for
/// the page's lifetime (an embed's height report has no end).
#[cfg(feature = "csr")]
pub fn on_page_resize(on_resize: impl Fn() + 'static) {
    let Some(root) = document().document_element() else {
        return;
    };
    let callback = Closure::<dyn Fn()>::new(on_resize);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = document().body() {
            observer.observe(&body);
        }
        // Both live as long as the page, which is what is wanted here.
        callback.forget();
        std::mem::forget(observer);
    }
}

/// Whether the system asks for dark colours, kept current when the reader
/// changes it while the page is open. Read in an effect, so a view that
/// uses it renders without a browser too (false until then).
pub fn use_system_dark() -> ReadSignal<bool> {
    let (dark, set_dark) = signal(false);
    Effect::new(move |_| {
        let Some(query) = window().match_media("(prefers-color-scheme: dark)").ok().flatten() else {
            return;
        };
        set_dark.set(query.matches());
        let callback = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| {
            set_dark.set(ev.matches());
        });
        if query
            .add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())
            .is_ok()
        {
            let held = SendWrapper::new((query, callback));
            on_cleanup(move || {
                let (query, callback) = held.take();
                let _ = query.remove_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
            });
        }
    });
    dark
}

/// Whether the page is being printed: true from the browser's
/// `beforeprint` to its `afterprint`, so a view can render in full what it
/// shows a page at a time on screen. Chromium lays the printout out once
/// `beforeprint`'s handlers and the updates they queue have run; Firefox
/// copies the page as it stands when printing starts, before any queued
/// update, so there a printout holds only what was already on screen.
pub fn use_printing() -> ReadSignal<bool> {
    let (printing, set_printing) = signal(false);
    Effect::new(move |_| {
        listen(window().into(), &["beforeprint", "afterprint"], move |ev| {
            set_printing.set(ev.type_() == "beforeprint");
        });
    });
    printing
}

/// Calls `on_outside` whenever the reader clicks, or moves focus, anywhere
/// outside the element with the id `inside`: what closes a menu that is
/// open. Attached in an effect, so a view that uses it renders without a
/// browser too.
pub fn on_click_or_focus_outside(inside: &'static str, on_outside: impl Fn() + Clone + 'static) {
    Effect::new(move |_| {
        let on_outside = on_outside.clone();
        listen(document().into(), &["click", "focusin"], move |ev| {
            let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if document()
                .get_element_by_id(inside)
                .is_some_and(|el| !el.contains(target.as_ref()))
            {
                on_outside();
            }
        });
    });
}

/// Calls `on_event` for each of `events` on `target`, until the current
/// owner is cleaned up. One callback serves every event, so each hook
/// costs one closure however many events it hears.
fn listen(target: web_sys::EventTarget, events: &'static [&'static str], on_event: impl Fn(web_sys::Event) + 'static) {
    let callback = Closure::<dyn Fn(web_sys::Event)>::new(on_event);
    for name in events {
        let _ = target.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
    }
    let held = SendWrapper::new((target, callback));
    on_cleanup(move || {
        let (target, callback) = held.take();
        for name in events {
            let _ = target.remove_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
        }
    });
}

/// Copies text to the clipboard. The async Clipboard API needs a secure
/// context, so pages opened from `file://` fall back to selecting a field
/// and `execCommand("copy")`.
pub fn copy_text(text: &str, fallback_field: Option<&web_sys::HtmlTextAreaElement>) -> bool {
    if window().is_secure_context() {
        let _ = window().navigator().clipboard().write_text(text);
        return true;
    }
    let Some(field) = fallback_field else { return false };
    field.select();
    document()
        .dyn_into::<web_sys::HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}
