//! One browser session, and the reset that makes a kept session as good as
//! new for the next scenario.

use fantoccini::Client;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::json;

use super::engines::{Engine, WINDOW};
use super::processes::TempDir;

/// One browser session. Close it with [`Session::close`]; dropping it only
/// asks the driver to end it in the background.
#[derive(Debug)]
pub struct Session {
    /// The WebDriver client for this session.
    pub client: Client,
    /// The engine it runs on.
    pub engine: Engine,
    // Removed after the session, which is what was using it.
    _profile: Option<TempDir>,
}

impl Session {
    /// Wraps a session the driver has opened; `profile` is the browser's
    /// profile directory, if it has one of ours, removed with the session.
    pub(super) fn new(client: Client, engine: Engine, profile: Option<TempDir>) -> Self {
        Self {
            client,
            engine,
            _profile: profile,
        }
    }

    /// Ends the session and waits for the browser to quit.
    pub async fn close(self) -> Result<(), String> {
        self.client
            .close()
            .await
            .map_err(|e| format!("[{}] closing the session: {e}", self.engine.name()))
    }

    /// Makes this session as good as new for the next scenario, or says
    /// why it cannot, and returns the console errors logged meanwhile
    /// (Chromium; none elsewhere). Afterwards there is one window, on
    /// `blank_url` (an empty page on the app's origin), with that origin's
    /// service workers stopped and unregistered, its caches and storage
    /// gone, no cookies, the pointer at the top left with nothing pressed,
    /// and the window at its starting size.
    ///
    /// Knowingly kept: the history, which no scenario goes back past its
    /// own first page into; IndexedDB, which the app does not use; and the
    /// storage of other origins, which the app never has (it keeps nothing
    /// on `file://`) and the fixture servers never reuse (each is started
    /// on a new port, so is a new origin).
    pub async fn reset(&self, blank_url: &str) -> Result<Vec<String>, String> {
        let failed = |what: &'static str| move |e: fantoccini::error::CmdError| format!("{what}: {e}");
        let windows = self.client.windows().await.map_err(failed("listing windows"))?;
        if windows.len() != 1 {
            return Err(format!("the scenario left {} windows open", windows.len()));
        }
        self.client
            .goto(blank_url)
            .await
            .map_err(failed("loading the blank page"))?;
        let left = self
            .client
            .execute_async(CLEAR_ORIGIN, vec![])
            .await
            .map_err(failed("clearing the origin"))?;
        if left != json!({ "registrations": 0, "running": 0, "caches": 0 }) {
            return Err(format!("clearing the origin left {left}"));
        }
        self.client
            .delete_all_cookies()
            .await
            .map_err(failed("deleting cookies"))?;
        // Where the last click was, a button of the next scenario's page
        // would otherwise show its :hover style.
        let pointer = MouseActions::new("reset".into()).then(PointerAction::MoveTo {
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        self.client
            .perform_actions(pointer)
            .await
            .map_err(failed("moving the pointer away"))?;
        self.client
            .release_actions()
            .await
            .map_err(failed("releasing keys and buttons"))?;
        self.client
            .set_window_size(WINDOW.0, WINDOW.1)
            .await
            .map_err(failed("sizing the window"))?;
        if self.engine.has_console_log() {
            self.console_errors().await
        } else {
            Ok(Vec::new())
        }
    }

    /// Drains chromedriver's browser console log and returns the
    /// `SEVERE` entries (uncaught errors, failed loads, `console.error`).
    pub async fn console_errors(&self) -> Result<Vec<String>, String> {
        let entries = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .map_err(|e| format!("[{}] reading the console log: {e}", self.engine.name()))?;
        Ok(entries
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| format!("console: {}", entry["message"].as_str().unwrap_or_default()))
            .collect())
    }
}

/// Stops and unregisters the current origin's service workers, then
/// deletes its caches and clears its storage; answers what is left
/// (registrations, workers not yet redundant, caches: all 0 when done), or
/// the error. A worker still busy when unregistered (installing, or
/// refreshing its cache for a navigation) runs on until it finishes and
/// could write a cache again, so the caches go only once every worker is
/// redundant, or after 5 s, which the answer then shows.
const CLEAR_ORIGIN: &str = r#"
const done = arguments[arguments.length - 1];
const redundant = (worker) => new Promise((resolve) => {
  const check = () => worker.state === "redundant" && resolve();
  worker.addEventListener("statechange", check);
  check();
});
(async () => {
  const container = navigator.serviceWorker;
  const registrations = container ? await container.getRegistrations() : [];
  const workers = registrations.flatMap((r) => [r.installing, r.waiting, r.active]).filter(Boolean);
  await Promise.all(registrations.map((registration) => registration.unregister()));
  const limit = new Promise((resolve) => setTimeout(resolve, 5000));
  await Promise.race([Promise.all(workers.map(redundant)), limit]);
  for (const key of await caches.keys()) {
    await caches.delete(key);
  }
  localStorage.clear();
  sessionStorage.clear();
  return {
    registrations: container ? (await container.getRegistrations()).length : 0,
    running: workers.filter((worker) => worker.state !== "redundant").length,
    caches: (await caches.keys()).length,
  };
})().then(done, (error) => done({ error: String(error) }));
"#;

/// chromedriver's (non-standard) `POST /session/{id}/se/log`, which returns
/// and clears the log entries gathered since the previous call.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "type": "browser" }).to_string()))
    }
}
