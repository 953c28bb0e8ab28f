//! The app without a mouse: a walk from the search box through an event and
//! its clause link to the clauses view and back, using only keys (and the
//! browser's own Back), a Tab walk that reaches every kind of control on
//! the timeline, and the skip links that bring the first event, the filters
//! and each view's content within a few keys of the page's load.

use pactline::data;
use serde::Deserialize;

use super::clauses::{changed_clause_from, clause_heading, expect_selected_clause};
use super::timeline::{
    EVENT_COUNT, SEARCH, TimelineOracle, evaluate, event_body, event_toggle, expect_eq, expect_expanded, link_query,
    param, search_text, wait_for_focus, wait_for_param, wait_for_text, wait_for_view,
};
use crate::support::page::Page;

/// Every event's expand/collapse button.
const EVENT_TOGGLE: &str = r#"[data-testid="event"] .event-toggle"#;

/// How many Tabs a walk may take before it gives up: the timeline has
/// roughly 70 stops before its first event.
const MAX_TABS: usize = 150;

/// `/` focuses the search; typing filters; Escape clears; `j` moves to the
/// first event and again to the second; Enter expands it; Tab reaches its
/// clause link and Enter follows it; `n` (or `p`) steps to the next (or
/// previous) changed clause;
/// Back returns to the timeline with the event still expanded.
pub async fn keyboard_only_walk_from_search_to_clause_and_back(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    let all = TimelineOracle::for_query("view=timeline");
    let [first, second, ..] = all.ids()[..] else {
        return Err("the timeline needs at least two events".into());
    };
    if data::builtin()
        .event(second)
        .is_none_or(|e| e.clause_changes.is_empty())
    {
        return Err(format!(
            "the second event, {second}, links to no clause; the walk needs one that does"
        ));
    }
    wait_for_text(page, EVENT_COUNT, &all.count_text()).await?;

    page.press("/").await?;
    wait_for_focus(page, SEARCH).await?;
    for key in ["c", "l", "o", "u", "d"] {
        page.press(key).await?;
    }
    wait_for_param(page, "q", Some("cloud")).await?;
    let searched = TimelineOracle::for_query("view=timeline&q=cloud");
    wait_for_text(page, EVENT_COUNT, &searched.count_text()).await?;
    page.press("Escape").await?;
    wait_for_param(page, "q", None).await?;
    expect_eq("the search box after Escape", search_text(page).await?, String::new())?;
    wait_for_text(page, EVENT_COUNT, &all.count_text()).await?;

    page.press("j").await?;
    wait_for_focus(page, &event_toggle(first))
        .await
        .map_err(|e| format!("after Escape then j: {e}"))?;
    page.press("j").await?;
    wait_for_focus(page, &event_toggle(second)).await?;
    page.press("Enter").await?;
    expect_expanded(page, second).await?;

    let clause_link = format!(r#"{} a[data-testid="event-clause-link"]"#, event_body(second));
    tab_until_focused(page, &clause_link).await?;
    // `:focus` does not match in a headless Firefox window that lacks
    // system focus, so ask for the active element itself.
    let href = page
        .execute_json("return document.activeElement.getAttribute('href') || '';", Vec::new())
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string();
    let link_query = link_query(&href);
    let clause = param(link_query, "clause").ok_or_else(|| format!("clause link {href:?} names no clause"))?;
    page.press("Enter").await?;
    wait_for_view(page, "clauses").await?;
    expect_selected_clause(page, &clause).await?;

    // `n` steps to the next changed clause, or, when the link's clause is
    // the last one that changed, `p` to the one before it.
    let (key, next) = match changed_clause_from(link_query, &clause, true) {
        Some(next) => ("n", next),
        None => (
            "p",
            changed_clause_from(link_query, &clause, false)
                .ok_or_else(|| format!("no other changed clause than {clause} for {link_query}"))?,
        ),
    };
    page.press(key).await?;
    expect_selected_clause(page, next).await?;
    wait_for_focus(page, &clause_heading(next)).await?;

    page.back().await?;
    wait_for_view(page, "timeline").await?;
    expect_expanded(page, second).await
}

/// Tabbing from the top of a filtered timeline reaches the search box, a
/// facet checkbox, the (enabled) clear-all button and an event toggle.
pub async fn tab_reaches_every_timeline_control(page: &Page) -> Result<(), String> {
    page.open("view=timeline&q=cloud").await?;
    page.wait_for(EVENT_TOGGLE).await?;
    let clear_all = r#"[data-testid="clear-all"]"#;
    if page.attr(clear_all, "disabled").await?.is_some() {
        return Err("clear-all is disabled although a search is set".into());
    }
    let targets = [
        ("the search box", SEARCH),
        ("a facet checkbox", "label.facet-option > input[type=checkbox]"),
        ("the clear-all button", clear_all),
        ("an event toggle", EVENT_TOGGLE),
    ];
    let selectors: Vec<&str> = targets.iter().map(|(_, css)| *css).collect();
    let mut reached = [false; 4];
    let mut path = Vec::new();
    for _ in 0..MAX_TABS {
        page.press("Tab").await?;
        let focus = focused(page, &selectors).await?;
        for (seen, matched) in reached.iter_mut().zip(&focus.matches) {
            *seen |= *matched;
        }
        path.push(focus.name);
        if reached.iter().all(|seen| *seen) {
            return Ok(());
        }
    }
    let unreached: Vec<_> = targets
        .iter()
        .zip(reached)
        .filter(|(_, seen)| !seen)
        .map(|((name, _), _)| *name)
        .collect();
    Err(format!(
        "{MAX_TABS} Tabs never reached {unreached:?}; focus went through {path:?}"
    ))
}

/// "Skip to events", the first skip link on the timeline.
const SKIP_TO_CONTENT: &str = r#"a[data-testid="skip-to-content"]"#;

/// "Skip to filters", the timeline's second skip link.
const SKIP_TO_FILTERS: &str = r#"a[data-testid="skip-to-filters"]"#;

/// The most key presses the first event may be from the page's load.
const MAX_PRESSES_TO_FIRST_EVENT: usize = 5;

/// From the page's load, a reader reaches the first event's button in at
/// most [`MAX_PRESSES_TO_FIRST_EVENT`] key presses, pressing Tab and Enter
/// on a skip link that names the events. "Skip to filters" lands in the
/// search box; on the other views "Skip to content" lands on the view.
pub async fn skip_links_reach_first_event_filters_and_content(page: &Page) -> Result<(), String> {
    let all = TimelineOracle::for_query("view=timeline");
    let first = all.ids().first().copied().ok_or("the timeline has no events")?;
    let target = event_toggle(first);

    page.open("view=timeline").await?;
    page.wait_for(EVENT_TOGGLE).await?;
    let mut presses = Vec::new();
    loop {
        let focus = focused(page, &[&target, SKIP_TO_CONTENT]).await?;
        if focus.matches[0] {
            break;
        }
        if presses.len() == MAX_PRESSES_TO_FIRST_EVENT {
            return Err(format!(
                "{MAX_PRESSES_TO_FIRST_EVENT} key presses from the page's load ({presses:?}) left focus on {:?}, \
                 not on the first event's button `{target}`",
                focus.name
            ));
        }
        let key = if focus.matches[1] {
            expect_eq(
                "the timeline's first skip link",
                page.text(SKIP_TO_CONTENT).await?,
                "Skip to events".into(),
            )?;
            "Enter"
        } else {
            "Tab"
        };
        page.press(key).await?;
        presses.push(key);
    }
    expect_eq(
        "the keys from the page's load to the first event",
        presses,
        vec!["Tab", "Enter"],
    )?;

    page.open("view=timeline").await?;
    page.wait_for(EVENT_TOGGLE).await?;
    tab_until_focused(page, SKIP_TO_FILTERS).await?;
    page.press("Enter").await?;
    wait_for_focus(page, SEARCH).await?;

    for view in ["clauses", "sources"] {
        page.open(&format!("view={view}")).await?;
        page.press("Tab").await?;
        wait_for_focus(page, SKIP_TO_CONTENT).await?;
        expect_eq(
            &format!("the {view} view's skip link"),
            link_text(page).await?,
            "Skip to content".into(),
        )?;
        page.press("Enter").await?;
        wait_for_focus(page, "main#main").await?;
    }
    Ok(())
}

/// What the first skip link says. Its text content, not its rendered
/// text: a skip link shows only while it has focus, which a headless
/// Firefox window without system focus does not show.
async fn link_text(page: &Page) -> Result<String, String> {
    evaluate(
        page,
        "return document.querySelector(arguments[0]).textContent.trim();",
        vec![SKIP_TO_CONTENT.into()],
    )
    .await
}

/// Presses Tab until the element matching `css` has focus, at most
/// [`MAX_TABS`] times.
async fn tab_until_focused(page: &Page, css: &str) -> Result<(), String> {
    let mut path = Vec::new();
    for _ in 0..MAX_TABS {
        page.press("Tab").await?;
        let focus = focused(page, &[css]).await?;
        if focus.matches.first() == Some(&true) {
            return Ok(());
        }
        path.push(focus.name);
    }
    Err(format!(
        "{MAX_TABS} Tabs never focused `{css}`; focus went through {path:?}"
    ))
}

/// The focused element, as far as a walk needs it.
#[derive(Deserialize)]
struct Focus {
    /// Its test id, id, class or tag, for messages.
    name: String,
    /// Whether it matches each selector asked about.
    matches: Vec<bool>,
}

/// Describes `document.activeElement` and matches it against `selectors`.
async fn focused(page: &Page, selectors: &[&str]) -> Result<Focus, String> {
    evaluate(
        page,
        "const el = document.activeElement; \
         const name = !el || el === document.body ? '(body)' \
           : el.dataset.testid || (el.id && '#' + el.id) || el.className || el.tagName.toLowerCase(); \
         return { name: String(name), matches: arguments[0].map(css => !!el && el.matches(css)) };",
        vec![selectors.into()],
    )
    .await
}
