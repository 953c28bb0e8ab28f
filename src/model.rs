//! The typed dataset: sources, parties, events, agreement versions, clauses,
//! conflicts and tables, as every view reads them.
//!
//! Everything here borrows `'static` data: the built-in dataset is generated
//! at build time as `static` items (see `build.rs` and [`crate::loader`]), so
//! the app parses nothing at start-up. The synthetic datasets used for scale
//! tests are built once and leaked to the same lifetime (see
//! [`crate::synthetic`]).

use std::fmt;

/// The whole dataset a view works on.
#[derive(Debug, Clone, Copy)]
pub struct Dataset {
    /// Date of the last review plus a short content hash, e.g. `2026-11-23.4f1c9a2b`.
    pub version: &'static str,
    /// The documents every claim traces back to.
    pub sources: &'static [Source],
    /// Companies and institutions that act in the story.
    pub parties: &'static [Party],
    /// Themes used to filter events.
    pub topics: &'static [Topic],
    /// Everything that happened, was agreed, was analysed or is predicted, oldest first.
    pub events: &'static [Event],
    /// The agreement's versions, oldest first.
    pub versions: &'static [AgreementVersion],
    /// The agreement's terms, each stated (or not) for every version.
    pub clauses: &'static [Clause],
    /// Places where sources disagree.
    pub conflicts: &'static [Conflict],
    /// Comparison tables and estimates the sources give.
    pub tables: &'static [Table],
    /// Headline claims checked against public reports.
    pub checks: &'static [Check],
    /// What changed in each review of the data, newest first.
    pub corrections: &'static [Correction],
    /// The licence the data is published under.
    pub licence: Licence,
}

impl Dataset {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The party with this id.
    pub fn party(&self, id: &str) -> Option<&'static Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&'static Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&'static Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The event with this id, or that had it before a merge: old links
    /// (`?event=old-id`) keep finding the event.
    pub fn event_or_alias(&self, id: &str) -> Option<&'static Event> {
        self.event(id)
            .or_else(|| self.events.iter().find(|e| e.aliases.contains(&id)))
    }

    /// The clause with this id.
    pub fn clause(&self, id: &str) -> Option<&'static Clause> {
        self.clauses.iter().find(|c| c.id == id)
    }

    /// The position of a version in chronological order.
    pub fn version_index(&self, id: &str) -> Option<usize> {
        self.versions.iter().position(|v| v.id == id)
    }

    /// Conflicts that name this event in one of their claims.
    pub fn conflicts_of_event<'a>(&'a self, event_id: &'a str) -> impl Iterator<Item = &'static Conflict> + 'a {
        self.conflicts
            .iter()
            .filter(move |c| c.claims.iter().any(|cl| cl.events.contains(&event_id)))
    }

    /// Events that caused a change to this clause, oldest first.
    pub fn events_changing_clause<'a>(&'a self, clause_id: &'a str) -> impl Iterator<Item = &'static Event> + 'a {
        self.events
            .iter()
            .filter(move |e| e.clause_changes.iter().any(|c| c.clause == clause_id))
    }
}

/// What kind of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    VideoSummary,
    BlogPost,
    PodcastDigest,
    NewsPost,
    AnalysisArticle,
    /// A public news report or company announcement, added to check the
    /// five documents' headline claims.
    NewsReport,
}

impl SourceKind {
    /// How the kind reads in the interface.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::VideoSummary => "Video summary",
            SourceKind::BlogPost => "Blog post",
            SourceKind::PodcastDigest => "Podcast insights digest",
            SourceKind::NewsPost => "News post",
            SourceKind::AnalysisArticle => "Analysis article",
            SourceKind::NewsReport => "Public report",
        }
    }
}

/// One source document.
#[derive(Debug)]
pub struct Source {
    /// Stable slug, used in URLs (`source=`).
    pub id: &'static str,
    /// The title as the document gives it.
    pub title: &'static str,
    /// The document's file name under `shared/sources/`; none for a public
    /// report, which is cited by its address.
    pub file: Option<&'static str>,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// The author, where the document names one.
    pub author: Option<&'static str>,
    /// The publisher, where the document names one.
    pub publisher: Option<&'static str>,
    /// An address the document names for itself or for what it reports.
    pub url: Option<&'static str>,
    /// The date as far as it is known: `undated`, `2026`, `2026-03`, …
    pub date: &'static str,
    /// What the text implies about its date.
    pub date_note: &'static str,
    /// How far to trust it, and why.
    pub reliability: &'static str,
    /// A public report from a site that republishes others' reporting.
    pub aggregator: bool,
}

/// A company, institution or government that acts in the story.
#[derive(Debug)]
pub struct Party {
    /// Stable slug, used in URLs (`party=`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Other names a reader may search for (e.g. "AWS").
    pub aliases: &'static [&'static str],
}

/// A theme events are filed under.
#[derive(Debug)]
pub struct Topic {
    /// Stable slug, used in URLs (`topic=`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
}

/// How sure a claim is, as its source presents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Certainty {
    /// A source reports it as fact.
    Reported,
    /// A source's interpretation of facts.
    Analysis,
    /// A source guesses at something not known.
    Speculation,
    /// A source forecasts something that has not happened yet.
    Prediction,
    /// A source itself labels it hypothetical.
    Hypothetical,
}

impl Certainty {
    /// Every certainty, in the order the interface lists them.
    pub const ALL: [Certainty; 5] = [
        Certainty::Reported,
        Certainty::Analysis,
        Certainty::Speculation,
        Certainty::Prediction,
        Certainty::Hypothetical,
    ];

    /// The id used in the data files and in URLs (`certainty=`).
    pub fn id(self) -> &'static str {
        match self {
            Certainty::Reported => "reported",
            Certainty::Analysis => "analysis",
            Certainty::Speculation => "speculation",
            Certainty::Prediction => "prediction",
            Certainty::Hypothetical => "hypothetical",
        }
    }

    /// The certainty with this id.
    pub fn from_id(id: &str) -> Option<Certainty> {
        Certainty::ALL.into_iter().find(|c| c.id() == id)
    }

    /// How the certainty reads in the interface.
    pub fn label(self) -> &'static str {
        match self {
            Certainty::Reported => "Reported",
            Certainty::Analysis => "Analysis",
            Certainty::Speculation => "Speculation",
            Certainty::Prediction => "Prediction",
            Certainty::Hypothetical => "Hypothetical",
        }
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Year,
}

/// A date known to some precision. Unknown parts are zero; ordering puts a
/// less precise date before more precise ones within the same span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// The year.
    pub year: u16,
    /// 1–12, or 0 when only the year (or quarter) is known.
    pub month: u8,
    /// 1–31, or 0 when the day is not known.
    pub day: u8,
    /// 1–4 when the precision is a quarter, else 0.
    pub quarter: u8,
    /// How precisely the date is known.
    pub precision: Precision,
    /// The date is an estimate resolved from a relative phrase.
    pub approx: bool,
    /// The source's own relative wording ("last fall"), if the date came from one.
    pub relative: Option<&'static str>,
    /// How the date was worked out, when that is not obvious.
    pub note: Option<&'static str>,
}

impl EventDate {
    /// A key that sorts dates chronologically, `YYYYMMDD` with unknown parts
    /// as the start of their span (a quarter sorts as its first month).
    pub fn sort_key(&self) -> u32 {
        let month = match self.precision {
            Precision::Quarter => (self.quarter as u32 - 1) * 3 + 1,
            _ => self.month as u32,
        };
        self.year as u32 * 10_000 + month * 100 + self.day as u32
    }

    /// The month used for range filters: the first month of the span, or
    /// 1 when only the year is known.
    pub fn first_month(&self) -> u8 {
        match self.precision {
            Precision::Day | Precision::Month => self.month,
            Precision::Quarter => (self.quarter - 1) * 3 + 1,
            Precision::Year => 1,
        }
    }

    /// The last month of the span the date covers.
    pub fn last_month(&self) -> u8 {
        match self.precision {
            Precision::Day | Precision::Month => self.month,
            Precision::Quarter => self.quarter * 3,
            Precision::Year => 12,
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl fmt::Display for EventDate {
    /// Writes the date at its real precision: "2025", "Q3 2025", "Sep 2024",
    /// "12 Sep 2024", or "last fall 2025 (approx.)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(relative) = self.relative {
            write!(f, "{relative} {}", self.year)?;
        } else {
            match self.precision {
                Precision::Day => write!(f, "{} {} {}", self.day, MONTHS[self.month as usize - 1], self.year)?,
                Precision::Month => write!(f, "{} {}", MONTHS[self.month as usize - 1], self.year)?,
                Precision::Quarter => write!(f, "Q{} {}", self.quarter, self.year)?,
                Precision::Year => write!(f, "{}", self.year)?,
            }
        }
        if self.approx {
            f.write_str(" (approx.)")?;
        }
        Ok(())
    }
}

/// When an event happened, or why no date can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Dated, to some precision.
    Dated(EventDate),
    /// No source dates it; the text says why.
    Undated(&'static str),
}

impl When {
    /// The date, if the event has one.
    pub fn date(&self) -> Option<&EventDate> {
        match self {
            When::Dated(d) => Some(d),
            When::Undated(_) => None,
        }
    }

    /// A key that sorts chronologically, undated events last.
    pub fn sort_key(&self) -> u32 {
        self.date().map_or(u32::MAX, EventDate::sort_key)
    }

    /// How the date was worked out, or why there is none.
    pub fn note(&self) -> Option<&'static str> {
        match self {
            When::Dated(d) => d.note,
            When::Undated(why) => Some(why),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Dated(d) => d.fmt(f),
            When::Undated(_) => f.write_str("Undated"),
        }
    }
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    Money,
    Percent,
    Stake,
    Power,
    Speed,
    Year,
    Duration,
    Headcount,
    Count,
    Bandwidth,
    Latency,
}

/// A number a source states, structured so views can compare it.
#[derive(Debug)]
pub struct Figure {
    /// What it measures.
    pub kind: FigureKind,
    /// The value (the lower bound for a range), in `unit` and `scale`.
    pub value: f64,
    /// The upper bound, for ranges such as "$20–50 billion".
    pub max: Option<f64>,
    /// Currency or unit: `USD`, `%`, `GW`, `tokens/s`, `people`, …
    pub unit: &'static str,
    /// `thousand`, `million`, `billion` or `trillion`, for money.
    pub scale: Option<&'static str>,
    /// What the number is of, in a few words.
    pub label: &'static str,
    /// The figure as a reader sees it ("$20–50B", "27%", "2 GW").
    pub display: &'static str,
    /// The figure spelled out for search ("20 to 50 billion", "27 percent"),
    /// written at build time so the browser never formats a float.
    pub spelled: &'static str,
}

/// A link from an event to the clause term it brought about.
#[derive(Debug)]
pub struct ClauseRef {
    /// The clause's id.
    pub clause: &'static str,
    /// The version whose term the event set.
    pub version: &'static str,
}

/// Something that happened, was agreed, analysed or predicted.
#[derive(Debug)]
pub struct Event {
    /// Stable slug, used in URLs (`event=`).
    pub id: &'static str,
    /// Ids the event had before it absorbed another; links to them still work.
    pub aliases: &'static [&'static str],
    /// When it happened (or when a prediction is about), if any source says.
    pub date: When,
    /// A short title.
    pub title: &'static str,
    /// A summary in Pactline's own words.
    pub summary: &'static str,
    /// Party ids.
    pub parties: &'static [&'static str],
    /// Topic ids.
    pub topics: &'static [&'static str],
    /// How sure the claim is.
    pub certainty: Certainty,
    /// Source ids; at least one.
    pub sources: &'static [&'static str],
    /// The numbers it states; the first is the key figure.
    pub figures: &'static [Figure],
    /// For predictions: the date by which the prediction resolves.
    pub resolves_by: Option<EventDate>,
    /// For predictions: whether it came true, as far as it is known.
    pub resolution: Option<Resolution>,
    /// The clause terms this event brought about.
    pub clause_changes: &'static [ClauseRef],
}

/// Where a prediction stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResolutionStatus {
    /// Not settled yet, as of the date checked.
    Unresolved,
    /// It happened.
    CameTrue,
    /// It did not happen by the date it gave.
    DidNotHappen,
    /// Part of it happened.
    Partly,
}

impl ResolutionStatus {
    /// The id used in the data files.
    pub fn id(self) -> &'static str {
        match self {
            ResolutionStatus::Unresolved => "unresolved",
            ResolutionStatus::CameTrue => "came-true",
            ResolutionStatus::DidNotHappen => "did-not-happen",
            ResolutionStatus::Partly => "partly",
        }
    }

    /// How it reads in the interface.
    pub fn label(self) -> &'static str {
        match self {
            ResolutionStatus::Unresolved => "Unresolved",
            ResolutionStatus::CameTrue => "Came true",
            ResolutionStatus::DidNotHappen => "Did not happen",
            ResolutionStatus::Partly => "Partly came true",
        }
    }
}

/// What became of a prediction, checked on a given day.
#[derive(Debug)]
pub struct Resolution {
    /// Where it stands.
    pub status: ResolutionStatus,
    /// The day it was checked, `YYYY-MM-DD`.
    pub as_of: &'static str,
    /// What happened, or what would settle it, in Pactline's words.
    pub text: &'static str,
    /// The sources that settle it (none while unresolved).
    pub sources: &'static [&'static str],
}

/// One version of the agreement.
#[derive(Debug)]
pub struct AgreementVersion {
    /// `2019`, `2023`, `2025` or `2026`.
    pub id: &'static str,
    /// A short name ("Original deal").
    pub name: &'static str,
    /// When it was made, as precisely as the sources allow.
    pub date: EventDate,
    /// What this version was, in a sentence or two.
    pub summary: &'static str,
    /// Source ids that describe it.
    pub sources: &'static [&'static str],
}

/// Whether and how the sources state a term for a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermStatus {
    /// The version has this term, as stated.
    Stated,
    /// A source implies the term without stating it (see `Term::basis`).
    Implied,
    /// The sources indicate the version had no such term.
    Absent,
    /// The sources say nothing about this term for this version.
    Unstated,
}

/// A structured value of a term, such as `exclusive = true` or `ends = 2032`.
#[derive(Debug, Clone, Copy)]
pub enum FieldValue {
    Bool(bool),
    /// A number, with its text written at build time: formatting floats
    /// in the browser would cost the wasm some 20 KB.
    Number(f64, &'static str),
    Text(&'static str),
}

impl PartialEq for FieldValue {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (FieldValue::Bool(a), FieldValue::Bool(b)) => a == b,
            (FieldValue::Number(a, _), FieldValue::Number(b, _)) => a == b,
            (FieldValue::Text(a), FieldValue::Text(b)) => a == b,
            _ => false,
        }
    }
}

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Bool(true) => f.write_str("yes"),
            FieldValue::Bool(false) => f.write_str("no"),
            FieldValue::Number(_, text) | FieldValue::Text(text) => f.write_str(text),
        }
    }
}

/// A named structured value of a term.
#[derive(Debug)]
pub struct Field {
    /// The field's name in the reader's words ("exclusive", "ends").
    pub name: &'static str,
    /// Its value.
    pub value: FieldValue,
}

/// Which party a change tilts towards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Favour {
    Microsoft,
    OpenAi,
    Neutral,
    Mixed,
}

impl Favour {
    /// The id used in the data files.
    pub fn id(self) -> &'static str {
        match self {
            Favour::Microsoft => "microsoft",
            Favour::OpenAi => "openai",
            Favour::Neutral => "neutral",
            Favour::Mixed => "mixed",
        }
    }

    /// How it reads in the interface.
    pub fn label(self) -> &'static str {
        match self {
            Favour::Microsoft => "Favours Microsoft",
            Favour::OpenAi => "Favours OpenAI",
            Favour::Neutral => "Neutral",
            Favour::Mixed => "Mixed",
        }
    }
}

/// Who a version's change to a term favours, why, and who says so.
#[derive(Debug)]
pub struct ChangeNote {
    /// The party the change favours.
    pub favours: Favour,
    /// One line on why.
    pub reason: &'static str,
    /// The source id the judgement rests on.
    pub source: &'static str,
}

/// A clause's term in one version.
#[derive(Debug)]
pub struct Term {
    /// The version id.
    pub version: &'static str,
    /// Whether the sources state it.
    pub status: TermStatus,
    /// For an implied term: what the source says that implies it.
    pub basis: Option<&'static str>,
    /// The term in a few words (empty when unstated).
    pub text: &'static str,
    /// Structured values, compared field by field between versions.
    pub fields: &'static [Field],
    /// Source ids.
    pub sources: &'static [&'static str],
    /// For a term that differs from the previous version's: who gains.
    pub change: Option<ChangeNote>,
}

/// One term of the agreement, followed across all versions.
#[derive(Debug)]
pub struct Clause {
    /// Stable slug, used in URLs (`clause=`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// The question the clause answers, in one line.
    pub question: &'static str,
    /// One term per version, in version order.
    pub terms: &'static [Term],
}

impl Clause {
    /// The term for this version.
    pub fn term(&self, version: &str) -> Option<&'static Term> {
        self.terms.iter().find(|t| t.version == version)
    }
}

/// One source's side of a disagreement.
#[derive(Debug)]
pub struct Claim {
    /// The source id.
    pub source: &'static str,
    /// What the source claims, in Pactline's words.
    pub text: &'static str,
    /// How sure the source is of it.
    pub certainty: Certainty,
    /// Events that carry this claim.
    pub events: &'static [&'static str],
}

/// A place where sources disagree; no claim is dropped.
#[derive(Debug)]
pub struct Conflict {
    /// Stable slug.
    pub id: &'static str,
    /// What the disagreement is about.
    pub title: &'static str,
    /// What exactly differs.
    pub summary: &'static str,
    /// Each side, with its source.
    pub claims: &'static [Claim],
}

/// A comparison table or set of estimates a source gives.
#[derive(Debug)]
pub struct Table {
    /// Stable slug.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// How sure the figures are.
    pub certainty: Certainty,
    /// The source id.
    pub source: &'static str,
    /// What to keep in mind when reading it.
    pub note: &'static str,
    /// Column headings.
    pub columns: &'static [&'static str],
    /// Rows of cells.
    pub rows: &'static [&'static [&'static str]],
    /// Per row, for a table whose rows are of different kinds; else empty.
    pub row_certainty: &'static [Certainty],
    /// Per column, for a table whose columns are of different kinds; else empty.
    pub column_certainty: &'static [Certainty],
}

impl Table {
    /// How sure one cell is: its row's or column's kind where the table
    /// mixes kinds, else the table's.
    pub fn cell_certainty(&self, row: usize, column: usize) -> Certainty {
        self.row_certainty
            .get(row)
            .or_else(|| self.column_certainty.get(column))
            .copied()
            .unwrap_or(self.certainty)
    }

    /// Whether the table mixes kinds, so each row or column says its own.
    pub fn is_mixed(&self) -> bool {
        !self.row_certainty.is_empty() || !self.column_certainty.is_empty()
    }
}

/// What a public report says of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The report agrees.
    Corroborates,
    /// The report says otherwise.
    Contradicts,
}

/// A headline claim that can be checked: an event, one of its figures, a
/// clause term, or the date of an agreement version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimRef {
    /// An event as a whole (what happened, and when).
    Event(&'static str),
    /// An event's figure, by position (0 is the key figure).
    Figure(&'static str, usize),
    /// A clause's term in one version: clause id, version id.
    Term(&'static str, &'static str),
    /// When an agreement version was made.
    VersionDate(&'static str),
}

/// One headline claim checked against one public report.
#[derive(Debug)]
pub struct Check {
    /// Stable slug.
    pub id: &'static str,
    /// The claim checked.
    pub claim: ClaimRef,
    /// The report's source id (a `SourceKind::NewsReport`).
    pub report: &'static str,
    /// Whether the report agrees.
    pub verdict: Verdict,
    /// What the report says, in Pactline's words.
    pub text: &'static str,
}

/// One review of the data and what it changed.
#[derive(Debug)]
pub struct Correction {
    /// The review date, `YYYY-MM-DD`: the first part of the dataset version.
    pub date: &'static str,
    /// What changed, one line each.
    pub changes: &'static [&'static str],
}

/// The licence the data is published under.
#[derive(Debug, Clone, Copy)]
pub struct Licence {
    /// Its short name, e.g. "CC BY 4.0".
    pub name: &'static str,
    /// Where its text is.
    pub url: &'static str,
}
