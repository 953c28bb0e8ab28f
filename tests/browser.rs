//! Real-browser tests of the built app: `cargo test --test browser`.
//!
//! Serves the release build (`dist/`, from `trunk build --release`) under a
//! sub-path from a local server that doubles as every browser's proxy, then
//! runs each scenario in `tests/browser/` on each engine, in a fresh browser
//! session per scenario. After every scenario it also requires that no
//! request tried to leave 127.0.0.1 (counting from before the browser
//! started, so its own background traffic fails the run too) and that the
//! page reported no errors. The `harness::` scenarios show, per engine, that
//! those two checks do catch a violation.
//!
//! Settings (environment):
//! - `PACTLINE_BROWSERS`: comma-separated engines, default `chromium`
//!   (`chromium`, `firefox`, `webkit`).
//! - `PACTLINE_DIST`: the build to serve, default `dist`.
//! - `PACTLINE_SCENARIO`: run only scenarios whose name contains this
//!   (a first command-line argument does the same).
//!
//! Prints one line per scenario, a `browser[ENGINE]: N passed, N failed`
//! line per engine and a final `N passed, N failed` line; exits 1 if
//! anything failed. Screenshots of failures and driver logs go to
//! `test-artifacts/`.

#[path = "browser/mod.rs"]
mod scenarios;
#[path = "support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tokio::signal::unix::{SignalKind, signal};

use scenarios::Scenario;
use support::driver::{Driver, Engine};
use support::page::Page;
use support::server::{DEFAULT_BASE_PATH, Server};

/// Upper bound for one scenario, after its session has started.
const SCENARIO_TIMEOUT: Duration = Duration::from_secs(60);

/// Upper bound for starting one browser session.
const SESSION_TIMEOUT: Duration = Duration::from_secs(30);

/// How many times a session start is tried before the scenario fails.
const SESSION_ATTEMPTS: u32 = 2;

/// Upper bound for ending a session; a wedged browser must not stall the run.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(15);

/// What to run, from the environment and arguments.
struct Config {
    engines: Vec<Engine>,
    dist: PathBuf,
    filter: Option<String>,
}

impl Config {
    fn from_env() -> Result<Self, String> {
        let engines = std::env::var("PACTLINE_BROWSERS")
            .unwrap_or_else(|_| "chromium".into())
            .split(',')
            .filter(|name| !name.trim().is_empty())
            .map(Engine::from_name)
            .collect::<Result<Vec<_>, _>>()?;
        let dist = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(std::env::var("PACTLINE_DIST").unwrap_or_else(|_| "dist".into()));
        // cargo passes libtest-style flags through; the first plain word
        // is a name filter, as with the default harness.
        let filter = std::env::args()
            .skip(1)
            .find(|arg| !arg.starts_with('-'))
            .or_else(|| std::env::var("PACTLINE_SCENARIO").ok())
            .filter(|filter| !filter.is_empty());
        Ok(Self { engines, dist, filter })
    }
}

/// Pass/fail counts, and scenarios an engine cannot run (never passes).
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    skipped: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }

    /// `N passed, N failed`, with `, N skipped` when any were.
    fn summary(&self) -> String {
        let mut line = format!("{} passed, {} failed", self.passed, self.failed);
        if self.skipped > 0 {
            line.push_str(&format!(", {} skipped", self.skipped));
        }
        line
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    tokio::select! {
        code = run() => code,
        // Dropping `run` drops its drivers, browsers and Xvfb with it, so an
        // interrupted run leaves no processes behind.
        () = interrupted() => {
            eprintln!("browser tests: interrupted");
            ExitCode::FAILURE
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM.
async fn interrupted() {
    let Ok(mut terminate) = signal(SignalKind::terminate()) else {
        return std::future::pending().await;
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
    }
}

async fn run() -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("browser tests: {message}");
            return ExitCode::FAILURE;
        }
    };
    if !config.dist.join("index.html").is_file() {
        eprintln!(
            "browser tests: no {}/index.html; run `trunk build --release` first (./tasks test does it)",
            config.dist.display()
        );
        return ExitCode::FAILURE;
    }
    let scenarios: Vec<Scenario> = scenarios::all()
        .into_iter()
        .filter(|scenario| config.filter.as_deref().is_none_or(|f| scenario.name.contains(f)))
        .collect();
    if scenarios.is_empty() {
        eprintln!(
            "browser tests: no scenario name contains {:?}",
            config.filter.unwrap_or_default()
        );
        return ExitCode::FAILURE;
    }
    let server = match Server::start(&config.dist, DEFAULT_BASE_PATH).await {
        Ok(server) => server,
        Err(error) => {
            eprintln!("browser tests: cannot start the server: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "browser tests: serving {} at {}",
        config.dist.display(),
        server.base_url()
    );

    let mut total = Tally::default();
    for &engine in &config.engines {
        let tally = run_engine(engine, &scenarios, &server).await;
        println!("browser[{}]: {}", engine.name(), tally.summary());
        total.add(&tally);
    }
    println!("{}", total.summary());
    if total.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs every scenario on one engine: one driver, a session per scenario.
async fn run_engine(engine: Engine, scenarios: &[Scenario], server: &Server) -> Tally {
    let mut tally = Tally::default();
    let report = |tally: &mut Tally, name: &str, outcome: &Result<(), String>, took: Duration| match outcome {
        Ok(()) => {
            tally.passed += 1;
            println!("browser[{}] {name} ... ok ({:.2}s)", engine.name(), took.as_secs_f64());
        }
        Err(reason) => {
            tally.failed += 1;
            println!("browser[{}] {name} ... FAILED: {reason}", engine.name());
        }
    };

    let started = Instant::now();
    let driver = match Driver::start(engine).await {
        Ok(driver) => driver,
        Err(reason) => {
            for scenario in scenarios {
                report(&mut tally, scenario.name, &Err(reason.clone()), Duration::ZERO);
            }
            return tally;
        }
    };
    let driver_start = started.elapsed();

    let mut session_starts = Duration::ZERO;
    for scenario in scenarios {
        if let Some((_, why)) = scenario.unsupported.iter().find(|(e, _)| *e == engine) {
            tally.skipped += 1;
            println!("browser[{}] {} ... skipped: {why}", engine.name(), scenario.name);
            continue;
        }
        let started = Instant::now();
        let outcome = run_scenario(&driver, server, scenario, &mut session_starts).await;
        report(&mut tally, scenario.name, &outcome, started.elapsed());
    }
    println!(
        "browser[{}] timing: driver start {:.2}s, session start {:.2}s on average",
        engine.name(),
        driver_start.as_secs_f64(),
        session_starts.as_secs_f64() / scenarios.len() as f64,
    );
    tally
}

/// One scenario in a fresh session, then the after-scenario checks. Adds
/// the session's start-up time to `session_starts`.
async fn run_scenario(
    driver: &Driver,
    server: &Server,
    scenario: &Scenario,
    session_starts: &mut Duration,
) -> Result<(), String> {
    let started = Instant::now();
    let since = server.log().mark();
    // Starting a browser is infrastructure, not the app under test: on a
    // busy machine WebKit's MiniBrowser sometimes never answers, so one
    // more attempt is made (and said) before the scenario counts as failed.
    let mut session = None;
    for attempt in 1..=SESSION_ATTEMPTS {
        match tokio::time::timeout(SESSION_TIMEOUT, driver.new_session(&server.proxy_address())).await {
            Ok(Ok(started)) => {
                session = Some(started);
                break;
            }
            Ok(Err(reason)) if attempt == SESSION_ATTEMPTS => return Err(reason),
            Err(_) if attempt == SESSION_ATTEMPTS => {
                return Err(format!(
                    "no browser session within {SESSION_TIMEOUT:?}, {SESSION_ATTEMPTS} attempts"
                ));
            }
            _ => eprintln!("browser {}: session start failed, trying again", scenario.name),
        }
    }
    let session = session.ok_or("no browser session")?;
    *session_starts += started.elapsed();
    let page = Page::new(session, server, since);

    let mut problems = Vec::new();
    let remaining = SCENARIO_TIMEOUT;
    let outcome = tokio::time::timeout(remaining, (scenario.run)(&page))
        .await
        .unwrap_or_else(|_| Err(format!("timed out after {SCENARIO_TIMEOUT:?}")));
    let scenario_failed = outcome.is_err();
    if let Err(reason) = outcome {
        problems.push(reason);
    }

    let offorigin = page.offorigin_requests();
    if !offorigin.is_empty() {
        let attempts: Vec<_> = offorigin.iter().map(ToString::to_string).collect();
        problems.push(format!("requests tried to leave 127.0.0.1: {attempts:?}"));
    }
    match page.errors().await {
        Ok(errors) if !errors.is_empty() => problems.push(format!("page errors: {errors:?}")),
        Ok(_) => {}
        // After a failure the page may be anywhere (even blank); the
        // scenario's own reason is the one worth reading.
        Err(reason) if !scenario_failed => problems.push(reason),
        Err(_) => {}
    }

    if !problems.is_empty() {
        match page.screenshot(&format!("{}-failure", scenario.name)).await {
            Ok(path) => problems.push(format!("screenshot: {}", path.display())),
            Err(reason) => problems.push(format!("no screenshot: {reason}")),
        }
    }
    let engine = page.engine();
    if let Ok(Err(reason)) = tokio::time::timeout(CLOSE_TIMEOUT, page.close()).await {
        eprintln!("browser[{}] {}: {reason}", engine.name(), scenario.name);
    }

    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
