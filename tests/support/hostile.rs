//! Hostile query strings: what a link to Pactline may carry when someone
//! means harm, or when a tool mangles it. The URL fuzz test
//! (`tests/fuzz_url.rs`) reads them natively by the million; a browser
//! scenario can open [`hostile_queries`] and check that [`PWNED`] never ran.
//!
//! A query is a run of pairs. A pair's name is one of Pactline's public
//! parameters ([`NAMES`]) or another tool's; its value is a word or id the
//! parameter takes (from the built-in dataset), a near miss of one, a list
//! mixing both, markup and script that set `window.__pwned`, control
//! characters, or a huge value. Each name and value is written raw, escaped,
//! percent-encoded byte by byte, or with a broken escape. It is built with
//! `proptest` strategies, so the fuzz test can shrink a failing query, and
//! it is deterministic for a seed, so every machine sees the same queries.

use pactline::data;
use pactline::model::Certainty;
use pactline::state::{Preset, View};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::strategy::{BoxedStrategy, Union, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Pactline's public parameters, as `src/url_state.rs` reads them: the
/// URL's contract, which may grow but never lose a name.
pub const NAMES: [&str; 25] = [
    "view",
    "q",
    "from",
    "to",
    "party",
    "topic",
    "certainty",
    "source",
    "key",
    "event",
    "order",
    "sort",
    "layout",
    "lanes",
    "a",
    "b",
    "clause",
    "changed",
    "mode",
    "embed",
    "preset",
    "conflict",
    "limit",
    "theme",
    "synthetic",
];

/// The parameters that take comma-separated ids, where a repeat adds to
/// the earlier ones rather than replacing them.
pub const LISTS: [&str; 4] = ["party", "topic", "certainty", "source"];

/// What every payload runs if a page ever treats it as markup, script or a
/// link: a browser scenario fails when it finds `window.__pwned` set.
pub const PWNED: &str = "window.__pwned=1";

/// Values that run [`PWNED`] wherever they are injected: as an element, out
/// of an attribute, as a link or as a template.
const PAYLOADS: [&str; 10] = [
    "<script>window.__pwned=1</script>",
    "\"><script>window.__pwned=1</script>",
    "<img src=x onerror=\"window.__pwned=1\">",
    "'><img src=x onerror='window.__pwned=1'>",
    "</textarea></title><svg onload=window.__pwned=1>",
    "\" autofocus onfocus=\"window.__pwned=1\" x=\"",
    "javascript:window.__pwned=1",
    "<a href=\"javascript:window.__pwned=1\">link</a>",
    "<iframe srcdoc=\"<script>parent.window.__pwned=1</script>\"></iframe>",
    "${window.__pwned=1}{{constructor.constructor('window.__pwned=1')()}}",
];

/// Names that are not Pactline's: other tools' parameters, near misses of
/// ours (case, space, brackets) and the empty name. All are kept as they came.
const OTHER_NAMES: [&str; 8] = ["utm_source", "fbclid", "", "View", "q ", "party[]", "__proto__", "é"];

/// Characters a value should never carry, and sometimes does.
const CONTROLS: [&str; 12] = [
    "\0",
    "\u{1}",
    "\t",
    "\n",
    "\r\n",
    "\u{7f}",
    "\u{85}",
    "\u{200b}",
    "\u{202e}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
];

/// Numbers that are almost numbers, or out of every range.
const NUMBERS: [&str; 12] = [
    "0",
    "-1",
    "+5",
    "007",
    "4294967296",
    "99999999999999999999",
    "1e3",
    "0x10",
    "5.0",
    "NaN",
    " 1",
    "½",
];

/// Escapes that decode to nothing valid (a lone `%`, bad hex, cut or
/// overlong UTF-8, a surrogate), or to what a parser splits on.
const BROKEN_ESCAPES: [&str; 15] = [
    "%",
    "%%",
    "%G1",
    "%2",
    "%E2%82",
    "%FF",
    "%C0%AF",
    "%ED%A0%80",
    "%00",
    "%26",
    "%3D",
    "%2C",
    "+",
    "%2B",
    "#",
];

/// What huge values are made of.
const HUGE_UNITS: [&str; 7] = [
    "a",
    "é",
    "%",
    ",",
    "openai,",
    "2019-",
    "<script>window.__pwned=1</script>",
];

/// The words and ids a parameter takes, from the built-in dataset where it
/// names things; dates include the edges of the years accepted.
fn words(name: &str) -> Vec<String> {
    let data = data::builtin();
    let owned = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    match name {
        "view" => owned(&View::ALL.map(View::id)),
        // The search text is cut after 200 characters.
        "q" => [
            owned(&["azure", "\"exclusive deal\"", "$10", "openai microsoft", "é"]),
            vec!["a".repeat(200), "é".repeat(201)],
        ]
        .concat(),
        "from" | "to" => owned(&[
            "1899", "1900", "2019", "2019-01", "2019-07", "2023", "2023-06", "2025-10", "2026", "2026-12", "2100",
            "2101",
        ]),
        "party" => data.parties.iter().map(|p| p.id.to_string()).collect(),
        "topic" => data.topics.iter().map(|t| t.id.to_string()).collect(),
        "source" => data.sources.iter().map(|s| s.id.to_string()).collect(),
        "certainty" => owned(&Certainty::ALL.map(Certainty::id)),
        // Old ids, merged into another event, still open it.
        "event" => data
            .events
            .iter()
            .flat_map(|e| std::iter::once(e.id).chain(e.aliases.iter().copied()))
            .map(String::from)
            .collect(),
        "a" | "b" => data.versions.iter().map(|v| v.id.to_string()).collect(),
        "clause" => data.clauses.iter().map(|c| c.id.to_string()).collect(),
        "conflict" => data.conflicts.iter().map(|c| c.id.to_string()).collect(),
        "preset" => owned(&Preset::ALL.map(Preset::id)),
        "key" | "changed" | "embed" => owned(&["0", "1"]),
        "order" => owned(&["asc", "desc"]),
        "sort" => owned(&["date", "title", "certainty"]),
        "layout" => owned(&["list", "table"]),
        "lanes" => owned(&["party", "topic"]),
        "mode" => owned(&["side", "inline"]),
        "theme" => owned(&["light", "dark"]),
        "limit" => owned(&["1", "5", "50", "51"]),
        "synthetic" => owned(&["1", "30", "1000", "200000", "200001"]),
        _ => owned(&["1", "newsletter", "Ab+C/d=="]),
    }
}

/// A word mangled the way a hand-edited link mangles it.
fn near_miss(word: &str, how: u8) -> String {
    match how % 7 {
        0 => word.to_uppercase(),
        1 => format!(" {word} "),
        2 => format!("{word}x"),
        3 => word.chars().take(word.chars().count() / 2).collect(),
        4 => format!("{word},{word}"),
        5 => format!("-{word}"),
        _ => format!("{word}\0"),
    }
}

/// A value that is garbage to every parameter.
fn junk() -> impl Strategy<Value = String> {
    prop_oneof![
        select(PAYLOADS.to_vec()).prop_map(String::from),
        select(CONTROLS.to_vec()).prop_map(String::from),
        select(NUMBERS.to_vec()).prop_map(String::from),
        vec(any::<char>(), 0..12).prop_map(String::from_iter),
    ]
}

/// `unit` repeated to about `bytes` bytes, the last one possibly cut
/// (between characters).
fn repeated(unit: &str, bytes: usize) -> String {
    let mut text = unit.repeat(bytes / unit.len() + 1);
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// A value of 1,000 to 12,000 bytes.
fn huge() -> impl Strategy<Value = String> {
    (select(HUGE_UNITS.to_vec()), 1_000..12_000usize).prop_map(|(unit, bytes)| repeated(unit, bytes))
}

/// A value for `name`: mostly what it takes, else near misses, lists,
/// garbage and huge values.
fn value(name: &str) -> BoxedStrategy<String> {
    let words = words(name);
    prop_oneof![
        5 => select(words.clone()),
        2 => vec(prop_oneof![3 => select(words.clone()), 1 => junk()], 1..5).prop_map(|items| items.join(",")),
        2 => (select(words), any::<u8>()).prop_map(|(word, how)| near_miss(&word, how)),
        1 => Just(String::new()),
        2 => junk(),
        1 => huge(),
    ]
    .boxed()
}

/// How a name or a value is written into the query.
#[derive(Debug, Clone, Copy)]
enum Writing {
    /// As it is: `&`, `=`, `+`, `%` and `#` in it change what a parser sees.
    Raw,
    /// Escaped the way a form is (`application/x-www-form-urlencoded`).
    Escaped,
    /// Every byte as `%XX`, letters and digits too.
    EveryByte,
    /// Escaped, with a broken escape put in at some byte.
    Broken { at: usize, escape: &'static str },
}

impl Writing {
    fn write(self, text: &str) -> String {
        match self {
            Writing::Raw => text.to_string(),
            Writing::Escaped => form_urlencoded::byte_serialize(text.as_bytes()).collect(),
            Writing::EveryByte => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                let mut escaped = String::with_capacity(text.len() * 3);
                for b in text.bytes() {
                    escaped.extend(['%', HEX[usize::from(b >> 4)].into(), HEX[usize::from(b & 15)].into()]);
                }
                escaped
            }
            Writing::Broken { at, escape } => {
                // Escaped text is ASCII, so every byte is a char boundary.
                let escaped = Writing::Escaped.write(text);
                let (head, tail) = escaped.split_at(at % (escaped.len() + 1));
                format!("{head}{escape}{tail}")
            }
        }
    }
}

/// Any way of writing a part of the query.
fn writing() -> impl Strategy<Value = Writing> {
    prop_oneof![
        3 => Just(Writing::Raw),
        3 => Just(Writing::Escaped),
        1 => Just(Writing::EveryByte),
        1 => (any::<usize>(), select(BROKEN_ESCAPES.to_vec())).prop_map(|(at, escape)| Writing::Broken { at, escape }),
    ]
}

/// A pair with this name: `name=value`, or `name` alone, or `name==value`.
fn pair_named(name: &'static str) -> BoxedStrategy<String> {
    let equals = prop_oneof![8 => Just("="), 1 => Just(""), 1 => Just("==")];
    (value(name), writing(), writing(), equals)
        .prop_map(move |(value, name_writing, value_writing, equals)| {
            let name = name_writing.write(name);
            match equals {
                "" => name,
                _ => format!("{name}{equals}{}", value_writing.write(&value)),
            }
        })
        .boxed()
}

/// Two pairs that are read together, which pairs drawn one by one rarely
/// make: a date range (reversed about half the time), and a preset with
/// what it shows.
fn linked_pairs() -> BoxedStrategy<String> {
    let dates = words("from");
    let range = (select(dates.clone()), select(dates)).prop_map(|(from, to)| format!("from={from}&to={to}"));
    let presets = Preset::ALL.map(|preset| {
        let shown = match preset {
            Preset::Event => "event",
            Preset::Clause => "clause",
            Preset::Conflict => "conflict",
            Preset::Range => "limit",
            Preset::Scoreboard => "view",
        };
        select(words(shown))
            .prop_map(move |word| format!("preset={}&{shown}={word}", preset.id()))
            .boxed()
    });
    prop_oneof![range, Union::new(presets)].boxed()
}

/// A pair, mostly with one of Pactline's names.
fn pair() -> impl Strategy<Value = String> {
    let ours = NAMES.iter().map(|&name| (6, pair_named(name)));
    let others = OTHER_NAMES.iter().map(|&name| (1, pair_named(name)));
    Union::new_weighted(ours.chain(others).chain([(12, linked_pairs())]).collect())
}

/// What goes between two pairs: mostly `&`, sometimes an empty pair, or a
/// `;` that is no separator at all.
fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![10 => Just("&"), 1 => Just("&&"), 1 => Just(";")]
}

/// Pairs joined into a query, with or without the leading `?`.
fn joined(pairs: Vec<(String, &str)>, question_mark: bool) -> String {
    let mut query = String::from(if question_mark { "?" } else { "" });
    for (i, (pair, separator)) in pairs.iter().enumerate() {
        if i > 0 {
            query.push_str(separator);
        }
        query.push_str(pair);
    }
    query
}

/// A pair that carries a payload, as a value or as a name, written so that
/// it decodes whole: once or by the thousand.
fn payload_pair() -> impl Strategy<Value = String> {
    let payload = prop_oneof![
        3 => select(PAYLOADS.to_vec()).prop_map(String::from),
        1 => (select(PAYLOADS.to_vec()), 1_000..12_000usize).prop_map(|(payload, bytes)| repeated(payload, bytes)),
    ];
    let writing = prop_oneof![Just(Writing::Raw), Just(Writing::Escaped), Just(Writing::EveryByte)];
    let name = select(NAMES.iter().chain(&OTHER_NAMES).copied().collect::<Vec<_>>());
    (name, payload, writing, prop::bool::weighted(0.2)).prop_map(|(name, payload, writing, as_name)| {
        if as_name {
            format!("{}=1", writing.write(&payload))
        } else {
            format!("{name}={}", writing.write(&payload))
        }
    })
}

/// A query with at least one payload among other pairs.
fn hostile_query() -> impl Strategy<Value = String> {
    (
        vec((pair(), separator()), 0..6),
        payload_pair(),
        any::<Index>(),
        any::<bool>(),
    )
        .prop_map(|(mut pairs, payload, at, question_mark)| {
            let at = at.index(pairs.len() + 1);
            pairs.insert(at, (payload, "&"));
            joined(pairs, question_mark)
        })
}

/// Characters that a query string is made of, and that its parser splits on.
const QUERY_CHARS: &str = "?&=%+#;,/ .-_0123456789ABCDEFabcdefqviewtopartyé<>\"'\0";

/// Text that is hardly a query at all.
fn noise() -> impl Strategy<Value = String> {
    prop_oneof![
        vec(select(QUERY_CHARS.chars().collect::<Vec<_>>()), 0..40).prop_map(String::from_iter),
        vec(any::<char>(), 0..40).prop_map(String::from_iter),
    ]
}

/// Any query string the fuzz test reads: mostly pairs, some carrying a
/// payload, some noise.
pub fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (vec((pair(), separator()), 0..10), any::<bool>())
            .prop_map(|(pairs, question_mark)| joined(pairs, question_mark)),
        2 => hostile_query(),
        1 => noise(),
    ]
}

/// A test runner whose random numbers come from `seed` alone. XorShift,
/// not proptest's default ChaCha: in the unoptimised test build, drawing
/// 10,000 queries took 8 s with ChaCha and 1.3 s with XorShift.
pub fn runner(seed: u64) -> TestRunner {
    // Never all zeros, which a XorShift generator cannot start from.
    let bytes: Vec<u8> = [seed, !seed].iter().flat_map(|half| half.to_le_bytes()).collect();
    TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::XorShift, &bytes))
}

/// `n` hostile query strings, the same ones for the same `seed`: each
/// carries at least one payload that sets `window.__pwned` if a page
/// injects it (markup, attribute breakouts, `javascript:` links), raw,
/// escaped or percent-encoded byte by byte, some of them thousands of
/// characters long, among other pairs of every kind. Some start with the
/// `?`, some do not.
pub fn hostile_queries(n: usize, seed: u64) -> Vec<String> {
    let strategy = hostile_query();
    let mut runner = runner(seed);
    (0..n)
        .map(|_| {
            strategy
                .new_tree(&mut runner)
                .expect("no hostile strategy filters")
                .current()
        })
        .collect()
}
