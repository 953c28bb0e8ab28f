//! Generated datasets: deterministic, sized as asked, and usable by filters.

use crate::fixture::FIXTURE;
use pactline::filter::{self, SearchIndex};
use pactline::state::{Filters, Order};
use pactline::synthetic;

#[test]
fn the_same_size_always_gives_the_same_events() {
    assert_eq!(synthetic::events(&FIXTURE, 50), synthetic::events(&FIXTURE, 50));
}

#[test]
fn a_synthetic_dataset_has_the_requested_events_in_date_order() {
    let data = synthetic::dataset(&FIXTURE, 1_000);
    assert_eq!(data.events.len(), 1_000);
    assert!(
        data.events
            .windows(2)
            .all(|w| w[0].date.sort_key() <= w[1].date.sort_key())
    );
    assert_eq!(data.clauses.len(), FIXTURE.clauses.len());
}

#[test]
fn synthetic_events_can_be_searched_and_filtered() {
    let data = synthetic::dataset(&FIXTURE, 2_000);
    let index = SearchIndex::new(&data);
    let all = filter::run(&data, &index, &Filters::default(), Order::Asc).events.len();
    let amazon = filter::run(
        &data,
        &index,
        &Filters {
            q: "amazon".into(),
            ..Filters::default()
        },
        Order::Asc,
    )
    .events
    .len();
    assert_eq!(all, 2_000);
    assert!(amazon > 0 && amazon < all);
}

#[test]
fn some_synthetic_titles_carry_markup_to_prove_it_stays_text() {
    let events = synthetic::events(&FIXTURE, 200);
    assert_eq!(
        events.iter().filter(|e| e.title.ends_with(synthetic::HOSTILE)).count(),
        2
    );
}
