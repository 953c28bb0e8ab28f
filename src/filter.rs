//! Timeline filtering: search, date range, party, topic, certainty and
//! source, with the counts each option would leave.
//!
//! Filters combine with AND across kinds and OR within a kind (two parties
//! selected means "either party"). Each option's count is the number of
//! events it would leave if it were added to the other kinds' filters,
//! which is what a reader needs to see before clicking it.
//!
//! A search matches an event's own text or the names it is filed under
//! (a party's name or alias, a topic's name); events that hold every term
//! in their own text come first, so a party's alias ("Azure" for
//! Microsoft) does not bury the events that say the word.

use crate::model::{Dataset, Event};
use crate::state::{Filters, Order};
use crate::text::{self, Needle};
use std::fmt;

/// How many matching events the timeline renders at first, and adds each
/// time the reader nears the end: more than a screenful on a desktop or a
/// phone, so a keystroke costs the same at 100 events as at 100,000.
/// Building and laying out the cards is most of a search keystroke's work
/// in the browser (headless Chromium, 2 cores, 10,000 events, keystrokes
/// after a warm-up): 40 cards took its frame to 25 ms, 20 to 19 ms, 12 to
/// 15 ms. The first keystrokes after load, which the bench times, take
/// about 15 ms once the option counts and the drawing follow a frame later
/// (`hooks::use_after_paint`, `bench/RESULTS.md`).
pub const PAGE: usize = 12;

/// What filtering needs of every event, worked out once per dataset so
/// that a keystroke only scans and counts: its own text folded, the folded
/// names of the parties and topics it is filed under, and the positions of
/// the parties, topics and sources it names (counting options by comparing
/// ids cost a 10,000-event keystroke several milliseconds).
///
/// A search term matches an event when it occurs in the event's own text
/// (title, summary, figures, date) or in the name or an alias of one of its
/// parties or the name of one of its topics. [`run`] ranks events whose own
/// text holds every term first; [`SearchIndex::why`] says, for the events on
/// screen, which names the others matched through.
#[derive(Debug)]
pub struct SearchIndex {
    /// Every event's text, one after another: title, summary, each figure
    /// (as displayed, its label and spelled out) and the date, in [search
    /// form](text::search_form), each followed by [`FIELD_END`].
    texts: String,
    /// Where each event's text ends in `texts`.
    text_ends: Vec<u32>,
    /// Per party, in `Dataset::parties` order: its name, then its aliases in
    /// order, in search form.
    party_names: Vec<Vec<String>>,
    /// Per topic, in `Dataset::topics` order: its name in search form.
    topic_names: Vec<String>,
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

/// How an event matched a search, from [`SearchIndex::why`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Whether every term occurs in the event's own text: its title,
    /// summary, figures or date.
    pub direct: bool,
    /// For the terms that do not: each party or topic name they matched,
    /// once, parties first, in the dataset's order. Empty when `direct`.
    pub via: Vec<Via>,
}

/// A name an event is filed under through which a search term matched it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A party, by its name, or by the alias given.
    Party {
        /// The party's name ("Microsoft").
        name: &'static str,
        /// The alias that matched ("Azure"); `None` when the name did.
        alias: Option<&'static str>,
    },
    /// A topic, by its name.
    Topic {
        /// The topic's name ("Cloud & compute").
        name: &'static str,
    },
}

impl fmt::Display for Via {
    /// Writes the name as a reader sees it: "Microsoft (Azure)" for an
    /// alias, else the party's or topic's name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Via::Party {
                name,
                alias: Some(alias),
            } => write!(f, "{name} ({alias})"),
            Via::Party { name, alias: None } | Via::Topic { name } => f.write_str(name),
        }
    }
}

/// A search's terms, with the parties and topics each one's names match:
/// worked out once per keystroke, so the scan over events only looks up
/// the few parties and topics of each event.
struct Prepared {
    terms: Vec<Needle>,
    /// Per term, per party: whether its name or an alias matches the term.
    parties: Vec<Vec<bool>>,
    /// Per term, per topic: whether its name matches the term.
    topics: Vec<Vec<bool>>,
    /// Per term: whether any party or topic name matches it at all.
    any: Vec<bool>,
}

impl SearchIndex {
    /// Folds every event's own text, and the names of every party and
    /// topic; and notes the positions of the options each event names.
    pub fn new(data: &Dataset) -> SearchIndex {
        // One string for all events, so a keystroke's scan reads memory in
        // order (separate strings, scattered by the allocator, made a
        // 100,000-event keystroke about a third slower).
        let mut texts = String::new();
        let mut text_ends = Vec::with_capacity(data.events.len());
        let mut text = String::new();
        for e in data.events {
            text.clear();
            let mut add = |s: &str| {
                text.push_str(s);
                text.push(FIELD_END);
            };
            add(e.title);
            add(e.summary);
            for f in e.figures {
                add(f.display);
                add(f.label);
                add(f.spelled);
            }
            add(&e.date.to_string());
            texts.push_str(&text::search_form(&text));
            text_ends.push(texts.len() as u32);
        }
        let party_names = data
            .parties
            .iter()
            .map(|p| {
                std::iter::once(p.name)
                    .chain(p.aliases.iter().copied())
                    .map(text::search_form)
                    .collect()
            })
            .collect();
        let topic_names = data.topics.iter().map(|t| text::search_form(t.name)).collect();

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
            texts,
            text_ends,
            party_names,
            topic_names,
            positions,
            bounds,
        }
    }

    /// Which parties and topics each term's names match.
    fn prepare(&self, terms: &[String]) -> Prepared {
        let terms: Vec<Needle> = terms.iter().map(|t| Needle::new(t)).collect();
        let parties: Vec<Vec<bool>> = terms
            .iter()
            .map(|t| {
                self.party_names
                    .iter()
                    .map(|names| names.iter().any(|n| t.occurs(n)))
                    .collect()
            })
            .collect();
        let topics: Vec<Vec<bool>> = terms
            .iter()
            .map(|t| self.topic_names.iter().map(|n| t.occurs(n)).collect())
            .collect();
        let any = parties
            .iter()
            .zip(&topics)
            .map(|(p, t)| p.iter().chain(t).any(|&hit| hit))
            .collect();
        Prepared {
            terms,
            parties,
            topics,
            any,
        }
    }

    /// Whether event `i` matches every term: `Some(true)` when all are in
    /// its own text, `Some(false)` when some only in its parties' or
    /// topics' names, `None` when a term is in neither.
    fn test(&self, i: usize, query: &Prepared) -> Option<bool> {
        let text = self.text(i);
        let mut direct = true;
        for (t, term) in query.terms.iter().enumerate() {
            if term.occurs(text) {
                continue;
            }
            direct = false;
            let named = query.any[t]
                && (self.named(i, Named::Parties).any(|k| query.parties[t][k])
                    || self.named(i, Named::Topics).any(|k| query.topics[t][k]));
            if !named {
                return None;
            }
        }
        Some(direct)
    }

    /// How event `i` matches `terms` (the search's [`text::terms`]): whether
    /// its own text holds them all, and if not, which of its parties' names
    /// and aliases and topics' names the others matched; `None` when it does
    /// not match. `data` is the dataset the index was built from.
    ///
    /// It works the names out afresh, so it is for the events on screen
    /// ([`PAGE`] at a time), not for every event on every keystroke: [`run`]
    /// only ranks, which needs no names.
    pub fn why(&self, data: &Dataset, i: usize, terms: &[String]) -> Option<Match> {
        let text = self.text(i);
        let mut via: Vec<Via> = Vec::new();
        let mut add = |name: Via| {
            if !via.contains(&name) {
                via.push(name);
            }
        };
        let needles = terms.iter().map(|t| Needle::new(t));
        for term in needles.filter(|t| !t.occurs(text)) {
            let mut matched = false;
            for k in self.named(i, Named::Parties) {
                // The party's name if it matches, else its first alias that does.
                if let Some(j) = self.party_names[k].iter().position(|n| term.occurs(n)) {
                    let party = &data.parties[k];
                    let alias = j.checked_sub(1).map(|a| party.aliases[a]);
                    add(Via::Party {
                        name: party.name,
                        alias,
                    });
                    matched = true;
                }
            }
            for k in self.named(i, Named::Topics) {
                if term.occurs(&self.topic_names[k]) {
                    add(Via::Topic {
                        name: data.topics[k].name,
                    });
                    matched = true;
                }
            }
            if !matched {
                return None;
            }
        }
        Some(Match {
            direct: via.is_empty(),
            via,
        })
    }

    /// Event `i`'s own text.
    fn text(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |p| self.text_ends[p] as usize);
        &self.texts[start..self.text_ends[i] as usize]
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
    Key,
}

impl FilterKind {
    /// All kinds, in the order the filter panel lists them.
    pub const ALL: [FilterKind; 7] = [
        FilterKind::Search,
        FilterKind::Dates,
        FilterKind::Party,
        FilterKind::Topic,
        FilterKind::Certainty,
        FilterKind::Source,
        FilterKind::Key,
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
            FilterKind::Key => "key events",
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
            FilterKind::Key => filters.key,
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
            FilterKind::Key => filters.key = false,
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
    /// Indexes into `Dataset::events`: first the events whose own text
    /// holds every search term, then those that matched a term only through
    /// a party's or topic's name; each group in the requested order.
    pub events: Vec<usize>,
    /// How many of `events`, from the first, matched in their own text
    /// (all of them when there is no search). [`SearchIndex::why`] names
    /// what the rest matched through.
    pub direct: usize,
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
/// for the search text and the option counts. A search ranks the events
/// whose own text holds every term before those that matched only through
/// a name (see [`Outcome`]); which names, it leaves to [`SearchIndex::why`].
pub fn run(data: &Dataset, index: &SearchIndex, filters: &Filters, order: Order) -> Outcome {
    let terms = text::terms(&filters.q);
    let query = index.prepare(&terms);
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
    let mut indirect = Vec::new();

    // Within a kind, any selected id will do.
    let has = |ids: &[&str], wanted: &[String]| wanted.is_empty() || wanted.iter().any(|w| ids.contains(&w.as_str()));
    for (i, e) in data.events.iter().enumerate() {
        // A bit set for each filter kind this event fails.
        let mut failed = 0u8;
        let mut direct = true;
        if !terms.is_empty() {
            match index.test(i, &query) {
                Some(own_text) => direct = own_text,
                None => failed |= FilterKind::Search.bit(),
            }
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
        if filters.key && !e.key {
            failed |= FilterKind::Key.bit();
        }

        if failed == 0 {
            if direct { &mut events } else { &mut indirect }.push(i);
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
    for group in [&mut events, &mut indirect] {
        if order == Order::Desc {
            let dated = group.partition_point(|&i| data.events[i].date.date().is_some());
            group[..dated].reverse();
        }
    }
    let direct = events.len();
    events.append(&mut indirect);
    Outcome { events, direct, facets }
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
    if filters.key {
        out.push("key events only".to_string());
    }
    out
}
