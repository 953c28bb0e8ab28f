//! The static summary for readers without JavaScript or WebAssembly.

use crate::fixture::{FIXTURE, year};
use pactline::model::*;
use pactline::summary::static_summary;

#[test]
fn the_summary_lists_the_first_and_last_version_clause_by_clause() {
    let html = static_summary(&FIXTURE);
    assert!(html.contains("<th scope=\"col\">2019</th><th scope=\"col\">2026</th>"));
    assert!(html.contains("<tr><th scope=\"row\">Cloud exclusivity</th><td>Azure is the exclusive cloud.</td><td>Any cloud; Azure ships first.</td><td>Changed in 2025 and 2026</td></tr>"));
    assert!(html.contains("<td>Not stated in the sources.</td>"));
    // A term the 2026 version does not mention is carried forward, and says so.
    assert!(html.contains("Excluded from Microsoft&#39;s licence. <small>(In force since 2025; the 2026 version does not mention it.)</small>"), "{html}");
}

#[test]
fn the_summary_says_why_the_interactive_view_is_missing() {
    let html = static_summary(&FIXTURE);
    assert!(html.contains("<noscript>"));
    assert!(html.contains("WebAssembly"));
    assert!(html.contains("2026-11-23.fixture"));
}

/// Markup in any text the summary shows: an event title, a clause name, a
/// term. The summary is pasted into `index.html`, so it must stay text.
const MARKUP: &str = "<script>alert(1)</script><b>bold</b> & more";

static EVENTS: [Event; 1] = [Event {
    id: "hostile",
    aliases: &[],
    date: When::Dated(year(2026)),
    title: MARKUP,
    summary: "",
    parties: &["openai"],
    topics: &["cloud"],
    kind: EventKind::Happened,
    key: false,
    certainty: Certainty::Reported,
    sources: &["news"],
    figures: &[],
    resolves_by: None,
    resolution: None,
    clause_changes: &[ClauseRef {
        clause: "hostile",
        version: "2026",
    }],
}];

const fn stated(version: &'static str) -> Term {
    Term {
        version,
        status: TermStatus::Stated,
        basis: None,
        short: MARKUP,
        text: MARKUP,
        fields: &[],
        sources: &["news"],
        dated: false,
        premise: None,
        change: None,
    }
}

static CLAUSES: [Clause; 1] = [Clause {
    id: "hostile",
    name: MARKUP,
    question: "",
    labels: &[],
    terms: &[stated("2019"), stated("2025"), stated("2026")],
}];

#[test]
fn markup_in_the_data_stays_text_in_the_summary() {
    let data = Dataset {
        events: &EVENTS,
        clauses: &CLAUSES,
        ..FIXTURE
    };
    let html = static_summary(&data);
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; more";
    // The title, the clause name, and its terms in the first and last
    // versions (the two the summary compares).
    assert_eq!(html.matches(escaped).count(), 4, "{html}");
    assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
}

#[test]
fn the_real_summary_is_well_formed() {
    let html = static_summary(pactline::data::builtin());
    assert!(!html.contains("<script"));
    assert_eq!(html.matches("<table>").count(), 1);
    assert_eq!(html.matches("<tr>").count(), html.matches("</tr>").count());
}

#[test]
fn link_previews_name_the_app_and_add_the_image_only_where_the_address_is_known() {
    let bare = pactline::summary::social_meta(None);
    assert!(
        bare.contains(
            "<meta property=\"og:title\" content=\"Pactline — how the Microsoft–OpenAI partnership changed\">"
        )
    );
    assert!(bare.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    assert!(!bare.contains("og:image") && !bare.contains("og:url"));
    let deployed = pactline::summary::social_meta(Some("https://example.org/pactline"));
    assert!(
        deployed.contains("<meta property=\"og:image\" content=\"https://example.org/pactline/icons/icon-512.png\">")
    );
    assert!(deployed.contains("<meta property=\"og:url\" content=\"https://example.org/pactline/\">"));
    // Only a web address can be a preview's address.
    assert!(!pactline::summary::social_meta(Some("javascript:alert(1)")).contains("og:url"));
}
