//! What an embed shows when the blogger asks for less than a whole view
//! (`preset=`): one event, one clause across the versions, the scoreboard,
//! one conflict, or a stretch of the timeline. No controls; a link opens
//! the same view in Pactline, and whatever does not fit the embed's height
//! says so with "Show all in Pactline".

use super::clauses::{ClauseAcross, Scoreboard};
use super::sources::ConflictCard;
use super::timeline::{EventRow, TimelineDrawing};
use super::use_app;
use crate::filter;
use crate::state::Preset;
use crate::text;
use leptos::prelude::*;

/// The preset's content and the link to the rest.
#[component]
pub fn PresetView(preset: Preset) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let state = app.view.get_untracked();
    let terms = Memo::new(move |_| app.filters.with(|f| text::terms(&f.q)));
    let full = app.href(|s| {
        s.embed = false;
        s.preset = None;
        s.view = preset.view();
    });
    let body = match preset {
        Preset::Event => state
            .timeline
            .event
            .as_deref()
            .and_then(|id| data.events.iter().position(|e| e.id == id))
            .map(|index| view! { <EventRow index terms today=app.today /> }.into_any()),
        Preset::Clause => state
            .comparison
            .clause
            .as_deref()
            .and_then(|id| data.clause(id))
            .map(|clause| view! { <ClauseAcross clause /> }.into_any()),
        Preset::Scoreboard => Some(view! { <Scoreboard /> }.into_any()),
        Preset::Conflict => state
            .conflict
            .as_deref()
            .and_then(|id| data.conflicts.iter().find(|c| c.id == id))
            .map(|conflict| view! { <ConflictCard conflict /> }.into_any()),
        Preset::Range => Some(view! { <RangeEvents /> }.into_any()),
    };
    view! {
        <div class="preset" data-testid="preset" data-preset=preset.id()>
            {body}
            <p class="show-all">
                <a href=full target="_blank" rel="noopener" data-testid="show-all">
                    "Show all in Pactline ↗"
                </a>
            </p>
        </div>
    }
}

/// The drawing of the events the timeline's filters match, the first
/// `limit=` of them as cards, and how many more Pactline has.
#[component]
fn RangeEvents() -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let limit = app.view.with_untracked(|s| s.limit());
    // The drawing can narrow the dates; the cards follow it.
    let outcome = Memo::new(move |_| {
        let order = app.timeline.with(|t| t.order);
        app.filters.with(|f| filter::run(data, app.index, f, order))
    });
    let terms = Memo::new(move |_| app.filters.with(|f| text::terms(&f.q)));
    let count = move || {
        let described = app.filters.with(|f| filter::describe(data, f));
        format!(
            "{} of {} events{}",
            outcome.with(|o| o.events.len()),
            data.events.len(),
            if described.is_empty() {
                String::new()
            } else {
                format!(": {}", described.join("; "))
            },
        )
    };
    let more = move || outcome.with(|o| o.events.len().saturating_sub(limit));
    view! {
        <section class="range" data-testid="range">
            <p class="count">{count}</p>
            <TimelineDrawing outcome />
            <div class="event-cards">
                {move || {
                    outcome
                        .with(|o| o.events.iter().copied().take(limit).collect::<Vec<_>>())
                        .into_iter()
                        .map(|index| view! { <EventRow index terms today=app.today /> })
                        .collect_view()
                }}
            </div>
            <Show when=move || { more() > 0 }>
                <p class="range-more">{move || format!("{} more in Pactline.", more())}</p>
            </Show>
        </section>
    }
}
