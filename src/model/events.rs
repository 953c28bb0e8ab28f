//! Events: what happened, was agreed, analysed or predicted, whether it
//! happened or is a source's commentary, how sure the sources are of it, the
//! figures they state, and what became of a prediction.

use super::{EventDate, When};

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

/// Whether an event is something that happened or what a source said about
/// it: the timeline keeps deals and actions apart from commentary on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// A deal or action that took place: an agreement, an investment, a
    /// launch, a departure, a statement the companies made.
    Happened,
    /// A source's analysis, speculation, prediction or estimate.
    Commentary,
}

impl EventKind {
    /// The id used in the data files.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Happened => "happened",
            EventKind::Commentary => "commentary",
        }
    }

    /// How the kind reads in the interface.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Happened => "What happened",
            EventKind::Commentary => "Commentary",
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
    /// A short title that states the claim in plain words; it never names
    /// the source, which the view shows beside it.
    pub title: &'static str,
    /// A summary in Pactline's own words.
    pub summary: &'static str,
    /// Party ids.
    pub parties: &'static [&'static str],
    /// Topic ids.
    pub topics: &'static [&'static str],
    /// Whether it happened or is a source's commentary.
    pub kind: EventKind,
    /// A milestone a reader needs first, such as an agreement version or a
    /// major investment; always one that happened.
    pub key: bool,
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
