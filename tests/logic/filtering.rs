//! Search, each filter, their combination, and the option counts.

use crate::fixture::FIXTURE;
use pactline::filter::{self, FilterKind, SearchIndex};
use pactline::model::Certainty;
use pactline::state::{Filters, Order, ViewState, YearMonth};
use pactline::synthetic;

fn ids(filters: &Filters) -> Vec<&'static str> {
    ids_in(filters, Order::Asc)
}

fn ids_in(filters: &Filters, order: Order) -> Vec<&'static str> {
    let index = SearchIndex::new(&FIXTURE);
    filter::run(&FIXTURE, &index, filters, order)
        .events
        .iter()
        .map(|&i| FIXTURE.events[i].id)
        .collect()
}

fn search(q: &str) -> Vec<&'static str> {
    ids(&Filters {
        q: q.into(),
        ..Filters::default()
    })
}

#[test]
fn no_filter_lists_every_event_oldest_first() {
    assert_eq!(
        ids(&Filters::default()),
        ["deal-2019", "o1-2024", "aws-2026", "tpu-2027"]
    );
}

#[test]
fn descending_order_lists_newest_first() {
    assert_eq!(
        ids_in(&Filters::default(), Order::Desc),
        ["tpu-2027", "aws-2026", "o1-2024", "deal-2019"]
    );
}

#[test]
fn search_ignores_case_and_accents() {
    assert_eq!(search("CAFE"), ["o1-2024"]);
    assert_eq!(search("café"), ["o1-2024"]);
}

#[test]
fn search_finds_figures_as_written_or_as_numbers() {
    assert_eq!(search("$50B"), ["aws-2026"]);
    assert_eq!(search("50"), ["aws-2026"]);
    assert_eq!(search("50 billion"), ["aws-2026"]);
}

#[test]
fn search_finds_party_names_and_aliases() {
    assert_eq!(search("aws"), ["aws-2026"]);
    assert_eq!(search("microsoft"), ["deal-2019"]);
}

#[test]
fn search_needs_every_term() {
    assert_eq!(search("invests 50"), ["aws-2026"]);
    assert!(search("invests nowhere").is_empty());
}

#[test]
fn search_treats_markup_as_text() {
    assert_eq!(search("<script>"), ["tpu-2027"]);
}

#[test]
fn blank_search_matches_everything() {
    assert_eq!(search("   ").len(), 4);
}

#[test]
fn date_range_keeps_events_overlapping_it() {
    let state = Filters {
        from: YearMonth::parse("2024"),
        to: YearMonth::parse("2026-03"),
        ..Filters::default()
    };
    assert_eq!(ids(&state), ["o1-2024", "aws-2026"]);
    let state = Filters {
        from: YearMonth::parse("2026-04"),
        ..Filters::default()
    };
    assert_eq!(ids(&state), ["tpu-2027"]);
}

#[test]
fn a_year_precise_event_overlaps_any_month_of_its_year() {
    let state = Filters {
        from: YearMonth::parse("2019-06"),
        to: YearMonth::parse("2019-06"),
        ..Filters::default()
    };
    assert_eq!(ids(&state), ["deal-2019"]);
}

#[test]
fn party_filter_matches_any_selected_party() {
    let state = Filters {
        parties: vec!["amazon".into(), "microsoft".into()],
        ..Filters::default()
    };
    assert_eq!(ids(&state), ["deal-2019", "aws-2026"]);
}

#[test]
fn topic_certainty_and_source_filters() {
    assert_eq!(
        ids(&Filters {
            topics: vec!["money".into()],
            ..Filters::default()
        }),
        ["deal-2019", "aws-2026"]
    );
    assert_eq!(
        ids(&Filters {
            certainties: vec![Certainty::Prediction],
            ..Filters::default()
        }),
        ["tpu-2027"]
    );
    assert_eq!(
        ids(&Filters {
            sources: vec!["video".into()],
            ..Filters::default()
        }),
        ["o1-2024", "aws-2026", "tpu-2027"]
    );
}

#[test]
fn filters_combine_across_kinds() {
    let state = Filters {
        q: "invests".into(),
        topics: vec!["money".into()],
        sources: vec!["video".into()],
        ..Filters::default()
    };
    assert_eq!(ids(&state), ["aws-2026"]);
}

#[test]
fn option_counts_say_what_each_option_would_leave() {
    let index = SearchIndex::new(&FIXTURE);
    let state = Filters {
        parties: vec!["amazon".into()],
        ..Filters::default()
    };
    let facets = filter::run(&FIXTURE, &index, &state, Order::Asc).facets;
    // Party counts ignore the party filter itself: every party's own total.
    assert_eq!(facets.parties, [1, 4, 1]);
    // Other kinds count within the one Amazon event.
    assert_eq!(facets.topics, [1, 1]);
    assert_eq!(facets.certainties, [1, 0, 0, 0, 0]);
    assert_eq!(facets.sources, [1, 1]);
}

/// Every option's count is, by definition, how many events the filter
/// leaves with that option as its kind's only choice; checked for every
/// option, under several filters, on a thousand generated events.
#[test]
fn every_option_count_is_what_choosing_it_would_leave() {
    let data = synthetic::dataset(pactline::data::builtin(), 1_000);
    let index = SearchIndex::new(&data);
    let states = [
        Filters::default(),
        Filters {
            q: "c".into(),
            ..Filters::default()
        },
        Filters {
            q: "chip".into(),
            topics: vec![data.topics[0].id.into()],
            certainties: vec![Certainty::Reported],
            ..Filters::default()
        },
        Filters {
            parties: vec![data.parties[1].id.into()],
            sources: vec![data.sources[0].id.into()],
            from: YearMonth::parse("2022"),
            ..Filters::default()
        },
    ];
    let leaves = |state: Filters| filter::run(&data, &index, &state, Order::Asc).events.len();
    for state in states {
        let facets = filter::run(&data, &index, &state, Order::Asc).facets;
        for (k, p) in data.parties.iter().enumerate() {
            let chosen = leaves(Filters {
                parties: vec![p.id.into()],
                ..state.clone()
            });
            assert_eq!(facets.parties[k], chosen, "party {} under {state:?}", p.id);
        }
        for (k, t) in data.topics.iter().enumerate() {
            let chosen = leaves(Filters {
                topics: vec![t.id.into()],
                ..state.clone()
            });
            assert_eq!(facets.topics[k], chosen, "topic {} under {state:?}", t.id);
        }
        for (k, s) in data.sources.iter().enumerate() {
            let chosen = leaves(Filters {
                sources: vec![s.id.into()],
                ..state.clone()
            });
            assert_eq!(facets.sources[k], chosen, "source {} under {state:?}", s.id);
        }
        for (k, c) in Certainty::ALL.into_iter().enumerate() {
            let chosen = leaves(Filters {
                certainties: vec![c],
                ..state.clone()
            });
            assert_eq!(facets.certainties[k], chosen, "certainty {c:?} under {state:?}");
        }
    }
}

#[test]
fn empty_results_say_what_each_filter_removal_would_give() {
    let index = SearchIndex::new(&FIXTURE);
    let state = Filters {
        q: "TPUs".into(),
        topics: vec!["money".into()],
        ..Filters::default()
    };
    let outcome = filter::run(&FIXTURE, &index, &state, Order::Asc);
    assert!(outcome.events.is_empty());
    assert_eq!(
        outcome.facets.without,
        [(FilterKind::Search, 2), (FilterKind::Topic, 1)]
    );
}

#[test]
fn clearing_a_filter_kind_removes_only_it() {
    let mut state = Filters {
        q: "x".into(),
        parties: vec!["openai".into()],
        ..Filters::default()
    };
    FilterKind::Party.clear(&mut state);
    assert!(state.parties.is_empty());
    assert_eq!(state.q, "x");
    state.clear();
    assert!(state.is_empty());
}

#[test]
fn active_filters_are_described_in_words() {
    let state = Filters {
        q: " azure ".into(),
        from: YearMonth::parse("2019"),
        parties: vec!["amazon".into(), "openai".into()],
        certainties: vec![Certainty::Reported],
        ..Filters::default()
    };
    assert_eq!(
        filter::describe(&FIXTURE, &state),
        [
            "search \"azure\"",
            "from 2019",
            "parties: Amazon, OpenAI",
            "certainty: Reported"
        ]
    );
    assert!(filter::describe(&FIXTURE, &Filters::default()).is_empty());
}

/// The fixture plus an event no source dates, stored last as the loader
/// stores undated events, and an alias for the AWS event.
fn with_undated() -> pactline::model::Dataset {
    use pactline::model::{Event, When};
    static EVENTS: std::sync::OnceLock<Vec<Event>> = std::sync::OnceLock::new();
    let events = EVENTS.get_or_init(|| {
        let mut events: Vec<Event> = FIXTURE
            .events
            .iter()
            .map(|e| Event {
                aliases: if e.id == "aws-2026" { &["aws-old-id"] } else { &[] },
                resolution: None,
                ..*e
            })
            .collect();
        events.push(Event {
            id: "no-date",
            date: When::Undated("No source dates it."),
            resolution: None,
            ..FIXTURE.events[0]
        });
        events
    });
    pactline::model::Dataset { events, ..FIXTURE }
}

#[test]
fn an_undated_event_is_listed_last_in_either_order_and_in_no_date_range() {
    let data = with_undated();
    let index = SearchIndex::new(&data);
    let run = |filters: &Filters, order: Order| -> Vec<&str> {
        filter::run(&data, &index, filters, order)
            .events
            .iter()
            .map(|&i| data.events[i].id)
            .collect()
    };
    assert_eq!(run(&Filters::default(), Order::Asc).last(), Some(&"no-date"));
    assert_eq!(
        run(&Filters::default(), Order::Desc),
        ["tpu-2027", "aws-2026", "o1-2024", "deal-2019", "no-date"]
    );
    let ranged = Filters {
        from: Some(YearMonth::year(2019)),
        ..Filters::default()
    };
    assert!(!run(&ranged, Order::Asc).contains(&"no-date"));
}

#[test]
fn an_old_event_id_opens_the_event_it_became() {
    let data = with_undated();
    let (state, ignored) = ViewState::parse("event=aws-old-id", &data);
    assert!(ignored.is_empty(), "{ignored:?}");
    // The state, and so the URL written back, names the event's id.
    assert_eq!(state.timeline.event.as_deref(), Some("aws-2026"));
    assert!(state.to_query().contains("event=aws-2026"));
}

#[test]
fn the_key_filter_keeps_only_key_events_and_counts_what_it_hides() {
    let filters = Filters {
        key: true,
        ..Filters::default()
    };
    assert_eq!(ids(&filters), ["deal-2019", "aws-2026"]);
    let outcome = pactline::filter::run(&FIXTURE, &SearchIndex::new(&FIXTURE), &filters, Order::Asc);
    assert_eq!(outcome.facets.without, [(pactline::filter::FilterKind::Key, 4)]);
    assert_eq!(pactline::filter::describe(&FIXTURE, &filters), ["key events only"]);
}

#[test]
fn sorting_by_title_or_certainty_keeps_direct_and_indirect_matches_apart() {
    use pactline::chronology::{self, Row};
    use pactline::state::Sort;
    let ids = |events: &[usize]| events.iter().map(|&i| FIXTURE.events[i].id).collect::<Vec<_>>();
    // All four events, the last one as if it matched only through a name.
    let mut events = vec![0, 1, 2, 3];
    chronology::sort(FIXTURE.events, &mut events, 3, Sort::Title, Order::Asc);
    // "AWS…", "Microsoft…", "Reasoning…" (folded), then the indirect one.
    assert_eq!(ids(&events), ["aws-2026", "deal-2019", "o1-2024", "tpu-2027"]);
    chronology::sort(FIXTURE.events, &mut events, 3, Sort::Title, Order::Desc);
    assert_eq!(ids(&events), ["o1-2024", "deal-2019", "aws-2026", "tpu-2027"]);
    let mut events = vec![0, 1, 2, 3];
    chronology::sort(FIXTURE.events, &mut events, 4, Sort::Certainty, Order::Asc);
    // Reported first, keeping date order among equals.
    assert_eq!(ids(&events), ["deal-2019", "aws-2026", "o1-2024", "tpu-2027"]);
    // By date, nothing moves.
    let mut events = vec![2, 0];
    chronology::sort(FIXTURE.events, &mut events, 2, Sort::Date, Order::Desc);
    assert_eq!(events, [2, 0]);
    assert_eq!(
        chronology::plain_rows(&[1, 0, 3], 2),
        [Row::Event(1), Row::Event(0), Row::Indirect, Row::Event(3)]
    );
}
