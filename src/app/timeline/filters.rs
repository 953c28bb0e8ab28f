//! The filter panel: search, date range, order, the option lists with what
//! each option would leave, and "Clear all". Each checkbox and count reads
//! its own memo, so a keystroke touches only the counts that change.

use crate::app::use_app;
use crate::chronology;
use crate::filter::{FilterKind, Outcome};
use crate::keyboard;
use crate::model::Certainty;
use crate::state::{Facet, Filters, Order, YearMonth};
use crate::url_state;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Search, date range, facets with counts, order, and "Clear all".
#[component]
pub fn FilterPanel(outcome: Memo<Outcome>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let more_open = RwSignal::new(false);

    // One list of ids per facet: its options, their names, and where their
    // counts sit in the outcome.
    let facet_options = |facet: Facet, options: Vec<(&'static str, &'static str)>| {
        options
            .into_iter()
            .enumerate()
            .map(move |(i, (id, label))| {
                let checked = Memo::new(move |_| app.filters.with(|f| f.is_chosen(facet, id)));
                let count = Memo::new(move |_| {
                    outcome.with(|o| match facet {
                        Facet::Party => o.facets.parties[i],
                        Facet::Topic => o.facets.topics[i],
                        Facet::Source => o.facets.sources[i],
                    })
                });
                view! { <FacetOption label first=i == 0 checked count on_toggle=move || app.edit_filters(|f| f.toggle(facet, id)) /> }
            })
            .collect_view()
    };
    let parties = facet_options(Facet::Party, data.parties.iter().map(|p| (p.id, p.name)).collect());
    let topics = facet_options(Facet::Topic, data.topics.iter().map(|t| (t.id, t.name)).collect());
    let sources = facet_options(Facet::Source, data.sources.iter().map(|s| (s.id, s.title)).collect());
    let certainties = Certainty::ALL
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let checked = Memo::new(move |_| app.filters.with(|f| f.certainties.contains(&c)));
            let count = Memo::new(move |_| outcome.with(|o| o.facets.certainties[i]));
            view! { <FacetOption label=c.label() first=i == 0 checked count on_toggle=move || app.edit_filters(|f| f.toggle_certainty(c)) /> }
        })
        .collect_view();
    let active = Memo::new(move |_| {
        app.filters
            .with(|f| FilterKind::ALL[1..].iter().filter(|k| k.is_active(f)).count())
    });
    let empty = Memo::new(move |_| app.filters.with(Filters::is_empty));
    let order = Memo::new(move |_| app.timeline.with(|t| t.order));

    view! {
        <aside class="filters" aria-label="Filters">
            <SearchBox />
            // On a phone the filters fold away so the events come first.
            <button
                type="button"
                class="filters-toggle"
                aria-expanded=move || more_open.get().to_string()
                aria-controls="filter-more"
                on:click=move |_| more_open.update(|o| *o = !*o)
            >
                {move || match active.get() {
                    0 => "More filters".to_string(),
                    n => format!("More filters ({n} active)"),
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
                            app.edit(|s| s.timeline.order = if desc { Order::Desc } else { Order::Asc });
                        }
                    >
                        <option value="asc" selected=move || order.get() == Order::Asc>
                            "Oldest first"
                        </option>
                        <option value="desc" selected=move || order.get() == Order::Desc>
                            "Newest first"
                        </option>
                    </select>
                </div>
                <fieldset class="facet" on:keydown=rove>
                    <legend>"Parties"</legend>
                    {parties}
                </fieldset>
                <fieldset class="facet" on:keydown=rove>
                    <legend>"Topics"</legend>
                    {topics}
                </fieldset>
                <fieldset class="facet" on:keydown=rove>
                    <legend>"Certainty"</legend>
                    {certainties}
                </fieldset>
                <fieldset class="facet" on:keydown=rove>
                    <legend>"Sources"</legend>
                    {sources}
                </fieldset>
                <button
                    type="button"
                    class="clear-all"
                    data-testid="clear-all"
                    disabled=move || empty.get()
                    on:click=move |_| app.edit_filters(Filters::clear)
                >
                    "Clear all filters"
                </button>
            </div>
        </aside>
    }
}

/// Arrow keys within a facet group: each group is one Tab stop, and the
/// arrows move focus (and the Tab stop) between its checkboxes.
fn rove(ev: web_sys::KeyboardEvent) {
    let (Some(group), Some(target)) = (
        ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
        ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
    ) else {
        return;
    };
    let Ok(boxes) = group.query_selector_all("input[type=checkbox]") else {
        return;
    };
    let boxes: Vec<web_sys::HtmlElement> = (0..boxes.length())
        .filter_map(|i| boxes.item(i)?.dyn_into().ok())
        .collect();
    let Some(current) = boxes.iter().position(|b| target.is_same_node(Some(b))) else {
        return;
    };
    let Some(next) = keyboard::roving(boxes.len(), current, &ev.key()) else {
        return;
    };
    ev.prevent_default();
    for (i, b) in boxes.iter().enumerate() {
        b.set_tab_index(if i == next { 0 } else { -1 });
    }
    let _ = boxes[next].focus();
}

/// The search box. Escape clears it and hands the keys back to the list.
#[component]
fn SearchBox() -> impl IntoView {
    let app = use_app();
    let q = Memo::new(move |_| app.filters.with(|f| f.q.clone()));
    view! {
        <div class="search-box">
            <label for="search">"Search events"</label>
            <input
                id="search"
                type="search"
                data-testid="search"
                placeholder="e.g. exclusivity, $50B, Anthropic"
                autocomplete="off"
                aria-keyshortcuts="/"
                prop:value=move || q.get()
                on:input=move |ev| {
                    let q = event_target_value(&ev);
                    app.edit_filters(|f| f.q = q);
                }
                spellcheck="false"
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    // Escape clears the search and hands the keys back to
                    // the list, so `j` moves between events again.
                    if ev.key() == "Escape" {
                        ev.stop_propagation();
                        app.edit_filters(|f| f.q.clear());
                        let _ = event_target::<web_sys::HtmlInputElement>(&ev).blur();
                    }
                }
            />
            <Show when=move || q.with(|q| url_state::query_is_cut(q))>
                <p class="notice" role="status" data-testid="search-cut">
                    {format!(
                        "Only the first {} characters of the search go into the page's address, so a link to this page searches for less.",
                        url_state::MAX_QUERY_CHARS,
                    )}
                </p>
            </Show>
            <p class="hint">"Press " <kbd>"/"</kbd> " to search, " <kbd>"j"</kbd> "/" <kbd>"k"</kbd> " to move between events."</p>
            <KeyOnly />
        </div>
    }
}

/// The "key events only" switch: the milestones a reader needs first.
#[component]
fn KeyOnly() -> impl IntoView {
    let app = use_app();
    let on = Memo::new(move |_| app.filters.with(|f| f.key));
    view! {
        <label class="key-only">
            <input
                type="checkbox"
                data-testid="key-only"
                prop:checked=on
                on:change=move |ev| {
                    let key = event_target_checked(&ev);
                    app.edit_filters(|f| f.key = key);
                }
            />
            "★ Key events only"
        </label>
    }
}

/// One checkbox of a facet, with the number of events it would leave.
#[component]
fn FacetOption(
    label: &'static str,
    first: bool,
    checked: Memo<bool>,
    count: Memo<usize>,
    on_toggle: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="facet-option" class:no-match=move || count.get() == 0 && !checked.get()>
            // One Tab stop per group: the first option takes it, arrows move
            // it (see `Facet`).
            <input type="checkbox" tabindex=if first { "0" } else { "-1" } prop:checked=checked on:change=move |_| on_toggle() />
            <span class="facet-label">{label}</span>
            <span class="facet-count">
                {move || count.get()}
                <span class="visually-hidden">" events"</span>
            </span>
        </label>
    }
}

/// Which end of the date range a control sets.
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

/// From/To selectors, each a year and an optional month.
#[component]
fn DateRange() -> impl IntoView {
    let app = use_app();
    let (first, last) = chronology::year_span(app.data.events);
    let years: Vec<u16> = (first..=last).collect();
    let bound = move |which: Bound| {
        let get = Memo::new(move |_| {
            app.filters.with(|f| match which {
                Bound::From => f.from,
                Bound::To => f.to,
            })
        });
        let set = move |value: Option<YearMonth>| {
            app.edit_filters(|f| match which {
                Bound::From => f.from = value,
                Bound::To => f.to = value,
            })
        };
        let label = match which {
            Bound::From => "From",
            Bound::To => "To",
        };
        let year_id = format!("{}-year", label.to_ascii_lowercase());
        let month_id = format!("{}-month", label.to_ascii_lowercase());
        let year_options = years
            .iter()
            .map(|&y| {
                view! {
                    <option value=y.to_string() selected=move || get.get().is_some_and(|b| b.year == y)>
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
                    <option value=m.to_string() selected=move || get.get().is_some_and(|b| b.month == Some(m))>
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
                        set(year.map(|year| YearMonth { year, month: get.get_untracked().and_then(|b| b.month) }));
                    }
                >
                    <option value="" selected=move || get.get().is_none()>
                        "Any year"
                    </option>
                    {year_options}
                </select>
                <select
                    id=month_id
                    aria-label=format!("{label} month")
                    disabled=move || get.get().is_none()
                    on:change=move |ev| {
                        let month = event_target_value(&ev).parse::<u8>().ok();
                        if let Some(b) = get.get_untracked() {
                            set(Some(YearMonth { year: b.year, month }));
                        }
                    }
                >
                    <option value="" selected=move || get.get().is_none_or(|b| b.month.is_none())>
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
