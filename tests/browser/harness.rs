//! Self-tests of the harness. The after-scenario checks ("no request left
//! 127.0.0.1", "no page errors") only mean something if the recorders would
//! have caught a violation, so each engine is shown one; keyboard input is
//! checked to arrive as the app will see it; and the reset that lets one
//! browser session serve scenario after scenario is shown to leave nothing
//! of the app behind.
//!
//! The fixture pages come from `tests/browser/fixtures/`, served by a second
//! server instance (another port, so another origin), not from `dist/`.

use std::path::Path;

use serde_json::json;

use super::offline::wait_until_offline_ready;
use crate::support::page::Page;
use crate::support::server::{DEFAULT_BASE_PATH, Destination, Server};

/// Starts a second origin serving the harness's fixture pages.
async fn fixture_server() -> Result<Server, String> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/fixtures");
    Server::start(fixtures, "/fixture/")
        .await
        .map_err(|e| format!("starting the fixture server: {e}"))
}

/// A page that loads images from `http://example.invalid` and
/// `https://example.invalid` reaches the recording proxy with both attempts,
/// while the page itself (another loopback origin) loads directly.
pub async fn offorigin_attempt_is_recorded(page: &Page) -> Result<(), String> {
    let fixtures = fixture_server().await?;
    page.goto(&format!("{}offorigin.html", fixtures.base_url())).await?;
    let expected = [
        ("GET", "http://example.invalid/x.png"),
        ("CONNECT", "example.invalid:443"),
    ];
    page.wait_until("the proxy has seen both example.invalid requests", async || {
        let seen = page.offorigin_requests();
        Ok(expected.iter().all(|(method, target)| {
            seen.iter()
                .any(|request| request.method == *method && request.target == *target)
        }))
    })
    .await?;

    let unexpected: Vec<_> = page
        .take_offorigin_requests()
        .into_iter()
        .filter(|request| !request.target.contains("example.invalid"))
        .map(|request| request.to_string())
        .collect();
    if !unexpected.is_empty() {
        // Typically the fixture page itself: loopback went through the proxy.
        return Err(format!("unexpected requests reached the proxy: {unexpected:?}"));
    }
    let served_directly = fixtures
        .log()
        .since(0)
        .iter()
        .any(|request| request.target == "/fixture/offorigin.html" && request.status == 200);
    if !served_directly {
        return Err("the fixture server never served offorigin.html".into());
    }
    // The refused loads are errors by design (Chromium logs them).
    page.take_errors().await?;
    Ok(())
}

/// An uncaught error thrown by a page shows up in [`Page::errors`].
pub async fn page_error_is_recorded(page: &Page) -> Result<(), String> {
    let fixtures = fixture_server().await?;
    page.goto(&format!("{}error.html", fixtures.base_url())).await?;
    page.wait_until("the thrown error is recorded", async || {
        Ok(page
            .errors()
            .await?
            .iter()
            .any(|error| error.contains("pactline self-test error")))
    })
    .await?;
    page.take_errors().await?;
    Ok(())
}

/// Typed text and named keys arrive at the page as the DOM `key` values
/// the app's handlers will compare against.
pub async fn keys_reach_the_page(page: &Page) -> Result<(), String> {
    let fixtures = fixture_server().await?;
    page.goto(&format!("{}keys.html", fixtures.base_url())).await?;
    page.type_into("#field", "ab").await?;
    for key in ["Enter", "ArrowDown", "Escape", "Tab"] {
        page.press(key).await?;
    }
    let expected = "a,b,Enter,ArrowDown,Escape,Tab";
    page.wait_until(&format!("the page has seen the keys {expected}"), async || {
        Ok(page.attr("body", "data-keys").await?.as_deref() == Some(expected))
    })
    .await
    .map_err(|timeout| format!("{timeout} (keys as the page saw them are in body[data-keys])"))
}

/// What the app can leave on its origin, read where the page is.
const ORIGIN_STATE: &str = r#"
const done = arguments[arguments.length - 1];
(async () => ({
  path: location.pathname,
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  caches: (await caches.keys()).length,
  storage: localStorage.length + sessionStorage.length,
  window: [outerWidth, outerHeight],
}))().then(done, (error) => done({ error: String(error) }));
"#;

/// After [`Page::reset`] (what the harness does between scenarios on a
/// kept session) the app's origin has no service worker, cache or stored
/// item left, the window has its starting size, and the next visit loads
/// the app from the server again, not from a leftover worker's cache. That
/// holds for a reset straight after the app loads, while its service
/// worker is still busy installing, and for one after it has settled.
pub async fn reset_leaves_nothing_of_the_app(page: &Page) -> Result<(), String> {
    page.open("").await?;
    let window = page.execute_json("return [outerWidth, outerHeight];", vec![]).await?;
    let clean = json!({ "path": "/blank.html", "workers": 0, "caches": 0, "storage": 0, "window": window });
    page.reset().await?;
    expect_clean(page, &clean, "straight after the app loaded").await?;

    page.open("").await?;
    wait_until_offline_ready(page, "").await?;
    page.execute_json(
        "localStorage.setItem('pactline-test', '1'); sessionStorage.setItem('pactline-test', '1');",
        vec![],
    )
    .await?;
    page.set_viewport_size(500, 600).await?;
    let used = page.execute_async_json(ORIGIN_STATE, vec![]).await?;
    if used["workers"] == 0 || used["caches"] == 0 || used["storage"] != 2 || used["window"] == window {
        return Err(format!("test bug: the app did not leave its marks to clear: {used}"));
    }
    page.reset().await?;
    expect_clean(page, &clean, "once the app was ready offline").await?;

    let before = page.requests().len();
    page.open("").await?;
    let served: Vec<String> = page
        .requests()
        .iter()
        .skip(before)
        .filter(|request| request.destination == Destination::Local && request.status == 200)
        .map(|request| request.path().to_owned())
        .collect();
    let wasm = served.iter().any(|path| path.ends_with(".wasm"));
    if !served.iter().any(|path| path == DEFAULT_BASE_PATH) || !wasm {
        return Err(format!(
            "after the reset the app did not load from the server (page and wasm); it served {served:?}"
        ));
    }
    Ok(())
}

/// Fails unless the origin's state, read after a reset `when`, is `clean`.
async fn expect_clean(page: &Page, clean: &serde_json::Value, when: &str) -> Result<(), String> {
    let left = page.execute_async_json(ORIGIN_STATE, vec![]).await?;
    if left == *clean {
        Ok(())
    } else {
        Err(format!(
            "after a reset {when}, the origin holds {left}, expected {clean}"
        ))
    }
}
