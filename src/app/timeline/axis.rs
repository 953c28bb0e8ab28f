//! The overview axis: one bar per year, showing how many events match out
//! of how many there are. Clicking a year narrows the range to it.

use crate::app::use_app;
use crate::chronology;
use crate::filter::Outcome;
use crate::state::YearMonth;
use leptos::prelude::*;

/// The per-year bars, each reading only its own year's count.
#[component]
pub fn Axis(outcome: Memo<Outcome>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    let span = chronology::year_span(data.events);
    let totals = chronology::per_year(data.events, 0..data.events.len(), span);
    let max = totals.iter().copied().max().unwrap_or(1).max(1);
    let matched =
        Memo::new(move |_| outcome.with(|o| chronology::per_year(data.events, o.events.iter().copied(), span)));
    let this_year = (app.today / 10_000) as u16;
    let bars = totals
        .into_iter()
        .enumerate()
        .map(|(i, total)| {
            let year = span.0 + i as u16;
            let whole = Some(YearMonth::year(year));
            let selected = Memo::new(move |_| app.filters.with(|f| f.from == whole && f.to == whole));
            let hits = Memo::new(move |_| matched.with(|m| m[i]));
            let (future, now) = (year > this_year, year == this_year);
            // The name starts with what the button shows (the year and its
            // count), so a reader using speech input can say it.
            view! {
                <li class="axis-year" class:future=future class:now=now>
                    <button
                        type="button"
                        aria-pressed=move || selected.get().to_string()
                        on:click=move |_| app.edit_filters(|f| f.toggle_year(year))
                    >
                        <span class="bar" style=format!("--total:{}%", total * 100 / max)>
                            <span class="bar-hit" style=move || format!("--hit:{}%", hits.get() * 100 / max)></span>
                        </span>
                        <span class="axis-label">{year}</span>
                        " "
                        <span class="axis-count">
                            {move || hits.get()}
                            <span class="visually-hidden">{format!(" of {total} events; show only {year}")}</span>
                        </span>
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
