//! Terms in force (carried forward, replaced, removed, never stated, stated
//! again), change classification in either order, readable field changes,
//! favours and the summary line.

use crate::fixture::FIXTURE;
use pactline::compare::{self, ChangeKind, Step, Summary};
use pactline::model::{Favour, FieldValue};

fn kinds(a: &str, b: &str) -> Vec<(&'static str, ChangeKind)> {
    compare::compare(&FIXTURE, a, b)
        .iter()
        .map(|r| (r.clause.id, r.kind))
        .collect()
}

fn row(a: &str, b: &str, clause: &str) -> compare::ClauseComparison {
    compare::compare(&FIXTURE, a, b)
        .into_iter()
        .find(|r| r.clause.id == clause)
        .expect("the fixture has the clause")
}

fn clause(id: &str) -> &'static pactline::model::Clause {
    FIXTURE.clause(id).expect("the fixture has the clause")
}

fn steps(id: &str) -> Vec<Step> {
    compare::cells(&FIXTURE, clause(id)).iter().map(|c| c.step).collect()
}

#[test]
fn a_term_the_later_version_does_not_mention_is_carried_forward() {
    // Hardware: unstated in 2019, stated in 2025, not mentioned in 2026.
    let force = compare::in_force(&FIXTURE, clause("hardware"), 2);
    assert_eq!(force.term.map(|t| t.version), Some("2025"));
    assert!(force.carried());
    assert_eq!(
        force.carried_note(&FIXTURE).as_deref(),
        Some("In force since 2025; the 2026 version does not mention it.")
    );
    assert_eq!(steps("hardware"), [Step::Unknown, Step::FirstStated, Step::Carried]);
    // 2025 → 2026 compares the term with itself.
    assert_eq!(row("2025", "2026", "hardware").kind, ChangeKind::Unchanged);
}

#[test]
fn a_term_a_later_version_replaces_is_changed_with_each_step_named() {
    assert_eq!(steps("cloud"), [Step::FirstStated, Step::Changed, Step::Changed]);
    let cloud = row("2019", "2026", "cloud");
    assert_eq!(cloud.kind, ChangeKind::Changed);
    assert_eq!(cloud.headline(), "Changed in 2025 and 2026");
    assert_eq!(cloud.notes.len(), 2);
    assert_eq!(cloud.favours, Some(Favour::OpenAi));
}

#[test]
fn a_term_a_later_version_removes_is_removed() {
    assert_eq!(steps("agi"), [Step::FirstStated, Step::Changed, Step::Removed]);
    let agi = row("2019", "2026", "agi");
    assert_eq!(
        (agi.kind, agi.headline().as_str()),
        (ChangeKind::Removed, "Changed in 2025, removed in 2026")
    );
    // One step favouring Microsoft, then one favouring OpenAI.
    assert_eq!(agi.favours, Some(Favour::Mixed));
}

#[test]
fn a_term_never_stated_is_unknown_and_favours_nobody() {
    assert_eq!(steps("board"), [Step::Unknown; 3]);
    let board = row("2019", "2026", "board");
    assert_eq!(board.kind, ChangeKind::Unknown);
    assert_eq!(board.headline(), "Not stated up to 2026");
    assert_eq!(board.favours, None);
    assert!(board.b.term.is_none() && board.b.carried_note(&FIXTURE).is_none());
}

#[test]
fn a_term_stated_again_is_compared_with_the_one_carried_to_it() {
    // Licence: stated in 2019, not mentioned in 2025, stated anew in 2026.
    assert_eq!(steps("licence"), [Step::FirstStated, Step::Carried, Step::Changed]);
    let carried = compare::in_force(&FIXTURE, clause("licence"), 1);
    assert_eq!(carried.term.map(|t| t.version), Some("2019"));
    let licence = row("2025", "2026", "licence");
    assert_eq!(
        (licence.kind, licence.headline().as_str()),
        (ChangeKind::Changed, "Changed in 2026")
    );
    assert_eq!(licence.favours, Some(Favour::Microsoft));
    // Restated unchanged, a term is unchanged, not carried.
    assert_eq!(steps("security")[2], Step::Unchanged);
}

#[test]
fn a_term_first_stated_later_is_not_a_change() {
    let hardware = row("2019", "2026", "hardware");
    assert_eq!(hardware.kind, ChangeKind::FirstStated);
    assert_eq!(hardware.headline(), "First stated in 2025");
    assert_eq!(hardware.favours, None);
}

#[test]
fn each_change_kind_is_classified() {
    assert_eq!(
        kinds("2019", "2026"),
        [
            ("cloud", ChangeKind::Changed),
            ("revenue", ChangeKind::Changed),
            ("security", ChangeKind::Added),
            ("agi", ChangeKind::Removed),
            ("hardware", ChangeKind::FirstStated),
            ("licence", ChangeKind::Changed),
            ("board", ChangeKind::Unknown),
        ]
    );
}

#[test]
fn a_reversed_pair_reads_the_same_changes_looking_back() {
    let forward = compare::compare(&FIXTURE, "2019", "2026");
    let back = compare::compare(&FIXTURE, "2026", "2019");
    for (f, b) in forward.iter().zip(&back) {
        assert_eq!((f.kind, f.headline(), f.favours), (b.kind, b.headline(), b.favours));
        // The reader's order is kept: A is the 2026 side.
        assert_eq!((b.a.version, b.b.version), ("2026", "2019"));
        assert!(b.backwards && !f.backwards);
    }
}

#[test]
fn one_version_alone_shows_its_terms_unchanged() {
    let rows = compare::compare(&FIXTURE, "2026", "2026");
    assert!(rows.iter().all(|r| !r.kind.is_change() && r.change_id() == "alone"));
    let heads: Vec<String> = rows.iter().map(|r| r.headline()).collect();
    assert_eq!(heads[4], "Carried forward from 2025");
    assert_eq!(heads[0], "Stated for 2026");
    assert_eq!(heads[6], "Not stated up to 2026");
    assert_eq!(
        Summary::of(&rows).line("2026", "2026"),
        "The 2026 terms alone: 5 terms stated for 2026, 1 carried forward from earlier versions, 1 unknown."
    );
}

#[test]
fn field_changes_are_spelled_out_in_readable_words() {
    let revenue: Vec<String> = row("2019", "2026", "revenue")
        .fields
        .iter()
        .map(ToString::to_string)
        .collect();
    // The fixture has no labels: the names stand in.
    assert_eq!(revenue, ["ends: until AGI → 2030", "capped: not mentioned → yes"]);
    let cloud = row("2019", "2026", "cloud");
    assert_eq!(cloud.fields[0].before, Some(FieldValue::Bool(true)));
    assert_eq!(cloud.fields[0].after, Some(FieldValue::Bool(false)));
}

#[test]
fn combining_ignores_neutral_steps() {
    assert_eq!(
        compare::combine_favours([Favour::Neutral, Favour::OpenAi]),
        Favour::OpenAi
    );
    assert_eq!(compare::combine_favours([]), Favour::Neutral);
    assert_eq!(
        compare::combine_favours([Favour::Microsoft, Favour::OpenAi]),
        Favour::Mixed
    );
}

#[test]
fn the_summary_counts_changes_carried_and_unknown_terms() {
    let rows = compare::compare(&FIXTURE, "2019", "2026");
    let summary = Summary::of(&rows);
    assert_eq!(
        (
            summary.total,
            summary.changed,
            summary.openai,
            summary.microsoft,
            summary.mixed,
            summary.carried,
            summary.unknown,
            summary.first_stated
        ),
        (7, 5, 2, 2, 1, 1, 1, 1)
    );
    assert_eq!(
        summary.line("2019", "2026"),
        "5 of 7 clauses changed between 2019 and 2026: 2 favour OpenAI, 2 favour Microsoft, 1 mixed. \
         In force in 2026: 5 terms stated for 2026, 1 carried forward from earlier versions, 1 unknown; \
         1 term first stated after 2019."
    );
    assert!(
        Summary::of(&compare::compare(&FIXTURE, "2026", "2019"))
            .line("2026", "2019")
            .starts_with("Going back from 2026 to 2019: 5 of 7 clauses changed between 2019 and 2026")
    );
}

#[test]
fn unknown_versions_compare_nothing() {
    assert!(compare::compare(&FIXTURE, "1990", "2026").is_empty());
}
