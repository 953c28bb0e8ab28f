//! Broken networks and private modes (issue 18): the wasm answers 404 or
//! arrives cut in half, the JS glue answers 404, or every storage the
//! browser has throws. A reader always gets something to read and, when
//! the app cannot start, the error box saying so: the first screen the
//! address asks for stays, and an address with no first screen of its own
//! gets every screen (as without JavaScript) instead of "Loading…" for ever.
//! Where only storage fails, the app works as usual.
//!
//! The faults are made by the app's server
//! ([`ServerControl`](crate::support::server::ServerControl)) and by an
//! `index.html` served with a script of ours at its top; each lasts as long
//! as its guard.

use serde::Deserialize;
use serde_json::json;

use super::harness::{CSP_RECORDED, expect_app_recorded};
use crate::support::expect::expect_eq;
use crate::support::oracle::data;
use crate::support::page::Page;
use crate::support::rebuilt::rehashed;
use crate::support::steps::{EVENT_COUNT, SEARCH, VIEW, showing, wait_for_param};

/// The default address, whose first screen (the timeline) is in the page.
const DEFAULT: &str = "";

/// A deep link with no first screen of its own: before the app starts it
/// shows only "Loading…".
const DEEP_LINK: &str = "view=clauses&a=2023&changed=1";

/// What a reader sees: the first screens on show, how many of their events,
/// whether the line saying more are coming shows, whether "Loading…" shows, the error box's visible text, and whether
/// the app rendered a view.
const LOOK: &str = r##"
    const seen = (el) => el.getClientRects().length > 0;
    const box = document.getElementById("boot-error");
    return {
        screens: [...document.querySelectorAll("#prerender .screen")].filter(seen).map((s) => s.dataset.screen),
        events: [...document.querySelectorAll('#prerender [data-testid="event"]')].filter(seen).length,
        more_coming: [...document.querySelectorAll('[data-testid="first-page-rest"]')].some(seen),
        loading: [...document.querySelectorAll("#loading")].some(seen),
        message: box && seen(box) ? box.innerText.replace(/\s+/g, " ").trim() : null,
        app: document.querySelectorAll(arguments[0]).length > 0,
    };
"##;

/// What [`LOOK`] saw.
#[derive(Debug, Deserialize, PartialEq)]
struct Seen {
    screens: Vec<String>,
    events: usize,
    more_coming: bool,
    loading: bool,
    message: Option<String>,
    app: bool,
}

/// What the error box says when the app could not start.
const NOT_STARTED: &str = "Pactline could not start";

/// Opens the default address and the deep link while the server breaks
/// the app (`fault` names how): each records an error, shows the error
/// box saying the app could not start, renders no view, and leaves the
/// first screens readable: the timeline's alone at the default address,
/// every screen but the embed's at the deep link.
async fn expect_a_readable_failed_start(page: &Page, fault: &str) -> Result<(), String> {
    for (query, screens) in [
        (DEFAULT, vec!["timeline"]),
        (DEEP_LINK, vec!["timeline", "clauses", "sources"]),
    ] {
        let what = format!("{fault}, at ?{query}");
        page.goto(&format!("{}?{query}", page.app_url())).await?;
        expect_app_recorded(page, "an error", |_| true)
            .await
            .map_err(|e| format!("{what}: {e}"))?;
        let mut seen = None;
        let settled = page
            .wait_until(&format!("{what}: the page says the app could not start"), async || {
                let look: Seen = serde_json::from_value(page.execute_json(LOOK, vec![json!(VIEW)]).await?)
                    .map_err(|e| format!("reading the page: {e}"))?;
                let done = look.message.as_deref().is_some_and(|m| m.starts_with(NOT_STARTED)) && !look.loading;
                seen = Some(look);
                Ok(done)
            })
            .await;
        let seen = seen.ok_or_else(|| format!("{what}: the page was never read"))?;
        settled.map_err(|e| format!("{e}; it shows {seen:?}"))?;
        let shown: Vec<&str> = seen.screens.iter().map(String::as_str).collect();
        expect_eq(&format!("{what}: the first screens on show"), shown, screens)?;
        expect_eq(&format!("{what}: a view of the app"), seen.app, false)?;
        // While the app was on its way the timeline showed its first page;
        // a reader left without it gets every event.
        expect_eq(
            &format!("{what}: events that can be read"),
            seen.events,
            data().events.len(),
        )?;
        // Taking the fault's errors must not hide a violation among them:
        // the fault is the file, never the policy.
        let taken = page.take_errors().await?;
        if let Some(blocked) = taken.iter().find(|error| error.contains(CSP_RECORDED)) {
            return Err(format!("{what}: {blocked}"));
        }
    }
    Ok(())
}

/// The wasm answers 404 (a deploy that lost it): WebKit reports no error
/// for this by itself (the loader's top-level await just rejects), so
/// `index.html` has the wasm's fetch report it.
pub async fn a_missing_wasm_leaves_the_first_screen_and_says_so(page: &Page) -> Result<(), String> {
    let _missing = page.app_server().fail_file(&page.wasm_file()?, 404);
    expect_a_readable_failed_start(page, "the wasm answers 404").await
}

/// The wasm arrives cut in half (a connection that broke, a full disk on
/// the host).
pub async fn a_truncated_wasm_leaves_the_first_screen_and_says_so(page: &Page) -> Result<(), String> {
    let wasm = page.wasm_file()?;
    let path = page.app_dir().join(&wasm);
    let bytes = std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let _cut = page.app_server().replace_file(&wasm, bytes[..bytes.len() / 2].to_vec());
    expect_a_readable_failed_start(page, "the wasm arrives cut in half").await
}

/// The JS glue (`pactline-<hash>.js`, which loads the wasm) answers 404:
/// `index.html` names a glue the host does not have, as in a deploy half
/// uploaded. (A new name, not the real glue failing: WebKit keeps a module
/// it has loaded, or failed to load, across navigations whatever the
/// cache headers say, so the real name would fail other scenarios, or
/// load from an earlier one.) The new name is in Trunk's inline loader, so
/// the page's policy is re-hashed, as the build would have: otherwise the
/// policy would block the loader, and the scenario would show that instead.
pub async fn a_missing_js_glue_leaves_the_first_screen_and_says_so(page: &Page) -> Result<(), String> {
    let glue = page.built_file(|name| name.starts_with("pactline-") && name.ends_with(".js"))?;
    let index = page.app_dir().join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    if !html.contains(&glue) {
        return Err(format!("test bug: {} does not name {glue}", index.display()));
    }
    let _lost = page.app_server().replace_file(
        "index.html",
        rehashed(&html, &html.replace(&glue, &format!("lost-{glue}")))?,
    );
    expect_a_readable_failed_start(page, "the JS glue answers 404").await
}

/// Loaded at the top of `index.html`: every storage the browser has throws,
/// as in private modes that refuse it (Safari's threw on localStorage,
/// Firefox's on IndexedDB and service workers), and so does reading
/// `navigator.serviceWorker`, the one the app's page touches.
const STORAGE_THROWS: &str = r#"(function () {
  function refuse() { throw new DOMException("storage refused (pactline test)", "SecurityError"); }
  [[window, "localStorage"], [window, "sessionStorage"], [window, "indexedDB"], [window, "caches"],
   [navigator, "serviceWorker"], [document, "cookie"]].forEach(function (p) {
    Object.defineProperty(p[0], p[1], { get: refuse, set: refuse, configurable: true });
  });
})();"#;

/// The file [`STORAGE_THROWS`] is served as: a file of the app's origin,
/// which its Content-Security-Policy lets run, where an inline script would
/// be blocked (and recorded as a violation).
const STORAGE_THROWS_FILE: &str = "storage-throws.js";

/// Which of the storages throw when read, by name.
const STORAGES_THAT_THROW: &str = r#"
const throws = (read) => { try { read(); return false; } catch (e) { return true; } };
return {
  localStorage: throws(() => localStorage),
  sessionStorage: throws(() => sessionStorage),
  indexedDB: throws(() => indexedDB),
  caches: throws(() => caches),
  serviceWorker: throws(() => navigator.serviceWorker),
  cookie: throws(() => document.cookie),
};
"#;

/// With every storage throwing, the app starts and works as usual (a
/// deep link, then a search narrowing it in place), shows no error box,
/// and nothing throws once the page has loaded (the service worker's
/// registration, at `load`, included).
pub async fn the_app_works_when_storage_throws(page: &Page) -> Result<(), String> {
    let index = page.app_dir().join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    // Before the first script (Trunk's minifier leaves out <head>).
    let first = html
        .find("<script")
        .ok_or_else(|| format!("test bug: {} has no script", index.display()))?;
    let _script = page.app_server().replace_file(STORAGE_THROWS_FILE, STORAGE_THROWS);
    let _private = page.app_server().replace_file(
        "index.html",
        format!(
            "{}<script src={STORAGE_THROWS_FILE}></script>{}",
            &html[..first],
            &html[first..]
        ),
    );
    page.open("view=timeline&party=amazon").await?;
    let throwing = page.execute_json(STORAGES_THAT_THROW, vec![]).await?;
    let all = [
        "localStorage",
        "sessionStorage",
        "indexedDB",
        "caches",
        "serviceWorker",
        "cookie",
    ];
    if all.iter().any(|name| throwing[name] != json!(true)) {
        return Err(format!("test bug: not every storage throws: {throwing}"));
    }
    page.wait_until("the page has loaded (the service worker's turn)", async || {
        Ok(page.execute_json("return document.readyState;", vec![]).await? == json!("complete"))
    })
    .await?;
    page.wait_for(&showing("timeline")).await?;
    let before = page.text(EVENT_COUNT).await?;
    page.type_into(SEARCH, "Azure").await?;
    wait_for_param(page, "q", Some("Azure")).await?;
    page.wait_until("the search narrows the events", async || {
        Ok(page.text(EVENT_COUNT).await? != before)
    })
    .await?;
    let look: Seen = serde_json::from_value(page.execute_json(LOOK, vec![json!(VIEW)]).await?)
        .map_err(|e| format!("reading the page: {e}"))?;
    expect_eq("the error box", look.message, None)
}
