//! Clause comparison over the terms in force: an amendment changes only
//! what it mentions, so a version that says nothing of a term keeps the one
//! an earlier version stated. The data records only what each source says
//! of each version; carrying terms forward happens here.

use crate::model::{ChangeNote, Clause, Dataset, Favour, FieldValue, Term, TermStatus};
use std::fmt;

/// How many clauses of the scoreboard a wide screen shows above the fold.
/// As the app takes over a first screen, it builds these with the rest of
/// what is in view, and the others a task later (`hooks::use_in_parts`);
/// while the app is on its way, the first screen shows as many
/// (`style/main.css`, checked by the browser tests).
pub const SCOREBOARD_ABOVE_FOLD: usize = 6;

/// A clause's term in force at one version.
#[derive(Debug, Clone, Copy)]
pub struct InForce {
    /// The version asked about.
    pub version: &'static str,
    /// The term in force, stated by `version` or by the latest earlier
    /// version that states one; `None` when no version up to here does.
    pub term: Option<&'static Term>,
    /// For a carried term whose premise clause a later version changed: the
    /// first version that changed it, and that clause.
    pub premise_changed: Option<(&'static str, &'static Clause)>,
}

impl InForce {
    /// Whether the term comes from an earlier version that states it.
    pub fn carried(&self) -> bool {
        self.term.is_some_and(|t| t.version != self.version)
    }

    /// Whether the version has the term (stated or implied), known to be so.
    pub fn is_present(&self) -> bool {
        self.term.is_some_and(Term::is_present)
    }
}

impl InForce {
    /// What a reader needs to know of a term that is not the version's
    /// own: "In force since 2025; the 2026 version does not mention it.",
    /// with the date a dated term holds at and any premise a later version
    /// changed. `None` for a version's own term, or an unknown one.
    pub fn carried_note(&self, data: &Dataset) -> Option<String> {
        let term = self.term.filter(|_| self.carried())?;
        let mut note = format!(
            "In force since {}; the {} version does not mention it.",
            term.version, self.version
        );
        if term.dated
            && let Some(v) = data.versions.iter().find(|v| v.id == term.version)
        {
            note.push_str(&format!(" It gives the position as of {}.", v.date));
        }
        if let Some((version, premise)) = self.premise_changed {
            note.push_str(&format!(
                " Its premise, the term \u{201c}{}\u{201d}, changed in the {version} version.",
                premise.name
            ));
        }
        Some(note)
    }
}

/// Two terms in force are equal when they are the same term for the same
/// version; what else they hold follows from those.
impl PartialEq for InForce {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
            && match (self.term, other.term) {
                (Some(a), Some(b)) => std::ptr::eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// The term in force for `clause` at the version with index `index`.
pub fn in_force(data: &Dataset, clause: &'static Clause, index: usize) -> InForce {
    let version = data.versions.get(index).map_or("", |v| v.id);
    let term = clause.terms[..=index.min(clause.terms.len().saturating_sub(1))]
        .iter()
        .rev()
        .find(|t| t.status != TermStatus::Unstated);
    let premise_changed = term
        .filter(|t| t.version != version)
        .and_then(|t| Some((t, data.clause(t.premise?)?)))
        .and_then(|(t, premise)| {
            let since = data.version_index(t.version)?;
            (since + 1..=index)
                .find(|&i| step(premise, i).0.is_change())
                .map(|i| (data.versions[i].id, premise))
        });
    InForce {
        version,
        term,
        premise_changed,
    }
}

/// What one version did to a clause's term, against the version before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The first version the sources speak of for this term (it may have
    /// existed before; nobody says).
    FirstStated,
    /// The term appears where a source said there was none.
    Added,
    /// The term differs from the one in force before.
    Changed,
    /// A source says the version no longer has the term.
    Removed,
    /// The version restates the term in force.
    Unchanged,
    /// The version does not mention the term; the earlier one holds.
    Carried,
    /// No version up to this one states the term.
    Unknown,
}

impl Step {
    /// The value of `data-step`, and the id used in styles.
    pub fn id(self) -> &'static str {
        match self {
            Step::FirstStated => "first",
            Step::Added => "added",
            Step::Changed => "changed",
            Step::Removed => "removed",
            Step::Unchanged => "unchanged",
            Step::Carried => "carried",
            Step::Unknown => "unknown",
        }
    }

    /// How the step reads in the interface.
    pub fn label(self) -> &'static str {
        match self {
            Step::FirstStated => "First stated",
            Step::Added => "Added",
            Step::Changed => "Changed",
            Step::Removed => "Removed",
            Step::Unchanged => "Unchanged",
            Step::Carried => "Carried forward",
            Step::Unknown => "Unknown",
        }
    }

    /// A symbol that says the step without colour.
    pub fn icon(self) -> &'static str {
        match self {
            Step::FirstStated => "◆",
            Step::Added => "+",
            Step::Changed => "±",
            Step::Removed => "−",
            Step::Unchanged => "=",
            Step::Carried => "→",
            Step::Unknown => "?",
        }
    }

    /// Whether the agreement itself changed at this step.
    pub fn is_change(self) -> bool {
        matches!(self, Step::Added | Step::Changed | Step::Removed)
    }
}

/// How term `to` differs from term `from`, both known.
fn difference(from: &Term, to: &Term) -> Step {
    match (from.is_present(), to.is_present()) {
        _ if from.same_as(to) => Step::Unchanged,
        (false, true) => Step::Added,
        (true, false) => Step::Removed,
        _ => Step::Changed,
    }
}

/// What the version with index `index` did to `clause`'s term, and whom
/// that favours (for a change).
pub fn step(clause: &Clause, index: usize) -> (Step, Option<Favour>) {
    let Some(own) = clause.terms.get(index) else {
        return (Step::Unknown, None);
    };
    let before = clause.terms[..index]
        .iter()
        .rev()
        .find(|t| t.status != TermStatus::Unstated);
    let kind = match (own.status, before) {
        (TermStatus::Unstated, Some(_)) => Step::Carried,
        (TermStatus::Unstated, None) => Step::Unknown,
        (_, None) => Step::FirstStated,
        (_, Some(before)) => difference(before, own),
    };
    let favours = kind
        .is_change()
        .then(|| own.change.as_ref().map_or(Favour::Neutral, |n| n.favours));
    (kind, favours)
}

/// One cell of the scoreboard: a clause at one version.
#[derive(Debug, Clone, Copy)]
pub struct Cell {
    /// The term in force.
    pub force: InForce,
    /// What this version did to it.
    pub step: Step,
    /// Whom the change favours, for a change.
    pub favours: Option<Favour>,
}

/// Every version's cell for a clause, oldest first.
pub fn cells(data: &Dataset, clause: &'static Clause) -> Vec<Cell> {
    (0..data.versions.len().min(clause.terms.len()))
        .map(|i| {
            let (step, favours) = step(clause, i);
            Cell {
                force: in_force(data, clause, i),
                step,
                favours,
            }
        })
        .collect()
}

/// How a clause's term in force differs between two versions, read in
/// time order whichever way round the reader picked them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// A term appears where a source said there was none.
    Added,
    /// A term a source had stated is gone.
    Removed,
    /// The term differs.
    Changed,
    /// The term in force is the same.
    Unchanged,
    /// The earlier version's term is unknown, and a later one first states
    /// the term now in force: the sources do not say whether it changed.
    FirstStated,
    /// No version up to the later one states the term.
    Unknown,
}

impl ChangeKind {
    /// The value of `data-change`, and the id used in styles.
    pub fn id(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::FirstStated => "first",
            ChangeKind::Unknown => "unknown",
        }
    }

    /// How the kind reads in the interface, before the versions it names.
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "Added",
            ChangeKind::Removed => "Removed",
            ChangeKind::Changed => "Changed",
            ChangeKind::Unchanged => "Unchanged",
            ChangeKind::FirstStated => "First stated",
            ChangeKind::Unknown => "Unknown",
        }
    }

    /// Whether the agreement changed between the two versions.
    pub fn is_change(self) -> bool {
        matches!(self, ChangeKind::Added | ChangeKind::Removed | ChangeKind::Changed)
    }
}

/// One structured field whose value differs between two terms in force.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    /// The field's name as a reader reads it.
    pub label: &'static str,
    /// The earlier term's value, if it mentions the field.
    pub before: Option<FieldValue>,
    /// The later term's value, if it mentions the field.
    pub after: Option<FieldValue>,
}

impl fmt::Display for FieldChange {
    /// Spells the change out: "Licence ends: until AGI → 2032". A field a
    /// term does not mention is "not mentioned": it did not vanish.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = |v: &Option<FieldValue>| v.map_or_else(|| "not mentioned".to_string(), |v| v.to_string());
        write!(f, "{}: {} → {}", self.label, side(&self.before), side(&self.after))
    }
}

/// The fields that differ between two terms of `clause`, in the earlier
/// term's order then the later one's new fields.
pub fn field_changes(clause: &Clause, from: &Term, to: &Term) -> Vec<FieldChange> {
    let label = |name: &'static str| match clause.label(name) {
        "" => name,
        label => label,
    };
    let mut changes = Vec::new();
    for fa in from.fields {
        let after = to.fields.iter().find(|fb| fb.name == fa.name).map(|fb| fb.value);
        if after != Some(fa.value) {
            changes.push(FieldChange {
                label: label(fa.name),
                before: Some(fa.value),
                after,
            });
        }
    }
    for fb in to
        .fields
        .iter()
        .filter(|fb| !from.fields.iter().any(|fa| fa.name == fb.name))
    {
        changes.push(FieldChange {
            label: label(fb.name),
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

/// One clause compared between two versions.
#[derive(Debug, Clone)]
pub struct ClauseComparison {
    /// The clause.
    pub clause: &'static Clause,
    /// The term in force at the first version picked.
    pub a: InForce,
    /// The term in force at the second version picked.
    pub b: InForce,
    /// How it changed, in time order.
    pub kind: ChangeKind,
    /// The versions that changed it and how (for a change), or the one
    /// that first states it (for [`ChangeKind::FirstStated`]), oldest first.
    pub when: Vec<(&'static str, Step)>,
    /// Structured fields that moved, for a changed term.
    pub fields: Vec<FieldChange>,
    /// Who the change favours, for a change.
    pub favours: Option<Favour>,
    /// The notes of every version in between that changed the term.
    pub notes: Vec<&'static ChangeNote>,
    /// Whether `a` comes after `b`: the reader is looking back in time.
    pub backwards: bool,
}

/// Two comparisons are equal when they compare the same clause between the
/// same terms in force: everything else is derived from those.
impl PartialEq for ClauseComparison {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.clause, other.clause) && self.a == other.a && self.b == other.b
    }
}

impl ClauseComparison {
    /// What happened and when: "Removed in 2025", "Changed in 2025 and
    /// 2026", "Added in 2025, changed in 2026", "First stated in 2023".
    pub fn headline(&self) -> String {
        if self.alone() {
            return match (self.b.carried(), self.b.term) {
                (_, None) => format!("Not stated up to {}", self.b.version),
                (true, Some(t)) => format!("Carried forward from {}", t.version),
                (false, Some(_)) => format!("Stated for {}", self.b.version),
            };
        }
        if self.kind == ChangeKind::Unknown {
            return format!("Not stated up to {}", self.later().version);
        }
        if self.when.is_empty() {
            return self.kind.label().to_string();
        }
        // Consecutive versions that did the same are named together.
        let mut groups: Vec<(Step, Vec<&str>)> = Vec::new();
        for &(version, step) in &self.when {
            match groups.last_mut() {
                Some((last, versions)) if *last == step => versions.push(version),
                _ => groups.push((step, vec![version])),
            }
        }
        let phrases: Vec<String> = groups
            .iter()
            .enumerate()
            .map(|(i, (step, versions))| {
                let label = if i == 0 {
                    step.label().to_string()
                } else {
                    step.label().to_ascii_lowercase()
                };
                let names = match versions.as_slice() {
                    [rest @ .., last] if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                    _ => versions.join(""),
                };
                format!("{label} in {names}")
            })
            .collect();
        phrases.join(", ")
    }

    /// Whether one version is shown alone (picked on both sides).
    pub fn alone(&self) -> bool {
        self.a.version == self.b.version
    }

    /// The value of `data-change`: the kind's id, or `alone`.
    pub fn change_id(&self) -> &'static str {
        if self.alone() { "alone" } else { self.kind.id() }
    }

    /// The term in force at the later of the two versions compared.
    pub fn later(&self) -> InForce {
        if self.backwards { self.a } else { self.b }
    }
}

/// Compares every clause between versions `a` and `b` (ids), in the
/// reader's order: `a` may come after `b`, or be `b`. Changes are read in
/// time order either way. Unknown versions compare nothing.
pub fn compare(data: &Dataset, a: &str, b: &str) -> Vec<ClauseComparison> {
    let (Some(ia), Some(ib)) = (data.version_index(a), data.version_index(b)) else {
        return Vec::new();
    };
    let (lo, hi) = (ia.min(ib), ia.max(ib));
    data.clauses
        .iter()
        .filter(|c| c.terms.len() > hi)
        .map(|clause| {
            let (fa, fb) = (in_force(data, clause, ia), in_force(data, clause, ib));
            let (early, late) = if ia <= ib { (fa, fb) } else { (fb, fa) };
            let stated_between = || {
                (lo + 1..=hi)
                    .map(|i| &clause.terms[i])
                    .find(|t| t.status != TermStatus::Unstated)
            };
            let (kind, from) = match (early.term, late.term) {
                (_, None) => (ChangeKind::Unknown, None),
                (Some(from), Some(to)) => (kind_of(difference(from, to)), Some(from)),
                (None, Some(to)) => match stated_between() {
                    Some(first) if first.same_as(to) => (ChangeKind::FirstStated, Some(first)),
                    Some(first) => (kind_of(difference(first, to)), Some(first)),
                    None => (ChangeKind::FirstStated, Some(to)),
                },
            };
            let changes: Vec<(usize, Step)> = if kind.is_change() {
                (lo + 1..=hi)
                    .map(|i| (i, step(clause, i).0))
                    .filter(|(_, step)| step.is_change())
                    .collect()
            } else {
                Vec::new()
            };
            let when = match kind {
                ChangeKind::FirstStated => from.map(|t| (t.version, Step::FirstStated)).into_iter().collect(),
                _ => changes
                    .iter()
                    .map(|&(i, step)| (clause.terms[i].version, step))
                    .collect(),
            };
            let notes: Vec<&'static ChangeNote> = changes
                .iter()
                .filter_map(|&(i, _)| clause.terms[i].change.as_ref())
                .collect();
            let fields = match (kind, from, late.term) {
                (ChangeKind::Changed, Some(from), Some(to)) => field_changes(clause, from, to),
                _ => Vec::new(),
            };
            ClauseComparison {
                clause,
                a: fa,
                b: fb,
                kind,
                when,
                fields,
                favours: kind
                    .is_change()
                    .then(|| combine_favours(notes.iter().map(|n| n.favours))),
                notes,
                backwards: ia > ib,
            }
        })
        .collect()
}

/// A difference between two known terms as a change between versions.
fn kind_of(step: Step) -> ChangeKind {
    match step {
        Step::Added => ChangeKind::Added,
        Step::Removed => ChangeKind::Removed,
        Step::Changed => ChangeKind::Changed,
        _ => ChangeKind::Unchanged,
    }
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
    /// Terms in force at the later version that an earlier version states.
    pub carried: usize,
    /// Terms no version up to the later one states.
    pub unknown: usize,
    /// Terms unknown at the earlier version, first stated in between.
    pub first_stated: usize,
    /// Whether the reader is looking back in time.
    pub backwards: bool,
}

impl Summary {
    /// Counts a comparison.
    pub fn of(rows: &[ClauseComparison]) -> Summary {
        let mut s = Summary {
            total: rows.len(),
            backwards: rows.first().is_some_and(|r| r.backwards),
            ..Summary::default()
        };
        for row in rows {
            match row.kind {
                ChangeKind::Unknown => s.unknown += 1,
                ChangeKind::FirstStated => s.first_stated += 1,
                kind if kind.is_change() => s.changed += 1,
                _ => {}
            }
            if row.later().carried() {
                s.carried += 1;
            }
            match row.favours {
                Some(Favour::OpenAi) => s.openai += 1,
                Some(Favour::Microsoft) => s.microsoft += 1,
                Some(Favour::Mixed) => s.mixed += 1,
                Some(Favour::Neutral) => s.neutral += 1,
                None => {}
            }
        }
        s
    }

    /// The summary line, for versions `a` and `b` in the reader's order:
    /// "7 of 19 clauses changed between 2019 and 2026: 5 favour OpenAI,
    /// 1 favours Microsoft, 1 mixed. In force in 2026: 12 terms stated then,
    /// 6 carried forward from earlier versions, 1 unknown."
    pub fn line(&self, a: &str, b: &str) -> String {
        let (early, late) = if self.backwards { (b, a) } else { (a, b) };
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut line = if a == b {
            format!("The {a} terms alone")
        } else {
            let mut line = format!(
                "{} changed between {early} and {late}",
                format_args!("{} of {}", self.changed, plural(self.total, "clause", "clauses"))
            );
            let parts: Vec<String> = [
                (self.openai, "favours OpenAI", "favour OpenAI"),
                (self.microsoft, "favours Microsoft", "favour Microsoft"),
                (self.mixed, "mixed", "mixed"),
                (self.neutral, "neutral", "neutral"),
            ]
            .into_iter()
            .filter(|(n, ..)| *n > 0)
            .map(|(n, one, many)| plural(n, one, many))
            .collect();
            if !parts.is_empty() {
                line.push_str(": ");
                line.push_str(&parts.join(", "));
            }
            if self.backwards {
                line.insert_str(0, &format!("Going back from {a} to {b}: "));
            }
            line
        };
        let stated = self.total - self.carried - self.unknown;
        line.push_str(&format!(
            "{} {} stated for {late}, {} carried forward from earlier versions, {} unknown",
            if a == b {
                ":".to_string()
            } else {
                format!(". In force in {late}:")
            },
            plural(stated, "term", "terms"),
            self.carried,
            self.unknown
        ));
        if a != b && self.first_stated > 0 {
            line.push_str(&format!(
                "; {} first stated after {early}",
                plural(self.first_stated, "term", "terms")
            ));
        }
        line.push('.');
        line
    }
}
