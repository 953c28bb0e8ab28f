//! Self-tests of the harness. The after-scenario checks ("no request left
//! 127.0.0.1 or went unread", "no page errors") only mean something if the
//! recorders would have caught a violation, so each engine is shown one:
//! an off-origin request, an unparseable one, an error on a planted page,
//! and errors and Content-Security-Policy violations in the real app,
//! caught by the app's own recorder (Firefox and WebKit have no console
//! log to fall back on). Keyboard input is
//! checked to arrive as the app will see it, and the reset that lets one
//! browser session serve scenario after scenario is shown to leave nothing
//! of the app behind.
//!
//! The fixture pages come from `tests/browser/fixtures/`, served by a second
//! server instance (another port, so another origin), not from `dist/`.

use std::path::Path;

use serde_json::json;
use tokio::io::AsyncWriteExt;

use super::offline::wait_until_offline_ready;
use crate::support::page::Page;
use crate::support::server::{DEFAULT_BASE_PATH, Destination, Server, UNPARSEABLE_METHOD};
use crate::support::steps::VIEW;

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

/// Sent to the app's server as if it were a request: no method, target
/// and version, so the server cannot read it.
const GARBAGE_REQUEST: &[u8] = b"pactline self-test: not HTTP\r\n\r\n";

/// Bytes the server cannot read as a request are recorded, as an
/// unparseable request that the after-scenario check counts as stray.
pub async fn unparseable_request_is_recorded(page: &Page) -> Result<(), String> {
    page.open("").await?;
    let address = page.proxy_address();
    let mut stream = tokio::net::TcpStream::connect(&address)
        .await
        .map_err(|e| format!("connecting to {address}: {e}"))?;
    stream
        .write_all(GARBAGE_REQUEST)
        .await
        .map_err(|e| format!("writing to {address}: {e}"))?;
    page.wait_until("the server has recorded the unparseable request", async || {
        Ok(page.offorigin_requests().iter().any(|request| {
            request.destination == Destination::Unparseable
                && request.method == UNPARSEABLE_METHOD
                && request.target.contains("pactline self-test: not HTTP")
        }))
    })
    .await
    .map_err(|e| {
        format!(
            "{e}; recorded: {:?}",
            page.requests().iter().map(ToString::to_string).collect::<Vec<_>>()
        )
    })?;
    page.take_offorigin_requests();
    Ok(())
}

/// What the app's own recorder (`index.html`) holds, read directly rather
/// than through [`Page::errors`], which on Chromium adds the console's.
const APP_RECORDED: &str =
    "return Array.isArray(window.__pactlineErrors) ? window.__pactlineErrors.map(String) : null;";

/// Whether the app's error box (`#boot-error` in `index.html`) shows.
pub(super) const ERROR_BOX_SHOWN: &str =
    "const box = document.getElementById('boot-error'); return !!box && !box.hidden && box.offsetHeight > 0;";

/// Thrown by a script added to the app's page, after the app has started.
const PLANTED_APP_ERROR: &str = "pactline self-test: an error in the running app";

/// Waits until the app's own recorder holds an error that `matches`;
/// returns what it holds.
async fn app_recorded(page: &Page, what: &str, matches: impl Fn(&str) -> bool) -> Result<Vec<String>, String> {
    let mut recorded = Vec::new();
    page.wait_until(&format!("the app's recorder holds {what}"), async || {
        let value = page.execute_json(APP_RECORDED, vec![]).await?;
        recorded = serde_json::from_value::<Option<Vec<String>>>(value)
            .map_err(|e| format!("reading window.__pactlineErrors: {e}"))?
            .ok_or("the app's page has no window.__pactlineErrors")?;
        Ok(recorded.iter().any(|error| matches(error)))
    })
    .await
    .map_err(|e| format!("{e}; it holds {recorded:?}"))?;
    Ok(recorded)
}

/// Waits until the app's own recorder holds an error that `matches`, and
/// its error box shows; returns what the recorder holds.
pub(super) async fn expect_app_recorded(
    page: &Page,
    what: &str,
    matches: impl Fn(&str) -> bool,
) -> Result<Vec<String>, String> {
    let recorded = app_recorded(page, what, matches).await?;
    page.wait_until("the app's error box (#boot-error) shows", async || {
        Ok(page.execute_json(ERROR_BOX_SHOWN, vec![]).await? == json!(true))
    })
    .await?;
    Ok(recorded)
}

/// An uncaught error in the running app (thrown by a script added to its
/// `index.html`, after the app has rendered) is recorded by the app's own
/// recorder, and the app shows its error box.
pub async fn app_records_an_error_after_start(page: &Page) -> Result<(), String> {
    let index = page.app_dir().join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    // A file of the app's own, which its Content-Security-Policy lets run,
    // where an inline script would be blocked (and recorded as that).
    let thrower = format!(
        "var started = setInterval(function () {{ if (document.querySelector('{VIEW}')) {{ \
         clearInterval(started); throw new Error(\"{PLANTED_APP_ERROR}\"); }} }}, 50);"
    );
    if !html.contains("</body>") {
        return Err(format!(
            "test bug: {} has no </body> to add a script before",
            index.display()
        ));
    }
    let _script = page.app_server().replace_file("planted-error.js", thrower);
    let _planted = page.app_server().replace_file(
        "index.html",
        html.replacen("</body>", "<script src=planted-error.js></script></body>", 1),
    );
    page.open("view=sources").await?;
    expect_app_recorded(page, "the planted error", |error| error.contains(PLANTED_APP_ERROR)).await?;
    page.take_errors().await?;
    Ok(())
}

/// A start that fails (the server answers with a corrupt `.wasm`) is
/// recorded by the app's own recorder, the app shows its error box, and no
/// view renders.
pub async fn app_records_a_failed_start(page: &Page) -> Result<(), String> {
    let wasm = page.wasm_file()?;
    let _corrupt = page
        .app_server()
        .replace_file(&wasm, b"pactline self-test: not WebAssembly".to_vec());
    page.goto(&format!("{}?view=timeline", page.app_url())).await?;
    let recorded = expect_app_recorded(page, "an error", |_| true).await?;
    if page.count(VIEW).await? != 0 {
        return Err(format!(
            "the app rendered a view with a corrupt {wasm}; recorded {recorded:?}"
        ));
    }
    page.take_errors().await?;
    Ok(())
}

/// Planted in the running app: an inline script and an element with an
/// inline style attribute, which its Content-Security-Policy forbids.
const PLANT_CSP_VIOLATIONS: &str = r#"
const script = document.createElement("script");
script.textContent = "window.__pactlineCspPlanted = true;";
document.body.append(script);
const styled = document.createElement("p");
styled.setAttribute("style", "outline: 3px solid red");
styled.textContent = "pactline self-test: styled inline";
document.body.append(styled);
"#;

/// What the app's recorder writes for a violation (`index.html`).
pub(super) const CSP_RECORDED: &str = "Content-Security-Policy blocked";

/// An inline script and an inline style attribute added to the running
/// app are blocked by its Content-Security-Policy (the script never runs),
/// and the app's own recorder holds both violations, so the after-scenario
/// check fails any scenario that sets one off.
pub async fn csp_violations_are_recorded(page: &Page) -> Result<(), String> {
    page.open("view=sources").await?;
    page.execute_json(PLANT_CSP_VIOLATIONS, vec![]).await?;
    // CSP 3 browsers name the directive that applied (`script-src-elem`,
    // `style-src-attr`); older ones the one the policy wrote.
    for directive in ["(script-src", "(style-src"] {
        app_recorded(page, &format!("a {directive}) violation"), |error| {
            error.starts_with(CSP_RECORDED) && error.contains(directive)
        })
        .await?;
    }
    if page
        .execute_json("return window.__pactlineCspPlanted === true;", vec![])
        .await?
        != json!(false)
    {
        return Err("the planted inline script ran: the page has no Content-Security-Policy".into());
    }
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
