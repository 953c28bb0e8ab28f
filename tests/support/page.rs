//! Reader-level helpers that scenarios are written with.
//!
//! A [`Page`] is one browser session pointed at the app, plus what the
//! harness recorded about it: the server's request log (scoped to the
//! current scenario) and the page's errors. Every helper returns
//! `Result<_, String>` with the engine and the selector in the message, so a
//! scenario is a straight line of `?`s and a failure reads on its own.
//!
//! Waiting is always polling for a condition with a deadline, never a
//! fixed sleep standing in for an assertion. What the window shows
//! (screenshots, printouts, its size) is in `page/window.rs`.

mod window;

use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::key::Key;

use super::engines::Engine;
use super::server::{RequestLog, RequestRecord, Server, ServerControl};
use super::session::Session;

/// How long `wait_for`, `wait_until` and the element helpers keep polling.
const WAIT_TIMEOUT: Duration = Duration::from_secs(10);

/// How often they poll.
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// What WebKitWebDriver says when a look-up races a change to the
/// document (see [`Page::first`]).
const LOOKUP_RACE: &str = "Could not parse element info";

/// The app's view, which `open` waits for: the one the running app
/// mounted, not one of the first screens rendered at build time
/// (`#prerender`), which the app removes as it mounts, and once every part
/// of it is built: over a first screen, the app builds what lies below the
/// fold in later tasks, with `#app` busy meanwhile.
const APP_ROOT: &str = r#"#app:not([aria-busy]) [data-testid="view"]"#;

/// Reads (and normalises to strings) the errors the app's `index.html`
/// records in `window.__pactlineErrors`; `null` if there is no recorder.
const READ_ERRORS: &str = "const errors = window.__pactlineErrors; \
     return Array.isArray(errors) ? errors.map(String) : null;";

/// One browser session driving the app, as scenarios see it.
#[derive(Debug)]
pub struct Page {
    session: Session,
    app_url: String,
    /// The directory the app's server serves (the build under test).
    app_dir: PathBuf,
    /// The app origin's empty page, where [`Page::reset`] leaves the session.
    blank_url: String,
    log: RequestLog,
    /// Live changes to what the app's server answers.
    server: ServerControl,
    /// Where the current scenario's part of the request log starts.
    log_mark: Cell<usize>,
    /// Errors gathered from documents already navigated away from, and
    /// console entries already drained from the driver.
    collected_errors: RefCell<Vec<String>>,
}

impl Page {
    /// Wraps a session on the app served by `server`. The server's
    /// log from position `since` on belongs to this page: take it before
    /// starting the browser, so its start-up traffic counts too.
    pub fn new(session: Session, server: &Server, since: usize) -> Self {
        Self {
            session,
            app_url: server.base_url(),
            app_dir: server.root().to_path_buf(),
            blank_url: server.blank_url(),
            log: server.log().clone(),
            server: server.control().clone(),
            log_mark: Cell::new(since),
            collected_errors: RefCell::new(Vec::new()),
        }
    }

    /// The engine this page runs on.
    pub fn engine(&self) -> Engine {
        self.session.engine
    }

    /// Loads the app with `query` (`""`, `"view=clauses"` or
    /// `"?view=clauses"`) and waits until it has rendered its view.
    pub async fn open(&self, query: &str) -> Result<(), String> {
        let query = query.trim_start_matches('?');
        let url = if query.is_empty() {
            self.app_url.clone()
        } else {
            format!("{}?{query}", self.app_url)
        };
        self.goto(&url).await?;
        self.wait_for(APP_ROOT).await
    }

    /// Navigates to any URL (e.g. a fixture on a second server) and waits
    /// for the document to load.
    pub async fn goto(&self, url: &str) -> Result<(), String> {
        self.keep_document_errors().await?;
        self.session
            .client
            .goto(url)
            .await
            .map_err(self.failed(&format!("loading {url}")))
    }

    /// Waits until at least one element matches `css`.
    pub async fn wait_for(&self, css: &str) -> Result<(), String> {
        self.first(css).await.map(drop)
    }

    /// Polls `ready` until it returns `Ok(true)`; `what` describes the
    /// condition for the timeout message. An `Err` from `ready` ends the
    /// wait at once.
    pub async fn wait_until(
        &self,
        what: &str,
        mut ready: impl AsyncFnMut() -> Result<bool, String>,
    ) -> Result<(), String> {
        let deadline = Instant::now() + WAIT_TIMEOUT;
        loop {
            if ready().await? {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "[{}] timed out after {WAIT_TIMEOUT:?} waiting until {what}",
                    self.engine().name()
                ));
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// How many elements match `css` right now (no waiting).
    pub async fn count(&self, css: &str) -> Result<usize, String> {
        Ok(self.all(css).await?.len())
    }

    /// The rendered text of the first element matching `css`, once there is one.
    pub async fn text(&self, css: &str) -> Result<String, String> {
        self.first(css)
            .await?
            .text()
            .await
            .map_err(self.failed(&format!("reading the text of `{css}`")))
    }

    /// Attribute `name` of the first element matching `css`, once there is
    /// one; `None` if the attribute is absent.
    pub async fn attr(&self, css: &str, name: &str) -> Result<Option<String>, String> {
        self.first(css)
            .await?
            .attr(name)
            .await
            .map_err(self.failed(&format!("reading `{name}` of `{css}`")))
    }

    /// Clicks the first element matching `css`, once there is one.
    pub async fn click(&self, css: &str) -> Result<(), String> {
        let element = self.first(css).await?;
        if self.engine() == Engine::Webkit {
            // WebKitWebDriver 2.50 fails (with an empty message) to click
            // some elements below the fold, such as the empty timeline's
            // buttons under the drawing; scrolled to the middle first, they
            // take the click as on the other engines.
            self.execute_json(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
                vec![css.into()],
            )
            .await?;
        }
        element.click().await.map_err(self.failed(&format!("clicking `{css}`")))
    }

    /// Chooses the option with `value` in the first `<select>` matching
    /// `css`, as a reader does: by clicking the option.
    pub async fn select_value(&self, css: &str, value: &str) -> Result<(), String> {
        self.first(css)
            .await?
            .select_by_value(value)
            .await
            .map_err(self.failed(&format!("choosing `{value}` in `{css}`")))
    }

    /// Types `text` into the first element matching `css` (appending to
    /// what it holds), once there is one.
    pub async fn type_into(&self, css: &str, text: &str) -> Result<(), String> {
        self.first(css)
            .await?
            .send_keys(text)
            .await
            .map_err(self.failed(&format!("typing into `{css}`")))
    }

    /// Presses and releases one key on whatever has focus. `key` is a DOM
    /// key name (`Enter`, `Escape`, `Tab`, `Backspace`, `Delete`, `Space`,
    /// `ArrowUp`/`Down`/`Left`/`Right`, `Home`, `End`, `PageUp`,
    /// `PageDown`) or a single character.
    pub async fn press(&self, key: &str) -> Result<(), String> {
        let value =
            key_code(key).ok_or_else(|| format!("[{}] press: unknown key name {key:?}", self.engine().name()))?;
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
        self.session
            .client
            .perform_actions(keys)
            .await
            .map_err(self.failed(&format!("pressing {key}")))
    }

    /// Performs WebDriver input actions, such as a pointer's drag, as one
    /// sequence.
    pub async fn perform_actions(&self, actions: impl Into<fantoccini::actions::Actions>) -> Result<(), String> {
        self.session
            .client
            .perform_actions(actions)
            .await
            .map_err(self.failed("performing input actions"))
    }

    /// History back (for the app: a `popstate`, same document).
    pub async fn back(&self) -> Result<(), String> {
        self.keep_document_errors().await?;
        self.session.client.back().await.map_err(self.failed("going back"))
    }

    /// History forward.
    pub async fn forward(&self) -> Result<(), String> {
        self.keep_document_errors().await?;
        self.session
            .client
            .forward()
            .await
            .map_err(self.failed("going forward"))
    }

    /// The current URL's query string without the `?` (empty if none).
    pub async fn current_query(&self) -> Result<String, String> {
        let url = self
            .session
            .client
            .current_url()
            .await
            .map_err(self.failed("reading the URL"))?;
        Ok(url.query().unwrap_or_default().to_owned())
    }

    /// Every error the page reported during this scenario: uncaught
    /// errors and unhandled rejections from `window.__pactlineErrors` (in
    /// this and earlier documents) and, on Chromium, severe console
    /// entries. Fails if the current document has no error recorder, since
    /// "no errors" would then mean nothing.
    pub async fn errors(&self) -> Result<Vec<String>, String> {
        self.keep_console_errors().await?;
        let current = self.document_errors().await?.ok_or_else(|| {
            format!(
                "[{}] window.__pactlineErrors is missing: index.html must install the error recorder",
                self.engine().name()
            )
        })?;
        let mut all = self.collected_errors.borrow().clone();
        all.extend(current);
        Ok(all)
    }

    /// Like [`Page::errors`], then forgets them, for scenarios that cause
    /// errors on purpose; the after-scenario check sees only later ones.
    pub async fn take_errors(&self) -> Result<Vec<String>, String> {
        let all = self.errors().await?;
        self.collected_errors.borrow_mut().clear();
        self.session
            .client
            .execute("window.__pactlineErrors.length = 0;", vec![])
            .await
            .map_err(self.failed("clearing window.__pactlineErrors"))?;
        Ok(all)
    }

    /// Every request the app's server received during this scenario,
    /// oldest first (local ones and refused off-origin ones).
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.log.since(self.log_mark.get())
    }

    /// The requests during this scenario that tried to leave 127.0.0.1,
    /// or that the server could not parse (see [`RequestRecord::is_stray`]).
    pub fn offorigin_requests(&self) -> Vec<RequestRecord> {
        self.requests().into_iter().filter(RequestRecord::is_stray).collect()
    }

    /// Like [`Page::offorigin_requests`], then starts the request log
    /// afresh, for scenarios that provoke off-origin traffic on purpose.
    pub fn take_offorigin_requests(&self) -> Vec<RequestRecord> {
        self.take_requests()
            .into_iter()
            .filter(RequestRecord::is_stray)
            .collect()
    }

    /// Every request since the page's part of the log began, and starts
    /// that part afresh right after the last one returned, so that no
    /// request falls between what this returns and what comes next (see
    /// [`RequestLog::window`]).
    pub fn take_requests(&self) -> Vec<RequestRecord> {
        let (taken, end) = self.log.window(self.log_mark.get());
        self.log_mark.set(end);
        taken
    }

    /// Where the page's part of the request log begins now.
    pub fn log_mark(&self) -> usize {
        self.log_mark.get()
    }

    /// The app's server, to take it offline or replace what it serves
    /// (see [`ServerControl`]); every change ends with its guard.
    pub fn app_server(&self) -> &ServerControl {
        &self.server
    }

    /// Runs `script` (a function body: `arguments[i]` are `args`, `return`
    /// gives the result) in the current document and returns its result.
    pub async fn execute_json(&self, script: &str, args: Vec<serde_json::Value>) -> Result<serde_json::Value, String> {
        self.session
            .client
            .execute(script, args)
            .await
            .map_err(self.failed(&format!("running the script `{}`", script_summary(script))))
    }

    /// Like [`Page::execute_json`] for a script that finishes later: it
    /// passes its result to its last argument, the callback
    /// (`arguments[arguments.length - 1]`), e.g. from a promise.
    pub async fn execute_async_json(
        &self,
        script: &str,
        args: Vec<serde_json::Value>,
    ) -> Result<serde_json::Value, String> {
        self.session
            .client
            .execute_async(script, args)
            .await
            .map_err(self.failed(&format!("running the async script `{}`", script_summary(script))))
    }

    /// Runs `body` with the session switched into the first `<iframe>`
    /// matching `css` (once there is one), so every helper acts on the
    /// framed document; switches back to the parent document afterwards,
    /// also when `body` fails.
    pub async fn in_frame<T>(&self, css: &str, body: impl AsyncFnOnce() -> Result<T, String>) -> Result<T, String> {
        self.first(css)
            .await?
            .enter_frame()
            .await
            .map_err(self.failed(&format!("switching into the frame `{css}`")))?;
        let outcome = body().await;
        let back = self
            .session
            .client
            .enter_parent_frame()
            .await
            .map_err(self.failed(&format!("switching out of the frame `{css}`")));
        let value = outcome?;
        back?;
        Ok(value)
    }

    /// An empty page on the app's origin, outside the app's directory.
    pub fn blank_url(&self) -> &str {
        &self.blank_url
    }

    /// The app's URL (the served directory, ending in `/`, no query).
    pub fn app_url(&self) -> &str {
        &self.app_url
    }

    /// The directory the app's server serves: the build under test.
    pub fn app_dir(&self) -> &std::path::Path {
        &self.app_dir
    }

    /// The name of the one file in [`Page::app_dir`] whose name matches
    /// `wanted`, for scenarios that break a built file whose name carries
    /// the build's hash.
    pub fn built_file(&self, wanted: impl Fn(&str) -> bool) -> Result<String, String> {
        let dir = self.app_dir();
        std::fs::read_dir(dir)
            .map_err(|e| format!("listing {}: {e}", dir.display()))?
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .find(|name| wanted(name))
            .ok_or_else(|| format!("no such file in {}", dir.display()))
    }

    /// The app's wasm, `pactline-<hash>_bg.wasm`.
    pub fn wasm_file(&self) -> Result<String, String> {
        self.built_file(|name| name.ends_with("_bg.wasm"))
    }

    /// `127.0.0.1:PORT`: the app's server, which is also every browser's
    /// recording proxy; for sessions a scenario starts itself.
    pub fn proxy_address(&self) -> String {
        url::Url::parse(&self.app_url)
            .ok()
            .and_then(|url| Some(format!("{}:{}", url.host_str()?, url.port_or_known_default()?)))
            .unwrap_or_default()
    }

    /// Another page on the same app and request log, driving `session`
    /// (one the scenario started itself, e.g. with other browser settings).
    /// The harness checks only the page it gave the scenario: off-origin
    /// requests from this one show up there too (the log is shared), but
    /// the scenario must check this page's errors and close it.
    pub fn sibling(&self, session: Session) -> Page {
        Page {
            session,
            app_url: self.app_url.clone(),
            app_dir: self.app_dir.clone(),
            blank_url: self.blank_url.clone(),
            log: self.log.clone(),
            server: self.server.clone(),
            log_mark: Cell::new(self.log.mark()),
            collected_errors: RefCell::default(),
        }
    }

    /// Ends the browser session.
    pub async fn close(self) -> Result<(), String> {
        self.session.close().await
    }

    /// Makes the session as good as new (see [`Session::reset`]), leaving
    /// it on an empty page of the app's origin; the harness does this
    /// before it hands the session to the next scenario. Errors recorded
    /// up to then, on the way out included, are kept: see
    /// [`Page::kept_errors`].
    pub async fn reset(&self) -> Result<(), String> {
        self.keep_document_errors().await?;
        self.keep_console_errors().await?;
        let console = self.session.reset(&self.blank_url).await?;
        self.collected_errors.borrow_mut().extend(console);
        Ok(())
    }

    /// The errors kept from documents already left and from the console,
    /// without reading the current document (which, after
    /// [`Page::reset`], is not the app's).
    pub fn kept_errors(&self) -> Vec<String> {
        self.collected_errors.borrow().clone()
    }

    /// Gives up the page and returns its session, e.g. to keep it for the
    /// next scenario.
    pub fn into_session(self) -> Session {
        self.session
    }

    /// The first element matching `css`, polling until one exists.
    async fn first(&self, css: &str) -> Result<Element, String> {
        let deadline = Instant::now() + WAIT_TIMEOUT;
        loop {
            match self.all(css).await {
                Ok(found) => {
                    if let Some(element) = found.into_iter().next() {
                        return Ok(element);
                    }
                }
                // WebKitWebDriver answers a look-up that meets the document
                // mid-change (the app taking over the first screen) with
                // this error rather than with what it found before or
                // after; the next poll sees the document settled.
                Err(error) if error.contains(LOOKUP_RACE) => {}
                Err(error) => return Err(error),
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "[{}] timed out after {WAIT_TIMEOUT:?} waiting for `{css}`",
                    self.engine().name()
                ));
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    async fn all(&self, css: &str) -> Result<Vec<Element>, String> {
        self.session
            .client
            .find_all(Locator::Css(css))
            .await
            .map_err(self.failed(&format!("looking up `{css}`")))
    }

    /// The current document's recorded errors, `None` if it has no recorder.
    async fn document_errors(&self) -> Result<Option<Vec<String>>, String> {
        let value = self
            .session
            .client
            .execute(READ_ERRORS, vec![])
            .await
            .map_err(self.failed("reading window.__pactlineErrors"))?;
        Ok(value.as_array().map(|errors| {
            errors
                .iter()
                .map(|error| error.as_str().map_or_else(|| error.to_string(), str::to_owned))
                .collect()
        }))
    }

    /// Moves what the browser's console log holds (Chromium only) into
    /// the kept errors.
    async fn keep_console_errors(&self) -> Result<(), String> {
        if self.engine().has_console_log() {
            let console = self.session.console_errors().await?;
            self.collected_errors.borrow_mut().extend(console);
        }
        Ok(())
    }

    /// Before leaving a document, keeps what it recorded: its errors would
    /// otherwise vanish with it. Documents without a recorder (the initial
    /// blank page, the blank page between scenarios) have nothing to keep.
    async fn keep_document_errors(&self) -> Result<(), String> {
        if let Some(errors) = self.document_errors().await? {
            self.collected_errors.borrow_mut().extend(errors);
        }
        Ok(())
    }

    /// Turns a WebDriver error into a message naming the engine and `what`
    /// we were doing.
    fn failed(&self, what: &str) -> impl FnOnce(CmdError) -> String {
        let context = format!("[{}] {what}", self.engine().name());
        move |error| format!("{context}: {error}")
    }
}

/// The start of a script, on one line, for error messages.
fn script_summary(script: &str) -> String {
    let line = script.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line,
    }
}

/// The WebDriver code point for a DOM key name, or the character itself.
fn key_code(name: &str) -> Option<char> {
    let key = match name {
        "Enter" => Key::Enter,
        "Escape" => Key::Escape,
        "Tab" => Key::Tab,
        "Backspace" => Key::Backspace,
        "Delete" => Key::Delete,
        "Space" => Key::Space,
        "ArrowUp" => Key::Up,
        "ArrowDown" => Key::Down,
        "ArrowLeft" => Key::Left,
        "ArrowRight" => Key::Right,
        "Home" => Key::Home,
        "End" => Key::End,
        "PageUp" => Key::PageUp,
        "PageDown" => Key::PageDown,
        _ => {
            let mut chars = name.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            };
        }
    };
    Some(key.into())
}
