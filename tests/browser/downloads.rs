//! The downloads: the CSV of a filtered timeline holds exactly the events
//! it shows, and the JSON, a file the build wrote beside the page, is the
//! whole dataset with the version the footer names.
//!
//! Expected files come from the app's own export logic run natively
//! (`pactline::export`, `pactline::filter`) on the same URL state, plus
//! literal checks of names, header and line endings that do not trust it.

use pactline::export;
use serde_json::{Value, json};

use crate::support::expect::expect_eq;
use crate::support::oracle::{data, filtered_events};
use crate::support::page::Page;
use crate::support::steps::{DATASET_VERSION, EVENT, FETCH_TEXT, Fetched, evaluate, open_share_menu, script_result};

const DOWNLOAD_CSV: &str = r#"[data-testid="download-csv"]"#;
const DOWNLOAD_JSON: &str = r#"[data-testid="download-json"]"#;

/// A filtered timeline to download.
const CSV_QUERY: &str = "view=timeline&party=amazon&certainty=reported";

/// The CSV's header row.
const CSV_HEADER: &str =
    "id,date,title,summary,certainty,parties,topics,key_figure,figures,sources,dataset_version,corroboration";

/// Lets the app's click handler run (the CSV's makes its file), then
/// cancels the browser's own handling of the click (saving the file, or
/// asking where to), so runs leave no files behind and no engine's download
/// prompt gets in the way. The app's handler is on the link itself, so it
/// runs before this one on `window`.
const KEEP_DOWNLOAD_IN_PAGE: &str = r#"
const selector = arguments[0];
addEventListener("click", (e) => {
  if (e.target instanceof Element && e.target.closest(selector)) e.preventDefault();
});
"#;

/// The frame that [`download`] reads a file in.
const READER_FRAME: &str = "#download-reader";

/// Adds the (hidden) frame [`READER_FRAME`] showing `arguments[0]`, and
/// returns once it has loaded: before that it holds an `about:blank`,
/// which would have the app's policy.
const ADD_READER_FRAME: &str = r#"
const [url, done] = arguments;
const frame = document.createElement("iframe");
frame.id = "download-reader";
frame.hidden = true;
frame.onload = () => done(null);
frame.src = url;
document.body.append(frame);
"#;

/// A downloaded file: the link's address as written, the name it is saved
/// as, and its content.
struct Download {
    href: String,
    name: String,
    text: String,
}

/// Clicks the download link `selector` in the share menu and reads the
/// file back from the address the link then has: the CSV's `blob:`, which
/// the click made, or the dataset's file.
async fn download(page: &Page, selector: &str) -> Result<Download, String> {
    page.execute_json(KEEP_DOWNLOAD_IN_PAGE, vec![json!(selector)]).await?;
    open_share_menu(page).await?;
    page.click(selector).await?;
    // The address as written, and as resolved against the page: WebKit's
    // driver answers the attribute with the resolved one.
    let (mut href, mut address) = (String::new(), String::new());
    page.wait_until(&format!("`{selector}` links to a file"), async || {
        (href, address) = evaluate(
            page,
            "const link = document.querySelector(arguments[0]); return [link.getAttribute('href') || '', link.href];",
            vec![json!(selector)],
        )
        .await?;
        Ok(!href.is_empty() && href != "#")
    })
    .await?;
    // The app's Content-Security-Policy (connect-src 'self') keeps its page
    // from fetching a blob: address, which it never needs: the browser saves
    // the file. A frame of the same origin without that policy (the test
    // server's empty page) can, since blob: addresses belong to the origin.
    page.execute_async_json(ADD_READER_FRAME, vec![json!(page.blank_url())])
        .await?;
    let fetched: Fetched = page
        .in_frame(READER_FRAME, async || {
            script_result(page, FETCH_TEXT, vec![json!(address)]).await
        })
        .await?;
    page.execute_json(&format!("document.querySelector('{READER_FRAME}').remove();"), vec![])
        .await?;
    let name = page.attr(selector, "download").await?.unwrap_or_default();
    Ok(Download {
        href,
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
    // The list shows a page of them; the file holds them all.
    let first_page = &expected_ids[..expected_ids.len().min(pactline::filter::PAGE)];
    page.wait_until(&format!("the timeline lists {first_page:?}"), async || {
        let shown = page
            .execute_json(
                "return [...document.querySelectorAll(arguments[0])].map((li) => li.dataset.eventId);",
                vec![json!(EVENT)],
            )
            .await?;
        Ok(shown == json!(first_page))
    })
    .await?;

    let csv = download(page, DOWNLOAD_CSV).await?;
    if !csv.href.starts_with("blob:") {
        return Err(format!(
            "the CSV link's address is {:?}, not the blob: its click makes",
            csv.href
        ));
    }
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

/// The JSON download is a link to the file the build wrote beside the
/// page: the whole dataset as the export logic writes it, with the version
/// the footer shows.
pub async fn json_download_is_the_dataset_with_its_version(page: &Page) -> Result<(), String> {
    page.open("view=clauses").await?;
    let version = page.text(DATASET_VERSION).await?;
    expect_eq("the footer's dataset version", version.as_str(), data().version)?;

    let json = download(page, DOWNLOAD_JSON).await?;
    expect_eq("the JSON link's address", json.href.as_str(), export::DATASET_FILE)?;
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
