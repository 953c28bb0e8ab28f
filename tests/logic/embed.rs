//! The embed builder's snippets: a fallback inside the script embed, a
//! plain iframe with a fixed height, title and sandbox, a plain link with a
//! one-line summary; theme and height carried; markup kept as text.

use crate::fixture::FIXTURE;
use pactline::embed::{Options, SANDBOX, fixed_height, snippets, summary, title};
use pactline::state::{Theme, ViewState};

const HREF: &str = "https://example.org/blog/pactline/?view=timeline";

fn state(query: &str) -> ViewState {
    ViewState::parse(query, &FIXTURE).0
}

#[test]
fn an_event_preset_embeds_three_ways_with_a_fallback() {
    let s = snippets(
        &FIXTURE,
        HREF,
        &state("preset=event&event=aws-2026&utm_source=x"),
        Options::default(),
    );
    assert_eq!(
        s.script,
        "<div data-pactline=\"?view=timeline&amp;event=aws-2026&amp;preset=event\" data-title=\"Pactline: AWS invests $50B\">\
         <p><strong>Pactline: AWS invests $50B</strong></p><p>AWS invests $50B (Mar 2026), with its sources.</p>\
         <p><a href=\"https://example.org/blog/pactline/?view=timeline&amp;event=aws-2026&amp;preset=event\">See it in Pactline</a></p></div>\n\
         <script src=\"https://example.org/blog/pactline/embed.js\" async></script>"
    );
    assert!(
        s.iframe
            .contains("?view=timeline&amp;event=aws-2026&amp;embed=1&amp;preset=event\""),
        "{}",
        s.iframe
    );
    assert!(s.iframe.contains(&format!(
        "height=\"{}\"",
        fixed_height(&state("preset=event&event=aws-2026"))
    )));
    assert!(
        s.iframe.contains(&format!("sandbox=\"{SANDBOX}\""))
            && s.iframe.contains("title=\"Pactline: AWS invests $50B\"")
    );
    // The host's site, never its post, whatever the host's own policy
    // (README, Embedding); and no wasm for an embed nobody scrolls to.
    assert!(
        s.iframe.contains("referrerpolicy=\"strict-origin-when-cross-origin\"")
            && s.iframe.contains("loading=\"lazy\"")
    );
    assert_eq!(
        s.link,
        "<p><a href=\"https://example.org/blog/pactline/?view=timeline&amp;event=aws-2026&amp;preset=event\">Pactline: AWS invests $50B</a>: AWS invests $50B (Mar 2026), with its sources.</p>"
    );
}

#[test]
fn theme_and_a_fixed_height_are_carried() {
    let options = Options {
        theme: Some(Theme::Dark),
        height: Some(800),
    };
    let s = snippets(&FIXTURE, HREF, &state("view=clauses&preset=scoreboard"), options);
    assert!(s.script.contains("theme=dark") && s.script.contains("data-height=\"800\""));
    assert!(s.iframe.contains("height=\"800\"") && s.iframe.contains("theme=dark"));
}

#[test]
fn a_whole_view_keeps_todays_embed_and_markup_stays_text() {
    let s = snippets(&FIXTURE, HREF, &state("view=timeline&q=<b>x</b>"), Options::default());
    assert!(!s.script.contains("data-height") && !s.script.contains("<b>x"));
    assert_eq!(title(&FIXTURE, &state("view=timeline")), "Pactline: Timeline");
    assert_eq!(
        summary(&FIXTURE, &state("view=timeline&party=openai")),
        "Events of the Microsoft–OpenAI partnership: parties: OpenAI."
    );
}
