//! The native oracle: what the app's own logic, run natively on the same
//! dataset and URL, says a page should show. Scenarios compare the page
//! with it, and pin a few facts literally on top so the two cannot drift
//! together unnoticed.

use pactline::data;
use pactline::filter::{self, Outcome, SearchIndex};
use pactline::model::Dataset;
use pactline::state::ViewState;
use pactline::synthetic;
use pactline::url_state::{self, Ignored};

/// The dataset the app is built with.
pub fn data() -> &'static Dataset {
    data::builtin()
}

/// `query` as the app reads it. Fails if the app would ignore any part of
/// it: a scenario means every value it puts in a URL.
pub fn view_state(query: &str) -> Result<ViewState, String> {
    let (state, ignored) = ViewState::parse(query, data());
    if ignored.is_empty() {
        Ok(state)
    } else {
        let ignored: Vec<String> = ignored.iter().map(ToString::to_string).collect();
        Err(format!("test bug: the app would ignore {ignored:?} in {query:?}"))
    }
}

/// `query`'s state with `embed` set as given.
pub fn with_embed(query: &str, embed: bool) -> Result<ViewState, String> {
    Ok(ViewState {
        embed,
        ..view_state(query)?
    })
}

/// The events the timeline shows for `query`, as indexes into the dataset,
/// in display order.
pub fn filtered_events(query: &str) -> Result<Vec<usize>, String> {
    let state = view_state(query)?;
    Ok(filter::run(
        data(),
        &SearchIndex::new(data()),
        &state.timeline.filters,
        state.timeline.order,
    )
    .events)
}

/// What the native filter makes of a query: what it ignores and the
/// outcome, on the dataset the app would use for it.
pub struct TimelineOracle {
    /// The dataset the app uses for the query (`synthetic=N` swaps it).
    pub data: &'static Dataset,
    /// Values the parser dropped.
    pub ignored: Vec<Ignored>,
    /// Matching events and facet counts.
    pub outcome: Outcome,
}

impl TimelineOracle {
    /// Parses `query` as the app does (`synthetic=N` swaps the dataset)
    /// and filters.
    pub fn for_query(query: &str) -> Self {
        let data: &'static Dataset = match url_state::synthetic_size(query) {
            Some(n) => Box::leak(Box::new(synthetic::dataset(data::builtin(), n as usize))),
            None => data::builtin(),
        };
        let (state, ignored) = ViewState::parse(query, data);
        let outcome = filter::run(
            data,
            &SearchIndex::new(data),
            &state.timeline.filters,
            state.timeline.order,
        );
        Self { data, ignored, outcome }
    }

    /// The ids of the matching events, in display order.
    pub fn ids(&self) -> Vec<&'static str> {
        self.outcome.events.iter().map(|&i| self.data.events[i].id).collect()
    }

    /// The live count's text, "N of M events".
    pub fn count_text(&self) -> String {
        format!("{} of {} events", self.outcome.events.len(), self.data.events.len())
    }
}
