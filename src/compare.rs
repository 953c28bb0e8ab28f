//! Clause comparison: how each term changed between two versions, which
//! structured fields moved, and which party the change favours.

use crate::model::{ChangeNote, Clause, Dataset, Favour, FieldValue, Term, TermStatus};
use std::fmt;

/// How a clause differs between version A and version B.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// B has a term that A did not.
    Added,
    /// A had a term that B does not.
    Removed,
    /// Both have the term, worded or valued differently.
    Changed,
    /// Both have the same term (or both lack it).
    Unchanged,
    /// The sources say nothing for A or for B, so no comparison is possible.
    Unstated,
}

impl ChangeKind {
    /// The value of `data-change`, and the id used in styles.
    pub fn id(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Unstated => "unstated",
        }
    }

    /// How the kind reads in the interface.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "Added",
            ChangeKind::Removed => "Removed",
            ChangeKind::Changed => "Changed",
            ChangeKind::Unchanged => "Unchanged",
            ChangeKind::Unstated => "Not stated",
        }
    }

    /// Whether the clause counts as changed in the summary and navigation.
    pub fn is_change(self) -> bool {
        matches!(self, ChangeKind::Added | ChangeKind::Removed | ChangeKind::Changed)
    }
}

/// Classifies the step from term `a` to term `b`.
pub fn classify(a: &Term, b: &Term) -> ChangeKind {
    // An implied term is a term like a stated one; only the evidence differs.
    match (a.status, b.status) {
        (TermStatus::Unstated, _) | (_, TermStatus::Unstated) => ChangeKind::Unstated,
        (TermStatus::Absent, TermStatus::Absent) => ChangeKind::Unchanged,
        (TermStatus::Absent, _) => ChangeKind::Added,
        (_, TermStatus::Absent) => ChangeKind::Removed,
        (TermStatus::Stated | TermStatus::Implied, TermStatus::Stated | TermStatus::Implied) => {
            let same_fields = a.fields.len() == b.fields.len()
                && a.fields
                    .iter()
                    .all(|fa| b.fields.iter().any(|fb| fb.name == fa.name && fb.value == fa.value));
            if a.text == b.text && same_fields {
                ChangeKind::Unchanged
            } else {
                ChangeKind::Changed
            }
        }
    }
}

/// One structured field whose value differs between A and B.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The field's name.
    pub name: &'static str,
    /// A's value, if A has the field.
    pub before: Option<FieldValue>,
    /// B's value, if B has the field.
    pub after: Option<FieldValue>,
}

impl fmt::Display for FieldChange {
    /// Spells the change out: "ends: until AGI → 2032".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = |v: &Option<FieldValue>| v.map_or_else(|| "not set".to_string(), |v| v.to_string());
        write!(f, "{}: {} → {}", self.name, side(&self.before), side(&self.after))
    }
}

/// The fields that differ between two terms, in A's order then B's new ones.
pub fn field_changes(a: &Term, b: &Term) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    for fa in a.fields {
        let after = b.fields.iter().find(|fb| fb.name == fa.name).map(|fb| fb.value);
        if after != Some(fa.value) {
            changes.push(FieldChange {
                name: fa.name,
                before: Some(fa.value),
                after,
            });
        }
    }
    for fb in b
        .fields
        .iter()
        .filter(|fb| !a.fields.iter().any(|fa| fa.name == fb.name))
    {
        changes.push(FieldChange {
            name: fb.name,
            before: None,
            after: Some(fb.value),
        });
    }
    changes
}

/// Combines the favours of several steps: one party if every non-neutral
/// step favours it, neutral if none leans, mixed otherwise.
pub fn combine_favours(favours: impl IntoIterator<Item = Favour>) -> Favour {
    let mut result = Favour::Neutral;
    for f in favours {
        result = match (result, f) {
            (_, Favour::Neutral) => result,
            (Favour::Neutral, f) => f,
            (r, f) if r == f => r,
            _ => Favour::Mixed,
        };
    }
    result
}

/// One clause compared between A and B.
#[derive(Debug, Clone)]
pub struct ClauseComparison {
    /// The clause.
    pub clause: &'static Clause,
    /// Its term in A.
    pub a: &'static Term,
    /// Its term in B.
    pub b: &'static Term,
    /// How it changed.
    pub kind: ChangeKind,
    /// Structured fields that moved.
    pub fields: Vec<FieldChange>,
    /// Who the change favours, for a change.
    pub favours: Option<Favour>,
    /// The notes of every version step after A up to B that changed the term.
    pub notes: Vec<&'static ChangeNote>,
}

/// Two comparisons are equal when they compare the same clause between the
/// same terms: everything else is derived from those.
impl PartialEq for ClauseComparison {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.clause, other.clause) && std::ptr::eq(self.a, other.a) && std::ptr::eq(self.b, other.b)
    }
}

/// Compares every clause between versions `a` and `b` (ids). Clauses lacking
/// a term for either version are skipped (the loader never lets that happen).
pub fn compare(data: &Dataset, a: &str, b: &str) -> Vec<ClauseComparison> {
    let (Some(ia), Some(ib)) = (data.version_index(a), data.version_index(b)) else {
        return Vec::new();
    };
    let between: Vec<&str> = data
        .versions
        .iter()
        .skip(ia + 1)
        .take(ib.saturating_sub(ia))
        .map(|v| v.id)
        .collect();
    data.clauses
        .iter()
        .filter_map(|clause| {
            let (ta, tb) = (clause.term(a)?, clause.term(b)?);
            let kind = classify(ta, tb);
            let notes: Vec<&'static ChangeNote> = if kind.is_change() {
                between.iter().filter_map(|v| clause.term(v)?.change.as_ref()).collect()
            } else {
                Vec::new()
            };
            let favours = kind
                .is_change()
                .then(|| combine_favours(notes.iter().map(|n| n.favours)));
            Some(ClauseComparison {
                clause,
                a: ta,
                b: tb,
                kind,
                fields: if kind == ChangeKind::Changed {
                    field_changes(ta, tb)
                } else {
                    Vec::new()
                },
                favours,
                notes,
            })
        })
        .collect()
}

/// Whether a clause's term in version `index` differs from the version
/// before it (for the matrix); `None` when there is nothing to compare.
pub fn step_change(clause: &Clause, index: usize) -> Option<ChangeKind> {
    let prev = clause.terms.get(index.checked_sub(1)?)?;
    Some(classify(prev, clause.terms.get(index)?))
}

/// The counts behind the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Clauses compared.
    pub total: usize,
    /// Clauses added, removed or changed.
    pub changed: usize,
    /// Changes favouring OpenAI.
    pub openai: usize,
    /// Changes favouring Microsoft.
    pub microsoft: usize,
    /// Changes with gains on both sides.
    pub mixed: usize,
    /// Changes favouring neither.
    pub neutral: usize,
    /// Clauses that cannot be compared for lack of sources.
    pub unstated: usize,
}

impl Summary {
    /// Counts a comparison.
    pub fn of(rows: &[ClauseComparison]) -> Summary {
        let mut s = Summary {
            total: rows.len(),
            ..Summary::default()
        };
        for row in rows {
            if row.kind == ChangeKind::Unstated {
                s.unstated += 1;
            }
            match row.favours {
                Some(Favour::OpenAi) => s.openai += 1,
                Some(Favour::Microsoft) => s.microsoft += 1,
                Some(Favour::Mixed) => s.mixed += 1,
                Some(Favour::Neutral) => s.neutral += 1,
                None => {}
            }
            if row.kind.is_change() {
                s.changed += 1;
            }
        }
        s
    }

    /// The summary line: "11 of 16 clauses changed between 2019 and 2026;
    /// 8 favour OpenAI, 2 favour Microsoft, 1 mixed".
    pub fn line(&self, a: &str, b: &str) -> String {
        let mut line = format!("{} of {} clauses changed between {a} and {b}", self.changed, self.total);
        let mut parts = Vec::new();
        if self.openai > 0 {
            parts.push(format!("{} favour OpenAI", self.openai));
        }
        if self.microsoft > 0 {
            parts.push(format!("{} favour Microsoft", self.microsoft));
        }
        if self.mixed > 0 {
            parts.push(format!("{} mixed", self.mixed));
        }
        if self.neutral > 0 {
            parts.push(format!("{} neutral", self.neutral));
        }
        if !parts.is_empty() {
            line.push_str("; ");
            line.push_str(&parts.join(", "));
        }
        if self.unstated > 0 {
            line.push_str(&format!(" ({} not stated in the sources for one side)", self.unstated));
        }
        line
    }
}
