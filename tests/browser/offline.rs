//! Pactline without a network: after one visit over http the service worker
//! opens any deep link with the server gone, the app still filters and the
//! dataset's download is still there; a new deploy replaces the cached one;
//! and the single-file build (`examples/single_file.rs`) works from
//! `file://` without a server at all, its dataset inside it.
//!
//! Expected counts come from the app's own logic run natively
//! (`pactline::filter`, `pactline::compare`) on the same URL state.

use std::path::PathBuf;

use pactline::compare::{self, Summary};
use pactline::export;
use serde::Deserialize;
use serde_json::json;

use crate::support::expect::expect_eq;
use crate::support::oracle::{data, filtered_events, view_state};
use crate::support::page::Page;
use crate::support::server::{DEFAULT_BASE_PATH, Destination, UNANSWERED};
use crate::support::steps::{EVENT, EVENT_COUNT, FETCH_TEXT, Fetched, SEARCH, evaluate, script_result, showing};

const CLAUSE_SUMMARY: &str = r#"[data-testid="clause-summary"]"#;
const CLAUSE_ROW: &str = r#"article[data-testid="clause-row"]"#;
const DOWNLOAD_JSON: &str = r#"[data-testid="download-json"]"#;

/// How many events the timeline renders before "Show more".
const FIRST_PAGE: usize = pactline::filter::PAGE;

/// A link the offline scenario opens for the first time with the server gone.
const UNVISITED_DEEP_LINK: &str = "view=timeline&party=amazon";

/// What the timeline scenarios type into the search box.
const SEARCH_TEXT: &str = "azure";

/// The comparison the single file must render.
const COMPARISON: &str = "view=clauses&a=2019&b=2026";

/// Where the single file is unless `PACTLINE_SINGLE_FILE` says otherwise
/// (relative paths are from the crate root).
const DEFAULT_SINGLE_FILE: &str = "target/pactline.html";

// ---------------------------------------------------------------------------
// The timeline, wherever it was loaded from

/// "N of M events" for `query`.
fn count_text(query: &str) -> Result<String, String> {
    Ok(format!(
        "{} of {} events",
        filtered_events(query)?.len(),
        data().events.len()
    ))
}

/// Waits until the count reads what the filters of `query` leave and the
/// list shows those events (its first page of them).
async fn wait_for_timeline_of(page: &Page, query: &str) -> Result<(), String> {
    let expected = count_text(query)?;
    let rows = filtered_events(query)?.len().min(FIRST_PAGE);
    page.wait_until(&format!("the timeline shows {expected:?} in {rows} rows"), async || {
        Ok(page.text(EVENT_COUNT).await? == expected && page.count(EVENT).await? == rows)
    })
    .await
    .map_err(|e| format!("{e} (URL state {query:?})"))
}

/// The timeline open at `query` shows what its filters leave, and typing
/// [`SEARCH_TEXT`] narrows the list further.
async fn check_timeline_filters(page: &Page, query: &str) -> Result<(), String> {
    let searched = [query, &format!("q={SEARCH_TEXT}")]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("&");
    if count_text(query)? == count_text(&searched)? {
        return Err(format!("test bug: searching {SEARCH_TEXT:?} does not narrow {query:?}"));
    }
    wait_for_timeline_of(page, query).await?;
    page.type_into(SEARCH, SEARCH_TEXT).await?;
    wait_for_timeline_of(page, &searched).await
}

// ---------------------------------------------------------------------------
// The service worker

/// The service worker's hold on the page and the app's caches
/// (`pactline-*`): per cache its URLs and, if it has one, its copy of the
/// app's page (the scope URL), which a cache gets last, once complete.
const SERVICE_WORKER_STATE: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const scope = new URL("./", location.href).href;
  const found = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith("pactline-")) continue;
    const cache = await caches.open(name);
    const page = await cache.match(scope);
    const urls = (await cache.keys()).map((request) => request.url);
    found.push({ name, urls, page: page ? await page.text() : null });
  }
  return { controlled: navigator.serviceWorker.controller !== null, caches: found };
})().then(done, (e) => done({ error: `${e.name}: ${e.message}` }));
"#;

/// What [`SERVICE_WORKER_STATE`] returns.
#[derive(Debug, Deserialize)]
struct ServiceWorkerState {
    controlled: bool,
    caches: Vec<AppCache>,
}

/// One `pactline-*` cache.
#[derive(Clone, Debug, Deserialize)]
pub(super) struct AppCache {
    name: String,
    urls: Vec<String>,
    page: Option<String>,
}

impl AppCache {
    /// Holds everything the app needs to start: its page, JS and wasm.
    fn is_complete(&self) -> bool {
        let has = |extension: &str| self.urls.iter().any(|url| url.ends_with(extension));
        self.page.is_some() && has(".js") && has(".wasm")
    }
}

impl std::fmt::Display for ServiceWorkerState {
    /// A short account for failure messages (no page text).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "controlled: {}, caches:", self.controlled)?;
        for cache in &self.caches {
            write!(
                f,
                " {} ({} URLs, page {}, wasm {})",
                cache.name,
                cache.urls.len(),
                if cache.page.is_some() { "yes" } else { "no" },
                if cache.urls.iter().any(|u| u.ends_with(".wasm")) {
                    "yes"
                } else {
                    "no"
                },
            )?;
        }
        Ok(())
    }
}

async fn service_worker_state(page: &Page) -> Result<ServiceWorkerState, String> {
    script_result(page, SERVICE_WORKER_STATE, vec![]).await
}

/// Polls the service worker state until `ready` holds; the timeout message
/// shows the last state seen.
async fn wait_for_service_worker(
    page: &Page,
    what: &str,
    ready: impl Fn(&ServiceWorkerState) -> bool,
) -> Result<ServiceWorkerState, String> {
    let mut last = None;
    let waited = page
        .wait_until(what, async || {
            let state = service_worker_state(page).await?;
            let done = ready(&state);
            last = Some(state);
            Ok(done)
        })
        .await;
    match (waited, last) {
        (Ok(()), Some(state)) => Ok(state),
        (Err(e), Some(state)) => Err(format!("{e}; last seen: {state}")),
        (waited, None) => Err(waited.err().unwrap_or_else(|| format!("{what}: never polled"))),
    }
}

/// After the app at `query` has loaded: waits until its service worker has
/// cached the whole app and controls the page (reloading once if it
/// installed without taking the page over), and returns that one cache.
pub(super) async fn wait_until_offline_ready(page: &Page, query: &str) -> Result<AppCache, String> {
    let has_complete_cache = |state: &ServiceWorkerState| state.caches.iter().any(AppCache::is_complete);
    let mut state = wait_for_service_worker(page, "the service worker has cached the app", has_complete_cache).await?;
    if !state.controlled {
        page.open(query).await?;
        state = wait_for_service_worker(page, "the service worker controls the reloaded page", |state| {
            state.controlled && has_complete_cache(state)
        })
        .await?;
    }
    match state.caches.as_slice() {
        [cache] => Ok(cache.clone()),
        _ => Err(format!(
            "expected exactly one pactline-* cache after the first visit; {state}"
        )),
    }
}

/// After one visit, a link never opened before loads with the server
/// refusing every request, renders, and filters, and the dataset's file
/// comes from the cache; the server really was asked (and gave no answer),
/// and once it is back it serves again.
pub async fn unvisited_deep_link_filters_offline(page: &Page) -> Result<(), String> {
    page.open("").await?;
    wait_until_offline_ready(page, "").await?;

    let offline = page.app_server().go_offline();
    let before = page.requests().len();
    page.open(UNVISITED_DEEP_LINK).await?;
    check_timeline_filters(page, UNVISITED_DEEP_LINK).await?;
    let dataset: Fetched = script_result(page, FETCH_TEXT, vec![json!(export::DATASET_FILE)]).await?;
    if dataset.text != export::dataset_json(data()) {
        return Err(format!("offline, {} is not the dataset", export::DATASET_FILE));
    }
    drop(offline);
    let tried_network = page
        .requests()
        .iter()
        .skip(before)
        .any(|request| request.destination == Destination::Local && request.status == UNANSWERED);
    if !tried_network {
        return Err("no request reached the offline server: the offline load was never put to the test".into());
    }

    let before = page.requests().len();
    page.open("view=sources").await?;
    let served = page.requests().iter().skip(before).any(|request| {
        request.destination == Destination::Local && request.path() == DEFAULT_BASE_PATH && request.status == 200
    });
    if !served {
        return Err("back online, the navigation to the app did not reach the server".into());
    }
    Ok(())
}

/// A deploy with a different `index.html`, met on the next navigation,
/// leaves exactly one `pactline-*` cache: the new deploy's.
pub async fn new_deploy_replaces_cached_one(page: &Page) -> Result<(), String> {
    page.open("").await?;
    let first = wait_until_offline_ready(page, "").await?;

    let served: Fetched = script_result(page, FETCH_TEXT, vec![json!("./index.html")]).await?;
    let marker = "<!-- pactline browser test: the next deploy -->";
    if served.text.contains(marker) {
        return Err("the served index.html already contains the new deploy's marker".into());
    }
    let _next_deploy = page
        .app_server()
        .replace_file("index.html", format!("{}{marker}\n", served.text));
    page.open("view=clauses").await?;
    wait_for_service_worker(page, "only the new deploy's cache is left", |state| {
        matches!(state.caches.as_slice(), [cache]
            if cache.name != first.name
                && cache.is_complete()
                && cache.page.as_deref().is_some_and(|page| page.contains(marker)))
    })
    .await
    .map(drop)
    .map_err(|e| format!("{e} (the first deploy's cache was {})", first.name))
}

// ---------------------------------------------------------------------------
// The single file

/// The single-file build to test: `PACTLINE_SINGLE_FILE`, or
/// [`DEFAULT_SINGLE_FILE`]; it must exist.
fn single_file() -> Result<PathBuf, String> {
    let configured = std::env::var("PACTLINE_SINGLE_FILE").unwrap_or_else(|_| DEFAULT_SINGLE_FILE.into());
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(configured);
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "no single-file build at {}; make it with `cargo run --release --example single_file -- dist {}` \
             after `trunk build --release` (./tasks test does both), or point PACTLINE_SINGLE_FILE at one",
            path.display(),
            path.display(),
        ))
    }
}

/// The single file opened from disk renders the timeline and filters it,
/// offers the dataset from inside itself, renders a comparison from its
/// query, and never touches the network.
pub async fn single_file_works_from_disk(page: &Page) -> Result<(), String> {
    let file = single_file()?;
    let url = url::Url::from_file_path(&file).map_err(|()| format!("{} is not an absolute path", file.display()))?;

    page.goto(url.as_str()).await?;
    check_timeline_filters(page, "").await?;
    // Read in the page without fetching: the file's policy allows no fetch.
    let (name, kind, text): (String, String, String) = evaluate(
        page,
        r#"const link = document.querySelector(arguments[0]);
        const [kind, base64] = link.getAttribute("href").split(",");
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        return [link.getAttribute("download"), kind, new TextDecoder().decode(bytes)];"#,
        vec![json!(DOWNLOAD_JSON)],
    )
    .await?;
    expect_eq(
        "the JSON link's kind of address",
        kind.as_str(),
        "data:application/json;base64",
    )?;
    expect_eq(
        "the JSON's file name",
        name,
        format!("pactline-dataset-{}.json", data().version),
    )?;
    if text != export::dataset_json(data()) {
        return Err("the single file's JSON link does not hold the dataset".into());
    }

    page.goto(&format!("{url}?{COMPARISON}")).await?;
    page.wait_for(&showing("clauses")).await?;
    let state = view_state(COMPARISON)?;
    let (a, b) = state
        .comparison
        .versions(data())
        .ok_or_else(|| format!("test bug: no versions in {COMPARISON:?}"))?;
    let rows = compare::compare(data(), a, b);
    let summary = Summary::of(&rows).line(a, b);
    if !summary.starts_with("17 of 19 clauses changed between 2019 and 2026") {
        return Err(format!("test data changed: the 2019 → 2026 summary is now {summary:?}"));
    }
    page.wait_until(&format!("the clause summary reads {summary:?}"), async || {
        Ok(page.text(CLAUSE_SUMMARY).await? == summary)
    })
    .await?;
    expect_eq("clause rows", page.count(CLAUSE_ROW).await?, rows.len())?;

    let requests: Vec<String> = page.requests().iter().map(ToString::to_string).collect();
    if !requests.is_empty() {
        return Err(format!("the single file reached the network: {requests:?}"));
    }
    Ok(())
}

/// The single-file copy's Embed dialog says plainly that embedding needs a
/// web server and offers the link text only; its citation gives no
/// `file://` address.
pub async fn single_file_dialogs_offer_no_file_address(page: &Page) -> Result<(), String> {
    let file = single_file()?;
    let url = url::Url::from_file_path(&file).map_err(|()| format!("{} is not an absolute path", file.display()))?;
    page.goto(&format!("{url}?view=timeline")).await?;
    page.wait_for(&showing("timeline")).await?;
    crate::support::steps::open_share_menu(page).await?;
    page.click(r#"[data-testid="open-embed"]"#).await?;
    page.wait_for(r#"[data-testid="embed-local"]"#).await?;
    expect_eq(
        "script snippets offered",
        page.count(r#"[data-testid="embed-script-snippet"]"#).await?,
        0,
    )?;
    expect_eq(
        "link snippets offered",
        page.count(r#"textarea[data-testid="embed-link-snippet"]"#).await?,
        1,
    )?;
    page.click(r#"[data-testid="close-dialog"]"#).await?;
    crate::support::steps::open_share_menu(page).await?;
    page.click(r#"[data-testid="open-cite"]"#).await?;
    let citation: String = crate::support::steps::evaluate(
        page,
        "return document.querySelector('textarea[data-testid=citation]').value;",
        vec![],
    )
    .await?;
    if citation.contains("file:") || !citation.contains("cite the address where Pactline is published") {
        return Err(format!("the single file's citation: {citation:?}"));
    }
    Ok(())
}
