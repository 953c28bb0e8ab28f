//! Change classification, field changes, favours and the summary line.

use crate::fixture::FIXTURE;
use pactline::compare::{self, ChangeKind, Summary};
use pactline::model::{Favour, FieldValue};

fn kinds(a: &str, b: &str) -> Vec<(&'static str, ChangeKind)> {
    compare::compare(&FIXTURE, a, b)
        .iter()
        .map(|r| (r.clause.id, r.kind))
        .collect()
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
            ("hardware", ChangeKind::Unstated),
        ]
    );
    assert_eq!(kinds("2025", "2026")[2], ("security", ChangeKind::Unchanged));
}

#[test]
fn field_changes_are_spelled_out() {
    let rows = compare::compare(&FIXTURE, "2019", "2026");
    let revenue: Vec<String> = rows[1].fields.iter().map(ToString::to_string).collect();
    assert_eq!(revenue, ["ends: until AGI → 2030", "capped: not set → yes"]);
    assert_eq!(rows[0].fields[0].before, Some(FieldValue::Bool(true)));
    assert_eq!(rows[0].fields[0].after, Some(FieldValue::Bool(false)));
}

#[test]
fn favours_combine_across_the_steps_between_versions() {
    let rows = compare::compare(&FIXTURE, "2019", "2026");
    // Two steps both favouring OpenAI.
    assert_eq!(rows[0].favours, Some(Favour::OpenAi));
    assert_eq!(rows[0].notes.len(), 2);
    // One step favouring Microsoft, then one favouring OpenAI.
    assert_eq!(rows[3].favours, Some(Favour::Mixed));
    // No favour for what cannot be compared.
    assert_eq!(rows[4].favours, None);
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
fn the_summary_counts_changes_and_favours() {
    let rows = compare::compare(&FIXTURE, "2019", "2026");
    let summary = Summary::of(&rows);
    assert_eq!(
        (
            summary.total,
            summary.changed,
            summary.openai,
            summary.microsoft,
            summary.mixed
        ),
        (5, 4, 2, 1, 1)
    );
    assert_eq!(
        summary.line("2019", "2026"),
        "4 of 5 clauses changed between 2019 and 2026; 2 favour OpenAI, 1 favour Microsoft, 1 mixed (1 not stated in the sources for one side)"
    );
}

#[test]
fn the_matrix_marks_each_step() {
    let cloud = &FIXTURE.clauses[0];
    assert_eq!(compare::step_change(cloud, 0), None);
    assert_eq!(compare::step_change(cloud, 1), Some(ChangeKind::Changed));
    let security = &FIXTURE.clauses[2];
    assert_eq!(compare::step_change(security, 2), Some(ChangeKind::Unchanged));
}

#[test]
fn unknown_versions_compare_nothing() {
    assert!(compare::compare(&FIXTURE, "1990", "2026").is_empty());
}
