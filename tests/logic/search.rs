//! Search as a reader meets it: query terms and quoted phrases, whole
//! numbers, the ranking of events that say a word before those filed under
//! a name that holds it, why each event matched, highlights and snippets.

use crate::fixture::FIXTURE;
use pactline::filter::{self, Match, SearchIndex, Via};
use pactline::model::{Dataset, Event, Party};
use pactline::state::{Filters, Order};
use pactline::text::{self, ELLIPSIS, Segment};

/// The fixture with summaries, and Microsoft, aliased "Azure", added to the
/// 2024 and 2027 events, whose text never says "Azure":
///
/// | event     | parties (aliases)                | topics         | summary says                      |
/// | --------- | -------------------------------- | -------------- | --------------------------------- |
/// | deal-2019 | Microsoft (Azure), OpenAI        | Money          | Azure, exclusive, cloud           |
/// | o1-2024   | OpenAI, Microsoft (Azure)        | Cloud          | compute                           |
/// | aws-2026  | Amazon (AWS), OpenAI             | Money, Cloud   | first refusal (across a line), $100B |
/// | tpu-2027  | OpenAI, Microsoft (Azure)        | Cloud          | $10 billion                       |
fn searchable() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let parties: Vec<Party> = FIXTURE
            .parties
            .iter()
            .map(|p| Party {
                aliases: if p.id == "microsoft" { &["Azure"] } else { p.aliases },
                ..*p
            })
            .collect();
        let events: Vec<Event> = FIXTURE
            .events
            .iter()
            .map(|e| match e.id {
                "deal-2019" => Event {
                    summary: "Microsoft puts $1B into OpenAI, and Azure becomes its exclusive cloud.",
                    resolution: None,
                    ..*e
                },
                "o1-2024" => Event {
                    summary: "Reasoning models need more compute.",
                    parties: &["openai", "microsoft"],
                    resolution: None,
                    ..*e
                },
                "aws-2026" => Event {
                    summary: "The deal gives Amazon a right of first\nrefusal, and $100B more later.",
                    resolution: None,
                    ..*e
                },
                _ => Event {
                    summary: "Google offers $10 billion of TPUs.",
                    parties: &["openai", "microsoft"],
                    resolution: None,
                    ..*e
                },
            })
            .collect();
        Dataset {
            parties: Box::leak(parties.into_boxed_slice()),
            events: Box::leak(events.into_boxed_slice()),
            ..FIXTURE
        }
    })
}

/// The ids `q` finds in `order`, and how many of them matched in their own text.
fn search_in(q: &str, order: Order) -> (Vec<&'static str>, usize) {
    let data = searchable();
    let index = SearchIndex::new(data);
    let filters = Filters {
        q: q.into(),
        ..Filters::default()
    };
    let outcome = filter::run(data, &index, &filters, order);
    let ids = outcome.events.iter().map(|&i| data.events[i].id).collect();
    (ids, outcome.direct)
}

fn search(q: &str) -> (Vec<&'static str>, usize) {
    search_in(q, Order::Asc)
}

/// Why the event with this id matched `q`.
fn why(id: &str, q: &str) -> Option<Match> {
    let data = searchable();
    let i = data.events.iter().position(|e| e.id == id).expect("a fixture event");
    SearchIndex::new(data).why(data, i, &text::terms(q))
}

/// `segments` with the hits in brackets: "a [b] c".
fn marked(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| {
            if s.hit {
                format!("[{}]", s.text)
            } else {
                s.text.to_owned()
            }
        })
        .collect()
}

fn terms(q: &str) -> Vec<String> {
    text::terms(q)
}

#[test]
fn lower_latin_is_unicode_lower_case_up_to_latin_extended_a_and_nothing_beyond() {
    for c in '\0'..='\u{17F}' {
        let unicode = c.to_lowercase().next().unwrap_or(c);
        assert_eq!(text::lower_latin(c), unicode, "{c:?} (U+{:04X})", u32::from(c));
    }
    for c in ['ẞ', 'Ω', 'Д', 'Ǆ', 'Ａ'] {
        assert_eq!(text::lower_latin(c), c, "{c:?}");
    }
}

/// Sentences lower-case these labels with `to_ascii_lowercase`, which
/// keeps the Unicode case tables out of the wasm, as `lower_latin` does for
/// the search; that is only right while they are ASCII.
#[test]
fn labels_that_sentences_lower_case_are_ascii() {
    use pactline::checks::Corroboration;
    use pactline::compare::Step;
    use pactline::model::{Certainty, Favour, SourceKind};
    let labels = Certainty::ALL
        .map(Certainty::label)
        .into_iter()
        .chain(Corroboration::ALL.map(Corroboration::label))
        .chain([Favour::Microsoft, Favour::OpenAi, Favour::Neutral, Favour::Mixed].map(Favour::label))
        .chain(
            [
                Step::FirstStated,
                Step::Added,
                Step::Changed,
                Step::Removed,
                Step::Unchanged,
                Step::Carried,
                Step::Unknown,
            ]
            .map(Step::label),
        )
        .chain(
            [
                SourceKind::VideoSummary,
                SourceKind::BlogPost,
                SourceKind::PodcastDigest,
                SourceKind::NewsPost,
                SourceKind::AnalysisArticle,
                SourceKind::NewsReport,
            ]
            .map(SourceKind::label),
        );
    for label in labels {
        assert!(label.is_ascii(), "{label:?}");
    }
}

#[test]
fn terms_are_folded_words_and_quoted_phrases() {
    assert_eq!(terms("  Azure   EXCLUSIVITY "), ["azure", "exclusivity"]);
    assert_eq!(terms(r#""first  refusal" Azure"#), ["first refusal", "azure"]);
    // A quoted word is the word; typographic quotes are quotes.
    assert_eq!(terms(r#""exclusive""#), ["exclusive"]);
    assert_eq!(terms("“Right of First Refusal”"), ["right of first refusal"]);
}

#[test]
fn unbalanced_or_empty_quotes_degrade_to_what_was_meant() {
    // An open quote runs to the end, as if it were closed there.
    assert_eq!(terms(r#"azure "first refusal"#), ["azure", "first refusal"]);
    assert_eq!(terms(r#""first refusal"#), terms(r#""first refusal""#));
    assert!(terms(r#""""#).is_empty());
    assert!(terms(r#"" ""#).is_empty());
    assert!(terms(r#"""#).is_empty());
    assert_eq!(terms(r#"a""b"#), ["a", "b"]);
}

/// Where `term` occurs in `text`, as the matched pieces of `text`.
fn found<'a>(text: &'a str, term: &str) -> Vec<&'a str> {
    text::highlight(text, &[term.to_owned()])
        .into_iter()
        .filter(|s| s.hit)
        .map(|s| s.text)
        .collect()
}

#[test]
fn a_number_matches_only_that_number() {
    for yes in [
        "10",
        "$10B",
        "$10 billion",
        "10%",
        "a 10-year deal",
        "(10)",
        "ends in 10.",
        "10, then",
    ] {
        assert_eq!(found(yes, "10"), ["10"], "10 in {yes:?}");
    }
    for no in ["100", "2010", "$2.10", "10.5", "1,100", "10,000", "$100B"] {
        assert!(found(no, "10").is_empty(), "10 in {no:?}");
    }
    for yes in ["$10B", "$10 billion", "up to $10."] {
        assert_eq!(found(yes, "$10"), ["$10"], "$10 in {yes:?}");
    }
    for no in ["$100B", "$10,000", "$10.5B", "$1"] {
        assert!(found(no, "$10").is_empty(), "$10 in {no:?}");
    }
    assert_eq!(found("$10B and $100B", "$10b"), ["$10B"]);
    assert_eq!(found("27% and 127%", "27%"), ["27%"]);
    assert_eq!(found("1,500 of 11,500", "1,500"), ["1,500"]);
    assert!(found("1500", "1,500").is_empty(), "numbers match as written");
    assert!(found("1.50", "1.5").is_empty(), "numbers match as written");
    // A separator that ends the term is not part of its number.
    assert_eq!(found("10, then 10,000", "10,"), ["10,"]);
    // Digits inside a word follow the same rule at the digit's end.
    assert_eq!(found("o1-preview, not o10", "o1"), ["o1"]);
}

#[test]
fn a_phrase_matches_its_words_adjacent_across_any_whitespace() {
    assert_eq!(found("a right of first refusal", "first refusal"), ["first refusal"]);
    assert_eq!(found("first\n  refusal", "first refusal"), ["first\n  refusal"]);
    assert!(found("first-refusal", "first refusal").is_empty());
    assert!(found("first, then refusal", "first refusal").is_empty());
    assert!(found("refusal first", "first refusal").is_empty());
    // A false start does not hide the real match after it.
    assert_eq!(found("first first refusal", "first refusal"), ["first refusal"]);
}

#[test]
fn a_plain_word_still_matches_inside_longer_words() {
    assert_eq!(found("It invests.", "invest"), ["invest"]);
    assert_eq!(found("Azure and AZURE", "azure"), ["Azure", "AZURE"]);
}

#[test]
fn events_that_say_the_word_come_before_those_filed_under_an_alias() {
    let (ids, direct) = search("azure");
    assert_eq!(ids, ["deal-2019", "o1-2024", "tpu-2027"]);
    assert_eq!(direct, 1);
    // Each group keeps the order asked for.
    let (ids, direct) = search_in("azure", Order::Desc);
    assert_eq!(ids, ["deal-2019", "tpu-2027", "o1-2024"]);
    assert_eq!(direct, 1);
}

#[test]
fn why_names_the_party_and_the_alias_or_the_topic() {
    assert_eq!(
        why("o1-2024", "azure"),
        Some(Match {
            direct: false,
            via: vec![Via::Party {
                name: "Microsoft",
                alias: Some("Azure")
            }],
        })
    );
    assert_eq!(why("o1-2024", "azure").unwrap().via[0].to_string(), "Microsoft (Azure)");
    assert_eq!(
        why("deal-2019", "azure"),
        Some(Match {
            direct: true,
            via: vec![]
        })
    );
    // A party's own name, and a topic's.
    let openai = why("aws-2026", "openai").unwrap();
    assert_eq!(
        openai.via.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["OpenAI"]
    );
    assert_eq!(
        why("o1-2024", "cloud").unwrap().via,
        [Via::Topic {
            name: "Cloud & compute"
        }]
    );
    assert_eq!(why("o1-2024", "exclusive"), None);
}

#[test]
fn why_names_only_what_the_events_own_text_lacks() {
    // "Reasoning" is in the title; only "azure" came through a name.
    let (ids, direct) = search("reasoning azure");
    assert_eq!((ids, direct), (vec!["o1-2024"], 0));
    let m = why("o1-2024", "reasoning azure").unwrap();
    assert_eq!(
        m.via.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["Microsoft (Azure)"]
    );
    // Every term in the event's own text: a direct match.
    assert_eq!(search("azure exclusive"), (vec!["deal-2019"], 1));
}

#[test]
fn a_term_through_a_topic_ranks_with_the_alias_matches() {
    let (ids, direct) = search("cloud");
    assert_eq!(ids, ["deal-2019", "o1-2024", "aws-2026", "tpu-2027"]);
    assert_eq!(direct, 1);
}

#[test]
fn a_quoted_word_or_phrase_matches_like_the_words_adjacent() {
    assert_eq!(search(r#""exclusive""#), (vec!["deal-2019"], 1));
    assert_eq!(search(r#""first refusal""#), (vec!["aws-2026"], 1));
    assert_eq!(search(r#""right of first refusal" amazon"#), (vec!["aws-2026"], 1));
    assert_eq!(search(r#""refusal first""#).0, Vec::<&str>::new());
    // Still typing: the open quote already searches the phrase.
    assert_eq!(search(r#""first ref"#), (vec!["aws-2026"], 1));
}

#[test]
fn a_number_query_does_not_find_larger_numbers() {
    assert_eq!(search("$10").0, ["tpu-2027"]);
    assert_eq!(search("10").0, ["tpu-2027"]);
    assert_eq!(search("$100B").0, ["aws-2026"]);
    assert_eq!(search("$1").0, ["deal-2019"]);
    assert_eq!(search("$1B").0, ["deal-2019"]);
}

#[test]
fn without_a_search_every_event_counts_as_direct() {
    let (ids, direct) = search("");
    assert_eq!(direct, ids.len());
}

#[test]
fn highlight_marks_phrases_whole_and_numbers_whole() {
    let text = "A right of first\nrefusal: $10B now, $100B later, first and refusal.";
    assert_eq!(
        marked(&text::highlight(text, &terms(r#""first refusal" $10"#))),
        "A right of [first\nrefusal]: [$10]B now, $100B later, first and refusal."
    );
    // Several terms, each marked where it matches, overlaps merged.
    assert_eq!(
        marked(&text::highlight("Azure OpenAI Service", &terms("azure openai zure"))),
        "[Azure] [OpenAI] Service"
    );
    assert_eq!(
        marked(&text::highlight(
            "Azure OpenAI Service",
            &terms(r#""azure openai" open"#)
        )),
        "[Azure OpenAI] Service"
    );
}

#[test]
fn highlight_keeps_the_original_text_at_its_own_byte_offsets() {
    let text = "ÉCOLE, Crème brûlée — ÇA";
    let segments = text::highlight(text, &terms(r#"creme "brulee - ca" ecole"#));
    assert_eq!(marked(&segments), "[ÉCOLE], [Crème] [brûlée — ÇA]");
    assert_eq!(segments.iter().map(|s| s.text).collect::<String>(), text);
}

#[test]
fn a_snippet_shows_the_first_match_with_ellipses_at_word_boundaries() {
    let summary = "The partnership opens in 2019. Microsoft invests heavily, and under the deal Azure becomes \
                   the exclusive cloud for every OpenAI workload, which the later amendments loosen step by step.";
    let snippet = text::snippet(summary, &terms("azure"), 60).expect("azure is in it");
    let shown = marked(&snippet);
    // A third of the room before the match, the rest after, whole words.
    assert_eq!(shown, "…under the deal [Azure] becomes the exclusive cloud for…");
    assert_eq!(snippet.first().map(|s| s.text), Some(ELLIPSIS));
    // At most the characters asked for, ellipses aside.
    let chars: usize = snippet
        .iter()
        .filter(|s| s.text != ELLIPSIS)
        .map(|s| s.text.chars().count())
        .sum();
    assert!(chars <= 60, "{chars} characters");
}

#[test]
fn a_snippet_is_the_whole_text_when_it_fits_and_none_without_a_match() {
    let summary = "Azure becomes the exclusive cloud.";
    assert_eq!(
        marked(&text::snippet(summary, &terms("exclusive"), 200).unwrap()),
        "Azure becomes the [exclusive] cloud."
    );
    assert_eq!(text::snippet(summary, &terms("amazon"), 200), None);
    assert_eq!(text::snippet(summary, &[], 200), None);
    // A match at the very start or end: one ellipsis, on the other side.
    let start = marked(&text::snippet(summary, &terms("azure"), 20).unwrap());
    assert_eq!(start, "[Azure] becomes the…");
    let end = marked(&text::snippet(summary, &terms("cloud"), 20).unwrap());
    assert_eq!(end, "…the exclusive [cloud].");
}

#[test]
fn a_snippet_cuts_multibyte_text_on_character_boundaries() {
    let summary =
        "Ça commence à Zürich : l’accord exclusif de Crème SA, signé à Genève, change après l’amendement de 2026.";
    for max in 0..summary.chars().count() {
        let snippet = text::snippet(summary, &terms("creme"), max).expect("crème is in it");
        let shown = marked(&snippet);
        assert!(shown.contains("[Crème") || max < 5, "{max}: {shown}");
    }
    assert_eq!(
        marked(&text::snippet(summary, &terms("creme"), 30).unwrap()),
        "…de [Crème] SA, signé à…"
    );
}
