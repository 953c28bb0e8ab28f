//! How public reports' checks read in the views: a status badge on each
//! headline claim, and the list of reports behind it.

use super::use_app;
use super::widgets::SourceCite;
use crate::checks::{self, Corroboration};
use crate::model::{ClaimRef, Verdict, readable};
use leptos::prelude::*;

/// Where a headline claim stands against public reports. The word and the
/// glyph carry the status, not colour alone; the rest of the description
/// ("… by 2 public reports") follows for screen readers, so what they hear
/// starts with what is seen.
#[component]
pub fn CorroborationBadge(claim: ClaimRef) -> impl IntoView {
    let data = use_app().data;
    let status = checks::status(data, claim);
    let described = checks::describe_status(data, claim);
    let rest = described.strip_prefix(status.label()).unwrap_or_default().to_string();
    view! {
        <span
            class=format!("badge corroboration corroboration-{}", status.id())
            data-testid="corroboration"
            data-corroboration=status.id()
            title=described
        >
            <span class="mark" aria-hidden="true">{status.mark()}</span>
            {status.label()}
            <span class="visually-hidden">{rest}</span>
        </span>
    }
}

/// Whether a claim gets a badge: every headline figure (checked or not),
/// and any other claim a report checked.
pub fn shows_badge(claim: ClaimRef) -> bool {
    let data = use_app().data;
    let headline = match claim {
        ClaimRef::Figure(id, i) => data
            .event(id)
            .and_then(|e| e.figures.get(i))
            .is_some_and(|f| checks::is_headline_figure(f.kind)),
        ClaimRef::VersionDate(_) | ClaimRef::Term(..) => true,
        ClaimRef::Event(_) => false,
    };
    headline || checks::status(data, claim) != Corroboration::Unchecked
}

/// Every check made of these claims: what each report says, and a link to
/// the report in the Sources view. Nothing when no report checked them.
#[component]
pub fn CheckList(
    /// The claims whose checks to list, in order.
    claims: Vec<ClaimRef>,
    /// Names the claim in each row ("$250B Azure commitment"), or `None`
    /// when the list is about one claim only.
    label: fn(ClaimRef) -> Option<String>,
    /// The list's heading level, one below the heading it sits under.
    level: u8,
) -> impl IntoView {
    let data = use_app().data;
    let rows: Vec<_> = claims
        .into_iter()
        .flat_map(|claim| checks::checks_of(data, claim))
        .map(|check| {
            let (verdict, mark) = match check.verdict {
                Verdict::Corroborates => ("corroborates", "✓"),
                Verdict::Contradicts => ("contradicts", "✗"),
            };
            let report = data.source(check.report);
            let meta = report.map(|r| {
                let publisher = r.publisher.unwrap_or_default();
                let aggregator = if r.aggregator {
                    ", a site that republishes others' reports"
                } else {
                    ""
                };
                format!(" ({publisher}, {}{aggregator})", readable(r.date))
            });
            view! {
                <li data-testid="check" data-verdict=verdict class=format!("check check-{verdict}")>
                    <span class="mark" aria-hidden="true">{mark}</span>
                    <strong>{if verdict == "contradicts" { "Contradicts" } else { "Corroborates" }}</strong>
                    {label(check.claim).map(|l| format!(" · {l}"))}
                    ": "
                    {check.text}
                    " — "
                    <SourceCite id=check.report />
                    {meta}
                </li>
            }
        })
        .collect();
    const TITLE: &str = "Checked against public reports";
    (!rows.is_empty()).then(|| {
        let heading = match level {
            4 => view! { <h4>{TITLE}</h4> }.into_any(),
            _ => view! { <h5>{TITLE}</h5> }.into_any(),
        };
        view! {
            <div class="detail checks" data-testid="checks">
                {heading}
                <ul class="check-list">{rows}</ul>
            </div>
        }
    })
}
