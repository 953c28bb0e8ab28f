//! The sources view: every document the data comes from, how much of the
//! data each one backs, where they disagree, and the tables they give.

use super::use_app;
use super::widgets::{CertaintyBadge, ConflictClaims, SourceCite};
use crate::model::{Dataset, Source};
use leptos::prelude::*;

/// How many claims in the dataset rest on a source: events, clause terms,
/// conflict claims and tables that cite it.
pub fn claims_backed(data: &Dataset, id: &str) -> usize {
    let events = data.events.iter().filter(|e| e.sources.contains(&id)).count();
    let terms = data
        .clauses
        .iter()
        .flat_map(|c| c.terms)
        .filter(|t| t.sources.contains(&id))
        .count();
    let claims = data
        .conflicts
        .iter()
        .flat_map(|c| c.claims)
        .filter(|c| c.source == id)
        .count();
    let tables = data.tables.iter().filter(|t| t.source == id).count();
    events + terms + claims + tables
}

/// The sources view.
#[component]
pub fn SourcesView() -> impl IntoView {
    let app = use_app();
    let data = app.data;
    view! {
        <div class="sources-view">
            <h2>"Sources"</h2>
            <p class="lede">
                "Every event, clause term and figure in Pactline cites at least one of these documents. Summaries are written in Pactline's own words; figures are carried over as the sources state them."
            </p>
            <ol class="source-list">
                {data.sources.iter().map(|s| view! { <SourceCard source=s /> }).collect_view()}
            </ol>
            <section class="conflict-list" aria-labelledby="conflicts-title">
                <h2 id="conflicts-title">"Where the sources disagree"</h2>
                {data
                    .conflicts
                    .iter()
                    .map(|c| {
                        view! {
                            <article class="conflict" id=format!("conflict-{}", c.id)>
                                <h3>{c.title}</h3>
                                <p>{c.summary}</p>
                                <ConflictClaims conflict=c />
                            </article>
                        }
                    })
                    .collect_view()}
            </section>
            <section class="tables" aria-labelledby="tables-title">
                <h2 id="tables-title">"Comparisons and estimates the sources give"</h2>
                {data
                    .tables
                    .iter()
                    .map(|t| {
                        view! {
                            <figure class="data-table" id=format!("table-{}", t.id)>
                                <figcaption>
                                    <strong>{t.title}</strong> " " <CertaintyBadge certainty=t.certainty /> " "
                                    {t.note} " — " <SourceCite id=t.source />
                                </figcaption>
                                <div class="table-scroll" tabindex="0" role="region" aria-label=t.title>
                                    <table>
                                        <thead>
                                            <tr>{t.columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}</tr>
                                        </thead>
                                        <tbody>
                                            {t
                                                .rows
                                                .iter()
                                                .map(|r| view! { <tr>{r.iter().map(|c| view! { <td>{*c}</td> }).collect_view()}</tr> })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            </figure>
                        }
                    })
                    .collect_view()}
            </section>
        </div>
    }
}

/// One source with what it backs.
#[component]
fn SourceCard(source: &'static Source) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let backed = claims_backed(data, source.id);
    let conflicts: Vec<_> = data
        .conflicts
        .iter()
        .filter(|c| c.claims.iter().any(|cl| cl.source == source.id))
        .map(|c| view! { <li><a href=format!("#conflict-{}", c.id)>{c.title}</a></li> })
        .collect();
    let conflict_count = conflicts.len();
    let byline = [source.author, source.publisher]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="source-card" id=format!("source-{}", source.id) tabindex="-1" data-testid="source">
            <h3>{source.title}</h3>
            <p class="source-meta">
                {source.kind.label()}
                {(!byline.is_empty()).then(|| format!(" · {byline}"))}
                " · "
                {source.date}
                " · file "
                <code>{source.file}</code>
            </p>
            <p class="date-note">{source.date_note}</p>
            <p class="reliability"><strong>"Reliability: "</strong> {source.reliability}</p>
            {source.url.map(|u| view! { <p class="source-url">"Links to: " <a href=u rel="noopener noreferrer">{u}</a></p> })}
            <p class="backs" data-testid="source-claims">
                {format!(
                    "Backs {backed} claims · part of {conflict_count} conflict{}",
                    if conflict_count == 1 { "" } else { "s" },
                )}
            </p>
            {(conflict_count > 0).then(|| view! { <ul class="source-conflicts">{conflicts}</ul> })}
        </li>
    }
}
