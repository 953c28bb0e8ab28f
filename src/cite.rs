//! Citations, in plain text and BibTeX: for the whole view, for one event
//! or for one clause. Each names the dataset version, the access date and
//! the underlying sources, so a journalist can cite the original document
//! and Pactline together.

use crate::model::{Dataset, Source, readable};
use crate::share;
use crate::state::{View, ViewState};

/// What is cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// The view as it stands (its filters or comparison).
    View,
    /// One event, by id.
    Event(&'a str),
    /// One clause, by id, with the version whose term is cited.
    Clause(&'a str, &'a str),
}

/// A citation in both forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// For prose and footnotes.
    pub text: String,
    /// For reference managers: Pactline's entry, then one per source.
    pub bibtex: String,
}

/// The name Pactline is cited by.
const TITLE: &str = "Pactline: the Microsoft–OpenAI partnership, 2019–2026";

/// Cites `target` as seen on the page at `href` in `state`. A page opened
/// from a file has no address anyone else can follow, so its citation
/// gives none and says why. `accessed` is `YYYY-MM-DD`.
pub fn cite(data: &Dataset, href: &str, state: &ViewState, target: Target, accessed: &str) -> Citation {
    let mut state = state.without_extra();
    state.embed = false;
    state.preset = None;
    let (what, sources): (Option<String>, Vec<&'static Source>) = match target {
        Target::View => (None, Vec::new()),
        Target::Event(id) => match data.event(id) {
            Some(e) => {
                state.view = View::Timeline;
                state.timeline.event = Some(e.id.to_string());
                (
                    Some(format!("“{}” ({})", e.title, e.date)),
                    e.sources.iter().filter_map(|s| data.source(s)).collect(),
                )
            }
            None => (None, Vec::new()),
        },
        Target::Clause(id, version) => match (data.clause(id), data.clause(id).and_then(|c| c.term(version))) {
            (Some(c), Some(t)) => {
                state.view = View::Clauses;
                state.comparison.clause = Some(c.id.to_string());
                (
                    Some(format!("“{}”, {version} terms", c.name)),
                    t.sources.iter().filter_map(|s| data.source(s)).collect(),
                )
            }
            _ => (None, Vec::new()),
        },
    };
    let link = (!is_local(href)).then(|| share::link(href, &state));
    let version = data.version;
    let mut text = String::new();
    if let Some(what) = &what {
        text.push_str(&format!("{what}. In "));
    }
    text.push_str(&format!("{TITLE} (dataset version {version})."));
    match &link {
        Some(link) => text.push_str(&format!(" {link}.")),
        None => text.push_str(" Opened from a local copy: cite the address where Pactline is published."),
    }
    text.push_str(&format!(" Accessed {accessed}."));
    if !sources.is_empty() {
        let cited: Vec<String> = sources.iter().map(|s| source_text(s)).collect();
        text.push_str(&format!(
            " Source{}: {}",
            if cited.len() == 1 { "" } else { "s" },
            cited.join("; ")
        ));
    }
    let mut bibtex = bib_entry(
        &format!("pactline-{}", key_of(target)),
        &[
            (
                "title",
                what.as_deref()
                    .map_or(TITLE.to_string(), |w| format!("{w}, in {TITLE}")),
            ),
            (
                "howpublished",
                link.map_or_else(|| "Pactline (local copy)".to_string(), |l| format!("\\url{{{l}}}")),
            ),
            ("note", format!("Dataset version {version}; accessed {accessed}")),
        ],
    );
    for s in &sources {
        bibtex.push('\n');
        let mut fields = vec![("title", s.title.to_string())];
        if let Some(a) = s.author {
            fields.push(("author", a.to_string()));
        }
        if let Some(p) = s.publisher {
            fields.push(("publisher", p.to_string()));
        }
        if let Some(year) = s.date.get(..4).filter(|y| y.chars().all(|c| c.is_ascii_digit())) {
            fields.push(("year", year.to_string()));
        }
        if let Some(u) = s.url {
            fields.push(("howpublished", format!("\\url{{{u}}}")));
        }
        fields.push(("note", s.kind.label().to_string()));
        bibtex.push_str(&bib_entry(&format!("source-{}", s.id), &fields));
    }
    Citation { text, bibtex }
}

/// Whether the page was opened from a file rather than a web address.
pub fn is_local(href: &str) -> bool {
    href.starts_with("file:")
}

/// A source as a reader cites it: title, who published it, when, where.
fn source_text(source: &Source) -> String {
    let mut parts = vec![format!("“{}”", source.title)];
    if let Some(by) = source.publisher.or(source.author) {
        parts.push(by.to_string());
    } else {
        parts.push(source.kind.label().to_ascii_lowercase());
    }
    if source.date != "undated" {
        parts.push(readable(source.date));
    }
    if let Some(url) = source.url {
        parts.push(url.to_string());
    }
    parts.join(", ")
}

/// The part of a BibTeX key that names what is cited.
fn key_of(target: Target) -> String {
    match target {
        Target::View => "view".to_string(),
        Target::Event(id) => id.to_string(),
        Target::Clause(id, version) => format!("{id}-{version}"),
    }
}

/// One `@misc` entry; values are escaped, except a `\url{…}` Pactline
/// wrote itself.
fn bib_entry(key: &str, fields: &[(&str, String)]) -> String {
    let mut entry = format!("@misc{{{key},\n");
    for (name, value) in fields {
        let value = match value.strip_prefix("\\url{").and_then(|v| v.strip_suffix('}')) {
            Some(url) => format!("\\url{{{}}}", url.replace(['{', '}'], "")),
            None => bib_escape(value),
        };
        entry.push_str(&format!("  {name} = {{{value}}},\n"));
    }
    entry.push_str("}\n");
    entry
}

/// Escapes the characters BibTeX and LaTeX treat specially.
fn bib_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' | '}' | '%' | '&' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\textbackslash{}"),
            c => out.push(c),
        }
    }
    out
}
