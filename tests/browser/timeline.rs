//! The timeline as a reader uses it: deep links with filters show exactly
//! the events the native filter gives, search narrows in place (no history
//! entry), Back and Forward restore views and filters, an expanded event
//! links to its clause and back, facet counts, ignored URL values, the
//! empty state, markup that must stay text, and a 10,000-event dataset;
//! the drawing to scale above the list is `timeline/drawing.rs`.
//!
//! The native library is the oracle: every expected set of events and every
//! count comes from `pactline::filter::run` on the `ViewState` parsed from
//! the same query the page was opened with ([`TimelineOracle`]), and a few
//! facts are pinned literally on top.
//!
//! The page steps these scenarios share with the others live in
//! `tests/support/` (`steps`, `expect`, `oracle`). The re-exports below are
//! for clauses.rs, keyboard.rs and checks.rs, which still import those
//! steps from here.

mod drawing;
mod facets;
mod reading;

// Scenarios of their own file, registered as the timeline's.
pub(super) use reading::*;

use pactline::data;
use pactline::filter::FilterKind;
use pactline::synthetic;

pub use drawing::{
    a_filter_fades_the_marks_that_no_longer_match, a_mark_opens_its_event_by_click_and_by_keyboard,
    dragging_across_the_drawing_sets_the_date_range, drawing_screenshots_at_desktop_and_phone,
    drawing_shows_density_past_the_threshold, drawing_shows_milestones_and_a_mark_per_matching_event,
    only_a_year_with_matching_events_can_be_chosen, pointing_at_a_mark_rings_its_copies,
    range_sliders_set_the_dates_by_keyboard,
};
use facets::{FacetOption, expect_facet_counts};

use super::clauses::expect_selected_clause;
use crate::support::expect::encode;
use crate::support::page::Page;
use crate::support::steps::{EVENT, URL_NOTICE, event, nav_link, show_more};

// What clauses.rs, keyboard.rs and checks.rs import from `super::timeline`.
pub(super) use crate::support::expect::{expect_eq, link_query, param};
pub(super) use crate::support::oracle::TimelineOracle;
pub(super) use crate::support::steps::{
    EVENT_COUNT, SEARCH, evaluate, event_body, event_toggle, expect_expanded, expect_notice_names_ignored, search_text,
    wait_for_absent, wait_for_focus, wait_for_param, wait_for_text, wait_for_view,
};

/// What nothing-matches shows.
const EMPTY_RESULTS: &str = r#"[data-testid="empty-results"]"#;

/// How many matching events the timeline renders before "show more".
const PAGE_SIZE: usize = pactline::filter::PAGE;

/// A deep link with a filter of each list kind, and one with a search and
/// a month-precise date range.
const FILTERED_LINKS: [&str; 2] = [
    "view=timeline&party=amazon&topic=cloud&certainty=reported",
    "view=timeline&q=azure&from=2023&to=2025-06",
];

/// An event whose body links to three clauses, among them
/// cloud-exclusivity as set by the 2026 amendment (compared with 2025).
const EVENT_WITH_CLAUSES: &str = "azure-primary-any-cloud";

/// Opening a filtered deep link shows exactly the events the native filter
/// gives for the same query, first one first, and the count says so.
pub async fn deep_link_shows_exactly_the_matching_events(page: &Page) -> Result<(), String> {
    for query in FILTERED_LINKS {
        let oracle = TimelineOracle::for_query(query);
        if oracle.outcome.events.is_empty() {
            return Err(format!(
                "{query} matches no event natively; pick a link that shows something"
            ));
        }
        page.open(query).await?;
        expect_shows_exactly(page, &oracle).await?;
    }
    // Pinned, so the oracle and the page cannot drift together unnoticed.
    let pinned = TimelineOracle::for_query(FILTERED_LINKS[0]);
    expect_eq(
        &format!("count text for {}", FILTERED_LINKS[0]),
        pinned.count_text(),
        "13 of 113 events".to_owned(),
    )
}

/// Typing in the search narrows the list and marks the hits, puts `q=` in
/// the URL, and rewrites the current history entry: Back then leaves the
/// timeline for the view before it instead of undoing letters.
pub async fn typing_a_search_narrows_in_place_without_history(page: &Page) -> Result<(), String> {
    page.open("view=clauses").await?;
    page.click(&nav_link("timeline")).await?;
    wait_for_view(page, "timeline").await?;
    let unfiltered = TimelineOracle::for_query("view=timeline");
    wait_for_text(page, EVENT_COUNT, &unfiltered.count_text()).await?;

    page.type_into(SEARCH, "azure").await?;
    let searched = TimelineOracle::for_query("view=timeline&q=azure");
    // Pinned: 39 events say "Azure"; Microsoft's 47 others, found through
    // its alias, are listed after them.
    expect_eq(
        "count text for q=azure",
        searched.count_text(),
        "86 of 113 events".to_owned(),
    )?;
    expect_eq("events that say azure", searched.outcome.direct, 39)?;
    wait_for_text(page, EVENT_COUNT, &searched.count_text()).await?;
    wait_for_param(page, "q", Some("azure")).await?;
    expect_eq("the search box", search_text(page).await?, "azure".to_owned())?;
    expect_shows_exactly(page, &searched).await?;
    let mark = format!("{EVENT} mark");
    page.wait_for(&mark).await?;
    expect_eq(
        "the first highlighted hit, folded",
        page.text(&mark).await?.to_lowercase(),
        "azure".to_owned(),
    )?;

    page.back().await?;
    wait_for_view(page, "clauses").await?;
    wait_for_param(page, "q", None).await
}

/// Back and Forward across a view switch bring back the view and, on the
/// timeline, the filters that were set there.
pub async fn back_and_forward_restore_view_and_filters(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    let amazon = FacetOption::party("amazon")?;
    page.click(&amazon.checkbox()).await?;
    wait_for_param(page, "party", Some("amazon")).await?;
    page.type_into(SEARCH, "cloud").await?;
    wait_for_param(page, "q", Some("cloud")).await?;
    let filtered = TimelineOracle::for_query("view=timeline&party=amazon&q=cloud");
    wait_for_text(page, EVENT_COUNT, &filtered.count_text()).await?;

    page.click(&nav_link("clauses")).await?;
    wait_for_view(page, "clauses").await?;
    for step in ["back", "forward", "back"] {
        if step == "back" {
            page.back().await?;
            wait_for_view(page, "timeline").await?;
            wait_for_param(page, "party", Some("amazon")).await?;
            wait_for_param(page, "q", Some("cloud")).await?;
            wait_for_text(page, EVENT_COUNT, &filtered.count_text()).await?;
            expect_eq(
                "checked Amazon boxes after Back",
                page.count(&format!("{}:checked", amazon.checkbox())).await?,
                1,
            )?;
            expect_shows_exactly(page, &filtered).await?;
        } else {
            page.forward().await?;
            wait_for_view(page, "clauses").await?;
        }
    }
    Ok(())
}

/// Expanding an event opens its body and names it in the URL; its clause
/// link opens the clauses view with that clause selected; Back returns to
/// the timeline with the event still expanded.
pub async fn expanded_event_links_to_its_clause_and_back(page: &Page) -> Result<(), String> {
    // A search that keeps the 2026 event on the first page.
    page.open("view=timeline&q=primary").await?;
    let toggle = event_toggle(EVENT_WITH_CLAUSES);
    expect_eq(
        "aria-expanded before the click",
        page.attr(&toggle, "aria-expanded").await?.as_deref(),
        Some("false"),
    )?;
    page.click(&toggle).await?;
    expect_expanded(page, EVENT_WITH_CLAUSES).await?;

    let link = format!(
        r#"{} a[data-testid="event-clause-link"][href*="clause=cloud-exclusivity"]"#,
        event_body(EVENT_WITH_CLAUSES)
    );
    page.click(&link).await?;
    wait_for_view(page, "clauses").await?;
    for (name, value) in [("clause", "cloud-exclusivity"), ("a", "2025"), ("b", "2026")] {
        wait_for_param(page, name, Some(value)).await?;
    }
    expect_selected_clause(page, "cloud-exclusivity").await?;

    page.back().await?;
    wait_for_view(page, "timeline").await?;
    expect_expanded(page, EVENT_WITH_CLAUSES).await
}

/// Every facet option is labelled with its party, topic, certainty or
/// source and counts the events it would leave, as the native filter does;
/// ticking one updates the others' counts.
pub async fn facet_counts_match_the_filter(page: &Page) -> Result<(), String> {
    let query = "view=timeline&party=microsoft&certainty=reported";
    page.open(query).await?;
    let oracle = TimelineOracle::for_query(query);
    wait_for_text(page, EVENT_COUNT, &oracle.count_text()).await?;
    expect_facet_counts(page, &oracle).await?;

    page.click(&FacetOption::topic("cloud")?.checkbox()).await?;
    wait_for_param(page, "topic", Some("cloud")).await?;
    let narrowed = TimelineOracle::for_query(&format!("{query}&topic=cloud"));
    wait_for_text(page, EVENT_COUNT, &narrowed.count_text()).await?;
    expect_facet_counts(page, &narrowed).await
}

/// Unknown and malformed URL values are named in a notice (and dropped
/// from the URL); the page works around them, and Dismiss hides the notice.
pub async fn ignored_url_values_are_named_and_dismissable(page: &Page) -> Result<(), String> {
    let query = "view=timeline&party=nobody&from=20x&order=up";
    page.open(query).await?;
    expect_notice_names_ignored(page, query).await?;
    for name in ["party", "from", "order"] {
        wait_for_param(page, name, None).await?;
    }
    let oracle = TimelineOracle::for_query(query);
    wait_for_text(page, EVENT_COUNT, &oracle.count_text()).await?;

    page.click(&FacetOption::party("amazon")?.checkbox()).await?;
    let amazon = TimelineOracle::for_query("view=timeline&party=amazon");
    wait_for_text(page, EVENT_COUNT, &amazon.count_text()).await?;

    page.click(&format!("{URL_NOTICE} button.dismiss")).await?;
    wait_for_absent(page, URL_NOTICE).await
}

/// Filters that exclude everything show the empty state with one button
/// per filter, saying how many events removing it would bring; clicking one
/// brings those events back.
pub async fn empty_results_offer_to_remove_each_filter(page: &Page) -> Result<(), String> {
    let query = "view=timeline&party=amazon&to=2019";
    let oracle = TimelineOracle::for_query(query);
    if !oracle.outcome.events.is_empty() {
        return Err(format!("{query} should match no event natively"));
    }
    page.open(query).await?;
    page.wait_for(EMPTY_RESULTS).await?;
    expect_eq("event rows in the empty state", page.count(EVENT).await?, 0)?;

    let without = &oracle.outcome.facets.without;
    let button = |position: usize| {
        format!(
            "{EMPTY_RESULTS} ul.remove-filters > li:nth-child({}) button",
            position + 1
        )
    };
    expect_eq(
        "remove-filter buttons",
        page.count(&format!("{EMPTY_RESULTS} ul.remove-filters button")).await?,
        without.len(),
    )?;
    for (position, (kind, n)) in without.iter().enumerate() {
        expect_eq(
            &format!("remove button {}", position + 1),
            page.text(&button(position)).await?,
            format!("Remove the {} filter ({n} events)", kind.label()),
        )?;
    }

    let party = without
        .iter()
        .position(|(kind, _)| *kind == FilterKind::Party)
        .ok_or("the native filter names no party filter to remove")?;
    page.click(&button(party)).await?;
    wait_for_param(page, "party", None).await?;
    wait_for_absent(page, EMPTY_RESULTS).await?;
    expect_shows_exactly(page, &TimelineOracle::for_query("view=timeline&to=2019")).await
}

/// Markup typed into the search (via the URL) is searched for as text: it
/// reaches the URL unchanged, no element is made from it, and nothing runs.
pub async fn markup_in_the_search_stays_text(page: &Page) -> Result<(), String> {
    for markup in ["<img src=x onerror=window.__pactlineErrors.push('xss')>", "<b>bold</b>"] {
        let query = format!("view=timeline&q={}", encode(markup));
        page.open(&query).await?;
        let oracle = TimelineOracle::for_query(&query);
        wait_for_text(page, EVENT_COUNT, &oracle.count_text()).await?;
        wait_for_param(page, "q", Some(markup)).await?;
        expect_eq(
            &format!("the search box for q={markup}"),
            search_text(page).await?,
            markup.to_owned(),
        )?;
        expect_no_elements_from_markup(page, r#"[data-testid="view"]"#).await?;
    }
    let stray: Vec<_> = page
        .requests()
        .into_iter()
        .filter(|request| request.path().ends_with("/x"))
        .map(|request| request.to_string())
        .collect();
    expect_eq("requests for the injected image", stray, Vec::new())
}

/// Event titles that contain markup (the synthetic data has some) render
/// as text, and search hits inside them are marked as text too.
pub async fn markup_in_event_titles_stays_text(page: &Page) -> Result<(), String> {
    let hostile = synthetic::HOSTILE.trim();
    let base = data::builtin();
    if !synthetic::events(base, 200)
        .iter()
        .any(|event| event.title.contains(hostile))
    {
        return Err(format!("no synthetic event title of 200 contains {hostile:?}"));
    }
    for (term, marked) in [("script", "script"), ("<b>", "<b>")] {
        let query = format!("synthetic=200&q={}", encode(term));
        let oracle = TimelineOracle::for_query(&query);
        page.open(&query).await?;
        expect_shows_exactly(page, &oracle).await?;
        for id in oracle.ids() {
            let title = page.text(&format!("{} .event-title", event(id))).await?;
            if !title.contains(hostile) {
                return Err(format!(
                    "title of {id} should show {hostile:?} as text, shows {title:?}"
                ));
            }
        }
        expect_no_elements_from_markup(page, EVENT).await?;
        expect_eq(
            &format!("the first highlighted hit for q={term}"),
            page.text(&format!("{EVENT} .event-title mark")).await?,
            marked.to_owned(),
        )?;
    }
    Ok(())
}

/// Ten thousand events: the count says so, exactly the first page of rows
/// (the first [`PAGE_SIZE`] events, in order) is in the DOM, and "show
/// more" adds exactly the next page.
pub async fn ten_thousand_events_render_a_page_at_a_time(page: &Page) -> Result<(), String> {
    const QUERY: &str = "synthetic=10000";
    let oracle = TimelineOracle::for_query(QUERY);
    let ids = oracle.ids();
    expect_eq(
        "the oracle's count",
        oracle.count_text(),
        "10000 of 10000 events".to_owned(),
    )?;
    page.open(QUERY).await?;
    wait_for_text(page, EVENT_COUNT, "10000 of 10000 events").await?;
    expect_rendered_rows(page, &ids[..PAGE_SIZE], "at first").await?;
    show_more(page).await?;
    expect_rendered_rows(page, &ids[..2 * PAGE_SIZE], "after \"show more\"").await
}

// ---------------------------------------------------------------------------
// Timeline-only helpers.

/// Waits for the oracle's count, then checks the rendered rows are exactly
/// its events (up to the first page), in its order.
async fn expect_shows_exactly(page: &Page, oracle: &TimelineOracle) -> Result<(), String> {
    wait_for_text(page, EVENT_COUNT, &oracle.count_text()).await?;
    let ids = oracle.ids();
    let expected = &ids[..ids.len().min(PAGE_SIZE)];
    same_rows(&rendered_event_ids(page).await?, expected)
}

/// Waits until at least as many rows as `expected` are rendered, then
/// requires exactly `expected`, in order; `when` says at what point.
async fn expect_rendered_rows(page: &Page, expected: &[&str], when: &str) -> Result<(), String> {
    let mut rendered = Vec::new();
    page.wait_until(
        &format!("{} event rows are rendered {when}", expected.len()),
        async || {
            rendered = rendered_event_ids(page).await?;
            Ok(rendered.len() >= expected.len())
        },
    )
    .await
    .map_err(|timeout| format!("{timeout} ({} are)", rendered.len()))?;
    same_rows(&rendered, expected).map_err(|e| format!("{when}: {e}"))
}

/// Fails unless the `rendered` event ids are exactly `expected`, in order,
/// naming what is missing, what is extra and where the order differs.
fn same_rows(rendered: &[String], expected: &[&str]) -> Result<(), String> {
    if rendered.iter().map(String::as_str).eq(expected.iter().copied()) {
        return Ok(());
    }
    let missing: Vec<_> = expected
        .iter()
        .filter(|id| !rendered.iter().any(|r| r == *id))
        .collect();
    let unexpected: Vec<_> = rendered.iter().filter(|r| !expected.contains(&r.as_str())).collect();
    let first_difference = rendered.iter().zip(expected).position(|(r, e)| r != e);
    Err(format!(
        "rendered events differ from the native filter's ({} rendered, {} expected): \
         missing {missing:?}, unexpected {unexpected:?}, order first differs at row {first_difference:?}",
        rendered.len(),
        expected.len()
    ))
}

/// The `data-event-id` of every rendered event row, in document order.
async fn rendered_event_ids(page: &Page) -> Result<Vec<String>, String> {
    evaluate(
        page,
        "return Array.from(document.querySelectorAll(arguments[0]), row => row.dataset.eventId);",
        vec![EVENT.into()],
    )
    .await
}

/// Fails if markup from the data or the URL became elements inside `scope`.
async fn expect_no_elements_from_markup(page: &Page, scope: &str) -> Result<(), String> {
    for tag in ["img", "b", "script"] {
        expect_eq(
            &format!("<{tag}> elements inside `{scope}`"),
            page.count(&format!("{scope} {tag}")).await?,
            0,
        )?;
    }
    Ok(())
}
