//! Checks `versions.toml` and `clauses.toml`: the agreement's versions in
//! order, and each clause's term in every version, with a `change` note
//! wherever a term differs from the one before.

use super::{Known, ResolvedTerm, Validator};
use crate::loader::dates::Date;
use crate::loader::files::{Raw, RawChange, RawTerm};
use crate::loader::vocab::{FAVOURS, STATUSES};
use std::collections::{BTreeMap, BTreeSet};

/// The longest `short` a scoreboard cell holds on a 360 px phone.
const MAX_SHORT: usize = 32;

impl Validator {
    /// Returns each version's date.
    pub(super) fn check_versions(&mut self, raw: &Raw, known: &Known) -> Vec<Date> {
        let f = "versions.toml";
        let version_dates: Vec<Date> = raw
            .versions
            .iter()
            .map(|v| {
                self.non_empty(f, &v.id, "name", &v.name);
                self.non_empty(f, &v.id, "summary", &v.summary);
                if v.sources.is_empty() {
                    self.err(f, &v.id, "names no source");
                }
                self.refs(f, &v.id, "source", &v.sources, &known.sources);
                self.date(f, &v.id, &v.date)
            })
            .collect();
        for (i, pair) in version_dates.windows(2).enumerate() {
            if pair[1].sort_key() < pair[0].sort_key() {
                self.err(
                    f,
                    &raw.versions[i + 1].id,
                    "is dated before the version listed above it",
                );
            }
        }
        version_dates
    }

    /// Returns, per clause, its terms as resolved, one per version whose
    /// term is sound.
    pub(super) fn check_clauses(&mut self, raw: &Raw, known: &Known) -> Vec<Vec<ResolvedTerm>> {
        let f = "clauses.toml";
        let mut terms = Vec::new();
        for c in &raw.clauses {
            self.non_empty(f, &c.id, "name", &c.name);
            self.non_empty(f, &c.id, "question", &c.question);
            for v in c.terms.keys() {
                if !known.versions.contains(v.as_str()) {
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
                if let Some(term) = self.check_term(&entry, &v.id, t, &resolved, known) {
                    resolved.push(term);
                }
            }
            self.check_labels(&c.id, &c.labels, &resolved);
            terms.push(resolved);
        }
        terms
    }

    /// Checks one term against the terms resolved before it in its clause;
    /// returns it resolved, unless it is too broken to compare.
    fn check_term(
        &mut self,
        entry: &str,
        version: &str,
        t: &RawTerm,
        resolved: &[ResolvedTerm],
        known: &Known,
    ) -> Option<ResolvedTerm> {
        let f = "clauses.toml";
        self.refs(f, entry, "source", &t.sources, &known.sources);
        if !STATUSES.contains(&t.status.as_str()) {
            self.err(
                f,
                entry,
                format!("unknown status `{}` (one of {})", t.status, STATUSES.join(", ")),
            );
            return None;
        }
        if t.status != "unstated" && t.sources.is_empty() {
            self.err(f, entry, "names no source");
        }
        let mut term = self.resolve_term(entry, version, t, resolved.last(), known)?;
        for (name, value) in &term.fields {
            if !matches!(
                value,
                toml::Value::Boolean(_) | toml::Value::Integer(_) | toml::Value::Float(_) | toml::Value::String(_)
            ) {
                self.err(f, entry, format!("field `{name}` must be a boolean, number or string"));
            }
        }
        let previous = resolved.iter().rev().find(|p| p.comparable());
        let differs = term.comparable() && previous.is_some_and(|p| !term.same_as(p));
        term.change = self.check_change(entry, t.change.as_ref(), differs, known);
        Some(term)
    }

    /// Turns a term's `status` into what it says: `same` copies the term
    /// before (`previous`), the others stand for themselves.
    fn resolve_term(
        &mut self,
        entry: &str,
        version: &str,
        t: &RawTerm,
        previous: Option<&ResolvedTerm>,
        known: &Known,
    ) -> Option<ResolvedTerm> {
        let f = "clauses.toml";
        let status = t.status.as_str();
        if status == "same" {
            return match previous {
                Some(prev)
                    if prev.comparable()
                        && t.text.is_empty()
                        && t.short.is_empty()
                        && t.fields.is_empty()
                        && t.basis.is_none()
                        && !t.dated
                        && t.premise.is_none() =>
                {
                    Some(ResolvedTerm {
                        version: version.into(),
                        sources: t.sources.clone(),
                        change: None,
                        ..prev.clone()
                    })
                }
                Some(prev) if prev.comparable() => {
                    self.err(
                        f,
                        entry,
                        "status `same` takes no text, short, fields, basis, dated or premise of its own",
                    );
                    None
                }
                _ => {
                    self.err(
                        f,
                        entry,
                        "status `same` needs a stated, implied or absent term in the version before",
                    );
                    None
                }
            };
        }
        if status == "stated" || status == "implied" {
            self.non_empty(f, entry, "text", &t.text);
        }
        if status == "unstated" {
            if !t.text.is_empty() || !t.short.is_empty() || !t.fields.is_empty() || t.dated || t.premise.is_some() {
                self.err(
                    f,
                    entry,
                    "an unstated term has no text, short, fields, dated or premise",
                );
            }
        } else {
            // The scoreboard shows it in a cell a phone can fit.
            self.non_empty(f, entry, "short", &t.short);
            if t.short.chars().count() > MAX_SHORT {
                self.err(f, entry, format!("`short` is longer than {MAX_SHORT} characters"));
            }
        }
        // An implied term says what implies it, and so does an absence that
        // a source implies without stating it; a stated term does not.
        match (&t.basis, status) {
            (None, "implied") => self.err(f, entry, "an implied term needs a `basis`: what implies it"),
            (Some(b), "implied" | "absent") => self.non_empty(f, entry, "basis", b),
            (Some(_), _) => self.err(f, entry, "only an implied term or absence has a `basis`"),
            (None, _) => {}
        }
        if let Some(p) = &t.premise {
            if !known.clauses.contains(p.as_str()) {
                self.err(f, entry, format!("`premise` names unknown clause `{p}`"));
            } else if entry.split('.').next() == Some(p.as_str()) {
                self.err(f, entry, "`premise` names the term's own clause");
            }
        }
        if t.text.contains("(implied") {
            self.err(
                f,
                entry,
                "say \"(implied: …)\" with `status = \"implied\"` and a `basis`",
            );
        }
        Some(ResolvedTerm {
            version: version.into(),
            status: match status {
                "stated" => "Stated",
                "implied" => "Implied",
                "absent" => "Absent",
                _ => "Unstated",
            },
            basis: t.basis.clone(),
            short: t.short.clone(),
            text: t.text.clone(),
            dated: t.dated,
            premise: t.premise.clone(),
            fields: t.fields.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            sources: t.sources.clone(),
            change: None,
        })
    }

    /// Every field a clause's terms use has a label a reader understands,
    /// and every label belongs to a field.
    fn check_labels(&mut self, clause: &str, labels: &BTreeMap<String, String>, terms: &[ResolvedTerm]) {
        let f = "clauses.toml";
        let used: BTreeSet<&str> = terms
            .iter()
            .flat_map(|t| t.fields.iter().map(|(n, _)| n.as_str()))
            .collect();
        for name in &used {
            match labels.get(*name) {
                None => self.err(f, clause, format!("field `{name}` has no entry in `labels`")),
                Some(label) => self.non_empty(f, clause, &format!("labels.{name}"), label),
            }
        }
        for name in labels.keys().filter(|n| !used.contains(n.as_str())) {
            self.err(f, clause, format!("`labels` names `{name}`, which no term uses"));
        }
    }

    /// A term that differs from the last comparable one says whom the
    /// change favours, why, and on which source; one that does not, says
    /// nothing. Returns the note to keep.
    fn check_change(
        &mut self,
        entry: &str,
        change: Option<&RawChange>,
        differs: bool,
        known: &Known,
    ) -> Option<(String, String, String)> {
        let f = "clauses.toml";
        match (change, differs) {
            (Some(ch), true) => {
                self.word(f, entry, "favours", &ch.favours, &FAVOURS);
                self.non_empty(f, entry, "change.reason", &ch.reason);
                self.reference(f, entry, "source", &ch.source, &known.sources);
                Some((ch.favours.clone(), ch.reason.clone(), ch.source.clone()))
            }
            (None, true) => {
                self.err(
                    f,
                    entry,
                    "differs from the previous stated term but has no `change` (who it favours, why, which source)",
                );
                None
            }
            (Some(_), false) => {
                self.err(
                    f,
                    entry,
                    "has a `change` but does not differ from the previous stated term",
                );
                None
            }
            (None, false) => None,
        }
    }
}

impl ResolvedTerm {
    /// Whether the term can be compared with others: an unstated term says
    /// nothing either way.
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
