//! The scoreboard: every clause's term in force in every version, what each
//! version did to it and whom that favoured, each cell a link to that
//! version's comparison with the one before. It stands on its own, so an
//! embed can show it alone.

use super::super::checks::CorroborationBadge;
use super::super::hooks::use_in_parts;
use super::super::use_app;
use super::super::widgets::{Link, SourceList};
use crate::compare::{self, Cell, Step};
use crate::model::{AgreementVersion, ClaimRef, Clause, Dataset, Favour};
use crate::state::View;
use leptos::prelude::*;

/// The scoreboard table, with the versions as expandable column headers.
#[component]
pub fn Scoreboard() -> impl IntoView {
    let data: &'static Dataset = use_app().data;
    let heads = data
        .versions
        .iter()
        .map(|v| view! { <th scope="col" class="version-head">{v.id} <span class="version-name">{v.name}</span></th> })
        .collect_view();
    let (first, rest) = data
        .clauses
        .split_at(compare::SCOREBOARD_ABOVE_FOLD.min(data.clauses.len()));
    let rows = |clauses: &'static [Clause]| {
        clauses
            .iter()
            .map(|clause| view! { <ScoreRow clause /> })
            .collect_view()
    };
    let rest_built = use_in_parts(1);
    view! {
        <section class="scoreboard" data-testid="scoreboard" aria-labelledby="scoreboard-title">
            <h3 id="scoreboard-title">"Every version at a glance"</h3>
            <p class="scoreboard-help">
                "Each cell is the term in force at that version and what the version did to it. "
                "Open a cell to compare that version with the one before."
            </p>
            <Legend />
            <div class="scoreboard-scroll" tabindex="0" role="region" aria-label="Scoreboard, scrolls sideways">
                <table>
                    <caption class="visually-hidden">
                        "Each clause's term in force in each version of the agreement, with what that version did to it and whom the change favours"
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col" class="pin">"Clause"</th>
                            {heads}
                        </tr>
                    </thead>
                    <tbody>
                        {rows(first)}
                        <Show when=move || rest_built.get() == 1>{rows(rest)}</Show>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// What the symbols and colours mean, in words.
#[component]
fn Legend() -> impl IntoView {
    let steps = [
        Step::FirstStated,
        Step::Added,
        Step::Changed,
        Step::Removed,
        Step::Unchanged,
        Step::Carried,
        Step::Unknown,
    ];
    let favours = [Favour::OpenAi, Favour::Microsoft, Favour::Mixed, Favour::Neutral];
    view! {
        <ul class="legend" aria-label="Key">
            {steps
                .into_iter()
                .map(|s| view! { <li class=format!("step step-{}", s.id())>{format!("{} {}", s.icon(), s.label())}</li> })
                .collect_view()}
            {favours
                .into_iter()
                .map(|f| view! { <li class=format!("favour-tag favour-{}", f.id())>{format!("{} {}", f.icon(), f.label())}</li> })
                .collect_view()}
        </ul>
    }
}

/// One clause across the versions.
#[component]
fn ScoreRow(clause: &'static Clause) -> impl IntoView {
    let data = use_app().data;
    let cells = compare::cells(data, clause)
        .into_iter()
        .enumerate()
        .map(|(i, cell)| view! { <ScoreCell clause cell previous=i.checked_sub(1).map(|p| &data.versions[p]) /> })
        .collect_view();
    view! {
        <tr data-clause-id=clause.id>
            <th scope="row" class="pin">{clause.name}</th>
            {cells}
        </tr>
    }
}

/// One clause at one version: a link to that version compared with the one
/// before (the first version, alone), scrolled to the clause.
#[component]
fn ScoreCell(clause: &'static Clause, cell: Cell, previous: Option<&'static AgreementVersion>) -> impl IntoView {
    let data = use_app().data;
    let id = clause.id;
    let version = cell.force.version;
    let a = previous.map_or(version, |p| p.id);
    let short = cell.force.term.map_or("Not stated", |t| t.short);
    let since = cell
        .force
        .term
        .filter(|_| cell.force.carried())
        .map(|t| format!("since {}", t.version));
    // Words a screen reader says for the whole cell, which the visible
    // symbols only abbreviate.
    let mut spoken = format!("{}, {version}: {}", clause.name, cell.step.label());
    if let Some(f) = cell.favours {
        spoken.push_str(&format!(", {}", f.label().to_ascii_lowercase()));
    }
    spoken.push_str(&format!(". {short}."));
    if let Some(note) = cell.force.carried_note(data) {
        spoken.push_str(&format!(" {note}"));
    }
    spoken.push_str(&if a == version {
        format!(" Open the {version} terms.")
    } else {
        format!(" Compare {a} with {version}.")
    });
    view! {
        <td
            class=format!("score step-{}", cell.step.id())
            data-step=cell.step.id()
            data-favour=cell.favours.map(Favour::id)
        >
            <Link
                to=move |s| {
                    s.view = View::Clauses;
                    s.comparison.a = Some(a.to_string());
                    s.comparison.b = Some(version.to_string());
                    s.comparison.clause = Some(id.to_string());
                }
                class="score-link"
                testid="score-cell"
                anchor=format!("clause-{id}")
            >
                <span class="visually-hidden">{spoken}</span>
                // Symbol and word in one text, so contrast checks read them
                // together.
                <span class="score-step" aria-hidden="true">{format!("{} {}", cell.step.icon(), cell.step.label())}</span>
                <span class="score-term" aria-hidden="true">{short}</span>
                {since.map(|s| view! { <span class="score-since" aria-hidden="true">{s}</span> })}
                {cell
                    .favours
                    .map(|f| {
                        view! {
                            <span class=format!("favour-tag favour-{}", f.id()) aria-hidden="true">
                                {format!("{} {}", f.icon(), f.label().trim_start_matches("Favours "))}
                            </span>
                        }
                    })}
            </Link>
        </td>
    }
}

/// Each version in a line, expandable to what it was and who says so.
#[component]
pub fn VersionHeaders() -> impl IntoView {
    let data: &'static Dataset = use_app().data;
    view! {
        <div class="versions" data-testid="versions">
            {data
                .versions
                .iter()
                .map(|v| {
                    view! {
                        <details class="version" data-testid="version">
                            <summary>
                                <span class="version-id">{v.id}</span>
                                " "
                                <span class="version-name">{v.name}</span>
                                <span class="version-date">{v.date.to_string()}</span>
                            </summary>
                            <p>{v.summary}</p>
                            <p class="version-date-check">
                                "Date: " {v.date.to_string()} " " <CorroborationBadge claim=ClaimRef::VersionDate(v.id) />
                            </p>
                            <p class="cited">"Sources: " <SourceList ids=v.sources.to_vec() /></p>
                        </details>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// One clause across every version, for a clause embed: at each version
/// the term in force, what the version did to it and whom that favoured,
/// and where a carried term comes from.
#[component]
pub fn ClauseAcross(clause: &'static Clause) -> impl IntoView {
    let data = use_app().data;
    let rows = compare::cells(data, clause)
        .into_iter()
        .zip(data.versions)
        .map(|(cell, version)| {
            let text = cell.force.term.map_or("Not stated in the sources up to this version.", |t| t.text);
            view! {
                <li class=format!("across-version step-{}", cell.step.id()) data-step=cell.step.id()>
                    <p class="across-head">
                        <strong>{version.id}</strong>
                        " "
                        <span class="version-name">{version.name}</span>
                        " · "
                        <span class="score-step">{format!("{} {}", cell.step.icon(), cell.step.label())}</span>
                        {cell.favours.map(|f| view! { " · " <span class=format!("favour-tag favour-{}", f.id())>{format!("{} {}", f.icon(), f.label())}</span> })}
                    </p>
                    <p class="term-text">{text}</p>
                    {cell.force.carried_note(data).map(|note| view! { <p class="carried-note">{note}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="clause-across" data-testid="clause-across" aria-labelledby=format!("across-{}", clause.id)>
            <h2 id=format!("across-{}", clause.id)>{clause.name}</h2>
            <p class="question">{clause.question}</p>
            <ol class="across-list">{rows}</ol>
        </section>
    }
}
