//! Every change a reader can make to the view, one rule each: choosing and
//! clearing filters, picking versions (the other side never moves), stepping through
//! changed clauses, expanding an event; and the list's rows.

use crate::fixture::FIXTURE;
use pactline::chronology::{self, Row};
use pactline::model::Certainty;
use pactline::state::{Comparison, Facet, Filters, Side, Timeline, YearMonth};

#[test]
fn choosing_an_option_twice_clears_it_and_other_kinds_stay() {
    let mut f = Filters {
        q: "azure".into(),
        ..Filters::default()
    };
    f.toggle(Facet::Party, "amazon");
    f.toggle(Facet::Party, "openai");
    assert!(f.is_chosen(Facet::Party, "amazon") && f.is_chosen(Facet::Party, "openai"));
    f.toggle(Facet::Party, "amazon");
    assert_eq!(f.chosen(Facet::Party), ["openai"]);
    f.toggle_certainty(Certainty::Analysis);
    f.toggle_certainty(Certainty::Analysis);
    assert!(f.certainties.is_empty());
    assert_eq!(f.q, "azure");
    assert!(!f.is_empty());
    f.clear();
    assert!(f.is_empty());
    // Blank search text narrows nothing.
    let blank = Filters {
        q: "   ".into(),
        ..Filters::default()
    };
    assert!(blank.is_empty());
}

#[test]
fn a_year_is_shown_alone_and_clicked_again_shows_every_year() {
    let mut f = Filters::default();
    f.toggle_year(2025);
    assert_eq!(
        (f.from, f.to),
        (Some(YearMonth::year(2025)), Some(YearMonth::year(2025)))
    );
    f.toggle_year(2026);
    assert_eq!(f.from, Some(YearMonth::year(2026)));
    f.toggle_year(2026);
    assert_eq!((f.from, f.to), (None, None));
}

#[test]
fn one_event_is_expanded_at_a_time() {
    let mut t = Timeline::default();
    t.toggle_event("a");
    t.toggle_event("b");
    assert_eq!(t.event.as_deref(), Some("b"));
    t.toggle_event("b");
    assert_eq!(t.event, None);
}

#[test]
fn picking_a_version_never_moves_the_other_side() {
    // The fixture's versions: 2019, 2025, 2026.
    let mut c = Comparison::default();
    assert_eq!(c.versions(&FIXTURE), Some(("2019", "2026")));
    c.pick(&FIXTURE, Side::A, "2026");
    assert_eq!(c.versions(&FIXTURE), Some(("2026", "2026")));
    c.pick(&FIXTURE, Side::B, "2019");
    assert_eq!(c.versions(&FIXTURE), Some(("2026", "2019")));
    // An unknown id changes nothing.
    c.pick(&FIXTURE, Side::A, "1999");
    assert_eq!(c.versions(&FIXTURE), Some(("2026", "2019")));
}

#[test]
fn swapping_and_the_previous_version() {
    let mut c = Comparison {
        a: Some("2019".into()),
        b: Some("2025".into()),
        ..Comparison::default()
    };
    c.swap(&FIXTURE);
    assert_eq!(c.versions(&FIXTURE), Some(("2025", "2019")));
    // B is 2019, the first: it has no previous version.
    assert_eq!(c.previous(&FIXTURE), None);
    c.pick(&FIXTURE, Side::B, "2026");
    assert_eq!(c.previous(&FIXTURE), Some("2025"));
}

#[test]
fn a_reversed_pair_is_kept_and_an_unknown_side_takes_its_default() {
    let reversed = Comparison {
        a: Some("2026".into()),
        b: Some("2019".into()),
        ..Comparison::default()
    };
    assert_eq!(reversed.versions(&FIXTURE), Some(("2026", "2019")));
    let unknown = Comparison {
        b: Some("3000".into()),
        ..Comparison::default()
    };
    assert_eq!(unknown.versions(&FIXTURE), Some(("2019", "2026")));
}

#[test]
fn stepping_visits_changed_clauses_in_row_order_and_stops_at_the_ends() {
    // 2019 → 2026 changes cloud, revenue, security, agi and licence;
    // hardware is first stated in 2025 and board never.
    let mut c = Comparison::default();
    let forward: Vec<_> = std::iter::from_fn(|| c.step(&FIXTURE, true)).collect();
    assert_eq!(forward, ["cloud", "revenue", "security", "agi", "licence"]);
    assert_eq!(c.clause.as_deref(), Some("licence"));
    assert_eq!(c.changed_clause(&FIXTURE, true), None);
    assert_eq!(c.step(&FIXTURE, false), Some("agi"));
    // From an unchanged clause, the nearest changed one either way.
    let from_hardware = Comparison {
        clause: Some("hardware".into()),
        ..Comparison::default()
    };
    assert_eq!(from_hardware.changed_clause(&FIXTURE, false), Some("agi"));
    assert_eq!(from_hardware.changed_clause(&FIXTURE, true), Some("licence"));
    // 2025 → 2026 leaves security unchanged, so it is skipped.
    let later = Comparison {
        a: Some("2025".into()),
        clause: Some("revenue".into()),
        ..Comparison::default()
    };
    assert_eq!(later.changed_clause(&FIXTURE, true), Some("agi"));
}

#[test]
fn rows_head_each_year_mark_today_and_list_undated_last() {
    let all = FIXTURE.events; // 2019, Sep 2024, Mar 2026, 2027
    let today = 20_260_601;
    assert_eq!(
        chronology::rows(all, &[0, 1, 2, 3], 4, today),
        [
            Row::Year(2019),
            Row::Event(0),
            Row::Year(2024),
            Row::Event(1),
            Row::Year(2026),
            Row::Event(2),
            Row::Today,
            Row::Year(2027),
            Row::Event(3),
        ]
    );
    // Newest first, the line sits between the future and the past.
    assert_eq!(
        chronology::rows(all, &[3, 2], 2, today),
        [
            Row::Year(2027),
            Row::Event(3),
            Row::Today,
            Row::Year(2026),
            Row::Event(2)
        ]
    );
}

#[test]
fn rows_list_events_matched_only_through_a_name_last_under_their_own_heading() {
    let all = FIXTURE.events; // 2019, Sep 2024, Mar 2026, 2027
    let today = 20_260_601;
    // 2026 matched in its own text; 2019 and 2027 only through a name, so
    // their years do not start the year headings again.
    assert_eq!(
        chronology::rows(all, &[2, 0, 3], 1, today),
        [
            Row::Year(2026),
            Row::Event(2),
            Row::Indirect,
            Row::Event(0),
            Row::Event(3),
        ]
    );
    assert_eq!(
        chronology::rows(all, &[0, 3], 0, today),
        [Row::Indirect, Row::Event(0), Row::Event(3)]
    );
}

#[test]
fn the_axis_spans_from_2019_and_counts_dated_events_per_year() {
    let span = chronology::year_span(FIXTURE.events);
    assert_eq!(span, (2019, 2027));
    let counts = chronology::per_year(FIXTURE.events, 0..FIXTURE.events.len(), span);
    assert_eq!(counts, [1, 0, 0, 0, 0, 1, 0, 1, 1]);
}
