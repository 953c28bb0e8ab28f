//! Copy link, embed snippets and citations.

use pactline::share;
use pactline::state::{Comparison, Filters, Timeline, View, ViewState};

const HREF: &str = "https://example.org/blog/assets/pactline/?view=timeline&q=x&embed=1#top";

/// A timeline searching for `q`.
fn searching(q: &str) -> Timeline {
    Timeline {
        filters: Filters {
            q: q.into(),
            ..Filters::default()
        },
        ..Timeline::default()
    }
}

fn clauses() -> ViewState {
    ViewState {
        view: View::Clauses,
        comparison: Comparison {
            a: Some("2019".into()),
            b: Some("2026".into()),
            ..Comparison::default()
        },
        ..ViewState::default()
    }
}

#[test]
fn links_keep_the_sub_path_and_drop_embed_mode() {
    let state = ViewState {
        embed: true,
        timeline: searching("azure"),
        ..ViewState::default()
    };
    assert_eq!(
        share::link(HREF, &state),
        "https://example.org/blog/assets/pactline/?view=timeline&q=azure"
    );
}

#[test]
fn embed_snippets_point_at_the_apps_folder() {
    let s = pactline::embed::snippets(
        &crate::fixture::FIXTURE,
        HREF,
        &clauses(),
        pactline::embed::Options::default(),
    );
    assert!(
        s.script
            .starts_with("<div data-pactline=\"?view=clauses&amp;a=2019&amp;b=2026\""),
        "{}",
        s.script
    );
    assert!(
        s.script
            .ends_with("</div>\n<script src=\"https://example.org/blog/assets/pactline/embed.js\" async></script>")
    );
    assert!(s.iframe.starts_with(
        "<iframe src=\"https://example.org/blog/assets/pactline/?view=clauses&amp;a=2019&amp;b=2026&amp;embed=1\""
    ));
}

#[test]
fn a_single_file_page_embeds_from_its_folder() {
    assert_eq!(
        share::folder_url("file:///home/me/pactline.html?view=sources"),
        "file:///home/me/"
    );
    assert_eq!(
        share::page_url("file:///home/me/pactline.html?view=sources"),
        "file:///home/me/pactline.html"
    );
}

#[test]
fn markup_in_the_state_is_escaped_in_snippets() {
    let state = ViewState {
        timeline: searching("\"><script>x</script>"),
        ..ViewState::default()
    };
    let s = pactline::embed::snippets(
        &crate::fixture::FIXTURE,
        HREF,
        &state,
        pactline::embed::Options::default(),
    );
    assert!(!s.script.contains("<script>x"));
    // Only the iframe's own tags open; the query stays inside its attribute.
    assert_eq!(s.iframe.matches('<').count(), 2, "{}", s.iframe);
    assert!(
        s.iframe.contains("q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E"),
        "{}",
        s.iframe
    );
}

#[test]
fn citations_name_version_link_and_access_date() {
    let cite = pactline::cite::cite(
        &crate::fixture::FIXTURE,
        HREF,
        &clauses(),
        pactline::cite::Target::View,
        "2026-11-23",
    );
    assert_eq!(
        cite.text,
        "Pactline: the Microsoft–OpenAI partnership, 2019–2026 (dataset version 2026-11-23.fixture). https://example.org/blog/assets/pactline/?view=clauses&a=2019&b=2026. Accessed 2026-11-23."
    );
}

#[test]
fn an_error_report_by_mail_names_the_dataset_version_and_the_claim() {
    let link = share::error_report_link(
        "mailto:corrections@example.org",
        "2026-12-02.abc",
        Some("https://example.org/?event=x"),
    );
    assert!(link.starts_with("mailto:corrections@example.org?subject=Pactline%20correction%20%28dataset%202026-12-02.abc%29&body=About%3A%20https%3A%2F%2Fexample.org%2F%3Fevent%3Dx"), "{link}");
    // A mail client reads `+` literally, so no space is written as one.
    assert!(!link.contains('+'));
    // An address with a query of its own keeps it.
    assert!(
        share::error_report_link("mailto:a@example.org?cc=b@example.org", "v", None)
            .contains("?cc=b@example.org&subject=")
    );
    // A web form is used as it is.
    assert_eq!(
        share::error_report_link("https://example.org/report", "v", None),
        "https://example.org/report"
    );
}
