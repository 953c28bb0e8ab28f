//! Timeline filtering: search, date range, party, topic, certainty and
//! source, with the counts each option would leave.
//!
//! Filters combine with AND across kinds and OR within a kind (two parties
//! selected means "either party"). Each option's count is the number of
//! events it would leave if it were added to the other kinds' filters,
//! which is what a reader needs to see before clicking it.

use crate::model::{Dataset, Event};
use crate::state::{Filters, Order};
use crate::text::{self, Needle};

/// How many matching events the timeline renders at first, and adds each
/// time the reader nears the end: a screenful or three, so a keystroke costs
/// the same at 100 events as at 100,000.
pub const PAGE: usize = 40;

/// What filtering needs of every event, worked out once per dataset so
/// that a keystroke only scans and counts: its folded text, and the
/// positions of the parties, topics and sources it names (counting options
/// by comparing ids cost a 10,000-event keystroke several milliseconds).
#[derive(Debug)]
pub struct SearchIndex {
    /// Per event, its searchable text folded, each field followed by
    /// [`FIELD_END`].
    haystacks: Vec<String>,
    /// Every event's party, topic and source positions, one after another.
    positions: Vec<u32>,
    /// Per event, where its parties, topics and sources start in
    /// `positions`, and where its sources end.
    bounds: Vec<[u32; 4]>,
}

/// Ends each field of an event's text: not whitespace, so a phrase never
/// runs from one field into the next.
const FIELD_END: char = '\u{1F}';

/// A list of options, by what [`SearchIndex`] keeps of each event.
#[derive(Clone, Copy)]
enum Named {
    Parties = 0,
    Topics = 1,
    Sources = 2,
}

impl SearchIndex {
    /// Folds the searchable text of every event: title, summary, party names
    /// and aliases, topic names, figures (as displayed and spelled out) and
    /// the date; and notes the positions of the options it names.
    pub fn new(data: &Dataset) -> SearchIndex {
        let haystacks = data
            .events
            .iter()
            .map(|e| {
                let mut hay = String::with_capacity(e.title.len() + e.summary.len() + 64);
                let mut add = |s: &str| {
                    hay.push_str(s);
                    hay.push(FIELD_END);
                };
                add(e.title);
                add(e.summary);
                for p in e.parties.iter().filter_map(|id| data.party(id)) {
                    add(p.name);
                    p.aliases.iter().for_each(|a| add(a));
                }
                for t in e.topics.iter().filter_map(|id| data.topic(id)) {
                    add(t.name);
                }
                for f in e.figures {
                    add(f.display);
                    add(f.label);
                    add(f.spelled);
                }
                add(&e.date.to_string());
                text::fold(&hay)
            })
            .collect();

        // Each option counts once per event, however often the event names it.
        fn note<'a>(positions: &mut Vec<u32>, options: impl Iterator<Item = &'a str>, named: &[&str]) {
            positions.extend(
                options
                    .enumerate()
                    .filter(|(_, id)| named.contains(id))
                    .map(|(k, _)| k as u32),
            );
        }
        let mut positions = Vec::new();
        let bounds = data
            .events
            .iter()
            .map(|e| {
                let start = positions.len() as u32;
                note(&mut positions, data.parties.iter().map(|p| p.id), e.parties);
                let topics = positions.len() as u32;
                note(&mut positions, data.topics.iter().map(|t| t.id), e.topics);
                let sources = positions.len() as u32;
                note(&mut positions, data.sources.iter().map(|s| s.id), e.sources);
                [start, topics, sources, positions.len() as u32]
            })
            .collect();
        SearchIndex {
            haystacks,
            positions,
            bounds,
        }
    }

    /// Whether event `i` contains every term (see [`text::occurrences`]).
    fn matches(&self, i: usize, terms: &[Needle]) -> bool {
        let hay = &self.haystacks[i];
        terms.iter().all(|t| t.occurs(hay))
    }

    /// The positions of the options of one list that event `i` names.
    fn named(&self, i: usize, list: Named) -> impl Iterator<Item = usize> + '_ {
        let bounds = self.bounds[i];
        let k = list as usize;
        self.positions[bounds[k] as usize..bounds[k + 1] as usize]
            .iter()
            .map(|&p| p as usize)
    }
}

/// One kind of filter, used to name what excludes everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    Search,
    Dates,
    Party,
    Topic,
    Certainty,
    Source,
}

impl FilterKind {
    /// All kinds, in the order the filter panel lists them.
    pub const ALL: [FilterKind; 6] = [
        FilterKind::Search,
        FilterKind::Dates,
        FilterKind::Party,
        FilterKind::Topic,
        FilterKind::Certainty,
        FilterKind::Source,
    ];

    /// How the kind is named in sentences ("Remove the party filter").
    pub fn label(self) -> &'static str {
        match self {
            FilterKind::Search => "search",
            FilterKind::Dates => "date",
            FilterKind::Party => "party",
            FilterKind::Topic => "topic",
            FilterKind::Certainty => "certainty",
            FilterKind::Source => "source",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }

    /// Whether `filters` set this kind of filter.
    pub fn is_active(self, filters: &Filters) -> bool {
        match self {
            FilterKind::Search => !filters.q.trim().is_empty(),
            FilterKind::Dates => filters.from.is_some() || filters.to.is_some(),
            FilterKind::Party => !filters.parties.is_empty(),
            FilterKind::Topic => !filters.topics.is_empty(),
            FilterKind::Certainty => !filters.certainties.is_empty(),
            FilterKind::Source => !filters.sources.is_empty(),
        }
    }

    /// Removes this kind of filter.
    pub fn clear(self, filters: &mut Filters) {
        match self {
            FilterKind::Search => filters.q.clear(),
            FilterKind::Dates => {
                filters.from = None;
                filters.to = None;
            }
            FilterKind::Party => filters.parties.clear(),
            FilterKind::Topic => filters.topics.clear(),
            FilterKind::Certainty => filters.certainties.clear(),
            FilterKind::Source => filters.sources.clear(),
        }
    }
}

/// How many events each option would leave.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    /// Per party, in `Dataset::parties` order.
    pub parties: Vec<usize>,
    /// Per topic, in `Dataset::topics` order.
    pub topics: Vec<usize>,
    /// Per certainty, in `Certainty::ALL` order.
    pub certainties: [usize; 5],
    /// Per source, in `Dataset::sources` order.
    pub sources: Vec<usize>,
    /// For each filter kind that is set: how many events would match
    /// without it. Used to say what excludes everything.
    pub without: Vec<(FilterKind, usize)>,
}

/// The outcome of filtering: matching events in display order, and counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Indexes into `Dataset::events`, in the requested order.
    pub events: Vec<usize>,
    /// Option counts.
    pub facets: FacetCounts,
}

/// The months an event's date covers; `None` for an undated event, which
/// no date range can include.
fn month_span(e: &Event) -> Option<(u32, u32)> {
    let d = e.date.date()?;
    let y = d.year as u32 * 100;
    Some((y + d.first_month() as u32, y + d.last_month() as u32))
}

/// Filters `data` by `filters`, in `order`, using `index` (built from this same `data`)
/// for the search text and the option counts.
pub fn run(data: &Dataset, index: &SearchIndex, filters: &Filters, order: Order) -> Outcome {
    let terms = text::terms(&filters.q);
    let needles: Vec<Needle> = terms.iter().map(|t| Needle::new(t)).collect();
    let from = filters.from.map(|f| f.start_key());
    let to = filters.to.map(|t| t.end_key());

    let mut facets = FacetCounts {
        parties: vec![0; data.parties.len()],
        topics: vec![0; data.topics.len()],
        certainties: [0; 5],
        sources: vec![0; data.sources.len()],
        without: Vec::new(),
    };
    let active: Vec<FilterKind> = FilterKind::ALL.into_iter().filter(|k| k.is_active(filters)).collect();
    let mut without = vec![0usize; FilterKind::ALL.len()];
    let mut events = Vec::new();

    // Within a kind, any selected id will do.
    let has = |ids: &[&str], wanted: &[String]| wanted.is_empty() || wanted.iter().any(|w| ids.contains(&w.as_str()));
    for (i, e) in data.events.iter().enumerate() {
        // A bit set for each filter kind this event fails.
        let mut failed = 0u8;
        if !terms.is_empty() && !index.matches(i, &needles) {
            failed |= FilterKind::Search.bit();
        }
        let outside = match month_span(e) {
            Some((start, end)) => from.is_some_and(|f| end < f) || to.is_some_and(|t| start > t),
            None => from.is_some() || to.is_some(),
        };
        if outside {
            failed |= FilterKind::Dates.bit();
        }
        if !has(e.parties, &filters.parties) {
            failed |= FilterKind::Party.bit();
        }
        if !has(e.topics, &filters.topics) {
            failed |= FilterKind::Topic.bit();
        }
        if !filters.certainties.is_empty() && !filters.certainties.contains(&e.certainty) {
            failed |= FilterKind::Certainty.bit();
        }
        if !has(e.sources, &filters.sources) {
            failed |= FilterKind::Source.bit();
        }

        if failed == 0 {
            events.push(i);
        }
        // An option's count: the event passes every other kind of filter.
        let passes_except = |kind: FilterKind| failed & !kind.bit() == 0;
        let lists = [
            (FilterKind::Party, Named::Parties, &mut facets.parties),
            (FilterKind::Topic, Named::Topics, &mut facets.topics),
            (FilterKind::Source, Named::Sources, &mut facets.sources),
        ];
        for (kind, list, counts) in lists {
            if passes_except(kind) {
                index.named(i, list).for_each(|k| counts[k] += 1);
            }
        }
        if passes_except(FilterKind::Certainty) {
            facets.certainties[e.certainty as usize] += 1;
        }
        for (k, kind) in FilterKind::ALL.into_iter().enumerate() {
            if passes_except(kind) {
                without[k] += 1;
            }
        }
    }
    facets.without = active.into_iter().map(|k| (k, without[k as usize])).collect();
    // Events are stored oldest first with the undated last, so descending
    // order reverses the dated ones and keeps the undated at the end.
    if order == Order::Desc {
        let dated = events.partition_point(|&i| data.events[i].date.date().is_some());
        events[..dated].reverse();
    }
    Outcome { events, facets }
}

/// The active filters in words, for the printed page and the empty state:
/// `search "azure"`, `parties: Amazon, OpenAI`, `from 2019 to 2026-03`.
pub fn describe(data: &Dataset, filters: &Filters) -> Vec<String> {
    let names = |ids: &[String], name: &dyn Fn(&str) -> Option<&'static str>| {
        ids.iter()
            .map(|id| name(id).unwrap_or(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = Vec::new();
    if !filters.q.trim().is_empty() {
        out.push(format!("search \"{}\"", filters.q.trim()));
    }
    match (filters.from, filters.to) {
        (Some(from), Some(to)) => out.push(format!("from {from} to {to}")),
        (Some(from), None) => out.push(format!("from {from}")),
        (None, Some(to)) => out.push(format!("up to {to}")),
        (None, None) => {}
    }
    if !filters.parties.is_empty() {
        out.push(format!(
            "parties: {}",
            names(&filters.parties, &|id| data.party(id).map(|p| p.name))
        ));
    }
    if !filters.topics.is_empty() {
        out.push(format!(
            "topics: {}",
            names(&filters.topics, &|id| data.topic(id).map(|t| t.name))
        ));
    }
    if !filters.certainties.is_empty() {
        let labels: Vec<&str> = filters.certainties.iter().map(|c| c.label()).collect();
        out.push(format!("certainty: {}", labels.join(", ")));
    }
    if !filters.sources.is_empty() {
        out.push(format!(
            "sources: {}",
            names(&filters.sources, &|id| data.source(id).map(|s| s.title))
        ));
    }
    out
}
