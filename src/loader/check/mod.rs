//! Checks every data file, and every reference from one file to another,
//! collecting all the problems rather than stopping at the first.
//!
//! `check` checks every file's ids first, then runs one function per data
//! file, so a report lists problems file by file. Those functions live with
//! the kind of record they check; this module holds what they share: the
//! error list, the id and reference helpers, and what checking hands on to
//! code generation.

mod agreement;
mod disputes;
mod events;
mod review;
mod sources;

use super::DataError;
use super::dates::{Date, parse_date};
use super::files::Raw;
use super::vocab::{names, variant};
use std::collections::HashSet;

/// What checking works out for code generation: dates, resolved terms.
pub(super) struct Checked {
    /// Per event, its date; `None` for an undated one.
    pub(super) event_dates: Vec<Option<Date>>,
    /// Per event, the date a prediction resolves by; `None` for the rest.
    pub(super) event_resolves: Vec<Option<Date>>,
    /// Per version, its date.
    pub(super) version_dates: Vec<Date>,
    /// Per clause, per version (in version order): the term as resolved, with
    /// `same` replaced by a copy of the previous version's text and fields.
    pub(super) terms: Vec<Vec<ResolvedTerm>>,
}

/// A clause's term in one version, as code generation writes it.
#[derive(Clone)]
pub(super) struct ResolvedTerm {
    /// The version id.
    pub(super) version: String,
    /// The `model::TermStatus` variant.
    pub(super) status: &'static str,
    /// The term in two to five words.
    pub(super) short: String,
    /// The term as the sources give it.
    pub(super) text: String,
    /// For an implied term or absence: what implies it.
    pub(super) basis: Option<String>,
    /// Whether the term holds only at its version's date.
    pub(super) dated: bool,
    /// The clause the term rests on.
    pub(super) premise: Option<String>,
    /// Structured values, by name, in name order.
    pub(super) fields: Vec<(String, toml::Value)>,
    /// Source ids.
    pub(super) sources: Vec<String>,
    /// For a term that differs from the one before: whom the change
    /// favours, why, and the source id.
    pub(super) change: Option<(String, String, String)>,
}

/// Checks every file and the references between them; on success, returns
/// what code generation needs.
pub(super) fn check(raw: &Raw) -> Result<Checked, Vec<DataError>> {
    let mut v = Validator::default();
    let updated = v.check_dataset(raw);
    let known = v.known_ids(raw);
    v.check_sources(raw);
    v.check_parties(raw);
    v.check_topics(raw);
    let version_dates = v.check_versions(raw, &known);
    let (event_dates, event_resolves) = v.check_events(raw, &known, updated);
    let terms = v.check_clauses(raw, &known);
    v.check_conflicts(raw, &known);
    v.check_tables(raw, &known);
    v.check_checks(raw, &known);
    v.check_corrections(raw);
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    Ok(Checked {
        event_dates,
        event_resolves,
        version_dates,
        terms,
    })
}

/// The ids each file declares, for checking references between files.
struct Known<'a> {
    sources: HashSet<&'a str>,
    parties: HashSet<&'a str>,
    topics: HashSet<&'a str>,
    events: HashSet<&'a str>,
    versions: HashSet<&'a str>,
    clauses: HashSet<&'a str>,
}

/// Collects the problems found; each file's check adds to them.
#[derive(Default)]
struct Validator {
    errors: Vec<DataError>,
}

impl Validator {
    /// Records a problem with `entry` in `file`.
    fn err(&mut self, file: &str, entry: &str, problem: impl Into<String>) {
        self.errors.push(DataError {
            file: file.into(),
            entry: entry.into(),
            problem: problem.into(),
        });
    }

    /// Checks ids are well-formed slugs and unique; returns the set.
    fn ids<'a>(&mut self, file: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for id in ids {
            if id.is_empty()
                || !id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                self.err(file, id, "id must be lowercase letters, digits and hyphens");
            }
            if !seen.insert(id) {
                self.err(file, id, "duplicate id");
            }
        }
        seen
    }

    /// Checks every file's ids, and that no event alias clashes with an id,
    /// before any file's references to them are checked.
    fn known_ids<'a>(&mut self, raw: &'a Raw) -> Known<'a> {
        let known = Known {
            sources: self.ids("sources.toml", raw.sources.iter().map(|s| s.id.as_str())),
            parties: self.ids("parties.toml", raw.parties.iter().map(|p| p.id.as_str())),
            topics: self.ids("topics.toml", raw.topics.iter().map(|t| t.id.as_str())),
            events: self.ids("events.toml", raw.events.iter().map(|e| e.id.as_str())),
            versions: self.ids("versions.toml", raw.versions.iter().map(|v| v.id.as_str())),
            clauses: self.ids("clauses.toml", raw.clauses.iter().map(|c| c.id.as_str())),
        };
        self.ids("conflicts.toml", raw.conflicts.iter().map(|c| c.id.as_str()));
        self.ids("tables.toml", raw.tables.iter().map(|t| t.id.as_str()));
        self.ids("checks.toml", raw.checks.iter().map(|c| c.id.as_str()));
        // An alias is an old id: well-formed, and never another event's id,
        // or `?event=` would be ambiguous.
        self.ids(
            "events.toml",
            raw.events.iter().flat_map(|e| &e.aliases).map(String::as_str),
        );
        for e in &raw.events {
            for a in e.aliases.iter().filter(|a| known.events.contains(a.as_str())) {
                self.err("events.toml", &e.id, format!("alias `{a}` clashes with an event id"));
            }
        }
        known
    }

    /// Checks that `id` names a `what` that exists.
    fn reference(&mut self, file: &str, entry: &str, what: &str, id: &str, known: &HashSet<&str>) {
        if !known.contains(id) {
            self.err(file, entry, format!("unknown {what} `{id}`"));
        }
    }

    /// Checks that each of `ids` names a `what` that exists.
    fn refs(&mut self, file: &str, entry: &str, what: &str, ids: &[String], known: &HashSet<&str>) {
        for id in ids {
            self.reference(file, entry, what, id, known);
        }
    }

    /// Checks that `word` is one of `table`'s, listing them if not; returns
    /// the variant it names.
    fn word(
        &mut self,
        file: &str,
        entry: &str,
        what: &str,
        word: &str,
        table: &[(&str, &'static str)],
    ) -> Option<&'static str> {
        let found = variant(table, word);
        if found.is_none() {
            self.err(
                file,
                entry,
                format!("unknown {what} `{word}` (one of {})", names(table)),
            );
        }
        found
    }

    /// Checks that a required text says something.
    fn non_empty(&mut self, file: &str, entry: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.err(file, entry, format!("`{field}` is empty"));
        }
    }

    /// Parses a date, reporting it if it cannot exist; a bad date reads as
    /// the default so checking can go on.
    fn date(&mut self, file: &str, entry: &str, text: &str) -> Date {
        parse_date(text).unwrap_or_else(|problem| {
            self.err(file, entry, problem);
            Date::default()
        })
    }
}
