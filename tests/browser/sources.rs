//! The sources view as a reader uses it: one card per source document (the
//! public reports that check them have cards of their own), each saying how
//! many claims it backs as the dataset counts them, and citations in an
//! expanded event that lead to the right card.

use pactline::data;
use pactline::model::{Dataset, Source, SourceKind};

use crate::support::expect::expect_eq;
use crate::support::page::Page;
use crate::support::steps::{evaluate, event_body, expect_expanded, wait_for_focus, wait_for_view};

/// Every source card.
const SOURCE: &str = r#"[data-testid="source"]"#;

/// An event that cites a source, expanded by the deep link below.
const CITING_EVENT: &str = "azure-exclusive-cloud";

/// There is a card for each of the five source documents, in the
/// dataset's order, and each says how many claims it backs and how many
/// conflicts it is part of: exactly the dataset's figures for it, and
/// never no claim at all.
pub async fn every_source_backs_claims(page: &Page) -> Result<(), String> {
    let data = data::builtin();
    let documents: Vec<&Source> = data
        .sources
        .iter()
        .filter(|s| s.kind != SourceKind::NewsReport)
        .collect();
    expect_eq("source documents in the dataset", documents.len(), 5)?;
    page.open("view=sources").await?;
    page.wait_for(SOURCE).await?;
    let cards: Vec<String> = evaluate(
        page,
        "return Array.from(document.querySelectorAll(arguments[0]), card => card.id);",
        vec![SOURCE.into()],
    )
    .await?;
    let expected_cards: Vec<String> = documents.iter().map(|s| format!("source-{}", s.id)).collect();
    expect_eq("source cards", cards, expected_cards)?;

    let mut problems = Vec::new();
    for source in documents {
        let claims = format!(r#"li{SOURCE}#source-{} [data-testid="source-claims"]"#, source.id);
        let text = page.text(&claims).await?;
        let Some(shown) = Backing::read(&text) else {
            problems.push(format!(
                "{}: expected \"Backs N claims · part of M conflicts\", got {text:?}",
                source.id
            ));
            continue;
        };
        let native = Backing::of(data, source.id);
        if shown != native {
            problems.push(format!(
                "{}: the card says {shown:?}, the dataset {native:?}",
                source.id
            ));
        }
        if native.claims == 0 {
            problems.push(format!("{} backs no claim in the dataset", source.id));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("source cards: {}", problems.join("; ")))
    }
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

/// What a source card says the source backs.
#[derive(Debug, PartialEq, Eq)]
struct Backing {
    /// Claims that cite it: events, clause terms, sides of conflicts,
    /// tables, and (for a public report) the checks it makes.
    claims: usize,
    /// Conflicts it has a side in.
    conflicts: usize,
}

impl Backing {
    /// The figures from the dataset itself.
    fn of(data: &Dataset, id: &str) -> Self {
        Self {
            claims: data.claims_backed(id),
            conflicts: data.conflicts_of_source(id).count(),
        }
    }

    /// The figures a card shows: "Backs N claims · part of M conflicts"
    /// (or "conflict").
    fn read(text: &str) -> Option<Self> {
        let (claims, rest) = text.strip_prefix("Backs ")?.split_once(" claims · part of ")?;
        let (conflicts, noun) = rest.split_once(' ')?;
        matches!(noun, "conflict" | "conflicts").then_some(())?;
        Some(Self {
            claims: claims.parse().ok()?,
            conflicts: conflicts.parse().ok()?,
        })
    }
}
