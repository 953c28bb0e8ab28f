//! How the data is reviewed: headline claims checked against public
//! reports, the log of what each review corrected, and the licence the
//! data is published under.

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
