//! The timeline as a reader uses it: deep links with filters show exactly
//! the events the native filter gives, search narrows in place (no history
//! entry), Back and Forward restore views and filters, an expanded event
//! links to its clause and back, facet counts, ignored URL values, the
//! empty state, markup that must stay text, and a 10,000-event dataset.
//!
//! The native library is the oracle: every expected set of events and every
//! count comes from `pactline::filter::run` on the `ViewState` parsed from
//! the same query the page was opened with, and a few facts are pinned
//! literally on top.
//!
//! The first group of helpers after the scenarios (URL parameters, waiting
//! for views, text and focus, event selectors, the filter oracle, running a
//! script) is shared with the clauses, sources and keyboard scenarios.

use std::fmt::Debug;

use serde::de::DeserializeOwned;

use pactline::data;
use pactline::filter::{self, FilterKind, Outcome, SearchIndex};
use pactline::model::{Certainty, Dataset};
use pactline::synthetic;
use pactline::url_state::{self, Ignored, ViewState};

use super::clauses::expect_selected_clause;
use crate::support::page::Page;

/// Every event row, in the list or the table layout.
const EVENT: &str = r#"[data-testid="event"]"#;

/// The live "N of M events" count.
pub(super) const EVENT_COUNT: &str = r#"[data-testid="event-count"]"#;

/// The search box.
pub(super) const SEARCH: &str = r#"[data-testid="search"]"#;

/// The notice naming ignored URL values.
const URL_NOTICE: &str = r#"[data-testid="url-notice"]"#;

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

/// Ten thousand events: the count says so, only the first page of rows is
/// in the DOM, and "show more" adds the next.
pub async fn ten_thousand_events_render_a_page_at_a_time(page: &Page) -> Result<(), String> {
    page.open("synthetic=10000").await?;
    wait_for_text(page, EVENT_COUNT, "10000 of 10000 events").await?;
    page.wait_for(EVENT).await?;
    let first_page = page.count(EVENT).await?;
    if first_page > PAGE_SIZE {
        return Err(format!(
            "{first_page} event rows rendered at first; at most {PAGE_SIZE} expected"
        ));
    }
    // Scrolling the button into view for a WebDriver click can already bring
    // the end of the list near enough to load the next page, which moves the
    // button; press it the way a script-free activation would instead.
    page.wait_for("button.show-more").await?;
    page.execute_json(
        "document.querySelector('button.show-more').click(); return true;",
        Vec::new(),
    )
    .await?;
    page.wait_until(&format!("more than {first_page} event rows are rendered"), async || {
        Ok(page.count(EVENT).await? > first_page)
    })
    .await
}

// ---------------------------------------------------------------------------
// Shared with the clauses, sources and keyboard scenarios.

/// Fails unless `actual == expected`, naming `what`.
pub(super) fn expect_eq<T: PartialEq + Debug>(what: &str, actual: T, expected: T) -> Result<(), String> {
    if actual == expected {
        Ok(())
    } else {
        Err(format!("{what}: expected {expected:?}, got {actual:?}"))
    }
}

/// The decoded value of parameter `name` in `query` (the last one wins, as
/// in the app), `None` if absent.
pub(super) fn param(query: &str, name: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .filter(|(key, _)| key == name)
        .last()
        .map(|(_, value)| value.into_owned())
}

/// The query of an in-app link's `href` (`?query#anchor`), without the `?`
/// and the anchor.
pub(super) fn link_query(href: &str) -> &str {
    let query = href.trim_start_matches('?');
    query.split_once('#').map_or(query, |(query, _)| query)
}

/// Waits until the URL's `name` parameter is `value` (`None`: absent).
pub(super) async fn wait_for_param(page: &Page, name: &str, value: Option<&str>) -> Result<(), String> {
    let wanted = value.map(str::to_owned);
    let what = match value {
        Some(value) => format!("the URL has {name}={value}"),
        None => format!("the URL has no {name}="),
    };
    let mut seen = String::new();
    page.wait_until(&what, async || {
        seen = page.current_query().await?;
        Ok(param(&seen, name) == wanted)
    })
    .await
    .map_err(|timeout| format!("{timeout} (the query is {seen:?})"))
}

/// Waits until the view root shows `view` and the URL names it.
pub(super) async fn wait_for_view(page: &Page, view: &str) -> Result<(), String> {
    page.wait_for(&format!(r#"[data-testid="view"][data-view="{view}"]"#))
        .await?;
    wait_for_param(page, "view", Some(view)).await
}

/// Waits until the first element matching `css` reads exactly `expected`.
pub(super) async fn wait_for_text(page: &Page, css: &str, expected: &str) -> Result<(), String> {
    let mut seen = String::new();
    page.wait_until(&format!("`{css}` reads {expected:?}"), async || {
        seen = page.text(css).await?;
        Ok(seen == expected)
    })
    .await
    .map_err(|timeout| format!("{timeout} (it reads {seen:?})"))
}

/// Waits until nothing matches `css`.
pub(super) async fn wait_for_absent(page: &Page, css: &str) -> Result<(), String> {
    page.wait_until(&format!("nothing matches `{css}`"), async || {
        Ok(page.count(css).await? == 0)
    })
    .await
}

/// Waits until the element matching `css` (a compound selector) has focus.
pub(super) async fn wait_for_focus(page: &Page, css: &str) -> Result<(), String> {
    // The active element, not `:focus`: a headless Firefox window without
    // system focus never matches `:focus`, though focus did move.
    let script = "const a = document.activeElement; return !!a && a.matches(arguments[0]);";
    page.wait_until(&format!("`{css}` has focus"), async || {
        Ok(page.execute_json(script, vec![serde_json::json!(css)]).await? == serde_json::json!(true))
    })
    .await
}

/// An event's expand/collapse button.
pub(super) fn event_toggle(id: &str) -> String {
    format!("{} .event-toggle", event(id))
}

/// An expanded event's body.
pub(super) fn event_body(id: &str) -> String {
    format!("#event-body-{id}")
}

/// Waits until event `id` is expanded: its toggle says so, its body shows
/// text, and the URL names it.
pub(super) async fn expect_expanded(page: &Page, id: &str) -> Result<(), String> {
    let toggle = event_toggle(id);
    page.wait_until(&format!("event {id} is expanded"), async || {
        Ok(page.attr(&toggle, "aria-expanded").await?.as_deref() == Some("true"))
    })
    .await?;
    let body = page.text(&event_body(id)).await?;
    if body.trim().is_empty() {
        return Err(format!("the body of expanded event {id} shows no text"));
    }
    wait_for_param(page, "event", Some(id)).await
}

/// Checks that the notice names every value the native parser ignores in
/// `query`, as `param=value (reason)`.
pub(super) async fn expect_notice_names_ignored(page: &Page, query: &str) -> Result<(), String> {
    let ignored = TimelineOracle::for_query(query).ignored;
    if ignored.is_empty() {
        return Err(format!("the native parser ignores nothing in {query}"));
    }
    let notice = page.text(URL_NOTICE).await?;
    let missing: Vec<String> = ignored
        .iter()
        .map(Ignored::to_string)
        .filter(|named| !notice.contains(named.as_str()))
        .collect();
    expect_eq(
        &format!("ignored values missing from the notice {notice:?}"),
        missing,
        Vec::new(),
    )
}

/// What the native filter makes of a query: what it ignores and the
/// outcome, on the dataset the app would use for it.
pub(super) struct TimelineOracle {
    data: &'static Dataset,
    /// Values the parser dropped.
    pub ignored: Vec<Ignored>,
    /// Matching events and facet counts.
    pub outcome: Outcome,
}

impl TimelineOracle {
    /// Parses `query` as the app does (`synthetic=N` swaps the dataset)
    /// and filters.
    pub fn for_query(query: &str) -> Self {
        let data: &'static Dataset = match url_state::synthetic_size(query) {
            Some(n) => Box::leak(Box::new(synthetic::dataset(data::builtin(), n as usize))),
            None => data::builtin(),
        };
        let (state, ignored) = ViewState::parse(query, data);
        let outcome = filter::run(data, &SearchIndex::new(data), &state);
        Self { data, ignored, outcome }
    }

    /// The ids of the matching events, in display order.
    pub fn ids(&self) -> Vec<&'static str> {
        self.outcome.events.iter().map(|&i| self.data.events[i].id).collect()
    }

    /// The live count's text, "N of M events".
    pub fn count_text(&self) -> String {
        format!("{} of {} events", self.outcome.events.len(), self.data.events.len())
    }
}

/// What the search box holds (its `value`, which no attribute reflects).
pub(super) async fn search_text(page: &Page) -> Result<String, String> {
    page.wait_for(SEARCH).await?;
    evaluate(
        page,
        "return document.querySelector(arguments[0]).value;",
        vec![SEARCH.into()],
    )
    .await
}

/// Runs `script` (a function body; `arguments[i]` are `args`) in the page
/// and reads its result as a `T`.
pub(super) async fn evaluate<T: DeserializeOwned>(
    page: &Page,
    script: &str,
    args: Vec<serde_json::Value>,
) -> Result<T, String> {
    let value = page.execute_json(script, args).await?;
    serde_json::from_value(value.clone()).map_err(|e| format!("unexpected result {value} of `{script}`: {e}"))
}

// ---------------------------------------------------------------------------
// Timeline-only helpers.

/// The nav link to `view`.
fn nav_link(view: &str) -> String {
    format!(r#"[data-testid="nav-{view}"]"#)
}

/// Percent-encodes `text` for a query value.
fn encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// An event's row.
fn event(id: &str) -> String {
    format!(r#"{EVENT}[data-event-id="{id}"]"#)
}

/// Waits for the oracle's count, then checks the rendered rows are exactly
/// its events (up to the first page), in its order.
async fn expect_shows_exactly(page: &Page, oracle: &TimelineOracle) -> Result<(), String> {
    wait_for_text(page, EVENT_COUNT, &oracle.count_text()).await?;
    let ids = oracle.ids();
    let expected = &ids[..ids.len().min(PAGE_SIZE)];
    let rendered = rendered_event_ids(page).await?;
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

/// The facets, in the order the filter panel lists them.
#[derive(Clone, Copy, Debug)]
enum Facet {
    Parties,
    Topics,
    Certainty,
    Sources,
}

impl Facet {
    const ALL: [Facet; 4] = [Facet::Parties, Facet::Topics, Facet::Certainty, Facet::Sources];

    fn legend(self) -> &'static str {
        match self {
            Facet::Parties => "Parties",
            Facet::Topics => "Topics",
            Facet::Certainty => "Certainty",
            Facet::Sources => "Sources",
        }
    }

    /// The facet's fieldset, by its place among the panel's facets.
    fn fieldset(self) -> String {
        format!("aside.filters fieldset:nth-child({} of .facet)", 1 + self as usize)
    }

    /// Each option's label and the count the native filter gives it.
    fn expected(self, oracle: &TimelineOracle) -> Vec<(&'static str, usize)> {
        let (data, facets) = (oracle.data, &oracle.outcome.facets);
        match self {
            Facet::Parties => data
                .parties
                .iter()
                .map(|p| p.name)
                .zip(facets.parties.clone())
                .collect(),
            Facet::Topics => data.topics.iter().map(|t| t.name).zip(facets.topics.clone()).collect(),
            Facet::Certainty => Certainty::ALL
                .iter()
                .map(|c| c.label())
                .zip(facets.certainties)
                .collect(),
            Facet::Sources => data
                .sources
                .iter()
                .map(|s| s.title)
                .zip(facets.sources.clone())
                .collect(),
        }
    }
}

/// One option of a facet, by its position in the dataset's order.
struct FacetOption {
    facet: Facet,
    position: usize,
}

impl FacetOption {
    /// The party with this id.
    fn party(id: &str) -> Result<Self, String> {
        let position = data::builtin().parties.iter().position(|p| p.id == id);
        Self::at(Facet::Parties, position, id)
    }

    /// The topic with this id.
    fn topic(id: &str) -> Result<Self, String> {
        let position = data::builtin().topics.iter().position(|t| t.id == id);
        Self::at(Facet::Topics, position, id)
    }

    fn at(facet: Facet, position: Option<usize>, id: &str) -> Result<Self, String> {
        let position = position.ok_or_else(|| format!("no {} option {id:?} in the dataset", facet.legend()))?;
        Ok(Self { facet, position })
    }

    fn label(&self) -> String {
        format!(
            "{} > label:nth-child({} of .facet-option)",
            self.facet.fieldset(),
            self.position + 1
        )
    }

    fn checkbox(&self) -> String {
        format!("{} > input[type=checkbox]", self.label())
    }
}

/// Checks every facet option's label and count against the oracle.
async fn expect_facet_counts(page: &Page, oracle: &TimelineOracle) -> Result<(), String> {
    for facet in Facet::ALL {
        expect_eq(
            "facet legend",
            page.text(&format!("{} > legend", facet.fieldset())).await?,
            facet.legend().to_owned(),
        )?;
        let expected = facet.expected(oracle);
        expect_eq(
            &format!("{} options", facet.legend()),
            page.count(&format!("{} > label.facet-option", facet.fieldset()))
                .await?,
            expected.len(),
        )?;
        for (position, (name, count)) in expected.into_iter().enumerate() {
            let option = FacetOption { facet, position }.label();
            expect_eq(
                &format!("{} option {}", facet.legend(), position + 1),
                page.text(&format!("{option} > .facet-label")).await?,
                name.to_owned(),
            )?;
            expect_eq(
                &format!("count of {} option {name:?}", facet.legend()),
                page.text(&format!("{option} > .facet-count")).await?,
                count.to_string(),
            )?;
        }
    }
    Ok(())
}
