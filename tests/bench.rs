//! The benchmark: Pactline against TimelineJS on the same events
//! (`./tasks bench`, which builds what it needs and then runs
//! `cargo test --test bench`).
//!
//! Both tools get the same synthetic events (`pactline::synthetic`) at
//! 30, 1,000 and 10,000 events: Pactline generates them itself
//! (`?synthetic=N`), TimelineJS reads them from a JSON file in its own
//! format. Pactline alone also runs on its real events (its default page,
//! no query, compared with TimelineJS at 30) and on 100,000, to show how
//! its costs grow. Both are served from 127.0.0.1 with brotli by
//! the bench's own server (`bench/server.rs`), which puts the same timing
//! probe (`bench/probe.js`) at the top of each tool's page, and headless
//! Chromium is driven through the browser tests' harness
//! (`support/driver.rs`), whose server doubles as a recording proxy that
//! refuses and counts every request for another host.
//!
//! After one warm-up load per tool, each cell (tool × dataset) gets
//! `PACTLINE_BENCH_RUNS` (default 5) measured loads, the two tools taking
//! turns (see [`jobs`]). Then Lighthouse audits four pages the way a phone
//! sees them (`bench/lighthouse.rs`: its mobile preset, simulated slow 4G
//! and 4× CPU): Pactline's timeline, clause comparison and sources, and
//! TimelineJS at 30 events, `PACTLINE_LIGHTHOUSE_RUNS` (default 3) runs
//! each, the pages taking turns: about 12 s a run on 2 cores, so about 2½
//! of the bench's 10 minutes. The Markdown tables are printed and written, with the
//! machine's description, to `bench/RESULTS.md`.
//!
//! A bench is not a test: missed targets are reported, not failed. It exits
//! 1 only when something could not be measured (a tool did not render, an
//! interaction changed nothing, a tool could not be installed, Lighthouse
//! gave no figure).
//!
//! Settings (environment):
//! - `PACTLINE_BENCH_RUNS`: measured loads per cell, default 5.
//! - `PACTLINE_LIGHTHOUSE_RUNS`: Lighthouse runs per page, default 3.
//! - `CHROME_PATH`: the Chromium Lighthouse launches, by default the one
//!   the browser tests use.
//! - `PACTLINE_BENCH_DIST`: Pactline's release build, default
//!   `target/bench-dist` (`./tasks bench` builds it there, leaving `dist/`
//!   to the tests).

#[path = "bench/lighthouse.rs"]
mod lighthouse;
#[path = "bench/measure.rs"]
mod measure;
#[path = "bench/report.rs"]
mod report;
#[path = "bench/server.rs"]
mod server;
#[path = "bench/timelinejs.rs"]
mod timelinejs;
#[path = "bench/tools.rs"]
mod tools;
// The browser tests' harness: the bench uses its Chromium driver and its
// recording proxy, not its page helpers.
#[allow(dead_code)]
#[path = "support/mod.rs"]
mod support;

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use tokio::signal::unix::{SignalKind, signal};

use lighthouse::{Audit, Audited, Lighthouse};
use measure::{Load, Rig};
use report::{Cell, Context};
use server::{BenchServer, Mount};
use support::driver::{Driver, Engine};
use support::server::Server;
use tools::{Data, Interaction, Tool};

/// Sizes both tools are given.
const COMPARED: [usize; 3] = [30, 1_000, 10_000];

/// The largest dataset, given to Pactline only: TimelineJS already needs
/// tens of seconds at 10,000.
const PACTLINE_ONLY_LARGEST: usize = 100_000;

/// Measured loads per cell unless `PACTLINE_BENCH_RUNS` says otherwise.
const DEFAULT_RUNS: usize = 5;

/// Lighthouse runs per page unless `PACTLINE_LIGHTHOUSE_RUNS` says
/// otherwise.
const DEFAULT_LIGHTHOUSE_RUNS: usize = 3;

/// Where the results go, relative to the crate root.
const RESULTS: &str = "bench/RESULTS.md";

#[tokio::main]
async fn main() -> ExitCode {
    let Ok(mut terminate) = signal(SignalKind::terminate()) else {
        eprintln!("bench: cannot watch for SIGTERM");
        return ExitCode::FAILURE;
    };
    // Returning from `main` drops the driver, and with it every browser,
    // so an interrupted bench leaves no processes behind.
    let outcome = tokio::select! {
        outcome = run() => outcome,
        _ = tokio::signal::ctrl_c() => Err("interrupted".to_owned()),
        _ = terminate.recv() => Err("terminated".to_owned()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(reason) => {
            eprintln!("bench: FAILED: {reason}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let started = Instant::now();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let runs = runs_setting("PACTLINE_BENCH_RUNS", DEFAULT_RUNS)?;
    let only = only_setting()?;
    let lighthouse_runs = runs_setting("PACTLINE_LIGHTHOUSE_RUNS", DEFAULT_LIGHTHOUSE_RUNS)?;
    let dist = root.join(std::env::var("PACTLINE_BENCH_DIST").unwrap_or_else(|_| "target/bench-dist".into()));
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "no {}/index.html; run `./tasks bench`, which builds it with `trunk build --release --dist target/bench-dist`",
            dist.display()
        ));
    }
    // Found first, so a missing install fails the bench before its loads.
    let lighthouse = Lighthouse::find(root)?;
    let load_average = read_load_average();

    let timelinejs_dist = timelinejs::install()?;
    let base = pactline::data::builtin();
    let datasets: Vec<_> = COMPARED
        .iter()
        .map(|&n| (n, pactline::synthetic::events(base, n)))
        .collect();
    let timelinejs_site = root.join("target/bench/timelinejs");
    timelinejs::write_site(&timelinejs_site, &datasets)?;

    println!("bench: compressing both sites (brotli -q 11)");
    let server = BenchServer::start(&[
        Mount {
            prefix: Tool::Pactline.prefix().into(),
            dir: dist,
            probe: Some(probe(Tool::Pactline)),
        },
        Mount {
            prefix: Tool::TimelineJs.prefix().into(),
            dir: timelinejs_site,
            probe: Some(probe(Tool::TimelineJs)),
        },
        Mount {
            prefix: format!("{}dist/", Tool::TimelineJs.prefix()),
            dir: timelinejs_dist,
            probe: None,
        },
    ])
    .await?;
    // The proxy serves nothing itself; it only records and refuses.
    let nothing = root.join("target/bench/proxy-serves-nothing");
    std::fs::create_dir_all(&nothing).map_err(|e| format!("creating {}: {e}", nothing.display()))?;
    let proxy = Server::start(&nothing, "/")
        .await
        .map_err(|e| format!("starting the recording proxy: {e}"))?;
    let rig = Rig {
        driver: Driver::start(Engine::Chromium).await?,
        proxy,
        server,
    };
    let session = rig.driver.new_session(&rig.proxy.proxy_address()).await?;
    let browser = measure::browser_version(&session).await;
    session.close().await?;
    let browser = browser?;

    let rounds = match only {
        Some(data) => vec![vec![(Tool::Pactline, data)]],
        None => plan(),
    };
    let mut cells: Vec<Cell> = rounds
        .iter()
        .flatten()
        .map(|&(tool, data)| Cell {
            tool,
            data,
            loads: Vec::new(),
        })
        .collect();
    // Worked out once per cell: at 100,000 events the native oracle takes
    // seconds in the debug profile.
    let interactions: Vec<Interaction> = cells.iter().map(|cell| cell.tool.interaction(cell.data)).collect();
    let jobs = jobs(&rounds, runs);
    for (index, run) in jobs.iter().enumerate() {
        let (tool, data) = (cells[run.cell].tool, cells[run.cell].data);
        let what = match run.number {
            Some(number) => format!("run {number}/{runs}"),
            None => "warm-up".to_owned(),
        };
        let took = Instant::now();
        let load = rig
            .measure(tool, data, &interactions[run.cell])
            .await
            .map_err(|e| format!("{} at {} events ({what}): {e}", tool.name(), data.label()))?;
        println!(
            "bench: [{}/{}] {} {} {what} ({:.1} s): {}",
            index + 1,
            jobs.len(),
            tool.name(),
            data.label(),
            took.elapsed().as_secs_f64(),
            summary(&load)
        );
        if run.number.is_some() {
            cells[run.cell].loads.push(load);
        }
    }

    if let Some(data) = only {
        let mut table = String::new();
        report::scale_table(&mut table, &cells, &[data]);
        println!(
            "\n{table}\nbench: Pactline alone, {runs} runs in {:.0} s; {RESULTS} left as it was",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let lighthouse_started = Instant::now();
    let audited = audit_pages(&lighthouse, &rig, lighthouse_runs).await?;
    let lighthouse_seconds = lighthouse_started.elapsed().as_secs_f64();

    let context = Context {
        machine: machine(&browser, &load_average),
        runs,
        compared: COMPARED.iter().map(|&n| Data::Synthetic(n)).collect(),
        default_view_against: Data::Synthetic(COMPARED[0]),
        pactline_scale: vec![
            Data::Real,
            Data::Synthetic(1_000),
            Data::Synthetic(10_000),
            Data::Synthetic(PACTLINE_ONLY_LARGEST),
        ],
        lighthouse_runs,
        lighthouse_seconds,
        seconds: started.elapsed().as_secs_f64(),
    };
    let markdown = report::markdown(&context, &cells, &audited);
    println!("\n{markdown}");
    let results = root.join(RESULTS);
    if let Some(dir) = results.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    std::fs::write(&results, markdown).map_err(|e| format!("writing {}: {e}", results.display()))?;
    println!("bench: wrote {RESULTS} in {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// One load to run: of which cell, and which measured run (`None` for a
/// warm-up).
struct Job {
    cell: usize,
    number: Option<usize>,
}

/// Every load, in order: a warm-up of each tool, then `runs` times each
/// round of [`plan`], whose cells take turns (A B C A B C …). A job's
/// `cell` counts through the rounds' cells in order.
///
/// Every load is a first visit in a fresh browser profile, so a warm-up
/// cannot warm a tool's caches; what it warms is the machine (Chromium's
/// files in the page cache, the driver, the server). One per tool at the
/// start does that, and leaves the 10-minute budget to measured runs.
fn jobs(rounds: &[Vec<(Tool, Data)>], runs: usize) -> Vec<Job> {
    let cells = rounds.concat();
    let smallest = Data::Synthetic(COMPARED[0]);
    let mut jobs: Vec<Job> = Tool::BOTH
        .iter()
        .filter_map(|&tool| cells.iter().position(|&cell| cell == (tool, smallest)))
        .map(|cell| Job { cell, number: None })
        .collect();
    let mut first = 0;
    for round in rounds {
        for number in 1..=runs {
            jobs.extend((first..first + round.len()).map(|cell| Job {
                cell,
                number: Some(number),
            }));
        }
        first += round.len();
    }
    jobs
}

/// What runs, in rounds whose cells take turns: first Pactline's default
/// page (its real events) with both tools at the smallest size, since the
/// report compares that page with TimelineJS there too; then each larger
/// size with both tools; then Pactline alone at the largest.
fn plan() -> Vec<Vec<(Tool, Data)>> {
    let both = |n: usize| Tool::BOTH.map(|tool| (tool, Data::Synthetic(n)));
    let mut rounds = vec![[vec![(Tool::Pactline, Data::Real)], both(COMPARED[0]).to_vec()].concat()];
    rounds.extend(COMPARED[1..].iter().map(|&n| both(n).to_vec()));
    rounds.push(vec![(Tool::Pactline, Data::Synthetic(PACTLINE_ONLY_LARGEST))]);
    rounds
}

/// Runs Lighthouse `runs` times on each of its pages, the pages taking
/// turns, with the rig's server and proxy.
async fn audit_pages(lighthouse: &Lighthouse, rig: &Rig, runs: usize) -> Result<Vec<Audited>, String> {
    let mut audited: Vec<Audited> = lighthouse::pages(Data::Synthetic(COMPARED[0]))
        .into_iter()
        .map(|page| Audited {
            page,
            audits: Vec::new(),
        })
        .collect();
    let pages = audited.len();
    for number in 1..=runs {
        for (index, page) in audited.iter_mut().enumerate() {
            let took = Instant::now();
            let audit = lighthouse
                .audit(&rig.server.origin(), &rig.proxy, &page.page, number)
                .await
                .map_err(|e| format!("Lighthouse on {} (run {number}/{runs}): {e}", page.page.name))?;
            println!(
                "bench: [lighthouse {}/{}] {} run {number}/{runs} ({:.1} s): {}",
                (number - 1) * pages + index + 1,
                pages * runs,
                page.page.name,
                took.elapsed().as_secs_f64(),
                audit_summary(&audit)
            );
            page.audits.push(audit);
        }
    }
    Ok(audited)
}

/// The probe as a `<script>` element, counting `tool`'s event elements.
fn probe(tool: Tool) -> String {
    let script = include_str!("bench/probe.js").replace("__EVENTS__", tool.event_selector());
    format!("<script>\n{script}</script>")
}

/// One Lighthouse run in a line, for the progress log.
fn audit_summary(audit: &Audit) -> String {
    format!(
        "score {:.0}, first paint {:.2} s, largest paint {:.2} s, blocking {:.0} ms, layout shift {:.3}, \
         {:.1} KiB, {} off-origin",
        audit.score,
        audit.first_paint_ms / 1000.0,
        audit.largest_paint_ms / 1000.0,
        audit.blocking_ms,
        audit.layout_shift,
        audit.bytes / 1024.0,
        audit.offorigin.len()
    )
}

/// A positive count from the environment variable `name`, or `default`
/// when it is not set.
fn runs_setting(name: &str, default: usize) -> Result<usize, String> {
    match std::env::var(name) {
        Ok(value) => value
            .parse::<usize>()
            .ok()
            .filter(|&runs| runs > 0)
            .ok_or_else(|| format!("{name} must be a positive number, not {value:?}")),
        Err(_) => Ok(default),
    }
}

/// The one dataset `PACTLINE_BENCH_ONLY` names, a number of synthetic
/// events or `real`: Pactline is then measured on it alone, with no
/// TimelineJS and no Lighthouse, and its figures are printed, not written
/// to [`RESULTS`]. With `PACTLINE_BENCH_DIST`, two builds can take turns
/// on the one figure that moved, in under a minute a turn rather than
/// ten: the way to tell a change from this machine's noise.
fn only_setting() -> Result<Option<Data>, String> {
    const NAME: &str = "PACTLINE_BENCH_ONLY";
    match std::env::var(NAME) {
        Ok(value) if value == "real" => Ok(Some(Data::Real)),
        Ok(value) => value
            .parse::<usize>()
            .ok()
            .filter(|&events| events > 0)
            .map(|events| Some(Data::Synthetic(events)))
            .ok_or_else(|| format!("{NAME} must be a number of events or `real`, not {value:?}")),
        Err(_) => Ok(None),
    }
}

/// One load in a line, for the progress log.
fn summary(load: &Load) -> String {
    let interactions: Vec<String> = load.interaction_ms.iter().map(|ms| format!("{ms:.0}")).collect();
    format!(
        "{:.1} KiB in {} requests, first event {:.0} ms, all {} {:.0} ms, interaction [{}] ms, heap {:.1} MiB{}, {} off-origin",
        load.bytes as f64 / 1024.0,
        load.requests,
        load.first_event_ms,
        load.shown,
        load.all_events_ms,
        interactions.join(", "),
        load.heap_bytes / (1024.0 * 1024.0),
        load.wasm_memory_bytes
            .map(|bytes| format!(" + wasm {:.1} MiB", bytes / (1024.0 * 1024.0)))
            .unwrap_or_default(),
        load.offorigin.len(),
    )
}

/// The machine, one fact per line: CPU, cores, memory, browser, date and
/// how busy the machine was (other work skews every figure).
fn machine(browser: &str, load_average_before: &str) -> Vec<String> {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|line| {
            line.strip_prefix("model name")?
                .split_once(':')
                .map(|(_, name)| name.trim())
        })
        .unwrap_or("unknown CPU");
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_kib: f64 = meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    let date = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_default();
    vec![
        format!("Date: {date}"),
        format!(
            "Machine: {cpu}, {cores} cores, {:.1} GiB memory",
            memory_kib / (1024.0 * 1024.0)
        ),
        format!("Browser: {browser} (headless, through chromedriver)"),
        format!(
            "Load average (1, 5, 15 min) before the run: {load_average_before}; after: {}",
            read_load_average()
        ),
    ]
}

/// The first three fields of `/proc/loadavg`.
fn read_load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}
