//! Real-browser tests of the built app: `cargo test --test browser`.
//!
//! Serves the release build (`dist/`, from `trunk build --release`) under a
//! sub-path from a local server that doubles as the browser's proxy, then
//! runs each scenario in `tests/browser/` on each engine, each on a clean
//! page: a browser session is kept from one scenario to the next only while
//! they pass and it resets to as good as new (see `run_scenario`); a reset
//! that fails fails the scenario before it. After every scenario it also
//! requires that no request tried to leave 127.0.0.1 or could not be parsed
//! (counting from before the browser started, and up to the end of the
//! reset, so its own background traffic fails the run too) and that the
//! page reported no errors. Each scenario's part of the request log starts
//! exactly where the previous one's ended, and what arrives after the last
//! scenario is checked too, so no request goes unchecked. The `harness::`
//! scenarios show, per engine, that those checks do catch a violation.
//!
//! The engines run side by side, which more than halves the wall time:
//! a scenario mostly waits on its browser. Each engine gets a server of its
//! own (its own port, so its own origin, request log and live changes), so
//! one engine's traffic never lands in another's checks.
//!
//! Settings (environment):
//! - `PACTLINE_BROWSERS`: comma-separated engines, default `chromium`
//!   (`chromium`, `firefox`, `webkit`).
//! - `PACTLINE_DIST`: the build to serve, default `dist`.
//! - `PACTLINE_SCENARIO`: run only scenarios whose name contains this
//!   (a first command-line argument does the same).
//!
//! Prints one line per scenario as it ends (engines interleaved), then a
//! `browser[ENGINE]: N passed, N failed` line per engine and a final
//! `N passed, N failed` line; exits 1 if
//! anything failed. Screenshots of failures and driver logs go to
//! `test-artifacts/`.

#[path = "browser/mod.rs"]
mod scenarios;
#[path = "support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use tokio::signal::unix::{SignalKind, signal};

use scenarios::Scenario;
use support::engines::{Driver, Engine};
use support::page::Page;
use support::server::{DEFAULT_BASE_PATH, Destination, RequestRecord, Server};
use support::session::Session;

/// Upper bound for one scenario, after its session has started.
const SCENARIO_TIMEOUT: Duration = Duration::from_secs(60);

/// Upper bound for starting one browser session.
const SESSION_TIMEOUT: Duration = Duration::from_secs(30);

/// How many times a session start is tried before the scenario fails.
const SESSION_ATTEMPTS: u32 = 2;

/// Upper bound for resetting a kept session between scenarios.
const RESET_TIMEOUT: Duration = Duration::from_secs(15);

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

/// Pass/fail counts, the failed scenarios with their reasons, and
/// scenarios an engine cannot run (never passes).
#[derive(Default)]
struct Tally {
    passed: usize,
    failed: Vec<(&'static str, String)>,
    skipped: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.passed += other.passed;
        self.failed.extend(other.failed.iter().cloned());
        self.skipped += other.skipped;
    }

    /// `N passed, N failed`, with `, N skipped` when any were.
    fn summary(&self) -> String {
        let mut line = format!("{} passed, {} failed", self.passed, self.failed.len());
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
    // One task polls all engines (a `Page` is not `Send`, so they cannot be
    // tasks of their own): the few blocking calls, a process group's
    // teardown (milliseconds, 3 s at worst) and removing a Chromium
    // profile, pause the others briefly, well inside their 10 s waits.
    let tallies = join_all(
        config
            .engines
            .iter()
            .map(|&engine| run_engine(engine, &scenarios, &config.dist)),
    )
    .await;
    // The engines' lines interleave, so the failures are named again here,
    // with their reasons: a log cut to its last lines (as CI's may be)
    // still says why.
    for (engine, tally) in config.engines.iter().zip(&tallies) {
        for (name, reason) in &tally.failed {
            println!("browser[{}] failed: {name}: {reason}", engine.name());
        }
    }
    let mut total = Tally::default();
    for (engine, tally) in config.engines.iter().zip(&tallies) {
        println!("browser[{}]: {}", engine.name(), tally.summary());
        total.add(tally);
    }
    println!("{}", total.summary());
    if total.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Runs every scenario on one engine: its own server for `dist`, one
/// driver, and a session kept from scenario to scenario while they pass and
/// it resets cleanly (see [`run_scenario`]).
async fn run_engine(engine: Engine, scenarios: &[Scenario], dist: &Path) -> Tally {
    let mut tally = Tally::default();
    let report = |tally: &mut Tally, name: &'static str, outcome: &Result<(), String>, took: Duration| match outcome {
        Ok(()) => {
            tally.passed += 1;
            println!("browser[{}] {name} ... ok ({:.2}s)", engine.name(), took.as_secs_f64());
        }
        Err(reason) => {
            tally.failed.push((name, reason.clone()));
            println!("browser[{}] {name} ... FAILED: {reason}", engine.name());
        }
    };
    let fail_all = |tally: &mut Tally, reason: String| {
        for scenario in scenarios {
            report(tally, scenario.name, &Err(reason.clone()), Duration::ZERO);
        }
    };

    let server = match Server::start(dist, DEFAULT_BASE_PATH).await {
        Ok(server) => server,
        Err(error) => {
            fail_all(&mut tally, format!("cannot start the server: {error}"));
            return tally;
        }
    };
    println!(
        "browser[{}]: serving {} at {}",
        engine.name(),
        dist.display(),
        server.base_url()
    );
    let started = Instant::now();
    let driver = match Driver::start(engine).await {
        Ok(driver) => driver,
        Err(reason) => {
            fail_all(&mut tally, reason);
            return tally;
        }
    };
    let driver_start = started.elapsed();

    let mut starts = SessionStarts::default();
    let mut kept = None;
    // Where the part of the request log that no check has read yet begins.
    let mut unchecked = server.log().mark();
    for scenario in scenarios {
        if let Some((_, why)) = scenario.unsupported.iter().find(|(e, _)| *e == engine) {
            tally.skipped += 1;
            println!("browser[{}] {} ... skipped: {why}", engine.name(), scenario.name);
            continue;
        }
        let started = Instant::now();
        let run = run_scenario(&driver, &server, scenario, kept.take(), unchecked, &mut starts).await;
        report(&mut tally, scenario.name, &run.outcome, started.elapsed());
        (kept, unchecked) = (run.kept, run.checked_until);
    }
    if let Some(session) = kept {
        close_session(session, "the last scenario").await;
    }
    // Whatever the browsers sent after the last scenario's checks.
    if let Some(problem) = stray_problem(&server.log().since(unchecked)) {
        report(&mut tally, AFTER_THE_LAST, &Err(problem), Duration::ZERO);
    }
    println!(
        "browser[{}] timing: driver start {:.2}s; sessions started: {}, {:.2}s each on average",
        engine.name(),
        driver_start.as_secs_f64(),
        starts.count,
        starts.average().as_secs_f64(),
    );
    tally
}

/// How many browser sessions an engine started, and how long that took.
#[derive(Default)]
struct SessionStarts {
    count: u32,
    total: Duration,
}

impl SessionStarts {
    fn average(&self) -> Duration {
        self.total.checked_div(self.count).unwrap_or_default()
    }
}

/// Where the requests that arrive after the last scenario are reported.
const AFTER_THE_LAST: &str = "harness: requests after the last scenario";

/// What running one scenario gave.
struct ScenarioRun {
    outcome: Result<(), String>,
    /// The session, if the next scenario may have it.
    kept: Option<Session>,
    /// How far the request log has been checked: the next scenario's part
    /// of it begins here.
    checked_until: usize,
}

/// Runs one scenario, then the after-scenario checks, and returns the
/// outcome with the session if the next scenario may have it.
///
/// The scenario runs on `kept`, or on a new session if there is none.
/// Starting a browser per scenario would cost more than half the suite's
/// time (Firefox takes about 3 s a start), so a session is reused, but only
/// when its scenario passed and [`Session::reset`] then made it as good as
/// new. Otherwise it is closed and the next scenario starts afresh; a reset
/// that fails also fails the scenario, since whatever it could not undo
/// (a second window, a service worker that would not go) is the
/// scenario's doing.
///
/// The request checks read the log from `unchecked` (where the previous
/// scenario's checks stopped, or before this browser started) up to the end
/// of the reset, or of closing the session: an off-origin or unparseable
/// request anywhere in there fails this scenario, and the next one's part
/// starts exactly where this one's ended, so no request goes unchecked.
async fn run_scenario(
    driver: &Driver,
    server: &Server,
    scenario: &Scenario,
    kept: Option<Session>,
    unchecked: usize,
    starts: &mut SessionStarts,
) -> ScenarioRun {
    let session = match kept {
        Some(session) => session,
        None => {
            let started = Instant::now();
            match start_session(driver, server, scenario.name).await {
                Ok(session) => {
                    starts.count += 1;
                    starts.total += started.elapsed();
                    session
                }
                // The requests so far stay unchecked: the next scenario's
                // checks read them.
                Err(reason) => {
                    return ScenarioRun {
                        outcome: Err(reason),
                        kept: None,
                        checked_until: unchecked,
                    };
                }
            }
        }
    };
    let page = Page::new(session, server, unchecked);
    let problems = run_and_check(&page, scenario).await;
    if !problems.is_empty() {
        return close_after_failure(page, server, scenario, problems).await;
    }

    let reset = tokio::time::timeout(RESET_TIMEOUT, page.reset())
        .await
        .unwrap_or_else(|_| Err(format!("timed out after {RESET_TIMEOUT:?}")));
    // The checks above found nothing, so whatever these find is new.
    let mut late: Vec<String> = stray_problem(&page.take_requests()).into_iter().collect();
    let errors = page.kept_errors();
    if !errors.is_empty() {
        late.push(format!("page errors: {errors:?}"));
    }
    if let Err(reason) = reset {
        late.push(format!("the reset after it failed: {reason}"));
    }
    if late.is_empty() {
        let checked_until = page.log_mark();
        return ScenarioRun {
            outcome: Ok(()),
            kept: Some(page.into_session()),
            checked_until,
        };
    }
    let problems = vec![format!("{} (as the scenario ended)", late.join("; "))];
    close_after_failure(page, server, scenario, problems).await
}

/// Closes the session of a scenario that failed with `problems`, then
/// checks the requests that arrived meanwhile (the browser's last traffic)
/// and adds what it finds to them.
async fn close_after_failure(
    page: Page,
    server: &Server,
    scenario: &Scenario,
    mut problems: Vec<String>,
) -> ScenarioRun {
    let mark = page.log_mark();
    close_session(page.into_session(), scenario.name).await;
    let (closing, checked_until) = server.log().window(mark);
    if let Some(problem) = stray_problem(&closing) {
        problems.push(format!("{problem} (while the session closed)"));
    }
    ScenarioRun {
        outcome: Err(problems.join("; ")),
        kept: None,
        checked_until,
    }
}

/// Starts a session whose traffic to other hosts goes to `server`.
/// Starting a browser is infrastructure, not the app under test: on a busy
/// machine WebKit's MiniBrowser sometimes never answers, so one more
/// attempt is made (and said) before the scenario counts as failed.
async fn start_session(driver: &Driver, server: &Server, scenario: &str) -> Result<Session, String> {
    let mut attempt = 1;
    loop {
        match tokio::time::timeout(SESSION_TIMEOUT, driver.new_session(&server.proxy_address())).await {
            Ok(Ok(session)) => return Ok(session),
            _ if attempt < SESSION_ATTEMPTS => {
                eprintln!("browser {scenario}: session start failed, trying again");
                attempt += 1;
            }
            Ok(Err(reason)) => return Err(reason),
            Err(_) => {
                return Err(format!(
                    "no browser session within {SESSION_TIMEOUT:?}, {SESSION_ATTEMPTS} attempts"
                ));
            }
        }
    }
}

/// Runs `scenario` on `page` and the harness's own checks (no off-origin
/// requests, no page errors); returns every problem found, with a
/// screenshot's path if there were any.
async fn run_and_check(page: &Page, scenario: &Scenario) -> Vec<String> {
    let mut problems = Vec::new();
    let outcome = tokio::time::timeout(SCENARIO_TIMEOUT, (scenario.run)(page))
        .await
        .unwrap_or_else(|_| Err(format!("timed out after {SCENARIO_TIMEOUT:?}")));
    let scenario_failed = outcome.is_err();
    if let Err(reason) = outcome {
        problems.push(reason);
    }
    problems.extend(stray_problem(&page.take_requests()));
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
    problems
}

/// The problem with `requests`, if any of them tried to leave 127.0.0.1
/// or could not be parsed.
fn stray_problem(requests: &[RequestRecord]) -> Option<String> {
    let (unparseable, offorigin): (Vec<&RequestRecord>, Vec<&RequestRecord>) = requests
        .iter()
        .filter(|request| request.is_stray())
        .partition(|request| request.destination == Destination::Unparseable);
    let listed = |requests: Vec<&RequestRecord>| requests.iter().map(ToString::to_string).collect::<Vec<_>>();
    let mut problems = Vec::new();
    if !offorigin.is_empty() {
        problems.push(format!("requests tried to leave 127.0.0.1: {:?}", listed(offorigin)));
    }
    if !unparseable.is_empty() {
        problems.push(format!(
            "requests the server could not parse: {:?}",
            listed(unparseable)
        ));
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

/// Ends `session`, within [`CLOSE_TIMEOUT`]: a wedged browser must not
/// stall the run (its process group goes when the driver does).
async fn close_session(session: Session, after: &str) {
    let engine = session.engine;
    match tokio::time::timeout(CLOSE_TIMEOUT, session.close()).await {
        Ok(Ok(())) => {}
        Ok(Err(reason)) => eprintln!("browser[{}] {after}: {reason}", engine.name()),
        Err(_) => eprintln!("browser[{}] {after}: closing the session timed out", engine.name()),
    }
}
