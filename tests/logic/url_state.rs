//! URL parse and serialise: round trips, defaults, and hostile values.

use crate::fixture::FIXTURE;
use pactline::model::Certainty;
use pactline::state::{DiffMode, Layout, Order, View, ViewState, YearMonth};
use pactline::url_state::{self, MAX_QUERY_CHARS};

fn parse(query: &str) -> (ViewState, Vec<String>) {
    let (state, ignored) = ViewState::parse(query, &FIXTURE);
    (state, ignored.iter().map(|i| i.param.clone()).collect())
}

#[test]
fn a_bare_url_is_the_default_timeline() {
    let (state, ignored) = parse("");
    assert_eq!(state, ViewState::default());
    assert_eq!(state.view, View::Timeline);
    assert!(ignored.is_empty());
}

#[test]
fn every_timeline_parameter_round_trips() {
    let query = "?view=timeline&q=azure+exclusivity&from=2019&to=2026-03&party=openai,amazon&topic=cloud&certainty=reported,prediction&source=news&event=aws-2026&order=desc&layout=table";
    let (state, ignored) = parse(query);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(state.timeline.filters.q, "azure exclusivity");
    assert_eq!(
        state.timeline.filters.from,
        Some(YearMonth {
            year: 2019,
            month: None
        })
    );
    assert_eq!(
        state.timeline.filters.to,
        Some(YearMonth {
            year: 2026,
            month: Some(3)
        })
    );
    assert_eq!(state.timeline.filters.parties, ["openai", "amazon"]);
    assert_eq!(
        state.timeline.filters.certainties,
        [Certainty::Reported, Certainty::Prediction]
    );
    assert_eq!(state.timeline.event.as_deref(), Some("aws-2026"));
    assert_eq!(state.timeline.order, Order::Desc);
    assert_eq!(state.timeline.layout, Layout::Table);
    assert_eq!(state.to_query(), query);
    assert_eq!(ViewState::parse(&state.to_query(), &FIXTURE).0, state);
}

#[test]
fn every_clause_parameter_round_trips() {
    let query = "?view=clauses&a=2019&b=2025&clause=cloud&changed=1&mode=inline&embed=1&theme=dark";
    let (state, ignored) = parse(query);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(state.view, View::Clauses);
    assert_eq!(state.comparison.versions(&FIXTURE), Some(("2019", "2025")));
    assert!(state.comparison.changed_only && state.embed);
    assert_eq!(state.comparison.mode, DiffMode::Inline);
    assert_eq!(state.to_query(), query);
}

#[test]
fn unknown_ids_are_dropped_and_named() {
    let (state, ignored) =
        parse("party=openai,nobody&topic=weather&certainty=rumour&source=x&event=nope&clause=zzz&view=charts");
    assert_eq!(state.timeline.filters.parties, ["openai"]);
    assert!(
        state.timeline.filters.topics.is_empty()
            && state.timeline.filters.certainties.is_empty()
            && state.timeline.filters.sources.is_empty()
    );
    assert_eq!(state.timeline.event, None);
    assert_eq!(state.comparison.clause, None);
    assert_eq!(state.view, View::Timeline);
    assert_eq!(
        ignored,
        ["party", "topic", "certainty", "source", "event", "clause", "view"]
    );
}

#[test]
fn markup_in_the_url_stays_plain_text() {
    let (state, ignored) = parse("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&party=%3Cimg%20src%3Dx%3E");
    assert_eq!(state.timeline.filters.q, "<script>alert(1)</script>");
    assert_eq!(ignored, ["party"]);
    assert!(state.to_query().contains("q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"));
}

#[test]
fn very_long_search_text_is_cut_and_reported() {
    let long = "a".repeat(10_000);
    let (state, ignored) = parse(&format!("q={long}"));
    assert_eq!(state.timeline.filters.q.chars().count(), MAX_QUERY_CHARS);
    assert_eq!(ignored, ["q"]);
}

#[test]
fn a_very_long_search_is_cut_in_the_url_it_writes() {
    let mut state = ViewState::default();
    // Two bytes a character, and six once escaped: cuts must fall between characters.
    state.timeline.filters.q = "é".repeat(100_000);
    assert!(url_state::query_is_cut(&state.timeline.filters.q));
    let query = state.to_query();
    assert!(query.len() < 2_400, "{} bytes", query.len());
    let (read, ignored) = parse(&query);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(read.timeline.filters.q, "é".repeat(MAX_QUERY_CHARS));
    // Exactly the limit is not cut.
    assert!(!url_state::query_is_cut(&"é".repeat(MAX_QUERY_CHARS)));
    state.timeline.filters.q = "é".repeat(MAX_QUERY_CHARS);
    assert_eq!(parse(&state.to_query()).0, state);
}

#[test]
fn malformed_dates_are_dropped() {
    for bad in [
        "20",
        "2019-1",
        "2019-13",
        "1800",
        "2019-06-01",
        "abcd",
        "2019-",
        "-2019",
    ] {
        let (state, ignored) = parse(&format!("from={bad}"));
        assert_eq!(state.timeline.filters.from, None, "{bad}");
        assert_eq!(ignored, ["from"], "{bad}");
    }
}

#[test]
fn a_reversed_range_is_swapped_and_reported() {
    let (state, ignored) = parse("from=2026&to=2019-05");
    assert_eq!(state.timeline.filters.from, YearMonth::parse("2019-05"));
    assert_eq!(state.timeline.filters.to, YearMonth::parse("2026"));
    assert_eq!(ignored, ["from"]);
}

#[test]
fn unknown_versions_fall_back_to_the_default_side() {
    for query in ["a=1999&b=2026", "a=2019&b=3000"] {
        let (state, ignored) = parse(&format!("view=clauses&{query}"));
        assert_eq!(state.comparison.versions(&FIXTURE), Some(("2019", "2026")), "{query}");
        assert_eq!(ignored.len(), 1, "{query}: {ignored:?}");
    }
}

#[test]
fn reversed_and_equal_version_pairs_are_kept_as_the_reader_chose() {
    let (state, ignored) = parse("view=clauses&a=2026&b=2019");
    assert_eq!(state.comparison.versions(&FIXTURE), Some(("2026", "2019")));
    assert!(ignored.is_empty());
    let (state, ignored) = parse("view=clauses&a=2025&b=2025");
    assert_eq!(state.comparison.versions(&FIXTURE), Some(("2025", "2025")));
    assert!(ignored.is_empty());
}

#[test]
fn a_lone_version_is_compared_with_the_default_other_side() {
    let (state, _) = parse("a=2025");
    assert_eq!(state.comparison.versions(&FIXTURE), Some(("2025", "2026")));
    let (state, _) = parse("b=2025");
    assert_eq!(state.comparison.versions(&FIXTURE), Some(("2019", "2025")));
}

#[test]
fn bad_flag_values_are_dropped() {
    let (state, ignored) = parse("changed=yes&mode=diff&order=up&embed=true&theme=blue&synthetic=-5&layout=grid");
    assert_eq!(state, ViewState::default());
    assert_eq!(
        ignored,
        ["changed", "mode", "order", "embed", "theme", "synthetic", "layout"]
    );
}

#[test]
fn parameters_of_other_tools_are_kept_as_they_came_and_never_judged() {
    let (state, ignored) = parse("utm_source=blog&view=sources&fbclid=Ab%2BC&ref=");
    assert_eq!(state.view, View::Sources);
    assert!(ignored.is_empty());
    assert_eq!(state.to_query(), "?view=sources&utm_source=blog&fbclid=Ab%2BC&ref=");
    // Copy link keeps them; an embed snippet and a citation do not.
    let href = "https://example.org/pactline/?x=1";
    assert!(pactline::share::link(href, &state).ends_with("&utm_source=blog&fbclid=Ab%2BC&ref="));
    let s = pactline::embed::snippets(&FIXTURE, href, &state, pactline::embed::Options::default());
    assert!(!s.script.contains("utm_source") && !s.iframe.contains("utm_source") && !s.link.contains("utm_source"));
    let cite = pactline::cite::cite(&FIXTURE, href, &state, pactline::cite::Target::View, "2026-12-02");
    assert!(!cite.text.contains("utm_source") && !cite.bibtex.contains("utm_source"));
}

#[test]
fn presets_name_what_they_show_or_fall_back_with_a_notice() {
    use pactline::state::Preset;
    let (state, ignored) = parse("preset=event&event=deal-2019");
    assert_eq!((state.preset, ignored.len()), (Some(Preset::Event), 0));
    let (state, ignored) = parse("preset=range&limit=3&party=openai");
    assert_eq!(
        (state.preset, state.limit(), ignored.len()),
        (Some(Preset::Range), 3, 0)
    );
    assert_eq!(state.to_query(), "?view=timeline&party=openai&preset=range&limit=3");
    assert_eq!(parse("preset=range").0.limit(), pactline::state::DEFAULT_LIMIT as usize);
    let (state, ignored) = parse("preset=scoreboard&view=clauses");
    assert_eq!((state.preset, ignored.len()), (Some(Preset::Scoreboard), 0));
    // A preset that names one thing, without it, shows the whole view.
    for query in ["preset=event", "preset=clause", "preset=conflict"] {
        let (state, ignored) = parse(query);
        assert_eq!(state.preset, None, "{query}");
        assert_eq!(ignored, ["preset"], "{query}");
    }
    let (state, ignored) = parse("preset=poster&limit=0&limit=500&conflict=nope");
    assert_eq!((state.preset, state.limit, state.conflict), (None, None, None));
    assert_eq!(ignored, ["preset", "limit", "limit", "conflict"]);
}

#[test]
fn a_repeated_parameter_keeps_its_last_value_and_names_the_one_it_replaced() {
    // As when a parameter is appended to a link that already has it.
    let (state, ignored) = ViewState::parse("view=clauses&order=desc&view=sources&order=asc", &FIXTURE);
    assert_eq!((state.view, state.timeline.order), (View::Sources, Order::Asc));
    let named: Vec<(&str, &str, &str)> = ignored
        .iter()
        .map(|i| (i.param.as_str(), i.value.as_str(), i.reason))
        .collect();
    assert_eq!(
        named,
        [
            ("view", "clauses", "replaced by a later value"),
            ("order", "desc", "replaced by a later value")
        ]
    );
    // A bad later value replaces nothing; the same value twice loses nothing.
    let (state, ignored) = parse("view=clauses&view=charts&q=x&q=x");
    assert_eq!((state.view, state.timeline.filters.q.as_str()), (View::Clauses, "x"));
    assert_eq!(ignored, ["view"]);
}

#[test]
fn repeated_lists_merge_without_duplicates() {
    let (state, _) = parse("party=openai&party=openai,microsoft");
    assert_eq!(state.timeline.filters.parties, ["openai", "microsoft"]);
}

/// Garbage never panics, and what survives is a fixed point: written back
/// and read again it is the same state, with nothing more to ignore; and
/// every value dropped is named.
#[test]
fn garbage_never_panics_and_what_survives_round_trips() {
    for (query, dropped) in [
        ("%", 0),
        ("%%%", 0),
        ("&&&", 0),
        ("=", 0),
        ("a=&b=", 2),
        ("q=%FF%FE", 0),
        ("view", 1),
        ("?", 0),
        ("q=\u{0}", 0),
        ("from=9999-99&to=0000", 2),
        ("party=,,,&topic=%00", 1),
        ("event=&clause=&view=", 3),
    ] {
        let (state, ignored) = ViewState::parse(query, &FIXTURE);
        assert_eq!(ignored.len(), dropped, "{query}: {ignored:?}");
        let (again, more) = ViewState::parse(&state.to_query(), &FIXTURE);
        assert_eq!(again, state, "{query}");
        assert!(more.is_empty(), "{query}: {more:?}");
    }
}

#[test]
fn synthetic_size_is_read_before_the_dataset_exists() {
    assert_eq!(
        url_state::synthetic_size("?view=timeline&synthetic=10000"),
        Some(10_000)
    );
    assert_eq!(url_state::synthetic_size("synthetic=0"), None);
    assert_eq!(url_state::synthetic_size("synthetic=99999999"), None);
}

#[test]
fn synthetic_size_keeps_the_last_size_as_the_state_does() {
    // A bad value after a good one is named in the notice, and the data
    // stays the generated data the state says it is.
    let query = "synthetic=500&synthetic=lots";
    assert_eq!(url_state::synthetic_size(query), Some(500));
    let (state, ignored) = parse(query);
    assert_eq!((state.synthetic, ignored), (Some(500), vec!["synthetic".to_string()]));
}

#[test]
fn key_and_lanes_round_trip_and_bad_values_are_named() {
    let (state, ignored) = parse("key=1&lanes=topic");
    assert!(state.timeline.filters.key);
    assert_eq!(state.timeline.lanes, pactline::state::Lanes::Topic);
    assert!(ignored.is_empty());
    assert_eq!(state.to_query(), "?view=timeline&key=1&lanes=topic");
    let (state, ignored) = parse("key=yes&lanes=year");
    assert!(!state.timeline.filters.key);
    assert_eq!(state.timeline.lanes, pactline::state::Lanes::Party);
    assert_eq!(ignored, ["key", "lanes"]);
}
