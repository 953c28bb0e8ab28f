//! Downloads: the filtered events as CSV and the whole dataset as JSON.
//!
//! The CSV is made in the browser, from the events the timeline shows, and
//! written by hand: `csv` would pull tens of kilobytes into the wasm for one
//! small, fixed shape, and RFC 4180 quoting is a few lines, tested in
//! `tests/logic/export.rs`. The JSON is always the same whole dataset, so it
//! is written natively at build time ([`json`]) and shipped beside the page
//! as [`DATASET_FILE`], which the share menu links to.

#[cfg(not(target_arch = "wasm32"))]
mod json;

#[cfg(not(target_arch = "wasm32"))]
pub use json::dataset_json;

use crate::checks;
use crate::model::{ClaimRef, Dataset, Event};

/// The dataset's JSON file in `dist/`, beside `index.html`: written by the
/// build's first step (`examples/prerender.rs`), copied by Trunk and named
/// by the page's `<link rel="alternate" type="application/json">`, which the
/// share menu's download and the service worker's cache read (index.html).
pub const DATASET_FILE: &str = "pactline-dataset.json";

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
