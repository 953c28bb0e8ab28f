//! Lighthouse's mobile audit of Pactline's three views and of TimelineJS:
//! how the pages fare on a phone.
//!
//! Lighthouse (npm's `lighthouse`, installed into `.tools/` by `./tasks
//! bench`) runs with its default settings, the mobile preset: a phone-sized
//! screen, and timings simulated for a slow 4G connection (150 ms round
//! trips, 1.6 Mbit/s) on a CPU four times slower than this one. Simulated
//! means the page loads at full speed and Lighthouse works the timings out
//! from the trace, so a busy machine sways them less than it would real
//! throttling. Only the performance category runs. Each run is its own
//! `lighthouse` process, which launches its own Chromium with a fresh
//! profile, and the whole process group is ended when the run is.
//!
//! Nothing may leave the machine. The pages come from the bench server on
//! 127.0.0.1, under [`AS_SHIPPED`] (without the bench's probe, which is not
//! part of either tool). Chromium gets the browser tests' switches, which
//! stop its own background traffic, and sends every request for another host
//! to the recording proxy, which refuses and counts it. Lighthouse's error
//! reporting is off, so it neither asks about it nor sends anything.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::process::Command;

use super::server::AS_SHIPPED;
use super::tools::{Data, Tool};
use crate::support::artifacts_dir;
use crate::support::engines::{CHROMIUM_ARGS, Engine};
use crate::support::processes::{ProcessGroup, find_binary};
use crate::support::server::Server;

/// How long one run may take. Lighthouse gives up on a load by itself
/// after 45 s; the rest is Chromium's start and the trace's analysis.
const RUN_TIMEOUT: Duration = Duration::from_secs(180);

/// Where the reports are kept, relative to the crate root.
const REPORTS: &str = "target/bench/lighthouse";

/// One page Lighthouse audits.
#[derive(Clone, Debug)]
pub struct Page {
    /// How the table names it.
    pub name: String,
    /// Whose page it is: Pactline's targets are for Pactline's pages.
    pub tool: Tool,
    /// Path and query, as served with the probe (the audit loads it under
    /// [`AS_SHIPPED`]).
    pub path: String,
    /// Names its report and log files.
    pub slug: &'static str,
}

/// What one run found on one page.
#[derive(Clone, Debug)]
pub struct Audit {
    /// The performance score, 0–100.
    pub score: f64,
    /// First contentful paint, ms.
    pub first_paint_ms: f64,
    /// Largest contentful paint, ms.
    pub largest_paint_ms: f64,
    /// Total blocking time, ms.
    pub blocking_ms: f64,
    /// Cumulative layout shift.
    pub layout_shift: f64,
    /// Total byte weight: what the page transferred, bytes.
    pub bytes: f64,
    /// Lighthouse's measure of this machine's speed (its `benchmarkIndex`).
    pub benchmark_index: Option<f64>,
    /// Lighthouse's version, as the report gives it.
    pub version: String,
    /// What Lighthouse warned about the run.
    pub warnings: Vec<String>,
    /// Audits Lighthouse could not complete. None of them counts toward the
    /// score: when one that does fails, the score is missing, and the run
    /// is an error.
    pub failed: Vec<String>,
    /// Requests for other hosts (refused by the recording proxy).
    pub offorigin: Vec<String>,
}

/// Every run of one page, in the order they ran.
#[derive(Debug)]
pub struct Audited {
    /// The page.
    pub page: Page,
    /// Its runs.
    pub audits: Vec<Audit>,
}

/// The pages, in the order they take turns: Pactline's default view (the
/// timeline of its real events, no query), its clause comparison and its
/// sources, then TimelineJS showing `timelinejs` events.
pub fn pages(timelinejs: Data) -> Vec<Page> {
    let root = Tool::Pactline.page(Data::Real);
    vec![
        Page {
            name: "Pactline: timeline (the default view, no query)".to_owned(),
            tool: Tool::Pactline,
            path: root.clone(),
            slug: "pactline-timeline",
        },
        Page {
            name: "Pactline: clauses (`?view=clauses`)".to_owned(),
            tool: Tool::Pactline,
            path: format!("{root}?view=clauses"),
            slug: "pactline-clauses",
        },
        Page {
            name: "Pactline: sources (`?view=sources`)".to_owned(),
            tool: Tool::Pactline,
            path: format!("{root}?view=sources"),
            slug: "pactline-sources",
        },
        Page {
            name: format!("TimelineJS: {} events", timelinejs.label()),
            tool: Tool::TimelineJs,
            path: Tool::TimelineJs.page(timelinejs),
            slug: "timelinejs",
        },
    ]
}

/// Lighthouse's command line and the Chromium it launches.
#[derive(Debug)]
pub struct Lighthouse {
    cli: PathBuf,
    chromium: PathBuf,
    reports: PathBuf,
}

impl Lighthouse {
    /// Finds Lighthouse in `root`'s `.tools/` and Chromium where the
    /// browser tests find it (or at `CHROME_PATH`, if set).
    pub fn find(root: &Path) -> Result<Self, String> {
        let cli = root.join(".tools/node_modules/lighthouse/cli/index.js");
        if !cli.is_file() {
            return Err(format!(
                "no {}; `./tasks bench` installs Lighthouse into .tools/",
                cli.display()
            ));
        }
        let chromium = match std::env::var_os("CHROME_PATH") {
            Some(path) => PathBuf::from(path),
            None => Engine::Chromium
                .browser_candidates()
                .iter()
                .find_map(|candidate| find_binary(candidate))
                .ok_or("Chromium not found; install it with `apt-get install chromium`")?,
        };
        let reports = root.join(REPORTS);
        std::fs::create_dir_all(&reports).map_err(|e| format!("creating {}: {e}", reports.display()))?;
        Ok(Self { cli, chromium, reports })
    }

    /// Runs Lighthouse once on `page`, served as shipped from `origin`,
    /// with Chromium's traffic for other hosts sent to `proxy`, and reads
    /// its report (kept as `target/bench/lighthouse/<slug>-<run>.json`).
    pub async fn audit(&self, origin: &str, proxy: &Server, page: &Page, run: usize) -> Result<Audit, String> {
        let report = self.reports.join(format!("{}-{run}.json", page.slug));
        let log = artifacts_dir("logs")?.join(format!("lighthouse-{}-{run}.log", page.slug));
        // A report left by an earlier bench must not pass for this run's.
        let _ = std::fs::remove_file(&report);
        let chrome_flags: Vec<String> = CHROMIUM_ARGS
            .iter()
            .map(|&flag| flag.to_owned())
            .chain([format!("--proxy-server=http://{}", proxy.proxy_address())])
            .collect();
        let mut command = Command::new("node");
        command
            .arg(&self.cli)
            .arg(format!("{origin}{AS_SHIPPED}{}", page.path))
            .args([
                "--only-categories=performance",
                "--output=json",
                "--no-enable-error-reporting",
                // Not part of the performance figures, and slow to take.
                "--disable-full-page-screenshot",
            ])
            .arg(format!("--output-path={}", report.display()))
            .arg(format!("--chrome-flags={}", chrome_flags.join(" ")))
            .env("CHROME_PATH", &self.chromium);

        let proxy_mark = proxy.log().mark();
        let mut process = ProcessGroup::spawn(command, Some(&log))?;
        let deadline = Instant::now() + RUN_TIMEOUT;
        let status = loop {
            if let Some(status) = process.exited() {
                break status;
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "Lighthouse did not finish within {RUN_TIMEOUT:?}; see {}",
                    log.display()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        // Ends whatever the run left in its group (a Chromium that
        // Lighthouse failed to close) before the proxy log is read.
        drop(process);
        if !status.success() {
            return Err(format!("Lighthouse exited with {status}; see {}", log.display()));
        }
        let text = std::fs::read_to_string(&report).map_err(|e| format!("reading {}: {e}", report.display()))?;
        let json: Value = serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", report.display()))?;
        let mut audit = Audit::from_report(&json).map_err(|e| format!("{}: {e}", report.display()))?;
        audit.offorigin = super::measure::offorigin_since(proxy, proxy_mark);
        Ok(audit)
    }
}

impl Audit {
    /// Reads the figures from a Lighthouse report (its JSON "LHR"). A run
    /// that failed, or left a figure out, could not be measured: an error.
    fn from_report(report: &Value) -> Result<Self, String> {
        if let Some(error) = report.get("runtimeError") {
            return Err(format!("Lighthouse failed: {} {}", error["code"], error["message"]));
        }
        let score = report["categories"]["performance"]["score"]
            .as_f64()
            .ok_or("no performance score")?;
        let figure = |id: &str| {
            let audit = &report["audits"][id];
            audit["numericValue"]
                .as_f64()
                .ok_or_else(|| format!("no figure for {id}: {}", audit["errorMessage"]))
        };
        Ok(Self {
            // Reported as 0–1 with two decimals: rounded, 0.98 reads 98, not 97.99….
            score: (score * 100.0).round(),
            first_paint_ms: figure("first-contentful-paint")?,
            largest_paint_ms: figure("largest-contentful-paint")?,
            blocking_ms: figure("total-blocking-time")?,
            layout_shift: figure("cumulative-layout-shift")?,
            bytes: figure("total-byte-weight")?,
            benchmark_index: report["environment"]["benchmarkIndex"].as_f64(),
            version: report["lighthouseVersion"].as_str().unwrap_or("unknown").to_owned(),
            warnings: report["runWarnings"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|warning| warning.as_str().map(str::to_owned))
                .collect(),
            failed: report["audits"]
                .as_object()
                .into_iter()
                .flatten()
                .filter(|(_, audit)| audit["scoreDisplayMode"] == "error")
                .map(|(id, _)| id.clone())
                .collect(),
            offorigin: Vec::new(),
        })
    }
}
