//! Generated datasets of any size, for scale tests and benchmarks.
//!
//! The real dataset is small; readers will bring bigger ones. `?synthetic=N`
//! swaps in N generated events that reuse the real parties, topics, sources,
//! versions and clauses, so every view and filter works on them. The same
//! seed always gives the same events, so a benchmark can feed an identical
//! dataset to another tool.

use crate::model::{Certainty, Dataset, Event, EventDate, EventKind, Figure, FigureKind, Precision, When};

/// A small, fast, deterministic generator (xorshift64*); the events need
/// variety, not statistical quality.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const ACTIONS: [&str; 12] = [
    "expands",
    "renegotiates",
    "signs",
    "pauses",
    "announces",
    "extends",
    "reviews",
    "ends",
    "opens",
    "funds",
    "tests",
    "limits",
];
const OBJECTS: [&str; 12] = [
    "cloud capacity deal",
    "model licence",
    "revenue share",
    "chip supply agreement",
    "enterprise distribution pact",
    "research partnership",
    "data centre lease",
    "API hosting terms",
    "government contract",
    "board arrangement",
    "open-weight release",
    "hardware programme",
];

/// Markup that must always render as text, never as HTML.
pub const HOSTILE: &str = " <b>bold</b> & <script>alert(1)</script>";

/// Leaks a value to `'static`: a synthetic dataset lives as long as the page,
/// like the built-in one, so views can treat both alike.
fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// One generated event, as plain owned values; the benchmark also writes
/// these out for other timeline tools.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticEvent {
    /// Stable id, `synthetic-000001`.
    pub id: String,
    /// Year, month (1–12) and day (1–28).
    pub date: (u16, u8, u8),
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Indexes into the base dataset's parties.
    pub parties: Vec<usize>,
    /// Index into the base dataset's topics.
    pub topic: usize,
    /// Index into `Certainty::ALL`.
    pub certainty: usize,
    /// Index into the base dataset's sources.
    pub source: usize,
    /// A money figure in billions of USD.
    pub billions: u32,
}

/// Generates `n` events against `base`'s parties, topics and sources,
/// oldest first.
pub fn events(base: &Dataset, n: usize) -> Vec<SyntheticEvent> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut events: Vec<SyntheticEvent> = (0..n)
        .map(|i| {
            let year = 2019 + rng.below(12) as u16;
            let date = (year, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8);
            let first = rng.below(base.parties.len());
            let second = match base.parties.len() {
                1 => first,
                len => (first + 1 + rng.below(len - 1)) % len,
            };
            let billions = 1 + rng.below(200) as u32;
            let object = rng.pick(&OBJECTS);
            let mut title = format!(
                "{} {} {object} #{}",
                base.parties[first].name,
                rng.pick(&ACTIONS),
                i + 1
            );
            // Readers bring their own data, markup and all: every hundredth
            // title carries some, so scale tests also prove it stays text.
            if i % 100 == 6 {
                title.push_str(HOSTILE);
            }
            let summary = format!(
                "{} and {} agree terms on a {object} worth ${billions}B, reviewed in {year}.",
                base.parties[first].name, base.parties[second].name
            );
            SyntheticEvent {
                id: format!("synthetic-{:06}", i + 1),
                date,
                title,
                summary,
                parties: vec![first, second],
                topic: rng.below(base.topics.len()),
                certainty: rng.below(Certainty::ALL.len()),
                source: rng.below(base.sources.len()),
                billions,
            }
        })
        .collect();
    events.sort_by_key(|e| e.date);
    events
}

/// A dataset like `base` whose events are `n` generated ones.
pub fn dataset(base: &Dataset, n: usize) -> Dataset {
    let events = events(base, n)
        .into_iter()
        .map(|e| {
            let certainty = Certainty::ALL[e.certainty];
            let (year, month, day) = e.date;
            let date = EventDate {
                year,
                month,
                day,
                quarter: 0,
                precision: Precision::Day,
                approx: false,
                relative: None,
                note: None,
            };
            let figure = Figure {
                kind: FigureKind::Money,
                value: e.billions as f64,
                max: None,
                unit: "USD",
                scale: Some("billion"),
                label: "Deal value",
                display: String::leak(format!("${}B", e.billions)),
                spelled: String::leak(format!("{} billion", e.billions)),
            };
            Event {
                id: String::leak(e.id),
                aliases: &[],
                date: When::Dated(date),
                title: String::leak(e.title),
                summary: String::leak(e.summary),
                parties: leak(e.parties.iter().map(|&p| base.parties[p].id).collect()),
                topics: leak(vec![base.topics[e.topic].id]),
                // As the data files require: only a reported claim can be
                // one that happened.
                kind: if certainty == Certainty::Reported {
                    EventKind::Happened
                } else {
                    EventKind::Commentary
                },
                key: false,
                certainty,
                sources: leak(vec![base.sources[e.source].id]),
                figures: leak(vec![figure]),
                resolves_by: (certainty == Certainty::Prediction).then_some(date),
                resolution: None,
                clause_changes: &[],
            }
        })
        .collect();
    Dataset {
        version: String::leak(format!("{}+synthetic-{n}", base.version)),
        events: leak(events),
        conflicts: &[],
        // The checks name the real events, which these replace.
        checks: &[],
        ..*base
    }
}
