//! Headline claims checked against public reports: which claims count as
//! headline, what the reports say of each, and how that reads.
//!
//! The five source documents' claims stay as they are, attributed; a check
//! only records whether a public report agrees. A claim nobody checked is
//! "unchecked", never silently taken as true.

use crate::model::{Check, ClaimRef, Dataset, FigureKind, TermStatus, Verdict};

/// Where a headline claim stands against the public reports checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Corroboration {
    /// At least one report agrees and none disagrees.
    Corroborated,
    /// At least one report disagrees (others may agree: both are shown).
    Contradicted,
    /// No report was checked against it.
    Unchecked,
}

impl Corroboration {
    /// Every status, in the order counts list them.
    pub const ALL: [Corroboration; 3] = [
        Corroboration::Corroborated,
        Corroboration::Contradicted,
        Corroboration::Unchecked,
    ];

    /// The id used in exports, styles and `data-corroboration`.
    pub fn id(self) -> &'static str {
        match self {
            Corroboration::Corroborated => "corroborated",
            Corroboration::Contradicted => "contradicted",
            Corroboration::Unchecked => "unchecked",
        }
    }

    /// How the status reads on its badge.
    pub fn label(self) -> &'static str {
        match self {
            Corroboration::Corroborated => "Corroborated",
            Corroboration::Contradicted => "Contradicted",
            Corroboration::Unchecked => "Unchecked",
        }
    }

    /// The badge's glyph, so the status never rests on colour alone.
    pub fn mark(self) -> &'static str {
        match self {
            Corroboration::Corroborated => "✓",
            Corroboration::Contradicted => "✗",
            Corroboration::Unchecked => "?",
        }
    }
}

/// The checks made of one claim, in the data's order.
pub fn checks_of<'a>(data: &'a Dataset, claim: ClaimRef) -> impl Iterator<Item = &'static Check> + 'a {
    data.checks.iter().filter(move |c| c.claim == claim)
}

/// Where one claim stands: a single disagreeing report makes it contradicted.
pub fn status(data: &Dataset, claim: ClaimRef) -> Corroboration {
    let mut status = Corroboration::Unchecked;
    for check in checks_of(data, claim) {
        match check.verdict {
            Verdict::Contradicts => return Corroboration::Contradicted,
            Verdict::Corroborates => status = Corroboration::Corroborated,
        }
    }
    status
}

/// What a status means with the number of reports behind it, for a badge's
/// accessible name and tooltip: "Contradicted by 1 public report".
pub fn describe_status(data: &Dataset, claim: ClaimRef) -> String {
    let status = status(data, claim);
    let count = |verdict: Verdict| checks_of(data, claim).filter(|c| c.verdict == verdict).count();
    let reports = |n: usize| format!("{n} public report{}", if n == 1 { "" } else { "s" });
    match status {
        Corroboration::Unchecked => "Unchecked against public reports".to_string(),
        Corroboration::Corroborated => format!("Corroborated by {}", reports(count(Verdict::Corroborates))),
        Corroboration::Contradicted => {
            let agree = count(Verdict::Corroborates);
            let mut text = format!("Contradicted by {}", reports(count(Verdict::Contradicts)));
            if agree > 0 {
                text.push_str(&format!("; corroborated by {}", reports(agree)));
            }
            text
        }
    }
}

/// Whether a figure is a headline one: money and stakes are what readers
/// quote, so each is checked or shown as unchecked.
pub fn is_headline_figure(kind: FigureKind) -> bool {
    matches!(kind, FigureKind::Money | FigureKind::Stake)
}

/// Every headline claim: each money figure and stake, the date of each
/// agreement version, and each version's clause terms that a source states
/// or implies. Events first, in date order; then versions; then clauses.
pub fn headline_claims(data: &Dataset) -> Vec<ClaimRef> {
    let figures = data.events.iter().flat_map(|e| {
        e.figures
            .iter()
            .enumerate()
            .filter(|(_, f)| is_headline_figure(f.kind))
            .map(move |(i, _)| ClaimRef::Figure(e.id, i))
    });
    let versions = data.versions.iter().map(|v| ClaimRef::VersionDate(v.id));
    let terms = data.clauses.iter().flat_map(|c| {
        c.terms
            .iter()
            .filter(|t| t.status != TermStatus::Unstated)
            .map(move |t| ClaimRef::Term(c.id, t.version))
    });
    figures.chain(versions).chain(terms).collect()
}

/// How many of `claims` stand at each status, in [`Corroboration::ALL`] order.
pub fn tally(data: &Dataset, claims: &[ClaimRef]) -> [usize; 3] {
    let mut counts = [0; 3];
    for &claim in claims {
        counts[status(data, claim) as usize] += 1;
    }
    counts
}

/// The claim in a few words, for lists of what a report checks:
/// "OpenAI commits to … — $20–50B Incremental Azure purchase commitment".
pub fn claim_label(data: &Dataset, claim: ClaimRef) -> String {
    match claim {
        ClaimRef::Event(id) => data.event(id).map_or_else(|| id.to_string(), |e| e.title.to_string()),
        ClaimRef::Figure(id, i) => match data.event(id).and_then(|e| Some((e, e.figures.get(i)?))) {
            Some((e, f)) => format!("{}: {} ({})", e.title, f.display, f.label),
            None => id.to_string(),
        },
        ClaimRef::Term(clause, version) => match data.clause(clause) {
            Some(c) => format!("{}, {version} terms", c.name),
            None => format!("{clause}, {version}"),
        },
        ClaimRef::VersionDate(version) => match data.versions.iter().find(|v| v.id == version) {
            Some(v) => format!("Date of the {} ({}): {}", v.name, v.id, v.date),
            None => version.to_string(),
        },
    }
}

/// The checks that rest on one report, in the data's order.
pub fn checks_by<'a>(data: &'a Dataset, report: &'a str) -> impl Iterator<Item = &'static Check> + 'a {
    data.checks.iter().filter(move |c| c.report == report)
}
