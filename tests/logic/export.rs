//! CSV (RFC 4180, formula-safe) and JSON downloads.

use crate::fixture::FIXTURE;
use pactline::export::{self, csv_cell};

#[test]
fn plain_cells_are_left_alone() {
    assert_eq!(csv_cell("Azure"), "Azure");
    assert_eq!(csv_cell(""), "");
}

#[test]
fn cells_with_commas_quotes_or_newlines_are_quoted() {
    assert_eq!(csv_cell("a, b"), "\"a, b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
}

#[test]
fn formula_cells_are_neutralised() {
    for bad in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "=HYPERLINK(\"http://x\",\"y\")"] {
        let cell = csv_cell(bad);
        let inner = cell.trim_start_matches('"');
        assert!(inner.starts_with('\''), "{bad} became {cell}");
    }
}

#[test]
fn the_csv_has_a_header_and_one_row_per_event_in_order() {
    let csv = export::events_csv(&FIXTURE, &[2, 0]);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("id,date,title,summary,certainty,parties"));
    assert!(lines[1].starts_with("aws-2026,Mar 2026,AWS invests $50B,"));
    assert!(lines[1].contains("Amazon; OpenAI"));
    assert!(lines[1].contains("A news post (000_fixture.txt); A vidéo summary (000_fixture.txt)"));
    // The last column says what public reports say of the headline figures.
    assert!(lines[1].ends_with(",2026-11-23.fixture,$50B: Unchecked against public reports"));
    assert!(lines[2].starts_with("deal-2019,2019,"));
    assert_eq!(lines[3], "");
    assert_eq!(lines.len(), 4);
}

#[test]
fn markup_in_the_data_stays_text_in_the_csv() {
    let csv = export::events_csv(&FIXTURE, &[3]);
    assert!(csv.contains("<script>alert(1)</script> pilot on TPUs"));
}

#[test]
fn the_json_is_valid_and_carries_version_and_sources_note() {
    let json = export::dataset_json(&FIXTURE);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["version"], "2026-11-23.fixture");
    assert_eq!(value["note"], export::SOURCES_NOTE);
    assert_eq!(value["events"].as_array().map(Vec::len), Some(4));
    assert_eq!(value["events"][3]["title"], "<script>alert(1)</script> pilot on TPUs");
    assert_eq!(value["clauses"][1]["terms"][2]["fields"]["ends"], 2030);
    assert_eq!(value["clauses"][0]["terms"][0]["fields"]["exclusive"], true);
    assert_eq!(value["clauses"][4]["terms"][0]["status"], "not stated in the sources");
    assert_eq!(value["sources"][1]["title"], "A vidéo summary");
}

#[test]
fn the_real_dataset_exports_valid_json() {
    let data = pactline::data::builtin();
    let value: serde_json::Value = serde_json::from_str(&export::dataset_json(data)).expect("valid JSON");
    assert_eq!(value["events"].as_array().map(Vec::len), Some(data.events.len()));
    assert_eq!(value["checks"].as_array().map(Vec::len), Some(data.checks.len()));
    assert_eq!(value["licence"]["name"], data.licence.name);
    assert_eq!(value["corrections"][0]["date"], data.corrections[0].date);
}
