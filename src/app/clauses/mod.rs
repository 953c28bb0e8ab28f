//! The clause comparison: a scoreboard of every clause across every
//! version, and a pairwise comparison of any two versions over the terms in
//! force, with who gained.

mod row;
mod scoreboard;

use super::hooks::use_in_parts;
use super::use_app;
use crate::compare::{self, ClauseComparison, Summary};
use crate::state::{DiffMode, Side};
use leptos::prelude::*;
use row::ClauseRow;
pub use scoreboard::{ClauseAcross, Scoreboard, VersionHeaders};

/// How many clauses' comparisons the app builds a task as it takes over a
/// first screen: they lie below the fold (`hooks::use_in_parts`).
const ROWS_PER_PART: usize = 4;

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
    let title = move || match pair.get() {
        Some((a, b)) if a == b => format!("The {a} terms alone"),
        Some((a, b)) if data.version_index(a) > data.version_index(b) => {
            format!("{a} → {b}: how the terms looked before")
        }
        Some((a, b)) => format!("{a} → {b}: how each clause changed"),
        None => String::new(),
    };
    view! {
        <div class="clauses">
            <h2>"How the agreement changed"</h2>
            <Show
                when=move || pair.get().is_some()
                fallback=|| view! { <p class="empty">"This dataset has no agreement versions to compare."</p> }
            >
                <VersionHeaders />
                <Scoreboard />
                {super::widgets::first_screen_rest(|| {
                    let rest = data.clauses.len().saturating_sub(compare::SCOREBOARD_ABOVE_FOLD);
                    let (a, b) = pair.get_untracked()?;
                    Some(format!("The other {rest} clauses, and the comparison of {a} with {b}, appear once Pactline has loaded."))
                })}
                <h3 class="pair-title" id="pair-title" data-testid="pair-title">{title}</h3>
                <Controls rows />
                <Show when=move || pair.get().is_some_and(|(a, b)| a == b)>
                    <p class="notice" role="note" data-testid="same-version">
                        "You picked the same version twice, so this shows its terms alone. Pick another version to compare."
                    </p>
                </Show>
                <p class="clause-summary" data-testid="clause-summary" role="status" aria-live="polite">
                    {move || pair.get().map(|(a, b)| rows.with(|r| Summary::of(r).line(a, b)))}
                </p>
                <Comparison rows />
            </Show>
        </div>
    }
}

/// Version pickers, swap and "previous version", display mode, the "only
/// changed" switch and change navigation. A picker never moves the other.
#[component]
fn Controls(rows: Memo<Vec<ClauseComparison>>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let picked = Memo::new(move |_| app.comparison.with(|c| c.versions(data)).unwrap_or_default());
    let previous = Memo::new(move |_| app.comparison.with(|c| c.previous(data)));
    let version_select = move |side: Side| {
        let (id, testid) = match side {
            Side::A => ("version-a", "version-a"),
            Side::B => ("version-b", "version-b"),
        };
        let options = data
            .versions
            .iter()
            .map(|v| {
                let vid = v.id;
                let selected = move || {
                    let (a, b) = picked.get();
                    vid == if side == Side::A { a } else { b }
                };
                view! {
                    <option value=vid selected=selected>
                        {format!("{} — {}", v.id, v.name)}
                    </option>
                }
            })
            .collect_view();
        view! {
            // The property, not only each option's `selected` attribute: once
            // a reader has used a select, Firefox ignores the attribute, and
            // Swap must still move both.
            <select
                id=id
                data-testid=testid
                prop:value=move || {
                    let (a, b) = picked.get();
                    if side == Side::A { a } else { b }
                }
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
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
                {version_select(Side::A)}
                <label for="version-b">"with"</label>
                {version_select(Side::B)}
                <button
                    type="button"
                    data-testid="swap-versions"
                    aria-label="Swap the two versions"
                    on:click=move |_| app.edit(|s| s.comparison.swap(data))
                >
                    "⇄ Swap"
                </button>
                <button
                    type="button"
                    data-testid="previous-version"
                    disabled=move || previous.get().is_none_or(|p| p == picked.get().0)
                    on:click=move |_| {
                        if let Some(p) = previous.get_untracked() {
                            app.edit(|s| s.comparison.pick(data, Side::A, p));
                        }
                    }
                >
                    {move || match (previous.get(), picked.get().1) {
                        (Some(p), b) => format!("{b} against the previous version ({p})"),
                        (None, b) => format!("{b} is the first version"),
                    }}
                </button>
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
    let parts = rows.with_untracked(Vec::len).div_ceil(ROWS_PER_PART);
    let built = use_in_parts(parts);
    let visible = move || {
        let only = app.comparison.with(|c| c.changed_only);
        let shown = if built.get() < parts {
            built.get() * ROWS_PER_PART
        } else {
            usize::MAX
        };
        rows.get()
            .into_iter()
            .filter(move |r| !only || r.kind.is_change())
            .take(shown)
            .collect::<Vec<_>>()
    };
    view! {
        <section class="comparison" aria-labelledby="pair-title">
            <For
                each=visible
                key=|r| (r.clause.id, r.a.version, r.b.version, r.a.term.map(|t| t.version), r.b.term.map(|t| t.version))
                children=move |row| view! { <ClauseRow row /> }
            />
        </section>
    }
}
