//! The states of the app a reader can open by URL that the accessibility,
//! layout and HTML checks go through: every view, the timeline as a table
//! and with an event expanded, and the clause comparison inline.

use pactline::checks::{self, Corroboration};
use pactline::model::{ClaimRef, Event};

use super::page::Page;

/// One state of the app a reader can open by URL.
pub struct ViewCase {
    /// A short name, for messages and artifact file names.
    pub name: &'static str,
    /// Its URL query.
    pub query: String,
    /// Matches once the state has rendered.
    pub ready: String,
}

/// Every view the accessibility and layout checks cover: the three views,
/// the timeline as a table and with an event expanded, and the clause
/// comparison inline.
pub fn views() -> Vec<ViewCase> {
    let event = expanded_event_id();
    let case = |name, query: &str, ready: &str| ViewCase {
        name,
        query: query.to_owned(),
        // In the running app, not in a first screen rendered at build
        // time, which the app replaces as it starts.
        ready: format!("#app {ready}"),
    };
    vec![
        case("timeline", "view=timeline", r#"[data-testid="event"]"#),
        case(
            "timeline-table",
            "view=timeline&layout=table",
            "table.event-table tbody tr",
        ),
        case(
            "timeline-event",
            &format!("view=timeline&event={event}"),
            &format!("#event-body-{event}"),
        ),
        case("clauses", "view=clauses", r#"[data-testid="clause-row"]"#),
        case(
            "clauses-inline",
            "view=clauses&mode=inline",
            r#"[data-testid="reworded"]"#,
        ),
        case("sources", "view=sources", r#"[data-testid="source"]"#),
    ]
}

/// Every embed preset on real data, embedded (`embed=1`): the accessibility
/// checks run on each.
pub fn presets() -> Vec<ViewCase> {
    let data = pactline::data::builtin();
    let event = expanded_event_id();
    let conflict = data.conflicts.first().map_or("", |c| c.id);
    [
        ("preset-event", format!("view=timeline&preset=event&event={event}")),
        (
            "preset-clause",
            "view=clauses&preset=clause&clause=compute-rofr".to_string(),
        ),
        ("preset-scoreboard", "view=clauses&preset=scoreboard".to_string()),
        (
            "preset-conflict",
            format!("view=sources&preset=conflict&conflict={conflict}"),
        ),
        ("preset-range", "view=timeline&preset=range&party=amazon".to_string()),
    ]
    .into_iter()
    .map(|(name, query)| ViewCase {
        name,
        ready: format!(
            r#"#app [data-testid="preset"][data-preset="{}"]"#,
            &name["preset-".len()..]
        ),
        query: format!("{query}&embed=1"),
    })
    .collect()
}

/// The event shown expanded: the first with the most to show (a key figure,
/// a conflict, clause changes and a public report that contradicts it), so
/// its body has every kind of content.
pub fn expanded_event_id() -> &'static str {
    let data = pactline::data::builtin();
    let rich = |e: &&Event| {
        !e.figures.is_empty() && !e.clause_changes.is_empty() && data.conflicts_of_event(e.id).next().is_some()
    };
    let contradicted = |e: &&Event| checks::status(data, ClaimRef::Figure(e.id, 0)) == Corroboration::Contradicted;
    data.events
        .iter()
        .find(|e| rich(e) && contradicted(e))
        .or_else(|| data.events.iter().find(rich))
        .or_else(|| data.events.first())
        .map_or("", |e| e.id)
}

/// Opens `case` with `extra` (`&name=value…`, or empty) added to its query
/// and waits until it has rendered, including the theme if `extra` sets one.
pub async fn open_case(page: &Page, case: &ViewCase, extra: &str) -> Result<(), String> {
    page.open(&format!("{}{extra}", case.query)).await?;
    page.wait_for(&case.ready).await?;
    for theme in ["light", "dark"] {
        if extra.contains(&format!("theme={theme}")) {
            page.wait_for(&format!(r#"html[data-theme="{theme}"]"#)).await?;
        }
    }
    Ok(())
}
