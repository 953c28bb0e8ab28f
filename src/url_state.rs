//! The view state and its public URL form.
//!
//! The query string holds the whole view, so that a shared or embedded link
//! opens exactly what its author saw. The parameter names are a public
//! contract: `view`, `q`, `from`, `to`, `party`, `topic`, `certainty`,
//! `source`, `event`, `order`, `layout` (timeline); `a`, `b`, `clause`, `changed`,
//! `mode` (clauses); `embed`, `theme` (any view); `synthetic` (scale tests).
//!
//! Parsing never fails: a value that is unknown or malformed is dropped and
//! reported as an [`Ignored`] entry, which the app shows as a notice.

use crate::model::{Certainty, Dataset};
use std::fmt;

/// The longest search text kept from a URL; longer text is cut.
pub const MAX_QUERY_CHARS: usize = 200;

/// The largest synthetic dataset the app will generate.
pub const MAX_SYNTHETIC: u32 = 200_000;

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

/// How a pairwise clause comparison shows the two statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiffMode {
    /// A and B next to each other (stacked on narrow screens).
    #[default]
    Side,
    /// One text with insertions and deletions marked.
    Inline,
}

/// A colour theme forced from the URL; absent means "follow the system".
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

/// Everything a URL can say about the view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// `view=`
    pub view: View,
    /// `q=`: the search text.
    pub q: String,
    /// `from=`
    pub from: Option<YearMonth>,
    /// `to=`
    pub to: Option<YearMonth>,
    /// `party=`: party ids.
    pub parties: Vec<String>,
    /// `topic=`: topic ids.
    pub topics: Vec<String>,
    /// `certainty=`
    pub certainties: Vec<Certainty>,
    /// `source=`: source ids.
    pub sources: Vec<String>,
    /// `event=`: the expanded event.
    pub event: Option<String>,
    /// `order=`
    pub order: Order,
    /// `layout=`
    pub layout: Layout,
    /// `a=`: the earlier version compared; `None` means the default.
    pub a: Option<String>,
    /// `b=`: the later version compared; `None` means the default.
    pub b: Option<String>,
    /// `clause=`: the selected clause.
    pub clause: Option<String>,
    /// `changed=1`: only clauses that changed.
    pub changed_only: bool,
    /// `mode=`
    pub mode: DiffMode,
    /// `embed=1`: the compact layout for iframes.
    pub embed: bool,
    /// `theme=`
    pub theme: Option<Theme>,
    /// `synthetic=N`: replace the data with N generated events.
    pub synthetic: Option<u32>,
}

/// A URL value that was dropped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The parameter.
    pub param: String,
    /// The value as given (shortened if very long).
    pub value: String,
    /// Why it was dropped.
    pub reason: &'static str,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={} ({})", self.param, self.value, self.reason)
    }
}

fn shorten(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() > MAX {
        let cut: String = value.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        value.to_string()
    }
}

/// Reads only the `synthetic=` parameter, which decides the dataset before
/// anything else can be checked against it.
pub fn synthetic_size(query: &str) -> Option<u32> {
    pairs(query)
        .filter(|(k, _)| k == "synthetic")
        .last()
        .and_then(|(_, v)| v.parse::<u32>().ok())
        .filter(|n| (1..=MAX_SYNTHETIC).contains(n))
}

fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned()))
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`), checking ids
    /// against `data`. Never fails: what cannot be used is listed instead.
    pub fn parse(query: &str, data: &Dataset) -> (ViewState, Vec<Ignored>) {
        let mut state = ViewState::default();
        let mut ignored = Vec::new();
        let mut ignore = |param: &str, value: &str, reason: &'static str| {
            ignored.push(Ignored {
                param: param.to_string(),
                value: shorten(value),
                reason,
            })
        };
        for (key, value) in pairs(query) {
            match key.as_str() {
                "view" => match View::ALL.into_iter().find(|v| v.id() == value) {
                    Some(v) => state.view = v,
                    None => ignore("view", &value, "unknown view"),
                },
                "q" => {
                    if value.chars().count() > MAX_QUERY_CHARS {
                        ignore("q", &value, "too long; cut to 200 characters");
                        state.q = value.chars().take(MAX_QUERY_CHARS).collect();
                    } else {
                        state.q = value;
                    }
                }
                "from" | "to" => match YearMonth::parse(&value) {
                    Some(ym) if key == "from" => state.from = Some(ym),
                    Some(ym) => state.to = Some(ym),
                    None => ignore(&key, &value, "not a YYYY or YYYY-MM date"),
                },
                "party" => ids(
                    &key,
                    &value,
                    &mut state.parties,
                    |id| data.party(id).is_some(),
                    &mut ignore,
                ),
                "topic" => ids(
                    &key,
                    &value,
                    &mut state.topics,
                    |id| data.topic(id).is_some(),
                    &mut ignore,
                ),
                "source" => ids(
                    &key,
                    &value,
                    &mut state.sources,
                    |id| data.source(id).is_some(),
                    &mut ignore,
                ),
                "certainty" => {
                    let mut names = Vec::new();
                    ids(
                        &key,
                        &value,
                        &mut names,
                        |id| Certainty::from_id(id).is_some(),
                        &mut ignore,
                    );
                    for c in names.iter().filter_map(|n| Certainty::from_id(n)) {
                        if !state.certainties.contains(&c) {
                            state.certainties.push(c);
                        }
                    }
                }
                // An old id (merged into another event) opens that event.
                "event" => match data.event_or_alias(&value) {
                    Some(e) => state.event = Some(e.id.to_string()),
                    None => ignore("event", &value, "no such event"),
                },
                "layout" => match value.as_str() {
                    "list" => state.layout = Layout::List,
                    "table" => state.layout = Layout::Table,
                    _ => ignore("layout", &value, "must be list or table"),
                },
                "order" => match value.as_str() {
                    "asc" => state.order = Order::Asc,
                    "desc" => state.order = Order::Desc,
                    _ => ignore("order", &value, "must be asc or desc"),
                },
                "a" | "b" => match data.version_index(&value) {
                    Some(_) if key == "a" => state.a = Some(value),
                    Some(_) => state.b = Some(value),
                    None => ignore(&key, &value, "no such version; showing the default comparison"),
                },
                "clause" => match data.clause(&value) {
                    Some(_) => state.clause = Some(value),
                    None => ignore("clause", &value, "no such clause"),
                },
                "changed" => match value.as_str() {
                    "1" => state.changed_only = true,
                    "0" => state.changed_only = false,
                    _ => ignore("changed", &value, "must be 1 or 0"),
                },
                "mode" => match value.as_str() {
                    "side" => state.mode = DiffMode::Side,
                    "inline" => state.mode = DiffMode::Inline,
                    _ => ignore("mode", &value, "must be side or inline"),
                },
                "embed" => match value.as_str() {
                    "1" => state.embed = true,
                    "0" => state.embed = false,
                    _ => ignore("embed", &value, "must be 1 or 0"),
                },
                "theme" => match value.as_str() {
                    "light" => state.theme = Some(Theme::Light),
                    "dark" => state.theme = Some(Theme::Dark),
                    _ => ignore("theme", &value, "must be light or dark"),
                },
                "synthetic" => match value.parse::<u32>() {
                    Ok(n) if (1..=MAX_SYNTHETIC).contains(&n) => state.synthetic = Some(n),
                    _ => ignore("synthetic", &value, "must be a number from 1 to 200000"),
                },
                // Parameters of other tools (analytics tags, a blog's own
                // query) are not ours to judge; they are left alone.
                _ => {}
            }
        }
        if let (Some(from), Some(to)) = (state.from, state.to)
            && from.start_key() > to.end_key()
        {
            ignore("from", &format!("{from} > to={to}"), "range was reversed; swapped");
            state.from = Some(to);
            state.to = Some(from);
        }
        if let (Some(a), Some(b)) = (&state.a, &state.b) {
            let (ia, ib) = (data.version_index(a), data.version_index(b));
            if ia >= ib {
                let reason = if ia == ib {
                    "a and b are the same version; showing the default comparison"
                } else {
                    "a is later than b; showing the default comparison"
                };
                ignore("a", &format!("{a}, b={b}"), reason);
                state.a = None;
                state.b = None;
            }
        }
        (state, ignored)
    }

    /// The versions compared: `a` and `b`, or the first and last version.
    /// Returns `None` only for a dataset with fewer than two versions.
    pub fn versions<'d>(&self, data: &'d Dataset) -> Option<(&'d str, &'d str)> {
        let first = data.versions.first()?.id;
        let last = data.versions.last()?.id;
        let pick = |id: &Option<String>, default: &'d str| {
            id.as_deref()
                .and_then(|id| data.versions.iter().find(|v| v.id == id))
                .map_or(default, |v| v.id)
        };
        let (a, b) = (pick(&self.a, first), pick(&self.b, last));
        match (data.version_index(a), data.version_index(b)) {
            (Some(ia), Some(ib)) if ia < ib => Some((a, b)),
            _ if first != last => Some((first, last)),
            _ => None,
        }
    }

    /// Whether any timeline filter is set (the search text counts).
    pub fn has_filters(&self) -> bool {
        !self.q.trim().is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || !self.parties.is_empty()
            || !self.topics.is_empty()
            || !self.certainties.is_empty()
            || !self.sources.is_empty()
    }

    /// Removes every timeline filter, keeping the view, order and expansion.
    pub fn clear_filters(&mut self) {
        self.q.clear();
        self.from = None;
        self.to = None;
        self.parties.clear();
        self.topics.clear();
        self.certainties.clear();
        self.sources.clear();
    }

    /// The canonical query string, with a leading `?`. Defaults are left out,
    /// so equal states give equal URLs.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        out.append_pair("view", self.view.id());
        if !self.q.is_empty() {
            out.append_pair("q", &self.q);
        }
        if let Some(from) = self.from {
            out.append_pair("from", &from.to_string());
        }
        if let Some(to) = self.to {
            out.append_pair("to", &to.to_string());
        }
        let list = |items: &[String]| items.join(",");
        if !self.parties.is_empty() {
            out.append_pair("party", &list(&self.parties));
        }
        if !self.topics.is_empty() {
            out.append_pair("topic", &list(&self.topics));
        }
        if !self.certainties.is_empty() {
            let names: Vec<&str> = self.certainties.iter().map(|c| c.id()).collect();
            out.append_pair("certainty", &names.join(","));
        }
        if !self.sources.is_empty() {
            out.append_pair("source", &list(&self.sources));
        }
        if let Some(event) = &self.event {
            out.append_pair("event", event);
        }
        if self.order == Order::Desc {
            out.append_pair("order", "desc");
        }
        if self.layout == Layout::Table {
            out.append_pair("layout", "table");
        }
        if let Some(a) = &self.a {
            out.append_pair("a", a);
        }
        if let Some(b) = &self.b {
            out.append_pair("b", b);
        }
        if let Some(clause) = &self.clause {
            out.append_pair("clause", clause);
        }
        if self.changed_only {
            out.append_pair("changed", "1");
        }
        if self.mode == DiffMode::Inline {
            out.append_pair("mode", "inline");
        }
        if self.embed {
            out.append_pair("embed", "1");
        }
        if let Some(theme) = self.theme {
            out.append_pair("theme", theme.id());
        }
        if let Some(n) = self.synthetic {
            out.append_pair("synthetic", &n.to_string());
        }
        // `form_urlencoded` writes spaces as `+` and escapes `,`; both are
        // valid, but readable lists make shared links easier to edit.
        format!("?{}", out.finish().replace("%2C", ","))
    }
}

/// Adds the comma-separated ids in `value` that `known` accepts to `into`,
/// skipping duplicates and reporting the rest.
fn ids(
    param: &str,
    value: &str,
    into: &mut Vec<String>,
    known: impl Fn(&str) -> bool,
    ignore: &mut impl FnMut(&str, &str, &'static str),
) {
    for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !known(id) {
            ignore(param, id, "unknown id");
        } else if !into.iter().any(|x| x == id) {
            into.push(id.to_string());
        }
    }
}
