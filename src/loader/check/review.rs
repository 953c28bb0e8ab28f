//! Checks what each review of the data records: `dataset.toml` (the review
//! date and the licence), `checks.toml` (headline claims checked against
//! public reports) and `corrections.toml` (what each review changed).

use super::{Known, Validator};
use crate::loader::dates::{Date, is_full_date, parse_date};
use crate::loader::files::Raw;
use crate::loader::vocab::VERDICTS;

impl Validator {
    /// Returns the review date, if it is a full date: predictions past it
    /// must say what became of them.
    pub(super) fn check_dataset(&mut self, raw: &Raw) -> Option<Date> {
        let f = "dataset.toml";
        let updated = parse_date(&raw.meta.updated).ok().filter(|d| d.day != 0);
        if updated.is_none() {
            self.err(f, "updated", "must be a full date, YYYY-MM-DD");
        }
        self.non_empty(f, "licence", "licence", &raw.meta.licence);
        if !raw.meta.licence_url.starts_with("https://") {
            self.err(f, "licence_url", "must be an https:// address");
        }
        updated
    }

    /// Each check names one claim that exists, a public report, a verdict
    /// and what the report says.
    pub(super) fn check_checks(&mut self, raw: &Raw, known: &Known) {
        let f = "checks.toml";
        for c in &raw.checks {
            if c.report.trim().is_empty() {
                self.err(
                    f,
                    &c.id,
                    "names no `report`: a check cites the public report it rests on",
                );
            } else if !known.sources.contains(c.report.as_str()) {
                self.err(f, &c.id, format!("unknown source `{}`", c.report));
            } else if raw.sources.iter().any(|s| s.id == c.report && s.kind != "news-report") {
                self.err(f, &c.id, format!("`{}` is not a news report", c.report));
            }
            self.word(f, &c.id, "verdict", &c.verdict, &VERDICTS);
            self.non_empty(f, &c.id, "text", &c.text);
            match (&c.event, c.figure, &c.clause, &c.version) {
                (Some(event), figure, None, None) => match raw.events.iter().find(|e| &e.id == event) {
                    None => self.err(f, &c.id, format!("unknown event `{event}`")),
                    Some(e) => {
                        if let Some(n) = figure
                            && !(1..=e.figures.len()).contains(&n)
                        {
                            self.err(f, &c.id, format!("event `{event}` has no figure {n}"));
                        }
                    }
                },
                (None, None, Some(clause), Some(version)) => {
                    self.reference(f, &c.id, "clause", clause, &known.clauses);
                    self.reference(f, &c.id, "version", version, &known.versions);
                }
                (None, None, None, Some(version)) => {
                    self.reference(f, &c.id, "version", version, &known.versions);
                }
                _ => self.err(
                    f,
                    &c.id,
                    "names its claim by `event` (and `figure`), by `clause` and `version`, or by `version` alone",
                ),
            }
        }
    }

    /// The log runs newest first and its newest entry is this review, so
    /// every version of the data says what it changed.
    pub(super) fn check_corrections(&mut self, raw: &Raw) {
        let f = "corrections.toml";
        for c in &raw.corrections {
            if !is_full_date(&c.date) {
                self.err(f, &c.date, "`date` must be a full date, YYYY-MM-DD");
            }
            if c.changes.iter().all(|ch| ch.trim().is_empty()) {
                self.err(f, &c.date, "lists no change");
            }
        }
        if raw.corrections.windows(2).any(|w| w[0].date <= w[1].date) {
            self.err(f, "-", "entries must run newest first, one per review date");
        }
        if raw.corrections.first().is_none_or(|c| c.date != raw.meta.updated) {
            self.err(
                f,
                "-",
                format!(
                    "has no entry for this review, {} (dataset.toml `updated`)",
                    raw.meta.updated
                ),
            );
        }
    }
}
