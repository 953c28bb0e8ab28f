//! The timeline: the filters, the drawing to scale, and the events grouped
//! by year, each part in its own module and reading only the slice of the
//! state it shows.
//!
//! Only the first [`PAGE`](crate::filter::PAGE) matching events are
//! rendered, with more added as the reader nears the end of the list, so a
//! keystroke costs the same at 100 events as at 100,000.

mod drawing;
mod event;
mod filters;
mod list;

pub use drawing::TimelineDrawing;
pub use event::EventRow;

use super::{hooks, use_app};
use crate::filter;
use crate::text;
use leptos::prelude::*;

/// The timeline view.
#[component]
pub fn TimelineView() -> impl IntoView {
    let app = use_app();
    let outcome = Memo::new(move |_| {
        let order = app.timeline.with(|t| t.order);
        app.filters.with(|f| filter::run(app.data, app.index, f, order))
    });
    // A memo, so rows sleep through keystrokes that leave the terms alone
    // (a trailing space, a repeated letter that is then deleted).
    let terms = Memo::new(move |_| app.filters.with(|f| text::terms(&f.q)));
    // The option counts and the drawing follow a frame after the list.
    let settled = hooks::use_after_paint(outcome);
    let total = app.data.events.len();

    view! {
        <div class="timeline">
            <h2 class="visually-hidden">"Timeline"</h2>
            <filters::FilterPanel outcome=settled />
            <div class="results">
                <p class="count" data-testid="event-count" role="status" aria-live="polite" aria-atomic="true">
                    {move || format!("{} of {total} events", outcome.with(|o| o.events.len()))}
                </p>
                <drawing::TimelineDrawing outcome=settled />
                <list::LayoutSwitch />
                <list::EventList outcome terms />
            </div>
        </div>
    }
}
