//! The whole dataset as JSON, written natively at build time: the wasm
//! never carries this code (see [`super`]).
//!
//! Written by hand, as it was when the browser wrote it (where `serde_json`
//! would have cost tens of kilobytes of wasm): its bytes are what readers
//! have downloaded since, and `tests/logic/export.rs` checks its escaping.

use super::SOURCES_NOTE;
use crate::checks;
use crate::model::{ClaimRef, Dataset, FieldValue, Term, TermStatus, Verdict};
use std::fmt::Write as _;

/// A term's status in words, as the downloads write it.
fn term_status(t: &Term) -> &'static str {
    match t.status {
        TermStatus::Stated => "stated",
        TermStatus::Implied => "implied",
        TermStatus::Absent => "absent",
        TermStatus::Unstated => "not stated in the sources",
    }
}

/// A claim's standing against public reports, as a `corroboration` member,
/// with the ids of the checks behind it.
fn corroboration(j: &mut Json, data: &Dataset, claim: ClaimRef) {
    j.member("corroboration", |j| {
        j.str("status", checks::status(data, claim).id());
        let ids: Vec<&str> = checks::checks_of(data, claim).map(|c| c.id).collect();
        j.strs("checks", &ids);
    });
}

/// A JSON writer for the dataset's fixed shape.
struct Json {
    out: String,
    /// Per open array or object: whether no item has been written yet.
    first: Vec<bool>,
}

impl Json {
    /// Starts an array element or object member, with a comma if needed.
    fn item(&mut self) {
        if let Some(first) = self.first.last_mut() {
            if !*first {
                self.out.push(',');
            }
            *first = false;
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.first.push(true);
    }

    fn close(&mut self, bracket: char) {
        self.first.pop();
        self.out.push(bracket);
    }

    fn string(&mut self, s: &str) {
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(self.out, "\\u{:04x}", c as u32);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push(':');
    }

    fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    fn raw(&mut self, key: &str, value: &str) {
        self.key(key);
        self.out.push_str(value);
    }

    fn opt(&mut self, key: &str, value: Option<&str>) {
        match value {
            Some(v) => self.str(key, v),
            None => self.raw(key, "null"),
        }
    }

    fn strs(&mut self, key: &str, values: &[&str]) {
        self.key(key);
        self.open('[');
        for v in values {
            self.item();
            self.string(v);
        }
        self.close(']');
    }

    /// Writes an object value.
    fn object(&mut self, body: impl FnOnce(&mut Json)) {
        self.open('{');
        body(self);
        self.close('}');
    }

    /// Writes a member whose value is an object.
    fn member(&mut self, key: &str, body: impl FnOnce(&mut Json)) {
        self.key(key);
        self.object(body);
    }

    /// Writes a member whose value is an array, one value per item.
    fn array<T>(&mut self, key: &str, items: &[T], each: impl Fn(&mut Json, &T)) {
        self.key(key);
        self.open('[');
        for item in items {
            self.item();
            each(self, item);
        }
        self.close(']');
    }
}

/// The whole dataset as JSON, with its version and a note on sources.
/// Numbers are written as the sources state them (text), so the browser
/// never formats a float.
pub fn dataset_json(data: &Dataset) -> String {
    let mut j = Json {
        out: String::new(),
        first: Vec::new(),
    };
    j.object(|j| {
        j.str("dataset", "Pactline: the Microsoft–OpenAI partnership, 2019–2026");
        j.str("version", data.version);
        j.str("note", SOURCES_NOTE);
        j.member("licence", |j| {
            j.str("name", data.licence.name);
            j.str("url", data.licence.url);
        });
        j.array("corrections", data.corrections, |j, c| {
            j.object(|j| {
                j.str("date", c.date);
                j.strs("changes", c.changes);
            })
        });
        j.array("sources", data.sources, |j, s| {
            j.object(|j| {
                j.str("id", s.id);
                j.str("title", s.title);
                j.opt("file", s.file);
                j.str("kind", s.kind.label());
                if s.aggregator {
                    j.raw("aggregator", "true");
                }
                j.opt("author", s.author);
                j.opt("publisher", s.publisher);
                j.opt("url", s.url);
                j.str("date", s.date);
                j.str("date_note", s.date_note);
                j.str("reliability", s.reliability);
            })
        });
        j.array("parties", data.parties, |j, p| {
            j.object(|j| {
                j.str("id", p.id);
                j.str("name", p.name);
                j.strs("aliases", p.aliases);
            })
        });
        j.array("topics", data.topics, |j, t| {
            j.object(|j| {
                j.str("id", t.id);
                j.str("name", t.name);
            })
        });
        j.array("events", data.events, |j, e| {
            j.object(|j| {
                j.str("id", e.id);
                j.strs("aliases", e.aliases);
                j.str("date", &e.date.to_string());
                j.opt("date_note", e.date.note());
                corroboration(j, data, ClaimRef::Event(e.id));
                j.str("title", e.title);
                j.str("summary", e.summary);
                j.str("certainty", e.certainty.id());
                j.strs("parties", e.parties);
                j.strs("topics", e.topics);
                j.strs("sources", e.sources);
                j.array("figures", e.figures, |j, f| {
                    let position = e.figures.iter().position(|g| std::ptr::eq(g, f)).unwrap_or(0);
                    j.object(|j| {
                        j.str("display", f.display);
                        j.str("label", f.label);
                        j.str("unit", f.unit);
                        j.opt("scale", f.scale);
                        corroboration(j, data, ClaimRef::Figure(e.id, position));
                    })
                });
                j.opt("resolves_by", e.resolves_by.map(|d| d.to_string()).as_deref());
                if let Some(r) = &e.resolution {
                    j.member("outcome", |j| {
                        j.str("status", r.status.id());
                        j.str("as_of", r.as_of);
                        j.str("text", r.text);
                        j.strs("sources", r.sources);
                    });
                }
            })
        });
        j.array("versions", data.versions, |j, v| {
            j.object(|j| {
                j.str("id", v.id);
                j.str("name", v.name);
                j.str("date", &v.date.to_string());
                corroboration(j, data, ClaimRef::VersionDate(v.id));
                j.str("summary", v.summary);
                j.strs("sources", v.sources);
            })
        });
        j.array("clauses", data.clauses, |j, c| {
            j.object(|j| {
                j.str("id", c.id);
                j.str("name", c.name);
                j.str("question", c.question);
                j.array("terms", c.terms, |j, t| {
                    j.object(|j| {
                        j.str("version", t.version);
                        j.str("status", term_status(t));
                        j.opt("basis", t.basis);
                        j.str("text", t.text);
                        if t.status != TermStatus::Unstated {
                            corroboration(j, data, ClaimRef::Term(c.id, t.version));
                        }
                        j.member("fields", |j| {
                            for f in t.fields {
                                match f.value {
                                    FieldValue::Bool(b) => j.raw(f.name, if b { "true" } else { "false" }),
                                    FieldValue::Number(_, text) => j.raw(f.name, text),
                                    FieldValue::Text(text) => j.str(f.name, text),
                                }
                            }
                        });
                        j.strs("sources", t.sources);
                        if let Some(ch) = &t.change {
                            j.member("change", |j| {
                                j.str("favours", ch.favours.id());
                                j.str("reason", ch.reason);
                                j.str("source", ch.source);
                            });
                        }
                    })
                });
            })
        });
        j.array("conflicts", data.conflicts, |j, c| {
            j.object(|j| {
                j.str("id", c.id);
                j.str("title", c.title);
                j.str("summary", c.summary);
                j.array("claims", c.claims, |j, cl| {
                    j.object(|j| {
                        j.str("source", cl.source);
                        j.str("text", cl.text);
                        j.str("certainty", cl.certainty.id());
                        j.strs("events", cl.events);
                    })
                });
            })
        });
        j.array("checks", data.checks, |j, c| {
            j.object(|j| {
                j.str("id", c.id);
                j.str("claim", &checks::claim_label(data, c.claim));
                j.str("report", c.report);
                j.str(
                    "verdict",
                    if c.verdict == Verdict::Contradicts {
                        "contradicts"
                    } else {
                        "corroborates"
                    },
                );
                j.str("text", c.text);
            })
        });
        j.array("tables", data.tables, |j, t| {
            j.object(|j| {
                j.str("id", t.id);
                j.str("title", t.title);
                j.str("certainty", t.certainty.id());
                j.str("source", t.source);
                j.str("note", t.note);
                j.strs("columns", t.columns);
                for (key, labels) in [
                    ("row_certainty", t.row_certainty),
                    ("column_certainty", t.column_certainty),
                ] {
                    if !labels.is_empty() {
                        j.strs(key, &labels.iter().map(|c| c.id()).collect::<Vec<_>>());
                    }
                }
                j.array("rows", t.rows, |j, r| {
                    j.open('[');
                    for cell in *r {
                        j.item();
                        j.string(cell);
                    }
                    j.close(']');
                });
            })
        });
    });
    j.out
}
