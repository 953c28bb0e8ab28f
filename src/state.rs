//! The view state, in the reader's language: which view is open, what the
//! timeline shows (its filters, order, layout and expanded event), what the
//! clause comparison compares, and every change a reader can make to them.
//!
//! Each rule lives here once: "version A comes before B", which clause is
//! the next one that changed, what clearing a filter leaves. The URL form is
//! [`crate::url_state`]'s business; the views read the slice they show.

use crate::compare;
use crate::model::{Certainty, Dataset};
use std::fmt;

/// Which of the app's views is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Timeline,
    Clauses,
    Sources,
}

impl View {
    /// Every view, in the order of the view switcher.
    pub const ALL: [View; 3] = [View::Timeline, View::Clauses, View::Sources];

    /// The value of `view=`.
    pub fn id(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Clauses => "clauses",
            View::Sources => "sources",
        }
    }

    /// How the view is named in the interface.
    pub fn label(self) -> &'static str {
        match self {
            View::Timeline => "Timeline",
            View::Clauses => "Clauses",
            View::Sources => "Sources",
        }
    }
}

/// The timeline's sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Oldest first: the story as it unfolded.
    #[default]
    Asc,
    /// Newest first.
    Desc,
}

/// How the timeline lays out its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Cards grouped by year.
    #[default]
    List,
    /// One table row per event, for scanning and for screen readers.
    Table,
}

/// What the events are sorted by; `Order` says which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// By date, under year headings.
    #[default]
    Date,
    /// By title, A to Z (or Z to A).
    Title,
    /// By certainty, reported first (or last).
    Certainty,
}

/// What each lane of the timeline's drawing stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lanes {
    /// A lane per party; an event naming several parties shows in each.
    #[default]
    Party,
    /// A lane per topic.
    Topic,
}

/// How a pairwise clause comparison shows the two statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiffMode {
    /// A and B next to each other (stacked on narrow screens).
    #[default]
    Side,
    /// One text with insertions and deletions marked.
    Inline,
}

/// A colour theme chosen by the reader; none means "follow the system".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The value of `theme=`.
    pub fn id(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// A month-precise bound of the date filter: `YYYY` or `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    /// The year.
    pub year: u16,
    /// 1–12, or `None` for the whole year.
    pub month: Option<u8>,
}

impl YearMonth {
    /// Parses `YYYY` or `YYYY-MM` (years 1900–2100).
    pub fn parse(text: &str) -> Option<YearMonth> {
        let (year, month) = match text.split_once('-') {
            Some((y, m)) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => (y, Some(m.parse::<u8>().ok()?)),
            Some(_) => return None,
            None => (text, None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        if !(1900..=2100).contains(&year) || month.is_some_and(|m| !(1..=12).contains(&m)) {
            return None;
        }
        Some(YearMonth { year, month })
    }

    /// The whole of one year.
    pub fn year(year: u16) -> YearMonth {
        YearMonth { year, month: None }
    }

    /// `YYYYMM` of the first month the bound covers.
    pub fn start_key(&self) -> u32 {
        self.year as u32 * 100 + self.month.unwrap_or(1) as u32
    }

    /// `YYYYMM` of the last month the bound covers.
    pub fn end_key(&self) -> u32 {
        self.year as u32 * 100 + self.month.unwrap_or(12) as u32
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{}-{m:02}", self.year),
            None => write!(f, "{}", self.year),
        }
    }
}

/// A list of ids a reader ticks to narrow the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Party,
    Topic,
    Source,
}

/// What narrows the timeline's events. Kinds combine with AND, the ids
/// within a kind with OR.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    /// The search text.
    pub q: String,
    /// The first month shown.
    pub from: Option<YearMonth>,
    /// The last month shown.
    pub to: Option<YearMonth>,
    /// Party ids.
    pub parties: Vec<String>,
    /// Topic ids.
    pub topics: Vec<String>,
    /// Certainties.
    pub certainties: Vec<Certainty>,
    /// Source ids.
    pub sources: Vec<String>,
    /// Only the key events: the milestones a reader needs first.
    pub key: bool,
}

impl Filters {
    /// Whether nothing narrows the events (blank search text counts as none).
    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.parties.is_empty()
            && self.topics.is_empty()
            && self.certainties.is_empty()
            && self.sources.is_empty()
            && !self.key
    }

    /// Removes every filter.
    pub fn clear(&mut self) {
        *self = Filters::default();
    }

    /// The ids chosen for a facet.
    pub fn chosen(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Party => &self.parties,
            Facet::Topic => &self.topics,
            Facet::Source => &self.sources,
        }
    }

    /// Whether `id` is chosen for `facet`.
    pub fn is_chosen(&self, facet: Facet, id: &str) -> bool {
        self.chosen(facet).iter().any(|x| x == id)
    }

    /// Chooses `id` for `facet`, or clears it if it was chosen.
    pub fn toggle(&mut self, facet: Facet, id: &str) {
        let list = match facet {
            Facet::Party => &mut self.parties,
            Facet::Topic => &mut self.topics,
            Facet::Source => &mut self.sources,
        };
        match list.iter().position(|x| x == id) {
            Some(pos) => {
                list.remove(pos);
            }
            None => list.push(id.to_string()),
        }
    }

    /// Chooses a certainty, or clears it if it was chosen.
    pub fn toggle_certainty(&mut self, certainty: Certainty) {
        match self.certainties.iter().position(|c| *c == certainty) {
            Some(pos) => {
                self.certainties.remove(pos);
            }
            None => self.certainties.push(certainty),
        }
    }

    /// Shows one whole year, or, if exactly that year is shown, every year.
    pub fn toggle_year(&mut self, year: u16) {
        let whole = Some(YearMonth::year(year));
        let shown = self.from == whole && self.to == whole;
        self.from = if shown { None } else { whole };
        self.to = self.from;
    }
}

/// What the timeline shows: its filters, order, layout and expanded event.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// What narrows the events.
    pub filters: Filters,
    /// Oldest or newest first.
    pub order: Order,
    /// Cards or a table.
    pub layout: Layout,
    /// The one expanded event, by id.
    pub event: Option<String>,
    /// What the drawing's lanes stand for.
    pub lanes: Lanes,
    /// What the events are sorted by.
    pub sort: Sort,
}

impl Timeline {
    /// Expands the event, or collapses it if it was the expanded one: one
    /// event is open at a time.
    pub fn toggle_event(&mut self, id: &str) {
        self.event = if self.event.as_deref() == Some(id) {
            None
        } else {
            Some(id.to_string())
        };
    }
}

/// Which side of a comparison a version is picked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The earlier version, `a`.
    A,
    /// The later version, `b`.
    B,
}

/// What the clause comparison compares and shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    /// The earlier version; `None` means the first.
    pub a: Option<String>,
    /// The later version; `None` means the latest.
    pub b: Option<String>,
    /// The selected clause.
    pub clause: Option<String>,
    /// Only clauses that changed.
    pub changed_only: bool,
    /// Side by side or inline.
    pub mode: DiffMode,
}

impl Comparison {
    /// The versions compared, in the reader's order: `a` and `b` where
    /// they are known, else the first and the latest. Either order is a
    /// comparison (a later `a` looks back in time), and the same version
    /// twice shows its terms alone. `None` only for a dataset without
    /// versions.
    pub fn versions<'d>(&self, data: &'d Dataset) -> Option<(&'d str, &'d str)> {
        let first = data.versions.first()?.id;
        let last = data.versions.last()?.id;
        let known = |id: &Option<String>, default: &'d str| {
            id.as_deref()
                .and_then(|id| data.versions.iter().find(|v| v.id == id))
                .map_or(default, |v| v.id)
        };
        Some((known(&self.a, first), known(&self.b, last)))
    }

    /// Picks a version for one side. The other side never moves: the
    /// reader chose it.
    pub fn pick(&mut self, data: &Dataset, side: Side, id: &str) {
        let Some(version) = data.versions.iter().find(|v| v.id == id) else {
            return;
        };
        let slot = match side {
            Side::A => &mut self.a,
            Side::B => &mut self.b,
        };
        *slot = Some(version.id.to_string());
    }

    /// Swaps the two versions.
    pub fn swap(&mut self, data: &Dataset) {
        if let Some((a, b)) = self.versions(data) {
            self.a = Some(b.to_string());
            self.b = Some(a.to_string());
        }
    }

    /// The version just before `b`, when `b` has one: what "compare with
    /// the previous version" picks for `a`.
    pub fn previous<'d>(&self, data: &'d Dataset) -> Option<&'d str> {
        let (_, b) = self.versions(data)?;
        let index = data.version_index(b)?;
        Some(data.versions.get(index.checked_sub(1)?)?.id)
    }

    /// The changed clause nearest the selected one, after it (`forward`)
    /// or before it, in row order; from the start (or end) when none is
    /// selected.
    pub fn changed_clause(&self, data: &Dataset, forward: bool) -> Option<&'static str> {
        let (a, b) = self.versions(data)?;
        let rows = compare::compare(data, a, b);
        let mut changed = rows.iter().filter(|r| r.kind.is_change()).map(|r| r.clause.id);
        let position = |id: &str| data.clauses.iter().position(|c| c.id == id);
        let current = self.clause.as_deref().and_then(position);
        if forward {
            changed.find(|id| current.is_none_or(|p| position(id) > Some(p)))
        } else {
            changed.rev().find(|id| current.is_none_or(|p| position(id) < Some(p)))
        }
    }

    /// Selects the next (or previous) changed clause; returns it, or `None`
    /// (and changes nothing) when there is none that way.
    pub fn step(&mut self, data: &Dataset, forward: bool) -> Option<&'static str> {
        let next = self.changed_clause(data, forward)?;
        self.clause = Some(next.to_string());
        Some(next)
    }
}

/// Everything the reader sees, as the URL states it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// The view shown.
    pub view: View,
    /// The timeline's state.
    pub timeline: Timeline,
    /// The clause comparison's state.
    pub comparison: Comparison,
    /// The compact layout for iframes.
    pub embed: bool,
    /// A forced theme; `None` follows the system.
    pub theme: Option<Theme>,
    /// Replace the data with this many generated events (scale tests).
    pub synthetic: Option<u32>,
    /// What an embed shows, when less than the whole view.
    pub preset: Option<Preset>,
    /// The conflict between sources that `Preset::Conflict` shows, by id.
    pub conflict: Option<String>,
    /// How many events `Preset::Range` lists (`None`: [`DEFAULT_LIMIT`]).
    pub limit: Option<u32>,
    /// Parameters that are not Pactline's (a newsletter's `utm_source`, a
    /// blog's own), in their order: kept in the address and in Copy link,
    /// never judged.
    pub extra: Vec<(String, String)>,
}

/// How many events a range embed lists unless the blogger asks otherwise.
pub const DEFAULT_LIMIT: u32 = 5;

/// The most events a range embed lists; more belong in Pactline itself.
pub const MAX_LIMIT: u32 = 50;

/// What an embed shows, sized to the paragraph it illustrates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// One event as a card (`event=` names it).
    Event,
    /// One clause across the versions (`clause=` names it).
    Clause,
    /// The clause scoreboard.
    Scoreboard,
    /// One conflict between sources (`conflict=` names it).
    Conflict,
    /// The drawing and the first `limit=` events the timeline's filters match.
    Range,
}

impl Preset {
    /// Every preset, in the order the embed builder offers them.
    pub const ALL: [Preset; 5] = [
        Preset::Range,
        Preset::Event,
        Preset::Clause,
        Preset::Conflict,
        Preset::Scoreboard,
    ];

    /// The id used in URLs (`preset=`).
    pub fn id(self) -> &'static str {
        match self {
            Preset::Event => "event",
            Preset::Clause => "clause",
            Preset::Scoreboard => "scoreboard",
            Preset::Conflict => "conflict",
            Preset::Range => "range",
        }
    }

    /// How the embed builder names it.
    pub fn label(self) -> &'static str {
        match self {
            Preset::Event => "One event",
            Preset::Clause => "One clause across the versions",
            Preset::Scoreboard => "The clause scoreboard",
            Preset::Conflict => "One conflict between sources",
            Preset::Range => "A stretch of the timeline",
        }
    }

    /// The view a preset belongs to.
    pub fn view(self) -> View {
        match self {
            Preset::Event | Preset::Range => View::Timeline,
            Preset::Clause | Preset::Scoreboard => View::Clauses,
            Preset::Conflict => View::Sources,
        }
    }
}

impl ViewState {
    /// How many events a range embed lists.
    pub fn limit(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT) as usize
    }

    /// The state without other tools' parameters: what an embed or a
    /// citation carries, since a reader's tracking tags are not the page's.
    pub fn without_extra(&self) -> ViewState {
        ViewState {
            extra: Vec::new(),
            ..self.clone()
        }
    }
}
