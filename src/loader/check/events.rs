//! Checks `events.toml`: each event's date, title, sources and references,
//! its kind and whether it is key, a prediction's resolution, and the
//! figures it states.

use super::{Known, Validator};
use crate::loader::dates::{Date, is_full_date};
use crate::loader::files::{Raw, RawEvent};
use crate::loader::vocab::{
    CERTAINTIES, COMMENTARY_CERTAINTIES, EVENT_KINDS, FIGURE_KINDS, RESOLUTIONS, SCALES, TITLE_PREFIXES, names, variant,
};

impl Validator {
    /// Returns, per event, its date (`None` if undated) and the date a
    /// prediction resolves by (`None` for the rest).
    pub(super) fn check_events(
        &mut self,
        raw: &Raw,
        known: &Known,
        updated: Option<Date>,
    ) -> (Vec<Option<Date>>, Vec<Option<Date>>) {
        let f = "events.toml";
        let mut event_dates = Vec::new();
        let mut event_resolves = Vec::new();
        for e in &raw.events {
            event_dates.push(self.check_event_date(e));
            self.non_empty(f, &e.id, "title", &e.title);
            if let Some(prefix) = title_prefix(&e.title) {
                self.err(
                    f,
                    &e.id,
                    format!(
                        "`title` opens with `{prefix}`: the app shows the source and certainty beside it, so say the claim itself"
                    ),
                );
            }
            self.non_empty(f, &e.id, "summary", &e.summary);
            if e.sources.is_empty() {
                self.err(f, &e.id, "names no source");
            }
            self.refs(f, &e.id, "source", &e.sources, &known.sources);
            self.refs(f, &e.id, "party", &e.parties, &known.parties);
            self.refs(f, &e.id, "topic", &e.topics, &known.topics);
            if e.topics.is_empty() {
                self.err(f, &e.id, "names no topic");
            }
            let prediction = self.word(f, &e.id, "certainty", &e.certainty, &CERTAINTIES) == Some("Prediction");
            self.check_kind(e);
            event_resolves.push(self.check_prediction(e, prediction, updated, &raw.meta.updated, known));
            self.check_figures(e);
            for c in &e.clauses {
                self.reference(f, &e.id, "clause", &c.clause, &known.clauses);
                self.reference(f, &e.id, "version", &c.version, &known.versions);
            }
        }
        (event_dates, event_resolves)
    }

    fn check_event_date(&mut self, e: &RawEvent) -> Option<Date> {
        let f = "events.toml";
        if e.date != "undated" {
            return Some(self.date(f, &e.id, &e.date));
        }
        // Undated is a finding, so it must say why; it has no date to be
        // approximate or relative about.
        if e.date_note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            self.err(f, &e.id, "an undated event needs a `date_note` saying why");
        }
        if e.approx || e.relative.is_some() {
            self.err(f, &e.id, "an undated event has no `approx` or `relative`");
        }
        None
    }

    /// Every event says whether it happened or is commentary, and a source's
    /// own view (analysis, speculation, a prediction, a hypothetical) never
    /// counts as something that happened; only what happened can be a key
    /// event.
    fn check_kind(&mut self, e: &RawEvent) {
        let f = "events.toml";
        let Some(kind) = &e.kind else {
            self.err(f, &e.id, format!("needs a `kind` (one of {})", names(&EVENT_KINDS)));
            return;
        };
        let happened = self.word(f, &e.id, "kind", kind, &EVENT_KINDS) == Some("Happened");
        // Leaving `key` out is how an event says it is no milestone; a
        // written-out `false` would be one more line that says nothing.
        match e.key {
            Some(false) => self.err(f, &e.id, "`key = false` says nothing: leave `key` out"),
            // A milestone is a step in the partnership itself, never a view of it.
            Some(true) if !happened => self.err(f, &e.id, "a key event is one that happened, not `commentary`"),
            _ => {}
        }
        if happened && COMMENTARY_CERTAINTIES.contains(&e.certainty.as_str()) {
            self.err(
                f,
                &e.id,
                format!(
                    "certainty `{}` is a source's view, so `kind` is `commentary`, not `happened`",
                    e.certainty
                ),
            );
        }
    }

    /// Only a prediction resolves, and once the date it resolves by has
    /// passed it says what became of it. Returns that date.
    fn check_prediction(
        &mut self,
        e: &RawEvent,
        prediction: bool,
        updated: Option<Date>,
        review: &str,
        known: &Known,
    ) -> Option<Date> {
        let f = "events.toml";
        let resolves = match (&e.resolves_by, prediction) {
            (Some(by), true) => {
                let by_date = self.date(f, &e.id, by);
                // Measured against the review date, never the clock, so a
                // build does not start failing by itself one day.
                if let Some(updated) = updated
                    && by_date.end_key() < updated.sort_key()
                    && e.outcome.is_none()
                {
                    self.err(
                        f,
                        &e.id,
                        format!("resolves by {by}, before the review date {review}, but has no `outcome`"),
                    );
                }
                Some(by_date)
            }
            (None, true) => {
                self.err(f, &e.id, "a prediction needs `resolves_by`");
                None
            }
            (Some(_), false) => {
                self.err(f, &e.id, "only a prediction has `resolves_by`");
                None
            }
            (None, false) => None,
        };
        if let Some(o) = &e.outcome {
            if !prediction {
                self.err(f, &e.id, "only a prediction has an `outcome`");
            }
            self.word(f, &e.id, "outcome status", &o.status, &RESOLUTIONS);
            if !is_full_date(&o.as_of) {
                self.err(f, &e.id, "outcome `as_of` must be a full date, YYYY-MM-DD");
            }
            self.non_empty(f, &e.id, "outcome.text", &o.text);
            if o.status != "unresolved" && o.sources.is_empty() {
                self.err(f, &e.id, "a settled outcome names the sources that settle it");
            }
            self.refs(f, &e.id, "source", &o.sources, &known.sources);
        }
        resolves
    }

    fn check_figures(&mut self, e: &RawEvent) {
        let f = "events.toml";
        for fig in &e.figures {
            self.word(f, &e.id, "figure kind", &fig.kind, &FIGURE_KINDS);
            if fig.max.is_some_and(|max| max < fig.value) {
                self.err(f, &e.id, format!("figure `{}` has max below its value", fig.label));
            }
            if let Some(scale) = &fig.scale
                && variant(&SCALES, scale).is_none()
            {
                self.err(f, &e.id, format!("figure `{}` has unknown scale `{scale}`", fig.label));
            }
            self.non_empty(f, &e.id, "figure label", &fig.label);
        }
    }
}

/// The entry of [`TITLE_PREFIXES`] that `title` opens with, in any case.
fn title_prefix(title: &str) -> Option<&'static str> {
    TITLE_PREFIXES.into_iter().find(|prefix| {
        let Some(head) = title.get(..prefix.len()) else {
            return false;
        };
        // A label carries its colon; a name must end at a word's end, so
        // "Videos" or "Blogger" is not "Video" or "Blog".
        head.eq_ignore_ascii_case(prefix)
            && (prefix.ends_with(':') || !title[prefix.len()..].starts_with(|c: char| c.is_alphanumeric()))
    })
}
