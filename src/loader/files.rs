//! The data files' shapes, as editors write them, and the parse of each
//! file into its shape.
//!
//! Every shape denies unknown fields, so a misspelt field stops the build
//! instead of being dropped. What each field means is documented for
//! editors in `data/README.md`; checking what the values say is `check`'s
//! work, not serde's.

use super::DataError;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Every data file, parsed but not yet checked.
pub(super) struct Raw {
    pub(super) meta: Meta,
    pub(super) sources: Vec<RawSource>,
    pub(super) parties: Vec<RawParty>,
    pub(super) topics: Vec<RawTopic>,
    pub(super) events: Vec<RawEvent>,
    pub(super) versions: Vec<RawVersion>,
    pub(super) clauses: Vec<RawClause>,
    pub(super) conflicts: Vec<RawConflict>,
    pub(super) tables: Vec<RawTable>,
    pub(super) checks: Vec<RawCheck>,
    pub(super) corrections: Vec<RawCorrection>,
}

impl Raw {
    /// Parses each file in [`super::FILES`] from `texts` (a missing one
    /// counts as empty), reporting every file that is not valid TOML of its
    /// shape.
    pub(super) fn parse(texts: &BTreeMap<String, String>) -> Result<Raw, Vec<DataError>> {
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
        Ok(Raw {
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
        })
    }
}

/// Parses one file; a file that does not parse is reported as a whole, with
/// toml's message folded onto one line.
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

/// `dataset.toml`: the review date and the data's licence.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct Meta {
    /// The date the dataset was last reviewed, `YYYY-MM-DD`.
    #[serde(default)]
    pub(super) updated: String,
    /// The data's licence, by short name, and where its text is.
    #[serde(default)]
    pub(super) licence: String,
    #[serde(default)]
    pub(super) licence_url: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    #[serde(default)]
    source: Vec<RawSource>,
}

/// A `[[source]]` in `sources.toml`: a document or public report.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) file: Option<String>,
    pub(super) kind: String,
    pub(super) author: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) url: Option<String>,
    pub(super) date: String,
    pub(super) date_note: String,
    pub(super) reliability: String,
    #[serde(default)]
    pub(super) aggregator: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct PartyFile {
    #[serde(default)]
    party: Vec<RawParty>,
}

/// A `[[party]]` in `parties.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawParty {
    pub(super) id: String,
    pub(super) name: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TopicFile {
    #[serde(default)]
    topic: Vec<RawTopic>,
}

/// A `[[topic]]` in `topics.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTopic {
    pub(super) id: String,
    pub(super) name: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct EventFile {
    #[serde(default)]
    event: Vec<RawEvent>,
}

/// An `[[event]]` in `events.toml`; `date` may be `undated`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    pub(super) id: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    pub(super) date: String,
    #[serde(default)]
    pub(super) approx: bool,
    pub(super) relative: Option<String>,
    pub(super) date_note: Option<String>,
    pub(super) title: String,
    pub(super) summary: String,
    /// Optional here only so that checking, not serde, reports a missing
    /// one, naming the event.
    pub(super) kind: Option<String>,
    /// `Some(true)` for a milestone; kept as written so checking can refuse
    /// a `false` spelled out.
    pub(super) key: Option<bool>,
    #[serde(default)]
    pub(super) parties: Vec<String>,
    #[serde(default)]
    pub(super) topics: Vec<String>,
    pub(super) certainty: String,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    pub(super) resolves_by: Option<String>,
    pub(super) outcome: Option<RawOutcome>,
    #[serde(default)]
    pub(super) figures: Vec<RawFigure>,
    #[serde(default)]
    pub(super) clauses: Vec<RawClauseRef>,
}

/// An event's `outcome`: what became of a prediction.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOutcome {
    pub(super) status: String,
    pub(super) as_of: String,
    pub(super) text: String,
    #[serde(default)]
    pub(super) sources: Vec<String>,
}

/// One of an event's `[[event.figures]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFigure {
    pub(super) kind: String,
    pub(super) value: f64,
    pub(super) max: Option<f64>,
    pub(super) unit: String,
    pub(super) scale: Option<String>,
    pub(super) label: String,
    pub(super) display: Option<String>,
}

/// One of an event's `clauses`: the term it brought about.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClauseRef {
    pub(super) clause: String,
    pub(super) version: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct VersionFile {
    #[serde(default)]
    version: Vec<RawVersion>,
}

/// A `[[version]]` of the agreement in `versions.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVersion {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) date: String,
    #[serde(default)]
    pub(super) approx: bool,
    pub(super) relative: Option<String>,
    pub(super) date_note: Option<String>,
    pub(super) summary: String,
    #[serde(default)]
    pub(super) sources: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ClauseFile {
    #[serde(default)]
    clause: Vec<RawClause>,
}

/// A `[[clause]]` in `clauses.toml`, with its terms keyed by version id.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClause {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) question: String,
    #[serde(default)]
    pub(super) labels: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) terms: BTreeMap<String, RawTerm>,
}

/// A clause's term in one version.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTerm {
    pub(super) status: String,
    #[serde(default)]
    pub(super) short: String,
    #[serde(default)]
    pub(super) text: String,
    pub(super) basis: Option<String>,
    #[serde(default)]
    pub(super) dated: bool,
    pub(super) premise: Option<String>,
    #[serde(default)]
    pub(super) fields: BTreeMap<String, toml::Value>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    pub(super) change: Option<RawChange>,
}

/// A term's `change`: whom it favours, why, and on which source.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChange {
    pub(super) favours: String,
    pub(super) reason: String,
    pub(super) source: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConflictFile {
    #[serde(default)]
    conflict: Vec<RawConflict>,
}

/// A `[[conflict]]` in `conflicts.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConflict {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) summary: String,
    #[serde(default)]
    pub(super) claims: Vec<RawClaim>,
}

/// One side of a conflict.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClaim {
    pub(super) source: String,
    pub(super) text: String,
    pub(super) certainty: String,
    #[serde(default)]
    pub(super) events: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TableFile {
    #[serde(default)]
    table: Vec<RawTable>,
}

/// A `[[table]]` in `tables.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTable {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) certainty: String,
    pub(super) source: String,
    pub(super) note: String,
    pub(super) columns: Vec<String>,
    pub(super) rows: Vec<Vec<String>>,
    #[serde(default)]
    pub(super) row_certainty: Vec<String>,
    #[serde(default)]
    pub(super) column_certainty: Vec<String>,
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
pub(super) struct RawCheck {
    pub(super) id: String,
    #[serde(default)]
    pub(super) report: String,
    pub(super) verdict: String,
    pub(super) text: String,
    pub(super) event: Option<String>,
    pub(super) figure: Option<usize>,
    pub(super) clause: Option<String>,
    pub(super) version: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CorrectionFile {
    #[serde(default)]
    correction: Vec<RawCorrection>,
}

/// A `[[correction]]` in `corrections.toml`: one review and what it changed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCorrection {
    pub(super) date: String,
    pub(super) changes: Vec<String>,
}
