//! Browser engines, their WebDriver servers, and sessions on them.
//!
//! Every engine goes through the same code path: find the driver binary,
//! start it (under a private Xvfb if the engine needs a display) on a free
//! port, wait for `/status`, then open sessions with capabilities built from
//! the engine's data. The per-engine differences live in the small `match`es
//! on [`Engine`]; adding an engine means adding a variant and its data.
//!
//! Everything started here is a process-group leader and is killed as a
//! group when its guard drops, so a browser spawned by a driver cannot
//! outlive the run even if the session was never closed.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::process::{Child, Command};

use super::artifacts_dir;

/// How long a driver (or Xvfb) may take to come up.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(30);

/// Window size for every engine, so layouts and screenshots are comparable.
const WINDOW: (u32, u32) = (1280, 900);

/// Hosts that bypass the proxy: the servers under test, including a second
/// local origin. Chromium and Firefox exempt loopback by default, WebKit
/// does not; naming them keeps every engine alike.
const LOOPBACK: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

/// A browser engine the harness can drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Chromium through chromedriver.
    Chromium,
    /// Firefox ESR through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver.
    Webkit,
}

impl Engine {
    /// Parses an engine name as used in `PACTLINE_BROWSERS`.
    pub fn from_name(name: &str) -> Result<Self, String> {
        match name.trim().to_ascii_lowercase().as_str() {
            "chromium" | "chrome" => Ok(Self::Chromium),
            "firefox" | "gecko" => Ok(Self::Firefox),
            "webkit" => Ok(Self::Webkit),
            other => Err(format!(
                "unknown browser {other:?} (expected chromium, firefox or webkit)"
            )),
        }
    }

    /// The engine's name as printed in results.
    pub fn name(self) -> &'static str {
        match self {
            Self::Chromium => "chromium",
            Self::Firefox => "firefox",
            Self::Webkit => "webkit",
        }
    }

    /// Whether the browser's console can be read over WebDriver
    /// (chromedriver's `/se/log`; the others do not implement it).
    pub fn has_console_log(self) -> bool {
        self == Self::Chromium
    }

    fn driver_binary(self) -> &'static str {
        match self {
            Self::Chromium => "chromedriver",
            Self::Firefox => "geckodriver",
            Self::Webkit => "WebKitWebDriver",
        }
    }

    /// Where to look for the browser the driver launches, first match wins;
    /// empty when the driver finds it on its own (WebKitWebDriver and
    /// MiniBrowser). Debian's `/usr/bin/chromium` is a wrapper script that
    /// adds Google API keys (and so more background traffic): skip it.
    fn browser_candidates(self) -> &'static [&'static str] {
        match self {
            Self::Chromium => &["/usr/lib/chromium/chromium", "chromium"],
            Self::Firefox => &["firefox-esr", "firefox"],
            Self::Webkit => &[],
        }
    }

    /// What to run when the driver or the browser is missing.
    fn install_hint(self) -> &'static str {
        match self {
            Self::Chromium => "apt-get install chromium chromium-driver",
            Self::Firefox => "apt-get install firefox-esr && cargo install --locked geckodriver",
            Self::Webkit => "apt-get install webkit2gtk-driver xvfb",
        }
    }

    fn driver_args(self, port: u16) -> Vec<String> {
        match self {
            Self::Chromium => vec![format!("--port={port}")],
            Self::Firefox => vec!["--port".into(), port.to_string()],
            Self::Webkit => vec![format!("--port={port}")],
        }
    }

    /// Environment for the driver, which passes it on to the browser.
    /// Release builds of Firefox ignore the Remote Settings server pref
    /// unless this variable is set (the `env` capability does not reach it).
    fn driver_env(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Firefox => &[("MOZ_REMOTE_SETTINGS_DEVTOOLS", "1")],
            Self::Chromium | Self::Webkit => &[],
        }
    }

    /// MiniBrowser has no headless mode, so WebKit gets a virtual display.
    fn needs_display(self) -> bool {
        self == Self::Webkit
    }

    /// Chromium gets a profile directory of ours per session, so it is
    /// fresh and is removed even when the browser dies before chromedriver
    /// can clean up. (geckodriver makes a fresh profile itself; WebKit's
    /// automation sessions keep no data.)
    fn wants_profile_dir(self) -> bool {
        self == Self::Chromium
    }

    /// Session capabilities: the proxy (every host but loopback goes to the
    /// recording proxy at `proxy`, `127.0.0.1:PORT`) and each engine's own
    /// options.
    fn capabilities(self, proxy: &str, browser: Option<&Path>, profile_dir: Option<&Path>) -> Capabilities {
        let standard_proxy = json!({
            "proxyType": "manual",
            "httpProxy": proxy,
            "sslProxy": proxy,
            "noProxy": LOOPBACK,
        });
        let entries = match self {
            Self::Chromium => {
                let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|&arg| arg.into()).collect();
                if let Some(dir) = profile_dir {
                    args.push(format!("--user-data-dir={}", dir.display()));
                }
                vec![
                    ("proxy", standard_proxy),
                    (
                        "goog:chromeOptions",
                        json!({
                            "binary": browser,
                            "args": args,
                            // Start on about:blank, not the new-tab page,
                            // which embeds the default search engine's site.
                            "prefs": {
                                "session": { "restore_on_startup": 4, "startup_urls": ["about:blank"] },
                            },
                        }),
                    ),
                    // Makes the console readable through `/se/log`.
                    ("goog:loggingPrefs", json!({ "browser": "ALL" })),
                ]
            }
            Self::Firefox => vec![
                ("proxy", standard_proxy),
                (
                    "moz:firefoxOptions",
                    json!({
                        "binary": browser,
                        "args": ["-headless"],
                        "prefs": {
                            // Remote Settings would otherwise sync from
                            // Mozilla all session long (see `driver_env`).
                            "services.settings.server": "data:,#remote-settings-dummy/v1",
                        },
                    }),
                ),
            ],
            // WebKitWebDriver turns `sslProxy` into an https:// proxy URL,
            // i.e. TLS to the proxy, which a plain HTTP proxy cannot record.
            // MiniBrowser's own switches set one plain proxy for every
            // scheme instead (HTTPS then goes through CONNECT as elsewhere).
            // Passing args replaces the driver's default `--automation`.
            Self::Webkit => {
                let mut args = vec!["--automation".to_owned(), format!("--proxy=http://{proxy}")];
                args.extend(LOOPBACK.iter().map(|host| format!("--ignore-host={host}")));
                vec![("webkitgtk:browserOptions", json!({ "args": args }))]
            }
        };
        entries
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect()
    }
}

/// Chromium's switches. As root it cannot use the sandbox; everything from
/// `--disable-quic` on stops the browser's own traffic, which would
/// otherwise reach the proxy as off-origin requests.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    // Network time checks; form-field type lookups when an input is focused.
    "--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication",
    // No switch stops the Google-account lookup each profile makes when its
    // network starts (retried with back-off for as long as the browser
    // runs), nor the on-demand component check. Aimed at port 9, which
    // Chromium refuses to connect to, they end inside the browser.
    "--gaia-url=http://127.0.0.1:9/",
    "--component-updater=url-source=http://127.0.0.1:9/",
];

/// Browser switches and preferences for one session, on top of the
/// engine's own (see [`Driver::new_session_with`]). Each engine has its own
/// names for the same setting, so callers pick them per engine.
#[derive(Clone, Debug, Default)]
pub struct ExtraSettings {
    /// Command-line switches for the browser (Chromium, Firefox, WebKit's
    /// MiniBrowser).
    pub args: Vec<String>,
    /// Firefox preferences (`about:config` names); other engines have none.
    pub prefs: serde_json::Map<String, serde_json::Value>,
}

impl ExtraSettings {
    /// Adds these settings to the engine's options in `capabilities`.
    fn add_to(&self, engine: Engine, capabilities: &mut Capabilities) {
        let key = match engine {
            Engine::Chromium => "goog:chromeOptions",
            Engine::Firefox => "moz:firefoxOptions",
            Engine::Webkit => "webkitgtk:browserOptions",
        };
        let options = capabilities.entry(key).or_insert_with(|| json!({}));
        if !self.args.is_empty() {
            let args = &mut options["args"];
            if !args.is_array() {
                *args = json!([]);
            }
            if let Some(args) = args.as_array_mut() {
                args.extend(self.args.iter().cloned().map(serde_json::Value::from));
            }
        }
        if !self.prefs.is_empty() {
            let prefs = &mut options["prefs"];
            if !prefs.is_object() {
                *prefs = json!({});
            }
            if let Some(prefs) = prefs.as_object_mut() {
                prefs.extend(self.prefs.clone());
            }
        }
    }
}

/// A running WebDriver server for one engine.
#[derive(Debug)]
pub struct Driver {
    engine: Engine,
    url: String,
    browser: Option<PathBuf>,
    // Field order is drop order: the driver goes before its display.
    _process: ProcessGroup,
    _display: Option<ProcessGroup>,
}

impl Driver {
    /// Starts the engine's driver and waits until it answers `/status`.
    /// Fails with the install command if the driver or browser is missing.
    pub async fn start(engine: Engine) -> Result<Self, String> {
        Self::launch(engine, &format!("{}-driver.log", engine.name()), &[]).await
    }

    /// Like [`Driver::start`], for a driver of a scenario's own beside the
    /// harness's: `label` names its log (`<engine>-driver-<label>.log`) and
    /// `env` is added to its environment, which its browser inherits (e.g.
    /// JavaScriptCore's `JSC_*` options for WebKit).
    pub async fn start_with_env(engine: Engine, label: &str, env: &[(&str, &str)]) -> Result<Self, String> {
        Self::launch(engine, &format!("{}-driver-{label}.log", engine.name()), env).await
    }

    /// Starts the driver with `env` added, logging to `log_name` in the
    /// artifacts' `logs/`.
    async fn launch(engine: Engine, log_name: &str, env: &[(&str, &str)]) -> Result<Self, String> {
        let missing = |binary: &str| {
            format!(
                "{binary} not found (looked on PATH and in ~/.cargo/bin); install it with `{}`",
                engine.install_hint()
            )
        };
        let driver = find_binary(engine.driver_binary()).ok_or_else(|| missing(engine.driver_binary()))?;
        let candidates = engine.browser_candidates();
        let browser = if candidates.is_empty() {
            None
        } else {
            let found = candidates.iter().find_map(|candidate| find_binary(candidate));
            Some(found.ok_or_else(|| missing(&candidates.join(" or ")))?)
        };

        let display = if engine.needs_display() {
            Some(start_xvfb().await?)
        } else {
            None
        };

        let port = free_port().map_err(|e| format!("no free port: {e}"))?;
        let log_path = artifacts_dir("logs")?.join(log_name);
        let mut command = Command::new(&driver);
        command
            .args(engine.driver_args(port))
            .envs(engine.driver_env().iter().copied())
            .envs(env.iter().copied());
        if let Some((_, number)) = &display {
            command.env("DISPLAY", format!(":{number}"));
        }
        let mut process = ProcessGroup::spawn(command, Some(&log_path))?;
        wait_for_status(port, &mut process, &log_path).await?;

        Ok(Self {
            engine,
            url: format!("http://127.0.0.1:{port}"),
            browser,
            _process: process,
            _display: display.map(|(xvfb, _)| xvfb),
        })
    }

    /// Opens a new browser session whose traffic to other hosts goes to the
    /// proxy at `proxy` (`127.0.0.1:PORT`).
    pub async fn new_session(&self, proxy: &str) -> Result<Session, String> {
        self.new_session_with(proxy, &ExtraSettings::default()).await
    }

    /// Like [`Driver::new_session`], with `extra` switches and preferences
    /// added to the engine's own (e.g. to turn JavaScript off).
    pub async fn new_session_with(&self, proxy: &str, extra: &ExtraSettings) -> Result<Session, String> {
        let profile = if self.engine.wants_profile_dir() {
            Some(TempDir::new(self.engine.name()).map_err(|e| format!("temp profile: {e}"))?)
        } else {
            None
        };
        let mut capabilities =
            self.engine
                .capabilities(proxy, self.browser.as_deref(), profile.as_ref().map(TempDir::path));
        extra.add_to(self.engine, &mut capabilities);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.url)
            .await
            .map_err(|e| format!("[{}] could not open a session: {e}", self.engine.name()))?;
        client
            .set_window_size(WINDOW.0, WINDOW.1)
            .await
            .map_err(|e| format!("[{}] could not size the window: {e}", self.engine.name()))?;
        Ok(Session {
            client,
            engine: self.engine,
            _profile: profile,
        })
    }
}

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

/// A child process started as the leader of its own process group; the
/// whole group is terminated when this guard drops.
#[derive(Debug)]
struct ProcessGroup {
    child: Child,
    pid: u32,
}

impl ProcessGroup {
    /// Spawns `command` with its output appended to `log` (or discarded).
    fn spawn(mut command: Command, log: Option<&Path>) -> Result<Self, String> {
        let program = format!("{:?}", command.as_std().get_program());
        let (stdout, stderr) = match log {
            Some(path) => {
                let file = File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
                let copy = file
                    .try_clone()
                    .map_err(|e| format!("cannot share {}: {e}", path.display()))?;
                (Stdio::from(file), Stdio::from(copy))
            }
            None => (Stdio::null(), Stdio::null()),
        };
        Self::from_child(
            command
                .stdin(Stdio::null())
                .stdout(stdout)
                .stderr(stderr)
                .process_group(0)
                .spawn()
                .map_err(|e| format!("cannot start {program}: {e}"))?,
        )
    }

    fn from_child(child: Child) -> Result<Self, String> {
        let pid = child.id().ok_or("child exited before it could be tracked")?;
        Ok(Self { child, pid })
    }

    /// `Some(status)` once the leader has exited.
    fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

impl Drop for ProcessGroup {
    fn drop(&mut self) {
        // TERM first so drivers can take their browsers down cleanly, then
        // KILL whatever is left in the group.
        signal_group(self.pid, "TERM");
        let deadline = Instant::now() + Duration::from_secs(3);
        while self.exited().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        signal_group(self.pid, "KILL");
        if self.exited().is_none() {
            std::thread::sleep(Duration::from_millis(50));
            self.exited();
        }
    }
}

/// Sends `signal` to the process group led by `pid` (our own child), via
/// kill(1) so no `unsafe` is needed. An already-empty group is fine.
fn signal_group(pid: u32, signal: &str) {
    let _ = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg("--")
        .arg(format!("-{pid}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Starts Xvfb on a display it picks itself (`-displayfd`, so two runs
/// never race for the same number) and returns it with the number.
async fn start_xvfb() -> Result<(ProcessGroup, u32), String> {
    let xvfb = find_binary("Xvfb").ok_or("Xvfb not found; install it with `apt-get install xvfb`")?;
    let child = Command::new(xvfb)
        .args(["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start Xvfb: {e}"))?;
    let mut xvfb = ProcessGroup::from_child(child)?;
    let stdout = xvfb.child.stdout.take().ok_or("Xvfb stdout was not captured")?;
    let mut line = String::new();
    tokio::time::timeout(STARTUP_TIMEOUT, BufReader::new(stdout).read_line(&mut line))
        .await
        .map_err(|_| "Xvfb did not report a display in time".to_owned())?
        .map_err(|e| format!("reading Xvfb's display number: {e}"))?;
    let number = line
        .trim()
        .parse()
        .map_err(|_| format!("Xvfb reported no display number (got {line:?})"))?;
    Ok((xvfb, number))
}

/// Polls `GET /status` until the driver answers 200, failing early (with
/// the end of its log) if it exits.
async fn wait_for_status(port: u16, process: &mut ProcessGroup, log: &Path) -> Result<(), String> {
    let deadline = Instant::now() + STARTUP_TIMEOUT;
    loop {
        if let Some(status) = process.exited() {
            return Err(format!("driver exited ({status}) before answering; {}", log_tail(log)));
        }
        if status_ok(port).await {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "driver did not answer /status on port {port} within {STARTUP_TIMEOUT:?}; {}",
                log_tail(log)
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One raw HTTP/1.1 `GET /status`: any 200 means the driver is serving.
async fn status_ok(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)).await else {
        return false;
    };
    let request = format!("GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).await.is_err() {
        return false;
    }
    let mut status_line = [0u8; 12];
    stream.read_exact(&mut status_line).await.is_ok() && status_line.ends_with(b" 200")
}

fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len().saturating_sub(15)..].join("\n");
    format!("log {}:\n{tail}", log.display())
}

/// Takes an absolute `name` as it is; looks any other up on PATH, then in cargo's bin directory (where
/// `cargo install geckodriver` puts it, which is not always on PATH).
fn find_binary(name: &str) -> Option<PathBuf> {
    if Path::new(name).is_absolute() {
        return Path::new(name).is_file().then(|| PathBuf::from(name));
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .map(|cargo| cargo.join("bin"));
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .chain(cargo_bin)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// A port that was free a moment ago; the driver binds it right after.
fn free_port() -> io::Result<u16> {
    Ok(std::net::TcpListener::bind(("127.0.0.1", 0))?.local_addr()?.port())
}

/// A uniquely named directory under the system temp dir, removed on drop.
#[derive(Debug)]
struct TempDir(PathBuf);

impl TempDir {
    fn new(label: &str) -> io::Result<Self> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        let path = std::env::temp_dir().join(format!("pactline-{label}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path)?;
        Ok(Self(path))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
