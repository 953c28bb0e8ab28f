//! The matching events, as cards under year headings or as a table, a page
//! at a time, and what to show when nothing matches.

use super::event::{EventRow, EventTableRow};
use crate::app::hooks;
use crate::app::use_app;
use crate::chronology::{self, Row};
use crate::filter::{Outcome, PAGE};
use crate::state::{Filters, Layout, Order, Sort};
use leptos::html;
use leptos::prelude::*;

/// Chooses cards or a table for the events.
#[component]
pub fn LayoutSwitch() -> impl IntoView {
    let app = use_app();
    let layout = Memo::new(move |_| app.timeline.with(|t| t.layout));
    let button = move |choice: Layout, label: &'static str| {
        view! {
            <button
                type="button"
                aria-pressed=move || (layout.get() == choice).to_string()
                on:click=move |_| app.edit(|s| s.timeline.layout = choice)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="layout-switch" role="group" aria-label="Show events as">
            {button(Layout::List, "Cards")}
            {button(Layout::Table, "Table")}
        </div>
    }
}

/// The matching events grouped by year, with the "today" line, rendered a
/// page at a time.
#[component]
pub fn EventList(outcome: Memo<Outcome>, terms: Memo<Vec<String>>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let today = app.today;
    let limit = RwSignal::new(if app.prerendered { usize::MAX } else { PAGE });
    // Paper gets every match, not the page the screen has loaded, and no
    // "Show more" button.
    Effect::new(move |_| {
        if app.printing.get() {
            limit.set(outcome.with_untracked(|o| o.events.len()));
        }
    });
    // A new search or filter starts again from the first page.
    Effect::watch(move || outcome.track(), move |_, _, _| limit.set(PAGE), false);
    let expanded = Memo::new(move |_| app.timeline.with(|t| t.event.clone()));

    let sorting = Memo::new(move |_| app.timeline.with(|t| (t.sort, t.order)));
    // The filter gives date order; another sort re-sorts all the matches
    // before a page of them is taken.
    let sorted = Memo::new(move |_| {
        let (sort, order) = sorting.get();
        outcome.with(|o| {
            let mut events = o.events.clone();
            chronology::sort(data.events, &mut events, o.direct, sort, order);
            (events, o.direct)
        })
    });
    let rows = Memo::new(move |_| {
        sorted.with(|(events, direct)| {
            // An expanded event deep in the list must still be rendered.
            let needed = expanded.with(|id| {
                id.as_deref()
                    .and_then(|id| events.iter().position(|&i| data.events[i].id == id))
                    .map_or(0, |p| p + 1)
            });
            let shown = &events[..events.len().min(limit.get().max(needed))];
            match sorting.get().0 {
                Sort::Date => chronology::rows(data.events, shown, *direct, today),
                _ => chronology::plain_rows(shown, *direct),
            }
        })
    });
    let remaining = Memo::new(move |_| outcome.with(|o| o.events.len()).saturating_sub(limit.get()));
    let any = Memo::new(move |_| outcome.with(|o| !o.events.is_empty()));
    let layout = Memo::new(move |_| app.timeline.with(|t| t.layout));

    // Load the next page as the end of the list comes near the screen.
    let sentinel: NodeRef<html::Div> = NodeRef::new();
    hooks::use_near_screen(sentinel, "600px", move || {
        let more = remaining.get_untracked() > 0;
        if more {
            limit.update(|l| *l += PAGE);
        }
        more
    });

    let list = view! {
        <Show when=move || any.get() fallback=move || view! { <EmptyResults outcome /> }>
            <div class="event-list">
                {move || match layout.get() {
                    Layout::List => view! { <EventCards rows terms today /> }.into_any(),
                    Layout::Table => view! { <EventTable rows terms today /> }.into_any(),
                }}
                <Show when=move || { remaining.get() > 0 }>
                    <button type="button" class="show-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                        {move || format!("Show {} more of {} remaining", PAGE.min(remaining.get()), remaining.get())}
                    </button>
                </Show>
                <div node_ref=sentinel class="sentinel" aria-hidden="true"></div>
            </div>
        </Show>
    };
    // Only a first screen rendered at build time has the line saying where
    // its list stops, so the browser's build leaves its code out.
    #[cfg(feature = "prerender")]
    return view! {
        {list}
        {crate::app::widgets::first_screen_rest(move || {
            let rest = outcome.with_untracked(|o| o.events.len()).saturating_sub(PAGE);
            (rest > 0).then(|| format!("The other {rest} events appear once Pactline has loaded."))
        })}
    };
    #[cfg(not(feature = "prerender"))]
    list
}

/// The line between what has happened and what has not.
const TODAY: &str = "Today — what follows has not happened yet";

/// The heading of the events a search matched only through a name.
const INDIRECT: &str = "Matched only through a party or topic name";

/// The events as cards under year headings.
#[component]
fn EventCards(rows: Memo<Vec<Row>>, terms: Memo<Vec<String>>, today: u32) -> impl IntoView {
    view! {
        <div class="event-cards">
            <For
                each=move || rows.get()
                key=|row| *row
                children=move |row| match row {
                    Row::Year(year) => {
                        let future = year as u32 * 10_000 > today;
                        view! {
                            <h3 class="year-heading" class:future=future id=format!("year-{year}")>
                                {year}
                            </h3>
                        }
                            .into_any()
                    }
                    Row::Undated => {
                        view! {
                            <h3 class="year-heading undated" id="year-undated">
                                "Undated"
                            </h3>
                        }
                            .into_any()
                    }
                    Row::Indirect => {
                        view! {
                            <h3 class="year-heading indirect" id="matched-by-name">
                                {INDIRECT}
                            </h3>
                        }
                            .into_any()
                    }
                    Row::Event(i) => view! { <EventRow index=i terms today /> }.into_any(),
                    Row::Today => {
                        view! {
                            <p class="today-line" role="separator">
                                <span>{TODAY}</span>
                            </p>
                        }
                            .into_any()
                    }
                }
            />
        </div>
    }
}

/// The events as a table, one row per event: for scanning, for printing,
/// and for screen readers that move by row and column.
#[component]
fn EventTable(rows: Memo<Vec<Row>>, terms: Memo<Vec<String>>, today: u32) -> impl IntoView {
    let data = use_app().data;
    // A year's row spans the table as a data cell, not a header: a header
    // there would claim the columns' cells for itself, and every column
    // header would then name no data cells of its own.
    let heading = |text: String| {
        view! {
            <tr class="year-row">
                <td colspan="6">
                    <strong>{text}</strong>
                </td>
            </tr>
        }
        .into_any()
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Events table">
        <table class="event-table">
            <caption class="visually-hidden">"Events, one per row, in the order chosen"</caption>
            <thead>
                <tr>
                    <SortHeader sort=Sort::Date label="Date" />
                    <SortHeader sort=Sort::Title label="Event" />
                    <SortHeader sort=Sort::Certainty label="Certainty" />
                    <th scope="col">"Parties"</th>
                    <th scope="col">"Key figure"</th>
                    <th scope="col">"Sources"</th>
                </tr>
            </thead>
            <tbody>
                <For
                    each=move || rows.get()
                    key=|row| *row
                    children=move |row| match row {
                        Row::Year(year) => heading(year.to_string()),
                        Row::Undated => heading("Undated".to_string()),
                        Row::Indirect => heading(INDIRECT.to_string()),
                        Row::Event(i) => view! { <EventTableRow event=&data.events[i] terms today /> }.into_any(),
                        Row::Today => {
                            view! {
                                <tr class="today-row">
                                    <td colspan="6">{TODAY}</td>
                                </tr>
                            }
                                .into_any()
                        }
                    }
                />
            </tbody>
        </table>
        </div>
    }
}

/// A column header that sorts the table by its column: pressed again, the
/// other way round. `aria-sort` tells screen readers which column sorts.
#[component]
fn SortHeader(sort: Sort, label: &'static str) -> impl IntoView {
    let app = use_app();
    let state = Memo::new(move |_| app.timeline.with(|t| (t.sort == sort).then_some(t.order)));
    view! {
        <th
            scope="col"
            aria-sort=move || match state.get() {
                Some(Order::Asc) => "ascending",
                Some(Order::Desc) => "descending",
                None => "none",
            }
        >
            <button
                type="button"
                class="sort-button"
                data-testid=format!("sort-{}", label.to_ascii_lowercase())
                on:click=move |_| {
                    app.edit(|s| {
                        let t = &mut s.timeline;
                        t.order = match (t.sort == sort, t.order) {
                            (true, Order::Asc) => Order::Desc,
                            (true, Order::Desc) | (false, _) => Order::Asc,
                        };
                        t.sort = sort;
                    })
                }
            >
                // The arrow is drawn by CSS from `aria-sort`.
                {label}
            </button>
        </th>
    }
}

/// What to show when nothing matches: which filters exclude everything, each
/// with a button that removes it and says how many events that would bring.
#[component]
fn EmptyResults(outcome: Memo<Outcome>) -> impl IntoView {
    let app = use_app();
    let without = move || outcome.with(|o| o.facets.without.clone());
    view! {
        <div class="empty" data-testid="empty-results">
            <p><strong>"No events match these filters."</strong></p>
            <ul class="remove-filters">
                {move || {
                    without()
                        .into_iter()
                        .map(|(kind, n)| {
                            view! {
                                <li>
                                    <button type="button" on:click=move |_| app.edit_filters(|f| kind.clear(f))>
                                        {format!("Remove the {} filter ({n} events)", kind.label())}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <button type="button" on:click=move |_| app.edit_filters(Filters::clear)>
                "Clear all filters"
            </button>
        </div>
    }
}
