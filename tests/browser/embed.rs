//! Embedding a view on another origin: a blog's host page with the script
//! snippet gets an iframe of the app (made by `embed.js`) that grows to fit
//! its content, ignores hostile height messages (sandboxed or not), works
//! 320 px wide, and never scrolls the host page; a host with a strict
//! Content Security Policy gets both snippets working, sandboxed or not.
//!
//! Expected rows and views come from the app's own logic run natively
//! (`pactline::compare`, the URL state) on the embedded query, plus literal
//! checks of the iframe's address.

use std::path::{Path, PathBuf};

use pactline::compare;
use pactline::embed::{self, Options, SANDBOX};
use serde::Deserialize;
use serde_json::{Value, json};

use super::harness::CSP_RECORDED;
use crate::support::expect::{expect_eq, query_of};
use crate::support::oracle::{data, view_state, with_embed};
use crate::support::page::Page;
use crate::support::rebuilt::with_named_origin;
use crate::support::server::{ReplacedFile, Server};

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
    /// server (another port, so another origin), with the placeholder's
    /// `data-sandbox` set to `sandbox` if any, opens it, and waits for the
    /// iframe `embed.js` makes.
    async fn open(page: &Page, sandbox: Option<&str>) -> Result<Self, String> {
        let template = fixtures().join("embed-host.html");
        let html = std::fs::read_to_string(&template).map_err(|e| format!("reading {}: {e}", template.display()))?;
        let placeholder = format!("data-pactline=\"?{EMBEDDED_QUERY}\"");
        if !html.contains(&placeholder) {
            return Err(format!(
                "test bug: {} does not embed ?{EMBEDDED_QUERY}",
                template.display()
            ));
        }
        let html = match sandbox {
            Some(sandbox) => html.replace(&placeholder, &format!("{placeholder} data-sandbox=\"{sandbox}\"")),
            None => html,
        };
        let host = Self::serve(page, "embed-host.html", html.replace("{{APP_URL}}", page.app_url())).await?;
        page.wait_for(EMBED_FRAME).await?;
        Ok(host)
    }

    /// Serves `html` as `name` from a second server (another port, so
    /// another origin) and opens it.
    async fn serve(page: &Page, name: &str, html: String) -> Result<Self, String> {
        let server = Server::start(fixtures(), "/fixture/")
            .await
            .map_err(|e| format!("starting the host page's server: {e}"))?;
        let host_page = server.control().replace_file(name, html);
        page.goto(&format!("{}{name}", server.base_url())).await?;
        Ok(Self {
            _page: host_page,
            _server: server,
        })
    }
}

/// The browser tests' fixture pages.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/fixtures")
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

async fn host_view(page: &Page, frame: &str) -> Result<HostView, String> {
    let value = page.execute_json(HOST_VIEW, vec![json!(frame)]).await?;
    serde_json::from_value(value).map_err(|e| format!("reading the host view: {e}"))
}

async fn frame_view(page: &Page, frame: &str) -> Result<FrameView, String> {
    let value = page
        .in_frame(frame, async || page.execute_json(FRAME_VIEW, vec![]).await)
        .await?;
    serde_json::from_value(value).map_err(|e| format!("reading the framed view: {e}"))
}

/// Waits until the embedded app in `frame` has rendered the comparison in
/// its compact layout, and fails if the framed document recorded errors
/// (the harness only reads the host page's).
async fn wait_for_embedded_app(page: &Page, frame: &str) -> Result<(), String> {
    let rows = {
        let state = view_state(EMBEDDED_QUERY)?;
        let (a, b) = state
            .comparison
            .versions(data())
            .ok_or("test bug: no versions to compare")?;
        compare::compare(data(), a, b).len()
    };
    page.in_frame(frame, async || {
        page.wait_for("#app .shell.embed").await?;
        page.wait_until(
            &format!("the embedded comparison shows {rows} clause rows"),
            async || Ok(page.count(r#"#app article[data-testid="clause-row"]"#).await? == rows),
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

/// Waits until the iframe `frame` is as tall as the app's content inside
/// it and taller than it started; returns the last measures.
async fn wait_until_fitted(page: &Page, frame: &str, what: &str) -> Result<(HostView, FrameView), String> {
    let mut last = None;
    let waited = page
        .wait_until(what, async || {
            let host = host_view(page, frame).await?;
            let frame = frame_view(page, frame).await?;
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

/// A host page on another origin with the script snippet gets an iframe of
/// the app in embed mode (no site header, an "Open in Pactline" link to the
/// full view) that grows from its initial height to exactly its content's,
/// without scrolling the host page.
pub async fn embed_script_grows_iframe_to_content(page: &Page) -> Result<(), String> {
    let _host = EmbedHost::open(page, None).await?;
    let src = host_view(page, EMBED_FRAME).await?.src;
    expect_eq(
        "the iframe's src",
        src.as_str(),
        format!("{}?{EMBEDDED_QUERY}&embed=1", page.app_url()).as_str(),
    )?;
    wait_for_embedded_app(page, EMBED_FRAME).await?;

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

    let (host, _) = wait_until_fitted(page, EMBED_FRAME, "the iframe has grown to its content's height").await?;
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

/// A sandboxed iframe (`allow-scripts` alone, so its origin is opaque and
/// reads "null", as a sandboxed embed's does) posts well-formed heights to
/// the host. Then a marker.
const OPAQUE_FRAME_SENDS_HOSTILE: &str = r#"
const opaque = document.createElement("iframe");
opaque.sandbox = "allow-scripts";
opaque.srcdoc = "<script>" +
  "parent.postMessage({ type: 'pactline:height', height: 300 }, '*');" +
  "parent.postMessage({ type: 'pactline:height', height: 20000 }, '*');" +
  "parent.postMessage('pactline-test:opaque', '*');" +
  "<\/script>";
document.body.appendChild(opaque);
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
const MARKERS: [&str; 5] = [
    "pactline-test:host",
    "pactline-test:sibling",
    "pactline-test:opaque",
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
/// origin, from a sandboxed frame (origin "null"), from another iframe of
/// the app that `embed.js` did not make, and malformed or out-of-range
/// ones from the embed's own frame never change the iframe's height, not
/// even for a moment; a well-formed one from the embed's frame (the
/// control) is obeyed. All of it holds for an embed sandboxed without
/// `allow-same-origin` too, whose own messages come from "null".
pub async fn embed_ignores_hostile_height_messages(page: &Page) -> Result<(), String> {
    // A frame sandboxed without allow-same-origin fetches the app's
    // files cross-origin.
    let _any_origin = page.app_server().allow_any_origin();
    for sandbox in [None, Some(OPAQUE_SANDBOX)] {
        let _page = page_for_sandbox(page, sandbox)?;
        hostile_messages_change_nothing(page, sandbox)
            .await
            .map_err(|e| format!("embed sandboxed with {sandbox:?}: {e}"))?;
    }
    Ok(())
}

/// [`embed_ignores_hostile_height_messages`] for an embed with `sandbox`.
async fn hostile_messages_change_nothing(page: &Page, sandbox: Option<&str>) -> Result<(), String> {
    let _host = EmbedHost::open(page, sandbox).await?;
    wait_for_embedded_app(page, EMBED_FRAME).await?;
    let (fitted, _) = wait_until_fitted(page, EMBED_FRAME, "the iframe has grown to its content's height").await?;
    page.execute_json(RECORD_FRAME_HEIGHTS, vec![json!(EMBED_FRAME)])
        .await?;

    page.execute_json(HOST_SENDS_HOSTILE, vec![]).await?;
    page.execute_json(SIBLING_FRAME_SENDS_HOSTILE, vec![]).await?;
    page.execute_json(OPAQUE_FRAME_SENDS_HOSTILE, vec![]).await?;
    let untracked_src = format!("{}?view=sources&embed=1", page.app_url());
    page.execute_json(ADD_UNTRACKED_APP_FRAME, vec![json!(untracked_src)])
        .await?;
    page.in_frame(UNTRACKED_APP_FRAME, async || {
        page.wait_for("#app .shell.embed").await?;
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
    let after = host_view(page, EMBED_FRAME).await?;
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
    let _host = EmbedHost::open(page, None).await?;
    wait_for_embedded_app(page, EMBED_FRAME).await?;
    let (wide, _) = wait_until_fitted(page, EMBED_FRAME, "the iframe has grown to its content's height").await?;

    page.execute_json(
        "document.querySelector(arguments[0]).style.width = arguments[1] + 'px';",
        vec![json!(PLACEHOLDER), json!(NARROW_WIDTH)],
    )
    .await?;
    page.wait_until(&format!("the iframe is {NARROW_WIDTH}px wide"), async || {
        Ok(frame_view(page, EMBED_FRAME).await?.inner_width == NARROW_WIDTH)
    })
    .await?;
    // Every way the narrow embed falls short, not just the first.
    let mut problems = Vec::new();
    let fitted = wait_until_fitted(
        page,
        EMBED_FRAME,
        &format!("the {NARROW_WIDTH}px iframe has grown to its content's height"),
    )
    .await;
    if let Err(reason) = fitted {
        problems.push(reason);
    }
    let (host, frame) = (
        host_view(page, EMBED_FRAME).await?,
        frame_view(page, EMBED_FRAME).await?,
    );
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

/// The sandbox that leaves the app the least it needs: scripts, in an
/// opaque origin (no storage, no service worker, and its files fetched
/// cross-origin).
const OPAQUE_SANDBOX: &str = "allow-scripts";

/// The sandboxes a host may put around an embed: none, the least the app
/// needs, and that with the app's own origin.
const SANDBOXES: [Option<&str>; 3] = [None, Some(OPAQUE_SANDBOX), Some("allow-scripts allow-same-origin")];

/// The strict host's two embeds: the plain iframe snippet (first, so that
/// its lazy loading starts at once), then the script snippet's iframe.
const STRICT_IFRAME: &str = "#iframe-embed iframe";
const STRICT_SCRIPT_FRAME: &str = "#script-embed iframe";

/// The nonce of the strict host's own script and style.
const NONCE: &str = "pactline-test-host";

/// The strict host's own script: it records its errors and every Content
/// Security Policy violation (so the harness fails the scenario on any),
/// and which embed each height message came from, with its origin.
const STRICT_HOST_SCRIPT: &str = r#"
window.__pactlineErrors = [];
addEventListener("error", (e) => __pactlineErrors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => __pactlineErrors.push("unhandled rejection: " + String(e.reason)));
addEventListener("securitypolicyviolation", (e) =>
  __pactlineErrors.push("CSP refused " + e.blockedURI + " (" + e.violatedDirective + ")"));
window.__heights = [];
addEventListener("message", (e) => {
  if (!e.data || e.data.type !== "pactline:height") return;
  const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === e.source);
  __heights.push({ from: frame ? frame.closest("[id]").id : null, origin: e.origin });
});
"#;

/// A post on its own origin with a strict Content Security Policy: nothing
/// but its own nonce'd script and style, data: icons, and from the app's
/// origin what README's Embedding says to add (`script-src` and
/// `frame-src`); style attributes, which the plain iframe snippet carries,
/// are allowed, and `embed.js` sets its frame's style through the CSSOM,
/// which no policy restricts.
fn strict_host_page(app_origin: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'nonce-{NONCE}' {app_origin}; frame-src {app_origin}; style-src 'nonce-{NONCE}'; \
         style-src-attr 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>A strict post with Pactline embedded</title><link rel=\"icon\" href=\"data:,\">\
         <script nonce=\"{NONCE}\">{STRICT_HOST_SCRIPT}</script>\
         <style nonce=\"{NONCE}\">body {{ max-width: 900px; margin: 0 auto; padding: 0 16px; font: 18px/1.6 Georgia, serif; }}</style>\
         </head><body><h1>A strict post</h1>{body}<p>After the embeds.</p></body></html>"
    )
}

/// One height message as the strict host recorded it.
#[derive(Debug, Deserialize, PartialEq)]
struct HeightFrom {
    from: Option<String>,
    origin: String,
}

/// A host page on another origin with a strict Content Security Policy
/// embeds the same view with both snippets the embed builder gives, under
/// no sandbox, `allow-scripts` alone and `allow-scripts allow-same-origin`
/// (with the app's host sending `Access-Control-Allow-Origin`, as README's
/// Deploying asks). Each time both apps render without an error or a
/// policy violation, in the origin their sandbox gives them ("null" for
/// `allow-scripts` alone); the script embed grows to fit its content; the
/// plain iframe keeps its height; and both post their heights, from that
/// origin.
pub async fn embeds_work_sandboxed_under_a_strict_csp(page: &Page) -> Result<(), String> {
    let _any_origin = page.app_server().allow_any_origin();
    let state = view_state(EMBEDDED_QUERY)?;
    let snippets = embed::snippets(data(), page.app_url(), &state, Options::default());
    let app_origin = app_origin(page)?;
    let snippet_sandbox = format!(" sandbox=\"{SANDBOX}\"");
    if !snippets.iframe.contains(&snippet_sandbox) || !snippets.script.starts_with("<div ") {
        return Err(format!("test bug: the snippets changed shape: {snippets:?}"));
    }
    let body = |sandbox: Option<&str>| {
        let (iframe, script) = match sandbox {
            Some(sandbox) => (
                snippets
                    .iframe
                    .replace(&snippet_sandbox, &format!(" sandbox=\"{sandbox}\"")),
                snippets
                    .script
                    .replacen("<div ", &format!("<div data-sandbox=\"{sandbox}\" "), 1),
            ),
            None => (snippets.iframe.replace(&snippet_sandbox, ""), snippets.script.clone()),
        };
        let body = format!("<div id=\"iframe-embed\">{iframe}</div><div id=\"script-embed\">{script}</div>");
        strict_host_page(&app_origin, &body)
    };
    for sandbox in SANDBOXES {
        let what = format!("sandbox {sandbox:?}");
        let _page = page_for_sandbox(page, sandbox)?;
        let _host = EmbedHost::serve(page, "strict-host.html", body(sandbox)).await?;
        let expected_origin = if sandbox == Some(OPAQUE_SANDBOX) {
            "null"
        } else {
            app_origin.as_str()
        };
        for frame in [STRICT_IFRAME, STRICT_SCRIPT_FRAME] {
            page.wait_for(frame).await.map_err(|e| format!("{what}: {e}"))?;
            wait_for_embedded_app(page, frame)
                .await
                .map_err(|e| format!("{what}, {frame}: {e}"))?;
            let origin = page
                .in_frame(frame, async || page.execute_json("return self.origin;", vec![]).await)
                .await?;
            expect_eq(
                &format!("{what}: the origin of {frame}"),
                origin,
                json!(expected_origin),
            )?;
        }
        let (host, _) = wait_until_fitted(
            page,
            STRICT_SCRIPT_FRAME,
            &format!("{what}: the script embed has grown to its content's height"),
        )
        .await?;
        expect_host_not_scrolled(&host)?;
        let fixed = f64::from(embed::fixed_height(&state));
        let plain = host_view(page, STRICT_IFRAME).await?;
        if (plain.height - fixed).abs() > TOLERANCE {
            return Err(format!(
                "{what}: the plain iframe is {}px tall, not its {fixed}px",
                plain.height
            ));
        }
        let mut heights = Vec::new();
        page.wait_until(&format!("{what}: both embeds have posted their heights"), async || {
            heights = serde_json::from_value(page.execute_json("return window.__heights;", vec![]).await?)
                .map_err(|e| format!("reading window.__heights: {e}"))?;
            let from = |id: &str| heights.iter().any(|h: &HeightFrom| h.from.as_deref() == Some(id));
            Ok(from("iframe-embed") && from("script-embed"))
        })
        .await
        .map_err(|e| format!("{e}; the host received {heights:?}"))?;
        if let Some(stray) = heights.iter().find(|h| h.origin != expected_origin) {
            return Err(format!(
                "{what}: a height message came from {stray:?}, not {expected_origin}"
            ));
        }
    }
    if !page.engine().matches_self_in_opaque_frames() {
        // Why README asks those hosts to name the origin: the page as
        // built is refused its own glue there. When the engine is fixed,
        // this fails, and the workaround can go.
        let _host = EmbedHost::serve(page, "strict-host.html", body(Some(OPAQUE_SANDBOX))).await?;
        page.wait_for(STRICT_IFRAME).await?;
        page.in_frame(STRICT_IFRAME, async || {
            page.wait_until(
                "as built, the app's page in an allow-scripts frame records its glue refused (WebKit bug 316847)",
                async || {
                    let recorded = page
                        .execute_json("return (window.__pactlineErrors || []).map(String);", vec![])
                        .await?;
                    Ok(recorded
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .any(|error| {
                            error.starts_with(CSP_RECORDED) && error.contains(".js") && error.contains("(script-src")
                        }))
                },
            )
            .await
        })
        .await?;
    }
    Ok(())
}

/// The app's origin, `http://127.0.0.1:PORT`.
fn app_origin(page: &Page) -> Result<String, String> {
    Ok(url::Url::parse(page.app_url())
        .map_err(|e| format!("reading the app's URL: {e}"))?
        .origin()
        .ascii_serialization())
}

/// Serves the app's page as an embed sandboxed with `sandbox` needs it on
/// this engine, until the guard drops: as built, except in an opaque frame
/// on an engine that matches nothing there with `'self'` (WebKit: see
/// [`Engine::matches_self_in_opaque_frames`](crate::support::engines::Engine::matches_self_in_opaque_frames)). There it is the page built
/// with the app's origin named (`PACTLINE_ORIGIN`), as README's Security
/// section tells the hosts of such embeds to build it.
fn page_for_sandbox(page: &Page, sandbox: Option<&str>) -> Result<Option<ReplacedFile>, String> {
    if sandbox != Some(OPAQUE_SANDBOX) || page.engine().matches_self_in_opaque_frames() {
        return Ok(None);
    }
    let index = page.app_dir().join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    let named = with_named_origin(&html, &app_origin(page)?)?;
    Ok(Some(page.app_server().replace_file("index.html", named)))
}
