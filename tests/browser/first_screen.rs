//! The first screen is in the HTML (issue 17): before the wasm arrives the
//! page already shows the view the address asks for, rendered at build time
//! from the app's own components, and only that one; when the wasm comes,
//! the app takes over with the same events, keeping what the reader typed.
//!
//! Each scenario holds the wasm back in the test server
//! ([`ServerControl::hold_back`](crate::support::server::ServerControl::hold_back))
//! and loads the app in a frame of a page on the same origin, so the
//! WebDriver session stays free to look at the frame's document while its
//! load waits for the wasm.

use pactline::model::SourceKind;
use serde_json::{Value, json};

use crate::support::expect::expect_eq;
use crate::support::oracle::{TimelineOracle, data};
use crate::support::page::Page;
use crate::support::server::HeldBack;

/// The frame the app is loaded in.
const FRAME: &str = "first-screen-frame";

/// What the frame's document shows: the screen on show, the ids of the
/// events a reader can see (in order), whether the app has started, and
/// the page's recorded errors.
const LOOK: &str = r##"
    const d = document.getElementById(arguments[0]).contentDocument;
    const seen = (el) => el.getClientRects().length > 0;
    return {
        screens: [...d.querySelectorAll("#prerender .screen")].filter(seen).map((s) => s.dataset.screen),
        loading: [...d.querySelectorAll("#loading")].some(seen),
        events: [...d.querySelectorAll('[data-testid="event"]')].filter(seen).map((e) => e.dataset.eventId),
        rest: [...d.querySelectorAll('[data-testid="first-page-rest"]')].filter(seen).map((p) => p.textContent),
        app: d.querySelectorAll('#app [data-testid="view"]').length > 0,
        prerender: d.querySelectorAll("#prerender").length,
        query: d.defaultView.location.search,
        count: (d.querySelector('#app [data-testid="event-count"]') || {}).textContent || "",
        search: (d.querySelector('#app [data-testid="search"]') || {}).value,
        focused: d.activeElement ? d.activeElement.id : null,
        toggle: [...d.querySelectorAll(".theme-toggle")].filter(seen).map((b) => b.innerText.trim()),
        busy: d.querySelectorAll("#app[aria-busy]").length > 0,
        score_rows: [...d.querySelectorAll(".scoreboard tbody tr")].filter(seen).length,
        clause_rows: [...d.querySelectorAll('[data-testid="clause-row"]')].filter(seen).length,
        scoreboard_top: [...d.querySelectorAll(".scoreboard")].filter(seen).map((s) => s.getBoundingClientRect().top)[0] ?? null,
        documents: [...d.querySelectorAll('.source-list > [data-testid="source"]')].filter(seen).length,
        sections: [...d.querySelectorAll(".sources-view > section h2[id]")].filter(seen).map((h) => h.id),
        fragment_in_view: (() => {
            const target = d.location.hash && d.getElementById(d.location.hash.slice(1));
            if (!target) return null;
            const top = target.getBoundingClientRect().top;
            return top >= 0 && top < d.defaultView.innerHeight;
        })(),
        dark: d.defaultView.matchMedia("(prefers-color-scheme: dark)").matches,
        errors: d.defaultView.__pactlineErrors || ["no error recorder"],
    };
"##;

/// What [`LOOK`] saw.
#[derive(Debug, serde::Deserialize)]
struct Seen {
    screens: Vec<String>,
    loading: bool,
    events: Vec<String>,
    /// The line saying where the first screen's list stops, if on show.
    rest: Vec<String>,
    app: bool,
    prerender: usize,
    query: String,
    count: String,
    search: Option<String>,
    focused: Option<String>,
    /// The words on each theme toggle on show.
    toggle: Vec<String>,
    /// Whether the system's colour scheme is dark.
    dark: bool,
    /// Whether the app is still building parts below the fold.
    busy: bool,
    /// The scoreboard's clauses on show.
    score_rows: usize,
    /// The comparison's clauses on show.
    clause_rows: usize,
    /// Where the scoreboard on show starts, in the frame's viewport.
    scoreboard_top: Option<f64>,
    /// The sources view's documents on show.
    documents: usize,
    /// The sources view's sections on show, by their headings' ids.
    sections: Vec<String>,
    /// Whether the element the address's fragment names is in view, if
    /// there is one.
    fragment_in_view: Option<bool>,
    errors: Vec<String>,
}

async fn look(page: &Page) -> Result<Seen, String> {
    let value = page.execute_json(LOOK, vec![json!(FRAME)]).await?;
    serde_json::from_value(value).map_err(|e| format!("[{}] reading the frame: {e}", page.engine().name()))
}

/// Loads the app at `query` in a frame while the wasm is held back, and
/// returns once the frame has asked for the wasm: what it shows then is
/// what a reader sees before the app starts.
async fn load_holding_wasm(page: &Page, query: &str) -> Result<HeldBack, String> {
    // A host page outside the app's directory, so no service worker of the
    // app answers the frame's requests before the server can hold them.
    page.goto(page.blank_url()).await?;
    let held = page.app_server().hold_back(".wasm");
    let url = format!("{}{query}", page.app_url());
    page.execute_json(
        "const f = document.createElement('iframe'); f.id = arguments[0]; f.src = arguments[1];
         f.style.width = '1000px'; f.style.height = '800px'; document.body.append(f);",
        vec![json!(FRAME), json!(url)],
    )
    .await?;
    // The wasm is asked for once the first screen has painted; also wait
    // until the frame's document (the app's, not the frame's first blank
    // one) is parsed: what a reader sees then stays until the wasm comes.
    page.wait_until("the framed page is parsed and asks for the wasm", async || {
        let parsed = page
            .execute_json(
                "const d = document.getElementById(arguments[0]).contentDocument;
                 return d.URL === arguments[1] && d.readyState !== 'loading';",
                vec![json!(FRAME), json!(url)],
            )
            .await?;
        Ok(held.waiting() > 0 && parsed == json!(true))
    })
    .await?;
    Ok(held)
}

/// Lets the wasm go and waits until the app has taken the page over, built
/// every part of its view, and its address holds `in_address` (an edit in
/// place reaches the address a frame after the screen).
async fn release(page: &Page, held: HeldBack, in_address: &str) -> Result<Seen, String> {
    drop(held);
    page.wait_until(
        &format!("the app takes the page over, with {in_address:?} in its address"),
        async || {
            Ok(look(page)
                .await
                .is_ok_and(|seen| seen.app && !seen.busy && seen.prerender == 0 && seen.query.contains(in_address)))
        },
    )
    .await?;
    let seen = look(page).await?;
    if !seen.errors.is_empty() {
        return Err(format!(
            "[{}] errors on taking over: {:?}",
            page.engine().name(),
            seen.errors
        ));
    }
    // The harness reads the error recorder of the page it is left on: the
    // app's, opened at the frame's address.
    page.open(&seen.query).await?;
    Ok(seen)
}

/// Before the wasm arrives, the default address shows the timeline screen
/// alone, with the events of the app's first page, and a theme toggle
/// that says whether the dark theme is on; the app then shows the same
/// events, with nothing left of the first screen.
pub async fn the_first_screen_comes_before_the_wasm_and_the_app_keeps_its_events(page: &Page) -> Result<(), String> {
    let engine = page.engine().name();
    let held = load_holding_wasm(page, "").await?;
    let before = look(page).await?;
    expect_eq(
        &format!("[{engine}] screens shown before the wasm"),
        before.screens.clone(),
        vec!["timeline".to_string()],
    )?;
    expect_eq(
        &format!("[{engine}] the app started without its wasm"),
        before.app,
        false,
    )?;
    // Built without knowing the reader's colour scheme, it still says which
    // is on.
    let words = if before.dark {
        "Dark theme: on"
    } else {
        "Dark theme: off"
    };
    expect_eq(
        &format!("[{engine}] the theme toggle before the wasm"),
        before.toggle.clone(),
        vec![words.to_string()],
    )?;
    // The app's first page, in the same place: the rest, which a reader
    // without the app gets, would only be laid out to be replaced.
    let page_size = pactline::filter::PAGE;
    let first_page: Vec<String> = TimelineOracle::for_query("").ids()[..page_size]
        .iter()
        .map(|s| s.to_string())
        .collect();
    expect_eq(
        &format!("[{engine}] the first screen's events, in order"),
        before.events.clone(),
        first_page.clone(),
    )?;
    expect_eq(
        &format!("[{engine}] where the first screen's list stops"),
        before.rest.clone(),
        vec![format!(
            "The other {} events appear once Pactline has loaded.",
            data().events.len() - page_size
        )],
    )?;
    let after = release(page, held, "").await?;
    expect_eq(
        &format!("[{engine}] the line where the first screen stopped, after"),
        after.rest.clone(),
        Vec::<String>::new(),
    )?;
    expect_eq(
        &format!("[{engine}] the app's first page of events"),
        after.events.clone(),
        first_page,
    )?;
    expect_eq(
        &format!("[{engine}] the app's count"),
        after.count,
        TimelineOracle::for_query("").count_text(),
    )
}

/// Text typed into the first screen's search box before the app starts is
/// searched for once it does, in the address too, and the box keeps the
/// focus.
pub async fn text_typed_before_the_app_starts_is_searched_for(page: &Page) -> Result<(), String> {
    const TYPED: &str = "azure";
    let engine = page.engine().name();
    let held = load_holding_wasm(page, "").await?;
    // As a reader types: focus, then the field's value changes.
    page.execute_json(
        "const d = document.getElementById(arguments[0]).contentDocument;
         const box = d.querySelector('.screen[data-screen=\"timeline\"] [data-testid=\"search\"]');
         box.focus(); box.value = arguments[1]; box.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(FRAME), json!(TYPED)],
    )
    .await?;
    let after = release(page, held, &format!("q={TYPED}")).await?;
    let oracle = TimelineOracle::for_query(&format!("q={TYPED}"));
    expect_eq(
        &format!("[{engine}] the app's search box"),
        after.search,
        Some(TYPED.to_string()),
    )?;
    expect_eq(
        &format!("[{engine}] the count after the typed search"),
        after.count,
        oracle.count_text(),
    )?;
    expect_eq(
        &format!("[{engine}] the focus"),
        after.focused,
        Some("search".to_string()),
    )?;
    if !after.query.contains(&format!("q={TYPED}")) {
        return Err(format!(
            "[{engine}] the address does not hold the typed search: {:?}",
            after.query
        ));
    }
    Ok(())
}

/// A deep link with filters shows none of the unfiltered first screen
/// while the wasm is on its way, only a line saying the app is loading;
/// then the app shows the filtered events.
pub async fn a_deep_link_with_filters_never_shows_unfiltered_events(page: &Page) -> Result<(), String> {
    const QUERY: &str = "?view=timeline&party=amazon";
    let engine = page.engine().name();
    let held = load_holding_wasm(page, QUERY).await?;
    let before = look(page).await?;
    expect_eq(
        &format!("[{engine}] screens shown before the wasm"),
        before.screens,
        Vec::<String>::new(),
    )?;
    expect_eq(
        &format!("[{engine}] events shown before the wasm"),
        before.events,
        Vec::<String>::new(),
    )?;
    expect_eq(&format!("[{engine}] the loading line shows"), before.loading, true)?;
    let after = release(page, held, "").await?;
    let oracle = TimelineOracle::for_query(QUERY);
    expect_eq(&format!("[{engine}] the app's count"), after.count, oracle.count_text())?;
    expect_eq(
        &format!("[{engine}] the loading line after the start"),
        after.loading,
        false,
    )?;
    let shown: Value = json!(after.events.len());
    expect_eq(
        &format!("[{engine}] events shown"),
        shown,
        json!(oracle.ids().len().min(pactline::filter::PAGE)),
    )
}

/// Before the wasm arrives, the clauses screen shows the scoreboard's
/// clauses above the fold and a line saying the rest is coming; the app
/// then takes over with the scoreboard in the same place, and builds the
/// other clauses and the comparison below the fold.
pub async fn the_clauses_screen_shows_what_is_above_the_fold_and_the_app_builds_the_rest(
    page: &Page,
) -> Result<(), String> {
    let engine = page.engine().name();
    let clauses = data().clauses.len();
    let first = pactline::compare::SCOREBOARD_ABOVE_FOLD;
    let held = load_holding_wasm(page, "?view=clauses").await?;
    let before = look(page).await?;
    expect_eq(
        &format!("[{engine}] screens shown before the wasm"),
        before.screens.clone(),
        vec!["clauses".to_string()],
    )?;
    expect_eq(
        &format!("[{engine}] the scoreboard's clauses before the wasm"),
        (before.score_rows, before.clause_rows),
        (first, 0),
    )?;
    expect_eq(
        &format!("[{engine}] where the first screen stops"),
        before.rest.clone(),
        vec![format!(
            "The other {} clauses, and the comparison of 2019 with 2026, appear once Pactline has loaded.",
            clauses - first
        )],
    )?;
    let after = release(page, held, "view=clauses").await?;
    expect_eq(
        &format!("[{engine}] the app's scoreboard and comparison, every part built"),
        (after.score_rows, after.clause_rows, after.rest.len()),
        (clauses, clauses, 0),
    )?;
    // What is in view stays put as the app takes over.
    match (before.scoreboard_top, after.scoreboard_top) {
        (Some(b), Some(a)) if (a - b).abs() <= 1.0 => Ok(()),
        other => Err(format!(
            "[{engine}] the scoreboard moved on taking over (top before, after): {other:?}"
        )),
    }
}

/// Before the wasm arrives, the sources screen shows the first document
/// and a line saying the others and the sections below them are coming;
/// the app builds those a task at a time, then scrolls to a section the
/// address names.
pub async fn the_sources_screen_gets_its_sections_and_a_linked_one_comes_into_view(page: &Page) -> Result<(), String> {
    const SECTIONS: [&str; 4] = ["reports-title", "conflicts-title", "tables-title", "corrections-title"];
    let engine = page.engine().name();
    let documents = data()
        .sources
        .iter()
        .filter(|s| s.kind != SourceKind::NewsReport)
        .count();
    let held = load_holding_wasm(page, "?view=sources#tables-title").await?;
    let before = look(page).await?;
    expect_eq(
        &format!("[{engine}] the sources screen before the wasm: screens, documents, sections"),
        (before.screens.clone(), before.documents, before.sections.clone()),
        (vec!["sources".to_string()], 1, Vec::new()),
    )?;
    expect_eq(
        &format!("[{engine}] where the first screen stops"),
        before.rest.clone(),
        vec![format!(
            "The other {} documents, and the sections below them, appear once Pactline has loaded.",
            documents - 1
        )],
    )?;
    let after = release(page, held, "view=sources").await?;
    expect_eq(
        &format!("[{engine}] the app's documents and sections, every part built"),
        (after.documents, after.sections.clone(), after.rest.len()),
        (documents, SECTIONS.map(String::from).to_vec(), 0),
    )?;
    expect_eq(
        &format!("[{engine}] the section the address names is in view"),
        after.fragment_in_view,
        Some(true),
    )
}
