//! The share menu and its dialog: "Embed…" gives both embed snippets for
//! the view, "Cite…" a citation naming the dataset version and today, and
//! "Copy link" the link to the view. Each is chosen as a reader does, from
//! the menu that "Share" opens.
//!
//! Every expected value is pinned to the query the scenario opened, never
//! read back from the page's own address: the page's URL state must be that
//! query's, each link in a snippet or citation must lead to it, and the
//! exact texts are what `pactline::share` makes of the app's address and
//! that query.

use pactline::share;
use serde_json::json;

use crate::support::expect::{expect_eq, query_of};
use crate::support::oracle::{data, view_state, with_embed};
use crate::support::page::Page;
use crate::support::steps::{
    DATASET_VERSION, EVENT, EVENT_COUNT, SHARE_BUTTON, SHARE_MENU_OPEN, open_share_menu, wait_for_focus,
};

const OPEN_EMBED: &str = r#"[data-testid="open-embed"]"#;
const OPEN_CITE: &str = r#"[data-testid="open-cite"]"#;
const COPY_LINK: &str = r#"[data-testid="copy-link"]"#;
const SHARE_STATUS: &str = r#"[data-testid="share-status"]"#;
const DIALOG_OPEN: &str = r#"dialog[data-testid="share-dialog"][open]"#;
const CLOSE_DIALOG: &str = r#"[data-testid="close-dialog"]"#;
const SCRIPT_SNIPPET: &str = r#"textarea[data-testid="embed-script-snippet"]"#;
const IFRAME_SNIPPET: &str = r#"textarea[data-testid="embed-iframe-snippet"]"#;
const CITATION: &str = r#"textarea[data-testid="citation"]"#;
const BIBTEX: &str = r#"textarea[data-testid="citation-bibtex"]"#;
const LINK_SNIPPET: &str = r#"textarea[data-testid="embed-link-snippet"]"#;

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

/// Fails unless the page's address is the app's, showing the view `query`
/// names (as the app reads it).
async fn expect_page_shows(page: &Page, query: &str) -> Result<(), String> {
    let href = location(page).await?;
    if !href.starts_with(page.app_url()) {
        return Err(format!("the page is at {href:?}, not the app's {:?}", page.app_url()));
    }
    expect_eq(
        &format!("the URL state of {href:?}"),
        view_state(&query_of(&href)?)?,
        view_state(query)?,
    )
}

/// Fails unless `link` (named `what`) is the app's address with a query
/// for exactly the view `query` names, not embedded.
fn expect_link_to(page: &Page, what: &str, link: &str, query: &str) -> Result<(), String> {
    if !link.starts_with(&format!("{}?", page.app_url())) {
        return Err(format!(
            "{what} {link:?} does not lead to the app at {:?}",
            page.app_url()
        ));
    }
    expect_eq(
        &format!("the view {what} {link:?} opens"),
        view_state(&query_of(link)?)?,
        view_state(query)?,
    )
}

/// Opens the share dialog with `button` in the share menu and waits until
/// it is open.
async fn open_dialog(page: &Page, button: &str) -> Result<(), String> {
    open_share_menu(page).await?;
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
    let options = pactline::embed::Options {
        theme: state.theme,
        height: None,
    };
    let expected = pactline::embed::snippets(data(), &href, &state, options);
    expect_eq("the script snippet", script, expected.script)?;
    expect_eq("the iframe snippet", iframe, expected.iframe)?;
    expect_eq(
        "the link snippet",
        field_value(page, LINK_SNIPPET).await?,
        expected.link,
    )?;

    page.click(CLOSE_DIALOG).await?;
    page.wait_until("the share dialog has closed", async || {
        Ok(page.count(DIALOG_OPEN).await? == 0)
    })
    .await?;
    // The item that opened the dialog hid with the menu: focus returns to
    // "Share", not to the top of the page.
    wait_for_focus(page, SHARE_BUTTON).await
}

/// Today in the browser, `YYYY-MM-DD`, in the reader's time zone.
const BROWSER_TODAY: &str = r#"
const now = new Date();
const two = (n) => String(n).padStart(2, "0");
return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
"#;

/// "Cite…" gives a citation of the view opened, with the dataset version
/// (the footer's, and the data's) and today's date; the link in it leads
/// back to that view.
pub async fn cite_dialog_names_version_and_today(page: &Page) -> Result<(), String> {
    page.open(CITE_QUERY).await?;
    let version = page.text(DATASET_VERSION).await?;
    expect_eq("the footer's dataset version", version.as_str(), data().version)?;
    open_dialog(page, OPEN_CITE).await?;
    let citation = field_value(page, CITATION).await?;
    let today = page.execute_json(BROWSER_TODAY, vec![]).await?;
    let today = today.as_str().unwrap_or_default();
    for part in [format!("dataset version {version}"), format!("Accessed {today}.")] {
        if !citation.contains(&part) {
            return Err(format!("the citation should contain {part:?}: {citation:?}"));
        }
    }
    expect_page_shows(page, CITE_QUERY).await?;
    let link = citation
        .split_whitespace()
        .find(|word| word.starts_with(page.app_url()))
        .map(|word| word.trim_end_matches('.'))
        .ok_or_else(|| format!("the citation has no link to the app: {citation:?}"))?;
    expect_link_to(page, "the citation's link", link, CITE_QUERY)?;
    let expected = pactline::cite::cite(
        data(),
        page.app_url(),
        &view_state(CITE_QUERY)?,
        pactline::cite::Target::View,
        today,
    );
    expect_eq("the citation", citation, expected.text)?;
    expect_eq("the BibTeX", field_value(page, BIBTEX).await?, expected.bibtex)
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

/// "Copy link" copies the link to the view opened (never in embed mode)
/// and says so, or, where it cannot copy, shows the link to copy by hand.
pub async fn copy_link_gives_the_view_link(page: &Page) -> Result<(), String> {
    page.open(COPY_LINK_QUERY).await?;
    page.execute_json(SPY_ON_CLIPBOARD, vec![]).await?;
    open_share_menu(page).await?;
    page.click(COPY_LINK).await?;
    let mut status = String::new();
    page.wait_until("the share status says something", async || {
        status = page.text(SHARE_STATUS).await?;
        Ok(!status.trim().is_empty())
    })
    .await?;

    expect_page_shows(page, COPY_LINK_QUERY).await?;
    let expected = share::link(page.app_url(), &view_state(COPY_LINK_QUERY)?);
    expect_link_to(page, "the expected link", &expected, COPY_LINK_QUERY)?;
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

/// The share menu's items, in order, on the timeline.
const MENU_ITEMS: [&str; 5] = [
    COPY_LINK,
    OPEN_EMBED,
    OPEN_CITE,
    r#"[data-testid="download-csv"]"#,
    r#"[data-testid="download-json"]"#,
];

/// Fails unless the share menu is closed: hidden, and its button says so.
async fn expect_menu_closed(page: &Page) -> Result<(), String> {
    page.wait_until("the share menu has closed", async || {
        Ok(page.count(SHARE_MENU_OPEN).await? == 0)
    })
    .await?;
    let expanded = page.attr(SHARE_BUTTON, "aria-expanded").await?;
    expect_eq(
        "the closed share button's aria-expanded",
        expanded.as_deref(),
        Some("false"),
    )
}

/// "Share" is one button that opens a menu holding copy link, embed, cite
/// and both downloads: it names the menu it controls and says whether it
/// is open; Down on it opens the menu at its first item, the arrow keys,
/// Home and End move between items, Tab moves on to the next, Escape
/// closes the menu and puts focus back on "Share"; a click elsewhere
/// closes it too, and clears what "Copy link" said, which moved nothing.
pub async fn share_menu_opens_by_keyboard_and_closes_with_escape_or_outside(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    page.wait_for(EVENT).await?;
    let controls = page.attr(SHARE_BUTTON, "aria-controls").await?.unwrap_or_default();
    let menu = format!("#{controls}");
    expect_eq(
        "the menu \"Share\" controls",
        page.count(&format!("{menu}[data-testid=\"share-menu\"]")).await?,
        1,
    )?;
    for item in MENU_ITEMS {
        expect_eq(
            &format!("{item} inside the share menu"),
            page.count(&format!("{menu} {item}")).await?,
            1,
        )?;
    }
    expect_menu_closed(page).await?;

    page.click(SHARE_BUTTON).await?;
    page.wait_for(SHARE_MENU_OPEN).await?;
    page.press("Escape").await?;
    expect_menu_closed(page).await?;
    wait_for_focus(page, SHARE_BUTTON).await?;

    page.press("ArrowDown").await?;
    wait_for_focus(page, MENU_ITEMS[0]).await?;
    page.wait_for(SHARE_MENU_OPEN).await?;
    for (key, item) in [
        ("ArrowDown", MENU_ITEMS[1]),
        ("End", MENU_ITEMS[4]),
        ("ArrowUp", MENU_ITEMS[3]),
        ("Home", MENU_ITEMS[0]),
        ("Tab", MENU_ITEMS[1]),
    ] {
        page.press(key).await?;
        wait_for_focus(page, item)
            .await
            .map_err(|e| format!("after {key}: {e}"))?;
    }
    page.press("Escape").await?;
    expect_menu_closed(page).await?;
    wait_for_focus(page, SHARE_BUTTON).await?;

    open_share_menu(page).await?;
    page.click(EVENT_COUNT).await?;
    expect_menu_closed(page).await?;

    // What "Copy link" says lies over the page, so nothing moves, until a
    // click elsewhere clears it.
    let before = button_place(page).await?;
    open_share_menu(page).await?;
    page.click(COPY_LINK).await?;
    page.wait_until("the share status says something", async || {
        Ok(!page.text(SHARE_STATUS).await?.trim().is_empty())
    })
    .await?;
    expect_eq("where \"Share\" is after copying", button_place(page).await?, before)?;
    page.click(EVENT_COUNT).await?;
    page.wait_until("the share status has cleared", async || {
        Ok(page
            .execute_json(
                "return document.querySelector(arguments[0]).textContent;",
                vec![json!(SHARE_STATUS)],
            )
            .await?
            == json!(""))
    })
    .await
}

/// Where the "Share" button is: its left and top edges, in CSS pixels.
async fn button_place(page: &Page) -> Result<serde_json::Value, String> {
    page.execute_json(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left, r.top];",
        vec![json!(SHARE_BUTTON)],
    )
    .await
}

/// The embed builder: choosing "A stretch of the timeline" changes all
/// three snippets and the live preview to match; the preview frames that
/// preset, and follows the chosen width.
pub async fn embed_builder_snippets_and_preview_follow_the_choices(page: &Page) -> Result<(), String> {
    page.open("view=timeline&party=amazon").await?;
    open_dialog(page, OPEN_EMBED).await?;
    page.click(r#"input[data-testid="embed-preset-range"]"#).await?;
    let href = location(page).await?;
    let mut state = view_state(&query_of(&href)?)?;
    state.preset = Some(pactline::state::Preset::Range);
    let expected = pactline::embed::snippets(data(), &href, &state, pactline::embed::Options::default());
    page.wait_until("the script snippet names the range preset", async || {
        Ok(field_value(page, SCRIPT_SNIPPET).await? == expected.script)
    })
    .await?;
    expect_eq(
        "the iframe snippet",
        field_value(page, IFRAME_SNIPPET).await?,
        expected.iframe.clone(),
    )?;
    expect_eq(
        "the link snippet",
        field_value(page, LINK_SNIPPET).await?,
        expected.link,
    )?;
    let preview = r#"iframe[data-testid="embed-preview"]"#;
    let src = page.attr(preview, "src").await?.unwrap_or_default();
    let framed = view_state(&query_of(&src)?)?;
    expect_eq(
        "the preview's preset",
        framed.preset,
        Some(pactline::state::Preset::Range),
    )?;
    expect_eq("the preview is embedded", framed.embed, true)?;
    page.in_frame(preview, async || {
        page.wait_for(r#"[data-testid="preset"][data-preset="range"]"#).await
    })
    .await?;
    page.click(r#"input[data-testid="embed-width-360"]"#).await?;
    page.wait_until("the preview is phone-wide", async || {
        Ok(page.attr(preview, "width").await?.as_deref() == Some("360"))
    })
    .await
}
