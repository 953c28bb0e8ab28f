//! Downloads: the filtered events as CSV and the whole dataset as JSON.
//!
//! Both are written by hand. `csv` and `serde_json` would each pull tens of
//! kilobytes into the wasm for two small, fixed shapes; RFC 4180 quoting and
//! JSON string escaping are a few lines each and tested below and in
//! `tests/logic/export.rs`.

use crate::checks;
use crate::model::{ClaimRef, Dataset, Event, FieldValue, Term, TermStatus, Verdict};
use std::fmt::Write as _;

/// Says where the data comes from, in every download.
pub const SOURCES_NOTE: &str = "Pactline summarises five public sources in its own words; every event and clause term names the sources that state it, and certainty says whether a claim is reported, analysis, speculation, prediction or hypothetical.";

/// Quotes one CSV cell (RFC 4180), and defuses cells a spreadsheet would run
/// as a formula: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a
/// `'` in front.
pub fn csv_cell(value: &str) -> String {
    let defused = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn csv_row(out: &mut String, cells: &[&str]) {
    let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// The events at `indexes` (in that order) as CSV, with a header row. Each
/// row carries the dataset version and its sources' titles and files.
pub fn events_csv(data: &Dataset, indexes: &[usize]) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &[
            "id",
            "date",
            "title",
            "summary",
            "certainty",
            "parties",
            "topics",
            "key_figure",
            "figures",
            "sources",
            "dataset_version",
            "corroboration",
        ],
    );
    for &i in indexes {
        let e: &Event = &data.events[i];
        let names = |ids: &[&str], name: &dyn Fn(&str) -> Option<&'static str>| {
            ids.iter()
                .map(|id| name(id).unwrap_or(id))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let parties = names(e.parties, &|id| data.party(id).map(|p| p.name));
        let topics = names(e.topics, &|id| data.topic(id).map(|t| t.name));
        let sources = e
            .sources
            .iter()
            .map(|id| data.source(id).map_or_else(|| id.to_string(), cite))
            .collect::<Vec<_>>()
            .join("; ");
        let figures = e
            .figures
            .iter()
            .map(|f| format!("{} {}", f.display, f.label))
            .collect::<Vec<_>>()
            .join("; ");
        csv_row(
            &mut out,
            &[
                e.id,
                &e.date.to_string(),
                e.title,
                e.summary,
                e.certainty.id(),
                &parties,
                &topics,
                e.figures.first().map_or("", |f| f.display),
                &figures,
                &sources,
                data.version,
                &event_corroboration(data, e),
            ],
        );
    }
    out
}

/// A source as a download cites it: a document by its file, a public report
/// by its publisher, date and address.
fn cite(s: &crate::model::Source) -> String {
    match (s.file, s.publisher, s.url) {
        (Some(file), _, _) => format!("{} ({file})", s.title),
        (None, Some(publisher), Some(url)) => format!("{} ({publisher}, {}, {url})", s.title, s.date),
        _ => s.title.to_string(),
    }
}

/// What the public reports say of an event and its figures, for the CSV:
/// `event: corroborated; $20–50B: contradicted`, naming only what was checked
/// plus every unchecked headline figure.
fn event_corroboration(data: &Dataset, e: &Event) -> String {
    let mut parts = Vec::new();
    let event = ClaimRef::Event(e.id);
    if checks::checks_of(data, event).next().is_some() {
        parts.push(format!("event: {}", checks::describe_status(data, event)));
    }
    for (i, f) in e.figures.iter().enumerate() {
        let claim = ClaimRef::Figure(e.id, i);
        if checks::is_headline_figure(f.kind) || checks::checks_of(data, claim).next().is_some() {
            parts.push(format!("{}: {}", f.display, checks::describe_status(data, claim)));
        }
    }
    parts.join("; ")
}

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
