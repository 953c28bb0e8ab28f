//! Browser engines and their WebDriver servers: which driver and browser
//! each engine uses, how to start the driver, and the capabilities its
//! sessions open with.
//!
//! Every engine goes through the same code path: find the driver binary,
//! start it (under a private Xvfb if the engine needs a display) on a free
//! port, wait for `/status`, then open sessions with capabilities built from
//! the engine's data. The per-engine differences live in the small `match`es
//! on [`Engine`]; adding an engine means adding a variant and its data. The
//! processes themselves are in [`super::processes`], a session and its reset
//! in [`super::session`].

use std::path::{Path, PathBuf};

use fantoccini::ClientBuilder;
use fantoccini::wd::Capabilities;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use tokio::process::Command;

use super::artifacts_dir;
use super::processes::{ProcessGroup, TempDir, find_binary, free_port, start_xvfb, wait_for_status};
use super::session::Session;

/// Window size for every engine, so layouts and screenshots are comparable.
pub(super) const WINDOW: (u32, u32) = (1280, 900);

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

    /// Whether a page in a frame sandboxed without `allow-same-origin`
    /// (an opaque origin) matches its own files with the policy's
    /// `'self'`, as CSP 3 says. WebKitGTK 2.50 does not
    /// (<https://bugs.webkit.org/show_bug.cgi?id=316847>, fixed in WebKit
    /// in June 2026): such a page needs its origin named in the policy.
    pub fn matches_self_in_opaque_frames(self) -> bool {
        self != Self::Webkit
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
    /// adds Google API keys (and so more background traffic): skip it. The
    /// bench looks here too, for the Chromium that Lighthouse launches.
    pub fn browser_candidates(self) -> &'static [&'static str] {
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
/// otherwise reach the proxy as off-origin requests. The bench's Lighthouse
/// runs launch Chromium with these too.
pub const CHROMIUM_ARGS: &[&str] = &[
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
        Ok(Session::new(client, self.engine, profile))
    }
}
