//! The view state's public URL form: reading a query string into a
//! [`ViewState`] and writing one back.
//!
//! The query string holds the whole view, so that a shared or embedded link
//! opens exactly what its author saw. The parameter names are a public
//! contract: `view`, `q`, `from`, `to`, `party`, `topic`, `certainty`,
//! `source`, `key`, `event`, `order`, `sort`, `layout`, `lanes` (timeline);
//! `a`, `b`, `clause`, `changed`, `mode` (clauses); `embed`, `preset`,
//! `conflict`, `limit`, `theme` (any view); `synthetic` (scale tests).
//!
//! Parsing never fails: a value that is unknown or malformed, or that a
//! later value of the same parameter replaces, is dropped and reported as
//! an [`Ignored`] entry, which the app shows as a notice.

use crate::model::{Certainty, Dataset};
use crate::state::{DiffMode, Facet, Lanes, Layout, MAX_LIMIT, Order, Preset, Sort, Theme, View, ViewState, YearMonth};
use std::fmt;

/// The longest search text a URL holds, in characters: longer text is cut
/// to it when a URL is read and when one is written. A 100,000-character
/// search made a URL that servers refuse; 200 characters take at most
/// 2,400 bytes however they are escaped.
pub const MAX_QUERY_CHARS: usize = 200;

/// Whether the URL holds only the first [`MAX_QUERY_CHARS`] characters of
/// this search text, as the view should tell the reader: a link to the
/// page would search for less than the search box holds.
pub fn query_is_cut(q: &str) -> bool {
    q.chars().nth(MAX_QUERY_CHARS).is_some()
}

/// The first [`MAX_QUERY_CHARS`] characters of `q`.
fn cut_query(q: &str) -> String {
    q.chars().take(MAX_QUERY_CHARS).collect()
}

/// The largest synthetic dataset the app will generate.
pub const MAX_SYNTHETIC: u32 = 200_000;

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

impl Ignored {
    /// The entry for a value of `param`, shortened for the notice.
    fn new(param: &str, value: &str, reason: &'static str) -> Ignored {
        Ignored {
            param: param.to_string(),
            value: shorten(value),
            reason,
        }
    }
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

/// The `synthetic=` parameter, which decides the dataset before anything
/// else can be checked against it.
const SYNTHETIC: &str = "synthetic";

/// Reads only `synthetic=`, with the same rule as [`ViewState::parse`]:
/// the last value that is a size, so a bad value after a good one (which
/// the notice names) does not take the generated data away.
pub fn synthetic_size(query: &str) -> Option<u32> {
    pairs(query)
        .filter(|(k, _)| k == SYNTHETIC)
        .filter_map(|(_, v)| synthetic_value(&v))
        .last()
}

fn synthetic_value(value: &str) -> Option<u32> {
    value.parse::<u32>().ok().filter(|n| (1..=MAX_SYNTHETIC).contains(n))
}

fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned()))
}

/// Reports a value a parameter could not use, and why.
type Ignore<'a> = &'a mut dyn FnMut(&str, &'static str);

/// One public parameter: its name (written here only), how a value is read
/// into the state, and what the state writes back (`None`: the default,
/// left out, so equal states give equal URLs).
struct Param {
    name: &'static str,
    /// Whether a repeat adds to the earlier values (comma-separated ids)
    /// rather than replacing them.
    adds: bool,
    read: fn(&mut ViewState, &str, &Dataset, Ignore),
    write: fn(&ViewState) -> Option<String>,
}

/// A value that must be one of a few words.
fn choice<T: Copy>(value: &str, words: &[(&str, T)], set: &mut T, ignore: Ignore, reason: &'static str) {
    match words.iter().find(|(w, _)| *w == value) {
        Some((_, v)) => *set = *v,
        None => ignore(value, reason),
    }
}

/// The word `value` has in `words`, for writing it back.
fn word<T: PartialEq>(value: T, words: &[(&'static str, T)]) -> &'static str {
    words.iter().find(|(_, v)| *v == value).map_or("", |(w, _)| w)
}

const FLAG: [(&str, bool); 2] = [("1", true), ("0", false)];
const ORDERS: [(&str, Order); 2] = [("asc", Order::Asc), ("desc", Order::Desc)];
const LAYOUTS: [(&str, Layout); 2] = [("list", Layout::List), ("table", Layout::Table)];
const PRESETS: [(&str, Option<Preset>); 5] = [
    ("event", Some(Preset::Event)),
    ("clause", Some(Preset::Clause)),
    ("scoreboard", Some(Preset::Scoreboard)),
    ("conflict", Some(Preset::Conflict)),
    ("range", Some(Preset::Range)),
];
const LANES: [(&str, Lanes); 2] = [("party", Lanes::Party), ("topic", Lanes::Topic)];
const SORTS: [(&str, Sort); 3] = [
    ("date", Sort::Date),
    ("title", Sort::Title),
    ("certainty", Sort::Certainty),
];
const MODES: [(&str, DiffMode); 2] = [("side", DiffMode::Side), ("inline", DiffMode::Inline)];
const THEMES: [(&str, Option<Theme>); 2] = [("light", Some(Theme::Light)), ("dark", Some(Theme::Dark))];

/// Adds the comma-separated ids in `value` that `known` accepts to `into`,
/// skipping duplicates and reporting the rest.
fn ids(value: &str, into: &mut Vec<String>, known: impl Fn(&str) -> bool, ignore: Ignore) {
    for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !known(id) {
            ignore(id, "unknown id");
        } else if !into.iter().any(|x| x == id) {
            into.push(id.to_string());
        }
    }
}

/// A comma-separated list, or `None` when empty.
fn list(items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| items.join(","))
}

/// Reads a facet's ids, checked against the dataset.
fn facet(state: &mut ViewState, value: &str, data: &Dataset, ignore: Ignore, facet: Facet) {
    let known = |id: &str| match facet {
        Facet::Party => data.party(id).is_some(),
        Facet::Topic => data.topic(id).is_some(),
        Facet::Source => data.source(id).is_some(),
    };
    let filters = &mut state.timeline.filters;
    let into = match facet {
        Facet::Party => &mut filters.parties,
        Facet::Topic => &mut filters.topics,
        Facet::Source => &mut filters.sources,
    };
    ids(value, into, known, ignore);
}

/// A version for one side, checked against the dataset.
fn version(value: &str, data: &Dataset, into: &mut Option<String>, ignore: Ignore) {
    match data.version_index(value) {
        Some(_) => *into = Some(value.to_string()),
        None => ignore(value, "no such version; showing the default comparison"),
    }
}

/// Every public parameter, in the order the canonical URL writes them.
const PARAMS: [Param; 25] = [
    Param {
        name: "view",
        adds: false,
        read: |s, v, _, ignore| match View::ALL.into_iter().find(|view| view.id() == v) {
            Some(view) => s.view = view,
            None => ignore(v, "unknown view"),
        },
        write: |s| Some(s.view.id().to_string()),
    },
    Param {
        name: "q",
        adds: false,
        read: |s, v, _, ignore| {
            if query_is_cut(v) {
                ignore(v, "too long; cut to 200 characters");
            }
            s.timeline.filters.q = cut_query(v);
        },
        write: |s| (!s.timeline.filters.q.is_empty()).then(|| cut_query(&s.timeline.filters.q)),
    },
    Param {
        name: "from",
        adds: false,
        read: |s, v, _, ignore| match YearMonth::parse(v) {
            Some(ym) => s.timeline.filters.from = Some(ym),
            None => ignore(v, "not a YYYY or YYYY-MM date"),
        },
        write: |s| s.timeline.filters.from.map(|ym| ym.to_string()),
    },
    Param {
        name: "to",
        adds: false,
        read: |s, v, _, ignore| match YearMonth::parse(v) {
            Some(ym) => s.timeline.filters.to = Some(ym),
            None => ignore(v, "not a YYYY or YYYY-MM date"),
        },
        write: |s| s.timeline.filters.to.map(|ym| ym.to_string()),
    },
    Param {
        name: "party",
        adds: true,
        read: |s, v, data, ignore| facet(s, v, data, ignore, Facet::Party),
        write: |s| list(&s.timeline.filters.parties),
    },
    Param {
        name: "topic",
        adds: true,
        read: |s, v, data, ignore| facet(s, v, data, ignore, Facet::Topic),
        write: |s| list(&s.timeline.filters.topics),
    },
    Param {
        name: "certainty",
        adds: true,
        read: |s, v, _, ignore| {
            let mut names = Vec::new();
            ids(v, &mut names, |id| Certainty::from_id(id).is_some(), ignore);
            let chosen = &mut s.timeline.filters.certainties;
            for c in names.iter().filter_map(|n| Certainty::from_id(n)) {
                if !chosen.contains(&c) {
                    chosen.push(c);
                }
            }
        },
        write: |s| {
            let names: Vec<String> = s
                .timeline
                .filters
                .certainties
                .iter()
                .map(|c| c.id().to_string())
                .collect();
            list(&names)
        },
    },
    Param {
        name: "source",
        adds: true,
        read: |s, v, data, ignore| facet(s, v, data, ignore, Facet::Source),
        write: |s| list(&s.timeline.filters.sources),
    },
    Param {
        name: "key",
        adds: false,
        read: |s, v, _, ignore| choice(v, &FLAG, &mut s.timeline.filters.key, ignore, "must be 1 or 0"),
        write: |s| s.timeline.filters.key.then(|| "1".into()),
    },
    Param {
        name: "event",
        adds: false,
        // An old id (merged into another event) opens that event.
        read: |s, v, data, ignore| match data.event_or_alias(v) {
            Some(e) => s.timeline.event = Some(e.id.to_string()),
            None => ignore(v, "no such event"),
        },
        write: |s| s.timeline.event.clone(),
    },
    Param {
        name: "order",
        adds: false,
        read: |s, v, _, ignore| choice(v, &ORDERS, &mut s.timeline.order, ignore, "must be asc or desc"),
        write: |s| (s.timeline.order != Order::default()).then(|| word(s.timeline.order, &ORDERS).into()),
    },
    Param {
        name: "sort",
        adds: false,
        read: |s, v, _, ignore| {
            choice(
                v,
                &SORTS,
                &mut s.timeline.sort,
                ignore,
                "must be date, title or certainty",
            )
        },
        write: |s| (s.timeline.sort != Sort::default()).then(|| word(s.timeline.sort, &SORTS).into()),
    },
    Param {
        name: "layout",
        adds: false,
        read: |s, v, _, ignore| choice(v, &LAYOUTS, &mut s.timeline.layout, ignore, "must be list or table"),
        write: |s| (s.timeline.layout != Layout::default()).then(|| word(s.timeline.layout, &LAYOUTS).into()),
    },
    Param {
        name: "lanes",
        adds: false,
        read: |s, v, _, ignore| choice(v, &LANES, &mut s.timeline.lanes, ignore, "must be party or topic"),
        write: |s| (s.timeline.lanes != Lanes::default()).then(|| word(s.timeline.lanes, &LANES).into()),
    },
    Param {
        name: "a",
        adds: false,
        read: |s, v, data, ignore| version(v, data, &mut s.comparison.a, ignore),
        write: |s| s.comparison.a.clone(),
    },
    Param {
        name: "b",
        adds: false,
        read: |s, v, data, ignore| version(v, data, &mut s.comparison.b, ignore),
        write: |s| s.comparison.b.clone(),
    },
    Param {
        name: "clause",
        adds: false,
        read: |s, v, data, ignore| match data.clause(v) {
            Some(_) => s.comparison.clause = Some(v.to_string()),
            None => ignore(v, "no such clause"),
        },
        write: |s| s.comparison.clause.clone(),
    },
    Param {
        name: "changed",
        adds: false,
        read: |s, v, _, ignore| choice(v, &FLAG, &mut s.comparison.changed_only, ignore, "must be 1 or 0"),
        write: |s| s.comparison.changed_only.then(|| "1".into()),
    },
    Param {
        name: "mode",
        adds: false,
        read: |s, v, _, ignore| choice(v, &MODES, &mut s.comparison.mode, ignore, "must be side or inline"),
        write: |s| (s.comparison.mode != DiffMode::default()).then(|| word(s.comparison.mode, &MODES).into()),
    },
    Param {
        name: "embed",
        adds: false,
        read: |s, v, _, ignore| choice(v, &FLAG, &mut s.embed, ignore, "must be 1 or 0"),
        write: |s| s.embed.then(|| "1".into()),
    },
    Param {
        name: "preset",
        adds: false,
        read: |s, v, _, ignore| {
            choice(
                v,
                &PRESETS,
                &mut s.preset,
                ignore,
                "must be event, clause, scoreboard, conflict or range",
            )
        },
        write: |s| s.preset.map(|p| p.id().into()),
    },
    Param {
        name: "conflict",
        adds: false,
        read: |s, v, data, ignore| match data.conflicts.iter().find(|c| c.id == v) {
            Some(c) => s.conflict = Some(c.id.to_string()),
            None => ignore(v, "no such conflict"),
        },
        write: |s| s.conflict.clone(),
    },
    Param {
        name: "limit",
        adds: false,
        read: |s, v, _, ignore| match v.parse::<u32>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => s.limit = Some(n),
            _ => ignore(v, "must be a number from 1 to 50"),
        },
        write: |s| s.limit.map(|n| n.to_string()),
    },
    Param {
        name: "theme",
        adds: false,
        read: |s, v, _, ignore| choice(v, &THEMES, &mut s.theme, ignore, "must be light or dark"),
        write: |s| s.theme.map(|t| t.id().into()),
    },
    Param {
        name: SYNTHETIC,
        adds: false,
        read: |s, v, _, ignore| match synthetic_value(v) {
            Some(n) => s.synthetic = Some(n),
            None => ignore(v, "must be a number from 1 to 200000"),
        },
        write: |s| s.synthetic.map(|n| n.to_string()),
    },
];

impl ViewState {
    /// Reads a query string (with or without the leading `?`), checking ids
    /// against `data`. Never fails: what cannot be used is listed instead.
    pub fn parse(query: &str, data: &Dataset) -> (ViewState, Vec<Ignored>) {
        let mut state = ViewState::default();
        let mut ignored = Vec::new();
        // The last value each parameter that does not add up took. A later
        // value that replaces it (`view=clauses&view=sources`, as when a
        // parameter is appended to a link that already has it) drops it,
        // so the notice names it.
        let mut taken: [Option<String>; PARAMS.len()] = [const { None }; PARAMS.len()];
        for (key, value) in pairs(query) {
            // Parameters of other tools (analytics tags, a blog's own
            // query) are not ours to judge: they are kept as they came.
            let Some(index) = PARAMS.iter().position(|p| p.name == key) else {
                state.extra.push((key, value));
                continue;
            };
            let param = &PARAMS[index];
            let before = (!param.adds).then(|| (param.write)(&state));
            let mut rejected = false;
            let mut ignore = |value: &str, reason: &'static str| {
                rejected = true;
                ignored.push(Ignored::new(param.name, value, reason));
            };
            (param.read)(&mut state, &value, data, &mut ignore);
            let Some(before) = before else { continue };
            let changed = (param.write)(&state) != before;
            if changed && let Some(earlier) = taken[index].take() {
                ignored.push(Ignored::new(param.name, &earlier, "replaced by a later value"));
            }
            // A value is taken when it changed the state or was read whole
            // (a cut search text changes it, a rejected value does not).
            if changed || !rejected {
                taken[index] = Some(value);
            }
        }
        let mut ignore =
            |param: &str, value: String, reason: &'static str| ignored.push(Ignored::new(param, &value, reason));
        let filters = &mut state.timeline.filters;
        if let (Some(from), Some(to)) = (filters.from, filters.to)
            && from.start_key() > to.end_key()
        {
            ignore("from", format!("{from} > to={to}"), "range was reversed; swapped");
            filters.from = Some(to);
            filters.to = Some(from);
        }
        // A preset that names one thing needs to know which.
        let missing = match state.preset {
            Some(Preset::Event) if state.timeline.event.is_none() => Some("needs event=; showing the whole view"),
            Some(Preset::Clause) if state.comparison.clause.is_none() => Some("needs clause=; showing the whole view"),
            Some(Preset::Conflict) if state.conflict.is_none() => Some("needs conflict=; showing the whole view"),
            _ => None,
        };
        if let (Some(preset), Some(reason)) = (state.preset, missing) {
            ignore("preset", preset.id().to_string(), reason);
            state.preset = None;
        }
        (state, ignored)
    }

    /// The canonical query string, with a leading `?`. Defaults are left out,
    /// so equal states give equal URLs.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for param in &PARAMS {
            if let Some(value) = (param.write)(self) {
                out.append_pair(param.name, &value);
            }
        }
        for (key, value) in &self.extra {
            out.append_pair(key, value);
        }
        // `form_urlencoded` writes spaces as `+` and escapes `,`; both are
        // valid, but readable lists make shared links easier to edit.
        format!("?{}", out.finish().replace("%2C", ","))
    }
}
