//! What the embed builder hands a blogger: three snippets for the view or
//! preset chosen (the script embed with a readable fallback inside it, a
//! plain iframe, and a plain link with a one-line summary), and the words
//! each embed is titled and summed up by.

use crate::filter;
use crate::model::Dataset;
use crate::share::{escape_html, folder_url, page_url};
use crate::state::{Preset, Theme, View, ViewState};

/// The blogger's choices beside the view itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// A forced theme, or `None` to follow the reader's.
    pub theme: Option<Theme>,
    /// A fixed height in CSS pixels, or `None` to fit the content.
    pub height: Option<u32>,
}

/// The three ways to put a view in a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippets {
    /// A `<div data-pactline>` holding a readable fallback, then
    /// `embed.js`, which swaps the fallback for an iframe that fits.
    pub script: String,
    /// A plain iframe with a fixed height and a title, for platforms that
    /// strip scripts.
    pub iframe: String,
    /// A plain link with a one-line summary, for newsletters and feed
    /// readers that strip both.
    pub link: String,
}

/// The sandbox a plain iframe can carry: scripts and its own origin (for
/// the service worker and storage), and popups for "Open in Pactline".
/// Scripts alone also work where the app's host sends
/// `Access-Control-Allow-Origin` (README, Deploying): the snippet keeps its
/// own origin so that it works on any host.
pub const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// A good fixed height for a plain iframe of `state`: what its content
/// usually takes at a column's width, so a reader scrolls inside it rarely.
pub fn fixed_height(state: &ViewState) -> u32 {
    match state.preset {
        Some(Preset::Event) => 560,
        Some(Preset::Conflict) => 460,
        Some(Preset::Clause) => 720,
        Some(Preset::Scoreboard) => 900,
        Some(Preset::Range) => 760,
        None => 640,
    }
}

/// The embed's title, for the iframe's `title` and the link's text.
pub fn title(data: &Dataset, state: &ViewState) -> String {
    let what = match state.preset {
        Some(Preset::Event) => state
            .timeline
            .event
            .as_deref()
            .and_then(|id| data.event(id))
            .map(|e| e.title.to_string()),
        Some(Preset::Clause) => state
            .comparison
            .clause
            .as_deref()
            .and_then(|id| data.clause(id))
            .map(|c| format!("{} across the versions", c.name)),
        Some(Preset::Conflict) => state
            .conflict
            .as_deref()
            .and_then(|id| data.conflicts.iter().find(|c| c.id == id))
            .map(|c| c.title.to_string()),
        Some(Preset::Scoreboard) => Some("Every clause in every version".to_string()),
        Some(Preset::Range) | None => match state.view {
            View::Timeline => Some("Timeline".to_string()),
            View::Clauses => Some("How each clause changed".to_string()),
            View::Sources => Some("Sources".to_string()),
        },
    };
    match what {
        Some(what) => format!("Pactline: {what}"),
        None => "Pactline: the Microsoft–OpenAI partnership".to_string(),
    }
}

/// One line that says what the embed shows, for a newsletter.
pub fn summary(data: &Dataset, state: &ViewState) -> String {
    match state.preset {
        Some(Preset::Event) => state
            .timeline
            .event
            .as_deref()
            .and_then(|id| data.event(id))
            .map(|e| format!("{} ({}), with its sources.", e.title, e.date)),
        Some(Preset::Clause) => state
            .comparison
            .clause
            .as_deref()
            .and_then(|id| data.clause(id))
            .map(|c| format!("{} in each version of the agreement, 2019–2026.", c.question)),
        Some(Preset::Conflict) => state
            .conflict
            .as_deref()
            .and_then(|id| data.conflicts.iter().find(|c| c.id == id))
            .map(|c| c.summary.to_string()),
        _ => None,
    }
    .unwrap_or_else(|| {
        let filters = filter::describe(data, &state.timeline.filters);
        match (state.view, filters.is_empty()) {
            (View::Timeline, false) => format!("Events of the Microsoft–OpenAI partnership: {}.", filters.join("; ")),
            (View::Clauses, _) => "How each clause of the Microsoft–OpenAI agreement changed, 2019–2026.".to_string(),
            _ => {
                "How the Microsoft–OpenAI partnership changed, 2019–2026, every claim traced to its source.".to_string()
            }
        }
    })
}

/// The three snippets for `state`, on the page at `href`.
pub fn snippets(data: &Dataset, href: &str, state: &ViewState, options: Options) -> Snippets {
    let state = ViewState {
        embed: false,
        theme: options.theme,
        ..state.without_extra()
    };
    let query = state.to_query();
    let full = format!("{}{query}", page_url(href));
    let framed = ViewState {
        embed: true,
        ..state.clone()
    }
    .to_query();
    let title = title(data, &state);
    let summary = summary(data, &state);
    let fallback = format!(
        "<p><strong>{}</strong></p><p>{}</p><p><a href=\"{}\">See it in Pactline</a></p>",
        escape_html(&title),
        escape_html(&summary),
        escape_html(&full)
    );
    let height_attr = options
        .height
        .map_or(String::new(), |h| format!(" data-height=\"{h}\""));
    let script = format!(
        "<div data-pactline=\"{}\" data-title=\"{}\"{height_attr}>{fallback}</div>\n<script src=\"{}embed.js\" async></script>",
        escape_html(&query),
        escape_html(&title),
        escape_html(folder_url(href))
    );
    let iframe = format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" style=\"border:0;max-width:100%\" loading=\"lazy\" referrerpolicy=\"strict-origin-when-cross-origin\" sandbox=\"{SANDBOX}\"></iframe>",
        escape_html(&format!("{}{framed}", page_url(href))),
        escape_html(&title),
        options.height.unwrap_or_else(|| fixed_height(&state))
    );
    let link = format!(
        "<p><a href=\"{}\">{}</a>: {}</p>",
        escape_html(&full),
        escape_html(&title),
        escape_html(&summary)
    );
    Snippets { script, iframe, link }
}
