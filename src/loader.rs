//! Reads the human-edited TOML files in `data/`, checks them, and writes the
//! Rust source of the typed dataset.
//!
//! This module runs at build time, never in the browser: `build.rs` includes
//! it by path and the native tests reach it as `pactline::loader`, so the
//! shipped wasm carries no TOML parser. Every problem it finds names the file,
//! the entry id and what is wrong; `cargo build` stops on the first report.
//! The schema is documented for editors in `data/README.md`.

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::fmt::{self, Write as _};
use std::path::Path;

/// The data files, by name, in the order they are read.
pub const FILES: [&str; 11] = [
    "dataset.toml",
    "sources.toml",
    "parties.toml",
    "topics.toml",
    "events.toml",
    "versions.toml",
    "clauses.toml",
    "conflicts.toml",
    "tables.toml",
    "checks.toml",
    "corrections.toml",
];

/// A problem in the data, located precisely enough to fix by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file, e.g. `events.toml`.
    pub file: String,
    /// The entry's id (or `-` when the file as a whole is at fault).
    pub entry: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data/{}: `{}`: {}", self.file, self.entry, self.problem)
    }
}

/// The checked dataset, ready to be compiled into the app.
#[derive(Debug)]
pub struct Compiled {
    /// Rust source defining `pub static DATASET: Dataset`.
    pub rust: String,
    /// The dataset version: the review date plus a content hash.
    pub version: String,
}

/// Reads every data file from `dir` and compiles them.
pub fn compile_dir(dir: &Path) -> Result<Compiled, Vec<DataError>> {
    let mut texts = BTreeMap::new();
    let mut errors = Vec::new();
    for name in FILES {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => {
                texts.insert(name.to_string(), text);
            }
            Err(e) => errors.push(DataError {
                file: name.into(),
                entry: "-".into(),
                problem: format!("cannot be read: {e}"),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    compile_texts(&texts)
}

/// Compiles data files given as text, keyed by file name (see [`FILES`]).
/// A missing file counts as empty.
pub fn compile_texts(texts: &BTreeMap<String, String>) -> Result<Compiled, Vec<DataError>> {
    let mut errors = Vec::new();
    let text = |name: &str| texts.get(name).map(String::as_str).unwrap_or("");
    let meta: Meta = parse(text("dataset.toml"), "dataset.toml", &mut errors).unwrap_or_default();
    let sources: SourceFile = parse(text("sources.toml"), "sources.toml", &mut errors).unwrap_or_default();
    let parties: PartyFile = parse(text("parties.toml"), "parties.toml", &mut errors).unwrap_or_default();
    let topics: TopicFile = parse(text("topics.toml"), "topics.toml", &mut errors).unwrap_or_default();
    let events: EventFile = parse(text("events.toml"), "events.toml", &mut errors).unwrap_or_default();
    let versions: VersionFile = parse(text("versions.toml"), "versions.toml", &mut errors).unwrap_or_default();
    let clauses: ClauseFile = parse(text("clauses.toml"), "clauses.toml", &mut errors).unwrap_or_default();
    let conflicts: ConflictFile = parse(text("conflicts.toml"), "conflicts.toml", &mut errors).unwrap_or_default();
    let tables: TableFile = parse(text("tables.toml"), "tables.toml", &mut errors).unwrap_or_default();
    let checks: CheckFile = parse(text("checks.toml"), "checks.toml", &mut errors).unwrap_or_default();
    let corrections: CorrectionFile =
        parse(text("corrections.toml"), "corrections.toml", &mut errors).unwrap_or_default();
    if !errors.is_empty() {
        return Err(errors);
    }
    let raw = Raw {
        meta,
        sources: sources.source,
        parties: parties.party,
        topics: topics.topic,
        events: events.event,
        versions: versions.version,
        clauses: clauses.clause,
        conflicts: conflicts.conflict,
        tables: tables.table,
        checks: checks.check,
        corrections: corrections.correction,
    };
    let mut v = Validator::default();
    let checked = v.check(&raw);
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    let version = format!("{}.{:08x}", raw.meta.updated, content_hash(texts));
    Ok(Compiled {
        rust: generate(&raw, &checked, &version),
        version,
    })
}

fn parse<T: for<'de> Deserialize<'de>>(text: &str, file: &str, errors: &mut Vec<DataError>) -> Option<T> {
    match toml::from_str(text) {
        Ok(value) => Some(value),
        Err(e) => {
            errors.push(DataError {
                file: file.into(),
                entry: "-".into(),
                problem: e.to_string().trim_end().replace('\n', " "),
            });
            None
        }
    }
}

/// FNV-1a over the file names and contents: stable across platforms and
/// Rust versions, which `std`'s hasher does not promise.
fn content_hash(texts: &BTreeMap<String, String>) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for (name, text) in texts {
        for byte in name.bytes().chain(text.bytes()) {
            hash ^= byte as u32;
            hash = hash.wrapping_mul(0x0100_0193);
        }
    }
    hash
}

// ---------------------------------------------------------------------------
// The files' shape, as editors write them.
// ---------------------------------------------------------------------------

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Meta {
    /// The date the dataset was last reviewed, `YYYY-MM-DD`.
    #[serde(default)]
    updated: String,
    /// The data's licence, by short name, and where its text is.
    #[serde(default)]
    licence: String,
    #[serde(default)]
    licence_url: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    #[serde(default)]
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    file: Option<String>,
    kind: String,
    author: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    date: String,
    date_note: String,
    reliability: String,
    #[serde(default)]
    aggregator: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PartyFile {
    #[serde(default)]
    party: Vec<RawParty>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParty {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TopicFile {
    #[serde(default)]
    topic: Vec<RawTopic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    name: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct EventFile {
    #[serde(default)]
    event: Vec<RawEvent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    #[serde(default)]
    aliases: Vec<String>,
    date: String,
    #[serde(default)]
    approx: bool,
    relative: Option<String>,
    date_note: Option<String>,
    title: String,
    summary: String,
    #[serde(default)]
    parties: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
    certainty: String,
    #[serde(default)]
    sources: Vec<String>,
    resolves_by: Option<String>,
    outcome: Option<RawOutcome>,
    #[serde(default)]
    figures: Vec<RawFigure>,
    #[serde(default)]
    clauses: Vec<RawClauseRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutcome {
    status: String,
    as_of: String,
    text: String,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    kind: String,
    value: f64,
    max: Option<f64>,
    unit: String,
    scale: Option<String>,
    label: String,
    display: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClauseRef {
    clause: String,
    version: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct VersionFile {
    #[serde(default)]
    version: Vec<RawVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVersion {
    id: String,
    name: String,
    date: String,
    #[serde(default)]
    approx: bool,
    relative: Option<String>,
    date_note: Option<String>,
    summary: String,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ClauseFile {
    #[serde(default)]
    clause: Vec<RawClause>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClause {
    id: String,
    name: String,
    question: String,
    #[serde(default)]
    terms: BTreeMap<String, RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    status: String,
    #[serde(default)]
    text: String,
    basis: Option<String>,
    #[serde(default)]
    fields: BTreeMap<String, toml::Value>,
    #[serde(default)]
    sources: Vec<String>,
    change: Option<RawChange>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    favours: String,
    reason: String,
    source: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConflictFile {
    #[serde(default)]
    conflict: Vec<RawConflict>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConflict {
    id: String,
    title: String,
    summary: String,
    #[serde(default)]
    claims: Vec<RawClaim>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    source: String,
    text: String,
    certainty: String,
    #[serde(default)]
    events: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TableFile {
    #[serde(default)]
    table: Vec<RawTable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    id: String,
    title: String,
    certainty: String,
    source: String,
    note: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
    #[serde(default)]
    row_certainty: Vec<String>,
    #[serde(default)]
    column_certainty: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CheckFile {
    #[serde(default)]
    check: Vec<RawCheck>,
}

/// One headline claim checked against one report. The claim is named by
/// `event` (with `figure`, 1-based, for one of its figures), by `clause`
/// and `version` for a term, or by `version` alone for a version's date.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    id: String,
    #[serde(default)]
    report: String,
    verdict: String,
    text: String,
    event: Option<String>,
    figure: Option<usize>,
    clause: Option<String>,
    version: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CorrectionFile {
    #[serde(default)]
    correction: Vec<RawCorrection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCorrection {
    date: String,
    changes: Vec<String>,
}

struct Raw {
    meta: Meta,
    sources: Vec<RawSource>,
    parties: Vec<RawParty>,
    topics: Vec<RawTopic>,
    events: Vec<RawEvent>,
    versions: Vec<RawVersion>,
    clauses: Vec<RawClause>,
    conflicts: Vec<RawConflict>,
    tables: Vec<RawTable>,
    checks: Vec<RawCheck>,
    corrections: Vec<RawCorrection>,
}

// ---------------------------------------------------------------------------
// Checking.
// ---------------------------------------------------------------------------

/// A parsed date, before it becomes `model::EventDate` source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Date {
    year: u16,
    month: u8,
    day: u8,
    quarter: u8,
}

impl Date {
    fn precision(&self) -> &'static str {
        if self.day != 0 {
            "Day"
        } else if self.month != 0 {
            "Month"
        } else if self.quarter != 0 {
            "Quarter"
        } else {
            "Year"
        }
    }

    /// A key for the last day of the span the date covers, comparable with
    /// `sort_key` (any day number past the month's last will do).
    fn end_key(&self) -> u32 {
        let last_month = match (self.month, self.quarter) {
            (0, 0) => 12,
            (0, q) => q as u32 * 3,
            (m, _) => m as u32,
        };
        let day = if self.day == 0 { 31 } else { self.day as u32 };
        self.year as u32 * 10_000 + last_month * 100 + day
    }

    fn sort_key(&self) -> u32 {
        let month = if self.quarter != 0 {
            (self.quarter as u32 - 1) * 3 + 1
        } else {
            self.month as u32
        };
        self.year as u32 * 10_000 + month * 100 + self.day as u32
    }
}

/// Parses `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`, rejecting dates that
/// cannot exist (month 13, 30 February) or fall outside 1900–2100.
fn parse_date(text: &str) -> Result<Date, String> {
    let bad = || format!("date `{text}` is not YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD");
    let mut parts = text.split('-');
    let year_text = parts.next().ok_or_else(bad)?;
    if year_text.len() != 4 {
        return Err(bad());
    }
    let year: u16 = year_text.parse().map_err(|_| bad())?;
    if !(1900..=2100).contains(&year) {
        return Err(format!("date `{text}` has an impossible year"));
    }
    let mut date = Date {
        year,
        ..Date::default()
    };
    if let Some(second) = parts.next() {
        if let Some(q) = second.strip_prefix('Q') {
            date.quarter = q.parse().map_err(|_| bad())?;
            if !(1..=4).contains(&date.quarter) || parts.next().is_some() {
                return Err(format!("date `{text}` has an impossible quarter"));
            }
            return Ok(date);
        }
        if second.len() != 2 {
            return Err(bad());
        }
        date.month = second.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&date.month) {
            return Err(format!("date `{text}` has an impossible month"));
        }
        if let Some(third) = parts.next() {
            if third.len() != 2 {
                return Err(bad());
            }
            date.day = third.parse().map_err(|_| bad())?;
            let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
            let days = match date.month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if date.day == 0 || date.day > days {
                return Err(format!("date `{text}` has an impossible day"));
            }
        }
        if parts.next().is_some() {
            return Err(bad());
        }
    }
    Ok(date)
}

const SOURCE_KINDS: [(&str, &str); 6] = [
    ("video-summary", "VideoSummary"),
    ("blog-post", "BlogPost"),
    ("podcast-digest", "PodcastDigest"),
    ("news-post", "NewsPost"),
    ("analysis-article", "AnalysisArticle"),
    ("news-report", "NewsReport"),
];

const RESOLUTIONS: [(&str, &str); 4] = [
    ("unresolved", "Unresolved"),
    ("came-true", "CameTrue"),
    ("did-not-happen", "DidNotHappen"),
    ("partly", "Partly"),
];

const VERDICTS: [(&str, &str); 2] = [("corroborates", "Corroborates"), ("contradicts", "Contradicts")];

const CERTAINTIES: [(&str, &str); 5] = [
    ("reported", "Reported"),
    ("analysis", "Analysis"),
    ("speculation", "Speculation"),
    ("prediction", "Prediction"),
    ("hypothetical", "Hypothetical"),
];

const FIGURE_KINDS: [(&str, &str); 11] = [
    ("money", "Money"),
    ("percent", "Percent"),
    ("stake", "Stake"),
    ("power", "Power"),
    ("speed", "Speed"),
    ("year", "Year"),
    ("duration", "Duration"),
    ("headcount", "Headcount"),
    ("count", "Count"),
    ("bandwidth", "Bandwidth"),
    ("latency", "Latency"),
];

const FAVOURS: [(&str, &str); 4] = [
    ("microsoft", "Microsoft"),
    ("openai", "OpenAi"),
    ("neutral", "Neutral"),
    ("mixed", "Mixed"),
];

const STATUSES: [&str; 5] = ["stated", "implied", "absent", "unstated", "same"];

fn variant(table: &[(&str, &'static str)], id: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
}

fn names(table: &[(&str, &str)]) -> String {
    table.iter().map(|(k, _)| *k).collect::<Vec<_>>().join(", ")
}

/// What checking works out for code generation: dates, resolved terms.
struct Checked {
    /// Per event, its date; `None` for an undated one.
    event_dates: Vec<Option<Date>>,
    event_resolves: Vec<Option<Date>>,
    version_dates: Vec<Date>,
    /// Per clause, per version (in version order): the term as resolved, with
    /// `same` replaced by a copy of the previous version's text and fields.
    terms: Vec<Vec<ResolvedTerm>>,
}

#[derive(Clone)]
struct ResolvedTerm {
    version: String,
    status: &'static str,
    text: String,
    basis: Option<String>,
    fields: Vec<(String, toml::Value)>,
    sources: Vec<String>,
    change: Option<(String, String, String)>,
}

impl ResolvedTerm {
    fn comparable(&self) -> bool {
        self.status != "Unstated"
    }

    /// Whether the agreement says the same in both. An implied term and a
    /// stated one with the same words agree: only the evidence differs.
    fn same_as(&self, other: &ResolvedTerm) -> bool {
        let has = |t: &ResolvedTerm| t.status != "Absent";
        has(self) == has(other) && self.text == other.text && self.fields == other.fields
    }
}

#[derive(Default)]
struct Validator {
    errors: Vec<DataError>,
}

impl Validator {
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

    fn refs(&mut self, file: &str, entry: &str, what: &str, refs: &[String], known: &HashSet<&str>) {
        for r in refs {
            if !known.contains(r.as_str()) {
                self.err(file, entry, format!("unknown {what} `{r}`"));
            }
        }
    }

    fn non_empty(&mut self, file: &str, entry: &str, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.err(file, entry, format!("`{field}` is empty"));
        }
    }

    fn date(&mut self, file: &str, entry: &str, text: &str) -> Date {
        parse_date(text).unwrap_or_else(|problem| {
            self.err(file, entry, problem);
            Date::default()
        })
    }

    fn check(&mut self, raw: &Raw) -> Checked {
        let updated = parse_date(&raw.meta.updated).ok().filter(|d| d.day != 0);
        if updated.is_none() {
            self.err("dataset.toml", "updated", "must be a full date, YYYY-MM-DD");
        }
        self.non_empty("dataset.toml", "licence", "licence", &raw.meta.licence);
        if !raw.meta.licence_url.starts_with("https://") {
            self.err("dataset.toml", "licence_url", "must be an https:// address");
        }
        let source_ids = self.ids("sources.toml", raw.sources.iter().map(|s| s.id.as_str()));
        let party_ids = self.ids("parties.toml", raw.parties.iter().map(|p| p.id.as_str()));
        let topic_ids = self.ids("topics.toml", raw.topics.iter().map(|t| t.id.as_str()));
        let event_ids = self.ids("events.toml", raw.events.iter().map(|e| e.id.as_str()));
        let version_ids = self.ids("versions.toml", raw.versions.iter().map(|v| v.id.as_str()));
        let clause_ids = self.ids("clauses.toml", raw.clauses.iter().map(|c| c.id.as_str()));
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
            for a in e.aliases.iter().filter(|a| event_ids.contains(a.as_str())) {
                self.err("events.toml", &e.id, format!("alias `{a}` clashes with an event id"));
            }
        }

        for s in &raw.sources {
            let f = "sources.toml";
            self.non_empty(f, &s.id, "title", &s.title);
            self.non_empty(f, &s.id, "reliability", &s.reliability);
            if s.kind == "news-report" {
                // A report is cited by where a reader can find it.
                if s.file.is_some() {
                    self.err(f, &s.id, "a news report has no `file`: it is cited by its `url`");
                }
                if s.publisher.as_deref().is_none_or(|p| p.trim().is_empty()) {
                    self.err(f, &s.id, "a news report needs `publisher`");
                }
                if !s.url.as_deref().is_some_and(|u| u.starts_with("https://")) {
                    self.err(f, &s.id, "a news report needs an https:// `url`");
                }
                // A page that shows no date is `undated`, and says so.
                if s.date != "undated" && parse_date(&s.date).map(|d| d.day == 0).unwrap_or(true) {
                    self.err(f, &s.id, "a news report's `date` is YYYY-MM-DD, or `undated` if its page shows none");
                }
            } else {
                self.non_empty(f, &s.id, "file", s.file.as_deref().unwrap_or(""));
                if s.aggregator {
                    self.err(f, &s.id, "only a news report can be an `aggregator`");
                }
            }
            if variant(&SOURCE_KINDS, &s.kind).is_none() {
                self.err(
                    f,
                    &s.id,
                    format!("unknown kind `{}` (one of {})", s.kind, names(&SOURCE_KINDS)),
                );
            }
            if s.date != "undated" {
                self.date(f, &s.id, &s.date);
            }
        }
        for p in &raw.parties {
            self.non_empty("parties.toml", &p.id, "name", &p.name);
        }
        for t in &raw.topics {
            self.non_empty("topics.toml", &t.id, "name", &t.name);
        }

        let version_dates: Vec<Date> = raw
            .versions
            .iter()
            .map(|v| {
                let f = "versions.toml";
                self.non_empty(f, &v.id, "name", &v.name);
                self.non_empty(f, &v.id, "summary", &v.summary);
                if v.sources.is_empty() {
                    self.err(f, &v.id, "names no source");
                }
                self.refs(f, &v.id, "source", &v.sources, &source_ids);
                self.date(f, &v.id, &v.date)
            })
            .collect();
        for (i, pair) in version_dates.windows(2).enumerate() {
            if pair[1].sort_key() < pair[0].sort_key() {
                self.err(
                    "versions.toml",
                    &raw.versions[i + 1].id,
                    "is dated before the version listed above it",
                );
            }
        }

        let mut event_dates = Vec::new();
        let mut event_resolves = Vec::new();
        for e in &raw.events {
            let f = "events.toml";
            if e.date == "undated" {
                // Undated is a finding, so it must say why; it has no
                // date to be approximate or relative about.
                if e.date_note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    self.err(f, &e.id, "an undated event needs a `date_note` saying why");
                }
                if e.approx || e.relative.is_some() {
                    self.err(f, &e.id, "an undated event has no `approx` or `relative`");
                }
                event_dates.push(None);
            } else {
                event_dates.push(Some(self.date(f, &e.id, &e.date)));
            }
            self.non_empty(f, &e.id, "title", &e.title);
            self.non_empty(f, &e.id, "summary", &e.summary);
            if e.sources.is_empty() {
                self.err(f, &e.id, "names no source");
            }
            self.refs(f, &e.id, "source", &e.sources, &source_ids);
            self.refs(f, &e.id, "party", &e.parties, &party_ids);
            self.refs(f, &e.id, "topic", &e.topics, &topic_ids);
            if e.topics.is_empty() {
                self.err(f, &e.id, "names no topic");
            }
            let certainty = variant(&CERTAINTIES, &e.certainty);
            if certainty.is_none() {
                self.err(
                    f,
                    &e.id,
                    format!("unknown certainty `{}` (one of {})", e.certainty, names(&CERTAINTIES)),
                );
            }
            match (&e.resolves_by, certainty == Some("Prediction")) {
                (Some(by), true) => {
                    let by_date = self.date(f, &e.id, by);
                    // Measured against the review date, never the clock, so a
                    // build does not start failing by itself one day.
                    if let Some(updated) = updated
                        && by_date.end_key() < updated.sort_key()
                        && e.outcome.is_none()
                    {
                        self.err(
                            f,
                            &e.id,
                            format!(
                                "resolves by {by}, before the review date {}, but has no `outcome`",
                                raw.meta.updated
                            ),
                        );
                    }
                    event_resolves.push(Some(by_date));
                }
                (None, true) => {
                    self.err(f, &e.id, "a prediction needs `resolves_by`");
                    event_resolves.push(None);
                }
                (Some(_), false) => {
                    self.err(f, &e.id, "only a prediction has `resolves_by`");
                    event_resolves.push(None);
                }
                (None, false) => event_resolves.push(None),
            }
            if let Some(o) = &e.outcome {
                if certainty != Some("Prediction") {
                    self.err(f, &e.id, "only a prediction has an `outcome`");
                }
                if variant(&RESOLUTIONS, &o.status).is_none() {
                    self.err(
                        f,
                        &e.id,
                        format!("unknown outcome status `{}` (one of {})", o.status, names(&RESOLUTIONS)),
                    );
                }
                if parse_date(&o.as_of).map(|d| d.day == 0).unwrap_or(true) {
                    self.err(f, &e.id, "outcome `as_of` must be a full date, YYYY-MM-DD");
                }
                self.non_empty(f, &e.id, "outcome.text", &o.text);
                if o.status != "unresolved" && o.sources.is_empty() {
                    self.err(f, &e.id, "a settled outcome names the sources that settle it");
                }
                self.refs(f, &e.id, "source", &o.sources, &source_ids);
            }
            for fig in &e.figures {
                if variant(&FIGURE_KINDS, &fig.kind).is_none() {
                    self.err(
                        f,
                        &e.id,
                        format!("unknown figure kind `{}` (one of {})", fig.kind, names(&FIGURE_KINDS)),
                    );
                }
                if fig.max.is_some_and(|max| max < fig.value) {
                    self.err(f, &e.id, format!("figure `{}` has max below its value", fig.label));
                }
                if let Some(scale) = &fig.scale
                    && scale_suffix(scale).is_none()
                {
                    self.err(f, &e.id, format!("figure `{}` has unknown scale `{scale}`", fig.label));
                }
                self.non_empty(f, &e.id, "figure label", &fig.label);
            }
            for c in &e.clauses {
                if !clause_ids.contains(c.clause.as_str()) {
                    self.err(f, &e.id, format!("unknown clause `{}`", c.clause));
                }
                if !version_ids.contains(c.version.as_str()) {
                    self.err(f, &e.id, format!("unknown version `{}`", c.version));
                }
            }
        }

        let mut terms = Vec::new();
        for c in &raw.clauses {
            let f = "clauses.toml";
            self.non_empty(f, &c.id, "name", &c.name);
            self.non_empty(f, &c.id, "question", &c.question);
            for v in c.terms.keys() {
                if !version_ids.contains(v.as_str()) {
                    self.err(f, &c.id, format!("term for unknown version `{v}`"));
                }
            }
            let mut resolved: Vec<ResolvedTerm> = Vec::new();
            for v in &raw.versions {
                let Some(t) = c.terms.get(&v.id) else {
                    self.err(f, &c.id, format!("has no term for version `{}`", v.id));
                    continue;
                };
                let entry = format!("{}.{}", c.id, v.id);
                self.refs(f, &entry, "source", &t.sources, &source_ids);
                if !STATUSES.contains(&t.status.as_str()) {
                    self.err(
                        f,
                        &entry,
                        format!("unknown status `{}` (one of {})", t.status, STATUSES.join(", ")),
                    );
                    continue;
                }
                if t.status != "unstated" && t.sources.is_empty() {
                    self.err(f, &entry, "names no source");
                }
                let term = match t.status.as_str() {
                    "same" => match resolved.last() {
                        Some(prev)
                            if prev.comparable() && t.text.is_empty() && t.fields.is_empty() && t.basis.is_none() =>
                        {
                            ResolvedTerm {
                                version: v.id.clone(),
                                sources: t.sources.clone(),
                                change: None,
                                ..prev.clone()
                            }
                        }
                        Some(prev) if prev.comparable() => {
                            self.err(f, &entry, "status `same` takes no text, fields or basis of its own");
                            continue;
                        }
                        _ => {
                            self.err(
                                f,
                                &entry,
                                "status `same` needs a stated, implied or absent term in the version before",
                            );
                            continue;
                        }
                    },
                    status => {
                        if status == "stated" || status == "implied" {
                            self.non_empty(f, &entry, "text", &t.text);
                        }
                        if status == "unstated" && (!t.text.is_empty() || !t.fields.is_empty()) {
                            self.err(f, &entry, "an unstated term has no text or fields");
                        }
                        // An implied term says what implies it; only it does.
                        match (&t.basis, status == "implied") {
                            (None, true) => self.err(f, &entry, "an implied term needs a `basis`: what implies it"),
                            (Some(b), true) => self.non_empty(f, &entry, "basis", b),
                            (Some(_), false) => self.err(f, &entry, "only an implied term has a `basis`"),
                            (None, false) => {}
                        }
                        if t.text.contains("(implied") {
                            self.err(
                                f,
                                &entry,
                                "say \"(implied: …)\" with `status = \"implied\"` and a `basis`",
                            );
                        }
                        ResolvedTerm {
                            version: v.id.clone(),
                            status: match status {
                                "stated" => "Stated",
                                "implied" => "Implied",
                                "absent" => "Absent",
                                _ => "Unstated",
                            },
                            basis: t.basis.clone(),
                            text: t.text.clone(),
                            fields: t.fields.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
                            sources: t.sources.clone(),
                            change: None,
                        }
                    }
                };
                for (name, value) in &term.fields {
                    if !matches!(
                        value,
                        toml::Value::Boolean(_)
                            | toml::Value::Integer(_)
                            | toml::Value::Float(_)
                            | toml::Value::String(_)
                    ) {
                        self.err(f, &entry, format!("field `{name}` must be a boolean, number or string"));
                    }
                }
                let previous = resolved.iter().rev().find(|p| p.comparable());
                let differs = term.comparable() && previous.is_some_and(|p| !term.same_as(p));
                let mut term = term;
                match (&t.change, differs) {
                    (Some(ch), true) => {
                        if variant(&FAVOURS, &ch.favours).is_none() {
                            self.err(
                                f,
                                &entry,
                                format!("unknown favours `{}` (one of {})", ch.favours, names(&FAVOURS)),
                            );
                        }
                        self.non_empty(f, &entry, "change.reason", &ch.reason);
                        if !source_ids.contains(ch.source.as_str()) {
                            self.err(f, &entry, format!("unknown source `{}`", ch.source));
                        }
                        term.change = Some((ch.favours.clone(), ch.reason.clone(), ch.source.clone()));
                    }
                    (None, true) => self.err(
                        f,
                        &entry,
                        "differs from the previous stated term but has no `change` (who it favours, why, which source)",
                    ),
                    (Some(_), false) => self.err(
                        f,
                        &entry,
                        "has a `change` but does not differ from the previous stated term",
                    ),
                    (None, false) => {}
                }
                resolved.push(term);
            }
            terms.push(resolved);
        }

        for c in &raw.conflicts {
            let f = "conflicts.toml";
            self.non_empty(f, &c.id, "title", &c.title);
            self.non_empty(f, &c.id, "summary", &c.summary);
            if c.claims.len() < 2 {
                self.err(f, &c.id, "a conflict needs at least two claims");
            }
            for claim in &c.claims {
                if !source_ids.contains(claim.source.as_str()) {
                    self.err(f, &c.id, format!("unknown source `{}`", claim.source));
                }
                if variant(&CERTAINTIES, &claim.certainty).is_none() {
                    self.err(f, &c.id, format!("unknown certainty `{}`", claim.certainty));
                }
                self.non_empty(f, &c.id, "claim text", &claim.text);
                self.refs(f, &c.id, "event", &claim.events, &event_ids);
            }
        }

        for t in &raw.tables {
            let f = "tables.toml";
            if !source_ids.contains(t.source.as_str()) {
                self.err(f, &t.id, format!("unknown source `{}`", t.source));
            }
            if variant(&CERTAINTIES, &t.certainty).is_none() {
                self.err(f, &t.id, format!("unknown certainty `{}`", t.certainty));
            }
            for (i, row) in t.rows.iter().enumerate() {
                if row.len() != t.columns.len() {
                    self.err(
                        f,
                        &t.id,
                        format!("row {} has {} cells for {} columns", i + 1, row.len(), t.columns.len()),
                    );
                }
            }
            // A table that mixes kinds labels each row or each column.
            for (what, labels, count) in [
                ("row_certainty", &t.row_certainty, t.rows.len()),
                ("column_certainty", &t.column_certainty, t.columns.len()),
            ] {
                if !labels.is_empty() && labels.len() != count {
                    self.err(f, &t.id, format!("`{what}` has {} labels for {count}", labels.len()));
                }
                for label in labels.iter().filter(|l| variant(&CERTAINTIES, l).is_none()) {
                    self.err(f, &t.id, format!("unknown certainty `{label}` in `{what}`"));
                }
            }
            if !t.row_certainty.is_empty() && !t.column_certainty.is_empty() {
                self.err(f, &t.id, "label rows or columns, not both");
            }
        }

        self.check_checks(raw, &source_ids, &version_ids);
        self.check_corrections(raw);

        Checked {
            event_dates,
            event_resolves,
            version_dates,
            terms,
        }
    }
}

impl Validator {
    /// Each check names one claim that exists, a public report, a verdict
    /// and what the report says.
    fn check_checks(&mut self, raw: &Raw, source_ids: &HashSet<&str>, version_ids: &HashSet<&str>) {
        let f = "checks.toml";
        for c in &raw.checks {
            if c.report.trim().is_empty() {
                self.err(
                    f,
                    &c.id,
                    "names no `report`: a check cites the public report it rests on",
                );
            } else if !source_ids.contains(c.report.as_str()) {
                self.err(f, &c.id, format!("unknown source `{}`", c.report));
            } else if raw.sources.iter().any(|s| s.id == c.report && s.kind != "news-report") {
                self.err(f, &c.id, format!("`{}` is not a news report", c.report));
            }
            if variant(&VERDICTS, &c.verdict).is_none() {
                self.err(
                    f,
                    &c.id,
                    format!("unknown verdict `{}` (one of {})", c.verdict, names(&VERDICTS)),
                );
            }
            self.non_empty(f, &c.id, "text", &c.text);
            match (&c.event, c.figure, &c.clause, &c.version) {
                (Some(event), figure, None, None) => match raw.events.iter().find(|e| &e.id == event) {
                    None => self.err(f, &c.id, format!("unknown event `{event}`")),
                    Some(e) => {
                        if let Some(n) = figure
                            && !(1..=e.figures.len()).contains(&n)
                        {
                            self.err(f, &c.id, format!("event `{event}` has no figure {n}"));
                        }
                    }
                },
                (None, None, Some(clause), Some(version)) => {
                    if !raw.clauses.iter().any(|cl| &cl.id == clause) {
                        self.err(f, &c.id, format!("unknown clause `{clause}`"));
                    }
                    if !version_ids.contains(version.as_str()) {
                        self.err(f, &c.id, format!("unknown version `{version}`"));
                    }
                }
                (None, None, None, Some(version)) => {
                    if !version_ids.contains(version.as_str()) {
                        self.err(f, &c.id, format!("unknown version `{version}`"));
                    }
                }
                _ => self.err(
                    f,
                    &c.id,
                    "names its claim by `event` (and `figure`), by `clause` and `version`, or by `version` alone",
                ),
            }
        }
    }

    /// The log runs newest first and its newest entry is this review, so
    /// every version of the data says what it changed.
    fn check_corrections(&mut self, raw: &Raw) {
        let f = "corrections.toml";
        for c in &raw.corrections {
            if parse_date(&c.date).map(|d| d.day == 0).unwrap_or(true) {
                self.err(f, &c.date, "`date` must be a full date, YYYY-MM-DD");
            }
            if c.changes.iter().all(|ch| ch.trim().is_empty()) {
                self.err(f, &c.date, "lists no change");
            }
        }
        if raw.corrections.windows(2).any(|w| w[0].date <= w[1].date) {
            self.err(f, "-", "entries must run newest first, one per review date");
        }
        if raw.corrections.first().is_none_or(|c| c.date != raw.meta.updated) {
            self.err(
                f,
                "-",
                format!(
                    "has no entry for this review, {} (dataset.toml `updated`)",
                    raw.meta.updated
                ),
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Code generation.
// ---------------------------------------------------------------------------

fn scale_suffix(scale: &str) -> Option<&'static str> {
    match scale {
        "thousand" => Some("K"),
        "million" => Some("M"),
        "billion" => Some("B"),
        "trillion" => Some("T"),
        _ => None,
    }
}

/// Writes a number without a trailing `.0` and with thousands separators.
fn number(value: f64) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    };
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    }
}

/// The figure as a reader sees it: "$20–50B", "27%", "2 GW", "1,500 people".
fn figure_display(fig: &RawFigure) -> String {
    if let Some(display) = &fig.display {
        return display.clone();
    }
    // Years are names, not quantities: no thousands separator.
    let fmt = |v: f64| {
        if fig.kind == "year" {
            format!("{v:.0}")
        } else {
            number(v)
        }
    };
    let span = match fig.max {
        Some(max) => format!("{}–{}", fmt(fig.value), fmt(max)),
        None => fmt(fig.value),
    };
    let suffix = fig.scale.as_deref().and_then(scale_suffix).unwrap_or("");
    match (fig.unit.as_str(), fig.kind.as_str()) {
        ("USD", _) => format!("${span}{suffix}"),
        ("%", _) => format!("{span}%"),
        (_, "year") => span,
        (unit, _) => format!("{span}{suffix} {unit}"),
    }
}

/// The figure in words, so a search for "50 billion" or "27 percent" finds it.
fn figure_spelled(fig: &RawFigure) -> String {
    let plain = |v: f64| {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v}")
        }
    };
    let span = match fig.max {
        Some(max) => format!("{} to {}", plain(fig.value), plain(max)),
        None => plain(fig.value),
    };
    match (fig.unit.as_str(), &fig.scale) {
        ("%", _) => format!("{span} percent"),
        (_, Some(scale)) => format!("{span} {scale}"),
        (unit, None) => format!("{span} {unit}"),
    }
}

fn s(text: &str) -> String {
    format!("{text:?}")
}

fn opt(text: &Option<String>) -> String {
    match text {
        Some(t) => format!("Some({t:?})"),
        None => "None".into(),
    }
}

fn strs(items: &[String]) -> String {
    let mut out = String::from("&[");
    for item in items {
        let _ = write!(out, "{item:?},");
    }
    out.push(']');
    out
}

fn date_code(d: &Date, approx: bool, relative: &Option<String>, note: &Option<String>) -> String {
    format!(
        "EventDate {{ year: {}, month: {}, day: {}, quarter: {}, precision: Precision::{}, approx: {approx}, relative: {}, note: {} }}",
        d.year,
        d.month,
        d.day,
        d.quarter,
        d.precision(),
        opt(relative),
        opt(note)
    )
}

fn field_value(value: &toml::Value) -> String {
    match value {
        toml::Value::Boolean(b) => format!("FieldValue::Bool({b})"),
        toml::Value::Integer(i) => format!("FieldValue::Number({:?}, \"{i}\")", *i as f64),
        toml::Value::Float(x) => format!("FieldValue::Number({x:?}, \"{x}\")"),
        toml::Value::String(t) => format!("FieldValue::Text({t:?})"),
        _ => "FieldValue::Text(\"\")".into(),
    }
}

fn generate(raw: &Raw, checked: &Checked, version: &str) -> String {
    let mut out = String::new();
    out.push_str("// Generated by build.rs from data/*.toml. Edit those files, not this one.\n");
    out.push_str("#[allow(clippy::all)]\npub static DATASET: Dataset = Dataset {\n");
    let _ = writeln!(out, "version: {},", s(version));

    out.push_str("sources: &[\n");
    for src in &raw.sources {
        let _ = writeln!(
            out,
            "Source {{ id: {}, title: {}, file: {}, kind: SourceKind::{}, author: {}, publisher: {}, url: {}, date: {}, date_note: {}, reliability: {}, aggregator: {} }},",
            s(&src.id),
            s(&src.title),
            opt(&src.file),
            variant(&SOURCE_KINDS, &src.kind).unwrap_or("BlogPost"),
            opt(&src.author),
            opt(&src.publisher),
            opt(&src.url),
            s(&src.date),
            s(&src.date_note),
            s(&src.reliability),
            src.aggregator
        );
    }
    out.push_str("],\nparties: &[\n");
    for p in &raw.parties {
        let _ = writeln!(
            out,
            "Party {{ id: {}, name: {}, aliases: {} }},",
            s(&p.id),
            s(&p.name),
            strs(&p.aliases)
        );
    }
    out.push_str("],\ntopics: &[\n");
    for t in &raw.topics {
        let _ = writeln!(out, "Topic {{ id: {}, name: {} }},", s(&t.id), s(&t.name));
    }

    // Events are stored oldest first, undated last; ties keep the file's order.
    let mut order: Vec<usize> = (0..raw.events.len()).collect();
    order.sort_by_key(|&i| checked.event_dates[i].map_or(u32::MAX, |d| d.sort_key()));
    out.push_str("],\nevents: &[\n");
    for i in order {
        let e = &raw.events[i];
        let mut figures = String::from("&[");
        for fig in &e.figures {
            let _ = write!(
                figures,
                "Figure {{ kind: FigureKind::{}, value: {:?}, max: {:?}, unit: {}, scale: {}, label: {}, display: {}, spelled: {} }},",
                variant(&FIGURE_KINDS, &fig.kind).unwrap_or("Count"),
                fig.value,
                fig.max,
                s(&fig.unit),
                opt(&fig.scale),
                s(&fig.label),
                s(&figure_display(fig)),
                s(&figure_spelled(fig))
            );
        }
        figures.push(']');
        let mut clauses = String::from("&[");
        for c in &e.clauses {
            let _ = write!(
                clauses,
                "ClauseRef {{ clause: {}, version: {} }},",
                s(&c.clause),
                s(&c.version)
            );
        }
        clauses.push(']');
        let resolves = match checked.event_resolves[i] {
            Some(d) => format!("Some({})", date_code(&d, false, &None, &None)),
            None => "None".into(),
        };
        let resolution = match &e.outcome {
            Some(o) => format!(
                "Some(Resolution {{ status: ResolutionStatus::{}, as_of: {}, text: {}, sources: {} }})",
                variant(&RESOLUTIONS, &o.status).unwrap_or("Unresolved"),
                s(&o.as_of),
                s(&o.text),
                strs(&o.sources)
            ),
            None => "None".into(),
        };
        let when = match &checked.event_dates[i] {
            Some(d) => format!("When::Dated({})", date_code(d, e.approx, &e.relative, &e.date_note)),
            None => format!("When::Undated({})", s(e.date_note.as_deref().unwrap_or(""))),
        };
        let _ = writeln!(
            out,
            "Event {{ id: {}, aliases: {}, date: {when}, title: {}, summary: {}, parties: {}, topics: {}, certainty: Certainty::{}, sources: {}, figures: {figures}, resolves_by: {resolves}, resolution: {resolution}, clause_changes: {clauses} }},",
            s(&e.id),
            strs(&e.aliases),
            s(&e.title),
            s(&e.summary),
            strs(&e.parties),
            strs(&e.topics),
            variant(&CERTAINTIES, &e.certainty).unwrap_or("Reported"),
            strs(&e.sources),
        );
    }

    out.push_str("],\nversions: &[\n");
    for (v, d) in raw.versions.iter().zip(&checked.version_dates) {
        let _ = writeln!(
            out,
            "AgreementVersion {{ id: {}, name: {}, date: {}, summary: {}, sources: {} }},",
            s(&v.id),
            s(&v.name),
            date_code(d, v.approx, &v.relative, &v.date_note),
            s(&v.summary),
            strs(&v.sources)
        );
    }

    out.push_str("],\nclauses: &[\n");
    for (c, terms) in raw.clauses.iter().zip(&checked.terms) {
        let _ = write!(
            out,
            "Clause {{ id: {}, name: {}, question: {}, terms: &[",
            s(&c.id),
            s(&c.name),
            s(&c.question)
        );
        for t in terms {
            let mut fields = String::from("&[");
            for (name, value) in &t.fields {
                let _ = write!(fields, "Field {{ name: {}, value: {} }},", s(name), field_value(value));
            }
            fields.push(']');
            let change = match &t.change {
                Some((favours, reason, source)) => format!(
                    "Some(ChangeNote {{ favours: Favour::{}, reason: {}, source: {} }})",
                    variant(&FAVOURS, favours).unwrap_or("Neutral"),
                    s(reason),
                    s(source)
                ),
                None => "None".into(),
            };
            let _ = write!(
                out,
                "Term {{ version: {}, status: TermStatus::{}, basis: {}, text: {}, fields: {fields}, sources: {}, change: {change} }},",
                s(&t.version),
                t.status,
                opt(&t.basis),
                s(&t.text),
                strs(&t.sources)
            );
        }
        out.push_str("] },\n");
    }

    out.push_str("],\nconflicts: &[\n");
    for c in &raw.conflicts {
        let _ = write!(
            out,
            "Conflict {{ id: {}, title: {}, summary: {}, claims: &[",
            s(&c.id),
            s(&c.title),
            s(&c.summary)
        );
        for claim in &c.claims {
            let _ = write!(
                out,
                "Claim {{ source: {}, text: {}, certainty: Certainty::{}, events: {} }},",
                s(&claim.source),
                s(&claim.text),
                variant(&CERTAINTIES, &claim.certainty).unwrap_or("Reported"),
                strs(&claim.events)
            );
        }
        out.push_str("] },\n");
    }

    out.push_str("],\ntables: &[\n");
    for t in &raw.tables {
        let mut rows = String::from("&[");
        for row in &t.rows {
            rows.push_str(&strs(row));
            rows.push(',');
        }
        rows.push(']');
        let _ = writeln!(
            out,
            "Table {{ id: {}, title: {}, certainty: Certainty::{}, source: {}, note: {}, columns: {}, rows: {rows}, row_certainty: {}, column_certainty: {} }},",
            s(&t.id),
            s(&t.title),
            variant(&CERTAINTIES, &t.certainty).unwrap_or("Hypothetical"),
            s(&t.source),
            s(&t.note),
            strs(&t.columns),
            certainties(&t.row_certainty),
            certainties(&t.column_certainty)
        );
    }

    out.push_str("],\nchecks: &[\n");
    for c in &raw.checks {
        let claim = match (&c.event, c.figure, &c.clause, &c.version) {
            (Some(event), Some(n), _, _) => format!("ClaimRef::Figure({}, {})", s(event), n - 1),
            (Some(event), None, _, _) => format!("ClaimRef::Event({})", s(event)),
            (None, _, Some(clause), Some(version)) => format!("ClaimRef::Term({}, {})", s(clause), s(version)),
            (_, _, _, version) => format!("ClaimRef::VersionDate({})", s(version.as_deref().unwrap_or(""))),
        };
        let _ = writeln!(
            out,
            "Check {{ id: {}, claim: {claim}, report: {}, verdict: Verdict::{}, text: {} }},",
            s(&c.id),
            s(&c.report),
            variant(&VERDICTS, &c.verdict).unwrap_or("Corroborates"),
            s(&c.text)
        );
    }
    out.push_str("],\ncorrections: &[\n");
    for c in &raw.corrections {
        let _ = writeln!(
            out,
            "Correction {{ date: {}, changes: {} }},",
            s(&c.date),
            strs(&c.changes)
        );
    }
    let _ = writeln!(
        out,
        "],\nlicence: Licence {{ name: {}, url: {} }},\n}};",
        s(&raw.meta.licence),
        s(&raw.meta.licence_url)
    );
    out
}

fn certainties(ids: &[String]) -> String {
    let mut out = String::from("&[");
    for id in ids {
        let _ = write!(out, "Certainty::{},", variant(&CERTAINTIES, id).unwrap_or("Reported"));
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_at_each_precision() {
        assert_eq!(parse_date("2019").unwrap().precision(), "Year");
        assert_eq!(parse_date("2025-Q4").unwrap().quarter, 4);
        assert_eq!(parse_date("2024-09").unwrap().month, 9);
        assert_eq!(parse_date("2024-02-29").unwrap().day, 29);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in [
            "2023-02-29",
            "2024-13",
            "2024-00",
            "2024-Q5",
            "19",
            "2024-9",
            "1850",
            "2024-04-31",
            "2024-01-01-01",
            "soon",
        ] {
            assert!(parse_date(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn figures_display_like_a_reader_writes_them() {
        let fig = |kind: &str, value: f64, max: Option<f64>, unit: &str, scale: Option<&str>| RawFigure {
            kind: kind.into(),
            value,
            max,
            unit: unit.into(),
            scale: scale.map(Into::into),
            label: "x".into(),
            display: None,
        };
        assert_eq!(
            figure_display(&fig("money", 20.0, Some(50.0), "USD", Some("billion"))),
            "$20–50B"
        );
        assert_eq!(
            figure_display(&fig("money", 3.7, None, "USD", Some("billion"))),
            "$3.7B"
        );
        assert_eq!(figure_display(&fig("stake", 27.0, None, "%", None)), "27%");
        assert_eq!(figure_display(&fig("power", 2.0, None, "GW", None)), "2 GW");
        assert_eq!(
            figure_display(&fig("headcount", 1500.0, None, "people", None)),
            "1,500 people"
        );
        assert_eq!(figure_display(&fig("year", 2032.0, None, "year", None)), "2032");
        assert_eq!(
            figure_display(&fig("headcount", 10000.0, None, "people", None)),
            "10,000 people"
        );
    }
}
