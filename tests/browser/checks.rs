//! Headline claims checked against public reports, as a reader meets them:
//! a contradicted and a corroborated figure show their status beside the
//! figure, say the same to a screen reader, and lead (by mouse and by
//! keyboard) to the report on the Sources view, which lists what it checks.
//!
//! The native library is the oracle: which claims are contradicted, and
//! what their status says, come from `pactline::checks` on the same data.

use pactline::checks::{self, Corroboration};
use pactline::data;
use pactline::model::{Check, ClaimRef, Event};

use super::timeline::{event_body, expect_eq, expect_expanded, wait_for_focus, wait_for_view};
use crate::support::page::Page;

/// A status badge.
const BADGE: &str = r#"[data-testid="corroboration"]"#;

/// How many Tab presses may pass before the report link has focus.
const MAX_TABS: usize = 60;

/// What a screen reader reads of an element: its text, without what is
/// hidden from assistive technology (`aria-hidden`), spaces folded.
const READABLE: &str = r#"
    const el = document.querySelector(arguments[0]);
    if (!el) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('[aria-hidden="true"]')) text += node.textContent;
    }
    return text.replace(/\s+/g, " ").trim();
"#;

/// The first event whose key figure stands at `status`, with the first
/// check behind it.
fn event_with_key_figure(status: Corroboration) -> Result<(&'static Event, &'static Check), String> {
    let data = data::builtin();
    data.events
        .iter()
        .find_map(|e| {
            let claim = ClaimRef::Figure(e.id, 0);
            (checks::status(data, claim) == status)
                .then(|| checks::checks_of(data, claim).next().map(|c| (e, c)))
                .flatten()
        })
        .ok_or_else(|| format!("no event's key figure is {}", status.label()))
}

/// Saves a screenshot of `css` at the window's width and, where the engine
/// lets the window be that narrow, at a phone's, for a human look.
async fn save_shots(page: &Page, css: &str, name: &str) -> Result<(), String> {
    page.screenshot_of(css, &format!("{name}-wide")).await?;
    if page.set_viewport_size(360, 740).await? == (360, 740) {
        page.screenshot_of(css, &format!("{name}-360")).await?;
    }
    Ok(())
}

/// Opens the event expanded in `theme` and checks its key figure's badge:
/// the status the library gives, seen and read aloud alike, and the check's
/// report listed in the body with a link to it. Returns the link's selector.
async fn expect_key_figure_status(page: &Page, status: Corroboration, theme: &str) -> Result<String, String> {
    let (event, check) = event_with_key_figure(status)?;
    page.open(&format!("view=timeline&event={}&theme={theme}", event.id))
        .await?;
    expect_expanded(page, event.id).await?;

    let badge = format!("#event-{} .event-meta {BADGE}", event.id);
    expect_eq(
        "the key figure's status",
        page.attr(&badge, "data-corroboration").await?.as_deref(),
        Some(status.id()),
    )?;
    let described = checks::describe_status(data::builtin(), ClaimRef::Figure(event.id, 0));
    let readable = page.execute_json(READABLE, vec![badge.clone().into()]).await?;
    expect_eq(
        "what a screen reader reads of the badge",
        readable.as_str(),
        Some(described.as_str()),
    )?;
    let seen = page.text(&badge).await?;
    if !seen.contains(status.label()) {
        return Err(format!("the badge shows {seen:?}, not the word {:?}", status.label()));
    }

    let verdict = if status == Corroboration::Contradicted {
        "contradicts"
    } else {
        "corroborates"
    };
    let link = format!(
        r##"{} [data-testid="check"][data-verdict="{verdict}"] a.cite[href*="view=sources"][href$="#source-{}"]"##,
        event_body(event.id),
        check.report
    );
    page.wait_for(&link).await?;
    save_shots(
        page,
        &format!("#event-{}", event.id),
        &format!("checks-{}-{theme}", status.id()),
    )
    .await?;
    Ok(link)
}

/// On the Sources view, the report's card has focus and lists the claim.
async fn expect_report_card_lists(page: &Page, check: &Check) -> Result<(), String> {
    wait_for_view(page, "sources").await?;
    let card = format!(r#"li[data-testid="report"]#source-{}"#, check.report);
    wait_for_focus(page, &card).await?;
    let listed = page.text(&format!("{card} .report-checks")).await?;
    let claim = checks::claim_label(data::builtin(), check.claim);
    if !listed.contains(&claim) {
        return Err(format!("the report's card does not list {claim:?}: {listed:?}"));
    }
    page.screenshot(&format!("checks-report-{}", check.report)).await?;
    Ok(())
}

/// A figure that a public report contradicts says so beside the figure,
/// and its report is one click away.
pub async fn contradicted_figure_shows_status_and_leads_to_report(page: &Page) -> Result<(), String> {
    let (_, check) = event_with_key_figure(Corroboration::Contradicted)?;
    let link = expect_key_figure_status(page, Corroboration::Contradicted, "dark").await?;
    page.click(&link).await?;
    expect_report_card_lists(page, check).await
}

/// A corroborated figure says so too, and its report is reached with the
/// keyboard alone: Tab to the report's link, then Enter.
pub async fn corroborated_figure_reaches_its_report_by_keyboard(page: &Page) -> Result<(), String> {
    let (_, check) = event_with_key_figure(Corroboration::Corroborated)?;
    let link = expect_key_figure_status(page, Corroboration::Corroborated, "light").await?;
    let is_focused = "return document.activeElement === document.querySelector(arguments[0]);";
    let mut tabs = 0;
    while page.execute_json(is_focused, vec![link.clone().into()]).await? != true {
        if tabs == MAX_TABS {
            return Err(format!("{MAX_TABS} Tab presses never reached the report link {link}"));
        }
        page.press("Tab").await?;
        tabs += 1;
    }
    page.press("Enter").await?;
    expect_report_card_lists(page, check).await
}

/// The Sources view counts the headline claims by status, as the library
/// does, and lists a card for every public report.
pub async fn sources_count_headline_claims_and_list_reports(page: &Page) -> Result<(), String> {
    let data = data::builtin();
    page.open("view=sources").await?;
    page.wait_for(r#"[data-testid="report"]"#).await?;
    let counts = checks::tally(data, &checks::headline_claims(data));
    for (status, n) in Corroboration::ALL.into_iter().zip(counts) {
        let shown = page.text(&format!(r#"[data-testid="tally-{}"]"#, status.id())).await?;
        let expected = format!("{n} {}", status.label().to_lowercase());
        if !shown.contains(&expected) {
            return Err(format!("the tally shows {shown:?}, expected {expected:?}"));
        }
    }
    let reports = data
        .sources
        .iter()
        .filter(|s| s.kind == pactline::model::SourceKind::NewsReport)
        .count();
    expect_eq("report cards", page.count(r#"[data-testid="report"]"#).await?, reports)?;
    if reports == 0 {
        return Err("the dataset has no public reports".into());
    }
    save_shots(page, "section.reports", "checks-sources-reports-light").await
}
