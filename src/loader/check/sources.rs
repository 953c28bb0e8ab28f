//! Checks `sources.toml`, `parties.toml` and `topics.toml`: the documents
//! every claim traces back to, and the names events are filed under.

use super::Validator;
use crate::loader::dates::is_full_date;
use crate::loader::files::Raw;
use crate::loader::vocab::SOURCE_KINDS;

impl Validator {
    /// A document is cited by its file; a public report by its publisher,
    /// its address and the date its page shows.
    pub(super) fn check_sources(&mut self, raw: &Raw) {
        let f = "sources.toml";
        for s in &raw.sources {
            self.non_empty(f, &s.id, "title", &s.title);
            self.non_empty(f, &s.id, "reliability", &s.reliability);
            if s.kind == "news-report" {
                // A report is cited by where a reader can find it.
                if s.file.is_some() {
                    self.err(f, &s.id, "a news report has no `file`: it is cited by its `url`");
                }
                if s.publisher.as_deref().is_none_or(|p| p.trim().is_empty()) {
                    self.err(f, &s.id, "a news report needs `publisher`");
                }
                if !s.url.as_deref().is_some_and(|u| u.starts_with("https://")) {
                    self.err(f, &s.id, "a news report needs an https:// `url`");
                }
                // A page that shows no date is `undated`, and says so.
                if s.date != "undated" && !is_full_date(&s.date) {
                    self.err(
                        f,
                        &s.id,
                        "a news report's `date` is YYYY-MM-DD, or `undated` if its page shows none",
                    );
                }
            } else {
                self.non_empty(f, &s.id, "file", s.file.as_deref().unwrap_or(""));
                if s.aggregator {
                    self.err(f, &s.id, "only a news report can be an `aggregator`");
                }
            }
            self.word(f, &s.id, "kind", &s.kind, &SOURCE_KINDS);
            if s.date != "undated" {
                self.date(f, &s.id, &s.date);
            }
        }
    }

    pub(super) fn check_parties(&mut self, raw: &Raw) {
        for p in &raw.parties {
            self.non_empty("parties.toml", &p.id, "name", &p.name);
        }
    }

    pub(super) fn check_topics(&mut self, raw: &Raw) {
        for t in &raw.topics {
            self.non_empty("topics.toml", &t.id, "name", &t.name);
        }
    }
}
