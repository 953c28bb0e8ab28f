//! The URL state, fuzzed: arbitrary and hostile query strings
//! (`support/hostile.rs`) read by `ViewState::parse`, against the built-in
//! dataset. For every query:
//!
//! 1. reading it, and writing the state back, never panics;
//! 2. the state written back with `to_query` and read again is the same
//!    state, with nothing more to ignore: a fixed point;
//! 3. every value the state does not use is named in the notice (an
//!    [`Ignored`] entry for its parameter), other tools' parameters are kept
//!    as they came, and the notice names nothing else;
//! 4. `synthetic_size`, which picks the dataset before the rest is read,
//!    agrees with the state.
//!
//! `cargo test` reads 10,000 queries; `./tasks fuzz` reads a million
//! (`PACTLINE_FUZZ_CASES` sets the count). The seed is fixed, so a failure
//! in CI is the same failure at a desk. The run counts failures of each
//! kind rather than stopping at the first; the first of each kind is shrunk
//! to a small query and printed. The generator's own tests are here too,
//! since `support/` is otherwise only built into the harness-less browser
//! tests, which run no `#[test]`.

#[path = "support/hostile.rs"]
mod hostile;

use hostile::{LISTS, NAMES, PWNED};
use pactline::data;
use pactline::state::ViewState;
use pactline::url_state::{self, Ignored};
use proptest::strategy::{Strategy, ValueTree};
use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::time::Instant;

/// The seed of every run (the issue that asked for it).
const SEED: u64 = 18;

/// Queries per run unless `PACTLINE_FUZZ_CASES` says otherwise.
const DEFAULT_CASES: usize = 10_000;

/// How many simplifications a failing query gets before it is printed.
const MAX_SHRINK_STEPS: usize = 2_000;

/// The longest value a notice shows: 40 characters and an ellipsis.
const MAX_SHOWN_CHARS: usize = 41;

/// The values parameters take by default, which the state leaves out of
/// the URL it writes: reading one changes nothing, and it is used.
const DEFAULTS: [(&str, &str); 9] = [
    ("q", ""),
    ("key", "0"),
    ("order", "asc"),
    ("sort", "date"),
    ("layout", "list"),
    ("lanes", "party"),
    ("changed", "0"),
    ("mode", "side"),
    ("embed", "0"),
];

/// What a query can get wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Panic,
    RoundTrip,
    Unnamed,
    Synthetic,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Panic, Kind::RoundTrip, Kind::Unnamed, Kind::Synthetic];

    /// How the summary counts it.
    fn label(self) -> &'static str {
        match self {
            Kind::Panic => "panics",
            Kind::RoundTrip => "failed round trips",
            Kind::Unnamed => "unnamed drops",
            Kind::Synthetic => "synthetic mismatches",
        }
    }
}

/// One query's failure: its kind, and what happened.
struct Failure {
    kind: Kind,
    detail: String,
}

fn fail(kind: Kind, detail: String) -> Failure {
    Failure { kind, detail }
}

#[test]
fn hostile_queries_are_the_same_for_a_seed_and_differ_between_seeds() {
    assert_eq!(hostile::hostile_queries(20, 7), hostile::hostile_queries(20, 7));
    assert_ne!(hostile::hostile_queries(20, 7), hostile::hostile_queries(20, 8));
    assert_eq!(hostile::hostile_queries(3, 7).len(), 3);
}

#[test]
fn every_hostile_query_runs_the_marker_if_injected_and_every_kind_comes_up() {
    let queries = hostile::hostile_queries(300, 1);
    for query in &queries {
        // A raw payload as a name is cut at its first `=`.
        let pairs = decoded(query);
        assert!(pairs.iter().any(|(k, v)| format!("{k}={v}").contains(PWNED)), "{query}");
    }
    let some = |what: &str, test: &dyn Fn(&str) -> bool| {
        let found = queries.iter().any(|q| test(q));
        assert!(found, "no {what} among {} queries", queries.len());
    };
    some("raw markup", &|q| q.contains("<script>") || q.contains("<img"));
    some("escaped markup", &|q| q.contains("%3Cscript%3E"));
    some("markup escaped byte by byte", &|q| {
        q.contains("%3C%73%63%72%69%70%74%3E")
    });
    some("javascript: link", &|q| {
        decoded(q).iter().any(|(_, v)| v.starts_with("javascript:"))
    });
    some("huge value", &|q| q.len() > 10_000);
    some("payload as a name", &|q| {
        decoded(q).iter().any(|(k, _)| k.contains("__pwned"))
    });
}

#[test]
fn arbitrary_queries_never_panic_round_trip_and_name_what_they_drop() {
    let cases = match std::env::var("PACTLINE_FUZZ_CASES") {
        Ok(text) => text
            .replace('_', "")
            .parse()
            .expect("PACTLINE_FUZZ_CASES must be a number"),
        Err(_) => DEFAULT_CASES,
    };
    let strategy = hostile::query();
    let mut runner = hostile::runner(SEED);
    let mut counts = [0usize; Kind::ALL.len()];
    let mut examples = Vec::new();
    let start = Instant::now();
    for _ in 0..cases {
        let tree = strategy.new_tree(&mut runner).expect("no query strategy filters");
        let Err(failure) = check(&tree.current()) else {
            continue;
        };
        let count = &mut counts[failure.kind as usize];
        *count += 1;
        if *count == 1 {
            examples.push(shrink(tree, failure));
        }
    }
    let counts: Vec<String> = Kind::ALL
        .iter()
        .map(|kind| format!("{} {}", kind.label(), counts[*kind as usize]))
        .collect();
    println!(
        "url fuzz: {cases} queries in {:.1} s (seed {SEED}): {}",
        start.elapsed().as_secs_f64(),
        counts.join(", ")
    );
    assert!(examples.is_empty(), "{}\n{}", counts.join(", "), examples.join("\n"));
}

/// Checks one query against the four properties in the module's doc.
fn check(query: &str) -> Result<(), Failure> {
    let data = data::builtin();
    let (state, ignored) = guarded(|| ViewState::parse(query, data))?;
    let written = guarded(|| state.to_query())?;
    let (again, more) = guarded(|| ViewState::parse(&written, data))?;
    if again != state || !more.is_empty() {
        let detail = format!("wrote {written:?}, read back {again:?} ignoring {more:?}, from {state:?}");
        return Err(fail(Kind::RoundTrip, detail));
    }
    names_what_it_drops(query, &state, &ignored)?;
    let early = guarded(|| url_state::synthetic_size(query))?;
    if early != state.synthetic {
        let detail = format!("synthetic_size says {early:?}, the state {:?}", state.synthetic);
        return Err(fail(Kind::Synthetic, detail));
    }
    Ok(())
}

/// Runs `f`, turning a panic into a failure.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, Failure> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| fail(Kind::Panic, panic_message(&*payload)))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    match (payload.downcast_ref::<&str>(), payload.downcast_ref::<String>()) {
        (Some(message), _) => message.to_string(),
        (_, Some(message)) => message.clone(),
        _ => "a panic without a message".into(),
    }
}

/// Property 3. A pair with one of Pactline's names whose parameter the
/// notice does not name must be used: for a list, each id it gives is in
/// the state; for any other parameter, the state holds what the query reads
/// with that pair as the parameter's only occurrence, and that reading
/// takes the value: writes it back as given, or changes the state (an old
/// event id, `limit=+5`), or gives the parameter's default.
fn names_what_it_drops(query: &str, state: &ViewState, ignored: &[Ignored]) -> Result<(), Failure> {
    // The pairs as written, one for each decoded pair.
    let segments: Vec<&str> = without_question_mark(query)
        .split('&')
        .filter(|s| !s.is_empty())
        .collect();
    let pairs = decoded(query);
    let ours = |name: &str| NAMES.contains(&name);
    let others: Vec<(String, String)> = pairs.iter().filter(|(k, _)| !ours(k)).cloned().collect();
    if state.extra != others {
        let detail = format!("kept {:?} of other tools' {others:?}", state.extra);
        return Err(fail(Kind::Unnamed, detail));
    }
    if let Some(stray) = ignored
        .iter()
        .find(|i| !ours(&i.param) || i.value.chars().count() > MAX_SHOWN_CHARS)
    {
        return Err(fail(Kind::Unnamed, format!("the notice shows {stray:?}")));
    }
    let named = |ignored: &[Ignored], name: &str| ignored.iter().any(|i| i.param == name);
    for (j, (name, value)) in pairs.iter().enumerate() {
        if !ours(name) || named(ignored, name) {
            continue;
        }
        let used = if LISTS.contains(&name.as_str()) {
            let held = written(state, name).unwrap_or_default();
            let held: Vec<&str> = held.split(',').collect();
            value
                .split(',')
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .all(|id| held.contains(&id))
        } else {
            // The query without this parameter's other pairs, and without
            // this one either.
            let read = |keep: bool| {
                let kept: Vec<&str> = segments
                    .iter()
                    .zip(&pairs)
                    .enumerate()
                    .filter(|(i, (_, (k, _)))| k != name || (keep && *i == j))
                    .map(|(_, (segment, _))| *segment)
                    .collect();
                ViewState::parse(&format!("?{}", kept.join("&")), data::builtin())
            };
            let (lone, lone_ignored) = read(true);
            let wanted = written(&lone, name);
            let taken = wanted.as_deref() == Some(value.as_str())
                || wanted != written(&read(false).0, name)
                || DEFAULTS.contains(&(name.as_str(), value.as_str()));
            taken && !named(&lone_ignored, name) && written(state, name) == wanted
        };
        if !used {
            let detail = format!("{name}={value:?} is not used, and the notice {ignored:?} does not name {name}");
            return Err(fail(Kind::Unnamed, detail));
        }
    }
    Ok(())
}

/// The value the state writes for `name`, if any.
fn written(state: &ViewState, name: &str) -> Option<String> {
    decoded(&state.to_query())
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The query's names and values, decoded as `url_state` decodes them:
/// split on `&`, empty pairs skipped, escapes and `+` decoded.
fn decoded(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(without_question_mark(query).as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The query without its one leading `?`, as `url_state` reads it.
fn without_question_mark(query: &str) -> &str {
    query.strip_prefix('?').unwrap_or(query)
}

/// The smallest query the tree simplifies to that still fails the same
/// way, for the report.
fn shrink(mut tree: impl ValueTree<Value = String>, failure: Failure) -> String {
    let kind = failure.kind;
    let mut smallest = (tree.current(), failure.detail);
    let mut simpler = tree.simplify();
    for _ in 0..MAX_SHRINK_STEPS {
        if !simpler {
            break;
        }
        let query = tree.current();
        simpler = match check(&query) {
            Err(failure) if failure.kind == kind => {
                smallest = (query, failure.detail);
                tree.simplify()
            }
            _ => tree.complicate(),
        };
    }
    format!("{}: {:?}\n  {}", kind.label(), smallest.0, smallest.1)
}
