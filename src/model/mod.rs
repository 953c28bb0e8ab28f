//! The typed dataset: sources, parties, events, agreement versions, clauses,
//! conflicts and tables, as every view reads them.
//!
//! Everything here borrows `'static` data: the built-in dataset is generated
//! at build time as `static` items (see `build.rs` and [`crate::loader`]), so
//! the app parses nothing at start-up. The synthetic datasets used for scale
//! tests are built once and leaked to the same lifetime (see
//! [`crate::synthetic`]).
//!
//! The types are split by the record they describe, a file each; they are
//! all re-exported here, so every view (and the generated dataset, which
//! does `use crate::model::*`) names them as `model::Event`, `model::Clause`
//! and so on.

mod agreement;
mod checks;
mod dates;
mod disputes;
mod events;
mod sources;

pub use agreement::{AgreementVersion, ChangeNote, Clause, Favour, Field, FieldValue, Term, TermStatus};
pub use checks::{Check, ClaimRef, Correction, Licence, Verdict};
pub use dates::{EventDate, Precision, When, readable};
pub use disputes::{Claim, Conflict, Table};
pub use events::{Certainty, ClauseRef, Event, EventKind, Figure, FigureKind, Resolution, ResolutionStatus};
pub use sources::{Party, Source, SourceKind, Topic};

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

    /// Who says an event, for its byline: the kinds of document that
    /// report it, then how many public reports back it ("Video summary,
    /// Blog post · 2 public reports"). Titles never name their source, so
    /// this is where a reader sees it without expanding the event.
    pub fn byline(&self, event: &Event) -> String {
        let sources = event.sources.iter().filter_map(|id| self.source(id));
        let mut kinds: Vec<&str> = Vec::new();
        let mut reports = 0;
        for s in sources {
            if s.kind == SourceKind::NewsReport {
                reports += 1;
            } else if !kinds.contains(&s.kind.label()) {
                kinds.push(s.kind.label());
            }
        }
        let mut line = kinds.join(", ");
        if reports > 0 {
            if !line.is_empty() {
                line.push_str(" · ");
            }
            line.push_str(&format!(
                "{reports} public report{}",
                if reports == 1 { "" } else { "s" }
            ));
        }
        line
    }

    /// Conflicts that name this event in one of their claims.
    pub fn conflicts_of_event<'a>(&'a self, event_id: &'a str) -> impl Iterator<Item = &'static Conflict> + 'a {
        self.conflicts
            .iter()
            .filter(move |c| c.claims.iter().any(|cl| cl.events.contains(&event_id)))
    }

    /// How many claims rest on a source: the events, clause terms, sides
    /// of conflicts and tables that cite it, and the checks a public report
    /// makes.
    pub fn claims_backed(&self, id: &str) -> usize {
        let events = self.events.iter().filter(|e| e.sources.contains(&id)).count();
        let terms = self
            .clauses
            .iter()
            .flat_map(|c| c.terms)
            .filter(|t| t.sources.contains(&id))
            .count();
        let sides = self
            .conflicts
            .iter()
            .flat_map(|c| c.claims)
            .filter(|c| c.source == id)
            .count();
        let tables = self.tables.iter().filter(|t| t.source == id).count();
        let checks = self.checks.iter().filter(|c| c.report == id).count();
        events + terms + sides + tables + checks
    }

    /// Conflicts in which a source has a side.
    pub fn conflicts_of_source<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'static Conflict> + 'a {
        self.conflicts
            .iter()
            .filter(move |c| c.claims.iter().any(|claim| claim.source == id))
    }

    /// Events that caused a change to this clause, oldest first.
    pub fn events_changing_clause<'a>(&'a self, clause_id: &'a str) -> impl Iterator<Item = &'static Event> + 'a {
        self.events
            .iter()
            .filter(move |e| e.clause_changes.iter().any(|c| c.clause == clause_id))
    }
}
