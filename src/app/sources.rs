//! The sources view: every document the data comes from, how much of the
//! data each one backs, the public reports its headline claims were checked
//! against, where sources disagree, the tables they give, and what each
//! review of the data corrected.

use super::hooks::use_in_parts;
use super::use_app;
use super::widgets::{CertaintyBadge, ConflictClaims, Link, SourceCite};
use crate::checks::{self, Corroboration};
use crate::model::{Conflict, Source, SourceKind, Verdict, readable};
use crate::share;
use crate::state::{Filters, View};
use leptos::prelude::*;

/// The sources view.
#[component]
pub fn SourcesView() -> impl IntoView {
    let built = use_in_parts(5);
    view! {
        <div class="sources-view">
            <h2>"Sources"</h2>
            <p class="lede">
                "Every event, clause term and figure in Pactline cites at least one of these documents. Summaries are written in Pactline's own words; figures are carried over as the sources state them."
            </p>
            <nav class="page-contents" aria-label="On this page">
                <ul>
                    <li><a href="#reports-title">"Checked against public reports"</a></li>
                    <li><a href="#conflicts-title">"Where the sources disagree"</a></li>
                    <li><a href="#tables-title">"Tables and estimates"</a></li>
                    <li><a href="#corrections-title">"Corrections, licence and errors"</a></li>
                </ul>
            </nav>
            // The first document fills the first screen; what follows is
            // built a part a task as the app takes over a first screen.
            <ol class="source-list">
                {documents().take(1).map(|s| view! { <SourceCard source=s /> }).collect_view()}
                <Show when=move || { built.get() > 0 }>
                    {documents().skip(1).map(|s| view! { <SourceCard source=s /> }).collect_view()}
                </Show>
            </ol>
            {super::widgets::first_screen_rest(|| {
                let others = documents().count().saturating_sub(1);
                Some(format!("The other {others} documents, and the sections below them, appear once Pactline has loaded."))
            })}
            <Show when=move || { built.get() > 1 }>
                <Reports />
            </Show>
            <Show when=move || { built.get() > 2 }>
                <Conflicts />
            </Show>
            <Show when=move || { built.get() > 3 }>
                <Tables />
            </Show>
            <Show when=move || { built.get() > 4 }>
                <Corrections />
            </Show>
        </div>
    }
}

/// Where the sources disagree, one card per conflict.
#[component]
fn Conflicts() -> impl IntoView {
    let data = use_app().data;
    view! {
        <section class="conflict-list" aria-labelledby="conflicts-title">
            <h2 id="conflicts-title">"Where the sources disagree"</h2>
            {data.conflicts.iter().map(|c| view! { <ConflictCard conflict=c /> }).collect_view()}
        </section>
    }
}

/// The tables the sources give, each with the kind of its figures.
#[component]
fn Tables() -> impl IntoView {
    let data = use_app().data;
    view! {
        <section class="tables" aria-labelledby="tables-title">
            <h2 id="tables-title">"Comparisons and estimates the sources give"</h2>
            {data
                .tables
                .iter()
                .map(|t| {
                    view! {
                        <figure class="data-table" id=format!("table-{}", t.id)>
                            <figcaption>
                                <strong>{t.title}</strong> " "
                                {if t.is_mixed() {
                                    "(kinds differ: each row or column says its own) ".into_any()
                                } else {
                                    view! { <CertaintyBadge certainty=t.certainty /> " " }.into_any()
                                }}
                                {t.note} " — " <SourceCite id=t.source />
                            </figcaption>
                            <div class="table-scroll" tabindex="0" role="region" aria-label=t.title>
                                <table>
                                    <thead>
                                        <tr>
                                            {t
                                                .columns
                                                .iter()
                                                .enumerate()
                                                .map(|(j, c)| {
                                                    let kind = t.column_certainty.get(j).map(|&certainty| view! { " " <CertaintyBadge certainty /> });
                                                    view! { <th scope="col">{*c} {kind}</th> }
                                                })
                                                .collect_view()}
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {t
                                            .rows
                                            .iter()
                                            .enumerate()
                                            .map(|(i, r)| {
                                                // A row of its own kind says so in its first cell.
                                                let kind = t.row_certainty.get(i).map(|&certainty| view! { " " <CertaintyBadge certainty /> });
                                                let mut cells = r.iter();
                                                let first = cells.next().map(|c| view! { <td>{*c} {kind}</td> });
                                                view! { <tr>{first} {cells.map(|c| view! { <td>{*c}</td> }).collect_view()}</tr> }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        </figure>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// The five documents, apart from the public reports added to check them.
fn documents() -> impl Iterator<Item = &'static Source> {
    use_app()
        .data
        .sources
        .iter()
        .filter(|s| s.kind != SourceKind::NewsReport)
}

/// The public reports the headline claims were checked against: how the
/// claims stand overall, and what each report checks.
#[component]
fn Reports() -> impl IntoView {
    let data = use_app().data;
    let claims = checks::headline_claims(data);
    let counts = checks::tally(data, &claims);
    let tally = Corroboration::ALL
        .into_iter()
        .zip(counts)
        .map(|(status, n)| {
            view! {
                <li class=format!("tally-{}", status.id()) data-testid=format!("tally-{}", status.id())>
                    <span class="mark" aria-hidden="true">{status.mark()}</span>
                    <strong>{n}</strong>
                    " "
                    {status.label().to_ascii_lowercase()}
                </li>
            }
        })
        .collect_view();
    let reports = data
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::NewsReport)
        .map(|s| view! { <ReportCard report=s /> })
        .collect_view();
    view! {
        <section class="reports" aria-labelledby="reports-title">
            <h2 id="reports-title">"Checked against public reports"</h2>
            <p class="lede">
                {format!(
                    "The five documents are summaries and analysis, not the record. Their {} headline claims (every money figure and stake, the date of each agreement version, and each version's terms) are checked against public news reports and the companies' own announcements wherever a report covers them; the rest are marked unchecked. The documents' claims stay as they are; a report that disagrees is shown beside the claim, never in its place.",
                    claims.len()
                )}
            </p>
            <ul class="tally" aria-label="Headline claims by status">{tally}</ul>
            <ol class="source-list report-list">{reports}</ol>
        </section>
    }
}

/// One public report: where to find it, and every claim it checks.
#[component]
fn ReportCard(report: &'static Source) -> impl IntoView {
    let data = use_app().data;
    let checked = checks::checks_by(data, report.id)
        .map(|c| {
            let verdict = match c.verdict {
                Verdict::Corroborates => "Corroborates",
                Verdict::Contradicts => "Contradicts",
            };
            view! {
                <li data-verdict=verdict.to_ascii_lowercase()>
                    <strong>{verdict}</strong> ": " {checks::claim_label(data, c.claim)} ". " {c.text}
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="source-card report-card" id=format!("source-{}", report.id) tabindex="-1" data-testid="report">
            <h3>{report.title}</h3>
            <p class="source-meta">
                {report.publisher}
                " · "
                {readable(report.date)}
                {report.aggregator.then_some(" · republished copy")}
            </p>
            {report.url.map(|u| view! { <p class="source-url"><a href=u rel="noopener noreferrer">{u}</a></p> })}
            <p class="reliability">{report.reliability}</p>
            <ul class="report-checks" aria-label=format!("What {} checks", report.title)>{checked}</ul>
        </li>
    }
}

/// What each review of the data changed, the data's licence, and how to
/// report an error.
#[component]
fn Corrections() -> impl IntoView {
    let data = use_app().data;
    let log = data
        .corrections
        .iter()
        .map(|c| {
            view! {
                <li>
                    <time datetime=c.date>{c.date}</time>
                    <ul>{c.changes.iter().map(|ch| view! { <li>{*ch}</li> }).collect_view()}</ul>
                </li>
            }
        })
        .collect_view();
    let report = match share::corrections_address() {
        Some(address) => view! {
            <p data-testid="report-error">
                "Found an error? "
                <a href=share::error_report_link(address, data.version, None)>"Report it"</a>
                ", quoting the dataset version."
            </p>
        }
        .into_any(),
        None => view! {
            <p data-testid="report-error">
                "Found an error? This copy was published without a corrections address: tell whoever published it, quoting the dataset version "
                <code>{data.version}</code>
                "."
            </p>
        }
        .into_any(),
    };
    view! {
        <section class="corrections" aria-labelledby="corrections-title" data-testid="corrections">
            <h2 id="corrections-title">"Corrections"</h2>
            <p>{format!("This is dataset version {}. What each review changed, newest first:", data.version)}</p>
            <ol class="correction-log">{log}</ol>
            {report}
            <p class="licence" data-testid="licence">
                "The data is published under "
                <a href=data.licence.url rel="license noopener noreferrer">{data.licence.name}</a>
                ": reuse it with credit to Pactline and the sources it cites."
            </p>
        </section>
    }
}

/// One disagreement between sources: what it is about, and each side with
/// its source and certainty. It stands alone in a conflict embed.
#[component]
pub fn ConflictCard(conflict: &'static Conflict) -> impl IntoView {
    view! {
        <article class="conflict" id=format!("conflict-{}", conflict.id) data-testid="conflict">
            <h3>{conflict.title}</h3>
            <p>{conflict.summary}</p>
            <ConflictClaims conflict />
        </article>
    }
}

/// One source with what it backs.
#[component]
fn SourceCard(source: &'static Source) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let backed = data.claims_backed(source.id);
    let events = data.events.iter().filter(|e| e.sources.contains(&source.id)).count();
    let conflicts: Vec<_> = data
        .conflicts_of_source(source.id)
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
                {readable(source.date)}
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
            {(events > 0).then(|| {
                let id = source.id;
                view! {
                    <p class="source-events">
                        <Link
                            to=move |s| {
                                s.view = View::Timeline;
                                s.timeline.filters = Filters { sources: vec![id.to_string()], ..Filters::default() };
                            }
                            testid="source-events-link"
                        >
                            {format!("Show the {events} event{} it backs on the timeline", if events == 1 { "" } else { "s" })}
                        </Link>
                    </p>
                }
            })}
            {(conflict_count > 0).then(|| view! { <ul class="source-conflicts">{conflicts}</ul> })}
        </li>
    }
}
