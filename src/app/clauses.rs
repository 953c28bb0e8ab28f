//! The clause comparison: a matrix of every clause across every version,
//! and a pairwise comparison of two versions with who gained.

use super::checks::{CheckList, CorroborationBadge};
use super::use_app;
use super::widgets::{Link, SourceCite, SourceList};
use crate::compare::{self, ClauseComparison, Summary};
use crate::diff::{self, Op};
use crate::model::{ClaimRef, Clause, Dataset, Term, TermStatus};
use crate::state::{DiffMode, Side, View};
use leptos::prelude::*;

/// The clauses view.
#[component]
pub fn ClausesView() -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let pair = Memo::new(move |_| app.comparison.with(|c| c.versions(data)));
    let rows = Memo::new(move |_| {
        pair.get()
            .map(|(a, b)| compare::compare(data, a, b))
            .unwrap_or_default()
    });

    view! {
        <div class="clauses">
            <h2>"How each clause changed"</h2>
            <Show
                when=move || pair.get().is_some()
                fallback=|| view! { <p class="empty">"This dataset has fewer than two agreement versions to compare."</p> }
            >
                <Controls rows />
                <p class="clause-summary" data-testid="clause-summary" role="status" aria-live="polite">
                    {move || pair.get().map(|(a, b)| rows.with(|r| Summary::of(r).line(a, b)))}
                </p>
                <Comparison rows />
                <Matrix />
            </Show>
        </div>
    }
}

/// Version pickers, display mode, the "only changed" switch and change
/// navigation.
#[component]
fn Controls(rows: Memo<Vec<ClauseComparison>>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let picked = Memo::new(move |_| app.comparison.with(|c| c.versions(data)).unwrap_or_default());
    let version_select = move |is_a: bool| {
        let options = data
            .versions
            .iter()
            .map(|v| {
                let id = v.id;
                let selected = move || {
                    let (a, b) = picked.get();
                    if is_a { a == id } else { b == id }
                };
                view! {
                    <option value=id selected=selected>
                        {format!("{} — {}", v.id, v.name)}
                    </option>
                }
            })
            .collect_view();
        view! {
            <select
                id=if is_a { "version-a" } else { "version-b" }
                data-testid=if is_a { "version-a" } else { "version-b" }
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    let side = if is_a { Side::A } else { Side::B };
                    app.edit(|s| s.comparison.pick(data, side, &chosen));
                }
            >
                {options}
            </select>
        }
    };
    let changed_count = move || rows.with(|r| r.iter().filter(|r| r.kind.is_change()).count());
    view! {
        <div class="compare-controls">
            <div class="pick">
                <label for="version-a">"Compare"</label>
                {version_select(true)}
                <label for="version-b">"with"</label>
                {version_select(false)}
            </div>
            <fieldset class="mode">
                <legend>"Show statements"</legend>
                {[(DiffMode::Side, "Side by side", "mode-side"), (DiffMode::Inline, "Inline changes", "mode-inline")]
                    .into_iter()
                    .map(|(mode, label, testid)| {
                        view! {
                            <label>
                                <input
                                    type="radio"
                                    name="mode"
                                    data-testid=testid
                                    prop:checked=move || app.comparison.with(|c| c.mode == mode)
                                    on:change=move |_| app.edit(|s| s.comparison.mode = mode)
                                />
                                {label}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="only-changed">
                <input
                    type="checkbox"
                    data-testid="only-changed"
                    prop:checked=move || app.comparison.with(|c| c.changed_only)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        app.edit(|s| s.comparison.changed_only = on);
                    }
                />
                "Only changed clauses"
            </label>
            <div class="step" role="group" aria-label="Changes">
                {[(false, "prev-change", "p", "← Previous change"), (true, "next-change", "n", "Next change →")]
                    .into_iter()
                    .map(|(forward, testid, key, label)| {
                        view! {
                            <button
                                type="button"
                                data-testid=testid
                                aria-keyshortcuts=key
                                disabled=move || changed_count() == 0
                                on:click=move |_| {
                                    app.step_clause(forward);
                                }
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
                <span class="hint">"or press " <kbd>"n"</kbd> " / " <kbd>"p"</kbd></span>
            </div>
        </div>
    }
}

/// The pairwise comparison, one card per clause.
#[component]
fn Comparison(rows: Memo<Vec<ClauseComparison>>) -> impl IntoView {
    let app = use_app();
    let visible = move || {
        let only = app.comparison.with(|c| c.changed_only);
        rows.get()
            .into_iter()
            .filter(move |r| !only || r.kind.is_change())
            .collect::<Vec<_>>()
    };
    view! {
        <section class="comparison" aria-label="Clause by clause">
            <For
                each=visible
                key=|r| (r.clause.id, r.a.version, r.b.version)
                children=move |row| view! { <ClauseRow row /> }
            />
        </section>
    }
}

/// One clause compared between A and B.
#[component]
fn ClauseRow(row: ClauseComparison) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let id = row.clause.id;
    let selected = move || app.comparison.with(|c| c.clause.as_deref() == Some(id));
    let inline = move || app.comparison.with(|c| c.mode == DiffMode::Inline);
    let (a, b) = (row.a, row.b);
    let kind = row.kind;
    let favour = row.favours.map(|f| {
        view! {
            <div class=format!("favour favour-{}", f.id())>
                <p><strong>{f.label()}</strong></p>
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
    let mut cited: Vec<&'static str> = a.sources.iter().chain(b.sources).copied().collect();
    cited.sort_unstable();
    cited.dedup();
    view! {
        <article
            class=format!("clause-row change-{}", kind.id())
            class:selected=selected
            data-testid="clause-row"
            data-clause-id=id
            data-change=kind.id()
        >
            <header class="clause-head">
                <h3 id=format!("clause-{id}") tabindex="-1">
                    <button type="button" class="clause-select" on:click=move |_| app.edit(|s| s.comparison.clause = Some(id.to_string()))>
                        {row.clause.name}
                    </button>
                </h3>
                <span class=format!("badge change change-{}", kind.id())>{kind.label()}</span>
            </header>
            <p class="question">{row.clause.question}</p>
            {move || {
                let worded = |t: &Term| matches!(t.status, TermStatus::Stated | TermStatus::Implied);
                if inline() && worded(a) && worded(b) {
                    view! { <InlineDiff a b /> }.into_any()
                } else {
                    view! {
                        <div class="side-by-side">
                            <TermCard clause=id term=a />
                            <TermCard clause=id term=b />
                        </div>
                    }
                        .into_any()
                }
            }}
            {fields}
            {favour}
            {events}
            <p class="cited">"Sources: " <SourceList ids=cited /></p>
        </article>
    }
}

/// One side of a comparison: the term, whether a source states it or only
/// implies it (and what implies it), and what public reports say of it.
#[component]
fn TermCard(clause: &'static str, term: &'static Term) -> impl IntoView {
    let claim = ClaimRef::Term(clause, term.version);
    let stated = term.status != TermStatus::Unstated;
    view! {
        <div class=format!("term term-{}", status_class(term.status)) data-testid="term">
            <p class="term-version">
                {term.version}
                {(term.status == TermStatus::Implied).then(|| view! { " " <span class="badge implied">"Implied, not stated"</span> })}
                {stated.then(|| view! { " " <CorroborationBadge claim /> })}
            </p>
            <p class="term-text">{term_text(term)}</p>
            {term.basis.map(|b| view! { <p class="basis">"Why implied: " {b}</p> })}
            <CheckList claims=vec![claim] label=|_| None level=4 />
        </div>
    }
}

/// A's and B's statements merged, with deletions and insertions marked.
#[component]
fn InlineDiff(a: &'static Term, b: &'static Term) -> impl IntoView {
    let pieces = diff::words(a.text, b.text);
    view! {
        <p class="inline-diff">
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
}

fn status_class(status: TermStatus) -> &'static str {
    match status {
        TermStatus::Stated => "stated",
        TermStatus::Implied => "implied",
        TermStatus::Absent => "absent",
        TermStatus::Unstated => "unstated",
    }
}

/// A term as a reader sees it; the two kinds of "nothing" read differently.
fn term_text(term: &Term) -> &'static str {
    match term.status {
        TermStatus::Stated | TermStatus::Implied => term.text,
        TermStatus::Absent if !term.text.is_empty() => term.text,
        TermStatus::Absent => "No such term in this version.",
        TermStatus::Unstated => "Not stated in the sources.",
    }
}

/// Every clause across every version, with what changed from the version
/// before. The table scrolls inside itself with the clause names pinned.
#[component]
fn Matrix() -> impl IntoView {
    let app = use_app();
    let data: &'static Dataset = app.data;
    let heads = data
        .versions
        .iter()
        .map(|v| {
            view! {
                <th scope="col">
                    <span class="version-id">{v.id}</span>
                    <span class="version-name">{v.name}</span>
                    <span class="version-date">
                        {v.date.to_string()} " " <CorroborationBadge claim=ClaimRef::VersionDate(v.id) />
                    </span>
                    <span class="version-sources">
                        <SourceList ids=v.sources.to_vec() />
                    </span>
                </th>
            }
        })
        .collect_view();
    let body = data
        .clauses
        .iter()
        .map(|c| view! { <MatrixRow clause=c /> })
        .collect_view();
    view! {
        // The scrolling region inside carries the name; a named section
        // around it would be a second landmark with the same name.
        <section class="matrix">
            <h3 id="matrix-title">"All versions at a glance"</h3>
            <div class="matrix-scroll" tabindex="0" role="region" aria-labelledby="matrix-title">
                <table>
                    <caption class="visually-hidden">"Each clause's term in each version of the agreement"</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="pin">"Clause"</th>
                            {heads}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}

/// One clause's row of the matrix.
#[component]
fn MatrixRow(clause: &'static Clause) -> impl IntoView {
    let cells = clause
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let step = compare::step_change(clause, i).filter(|k| k.is_change());
            view! {
                <td class=format!("term-{}", status_class(t.status)) class:changed=step.is_some()>
                    {step.map(|k| view! { <span class="badge change">{format!("{} ", k.label())}</span> })}
                    {(t.status == TermStatus::Implied).then(|| view! { <span class="badge implied">"Implied"</span> " " })}
                    {term_text(t)}
                </td>
            }
        })
        .collect_view();
    view! {
        <tr>
            <th scope="row" class="pin">{clause.name}</th>
            {cells}
        </tr>
    }
}
