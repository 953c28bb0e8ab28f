//! How the timeline lays events out in time: the years it spans, how many
//! events fall in each, and the list's rows (year headings, the line
//! between what has happened and what has not, the undated events, and the
//! events a search matched only through a name).

use crate::model::Event;
use crate::state::{Order, Sort};
use crate::text;

/// The first and last year the timeline shows: from 2019 (or earlier data)
/// to the last dated event's year, predictions included.
pub fn year_span(events: &[Event]) -> (u16, u16) {
    let years = || events.iter().filter_map(|e| e.date.date()).map(|d| d.year);
    let first = years().min().map_or(2019, |y| y.min(2019));
    let last = years().max().unwrap_or(first).max(first);
    (first, last)
}

/// How many of `events` (indexes into `all`) fall in each year from
/// `first` to `last`; undated events are in none.
pub fn per_year(all: &[Event], events: impl IntoIterator<Item = usize>, (first, last): (u16, u16)) -> Vec<usize> {
    let mut counts = vec![0; (last - first + 1) as usize];
    for i in events {
        if let Some(d) = all[i].date.date()
            && (first..=last).contains(&d.year)
        {
            counts[(d.year - first) as usize] += 1;
        }
    }
    counts
}

/// One row of the event list. Rows are compared by what they show, so a
/// keyed list keeps the DOM of an event that stays in the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Row {
    /// A year's heading.
    Year(u16),
    /// The heading of the events no source dates, listed last.
    Undated,
    /// An event, by index into the dataset's events.
    Event(usize),
    /// The line between the past and the future.
    Today,
    /// The heading of the events a search matched only through a party's
    /// or topic's name, listed after those it matched in their own text.
    Indirect,
}

/// Whether the event lies after `today` (`YYYYMMDD`); an undated one never does.
pub fn is_future(event: &Event, today: u32) -> bool {
    event.date.date().is_some_and(|d| d.sort_key() > today)
}

/// The list's rows for `shown` (indexes into `all`, in display order), of
/// which the first `direct` matched the search in their own text (see
/// [`Outcome`](crate::filter::Outcome)): for those, a heading whenever the
/// year changes, the "today" line wherever the list crosses from past to
/// future (either way), and the undated events last under a heading of
/// their own. The rest follow under [`Row::Indirect`], without year
/// headings, since their years start again from the first.
pub fn rows(all: &[Event], shown: &[usize], direct: usize, today: u32) -> Vec<Row> {
    let mut rows = Vec::with_capacity(shown.len() + 16);
    let (own_text, indirect) = shown.split_at(direct.min(shown.len()));
    let (mut year, mut future, mut undated) = (None, None, false);
    for &i in own_text {
        let Some(date) = all[i].date.date() else {
            if !undated {
                rows.push(Row::Undated);
                undated = true;
            }
            rows.push(Row::Event(i));
            continue;
        };
        let is_future = date.sort_key() > today;
        if future.is_some_and(|f| f != is_future) {
            rows.push(Row::Today);
        }
        if year != Some(date.year) {
            rows.push(Row::Year(date.year));
        }
        year = Some(date.year);
        future = Some(is_future);
        rows.push(Row::Event(i));
    }
    if !indirect.is_empty() {
        rows.push(Row::Indirect);
        rows.extend(indirect.iter().map(|&i| Row::Event(i)));
    }
    rows
}

/// The machine-readable form of a date for `<time datetime>`: `2025`,
/// `2025-10` or `2025-10-28`; a quarter gives its year, which HTML can say.
pub fn datetime(date: &crate::model::EventDate) -> String {
    use crate::model::Precision;
    match date.precision {
        Precision::Day => format!("{:04}-{:02}-{:02}", date.year, date.month, date.day),
        Precision::Month => format!("{:04}-{:02}", date.year, date.month),
        Precision::Quarter | Precision::Year => format!("{:04}", date.year),
    }
}

/// Re-sorts `shown` (indexes into `all`, the filter's order, of which the
/// first `direct` matched a search in their own text) by title or by
/// certainty, keeping the two groups apart; by date, leaves it be. Ties keep
/// their date order, so the sort is stable for a reader too.
pub fn sort(all: &[Event], shown: &mut [usize], direct: usize, sort: Sort, order: Order) {
    let direct = direct.min(shown.len());
    let (own_text, indirect) = shown.split_at_mut(direct);
    // Both sorts take a key of one type, so the wasm carries one sort.
    let key = |i: usize| match sort {
        Sort::Certainty => (all[i].certainty as u8, String::new()),
        _ => (0, text::fold(all[i].title)),
    };
    for group in [own_text, indirect] {
        if sort != Sort::Date {
            group.sort_by_cached_key(|&i| key(i));
        }
        if sort != Sort::Date && order == Order::Desc {
            group.reverse();
        }
    }
}

/// The list's rows when sorted other than by date: no year headings or
/// "today" line, which would break the sort into pieces.
pub fn plain_rows(shown: &[usize], direct: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = shown.iter().take(direct).map(|&i| Row::Event(i)).collect();
    if shown.len() > direct {
        rows.push(Row::Indirect);
        rows.extend(shown[direct..].iter().map(|&i| Row::Event(i)));
    }
    rows
}
