//! Citations of a view, an event and a clause, in text and BibTeX, and a
//! copy opened from a file citing no address of its own.

use crate::fixture::FIXTURE;
use pactline::cite::{Target, cite};
use pactline::state::ViewState;

const HREF: &str = "https://example.org/pactline/?view=timeline";

fn state(query: &str) -> ViewState {
    ViewState::parse(query, &FIXTURE).0
}

#[test]
fn a_view_is_cited_with_its_link_version_and_date() {
    let c = cite(
        &FIXTURE,
        HREF,
        &state("view=timeline&party=openai&utm_source=x"),
        Target::View,
        "2026-12-02",
    );
    assert_eq!(
        c.text,
        "Pactline: the Microsoft–OpenAI partnership, 2019–2026 (dataset version 2026-11-23.fixture). \
         https://example.org/pactline/?view=timeline&party=openai. Accessed 2026-12-02."
    );
    assert!(c.bibtex.starts_with("@misc{pactline-view,\n"));
    assert!(
        c.bibtex
            .contains("howpublished = {\\url{https://example.org/pactline/?view=timeline&party=openai}}")
    );
}

#[test]
fn an_event_is_cited_with_its_sources() {
    let c = cite(
        &FIXTURE,
        HREF,
        &state("view=clauses"),
        Target::Event("aws-2026"),
        "2026-12-02",
    );
    assert!(
        c.text.starts_with("“AWS invests $50B” (Mar 2026). In Pactline"),
        "{}",
        c.text
    );
    assert!(c.text.contains("?view=timeline&event=aws-2026."), "{}", c.text);
    assert!(
        c.text
            .ends_with("Sources: “A news post”, news post; “A vidéo summary”, news post"),
        "{}",
        c.text
    );
    // One entry for Pactline, one per source; TeX's specials escaped.
    assert_eq!(c.bibtex.matches("@misc{").count(), 3);
    assert!(
        c.bibtex
            .contains("title = {“AWS invests \\$50B” (Mar 2026), in Pactline")
    );
    assert!(c.bibtex.contains("@misc{source-news,"));
}

#[test]
fn a_clause_is_cited_with_the_sources_of_its_term() {
    let c = cite(
        &FIXTURE,
        HREF,
        &state(""),
        Target::Clause("cloud", "2026"),
        "2026-12-02",
    );
    assert!(
        c.text.starts_with("“Cloud exclusivity”, 2026 terms. In Pactline"),
        "{}",
        c.text
    );
    assert!(c.text.contains("?view=clauses&clause=cloud."), "{}", c.text);
    assert!(c.text.ends_with("Source: “A news post”, news post"), "{}", c.text);
}

#[test]
fn a_copy_opened_from_a_file_cites_no_file_address() {
    let c = cite(
        &FIXTURE,
        "file:///home/me/pactline.html",
        &state(""),
        Target::View,
        "2026-12-02",
    );
    assert!(!c.text.contains("file:"), "{}", c.text);
    assert!(c.text.contains("cite the address where Pactline is published"));
    assert!(!c.bibtex.contains("file:"));
}
