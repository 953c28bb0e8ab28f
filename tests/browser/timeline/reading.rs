//! What a collapsed card tells a reader, and how fast the keyboard gets
//! there: key events alone (`key=1`), search results that say why they
//! matched (own text first, then through a party's alias), the disputed
//! badge that opens the disagreement, a source's link to its events, the
//! table sorted by a column, facet groups as one Tab stop each, `j` from the
//! event in view, a search too long for the address, and options that match
//! nothing kept compact.

use pactline::chronology;
use pactline::data;
use pactline::state::{Order, Sort};

use super::{
    EVENT_COUNT, TimelineOracle, evaluate, event, event_body, event_toggle, expect_eq, expect_expanded, wait_for_focus,
    wait_for_param, wait_for_text, wait_for_view,
};
use crate::support::page::Page;
use crate::support::steps::{EVENT, show_more};

/// The ids of the rendered event cards, in order.
async fn rendered_ids(page: &Page) -> Result<Vec<String>, String> {
    evaluate(
        page,
        "return Array.from(document.querySelectorAll(arguments[0]), row => row.dataset.eventId);",
        vec![EVENT.into()],
    )
    .await
}

/// `key=1` shows exactly the key events, each card marked as one; the
/// switch turns it off again.
pub async fn key_events_alone(page: &Page) -> Result<(), String> {
    let query = "view=timeline&key=1";
    let oracle = TimelineOracle::for_query(query);
    let keys = data::builtin().events.iter().filter(|e| e.key).count();
    expect_eq("key events in the data", oracle.outcome.events.len(), keys)?;
    page.open(query).await?;
    wait_for_text(page, EVENT_COUNT, &oracle.count_text()).await?;
    // The first page of them: the list shows a page at a time.
    let ids = oracle.ids();
    expect_eq(
        "rendered key events",
        rendered_ids(page).await?,
        ids[..ids.len().min(pactline::filter::PAGE)]
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
    )?;
    expect_eq(
        "cards not marked key",
        page.count(&format!("{EVENT}:not(.key)")).await?,
        0,
    )?;
    page.click(r#"input[data-testid="key-only"]"#).await?;
    wait_for_param(page, "key", None).await?;
    wait_for_text(
        page,
        EVENT_COUNT,
        &TimelineOracle::for_query("view=timeline").count_text(),
    )
    .await
}

/// `q=Azure`: the events that say "Azure" come first, with the word marked
/// in a snippet of their summary or in their title; then, under their own
/// heading, the events that matched only through Microsoft's alias, each
/// saying so.
pub async fn alias_matches_are_labelled_after_direct_ones(page: &Page) -> Result<(), String> {
    let query = "view=timeline&q=Azure";
    let oracle = TimelineOracle::for_query(query);
    let direct = oracle.outcome.direct;
    if direct == 0 || direct == oracle.outcome.events.len() {
        return Err(format!(
            "test data changed: {direct} direct matches of {}",
            oracle.outcome.events.len()
        ));
    }
    page.open(query).await?;
    wait_for_text(page, EVENT_COUNT, &oracle.count_text()).await?;
    let ids = oracle.ids();
    // The first match by alias may lie past the first page: show pages
    // until it is rendered, as a reader would.
    loop {
        let shown = page.count(EVENT).await?;
        if shown > direct {
            break;
        }
        show_more(page).await?;
        page.wait_until("another page of events", async || Ok(page.count(EVENT).await? > shown))
            .await?;
    }
    let shown = page.count(EVENT).await?;
    for (n, id) in ids.iter().take(shown).enumerate() {
        let via = page
            .count(&format!(r#"{} [data-testid="matched-via"]"#, event(id)))
            .await?;
        let marked = page.count(&format!("{} mark", event(id))).await?;
        if n < direct {
            expect_eq(&format!("matched-via on direct match {id}"), via, 0)?;
            if marked == 0 {
                return Err(format!("direct match {id} marks no word in its title or snippet"));
            }
        } else {
            expect_eq(
                &format!("matched-via of {id}"),
                page.text(&format!(r#"{} [data-testid="matched-via"]"#, event(id)))
                    .await?,
                "Matched: Microsoft (Azure)".to_string(),
            )?;
        }
    }
    let heading_after_direct: bool = evaluate(
        page,
        "const h = document.getElementById('matched-by-name');
         const lastDirect = document.querySelector(arguments[0]);
         const firstIndirect = document.querySelector(arguments[1]);
         const follows = (a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
         return !!h && follows(lastDirect, h) && follows(h, firstIndirect);",
        vec![event(ids[direct - 1]).into(), event(ids[direct]).into()],
    )
    .await?;
    expect_eq(
        "the indirect heading follows the direct matches",
        heading_after_direct,
        true,
    )
}

/// A disputed event's collapsed card carries a badge; following it opens
/// the event at the sources' disagreement.
pub async fn collapsed_disputed_card_shows_its_badge(page: &Page) -> Result<(), String> {
    let data = data::builtin();
    // Both on the first page of the default view, oldest first.
    let first_page = || data.events.iter().take(pactline::filter::PAGE);
    let disputed = first_page()
        .find(|e| data.conflicts_of_event(e.id).next().is_some())
        .ok_or("no disputed event on the first page")?;
    let undisputed = first_page()
        .find(|e| data.conflicts_of_event(e.id).next().is_none())
        .ok_or("every event on the first page is disputed")?;
    page.open("view=timeline").await?;
    let badge = |id: &str| format!(r#"{} [data-testid="disputed-badge"]"#, event(id));
    page.wait_for(&badge(disputed.id)).await?;
    expect_eq(
        "body of the collapsed card",
        page.count(&event_body(disputed.id)).await?,
        0,
    )?;
    expect_eq(
        &format!("disputed badges on {}", undisputed.id),
        page.count(&badge(undisputed.id)).await?,
        0,
    )?;
    page.click(&badge(disputed.id)).await?;
    expect_expanded(page, disputed.id).await?;
    page.wait_for(&format!("#conflicts-{} .conflict", disputed.id)).await
}

/// A source card names no internal file, and links to the timeline
/// filtered to the events it backs.
pub async fn a_source_links_to_its_events(page: &Page) -> Result<(), String> {
    let data = data::builtin();
    let source = data
        .sources
        .iter()
        .find(|s| s.file.is_some())
        .ok_or("no document source")?;
    page.open("view=sources").await?;
    let card = format!("#source-{}", source.id);
    page.wait_for(&card).await?;
    let text = page.text(&card).await?;
    if let Some(file) = source.file
        && text.contains(file)
    {
        return Err(format!("the card of {} shows the file name {file}", source.id));
    }
    page.click(&format!(r#"{card} a[data-testid="source-events-link"]"#))
        .await?;
    wait_for_view(page, "timeline").await?;
    wait_for_param(page, "source", Some(source.id)).await?;
    let oracle = TimelineOracle::for_query(&format!("view=timeline&source={}", source.id));
    let backs = data.events.iter().filter(|e| e.sources.contains(&source.id)).count();
    expect_eq("events the source backs", oracle.outcome.events.len(), backs)?;
    wait_for_text(page, EVENT_COUNT, &oracle.count_text()).await
}

/// The table sorts by its Event column, A to Z then Z to A, and says so
/// to screen readers.
pub async fn the_table_sorts_by_a_column(page: &Page) -> Result<(), String> {
    let data = data::builtin();
    page.open("view=timeline&layout=table").await?;
    let header = r#"button[data-testid="sort-event"]"#;
    for (order, aria) in [(Order::Asc, "ascending"), (Order::Desc, "descending")] {
        page.click(header).await?;
        wait_for_param(page, "sort", Some("title")).await?;
        let oracle = TimelineOracle::for_query("view=timeline");
        let mut events = oracle.outcome.events.clone();
        chronology::sort(data.events, &mut events, oracle.outcome.direct, Sort::Title, order);
        let expected: Vec<String> = events
            .iter()
            .take(pactline::filter::PAGE)
            .map(|&i| data.events[i].id.to_string())
            .collect();
        page.wait_until(&format!("the table is sorted by title, {aria}"), async || {
            Ok(rendered_ids(page)
                .await?
                .iter()
                .take(expected.len())
                .eq(expected.iter()))
        })
        .await?;
        expect_eq(
            "aria-sort of the Event column",
            page.attr(r#"th:has(> button[data-testid="sort-event"])"#, "aria-sort")
                .await?
                .as_deref(),
            Some(aria),
        )?;
    }
    Ok(())
}

/// Each facet group is one Tab stop: arrows move within it, Tab leaves it
/// for the next group.
pub async fn facet_groups_are_one_tab_stop(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    let first = "aside.filters fieldset.facet:nth-of-type(2) input[type=checkbox]";
    page.wait_for(first).await?;
    let focused = |group: usize, option: usize| {
        format!("aside.filters fieldset.facet:nth-of-type({group}) .facet-option:nth-of-type({option}) input")
    };
    // Parties is the first facet fieldset after the dates.
    evaluate::<serde_json::Value>(
        page,
        "document.querySelector(arguments[0]).focus(); return null;",
        vec![focused(2, 1).into()],
    )
    .await?;
    wait_for_focus(page, &focused(2, 1)).await?;
    page.press("ArrowDown").await?;
    wait_for_focus(page, &focused(2, 2)).await?;
    page.press("Tab").await?;
    wait_for_focus(page, &focused(3, 1)).await?;
    page.press("ArrowUp").await?;
    // Up from the first option wraps to the last of the group.
    let last: usize = evaluate(
        page,
        "return document.querySelectorAll(arguments[0]).length;",
        vec!["aside.filters fieldset.facet:nth-of-type(3) .facet-option".into()],
    )
    .await?;
    wait_for_focus(page, &focused(3, last)).await
}

/// `j` with focus outside the list starts from the first event in view,
/// not from the top of the list.
pub async fn j_starts_from_the_event_in_view(page: &Page) -> Result<(), String> {
    let data = data::builtin();
    page.open("view=timeline").await?;
    let tenth = data.events[10].id;
    page.wait_for(&event_toggle(tenth)).await?;
    let expected: String = evaluate(
        page,
        "document.querySelector(arguments[0]).scrollIntoView({block: 'start'});
         window.scrollBy(0, -5);
         document.activeElement.blur();
         const toggles = [...document.querySelectorAll('.event-list .event-toggle')];
         const first = toggles.find(t => t.getBoundingClientRect().top >= 0);
         return first.closest('[data-event-id]').dataset.eventId;",
        vec![event_toggle(tenth).into()],
    )
    .await?;
    if expected == data.events[0].id {
        return Err("test bug: the first event is still in view".into());
    }
    page.press("j").await?;
    wait_for_focus(page, &event_toggle(&expected)).await
}

/// A search longer than the address keeps is cut there, and the page says
/// so beside the search box.
pub async fn a_long_search_is_cut_in_the_address_and_says_so(page: &Page) -> Result<(), String> {
    let long = "x".repeat(250);
    page.open("view=timeline").await?;
    // Pasted, as one input: typed key by key, 250 address changes would
    // run into Chromium's limit of history changes per ten seconds.
    evaluate::<serde_json::Value>(
        page,
        "const box = document.querySelector(arguments[0]);
         box.value = arguments[1];
         box.dispatchEvent(new Event('input', { bubbles: true }));
         return null;",
        vec![super::SEARCH.into(), long.clone().into()],
    )
    .await?;
    page.wait_for(r#"[data-testid="search-cut"]"#).await?;
    // An edit in place reaches the address after the frame that shows it.
    let mut q = None;
    page.wait_until("the address holds the search, cut", async || {
        let query = page.current_query().await?;
        q = url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .find(|(k, _)| k == "q")
            .map(|(_, v)| v.chars().count());
        Ok(q.is_some())
    })
    .await?;
    expect_eq(
        "characters of q in the address",
        q,
        Some(pactline::url_state::MAX_QUERY_CHARS),
    )
}

/// With a filter on, the options that would match nothing are muted lines,
/// not the tall dashed boxes of the "no events" message.
pub async fn options_that_match_nothing_stay_compact(page: &Page) -> Result<(), String> {
    page.open("view=timeline&party=amazon&certainty=prediction").await?;
    // The parties' names are short, so a tall option can only be the box.
    let none = "aside.filters fieldset.facet:nth-of-type(2) .facet-option.no-match";
    page.wait_for(none).await?;
    let tallest: f64 = evaluate(
        page,
        "return Math.max(...[...document.querySelectorAll(arguments[0])].map(o => o.getBoundingClientRect().height));",
        vec![none.into()],
    )
    .await?;
    if tallest > 40.0 {
        return Err(format!("an option that matches nothing is {tallest}px tall"));
    }
    Ok(())
}
