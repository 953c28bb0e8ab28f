//! Reader-level steps shared by the scenarios: the selectors of the app's
//! main landmarks, waiting for a view, a URL parameter, a text or focus,
//! expanding an event, and running a script for a typed result.
//!
//! Every step polls through [`Page::wait_until`] (never a fixed sleep) and
//! fails with a message that names what it waited for and what it saw.

use pactline::url_state::Ignored;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::expect::{expect_eq, param};
use super::oracle::TimelineOracle;
use super::page::Page;

// The selectors below look inside `#app`, the running app: the first
// screens rendered at build time carry the same test ids until the app
// removes them as it starts.

/// Every event row, in the list or the table layout.
pub const EVENT: &str = r#"#app [data-testid="event"]"#;

/// The live "N of M events" count.
pub const EVENT_COUNT: &str = r#"#app [data-testid="event-count"]"#;

/// The search box.
pub const SEARCH: &str = r#"#app [data-testid="search"]"#;

/// The timeline's "Show N more of M remaining" button.
pub const SHOW_MORE: &str = "#app button.show-more";

/// The notice naming ignored URL values.
pub const URL_NOTICE: &str = r#"[data-testid="url-notice"]"#;

/// The footer's dataset version.
pub const DATASET_VERSION: &str = r#"[data-testid="dataset-version"]"#;

/// The "Share" button, which opens the share menu.
pub const SHARE_BUTTON: &str = r#"#app [data-testid="share-menu-button"]"#;

/// The share menu, once it is open.
pub const SHARE_MENU_OPEN: &str = r#"#app [data-testid="share-menu"]:not([hidden])"#;

/// The view root, which names the current view in `data-view`.
pub const VIEW: &str = r#"#app [data-testid="view"]"#;

/// The view root once it shows `view`.
pub fn showing(view: &str) -> String {
    format!(r#"{VIEW}[data-view="{view}"]"#)
}

/// The nav link to `view`.
pub fn nav_link(view: &str) -> String {
    format!(r#"[data-testid="nav-{view}"]"#)
}

/// An event's row.
pub fn event(id: &str) -> String {
    format!(r#"{EVENT}[data-event-id="{id}"]"#)
}

/// An event's expand/collapse button.
pub fn event_toggle(id: &str) -> String {
    format!("{} .event-toggle", event(id))
}

/// An expanded event's body.
pub fn event_body(id: &str) -> String {
    format!("#event-body-{id}")
}

/// Waits until the URL's `name` parameter is `value` (`None`: absent).
pub async fn wait_for_param(page: &Page, name: &str, value: Option<&str>) -> Result<(), String> {
    let wanted = value.map(str::to_owned);
    let what = match value {
        Some(value) => format!("the URL has {name}={value}"),
        None => format!("the URL has no {name}="),
    };
    let mut seen = String::new();
    page.wait_until(&what, async || {
        seen = page.current_query().await?;
        Ok(param(&seen, name) == wanted)
    })
    .await
    .map_err(|timeout| format!("{timeout} (the query is {seen:?})"))
}

/// Waits until the view root shows `view` and the URL names it.
pub async fn wait_for_view(page: &Page, view: &str) -> Result<(), String> {
    page.wait_for(&showing(view)).await?;
    wait_for_param(page, "view", Some(view)).await
}

/// Waits until the first element matching `css` reads exactly `expected`.
pub async fn wait_for_text(page: &Page, css: &str, expected: &str) -> Result<(), String> {
    let mut seen = String::new();
    page.wait_until(&format!("`{css}` reads {expected:?}"), async || {
        seen = page.text(css).await?;
        Ok(seen == expected)
    })
    .await
    .map_err(|timeout| format!("{timeout} (it reads {seen:?})"))
}

/// Waits until nothing matches `css`.
pub async fn wait_for_absent(page: &Page, css: &str) -> Result<(), String> {
    page.wait_until(&format!("nothing matches `{css}`"), async || {
        Ok(page.count(css).await? == 0)
    })
    .await
}

/// Waits until the element matching `css` (a compound selector) has focus.
pub async fn wait_for_focus(page: &Page, css: &str) -> Result<(), String> {
    // The active element, not `:focus`: a headless Firefox window without
    // system focus never matches `:focus`, though focus did move.
    let script = "const a = document.activeElement; return !!a && a.matches(arguments[0]);";
    page.wait_until(&format!("`{css}` has focus"), async || {
        Ok(page.execute_json(script, vec![serde_json::json!(css)]).await? == serde_json::json!(true))
    })
    .await
}

/// Opens the share menu as a reader does, by clicking "Share", and waits
/// until it shows and its button says it is open: copy link, embed, cite
/// and the downloads are in there.
pub async fn open_share_menu(page: &Page) -> Result<(), String> {
    page.click(SHARE_BUTTON).await?;
    page.wait_for(SHARE_MENU_OPEN).await?;
    let expanded = page.attr(SHARE_BUTTON, "aria-expanded").await?;
    expect_eq(
        "the open share button's aria-expanded",
        expanded.as_deref(),
        Some("true"),
    )
}

/// Waits until event `id` is expanded: its toggle says so, its body shows
/// text, and the URL names it.
pub async fn expect_expanded(page: &Page, id: &str) -> Result<(), String> {
    let toggle = event_toggle(id);
    page.wait_until(&format!("event {id} is expanded"), async || {
        Ok(page.attr(&toggle, "aria-expanded").await?.as_deref() == Some("true"))
    })
    .await?;
    let body = page.text(&event_body(id)).await?;
    if body.trim().is_empty() {
        return Err(format!("the body of expanded event {id} shows no text"));
    }
    wait_for_param(page, "event", Some(id)).await
}

/// Checks that the notice names every value the native parser ignores in
/// `query`, as `param=value (reason)`.
pub async fn expect_notice_names_ignored(page: &Page, query: &str) -> Result<(), String> {
    let ignored = TimelineOracle::for_query(query).ignored;
    if ignored.is_empty() {
        return Err(format!("the native parser ignores nothing in {query}"));
    }
    let notice = page.text(URL_NOTICE).await?;
    let missing: Vec<String> = ignored
        .iter()
        .map(Ignored::to_string)
        .filter(|named| !notice.contains(named.as_str()))
        .collect();
    expect_eq(
        &format!("ignored values missing from the notice {notice:?}"),
        missing,
        Vec::new(),
    )
}

/// What the search box holds (its `value`, which no attribute reflects).
pub async fn search_text(page: &Page) -> Result<String, String> {
    page.wait_for(SEARCH).await?;
    evaluate(
        page,
        "return document.querySelector(arguments[0]).value;",
        vec![SEARCH.into()],
    )
    .await
}

/// Runs `script` (a function body; `arguments[i]` are `args`) in the page
/// and reads its result as a `T`.
pub async fn evaluate<T: DeserializeOwned>(page: &Page, script: &str, args: Vec<Value>) -> Result<T, String> {
    let value = page.execute_json(script, args).await?;
    serde_json::from_value(value.clone()).map_err(|e| format!("unexpected result {value} of `{script}`: {e}"))
}

/// Runs an async `script` that ends with `done(value)` (its callback, the
/// last argument), or `done({ error })` when it fails, and reads the value
/// as `T`.
pub async fn script_result<T: DeserializeOwned>(page: &Page, script: &str, args: Vec<Value>) -> Result<T, String> {
    let value = page.execute_async_json(script, args).await?;
    if let Some(error) = value.get("error") {
        return Err(format!("[{}] script failed: {error}", page.engine().name()));
    }
    serde_json::from_value(value.clone())
        .map_err(|e| format!("[{}] unexpected script result {value}: {e}", page.engine().name()))
}

/// Fetches a URL from the page (a `blob:` address, a file of the app) and
/// returns `{ text }`; use with [`script_result`].
pub const FETCH_TEXT: &str = r#"
const [url, done] = arguments;
fetch(url, { cache: "no-store" })
  .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${url} answered ${r.status}`))))
  .then((text) => done({ text }), (e) => done({ error: String(e) }));
"#;

/// What [`FETCH_TEXT`] returns.
#[derive(Deserialize)]
pub struct Fetched {
    /// The body, as text.
    pub text: String,
}

/// Presses "Show N more" once it is there, as a script-free activation
/// would: scrolling the button into view for a WebDriver click can already
/// bring the end of the list near enough to load the next page, which
/// moves the button.
pub async fn show_more(page: &Page) -> Result<(), String> {
    page.wait_for(SHOW_MORE).await?;
    page.execute_json(
        "document.querySelector(arguments[0]).click(); return true;",
        vec![serde_json::json!(SHOW_MORE)],
    )
    .await
    .map(drop)
}
