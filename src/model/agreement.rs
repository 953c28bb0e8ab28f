//! The agreement itself: its versions, and each clause's term in every
//! version, with who gains where a term changed.

use super::EventDate;
use std::fmt;

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

    /// A symbol for it, so colour is never the only sign.
    pub fn icon(self) -> &'static str {
        match self {
            Favour::OpenAi => "▲",
            Favour::Microsoft => "■",
            Favour::Mixed => "⇄",
            Favour::Neutral => "○",
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
    /// For an implied term, or an absence a source implies without stating
    /// it: what the source says that implies it.
    pub basis: Option<&'static str>,
    /// The term in two to five words, for the scoreboard (empty when
    /// unstated).
    pub short: &'static str,
    /// The term as the sources give it (empty when unstated).
    pub text: &'static str,
    /// Structured values, compared field by field between versions.
    pub fields: &'static [Field],
    /// Source ids.
    pub sources: &'static [&'static str],
    /// Whether the term is true only at its version's date (a stake's size,
    /// a purchase commitment): carried forward, it says "as of" that date.
    pub dated: bool,
    /// The clause whose term this one rests on ("until AGI is verified"
    /// rests on the AGI clause): carried past a change to that clause, it
    /// says that its premise changed.
    pub premise: Option<&'static str>,
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
    /// Each field's name and how a reader reads it.
    pub labels: &'static [(&'static str, &'static str)],
    /// One term per version, in version order.
    pub terms: &'static [Term],
}

impl Term {
    /// Whether a source implies the term (or its absence) without stating it.
    pub fn is_implied(&self) -> bool {
        self.basis.is_some()
    }

    /// Whether the version has the term: stated or implied, not absent.
    pub fn is_present(&self) -> bool {
        matches!(self.status, TermStatus::Stated | TermStatus::Implied)
    }

    /// Whether the agreement says the same in both: the same presence,
    /// words and values (the evidence may differ).
    pub fn same_as(&self, other: &Term) -> bool {
        self.is_present() == other.is_present()
            && self.text == other.text
            && self.fields.len() == other.fields.len()
            && self
                .fields
                .iter()
                .all(|a| other.fields.iter().any(|b| b.name == a.name && b.value == a.value))
    }
}

impl Clause {
    /// A field's name as a reader reads it ("Any cloud allowed" for
    /// `any_cloud`); the loader makes sure every field has one.
    pub fn label(&self, field: &str) -> &'static str {
        self.labels
            .iter()
            .find(|(name, _)| *name == field)
            .map_or("", |(_, label)| label)
    }

    /// The term for this version.
    pub fn term(&self, version: &str) -> Option<&'static Term> {
        self.terms.iter().find(|t| t.version == version)
    }
}
