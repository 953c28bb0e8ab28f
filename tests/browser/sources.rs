//! The sources view as a reader uses it: one card per source document (the
//! public reports that check them have cards of their own), each
//! saying how many claims it backs, and citations in an expanded event that
//! lead to the right card.

use pactline::data;
use pactline::model::SourceKind;

use super::timeline::{event_body, expect_eq, expect_expanded, wait_for_focus, wait_for_view};
use crate::support::page::Page;

/// Every source card.
const SOURCE: &str = r#"[data-testid="source"]"#;

/// An event that cites a source, expanded by the deep link below.
const CITING_EVENT: &str = "azure-exclusive-cloud";

/// There is a card for each of the five sources, and each backs at least
/// the events that cite it.
pub async fn every_source_backs_claims(page: &Page) -> Result<(), String> {
    let data = data::builtin();
    page.open("view=sources").await?;
    page.wait_for(SOURCE).await?;
    let documents: Vec<_> = data
        .sources
        .iter()
        .filter(|s| s.kind != SourceKind::NewsReport)
        .collect();
    expect_eq("source cards", page.count(SOURCE).await?, 5)?;
    expect_eq("source documents in the dataset", documents.len(), 5)?;
    for source in documents {
        let claims = format!(r#"li{SOURCE}#source-{} [data-testid="source-claims"]"#, source.id);
        let text = page.text(&claims).await?;
        let backed = backed_claims(&text).ok_or_else(|| {
            format!(
                "{}: expected \"Backs N claims · part of M conflicts\", got {text:?}",
                source.id
            )
        })?;
        let citing_events = data.events.iter().filter(|e| e.sources.contains(&source.id)).count();
        if backed == 0 || backed < citing_events {
            return Err(format!(
                "{} backs {backed} claims, but {citing_events} events cite it (and every source must back some)",
                source.id
            ));
        }
    }
    Ok(())
}

/// A citation in an expanded event opens the Sources view at that source's
/// card; Back returns to the event, still expanded.
pub async fn event_source_link_lands_on_the_source(page: &Page) -> Result<(), String> {
    let event = data::builtin()
        .event(CITING_EVENT)
        .ok_or_else(|| format!("no event {CITING_EVENT} in the dataset"))?;
    let source = event
        .sources
        .first()
        .ok_or_else(|| format!("{CITING_EVENT} cites no source"))?;
    page.open(&format!("view=timeline&event={CITING_EVENT}")).await?;
    expect_expanded(page, CITING_EVENT).await?;

    let cite = format!(
        r##"{} a.cite[href*="view=sources"][href$="#source-{source}"]"##,
        event_body(CITING_EVENT)
    );
    page.click(&cite).await?;
    wait_for_view(page, "sources").await?;
    wait_for_focus(page, &format!("li{SOURCE}#source-{source}")).await?;

    page.back().await?;
    wait_for_view(page, "timeline").await?;
    expect_expanded(page, CITING_EVENT).await
}

/// N from "Backs N claims · part of M conflicts".
fn backed_claims(text: &str) -> Option<usize> {
    let (count, rest) = text.strip_prefix("Backs ")?.split_once(' ')?;
    rest.starts_with("claim").then(|| count.parse().ok()).flatten()
}
