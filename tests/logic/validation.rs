//! The build-time data checks, each shown failing on a small bad fixture.

use pactline::loader::{self, DataError, FILES};
use std::collections::BTreeMap;
use std::path::Path;

fn fixture() -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    FILES
        .iter()
        .map(|f| {
            (
                f.to_string(),
                std::fs::read_to_string(dir.join(f)).expect("fixture file exists"),
            )
        })
        .collect()
}

/// Applies `edit` to one fixture file and returns the errors it causes.
fn errors_after(file: &str, edit: impl FnOnce(&str) -> String) -> Vec<DataError> {
    let mut texts = fixture();
    let text = texts.get_mut(file).expect("a fixture file");
    let edited = edit(text);
    assert_ne!(&edited, text, "the edit must change {file}");
    *text = edited;
    loader::compile_texts(&texts).expect_err("the bad fixture must fail")
}

fn assert_error(errors: &[DataError], file: &str, entry: &str, problem_part: &str) {
    assert!(
        errors
            .iter()
            .any(|e| e.file == file && e.entry == entry && e.problem.contains(problem_part)),
        "expected {file} `{entry}`: …{problem_part}…, got {errors:#?}"
    );
}

#[test]
fn the_good_fixture_compiles_with_a_version() {
    let compiled = loader::compile_texts(&fixture()).expect("the fixture is valid");
    assert!(compiled.version.starts_with("2026-11-23."));
    assert!(compiled.rust.contains("pub static DATASET"));
}

#[test]
fn the_real_data_compiles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    if let Err(errors) = loader::compile_dir(&dir) {
        panic!(
            "{}",
            errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        );
    }
}

#[test]
fn errors_name_file_entry_and_problem() {
    let e = DataError {
        file: "events.toml".into(),
        entry: "x".into(),
        problem: "names no source".into(),
    };
    assert_eq!(e.to_string(), "data/events.toml: `x`: names no source");
}

#[test]
fn a_broken_reference_fails() {
    let errors = errors_after("events.toml", |t| {
        t.replacen(
            "parties = [\"microsoft\", \"openai\"]",
            "parties = [\"microsoft\", \"ibm\"]",
            1,
        )
    });
    assert_error(&errors, "events.toml", "first-deal", "unknown party `ibm`");
    let errors = errors_after("events.toml", |t| {
        t.replacen("clause = \"cloud\"", "clause = \"clouds\"", 1)
    });
    assert_error(&errors, "events.toml", "first-deal", "unknown clause `clouds`");
    let errors = errors_after("conflicts.toml", |t| {
        t.replacen("events = [\"first-deal\"]", "events = [\"gone\"]", 1)
    });
    assert_error(&errors, "conflicts.toml", "agi", "unknown event `gone`");
}

#[test]
fn a_duplicate_id_fails() {
    let errors = errors_after("events.toml", |t| t.replacen("id = \"future\"", "id = \"aws-deal\"", 1));
    assert_error(&errors, "events.toml", "aws-deal", "duplicate id");
}

#[test]
fn a_missing_source_fails() {
    let errors = errors_after("events.toml", |t| {
        t.replacen(
            "sources = [\"video\", \"news\"]",
            "sources = [\"video\", \"podcast\"]",
            1,
        )
    });
    assert_error(&errors, "events.toml", "aws-deal", "unknown source `podcast`");
}

#[test]
fn an_event_with_no_source_fails() {
    let errors = errors_after("events.toml", |t| t.replacen("sources = [\"news\"]", "sources = []", 1));
    assert_error(&errors, "events.toml", "future", "names no source");
}

#[test]
fn an_impossible_date_fails() {
    let errors = errors_after("events.toml", |t| {
        t.replacen("date = \"2026-Q1\"", "date = \"2026-02-30\"", 1)
    });
    assert_error(&errors, "events.toml", "aws-deal", "impossible day");
    let errors = errors_after("versions.toml", |t| t.replacen("date = \"2026\"", "date = \"2018\"", 1));
    assert_error(&errors, "versions.toml", "2026", "dated before");
}

#[test]
fn a_clause_missing_a_version_fails() {
    let errors = errors_after("clauses.toml", |t| {
        t.replacen("[clause.terms.2026]\nstatus = \"unstated\"\n", "", 1)
    });
    assert_error(&errors, "clauses.toml", "hardware", "no term for version `2026`");
}

#[test]
fn a_changed_term_without_a_change_note_fails() {
    let errors = errors_after("clauses.toml", |t| {
        t.replacen(
            "change = { favours = \"openai\", reason = \"OpenAI may sell on any cloud.\", source = \"video\" }\n",
            "",
            1,
        )
    });
    assert_error(&errors, "clauses.toml", "cloud.2026", "no `change`");
}

#[test]
fn a_prediction_without_a_resolution_date_fails() {
    let errors = errors_after("events.toml", |t| t.replacen("resolves_by = \"2027-12\"\n", "", 1));
    assert_error(&errors, "events.toml", "future", "needs `resolves_by`");
}

#[test]
fn an_unknown_certainty_or_field_fails() {
    let errors = errors_after("events.toml", |t| {
        t.replacen("certainty = \"prediction\"", "certainty = \"rumour\"", 1)
    });
    assert_error(&errors, "events.toml", "future", "unknown certainty `rumour`");
    let errors = errors_after("events.toml", |t| {
        t.replacen("title = \"Exclusive clouds are over\"", "titel = \"typo\"", 1)
    });
    assert_error(&errors, "events.toml", "-", "titel");
}

#[test]
fn an_event_without_a_known_kind_fails() {
    let errors = errors_after("events.toml", |t| t.replacen("kind = \"happened\"\n", "", 1));
    assert_error(
        &errors,
        "events.toml",
        "first-deal",
        "needs a `kind` (one of happened, commentary)",
    );
    let errors = errors_after("events.toml", |t| {
        t.replacen("kind = \"happened\"", "kind = \"rumour\"", 1)
    });
    assert_error(&errors, "events.toml", "first-deal", "unknown kind `rumour`");
}

#[test]
fn a_source_s_view_marked_as_happened_fails() {
    // The fixture's last event is reported and happened; give it each
    // certainty that is a source's own view in turn.
    for certainty in ["analysis", "speculation", "hypothetical"] {
        let errors = errors_after("events.toml", |t| {
            let at = t.rfind("certainty = \"reported\"").expect("a reported event");
            format!(
                "{}certainty = \"{certainty}\"{}",
                &t[..at],
                &t[at + "certainty = \"reported\"".len()..]
            )
        });
        assert_error(
            &errors,
            "events.toml",
            "no-date",
            &format!("certainty `{certainty}` is a source's view, so `kind` is `commentary`, not `happened`"),
        );
    }
    let errors = errors_after("events.toml", |t| {
        t.replacen("kind = \"commentary\"", "kind = \"happened\"", 1)
    });
    assert_error(
        &errors,
        "events.toml",
        "future",
        "certainty `prediction` is a source's view",
    );
}

#[test]
fn a_title_that_opens_with_its_source_or_certainty_fails() {
    for (title, prefix) in [
        ("Deep dive: exclusive clouds are over", "Deep dive"),
        ("Deep dive's guess: exclusive clouds are over", "Deep dive"),
        ("Podcast digest: exclusive clouds are over", "Podcast digest"),
        ("Blog expects exclusive clouds to end", "Blog"),
        ("News post and digest: exclusive clouds are over", "News post"),
        ("PREDICTION: exclusive clouds are over", "Prediction:"),
    ] {
        let errors = errors_after("events.toml", |t| {
            t.replacen(
                "title = \"Exclusive clouds are over\"",
                &format!("title = \"{title}\""),
                1,
            )
        });
        assert_error(
            &errors,
            "events.toml",
            "future",
            &format!("`title` opens with `{prefix}`: the app shows the source and certainty beside it"),
        );
    }
    // A word that merely begins like a source's name, or a label without
    // its colon, is an ordinary title.
    for title in [
        "Videos move to AWS",
        "Bloggers doubt the deal",
        "Prediction markets favour OpenAI",
    ] {
        let mut texts = fixture();
        let events = texts.get_mut("events.toml").expect("events");
        *events = events.replacen(
            "title = \"Exclusive clouds are over\"",
            &format!("title = \"{title}\""),
            1,
        );
        loader::compile_texts(&texts).unwrap_or_else(|e| panic!("{title:?} should pass: {e:?}"));
    }
}

/// `events` with `key = value` added to the first event of `kind`.
fn with_key(events: &str, kind: &str, value: &str) -> String {
    let kind = format!("kind = \"{kind}\"");
    events.replacen(&kind, &format!("{kind}\nkey = {value}"), 1)
}

#[test]
fn a_key_must_be_true_and_on_an_event_that_happened() {
    let mut texts = fixture();
    let events = texts.get_mut("events.toml").expect("events");
    *events = with_key(events, "happened", "true");
    loader::compile_texts(&texts).expect("a key event that happened is fine");
    let errors = errors_after("events.toml", |t| with_key(t, "happened", "false"));
    assert_error(
        &errors,
        "events.toml",
        "first-deal",
        "`key = false` says nothing: leave `key` out",
    );
    let errors = errors_after("events.toml", |t| with_key(t, "commentary", "true"));
    assert_error(
        &errors,
        "events.toml",
        "future",
        "a key event is one that happened, not `commentary`",
    );
}

/// The fixture's events without the prediction's outcome.
fn without_outcome(events: &str) -> String {
    let start = events.find("[event.outcome]").expect("the fixture has an outcome");
    let end = start + events[start..].find("\n\n").expect("the outcome ends");
    format!("{}{}", &events[..start], &events[end..])
}

#[test]
fn a_past_prediction_without_an_outcome_fails() {
    // Resolved by 2025-12, reviewed 2026-11-23: it must say what became of it.
    let errors = errors_after("events.toml", without_outcome);
    assert_error(
        &errors,
        "events.toml",
        "old-forecast",
        "before the review date 2026-11-23",
    );
    // Measured against the review date, not the clock: a later deadline passes.
    let mut texts = fixture();
    let events = texts.get_mut("events.toml").expect("events");
    *events = without_outcome(&events.replacen("resolves_by = \"2025-12\"", "resolves_by = \"2026-12\"", 1));
    loader::compile_texts(&texts).expect("a prediction not yet due needs no outcome");
}

#[test]
fn a_settled_outcome_needs_its_sources() {
    let errors = errors_after("events.toml", |t| {
        t.replacen("status = \"unresolved\"", "status = \"came-true\"", 1)
    });
    assert_error(
        &errors,
        "events.toml",
        "old-forecast",
        "names the sources that settle it",
    );
}

#[test]
fn a_check_without_a_report_fails() {
    let errors = errors_after("checks.toml", |t| t.replacen("report = \"report\"\n", "", 1));
    assert_error(&errors, "checks.toml", "aws-investment-announced", "names no `report`");
    // Only a public report can check a claim: not one of the five documents.
    let errors = errors_after("checks.toml", |t| {
        t.replacen("report = \"report\"", "report = \"video\"", 1)
    });
    assert_error(&errors, "checks.toml", "aws-investment-announced", "not a news report");
}

#[test]
fn a_check_of_a_missing_claim_fails() {
    let errors = errors_after("checks.toml", |t| t.replacen("figure = 1", "figure = 2", 1));
    assert_error(&errors, "checks.toml", "aws-investment-announced", "has no figure 2");
    let errors = errors_after("checks.toml", |t| {
        t.replacen("version = \"2026\"", "version = \"2024\"", 1)
    });
    assert_error(&errors, "checks.toml", "amendment-date", "unknown version `2024`");
}

#[test]
fn an_alias_that_clashes_with_an_id_fails() {
    let errors = errors_after("events.toml", |t| {
        t.replacen("aliases = [\"aws-invests\"]", "aliases = [\"first-deal\"]", 1)
    });
    assert_error(
        &errors,
        "events.toml",
        "aws-deal",
        "alias `first-deal` clashes with an event id",
    );
}

#[test]
fn an_undated_event_must_say_why() {
    let errors = errors_after("events.toml", |t| {
        t.replacen("date_note = \"The video tells it without a date.\"\n", "", 1)
    });
    assert_error(&errors, "events.toml", "no-date", "needs a `date_note`");
}

#[test]
fn an_implied_term_must_say_what_implies_it() {
    let errors = errors_after("clauses.toml", |t| {
        t.replacen("basis = \"The video says devices were carved out later.\"\n", "", 1)
    });
    assert_error(&errors, "clauses.toml", "hardware.2019", "needs a `basis`");
    let errors = errors_after("clauses.toml", |t| {
        t.replacen(
            "text = \"Covered.\"",
            "text = \"Covered (implied: later carve-out).\"",
            1,
        )
    });
    assert_error(&errors, "clauses.toml", "hardware.2019", "with `status = \"implied\"`");
}

#[test]
fn mixed_table_labels_must_fit() {
    let errors = errors_after("tables.toml", |t| {
        t.replacen(
            "row_certainty = [\"analysis\", \"prediction\"]",
            "row_certainty = [\"analysis\"]",
            1,
        )
    });
    assert_error(&errors, "tables.toml", "market", "has 1 labels for 2");
}

#[test]
fn a_news_report_needs_its_address_and_date() {
    let errors = errors_after("sources.toml", |t| {
        t.replacen("url = \"https://example.org/announcement\"\n", "", 1)
    });
    assert_error(&errors, "sources.toml", "report", "needs an https:// `url`");
    let errors = errors_after("sources.toml", |t| {
        t.replacen("date = \"2026-02-27\"", "date = \"2026-02\"", 1)
    });
    assert_error(&errors, "sources.toml", "report", "`date` is YYYY-MM-DD");
}

#[test]
fn the_correction_log_covers_this_review() {
    let errors = errors_after("dataset.toml", |t| t.replacen("2026-11-23", "2026-11-30", 1));
    assert_error(&errors, "corrections.toml", "-", "no entry for this review, 2026-11-30");
}
