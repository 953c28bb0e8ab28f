//! The timeline: filters, the overview axis, and the events grouped by year.
//!
//! Only the first [`PAGE`] matching events are rendered, with more added as
//! the reader nears the end of the list, so a keystroke costs the same at
//! 100 events as at 100,000.

use super::checks::{CheckList, CorroborationBadge, shows_badge};
use super::use_app;
use super::widgets::{CertaintyBadge, ConflictClaims, Highlighted, Link, SourceCite, SourceList};
use crate::filter::{self, FilterKind, Outcome, PAGE};
use crate::model::{Certainty, ClaimRef, Event, EventDate, ResolutionStatus};
use crate::share;
use crate::text;
use crate::url_state::{Layout, Order, View, ViewState, YearMonth};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// The filters of a view state, with everything else at its default, so a
/// memo of it changes only when a filter does.
fn filters_of(s: &ViewState) -> ViewState {
    ViewState {
        q: s.q.clone(),
        from: s.from,
        to: s.to,
        parties: s.parties.clone(),
        topics: s.topics.clone(),
        certainties: s.certainties.clone(),
        sources: s.sources.clone(),
        order: s.order,
        ..ViewState::default()
    }
}

/// `YYYYMMDD` of today, to set what has happened apart from what has not.
fn today_key() -> u32 {
    let now = js_sys::Date::new_0();
    now.get_full_year() * 10_000 + (now.get_month() + 1) * 100 + now.get_date()
}

/// The timeline view.
#[component]
pub fn TimelineView() -> impl IntoView {
    let app = use_app();
    let filters = Memo::new(move |_| app.view.with(filters_of));
    let outcome = Memo::new(move |_| filters.with(|f| filter::run(app.data, app.index, f)));
    let terms = Signal::derive(move || filters.with(|f| text::terms(&f.q)));

    view! {
        <div class="timeline">
            <h2 class="visually-hidden">"Timeline"</h2>
            <FilterPanel outcome />
            <div class="results">
                <p class="count" data-testid="event-count" role="status" aria-live="polite" aria-atomic="true">
                    {move || {
                        let n = outcome.with(|o| o.events.len());
                        format!("{n} of {} events", app.data.events.len())
                    }}
                </p>
                <LayoutSwitch />
                <Axis outcome />
                <EventList outcome terms />
            </div>
        </div>
    }
}

/// Chooses cards or a table for the events.
#[component]
fn LayoutSwitch() -> impl IntoView {
    let app = use_app();
    let button = move |layout: Layout, label: &'static str| {
        view! {
            <button
                type="button"
                aria-pressed=move || app.view.with(|s| s.layout == layout).to_string()
                on:click=move |_| app.edit(|s| s.layout = layout)
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

/// Search, date range, facets with counts, order, and "Clear all".
#[component]
fn FilterPanel(outcome: Memo<Outcome>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let facets = Memo::new(move |_| outcome.with(|o| o.facets.clone()));
    let more_open = RwSignal::new(false);

    let party_options = data.parties.iter().enumerate().map(|(i, p)| {
        let id = p.id;
        let checked = Signal::derive(move || app.view.with(|s| s.parties.iter().any(|x| x == id)));
        let count = Signal::derive(move || facets.with(|f| f.parties[i]));
        view! {
            <FacetOption
                label=p.name
                checked
                count
                on_toggle=move || app.edit(|s| toggle(&mut s.parties, id))
            />
        }
    });
    let topic_options = data.topics.iter().enumerate().map(|(i, t)| {
        let id = t.id;
        let checked = Signal::derive(move || app.view.with(|s| s.topics.iter().any(|x| x == id)));
        let count = Signal::derive(move || facets.with(|f| f.topics[i]));
        view! {
            <FacetOption label=t.name checked count on_toggle=move || app.edit(|s| toggle(&mut s.topics, id)) />
        }
    });
    let certainty_options = Certainty::ALL.into_iter().enumerate().map(|(i, c)| {
        let checked = Signal::derive(move || app.view.with(|s| s.certainties.contains(&c)));
        let count = Signal::derive(move || facets.with(|f| f.certainties[i]));
        view! {
            <FacetOption
                label=c.label()
                checked
                count
                on_toggle=move || {
                    app.edit(|s| {
                        if let Some(pos) = s.certainties.iter().position(|x| *x == c) {
                            s.certainties.remove(pos);
                        } else {
                            s.certainties.push(c);
                        }
                    })
                }
            />
        }
    });
    let source_options = data.sources.iter().enumerate().map(|(i, src)| {
        let id = src.id;
        let checked = Signal::derive(move || app.view.with(|s| s.sources.iter().any(|x| x == id)));
        let count = Signal::derive(move || facets.with(|f| f.sources[i]));
        view! {
            <FacetOption label=src.title checked count on_toggle=move || app.edit(|s| toggle(&mut s.sources, id)) />
        }
    });

    view! {
        <aside class="filters" aria-label="Filters">
            <div class="search-box">
                <label for="search">"Search events"</label>
                <input
                    id="search"
                    type="search"
                    data-testid="search"
                    placeholder="e.g. exclusivity, $50B, Anthropic"
                    autocomplete="off"
                    aria-keyshortcuts="/"
                    prop:value=move || app.view.with(|s| s.q.clone())
                    on:input=move |ev| {
                        let q = event_target_value(&ev);
                        app.edit(|s| s.q = q);
                    }
                    spellcheck="false"
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        // Escape clears the search and hands the keys back to
                        // the list, so `j` moves between events again.
                        if ev.key() == "Escape" {
                            ev.stop_propagation();
                            app.edit(|s| s.q.clear());
                            let _ = event_target::<web_sys::HtmlInputElement>(&ev).blur();
                        }
                    }
                />
                <p class="hint">"Press " <kbd>"/"</kbd> " to search, " <kbd>"j"</kbd> "/" <kbd>"k"</kbd> " to move between events."</p>
            </div>
            // On a phone the filters fold away so the events come first.
            <button
                type="button"
                class="filters-toggle"
                aria-expanded=move || more_open.get().to_string()
                aria-controls="filter-more"
                on:click=move |_| more_open.update(|o| *o = !*o)
            >
                {move || {
                    let n = app.view.with(|s| FilterKind::ALL[1..].iter().filter(|k| k.is_active(s)).count());
                    if n == 0 { "More filters".to_string() } else { format!("More filters ({n} active)") }
                }}
            </button>
            <div id="filter-more" class="filter-more" class:open=move || more_open.get()>
            <DateRange />
            <div class="order">
                <label for="order">"Order"</label>
                <select
                    id="order"
                    on:change=move |ev| {
                        let desc = event_target_value(&ev) == "desc";
                        app.edit(|s| s.order = if desc { Order::Desc } else { Order::Asc });
                    }
                >
                    <option value="asc" selected=move || app.view.with(|s| s.order == Order::Asc)>
                        "Oldest first"
                    </option>
                    <option value="desc" selected=move || app.view.with(|s| s.order == Order::Desc)>
                        "Newest first"
                    </option>
                </select>
            </div>
            <fieldset class="facet">
                <legend>"Parties"</legend>
                {party_options.collect_view()}
            </fieldset>
            <fieldset class="facet">
                <legend>"Topics"</legend>
                {topic_options.collect_view()}
            </fieldset>
            <fieldset class="facet">
                <legend>"Certainty"</legend>
                {certainty_options.collect_view()}
            </fieldset>
            <fieldset class="facet">
                <legend>"Sources"</legend>
                {source_options.collect_view()}
            </fieldset>
            <button
                type="button"
                class="clear-all"
                data-testid="clear-all"
                disabled=move || app.view.with(|s| !s.has_filters())
                on:click=move |_| app.edit(ViewState::clear_filters)
            >
                "Clear all filters"
            </button>
            </div>
        </aside>
    }
}

/// Adds `id` to `list`, or removes it if present.
fn toggle(list: &mut Vec<String>, id: &str) {
    match list.iter().position(|x| x == id) {
        Some(pos) => {
            list.remove(pos);
        }
        None => list.push(id.to_string()),
    }
}

/// One checkbox of a facet, with the number of events it would leave.
#[component]
fn FacetOption(
    label: &'static str,
    checked: Signal<bool>,
    count: Signal<usize>,
    on_toggle: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="facet-option" class:empty=move || count.get() == 0 && !checked.get()>
            <input type="checkbox" prop:checked=checked on:change=move |_| on_toggle() />
            <span class="facet-label">{label}</span>
            <span class="facet-count" aria-label=move || format!("{} events", count.get())>
                {move || count.get()}
            </span>
        </label>
    }
}

/// From/To selectors, each a year and an optional month.
#[component]
fn DateRange() -> impl IntoView {
    let app = use_app();
    let (first, last) = year_span(app.data.events);
    let years: Vec<u16> = (first..=last).collect();
    let bound = move |which: Bound| {
        let get = move || {
            app.view.with(|s| match which {
                Bound::From => s.from,
                Bound::To => s.to,
            })
        };
        let set = move |value: Option<YearMonth>| {
            app.edit(|s| match which {
                Bound::From => s.from = value,
                Bound::To => s.to = value,
            })
        };
        let label = match which {
            Bound::From => "From",
            Bound::To => "To",
        };
        let year_id = format!("{}-year", label.to_lowercase());
        let month_id = format!("{}-month", label.to_lowercase());
        let year_options = years
            .iter()
            .map(|&y| {
                view! {
                    <option value=y.to_string() selected=move || get().is_some_and(|b| b.year == y)>
                        {y}
                    </option>
                }
            })
            .collect_view();
        let month_options = MONTH_NAMES
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let m = i as u8 + 1;
                view! {
                    <option value=m.to_string() selected=move || get().is_some_and(|b| b.month == Some(m))>
                        {*name}
                    </option>
                }
            })
            .collect_view();
        view! {
            <div class="bound">
                <label for=year_id.clone()>{label}</label>
                <select
                    id=year_id
                    on:change=move |ev| {
                        let year = event_target_value(&ev).parse::<u16>().ok();
                        set(year.map(|year| YearMonth { year, month: get().and_then(|b| b.month) }));
                    }
                >
                    <option value="" selected=move || get().is_none()>
                        "Any year"
                    </option>
                    {year_options}
                </select>
                <select
                    id=month_id
                    aria-label=format!("{label} month")
                    disabled=move || get().is_none()
                    on:change=move |ev| {
                        let month = event_target_value(&ev).parse::<u8>().ok();
                        if let Some(b) = get() {
                            set(Some(YearMonth { year: b.year, month }));
                        }
                    }
                >
                    <option value="" selected=move || get().is_none_or(|b| b.month.is_none())>
                        "Whole year"
                    </option>
                    {month_options}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="dates">
            <legend>"Dates"</legend>
            {bound(Bound::From)}
            {bound(Bound::To)}
        </fieldset>
    }
}

#[derive(Clone, Copy)]
enum Bound {
    From,
    To,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The first and last year the axis shows: from 2019 (or earlier data) to
/// the last event's year, predictions included.
fn year_span(events: &[Event]) -> (u16, u16) {
    let years = || events.iter().filter_map(|e| e.date.date()).map(|d| d.year);
    let first = years().min().map_or(2019, |y| y.min(2019));
    let last = years().max().unwrap_or(first).max(first);
    (first, last)
}

/// The overview axis: one bar per year, showing how many events match out
/// of how many there are. Clicking a year narrows the range to it.
#[component]
fn Axis(outcome: Memo<Outcome>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let (first, last) = year_span(data.events);
    let mut totals = vec![0usize; (last - first + 1) as usize];
    // Undated events have no bar: the list shows them under "Undated".
    for d in data.events.iter().filter_map(|e| e.date.date()) {
        totals[(d.year - first) as usize] += 1;
    }
    let max = totals.iter().copied().max().unwrap_or(1).max(1);
    let matched = Memo::new(move |_| {
        let mut counts = vec![0usize; (last - first + 1) as usize];
        outcome.with(|o| {
            o.events
                .iter()
                .filter_map(|&i| data.events[i].date.date())
                .for_each(|d| counts[(d.year - first) as usize] += 1)
        });
        counts
    });
    let this_year = (today_key() / 10_000) as u16;
    let bars = totals
        .into_iter()
        .enumerate()
        .map(|(i, total)| {
            let year = first + i as u16;
            let whole = YearMonth { year, month: None };
            let selected = move || app.view.with(|s| s.from == Some(whole) && s.to == Some(whole));
            let hits = move || matched.with(|m| m[i]);
            let (future, now) = (year > this_year, year == this_year);
            view! {
                <li class="axis-year" class:future=future class:now=now>
                    <button
                        type="button"
                        aria-pressed=move || selected().to_string()
                        aria-label=move || format!("{year}: {} of {total} events. Show only {year}", hits())
                        on:click=move |_| {
                            let narrow = !selected();
                            app.edit(|s| {
                                s.from = narrow.then_some(whole);
                                s.to = narrow.then_some(whole);
                            });
                        }
                    >
                        <span class="bar" style=format!("--total:{}%", total * 100 / max)>
                            <span
                                class="bar-hit"
                                style=move || format!("--hit:{}%", hits() * 100 / max)
                            ></span>
                        </span>
                        <span class="axis-label">{year}</span>
                        <span class="axis-count">{hits}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="axis" aria-label="Years">
            <ol>{bars}</ol>
            <p class="axis-legend">
                "Bars show matching events per year; the dashed years are still ahead. Click a year to show only it."
            </p>
        </nav>
    }
}

/// A row of the list: a year heading, an event, or the line between past
/// and future. Rows are keyed by what they show, so an event that stays in
/// the results keeps its DOM across keystrokes.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Item {
    Year(u16),
    /// The heading of the events no source dates, listed last.
    Undated,
    Event(usize),
    Today,
}

/// The matching events grouped by year, with the "today" line, rendered a
/// page at a time.
#[component]
fn EventList(outcome: Memo<Outcome>, terms: Signal<Vec<String>>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let today = today_key();
    let limit = RwSignal::new(PAGE);
    // A new search or filter starts again from the first page.
    Effect::watch(move || outcome.track(), move |_, _, _| limit.set(PAGE), false);

    let rows = Memo::new(move |_| {
        // An expanded event deep in the list must still be rendered.
        let expanded = app.view.with(|s| s.event.clone());
        outcome.with(|o| {
            let needed = expanded
                .and_then(|id| o.events.iter().position(|&i| data.events[i].id == id))
                .map_or(0, |p| p + 1);
            let shown = &o.events[..o.events.len().min(limit.get().max(needed))];
            let mut rows = Vec::with_capacity(shown.len() + 16);
            let (mut year, mut future, mut undated) = (None, None, false);
            for &i in shown {
                // Undated events come last in either order, under one heading.
                let Some(date) = data.events[i].date.date() else {
                    if !undated {
                        rows.push(Item::Undated);
                        undated = true;
                    }
                    rows.push(Item::Event(i));
                    continue;
                };
                let is_future = date.sort_key() > today;
                if future.is_some_and(|f| f != is_future) {
                    rows.push(Item::Today);
                }
                if year != Some(date.year) {
                    rows.push(Item::Year(date.year));
                }
                year = Some(date.year);
                future = Some(is_future);
                rows.push(Item::Event(i));
            }
            rows
        })
    });
    let remaining = move || outcome.with(|o| o.events.len()).saturating_sub(limit.get());

    let sentinel: NodeRef<html::Div> = NodeRef::new();
    // Load the next page as the end of the list comes near the screen.
    Effect::new(move |_| {
        let Some(el) = sentinel.get() else { return };
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if near {
                limit.update(|l| *l += PAGE);
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("600px");
        if let Ok(observer) =
            web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options)
        {
            observer.observe(&el);
            // The observer lives as long as the list; the closure must too.
            callback.forget();
            on_cleanup(move || observer.disconnect());
        }
    });

    view! {
        <Show when=move || outcome.with(|o| !o.events.is_empty()) fallback=move || view! { <EmptyResults outcome /> }>
            <div class="event-list">
                {move || match app.view.with(|s| s.layout) {
                    Layout::List => view! { <EventCards rows terms today /> }.into_any(),
                    Layout::Table => view! { <EventTable rows terms today /> }.into_any(),
                }}
                <Show when=move || { remaining() > 0 }>
                    <button type="button" class="show-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                        {move || format!("Show {} more of {} remaining", PAGE.min(remaining()), remaining())}
                    </button>
                </Show>
                <div node_ref=sentinel class="sentinel" aria-hidden="true"></div>
            </div>
        </Show>
    }
}

/// The events as cards under year headings.
#[component]
fn EventCards(rows: Memo<Vec<Item>>, terms: Signal<Vec<String>>, today: u32) -> impl IntoView {
    let data = use_app().data;
    view! {
        <div class="event-cards">
            <For
                each=move || rows.get()
                key=|item| *item
                children=move |item| match item {
                    Item::Year(year) => {
                        let future = year as u32 * 10_000 > today;
                        view! {
                            <h3 class="year-heading" class:future=future id=format!("year-{year}")>
                                {year}
                            </h3>
                        }
                            .into_any()
                    }
                    Item::Undated => {
                        view! {
                            <h3 class="year-heading undated" id="year-undated">
                                "Undated"
                            </h3>
                        }
                            .into_any()
                    }
                    Item::Event(i) => view! { <EventRow event=&data.events[i] terms today /> }.into_any(),
                    Item::Today => {
                        view! {
                            <p class="today-line" role="separator">
                                <span>"Today — what follows has not happened yet"</span>
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
fn EventTable(rows: Memo<Vec<Item>>, terms: Signal<Vec<String>>, today: u32) -> impl IntoView {
    let data = use_app().data;
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Events table">
        <table class="event-table">
            <caption class="visually-hidden">"Events, one per row, in the order chosen"</caption>
            <thead>
                <tr>
                    <th scope="col">"Date"</th>
                    <th scope="col">"Event"</th>
                    <th scope="col">"Certainty"</th>
                    <th scope="col">"Parties"</th>
                    <th scope="col">"Key figure"</th>
                    <th scope="col">"Sources"</th>
                </tr>
            </thead>
            <tbody>
                <For
                    each=move || rows.get()
                    key=|item| *item
                    children=move |item| match item {
                        Item::Year(year) => {
                            view! {
                                <tr class="year-row">
                                    <th colspan="6" scope="colgroup">
                                        {year}
                                    </th>
                                </tr>
                            }
                                .into_any()
                        }
                        Item::Undated => {
                            view! {
                                <tr class="year-row">
                                    <th colspan="6" scope="colgroup">
                                        "Undated"
                                    </th>
                                </tr>
                            }
                                .into_any()
                        }
                        Item::Event(i) => view! { <EventTableRow event=&data.events[i] terms today /> }.into_any(),
                        Item::Today => {
                            view! {
                                <tr class="today-row">
                                    <td colspan="6">"Today — what follows has not happened yet"</td>
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

/// One event as a table row, with its details in a row below when expanded.
#[component]
fn EventTableRow(event: &'static Event, terms: Signal<Vec<String>>, today: u32) -> impl IntoView {
    let id = event.id;
    let expanded = expansion(id);
    let body_id = format!("event-body-{id}");
    let future = is_future(event, today);
    let parties = party_names(event);
    let sources = event.sources.to_vec();
    view! {
        <tr
            class="event-row"
            id=format!("event-{id}")
            data-testid="event"
            data-event-id=id
            class:future=future
            class:expanded=expanded
        >
            <td class="event-date">{event.date.to_string()}</td>
            <th scope="row">
                <EventToggle id expanded body_id=body_id.clone()>
                    <Highlighted text=event.title terms />
                </EventToggle>
            </th>
            <td>
                <CertaintyBadge certainty=event.certainty />
            </td>
            <td>{parties}</td>
            <td class="key-figure">{event.figures.first().map(|f| f.display)}</td>
            <td>
                <SourceList ids=sources />
            </td>
        </tr>
        <Show when=move || expanded.get()>
            <tr class="event-details-row">
                <td colspan="6">
                    <EventDetails event terms body_id=body_id.clone() />
                </td>
            </tr>
        </Show>
    }
}

/// Whether the event lies ahead of `today`; an undated one never does.
fn is_future(event: &Event, today: u32) -> bool {
    event.date.date().is_some_and(|d| d.sort_key() > today)
}

/// The names of an event's parties, comma-separated.
fn party_names(event: &Event) -> String {
    let data = use_app().data;
    event
        .parties
        .iter()
        .filter_map(|p| data.party(p))
        .map(|p| p.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the event with this id is the expanded one.
fn expansion(id: &'static str) -> Memo<bool> {
    let app = use_app();
    Memo::new(move |_| app.view.with(|s| s.event.as_deref() == Some(id)))
}

/// The button that expands or collapses an event in place (one expanded
/// event at a time, kept in `event=`).
#[component]
fn EventToggle(id: &'static str, expanded: Memo<bool>, body_id: String, children: Children) -> impl IntoView {
    let app = use_app();
    view! {
        <button
            type="button"
            class="event-toggle"
            aria-expanded=move || expanded.get().to_string()
            aria-controls=body_id
            on:click=move |_| {
                let open = !expanded.get_untracked();
                app.edit(|s| s.event = open.then(|| id.to_string()));
            }
        >
            {children()}
        </button>
    }
}

/// One event: a heading that expands it in place, and its details.
#[component]
fn EventRow(event: &'static Event, terms: Signal<Vec<String>>, today: u32) -> impl IntoView {
    let app = use_app();
    let id = event.id;
    let expanded = expansion(id);
    let body_id = format!("event-body-{id}");
    let key_figure = event.figures.first().map(|f| {
        let claim = ClaimRef::Figure(event.id, 0);
        view! {
            <span class="key-figure" title=f.label>
                {f.display}
            </span>
            {shows_badge(claim).then(|| view! { <CorroborationBadge claim /> })}
        }
    });
    let resolution = event.resolution.as_ref().map(
        |r| view! { <span class=format!("badge resolution resolution-{}", r.status.id())>{r.status.label()}</span> },
    );
    let parties = party_names(event);
    let topics = event
        .topics
        .iter()
        .filter_map(|t| app.data.topic(t))
        .map(|t| view! { <span class="tag">{t.name}</span> })
        .collect_view();
    let future = is_future(event, today);
    view! {
        <article
            class="event"
            id=format!("event-{id}")
            data-testid="event"
            data-event-id=id
            class:expanded=expanded
            class:future=future
        >
                <h4 class="event-heading">
                    <EventToggle id expanded body_id=body_id.clone()>
                        <time class="event-date">{event.date.to_string()}</time>
                        <span class="event-title">
                            <Highlighted text=event.title terms />
                        </span>
                    </EventToggle>
                </h4>
                <p class="event-meta">
                    <CertaintyBadge certainty=event.certainty />
                    {resolution}
                    {key_figure}
                    <span class="parties">{parties}</span>
                    {topics}
                </p>
                <Show when=move || expanded.get()>
                    <EventDetails event terms body_id=body_id.clone() />
                </Show>
        </article>
    }
}

/// The expanded part of an event: summary, figures, sources, conflicts and
/// the clause changes it caused.
#[component]
fn EventDetails(event: &'static Event, terms: Signal<Vec<String>>, body_id: String) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let figures = (!event.figures.is_empty()).then(|| {
        view! {
            <div class="detail">
                <h5>"Figures"</h5>
                <ul class="figures">
                    {event
                        .figures
                        .iter()
                        .enumerate()
                        .map(|(i, f)| {
                            let claim = ClaimRef::Figure(event.id, i);
                            view! {
                                <li>
                                    <strong>{f.display}</strong>
                                    " — "
                                    {f.label}
                                    {shows_badge(claim).then(|| view! { " " <CorroborationBadge claim /> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let conflicts: Vec<_> = data.conflicts_of_event(event.id).collect();
    let conflicts = (!conflicts.is_empty()).then(|| {
        view! {
            <div class="detail conflicts">
                <h5>"Sources disagree"</h5>
                {conflicts
                    .into_iter()
                    .map(|c| {
                        view! {
                            <div class="conflict">
                                <p><strong>{c.title}</strong> " " {c.summary}</p>
                                <ConflictClaims conflict=c />
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        }
    });
    let clause_links = (!event.clause_changes.is_empty()).then(|| {
        view! {
            <div class="detail">
                <h5>"Clause changes it caused"</h5>
                <ul>
                    {event
                        .clause_changes
                        .iter()
                        .filter_map(|c| {
                            let clause = data.clause(c.clause)?;
                            let set = c.version;
                            // Compare the version it set with the one before;
                            // the first version, with the latest.
                            let (a, b) = match data.version_index(set).and_then(|i| i.checked_sub(1)) {
                                Some(prev) => (Some(data.versions[prev].id), Some(set)),
                                None => (Some(set), None),
                            };
                            let cid = clause.id;
                            Some(view! {
                                <li>
                                    <Link
                                        to=move |s| {
                                            s.view = View::Clauses;
                                            s.clause = Some(cid.to_string());
                                            s.a = a.map(str::to_string);
                                            s.b = b.map(str::to_string);
                                        }
                                        class="clause-link"
                                        testid="event-clause-link"
                                        anchor=format!("clause-{cid}")
                                    >
                                        {format!("{} — {} terms", clause.name, set)}
                                    </Link>
                                </li>
                            })
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    let resolves = event.resolves_by.map(|d: EventDate| {
        view! { <p class="resolves">"Prediction; resolves by " {d.to_string()} "."</p> }
    });
    let resolution = event.resolution.as_ref().map(|r| {
        let status = match r.status {
            ResolutionStatus::Unresolved => format!("Unresolved as of {}: ", r.as_of),
            _ => format!("{} (checked {}): ", r.status.label(), r.as_of),
        };
        view! {
            <p class="resolution" data-testid="resolution">
                <strong>{status}</strong>
                {r.text}
                {(!r.sources.is_empty()).then(|| view! { " — " <SourceList ids=r.sources.to_vec() /> })}
            </p>
        }
    });
    let note = event.date.note().map(|n| {
        let lead = if event.date.date().is_some() {
            "Date: "
        } else {
            "Why undated: "
        };
        view! { <p class="date-note">{lead} {n}</p> }
    });
    let figure_claims = (0..event.figures.len()).map(|i| ClaimRef::Figure(event.id, i));
    let checked: Vec<ClaimRef> = std::iter::once(ClaimRef::Event(event.id))
        .chain(figure_claims)
        .collect();
    view! {
        <div class="event-body" id=body_id>
            <p class="summary">
                <Highlighted text=event.summary terms />
            </p>
            {resolves}
            {resolution}
            {note}
            {figures}
            <CheckList claims=checked label=figure_label />
            <div class="detail">
                <h5>"Sources"</h5>
                <ul class="sources">
                    {event.sources.iter().map(|s| view! { <li><SourceCite id=s /></li> }).collect_view()}
                </ul>
            </div>
            {conflicts}
            {clause_links}
            {share::corrections_address().map(|address| {
                // The event's own link, so whoever reads the report finds it.
                let page = window().location().href().unwrap_or_default();
                let about = format!("{}{}", share::page_url(&page), app.href(|s| s.event = Some(event.id.to_string())));
                view! {
                    <p class="report-error">
                        <a href=share::error_report_link(address, data.version, Some(&about))>"Report an error in this event"</a>
                    </p>
                }
            })}
        </div>
    }
}

/// Names a checked claim of an event in its list of checks: the figure, or
/// the event as a whole.
fn figure_label(claim: ClaimRef) -> Option<String> {
    let data = use_app().data;
    match claim {
        ClaimRef::Figure(id, i) => data
            .event(id)
            .and_then(|e| e.figures.get(i))
            .map(|f| f.display.to_string()),
        _ => Some("what happened and when".to_string()),
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
                                    <button type="button" on:click=move |_| app.edit(|s| kind.clear(s))>
                                        {format!("Remove the {} filter ({n} events)", kind.label())}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <button type="button" on:click=move |_| app.edit(ViewState::clear_filters)>
                "Clear all filters"
            </button>
        </div>
    }
}
