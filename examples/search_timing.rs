//! Times the search natively, the filter's share of a keystroke: building
//! the index once, then `filter::run` for each prefix of a typed query, on
//! the real data and on 10,000 and 100,000 generated events; and what the
//! view then works out for the first page of matches (why each matched,
//! highlights, snippets).
//!
//! ```text
//! cargo run --release --example search_timing
//! ```
//!
//! A measurement to print and compare, not a test: timings depend on the
//! machine and its load, so nothing here passes or fails. The browser's
//! figures (`./tasks bench`) include rendering and run wasm, which is slower.

use pactline::filter::{self, SearchIndex};
use pactline::model::Dataset;
use pactline::state::{Filters, Order};
use pactline::text;
use std::time::{Duration, Instant};

/// What a reader types, one keystroke at a time: the benchmark's `chip`,
/// a party alias, a number and a phrase.
const TYPED: [&str; 4] = ["chip", "azure", "$10", "\"first refusal\""];

/// How many times each keystroke is filtered; the median is reported.
const ROUNDS: usize = 15;

fn main() {
    let real = pactline::data::builtin();
    report("real data", real);
    for n in [10_000, 100_000] {
        let data = pactline::synthetic::dataset(real, n);
        report(&format!("{n} events"), &data);
    }
}

/// Prints the index build time, then each typed query's keystrokes: the
/// median and the slowest of the per-keystroke medians.
fn report(name: &str, data: &Dataset) {
    let start = Instant::now();
    let index = SearchIndex::new(data);
    println!("{name}: index built in {}", ms(start.elapsed()));
    for typed in TYPED {
        let mut medians: Vec<Duration> = typed
            .char_indices()
            .map(|(at, c)| {
                let filters = Filters {
                    q: typed[..at + c.len_utf8()].to_owned(),
                    ..Filters::default()
                };
                let mut times: Vec<Duration> = (0..ROUNDS)
                    .map(|_| {
                        let start = Instant::now();
                        std::hint::black_box(filter::run(data, &index, &filters, Order::Asc));
                        start.elapsed()
                    })
                    .collect();
                times.sort();
                times[ROUNDS / 2]
            })
            .collect();
        let matched = filter::run(
            data,
            &index,
            &Filters {
                q: typed.to_owned(),
                ..Filters::default()
            },
            Order::Asc,
        )
        .events
        .len();
        medians.sort();
        println!(
            "  typing {typed:<18} keystroke median {}, slowest {}; {matched} match; first page {}",
            ms(medians[medians.len() / 2]),
            ms(medians[medians.len() - 1]),
            ms(first_page(data, &index, typed)),
        );
    }
}

/// What the view does per rendered event after a keystroke, for the first
/// [`filter::PAGE`] matches (median of [`ROUNDS`]): why each one matched,
/// its title and summary highlighted, and its summary's snippet.
fn first_page(data: &Dataset, index: &SearchIndex, q: &str) -> Duration {
    let filters = Filters {
        q: q.to_owned(),
        ..Filters::default()
    };
    let outcome = filter::run(data, index, &filters, Order::Asc);
    let terms = text::terms(q);
    let mut times: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            for &i in outcome.events.iter().take(filter::PAGE) {
                let e = &data.events[i];
                std::hint::black_box(index.why(data, i, &terms));
                std::hint::black_box(text::highlight(e.title, &terms));
                std::hint::black_box(text::highlight(e.summary, &terms));
                std::hint::black_box(text::snippet(e.summary, &terms, 160));
            }
            start.elapsed()
        })
        .collect();
    times.sort();
    times[ROUNDS / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}
