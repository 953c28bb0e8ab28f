//! One measured first load of one tool, in a fresh browser session.
//!
//! A fresh session is a fresh Chromium profile, so every load is a true
//! first visit: empty HTTP cache, no service worker, no compiled-code
//! cache. The sequence, the same for both tools:
//!
//! 1. navigate; the probe (`probe.js`) records when event elements appear
//!    and when a frame showing them has been rendered;
//! 2. wait until the tool shows everything it shows on load, then until
//!    the network has been quiet for a moment, and count the bytes the
//!    bench server sent (service-worker traffic kept apart);
//! 3. force a garbage collection and read the JS heap (Chromium DevTools
//!    protocol, through chromedriver), and the wasm linear memory if any;
//! 4. time the tool's interaction, checking each step did what it should;
//! 5. close the session and collect the requests the recording proxy saw
//!    for other hosts.

use std::time::{Duration, Instant};

use fantoccini::Client;
use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use serde_json::{Value, json};

use super::server::BenchServer;
use super::tools::{Data, Interaction, Loaded, Timed, Tool};
use crate::support::driver::{Driver, Session};
use crate::support::server::{Destination, Server};

/// How long one tool may take to show its events (TimelineJS needs tens of
/// seconds for 10,000 on two cores).
const LOAD_TIMEOUT: Duration = Duration::from_secs(180);

/// How often the bench asks the page whether it has loaded.
const POLL_INTERVAL: Duration = Duration::from_millis(100);

/// The network counts as quiet after this long without a request...
const QUIET: Duration = Duration::from_millis(500);

/// ...and the bench stops waiting for quiet after this long.
const QUIET_LIMIT: Duration = Duration::from_secs(20);

/// Upper bound for starting and for ending a session.
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);

/// What the bench runs on: the browser driver, the harness's recording
/// proxy (every request for another host ends there, refused) and the
/// server of the two tools.
pub struct Rig {
    /// Chromium's WebDriver server.
    pub driver: Driver,
    /// The browser tests' server, used only as the recording proxy.
    pub proxy: Server,
    /// Serves both tools, brotli, counting bytes.
    pub server: BenchServer,
}

/// Everything measured in one load.
#[derive(Clone, Debug, Default)]
pub struct Load {
    /// Bytes the server sent before the page was usable and the network
    /// went quiet, service-worker traffic excepted.
    pub bytes: u64,
    /// Of `bytes`, those of the events JSON (TimelineJS only: Pactline
    /// generates its synthetic events in the page).
    pub data_bytes: u64,
    /// Requests those bytes answered.
    pub requests: usize,
    /// Bytes the service worker fetched in the background after load.
    pub service_worker_bytes: u64,
    /// Event elements shown once loaded (Pactline: its first screen).
    pub shown: usize,
    /// ms from navigation start to the first event element in the DOM.
    pub first_event_dom_ms: f64,
    /// ms from navigation start to a rendered frame with the first event.
    pub first_event_ms: f64,
    /// ms from navigation start to a rendered frame with every event the
    /// tool shows on load.
    pub all_events_ms: f64,
    /// When the wasm file had been received (ms), for a wasm app.
    pub wasm_received_ms: Option<f64>,
    /// When it had been compiled and instantiated (ms).
    pub wasm_instantiated_ms: Option<f64>,
    /// Each interaction step: ms from the input to the DOM changing.
    pub interaction_dom_ms: Vec<f64>,
    /// Each interaction step: ms from the input to the end of the next
    /// rendered frame.
    pub interaction_ms: Vec<f64>,
    /// Each interaction step: ms from the input to the end of the first
    /// frame that showed every change it made (some parts may follow a
    /// frame later); none for a step still changing the page after 2 s.
    pub interaction_settled_ms: Vec<f64>,
    /// Per interaction step: elements changed outside what it is meant to
    /// change (the list, the counts, the drawing's SVG).
    pub interaction_outside: Vec<f64>,
    /// What changed outside, a few per step, for the report's notes.
    pub outside_examples: Vec<String>,
    /// Per version picked in the clause comparison: ms to the next frame.
    pub version_change_ms: Vec<f64>,
    /// Live JS heap after load and a forced garbage collection, bytes.
    pub heap_bytes: f64,
    /// The wasm linear memory, bytes (not part of the JS heap).
    pub wasm_memory_bytes: Option<f64>,
    /// Requests that tried to reach another host (refused by the proxy).
    pub offorigin: Vec<String>,
    /// Uncaught errors and failed loads the page reported.
    pub errors: Vec<String>,
}

impl Rig {
    /// Measures one first load of `tool` showing `data`, then times
    /// `interaction` (from [`Tool::interaction`]).
    pub async fn measure(&self, tool: Tool, data: Data, interaction: &Interaction) -> Result<Load, String> {
        let proxy_mark = self.proxy.log().mark();
        let session = tokio::time::timeout(SESSION_TIMEOUT, self.driver.new_session(&self.proxy.proxy_address()))
            .await
            .map_err(|_| format!("no browser session within {SESSION_TIMEOUT:?}"))??;
        let outcome = self.in_session(&session.client, tool, data, interaction).await;
        let closed = tokio::time::timeout(SESSION_TIMEOUT, session.close()).await;
        let mut load = outcome?;
        closed.map_err(|_| "the browser session did not close".to_owned())??;
        // Read after the session has ended, so nothing it sent is missed.
        load.offorigin = offorigin_since(&self.proxy, proxy_mark);
        Ok(load)
    }

    /// Steps 1–4 (see the module docs) in an open session.
    async fn in_session(
        &self,
        client: &Client,
        tool: Tool,
        data: Data,
        interaction: &Interaction,
    ) -> Result<Load, String> {
        let name = tool.name();
        client
            .update_timeouts(TimeoutConfiguration::new(Some(LOAD_TIMEOUT), Some(LOAD_TIMEOUT), None))
            .await
            .map_err(|e| format!("setting timeouts: {e}"))?;
        let server_mark = self.server.mark();
        let url = format!("{}{}", self.server.origin(), tool.page(data));
        client
            .goto(&url)
            .await
            .map_err(|e| format!("{name}: loading {url}: {e}"))?;

        let marks = wait_until_loaded(client, name, &tool.loaded(data)).await?;
        let mark_with = |count: usize| {
            marks
                .iter()
                .find(|mark| mark.0 >= count)
                .ok_or_else(|| format!("{name}: no mark for {count} events in {marks:?}"))
        };
        let shown = marks.last().map_or(0, |mark| mark.0);
        if shown > data.events() {
            return Err(format!("{name} shows {shown} events, but was given {}", data.events()));
        }
        let mut load = Load {
            shown,
            first_event_dom_ms: mark_with(1)?.1,
            first_event_ms: mark_with(1)?.2,
            all_events_ms: mark_with(shown)?.2,
            ..Load::default()
        };
        script(client, "__bench.stopLoadMarks();", vec![]).await?;

        if !self.server.wait_idle(QUIET, QUIET_LIMIT).await {
            return Err(format!("{name}: the network never went quiet for {QUIET:?}"));
        }
        for served in self.server.served_since(server_mark) {
            if served.service_worker {
                load.service_worker_bytes += served.bytes;
            } else {
                load.bytes += served.bytes;
                load.requests += 1;
                if served.path.contains("/events-") {
                    load.data_bytes += served.bytes;
                }
            }
        }

        cdp(client, "HeapProfiler.collectGarbage", json!({})).await?;
        let heap = cdp(client, "Runtime.getHeapUsage", json!({})).await?;
        load.heap_bytes = heap["usedSize"]
            .as_f64()
            .ok_or_else(|| format!("{name}: Runtime.getHeapUsage gave no usedSize: {heap}"))?;
        let wasm = script(
            client,
            "var files = performance.getEntriesByType('resource').filter(function (e) { return /\\.wasm$/.test(e.name); });\
             return { memory: __bench.wasmMemoryBytes(), received: files.length ? files[0].responseEnd : null,\
                      instantiated: __bench.wasmInstantiated };",
            vec![],
        )
        .await?;
        load.wasm_memory_bytes = wasm["memory"].as_f64();
        load.wasm_received_ms = wasm["received"].as_f64();
        load.wasm_instantiated_ms = wasm["instantiated"].as_f64();

        for step in &interaction.steps {
            let result = script_async(
                client,
                "var done = arguments[arguments.length - 1], call = arguments[0];\
                 __bench[call.fn].apply(null, call.args).then(done, function (e) { done({ error: String(e) }); });",
                step.call.clone(),
            )
            .await?;
            if let Some(error) = result.get("error") {
                return Err(format!("{name}: interaction {}: {error}", step.call));
            }
            let check = result["check"].as_str();
            let as_expected = match &step.expect {
                Some(expected) => check == Some(expected.as_str()),
                None => check.is_some() && check != result["before"].as_str(),
            };
            if !as_expected {
                return Err(format!(
                    "{name}: after {} the page shows {check:?}, expected {}",
                    step.call,
                    step.expect.as_deref().unwrap_or("a change")
                ));
            }
            let number = |key: &str| {
                result[key]
                    .as_f64()
                    .ok_or_else(|| format!("{name}: interaction gave no `{key}`: {result}"))
            };
            match step.counts_as {
                Timed::Interaction => {
                    // No DOM change at all (null) has no "DOM changed" time.
                    load.interaction_dom_ms.extend(result["dom"].as_f64());
                    load.interaction_ms.push(number("paint")?);
                    load.interaction_settled_ms.extend(result["settled"].as_f64());
                    load.interaction_outside.push(number("outside")?);
                    load.outside_examples.extend(
                        result["outsideWhat"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|what| what.as_str().map(str::to_owned)),
                    );
                }
                Timed::VersionChange => load.version_change_ms.push(number("paint")?),
                Timed::Setup => {}
            }
            tokio::time::sleep(Duration::from_millis(interaction.settle_ms)).await;
        }

        let errors = script(client, "return __bench.errors;", vec![]).await?;
        load.errors = errors
            .as_array()
            .into_iter()
            .flatten()
            .map(|error| error.as_str().unwrap_or_default().to_owned())
            .collect();
        Ok(load)
    }
}

/// The browser's name and version as it reports them (`Chrome/…`).
pub async fn browser_version(session: &Session) -> Result<String, String> {
    let version = cdp(&session.client, "Browser.getVersion", json!({})).await?;
    version["product"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("Browser.getVersion gave no product: {version}"))
}

/// Polls the probe until the tool has `loaded` and a rendered frame shows
/// every event element in the DOM, then returns the probe's load marks
/// (`[count, dom ms, painted ms]`). Fails, with what the page did show and
/// report, if that takes longer than [`LOAD_TIMEOUT`].
async fn wait_until_loaded(client: &Client, name: &str, loaded: &Loaded) -> Result<Vec<(usize, f64, f64)>, String> {
    let selector = match loaded {
        Loaded::Text { selector, .. } => Value::from(*selector),
        Loaded::Count(_) => Value::Null,
    };
    let deadline = Instant::now() + LOAD_TIMEOUT;
    loop {
        let state = script(
            client,
            "if (!window.__bench) return null;\
             var shown = arguments[0] && document.querySelector(arguments[0]);\
             return { marks: __bench.marks, errors: __bench.errors, count: __bench.count(),\
                      text: shown ? shown.textContent : null };",
            vec![selector.clone()],
        )
        .await?;
        if state.is_null() {
            return Err(format!("{name}: the page has no probe (window.__bench)"));
        }
        let marks: Vec<(usize, f64, f64)> = serde_json::from_value(state["marks"].clone())
            .map_err(|e| format!("{name}: unreadable marks {}: {e}", state["marks"]))?;
        let painted = marks.last().map_or(0, |mark| mark.0);
        let done = match loaded {
            Loaded::Count(events) => painted >= *events,
            Loaded::Text { text, .. } => state["text"].as_str() == Some(text.as_str()),
        };
        if done && painted > 0 && Some(painted as u64) == state["count"].as_u64() {
            return Ok(marks);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "{name} did not finish loading within {LOAD_TIMEOUT:?}: waited for {loaded:?}; \
                 marks {marks:?}, {} event elements, text {}, errors {}",
                state["count"], state["text"], state["errors"]
            ));
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// Runs `body` as a synchronous script in the page, with `args` as its
/// `arguments`.
async fn script(client: &Client, body: &str, args: Vec<Value>) -> Result<Value, String> {
    client
        .execute(body, args)
        .await
        .map_err(|e| format!("running `{body}`: {e}"))
}

/// Runs `body` as an asynchronous script with `arg` as its first argument.
async fn script_async(client: &Client, body: &str, arg: Value) -> Result<Value, String> {
    client
        .execute_async(body, vec![arg])
        .await
        .map_err(|e| format!("running `{body}`: {e}"))
}

/// Sends one DevTools-protocol command through chromedriver.
async fn cdp(client: &Client, cmd: &'static str, params: Value) -> Result<Value, String> {
    client
        .issue_cmd(Cdp { cmd, params })
        .await
        .map_err(|e| format!("DevTools {cmd}: {e}"))
}

/// chromedriver's `POST /session/{id}/goog/cdp/execute`: a DevTools
/// protocol command on the session's page. The heap is read this way, not
/// from `performance.memory`, which Chromium rounds unless started with
/// `--enable-precise-memory-info` (and the harness's flags are shared).
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The requests for other hosts that reached the recording `proxy` since
/// its log's `mark`, as the tables print them.
pub fn offorigin_since(proxy: &Server, mark: usize) -> Vec<String> {
    proxy
        .log()
        .since(mark)
        .iter()
        .filter(|request| request.destination == Destination::OffOrigin)
        .map(ToString::to_string)
        .collect()
}
