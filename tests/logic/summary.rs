//! The static summary for readers without JavaScript or WebAssembly.

use crate::fixture::FIXTURE;
use pactline::summary::static_summary;

#[test]
fn the_summary_lists_the_first_and_last_version_clause_by_clause() {
    let html = static_summary(&FIXTURE);
    assert!(html.contains("<th scope=\"col\">2019</th><th scope=\"col\">2026</th>"));
    assert!(html.contains("<tr><th scope=\"row\">Cloud exclusivity</th><td>Azure is the exclusive cloud.</td><td>Any cloud; Azure ships first.</td><td>Changed</td></tr>"));
    assert!(html.contains("<td>Not stated in the sources.</td>"));
}

#[test]
fn the_summary_says_why_the_interactive_view_is_missing() {
    let html = static_summary(&FIXTURE);
    assert!(html.contains("<noscript>"));
    assert!(html.contains("WebAssembly"));
    assert!(html.contains("2026-11-23.fixture"));
}

#[test]
fn data_in_the_summary_is_escaped() {
    let html = static_summary(pactline::data::builtin());
    assert!(!html.contains("<script"));
    assert!(html.matches("<table>").count() == 1);
}
