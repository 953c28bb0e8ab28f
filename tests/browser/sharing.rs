//! Sharing a view: a blog on another origin embeds it with `embed.js` (the
//! iframe grows to fit its content, ignores hostile height messages, works
//! 320 px wide, and never scrolls the host page); the CSV and JSON
//! downloads hold exactly what the view shows; the share dialog gives embed
//! snippets and a citation for the current view; "Copy link" copies it.
//!
//! Expected snippets, files and counts come from the app's own logic run
//! natively (`pactline::share`, `pactline::export`, `pactline::filter`) on
//! the same URL state, plus a few literal checks that do not trust it.

use std::path::Path;

use pactline::url_state::ViewState;
use pactline::{compare, export, share};
use serde::Deserialize;
use serde_json::{Value, json};

use super::offline::{EVENT_ROW, FETCH_TEXT, Fetched, data, expect_eq, filtered_events, script_result, view_state};
use crate::support::page::Page;
use crate::support::server::{ReplacedFile, Server};

// ---------------------------------------------------------------------------
// Embedding on another origin

/// The view the host page embeds: its placeholder's `data-pactline`
/// (without the `?`), as written in `fixtures/embed-host.html`.
const EMBEDDED_QUERY: &str = "view=clauses&a=2019&b=2026";

/// The host page's placeholder, and the iframe `embed.js` puts in it.
const PLACEHOLDER: &str = "#embed";
const EMBED_FRAME: &str = "#embed iframe";

/// The iframe's height before the app reports its own (set by `embed.js`).
const INITIAL_FRAME_HEIGHT: f64 = 600.0;

/// How far apart two measures of one length may be, in CSS pixels
/// (`embed.js` rounds up; layout has sub-pixel sizes).
const TOLERANCE: f64 = 2.0;

/// The narrowest host column an embed must fit.
const NARROW_WIDTH: f64 = 320.0;

/// A blog post on a second origin that embeds the app; the server lives
/// as long as this does.
struct EmbedHost {
    _page: ReplacedFile,
    _server: Server,
}

impl EmbedHost {
    /// Serves `fixtures/embed-host.html`, pointed at the app, from a second
    /// server (another port, so another origin), opens it, and waits for
    /// the iframe `embed.js` makes.
    async fn open(page: &Page) -> Result<Self, String> {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/fixtures");
        let template = fixtures.join("embed-host.html");
        let html = std::fs::read_to_string(&template).map_err(|e| format!("reading {}: {e}", template.display()))?;
        if !html.contains(&format!("data-pactline=\"?{EMBEDDED_QUERY}\"")) {
            return Err(format!(
                "test bug: {} does not embed ?{EMBEDDED_QUERY}",
                template.display()
            ));
        }
        let server = Server::start(&fixtures, "/fixture/")
            .await
            .map_err(|e| format!("starting the host page's server: {e}"))?;
        let host_page = server
            .control()
            .replace_file("embed-host.html", html.replace("{{APP_URL}}", page.app_url()));
        page.goto(&format!("{}embed-host.html", server.base_url())).await?;
        page.wait_for(EMBED_FRAME).await?;
        Ok(Self {
            _page: host_page,
            _server: server,
        })
    }
}

/// The iframe and the host page, as the host sees them.
const HOST_VIEW: &str = r#"
const frame = document.querySelector(arguments[0]);
const box = frame.getBoundingClientRect();
return { src: frame.src, styleHeight: frame.style.height, height: box.height, scrollX: scrollX, scrollY: scrollY };
"#;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct HostView {
    src: String,
    style_height: String,
    height: f64,
    scroll_x: f64,
    scroll_y: f64,
}

/// The app's document inside the iframe, as it sees itself.
const FRAME_VIEW: &str = r#"
const root = document.documentElement;
return {
  height: root.getBoundingClientRect().height,
  scrollWidth: root.scrollWidth,
  clientWidth: root.clientWidth,
  scrollHeight: root.scrollHeight,
  innerWidth: innerWidth,
  innerHeight: innerHeight,
};
"#;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FrameView {
    height: f64,
    scroll_width: f64,
    client_width: f64,
    scroll_height: f64,
    inner_width: f64,
    inner_height: f64,
}

async fn host_view(page: &Page) -> Result<HostView, String> {
    let value = page.execute_json(HOST_VIEW, vec![json!(EMBED_FRAME)]).await?;
    serde_json::from_value(value).map_err(|e| format!("reading the host view: {e}"))
}

async fn frame_view(page: &Page) -> Result<FrameView, String> {
    let value = page
        .in_frame(EMBED_FRAME, async || page.execute_json(FRAME_VIEW, vec![]).await)
        .await?;
    serde_json::from_value(value).map_err(|e| format!("reading the framed view: {e}"))
}

/// Waits until the embedded app has rendered the comparison in its compact
/// layout, and fails if the framed document recorded errors (the harness
/// only reads the host page's).
async fn wait_for_embedded_app(page: &Page) -> Result<(), String> {
    let rows = {
        let state = view_state(EMBEDDED_QUERY)?;
        let (a, b) = state.versions(data()).ok_or("test bug: no versions to compare")?;
        compare::compare(data(), a, b).len()
    };
    page.in_frame(EMBED_FRAME, async || {
        page.wait_for(".shell.embed").await?;
        page.wait_until(
            &format!("the embedded comparison shows {rows} clause rows"),
            async || Ok(page.count(r#"article[data-testid="clause-row"]"#).await? == rows),
        )
        .await?;
        expect_no_frame_errors(page).await
    })
    .await
}

/// Fails if the current (framed) document recorded errors.
async fn expect_no_frame_errors(page: &Page) -> Result<(), String> {
    let errors = page
        .execute_json("return window.__pactlineErrors || null;", vec![])
        .await?;
    match errors.as_array() {
        Some(errors) if errors.is_empty() => Ok(()),
        Some(_) => Err(format!("the embedded app reported errors: {errors}")),
        None => Err("the embedded app has no error recorder (window.__pactlineErrors)".into()),
    }
}

/// Waits until the iframe is as tall as the app's content inside it and
/// taller than it started; returns the last measures.
async fn wait_until_fitted(page: &Page, what: &str) -> Result<(HostView, FrameView), String> {
    let mut last = None;
    let waited = page
        .wait_until(what, async || {
            let host = host_view(page).await?;
            let frame = frame_view(page).await?;
            let fitted =
                host.height > INITIAL_FRAME_HEIGHT + TOLERANCE && (host.height - frame.height).abs() <= TOLERANCE;
            last = Some((host, frame));
            Ok(fitted)
        })
        .await;
    match (waited, last) {
        (Ok(()), Some(last)) => Ok(last),
        (Err(e), Some((host, frame))) => Err(format!("{e}; last seen: host {host:?}, frame {frame:?}")),
        (waited, None) => Err(waited.err().unwrap_or_else(|| format!("{what}: never polled"))),
    }
}

/// Fails if the host page has scrolled.
fn expect_host_not_scrolled(host: &HostView) -> Result<(), String> {
    expect_eq(
        "the host page's scroll position",
        (host.scroll_x, host.scroll_y),
        (0.0, 0.0),
    )
}

/// The query of `url` (without `?`).
fn query_of(url: &str) -> Result<String, String> {
    let url = url::Url::parse(url).map_err(|e| format!("{url:?} is not a URL: {e}"))?;
    Ok(url.query().unwrap_or_default().to_owned())
}

/// `query`'s state with `embed` set as given.
fn with_embed(query: &str, embed: bool) -> Result<ViewState, String> {
    Ok(ViewState {
        embed,
        ..view_state(query)?
    })
}

/// A host page on another origin with the script snippet gets an iframe of
/// the app in embed mode (no site header, an "Open in Pactline" link to the
/// full view) that grows from its initial height to exactly its content's,
/// without scrolling the host page.
pub async fn embed_script_grows_iframe_to_content(page: &Page) -> Result<(), String> {
    let _host = EmbedHost::open(page).await?;
    let src = host_view(page).await?.src;
    expect_eq(
        "the iframe's src",
        src.as_str(),
        format!("{}?{EMBEDDED_QUERY}&embed=1", page.app_url()).as_str(),
    )?;
    wait_for_embedded_app(page).await?;

    page.in_frame(EMBED_FRAME, async || {
        expect_eq("site headers in the embed", page.count("header.site-header").await?, 0)?;
        let label = page.text("a.open-full").await?;
        if !label.contains("Open in Pactline") {
            return Err(format!("a.open-full reads {label:?}, expected \"Open in Pactline ↗\""));
        }
        let href = page
            .execute_json("return document.querySelector('a.open-full').href;", vec![])
            .await?;
        let href = href.as_str().unwrap_or_default();
        if !href.starts_with(&format!("{}?", page.app_url())) {
            return Err(format!("\"Open in Pactline\" leads to {href:?}, not the app"));
        }
        expect_eq(
            "the view \"Open in Pactline\" opens",
            view_state(&query_of(href)?)?,
            with_embed(EMBEDDED_QUERY, false)?,
        )
    })
    .await?;

    let (host, _) = wait_until_fitted(page, "the iframe has grown to its content's height").await?;
    expect_host_not_scrolled(&host)
}

/// Sent from the host page to itself: the right shape from the wrong
/// sender, and wrong shapes. Then a marker.
const HOST_SENDS_HOSTILE: &str = r#"
for (const message of [
  { type: "pactline:height", height: 300 },
  { type: "pactline:height", height: 50 },
  { type: "pactline:height", height: 1e9 },
  { type: "pactline:height", height: "300" },
  "pactline:height",
]) postMessage(message, "*");
postMessage("pactline-test:host", "*");
"#;

/// A second iframe of the host's own origin posts well-formed heights to
/// the host. Then a marker.
const SIBLING_FRAME_SENDS_HOSTILE: &str = r#"
const sibling = document.createElement("iframe");
sibling.srcdoc = "<script>" +
  "parent.postMessage({ type: 'pactline:height', height: 300 }, '*');" +
  "parent.postMessage({ type: 'pactline:height', height: 20000 }, '*');" +
  "parent.postMessage('pactline-test:sibling', '*');" +
  "<\/script>";
document.body.appendChild(sibling);
"#;

/// Another iframe of the app on the host page that `embed.js` did not make
/// (as the plain-iframe snippet would add): same origin as the embed, but
/// not its frame. The app in it posts its own height too.
const ADD_UNTRACKED_APP_FRAME: &str = r#"
const other = document.createElement("iframe");
other.id = "untracked-pactline";
other.src = arguments[0];
other.style.cssText = "display:block;width:100%;height:300px;border:0";
document.body.appendChild(other);
"#;
const UNTRACKED_APP_FRAME: &str = "#untracked-pactline";

/// Run inside the untracked app iframe: a well-formed height from the
/// app's origin, but from the wrong frame. Then a marker.
const UNTRACKED_APP_FRAME_SENDS: &str = r#"
parent.postMessage({ type: "pactline:height", height: 300 }, "*");
parent.postMessage("pactline-test:untracked-app-frame", "*");
"#;

/// Run inside the app's iframe, the one sender `embed.js` listens to:
/// messages of the wrong shape and heights out of range. Then a marker.
const APP_FRAME_SENDS_MALFORMED: &str = r#"
for (const message of [
  null,
  300,
  "pactline:height",
  ["pactline:height", 300],
  { type: "pactline:height" },
  { type: "pactline:height", height: "300" },
  { type: "pactline:height", height: 300, extra: true },
  { type: "PACTLINE:HEIGHT", height: 300 },
  { type: "pactline:height", height: 50 },
  { type: "pactline:height", height: -300 },
  { type: "pactline:height", height: 1e9 },
  { type: "pactline:height", height: Infinity },
  { type: "pactline:height", height: NaN },
]) parent.postMessage(message, "*");
parent.postMessage("pactline-test:app-frame", "*");
"#;

/// The markers the senders end with. Messages from one sender arrive in
/// order, so once a marker is in, that sender's messages have all been
/// handled.
const MARKERS: [&str; 4] = [
    "pactline-test:host",
    "pactline-test:sibling",
    "pactline-test:untracked-app-frame",
    "pactline-test:app-frame",
];

/// From now on, records every height `embed.js` gives the iframe in
/// `window.__frameHeights`, however briefly it lasts.
const RECORD_FRAME_HEIGHTS: &str = r#"
const frame = document.querySelector(arguments[0]);
window.__frameHeights = [];
new MutationObserver(() => window.__frameHeights.push(frame.style.height))
  .observe(frame, { attributes: true, attributeFilter: ["style"] });
"#;

async fn recorded_frame_heights(page: &Page) -> Result<Vec<String>, String> {
    let heights = page.execute_json("return window.__frameHeights;", vec![]).await?;
    serde_json::from_value(heights).map_err(|e| format!("reading window.__frameHeights: {e}"))
}

/// A height (px) the app's iframe may legitimately ask for, as a control.
const CONTROL_HEIGHT: u32 = 700;

/// Height messages from the host page, from another frame of the host's
/// origin, from another iframe of the app that `embed.js` did not make,
/// and malformed or out-of-range ones from the embed's own frame never
/// change the iframe's height, not even for a moment; a well-formed one
/// from the embed's frame (the control) is obeyed.
pub async fn embed_ignores_hostile_height_messages(page: &Page) -> Result<(), String> {
    let _host = EmbedHost::open(page).await?;
    wait_for_embedded_app(page).await?;
    let (fitted, _) = wait_until_fitted(page, "the iframe has grown to its content's height").await?;
    page.execute_json(RECORD_FRAME_HEIGHTS, vec![json!(EMBED_FRAME)])
        .await?;

    page.execute_json(HOST_SENDS_HOSTILE, vec![]).await?;
    page.execute_json(SIBLING_FRAME_SENDS_HOSTILE, vec![]).await?;
    let untracked_src = format!("{}?view=sources&embed=1", page.app_url());
    page.execute_json(ADD_UNTRACKED_APP_FRAME, vec![json!(untracked_src)])
        .await?;
    page.in_frame(UNTRACKED_APP_FRAME, async || {
        page.wait_for(".shell.embed").await?;
        page.execute_json(UNTRACKED_APP_FRAME_SENDS, vec![]).await
    })
    .await?;
    page.in_frame(EMBED_FRAME, async || {
        page.execute_json(APP_FRAME_SENDS_MALFORMED, vec![]).await
    })
    .await?;
    page.wait_until("the host page has received every sender's marker", async || {
        let seen = page.execute_json("return window.__testMarkers;", vec![]).await?;
        let seen: Vec<&str> = seen
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        Ok(MARKERS.iter().all(|marker| seen.contains(marker)))
    })
    .await?;
    // The embedded app may repeat its height meanwhile; nothing else may change it.
    let heights = recorded_frame_heights(page).await?;
    if heights.iter().any(|height| *height != fitted.style_height) {
        return Err(format!(
            "hostile messages changed the iframe's height: it was {:?}, then {heights:?}",
            fitted.style_height
        ));
    }
    let after = host_view(page).await?;
    expect_eq(
        "the iframe's height after hostile messages",
        after.height,
        fitted.height,
    )?;
    expect_host_not_scrolled(&after)?;

    let control = format!("{CONTROL_HEIGHT}px");
    if fitted.style_height == control {
        return Err(format!(
            "test bug: the control height {CONTROL_HEIGHT} is the fitted height"
        ));
    }
    page.in_frame(EMBED_FRAME, async || {
        page.execute_json(
            "parent.postMessage({ type: 'pactline:height', height: arguments[0] }, '*');",
            vec![json!(CONTROL_HEIGHT)],
        )
        .await
    })
    .await?;
    page.wait_until(
        &format!("a well-formed message from the app's frame sets the height to {control}"),
        async || Ok(recorded_frame_heights(page).await?.contains(&control)),
    )
    .await
}

/// Narrowed to a 320 px column, the embed lays out without horizontal
/// overflow, grows to its (now taller) content, needs no scrollbar of its
/// own, and the host page does not scroll.
pub async fn embed_fits_320px_column(page: &Page) -> Result<(), String> {
    let _host = EmbedHost::open(page).await?;
    wait_for_embedded_app(page).await?;
    let (wide, _) = wait_until_fitted(page, "the iframe has grown to its content's height").await?;

    page.execute_json(
        "document.querySelector(arguments[0]).style.width = arguments[1] + 'px';",
        vec![json!(PLACEHOLDER), json!(NARROW_WIDTH)],
    )
    .await?;
    page.wait_until(&format!("the iframe is {NARROW_WIDTH}px wide"), async || {
        Ok(frame_view(page).await?.inner_width == NARROW_WIDTH)
    })
    .await?;
    // Every way the narrow embed falls short, not just the first.
    let mut problems = Vec::new();
    let fitted = wait_until_fitted(
        page,
        &format!("the {NARROW_WIDTH}px iframe has grown to its content's height"),
    )
    .await;
    if let Err(reason) = fitted {
        problems.push(reason);
    }
    let (host, frame) = (host_view(page).await?, frame_view(page).await?);
    if frame.scroll_width > frame.client_width {
        problems.push(format!(
            "the embed overflows sideways at {NARROW_WIDTH}px: scrollWidth {} > clientWidth {}",
            frame.scroll_width, frame.client_width
        ));
    }
    if frame.scroll_height > frame.inner_height + TOLERANCE {
        problems.push(format!(
            "the embed scrolls inside its iframe: scrollHeight {} > iframe height {}",
            frame.scroll_height, frame.inner_height
        ));
    }
    if host.height <= wide.height {
        problems.push(format!(
            "narrowing the embed should make the iframe taller: {}px at full width, {}px at {NARROW_WIDTH}px",
            wide.height, host.height
        ));
    }
    if let Err(reason) = expect_host_not_scrolled(&host) {
        problems.push(reason);
    }
    if let Err(reason) = page
        .in_frame(EMBED_FRAME, async || expect_no_frame_errors(page).await)
        .await
    {
        problems.push(reason);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

// ---------------------------------------------------------------------------
// Downloads

const DOWNLOAD_CSV: &str = r#"[data-testid="download-csv"]"#;
const DOWNLOAD_JSON: &str = r#"[data-testid="download-json"]"#;
const DATASET_VERSION: &str = r#"[data-testid="dataset-version"]"#;

/// A filtered timeline to download.
const CSV_QUERY: &str = "view=timeline&party=amazon&certainty=reported";

/// The CSV's header row.
const CSV_HEADER: &str =
    "id,date,title,summary,certainty,parties,topics,key_figure,figures,sources,dataset_version,corroboration";

/// Lets the app's click handler run, then cancels the browser's own
/// handling of the click (saving the file, or asking where to), so runs
/// leave no files behind and no engine's download prompt gets in the way.
/// The app's handler is on the link itself, so it runs before this one on
/// `window`.
const KEEP_DOWNLOAD_IN_PAGE: &str = r#"
const selector = arguments[0];
addEventListener("click", (e) => {
  if (e.target instanceof Element && e.target.closest(selector)) e.preventDefault();
});
"#;

/// A downloaded file: its name and content.
struct Download {
    name: String,
    text: String,
}

/// Clicks the download link `selector` and reads the file back from the
/// `blob:` address the click gave the link.
async fn download(page: &Page, selector: &str) -> Result<Download, String> {
    page.execute_json(KEEP_DOWNLOAD_IN_PAGE, vec![json!(selector)]).await?;
    page.click(selector).await?;
    let mut href = String::new();
    page.wait_until(&format!("`{selector}` links to a blob: URL"), async || {
        href = page.attr(selector, "href").await?.unwrap_or_default();
        Ok(href.starts_with("blob:"))
    })
    .await?;
    let fetched: Fetched = script_result(page, FETCH_TEXT, vec![json!(href)]).await?;
    let name = page.attr(selector, "download").await?.unwrap_or_default();
    Ok(Download {
        name,
        text: fetched.text,
    })
}

/// Fails unless `actual` is `expected`, showing where they first differ
/// (files are too long to print whole).
fn expect_same_text(what: &str, actual: &str, expected: &str) -> Result<(), String> {
    if actual == expected {
        return Ok(());
    }
    let at = actual
        .char_indices()
        .zip(expected.chars())
        .find(|((_, a), e)| a != e)
        .map_or_else(|| actual.len().min(expected.len()), |((i, _), _)| i);
    let context = |text: &str| -> String {
        text.get(at.saturating_sub(40)..)
            .unwrap_or("")
            .chars()
            .take(100)
            .collect()
    };
    Err(format!(
        "{what} differs from the expected text at byte {at} (lengths {} and {}): got {:?}, expected {:?}",
        actual.len(),
        expected.len(),
        context(actual),
        context(expected),
    ))
}

/// The CSV download of a filtered timeline holds exactly its events, in
/// display order, as the export logic writes them: header row, CRLF line
/// endings, and the dataset version in the file name.
pub async fn csv_download_holds_the_filtered_events(page: &Page) -> Result<(), String> {
    let events = filtered_events(CSV_QUERY)?;
    if events.is_empty() || events.len() == data().events.len() {
        return Err(format!("test bug: {CSV_QUERY:?} should leave some events but not all"));
    }
    let expected_ids: Vec<&str> = events.iter().map(|&i| data().events[i].id).collect();
    page.open(CSV_QUERY).await?;
    page.wait_until(&format!("the timeline lists {expected_ids:?}"), async || {
        let shown = page
            .execute_json(
                "return [...document.querySelectorAll(arguments[0])].map((li) => li.dataset.eventId);",
                vec![json!(EVENT_ROW)],
            )
            .await?;
        Ok(shown == json!(expected_ids))
    })
    .await?;

    let csv = download(page, DOWNLOAD_CSV).await?;
    expect_eq(
        "the CSV's file name",
        csv.name,
        format!("pactline-events-{}.csv", data().version),
    )?;
    expect_eq("the CSV's header row", csv.text.split("\r\n").next(), Some(CSV_HEADER))?;
    if !csv.text.ends_with("\r\n") || csv.text.matches('\n').count() != csv.text.matches("\r\n").count() {
        return Err("the CSV's lines do not all end in CRLF".into());
    }
    let ids: Vec<&str> = csv
        .text
        .split("\r\n")
        .skip(1)
        .filter(|row| !row.is_empty())
        .map(|row| row.split(',').next().unwrap_or_default())
        .collect();
    expect_eq("the CSV's event ids", ids, expected_ids)?;
    expect_same_text("the CSV", &csv.text, &export::events_csv(data(), &events))
}

/// The JSON download is the whole dataset, as the export logic writes it,
/// with the version the footer shows.
pub async fn json_download_is_the_dataset_with_its_version(page: &Page) -> Result<(), String> {
    page.open("view=clauses").await?;
    let version = page.text(DATASET_VERSION).await?;
    expect_eq("the footer's dataset version", version.as_str(), data().version)?;

    let json = download(page, DOWNLOAD_JSON).await?;
    expect_eq(
        "the JSON's file name",
        json.name,
        format!("pactline-dataset-{version}.json"),
    )?;
    let parsed: Value =
        serde_json::from_str(&json.text).map_err(|e| format!("the JSON download does not parse: {e}"))?;
    expect_eq("the JSON's version", parsed["version"].as_str(), Some(version.as_str()))?;
    expect_eq(
        "events in the JSON",
        parsed["events"].as_array().map(Vec::len),
        Some(data().events.len()),
    )?;
    if parsed["note"].as_str().is_none_or(str::is_empty) {
        return Err("the JSON has no note on its sources".into());
    }
    expect_same_text("the JSON", &json.text, &export::dataset_json(data()))
}

// ---------------------------------------------------------------------------
// The share bar and dialog

const OPEN_EMBED: &str = r#"[data-testid="open-embed"]"#;
const OPEN_CITE: &str = r#"[data-testid="open-cite"]"#;
const COPY_LINK: &str = r#"[data-testid="copy-link"]"#;
const SHARE_STATUS: &str = r#"[data-testid="share-status"]"#;
const DIALOG_OPEN: &str = r#"dialog[data-testid="share-dialog"][open]"#;
const CLOSE_DIALOG: &str = r#"[data-testid="close-dialog"]"#;
const SCRIPT_SNIPPET: &str = r#"textarea[data-testid="embed-script-snippet"]"#;
const IFRAME_SNIPPET: &str = r#"textarea[data-testid="embed-iframe-snippet"]"#;
const CITATION: &str = r#"textarea[data-testid="citation"]"#;

/// The views the share scenarios open.
const EMBED_DIALOG_QUERY: &str = "view=clauses&a=2023&b=2026&changed=1";
const CITE_QUERY: &str = "view=timeline&party=amazon";
const COPY_LINK_QUERY: &str = "view=timeline&q=azure&order=desc";

/// What "Copy link" says when the clipboard took the link.
const COPIED: &str = "Link copied.";

/// What it says instead when it could not copy, followed by the link.
const COPY_FALLBACK: &str = "Copy this link: ";

/// The page's address.
async fn location(page: &Page) -> Result<String, String> {
    let href = page.execute_json("return location.href;", vec![]).await?;
    href.as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("location.href is {href}"))
}

/// The value of the form field `css` once there is one: what a reader
/// copies (a textarea filled through its property has no text content).
async fn field_value(page: &Page, css: &str) -> Result<String, String> {
    page.wait_for(css).await?;
    let value = page
        .execute_json("return document.querySelector(arguments[0]).value;", vec![json!(css)])
        .await?;
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("`{css}` has no value ({value})"))
}

/// The value of the attribute `name="…"` in an HTML snippet, unescaped.
fn snippet_attribute(snippet: &str, name: &str) -> Result<String, String> {
    let start = format!("{name}=\"");
    let value = snippet
        .split_once(&start)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(value, _)| value)
        .ok_or_else(|| format!("no {name}=\"…\" in the snippet {snippet:?}"))?;
    Ok(value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&"))
}

/// Opens the share dialog with `button` and waits until it is open.
async fn open_dialog(page: &Page, button: &str) -> Result<(), String> {
    page.click(button).await?;
    page.wait_for(DIALOG_OPEN).await
}

/// "Embed…" shows both snippets for the current view: the script snippet's
/// placeholder names the view without `embed=1` and loads `embed.js` from
/// the app's directory; the iframe snippet frames the view with `embed=1`.
/// "Close" closes the dialog.
pub async fn embed_dialog_gives_snippets_for_the_view(page: &Page) -> Result<(), String> {
    page.open(EMBED_DIALOG_QUERY).await?;
    open_dialog(page, OPEN_EMBED).await?;
    let script = field_value(page, SCRIPT_SNIPPET).await?;
    let iframe = field_value(page, IFRAME_SNIPPET).await?;
    let href = location(page).await?;
    let state = view_state(&query_of(&href)?)?;
    expect_eq("the URL state", &state, &view_state(EMBED_DIALOG_QUERY)?)?;

    let placeholder = snippet_attribute(&script, "data-pactline")?;
    if placeholder.contains("embed") {
        return Err(format!(
            "the script snippet's data-pactline has embed in it: {placeholder:?}"
        ));
    }
    expect_eq("the view data-pactline names", view_state(&placeholder)?, state.clone())?;
    expect_eq(
        "the script snippet's src",
        snippet_attribute(&script, "src")?,
        format!("{}embed.js", page.app_url()),
    )?;
    let framed = snippet_attribute(&iframe, "src")?;
    if !framed.starts_with(&format!("{}?", page.app_url())) || !framed.split(['?', '&']).any(|p| p == "embed=1") {
        return Err(format!(
            "the iframe snippet should frame the app with embed=1, got src {framed:?}"
        ));
    }
    expect_eq(
        "the view the iframe snippet frames",
        view_state(&query_of(&framed)?)?,
        with_embed(EMBED_DIALOG_QUERY, true)?,
    )?;
    let (expected_script, expected_iframe) = share::embed_snippets(&href, &state);
    expect_eq("the script snippet", script, expected_script)?;
    expect_eq("the iframe snippet", iframe, expected_iframe)?;

    page.click(CLOSE_DIALOG).await?;
    page.wait_until("the share dialog has closed", async || {
        Ok(page.count(DIALOG_OPEN).await? == 0)
    })
    .await
}

/// Today in the browser, `YYYY-MM-DD`, in the reader's time zone.
const BROWSER_TODAY: &str = r#"
const now = new Date();
const two = (n) => String(n).padStart(2, "0");
return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
"#;

/// "Cite…" gives a citation of the current view with the footer's dataset
/// version and today's date.
pub async fn cite_dialog_names_version_and_today(page: &Page) -> Result<(), String> {
    page.open(CITE_QUERY).await?;
    let version = page.text(DATASET_VERSION).await?;
    open_dialog(page, OPEN_CITE).await?;
    let citation = field_value(page, CITATION).await?;
    let today = page.execute_json(BROWSER_TODAY, vec![]).await?;
    let today = today.as_str().unwrap_or_default();
    for part in [format!("dataset version {version}"), format!("Accessed {today}.")] {
        if !citation.contains(&part) {
            return Err(format!("the citation should contain {part:?}: {citation:?}"));
        }
    }
    let href = location(page).await?;
    let state = view_state(&query_of(&href)?)?;
    expect_eq(
        "the citation",
        citation,
        share::citation(&href, &state, &version, today),
    )
}

/// Records what the page writes to the clipboard in
/// `window.__copiedText`, still writing it: automation may deny the
/// clipboard, and the link is what matters.
const SPY_ON_CLIPBOARD: &str = r#"
window.__copiedText = null;
const clipboard = navigator.clipboard;
if (clipboard && typeof clipboard.writeText === "function") {
  const write = clipboard.writeText.bind(clipboard);
  clipboard.writeText = (text) => {
    window.__copiedText = String(text);
    return write(text);
  };
}
"#;

/// "Copy link" copies the link to the current view (never in embed mode)
/// and says so, or, where it cannot copy, shows the link to copy by hand.
pub async fn copy_link_gives_the_view_link(page: &Page) -> Result<(), String> {
    page.open(COPY_LINK_QUERY).await?;
    page.execute_json(SPY_ON_CLIPBOARD, vec![]).await?;
    page.click(COPY_LINK).await?;
    let mut status = String::new();
    page.wait_until("the share status says something", async || {
        status = page.text(SHARE_STATUS).await?;
        Ok(!status.trim().is_empty())
    })
    .await?;

    let href = location(page).await?;
    let expected = share::link(&href, &view_state(&query_of(&href)?)?);
    if !expected.starts_with(&format!("{}?view=timeline", page.app_url())) {
        return Err(format!("test bug: the expected link {expected:?} is not the app's"));
    }
    let status = status.trim();
    if status == COPIED {
        let copied = page.execute_json("return window.__copiedText;", vec![]).await?;
        expect_eq(
            "the link written to the clipboard",
            copied.as_str(),
            Some(expected.as_str()),
        )
    } else if let Some(shown) = status.strip_prefix(COPY_FALLBACK) {
        expect_eq("the link shown to copy", shown, expected.as_str())
    } else {
        Err(format!(
            "the share status should be {COPIED:?} or {COPY_FALLBACK:?} and the link, got {status:?}"
        ))
    }
}
