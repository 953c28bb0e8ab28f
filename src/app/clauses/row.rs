//! One clause compared between two versions: the terms in force on each
//! side (or the words that changed), the fields that moved, whom the change
//! favours and the events behind it.

use super::super::checks::{CheckList, CorroborationBadge};
use super::super::use_app;
use super::super::widgets::{Link, SourceCite, SourceList};
use crate::compare::{ClauseComparison, InForce};
use crate::diff::{self, Diff, Op};
use crate::model::{ClaimRef, Term, TermStatus};
use crate::state::{DiffMode, View};
use leptos::prelude::*;

/// One clause compared between A and B.
#[component]
pub fn ClauseRow(row: ClauseComparison) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let id = row.clause.id;
    let selected = move || app.comparison.with(|c| c.clause.as_deref() == Some(id));
    let inline = move || app.comparison.with(|c| c.mode == DiffMode::Inline);
    let (a, b) = (row.a, row.b);
    let alone = row.alone();
    let headline = row.headline();
    let favour = row.favours.map(|f| {
        view! {
            <div class=format!("favour favour-{}", f.id())>
                <p>
                    <strong>{format!("{} {}", f.icon(), f.label())}</strong>
                </p>
                <ul>
                    {row
                        .notes
                        .iter()
                        .map(|n| view! { <li>{n.reason} " — " <SourceCite id=n.source /></li> })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let fields = (!row.fields.is_empty()).then(|| {
        view! {
            <ul class="field-changes" aria-label="Terms that changed">
                {row.fields.iter().map(|f| view! { <li>{f.to_string()}</li> }).collect_view()}
            </ul>
        }
    });
    let events: Vec<_> = data.events_changing_clause(id).collect();
    let events = (!events.is_empty()).then(|| {
        view! {
            <div class="changed-by">
                <h4>"Events behind it"</h4>
                <ul>
                    {events
                        .into_iter()
                        .map(|e| {
                            let eid = e.id;
                            view! {
                                <li>
                                    <Link
                                        to=move |s| {
                                            s.view = View::Timeline;
                                            s.timeline.event = Some(eid.to_string());
                                        }
                                        class="event-link"
                                        testid="clause-event-link"
                                        anchor=format!("event-{eid}")
                                    >
                                        {format!("{} — {}", e.date, e.title)}
                                    </Link>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let mut cited: Vec<&'static str> = [a.term, b.term]
        .into_iter()
        .flatten()
        .flat_map(|t| t.sources.iter().copied())
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let statements = move || match (inline(), a.term, b.term) {
        (true, Some(ta), Some(tb)) if !alone && worded(ta) && worded(tb) => {
            view! { <InlineDiff a=a tb=b /> }.into_any()
        }
        _ if alone => view! { <TermCard clause=id force=b /> }.into_any(),
        _ => view! {
            <div class="side-by-side">
                <TermCard clause=id force=a />
                <TermCard clause=id force=b />
            </div>
        }
        .into_any(),
    };
    let change_id = row.change_id();
    view! {
        <article
            class=format!("clause-row change-{change_id}")
            class:selected=selected
            data-testid="clause-row"
            data-clause-id=id
            data-change=change_id
        >
            <header class="clause-head">
                <h3 id=format!("clause-{id}") tabindex="-1">
                    <button type="button" class="clause-select" on:click=move |_| app.edit(|s| s.comparison.clause = Some(id.to_string()))>
                        {row.clause.name}
                    </button>
                </h3>
                <span class=format!("badge change change-{change_id}") data-testid="change-badge">{headline}</span>
            </header>
            <p class="question">{row.clause.question}</p>
            {statements}
            {fields}
            {favour}
            {events}
            <p class="cited">"Sources: " <SourceList ids=cited /></p>
        </article>
    }
}

/// Whether a term has words of its own to compare.
fn worded(term: &Term) -> bool {
    term.is_present()
}

/// One side of a comparison: the term in force, where it comes from when a
/// version does not mention it, whether a source states it or only implies
/// it, and what public reports say of it (carried with it).
#[component]
fn TermCard(clause: &'static str, force: InForce) -> impl IntoView {
    let data = use_app().data;
    let Some(term) = force.term else {
        return view! {
            <div class="term term-unknown" data-testid="term">
                <p class="term-version">{force.version}</p>
                <p class="term-text">{format!("Not stated in the sources up to {}.", force.version)}</p>
            </div>
        }
        .into_any();
    };
    let claim = ClaimRef::Term(clause, term.version);
    let carried = force.carried_note(data);
    let is_carried = carried.is_some();
    view! {
        <div class=format!("term term-{}", status_class(term)) class:term-carried=is_carried data-testid="term">
            <p class="term-version">
                {force.version}
                {is_carried.then(|| view! { " " <span class="badge carried">{format!("→ carried from {}", term.version)}</span> })}
                {term.is_implied().then(|| view! { " " <span class="badge implied">"Implied, not stated"</span> })}
                " "
                <CorroborationBadge claim />
            </p>
            <p class="term-text">{term_text(term)}</p>
            {carried.map(|note| view! { <p class="carried-note" data-testid="carried-note">{note}</p> })}
            {term.basis.map(|b| view! { <p class="basis">"Why implied: " {b}</p> })}
            <CheckList claims=vec![claim] label=|_| None level=4 />
        </div>
    }
    .into_any()
}

/// The statements' words that changed, or, where they share almost
/// nothing, both whole and labelled.
#[component]
fn InlineDiff(a: InForce, #[prop(name = "tb")] b: InForce) -> impl IntoView {
    let (Some(ta), Some(tb)) = (a.term, b.term) else {
        return ().into_any();
    };
    match diff::words(ta.text, tb.text) {
        Diff::Words(pieces) => view! {
            <p class="inline-diff" data-testid="inline-diff">
                <span class="term-version">{format!("{} → {}: ", a.version, b.version)}</span>
                {pieces
                    .into_iter()
                    .map(|p| match p.op {
                        Op::Same => p.text.into_any(),
                        Op::Deleted => view! { <del>{p.text}</del> }.into_any(),
                        Op::Inserted => view! { <ins>{p.text}</ins> }.into_any(),
                    })
                    .collect_view()}
            </p>
        }
        .into_any(),
        Diff::Reworded => view! {
            <div class="reworded" data-testid="reworded">
                <p class="badge">"Reworded"</p>
                <p><span class="term-version">{format!("{}: ", a.version)}</span> {ta.text}</p>
                <p><span class="term-version">{format!("{}: ", b.version)}</span> {tb.text}</p>
            </div>
        }
        .into_any(),
    }
}

fn status_class(term: &Term) -> &'static str {
    match term.status {
        TermStatus::Stated => "stated",
        TermStatus::Implied => "implied",
        TermStatus::Absent => "absent",
        TermStatus::Unstated => "unstated",
    }
}

/// A term as a reader sees it; an absence without words of its own says so.
fn term_text(term: &Term) -> &'static str {
    match term.status {
        TermStatus::Absent if term.text.is_empty() => "No such term in this version.",
        _ => term.text,
    }
}
