//! The two tools compared, the datasets they are given, and what "loaded"
//! and "one interaction" mean for each.
//!
//! Everything tool-specific the measurement needs is here, as data: where
//! the tool is served, which elements are its events, how many of them it
//! shows once loaded, and the interaction to time. `measure.rs` treats both
//! tools alike through this.

use pactline::filter::{self, SearchIndex};
use pactline::state::{Filters, Order};
use serde_json::{Value, json};

/// What the bench types into Pactline's search box, one keystroke at a
/// time: each prefix narrows the synthetic and the real events
/// differently, so every keystroke changes what is shown.
pub const QUERY: &str = "chip";

/// How many times the bench clicks TimelineJS's "next slide" per run.
pub const NEXT_SLIDE_CLICKS: usize = 2;

/// The tool being measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// This app, the release build.
    Pactline,
    /// Knight Lab's TimelineJS, from npm.
    TimelineJs,
}

/// A dataset: the built-in one, or `n` synthetic events
/// (`pactline::synthetic::events`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Data {
    /// Pactline's own 106 events (no `?synthetic=`).
    Real,
    /// `n` generated events, the same for both tools.
    Synthetic(usize),
}

impl Data {
    /// How many events the dataset has.
    pub fn events(self) -> usize {
        match self {
            Self::Real => pactline::data::builtin().events.len(),
            Self::Synthetic(n) => n,
        }
    }

    /// How the tables name it: `1,000` or `106 (real)`.
    pub fn label(self) -> String {
        let count = thousands(self.events() as u64);
        match self {
            Self::Real => format!("{count} (real)"),
            Self::Synthetic(_) => count,
        }
    }
}

/// `12345` as `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// When a tool counts as loaded. Either way the bench also waits until a
/// rendered frame shows every event element then in the DOM.
#[derive(Clone, Debug)]
pub enum Loaded {
    /// This many event elements exist: TimelineJS builds a slide for every
    /// event up front.
    Count(usize),
    /// The element `selector` reads `text`: Pactline renders a first screen
    /// of events (how many is its own business, so the bench observes it)
    /// and its live count says how many match, "N of N events".
    Text {
        /// The element.
        selector: &'static str,
        /// What it must read.
        text: String,
    },
}

/// One timed interaction step, run in the page by the probe.
#[derive(Clone, Debug)]
pub struct Step {
    /// The probe function (`type`, `select` or `click`) and its arguments.
    pub call: Value,
    /// What the probe's `check` element must read afterwards, when known
    /// in advance; otherwise it must merely read differently than before.
    pub expect: Option<String>,
    /// Which figure the step's timing goes into.
    pub counts_as: Timed,
}

/// What a step's timing is a sample of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timed {
    /// The tool's interaction (a Pactline keystroke, a TimelineJS click).
    Interaction,
    /// A version picked in Pactline's clause comparison.
    VersionChange,
    /// Getting to where the next steps happen; not reported.
    Setup,
}

/// The interaction timed after each load.
#[derive(Clone, Debug)]
pub struct Interaction {
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// Pause after each step, so the next one starts from a settled page.
    pub settle_ms: u64,
}

impl Tool {
    /// Both tools, in the order runs alternate.
    pub const BOTH: [Tool; 2] = [Tool::Pactline, Tool::TimelineJs];

    /// Its name in tables.
    pub fn name(self) -> &'static str {
        match self {
            Self::Pactline => "Pactline",
            Self::TimelineJs => "TimelineJS",
        }
    }

    /// The URL path its site is served under.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Pactline => "/pactline/",
            Self::TimelineJs => "/timelinejs/",
        }
    }

    /// The page that shows `data`: path and query.
    pub fn page(self, data: Data) -> String {
        match (self, data) {
            (Self::Pactline, Data::Real) => self.prefix().to_owned(),
            (Self::Pactline, Data::Synthetic(n)) => format!("{}?synthetic={n}", self.prefix()),
            (Self::TimelineJs, Data::Synthetic(n)) => format!("{}?n={n}", self.prefix()),
            (Self::TimelineJs, Data::Real) => unreachable!("TimelineJS is only given synthetic events"),
        }
    }

    /// The elements the probe counts as events: Pactline's list items,
    /// TimelineJS's slides (one per event, holding its headline and text).
    pub fn event_selector(self) -> &'static str {
        match self {
            // The running app's, and those of a first screen rendered at
            // build time while it shows (the others are in the page too,
            // hidden until the app removes them).
            Self::Pactline => {
                "#app [data-testid=event], \
                 html[data-screen=timeline] .screen[data-screen=timeline] [data-testid=event], \
                 html[data-screen=embed] .screen[data-screen=embed] [data-testid=event]"
            }
            Self::TimelineJs => ".tl-slide",
        }
    }

    /// How the bench knows the tool shows all it shows on load.
    pub fn loaded(self, data: Data) -> Loaded {
        match self {
            Self::Pactline => Loaded::Text {
                selector: COUNT,
                text: count_text(data.events(), data.events()),
            },
            Self::TimelineJs => Loaded::Count(data.events()),
        }
    }

    /// What the table calls its interaction.
    pub fn interaction_label(self) -> String {
        match self {
            Self::Pactline => format!("search keystroke (typing `{QUERY}`)"),
            Self::TimelineJs => "“next slide” click".to_owned(),
        }
    }

    /// The interaction for `data`: Pactline gets `QUERY` typed one
    /// keystroke at a time, each checked against the native filter (the
    /// oracle); TimelineJS, which has no search, gets its next-slide button
    /// clicked, each click checked to change the active event.
    pub fn interaction(self, data: Data) -> Interaction {
        match self {
            Self::Pactline => {
                let dataset = match data {
                    Data::Real => *pactline::data::builtin(),
                    Data::Synthetic(n) => pactline::synthetic::dataset(pactline::data::builtin(), n),
                };
                let index = SearchIndex::new(&dataset);
                let steps = (1..=QUERY.len())
                    .map(|end| {
                        let filters = Filters {
                            q: QUERY[..end].to_owned(),
                            ..Filters::default()
                        };
                        let shown = filter::run(&dataset, &index, &filters, Order::Asc).events.len();
                        Step {
                            call: json!({ "fn": "type", "args": ["#search", &QUERY[..end], VIEW, COUNT] }),
                            expect: Some(count_text(shown, dataset.events.len())),
                            counts_as: Timed::Interaction,
                        }
                    })
                    .chain(version_changes())
                    .collect();
                // Typing speed: a keystroke every ~150 ms.
                Interaction { steps, settle_ms: 150 }
            }
            Self::TimelineJs => Interaction {
                steps: vec![
                    Step {
                        call: json!({
                            "fn": "click",
                            "args": [".tl-slidenav-next", "#timeline-embed", ".tl-timemarker-active .tl-timemarker-text"],
                        }),
                        expect: None,
                        counts_as: Timed::Interaction,
                    };
                    NEXT_SLIDE_CLICKS
                ],
                // The slide transition lasts a second (its `duration` option).
                settle_ms: 1200,
            },
        }
    }
}

/// After the keystrokes: open the clause comparison, then pick each
/// earlier version for side A in turn, each checked against the summary
/// line the library writes for that pair.
fn version_changes() -> impl Iterator<Item = Step> {
    let data = pactline::data::builtin();
    let open = Step {
        call: json!({ "fn": "click", "args": ["[data-testid=nav-clauses]", VIEW, SUMMARY] }),
        expect: None,
        counts_as: Timed::Setup,
    };
    let last = data.versions.last().map_or("", |v| v.id);
    let picks = data.versions[..data.versions.len().saturating_sub(1)]
        .iter()
        .rev()
        .map(move |v| {
            let rows = pactline::compare::compare(data, v.id, last);
            Step {
                call: json!({ "fn": "select", "args": ["#version-a", v.id, VIEW, SUMMARY] }),
                expect: Some(pactline::compare::Summary::of(&rows).line(v.id, last)),
                counts_as: Timed::VersionChange,
            }
        });
    std::iter::once(open).chain(picks)
}

/// The clause comparison's summary line.
const SUMMARY: &str = "[data-testid=clause-summary]";

/// Pactline's live count, in the running app.
const COUNT: &str = "#app [data-testid=event-count]";

/// Pactline's view, which holds the results and the filters, in the
/// running app.
const VIEW: &str = "#app [data-testid=view]";

/// What Pactline's live count reads when `shown` of `total` events match.
fn count_text(shown: usize, total: usize) -> String {
    format!("{shown} of {total} events")
}
