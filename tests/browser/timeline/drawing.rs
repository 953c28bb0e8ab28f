//! The timeline drawn to scale (issue 15): the four agreement versions as
//! milestones linking to their comparisons; a mark per matching event in
//! each of its lanes, the rest faded (or density past the threshold); the
//! date range set by dragging and by the sliders' keys; a mark that opens
//! its event in the list, by pointer and by keyboard; and screenshots at a
//! desktop's and a phone's width in both themes, for a person to look at.
//!
//! The native layout is the oracle: which lanes an event is drawn in comes
//! from `pactline::drawing::LaneSet`, which months a point on the axis
//! stands for from the `Scale` of a `Drawing` laid out at the width the
//! page drew.

use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use pactline::drawing::{Drawing, LaneSet, MARK_LIMIT};
use pactline::state::Lanes;
use serde::Deserialize;

use super::{
    EVENT_COUNT, TimelineOracle, evaluate, event_toggle, expect_eq, expect_expanded, wait_for_param, wait_for_text,
};
use crate::support::page::Page;
use crate::support::steps::wait_for_focus;

/// The drawing's SVG.
const PLOT: &str = r#"[data-testid="drawing"] svg.drawing-plot"#;

/// Every mark, in every lane.
const MARK: &str = ".drawing-marks .event-mark";

/// The marks of events that match the filters.
const MATCHING_MARK: &str = ".drawing-marks .event-mark:not(.faded)";

/// The marks as one keyboard stop.
const MARKS: &str = "g.drawing-marks";

/// The range sliders.
const START: &str = r#".range-handle[data-end="start"]"#;
const END: &str = r#".range-handle[data-end="end"]"#;

/// Today, as the browsers' clock gives it (the drawing never asks the
/// clock; the app reads it once when it starts).
fn today() -> u32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year * 10_000 + month * 100 + day) as u32
}

/// How many marks the drawing has for `oracle`'s events, all and
/// matching: a dated event has one in each of its lanes.
fn expected_marks(oracle: &TimelineOracle, lanes: Lanes) -> (usize, usize) {
    let set = LaneSet::new(oracle.data, lanes);
    let dated = |&i: &usize| oracle.data.events[i].date.date().is_some();
    let all = (0..oracle.data.events.len()).filter(dated).map(|i| set.copies(i)).sum();
    let matching = oracle
        .outcome
        .events
        .iter()
        .filter(|i| dated(i))
        .map(|&i| set.copies(i))
        .sum();
    (all, matching)
}

/// Waits until the drawing shows `matching` of `all` marks unfaded.
async fn expect_marks(page: &Page, (all, matching): (usize, usize), what: &str) -> Result<(), String> {
    let mut seen = (0, 0);
    page.wait_until(&format!("{what}: {matching} of {all} marks match"), async || {
        seen = (page.count(MARK).await?, page.count(MATCHING_MARK).await?);
        Ok(seen == (all, matching))
    })
    .await
    .map_err(|timeout| format!("{timeout} (seen {} of {})", seen.1, seen.0))
}

/// The drawing as laid out at the width the page drew it, for the lanes
/// the page shows.
async fn drawing_on(page: &Page, lanes: Lanes) -> Result<Drawing, String> {
    page.wait_for(PLOT).await?;
    let width: i32 = page
        .attr(PLOT, "width")
        .await?
        .and_then(|w| w.parse().ok())
        .ok_or("the drawing has no width")?;
    Ok(Drawing::new(pactline::data::builtin(), lanes, today(), width))
}

/// The four versions are milestones, each a link to its comparison with
/// the version before it (the first to its own terms); every dated event
/// has a mark in each of its lanes, all unfaded without filters, in party
/// lanes and in topic lanes.
pub async fn drawing_shows_milestones_and_a_mark_per_matching_event(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    page.wait_for(PLOT).await?;
    let links: Vec<(String, String)> = evaluate(
        page,
        "return [...document.querySelectorAll('a.milestone')].map(a => [a.dataset.version, a.getAttribute('href')]);",
        vec![],
    )
    .await?;
    let expected: Vec<(String, String)> = [("2019", "2019"), ("2019", "2023"), ("2023", "2025"), ("2025", "2026")]
        .iter()
        .map(|(a, b)| (b.to_string(), format!("?view=clauses&a={a}&b={b}")))
        .collect();
    expect_eq("milestone links", links, expected)?;
    let label = page.attr(r#"a.milestone[data-version="2025"]"#, "aria-label").await?;
    if !label.as_deref().unwrap_or_default().starts_with("2025 Restructuring") {
        return Err(format!("the 2025 milestone is named {label:?}"));
    }

    let all = TimelineOracle::for_query("view=timeline");
    let (total, matching) = expected_marks(&all, Lanes::Party);
    expect_eq("every mark matches without filters", matching, total)?;
    // Pinned: 112 dated events, drawn 286 times across the party lanes.
    expect_eq("marks of the real data in party lanes", total, 286)?;
    expect_marks(page, (total, matching), "party lanes").await?;
    let summary = page.attr(MARKS, "aria-label").await?.unwrap_or_default();
    if !summary.starts_with("Drawing of 112 events from 2019 to 2029 in 8 lanes, one per party") {
        return Err(format!("the drawing's summary reads {summary:?}"));
    }

    // The switch puts topics in the lanes, and the URL says so.
    page.click(r#".drawing-bar button[aria-pressed="false"]"#).await?;
    wait_for_param(page, "lanes", Some("topic")).await?;
    expect_marks(page, expected_marks(&all, Lanes::Topic), "topic lanes").await?;
    // Copies of one event share its id, one per lane.
    let copies: usize = evaluate(
        page,
        "return document.querySelectorAll('.event-mark[data-event=\"microsoft-invests-1b\"]').length;",
        vec![],
    )
    .await?;
    let set = LaneSet::new(all.data, Lanes::Topic);
    let deal = all
        .data
        .events
        .iter()
        .position(|e| e.id == "microsoft-invests-1b")
        .ok_or("no deal")?;
    expect_eq("copies of the 2019 deal in topic lanes", copies, set.copies(deal))
}

/// Past the threshold the lanes show density: no mark, a path of bars per
/// lane for all events and one for the matching ones.
pub async fn drawing_shows_density_past_the_threshold(page: &Page) -> Result<(), String> {
    let query = "view=timeline&synthetic=10000";
    let oracle = TimelineOracle::for_query(query);
    let (all, _) = expected_marks(&oracle, Lanes::Party);
    if all <= MARK_LIMIT {
        return Err(format!("{all} marks do not pass the threshold of {MARK_LIMIT}"));
    }
    page.open(query).await?;
    page.wait_for(".drawing-marks.density path.bars-matching").await?;
    expect_eq("marks past the threshold", page.count(MARK).await?, 0)?;
    let lanes = LaneSet::new(oracle.data, Lanes::Party).lanes.len();
    expect_eq("bars of all events", page.count("path.bars-all").await?, lanes)?;
    expect_eq(
        "bars of matching events",
        page.count("path.bars-matching").await?,
        lanes,
    )?;
    let summary = page.attr(".drawing-marks", "aria-label").await?.unwrap_or_default();
    if !summary.contains("too many events to draw one by one") {
        return Err(format!("the density drawing's summary reads {summary:?}"));
    }
    Ok(())
}

/// A search fades the marks of the events it leaves out, and clearing it
/// brings them back.
pub async fn a_filter_fades_the_marks_that_no_longer_match(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    let all = TimelineOracle::for_query("view=timeline");
    expect_marks(page, expected_marks(&all, Lanes::Party), "no filter").await?;
    page.type_into(super::SEARCH, "Bedrock").await?;
    let searched = TimelineOracle::for_query("view=timeline&q=Bedrock");
    wait_for_text(page, EVENT_COUNT, &searched.count_text()).await?;
    let (total, matching) = expected_marks(&searched, Lanes::Party);
    if matching == 0 || matching == total {
        return Err(format!("q=Bedrock should match some marks, not {matching} of {total}"));
    }
    expect_marks(page, (total, matching), "q=Bedrock").await?;
    page.open("view=timeline&party=amazon&certainty=prediction").await?;
    let narrow = TimelineOracle::for_query("view=timeline&party=amazon&certainty=prediction");
    expect_marks(page, expected_marks(&narrow, Lanes::Party), "Amazon's predictions").await
}

/// Clicking a year's label shows only that year, but only where some
/// event matches in it: an empty year cannot be chosen (it once led to an
/// empty page). Clicking the chosen year again shows every year.
pub async fn only_a_year_with_matching_events_can_be_chosen(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    page.wait_for(r#"text.year-label[data-year="2021"]"#).await?;
    expect_eq(
        "years that can be chosen",
        page.count("text.year-label.pickable").await?,
        TimelineOracle::for_query("view=timeline")
            .outcome
            .events
            .iter()
            .filter_map(|&i| pactline::data::builtin().events[i].date.date().map(|d| d.year))
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
    )?;
    page.click(r#"text.year-label[data-year="2021"]"#).await?;
    page.click(r#"text.year-label[data-year="2024"]"#).await?;
    wait_for_param(page, "from", Some("2024")).await?;
    wait_for_param(page, "to", Some("2024")).await?;
    wait_for_text(
        page,
        EVENT_COUNT,
        &TimelineOracle::for_query("view=timeline&from=2024&to=2024").count_text(),
    )
    .await?;
    page.click(r#"text.year-label[data-year="2024"]"#).await?;
    wait_for_param(page, "from", None).await?;
    wait_for_param(page, "to", None).await
}

/// Where the page shows an element: its box in the viewport.
#[derive(Debug, Deserialize)]
struct Rect {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

async fn rect_of(page: &Page, css: &str) -> Result<Rect, String> {
    page.wait_for(css).await?;
    evaluate(
        page,
        "const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
         return { left: r.left, top: r.top, width: r.width, height: r.height };",
        vec![css.into()],
    )
    .await
}

/// Dragging across the drawing, from the middle of March 2025 to the
/// middle of June 2026, sets `from=2025-03&to=2026-06`; dragging a slider
/// moves one end only.
pub async fn dragging_across_the_drawing_sets_the_date_range(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    let drawing = drawing_on(page, Lanes::Party).await?;
    let scale = drawing.scale;
    let plot = rect_of(page, PLOT).await?;
    let (march, june) = (scale.month(2025, 3), scale.month(2026, 6));
    let at = |month: u32| (plot.left + scale.x(month as f32 + 0.5) as f64 * plot.width / drawing.width as f64).round();
    // Along the first lane's top edge, clear of its marks' middles.
    let y = (plot.top + (drawing.top + 2) as f64 * plot.height / drawing.height as f64).round();
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: at(march),
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(std::time::Duration::from_millis(150)),
            x: at(march) + 20.0,
            y,
        })
        .then(PointerAction::MoveTo {
            duration: Some(std::time::Duration::from_millis(150)),
            x: at(june),
            y,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    page.perform_actions(drag).await?;
    wait_for_param(page, "from", Some("2025-03")).await?;
    wait_for_param(page, "to", Some("2026-06")).await?;
    let range = TimelineOracle::for_query("view=timeline&from=2025-03&to=2026-06");
    wait_for_text(page, EVENT_COUNT, &range.count_text()).await?;
    expect_marks(page, expected_marks(&range, Lanes::Party), "the dragged range").await?;

    // The end slider, dragged back to the middle of December 2025.
    let handle = rect_of(page, &format!("{END} rect")).await?;
    let december = scale.month(2025, 12);
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: (handle.left + handle.width / 2.0).round(),
            y: (handle.top + handle.height / 2.0).round(),
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(std::time::Duration::from_millis(200)),
            x: at(december),
            y: (handle.top + handle.height / 2.0).round(),
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    page.perform_actions(drag).await?;
    wait_for_param(page, "to", Some("2025-12")).await?;
    wait_for_param(page, "from", Some("2025-03")).await
}

/// The sliders move by month with the arrow keys and by year with Page Up
/// and Page Down, each key writing its end into the URL; they say the
/// month they stand at; Home takes the start back to the beginning, which
/// drops `from`; "Clear dates" drops the range.
pub async fn range_sliders_set_the_dates_by_keyboard(page: &Page) -> Result<(), String> {
    page.open("view=timeline&from=2025-03").await?;
    page.wait_for(START).await?;
    expect_eq(
        "the start slider's month",
        page.attr(START, "aria-valuetext").await?,
        Some("Mar 2025".to_owned()),
    )?;
    focus(page, START).await?;
    page.press("ArrowRight").await?;
    wait_for_param(page, "from", Some("2025-04")).await?;
    page.press("PageUp").await?;
    wait_for_param(page, "from", Some("2026-04")).await?;
    page.press("ArrowLeft").await?;
    wait_for_param(page, "from", Some("2026-03")).await?;
    wait_for_text(
        page,
        EVENT_COUNT,
        &TimelineOracle::for_query("view=timeline&from=2026-03").count_text(),
    )
    .await?;
    page.wait_until("the start slider says March 2026", async || {
        Ok(page.attr(START, "aria-valuetext").await?.as_deref() == Some("Mar 2026"))
    })
    .await?;

    focus(page, END).await?;
    page.press("PageDown").await?;
    wait_for_param(page, "to", Some("2028-12")).await?;
    page.press("Home").await?;
    // The end cannot pass the start.
    wait_for_param(page, "to", Some("2026-03")).await?;

    focus(page, START).await?;
    page.press("Home").await?;
    wait_for_param(page, "from", None).await?;
    page.click(r#"[data-testid="clear-range"]"#).await?;
    wait_for_param(page, "to", None).await?;
    wait_for_text(
        page,
        EVENT_COUNT,
        &TimelineOracle::for_query("view=timeline").count_text(),
    )
    .await
}

/// Moves keyboard focus to the element matching `css`, as Tab would land
/// there (the Tab walk itself is `keyboard.rs`'s business).
async fn focus(page: &Page, css: &str) -> Result<(), String> {
    page.execute_json("document.querySelector(arguments[0]).focus();", vec![css.into()])
        .await?;
    wait_for_focus(page, css).await
}

/// Whether the element matching `css` lies within the viewport.
async fn in_view(page: &Page, css: &str) -> Result<bool, String> {
    evaluate(
        page,
        "const r = document.querySelector(arguments[0]).getBoundingClientRect(); \
         return r.bottom > 0 && r.top < window.innerHeight;",
        vec![css.into()],
    )
    .await
}

/// Clicking a mark expands its event in the list and scrolls to it, even
/// one far past the first page of the list; with the keyboard, the marks
/// are one Tab stop where End moves to the lane's last mark, the tooltip
/// line names it, and Enter opens it; Tab goes on to the milestones.
pub async fn a_mark_opens_its_event_by_click_and_by_keyboard(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    let all = TimelineOracle::for_query("view=timeline");
    let ids = all.ids();
    // The last dated event: far past the first page of the list.
    let last = ids
        .iter()
        .rev()
        .find(|id| all.data.event(id).is_some_and(|e| e.date.date().is_some()))
        .ok_or("no dated event")?;
    let position = ids.iter().position(|id| id == last).unwrap_or(0);
    if position < pactline::filter::PAGE {
        return Err(format!("{last} is on the first page; pick an event further down"));
    }
    let mark = format!(r#".event-mark[data-event="{last}"]"#);
    page.wait_for(&mark).await?;
    page.click(&format!("{mark} .shape")).await?;
    expect_expanded(page, last).await?;
    let card = format!(r#"[data-event-id="{last}"]"#);
    page.wait_until(&format!("{last} scrolls into view"), async || {
        in_view(page, &card).await
    })
    .await?;
    wait_for_focus(page, &event_toggle(last)).await?;

    // By keyboard: the first lane's last mark.
    page.open("view=timeline").await?;
    let drawing = drawing_on(page, Lanes::Party).await?;
    let first_lane_last = drawing
        .marks()
        .iter()
        .rfind(|m| m.lane == 0)
        .ok_or("the first lane has no mark")?;
    let id = all.data.events[first_lane_last.event].id;
    focus(page, MARKS).await?;
    page.press("End").await?;
    let title = all.data.events[first_lane_last.event].title;
    page.wait_until(&format!("the tooltip names {id}"), async || {
        Ok(page.text("#drawing-tip").await?.contains(title))
    })
    .await?;
    page.press("Enter").await?;
    expect_expanded(page, id).await?;
    page.wait_until(&format!("{id} scrolls into view"), async || {
        in_view(page, &format!(r#"[data-event-id="{id}"]"#)).await
    })
    .await?;

    // The marks are one stop: no mark takes focus of its own, and Tab
    // from the marks goes on to the first milestone.
    expect_eq(
        "marks that take focus",
        page.count(&format!("{MARK}[tabindex]")).await?,
        0,
    )?;
    focus(page, MARKS).await?;
    page.press("Tab").await?;
    wait_for_focus(page, r#"a.milestone[data-version="2019"]"#).await
}

/// Pointing at a mark names its event in the tooltip line and rings each
/// of its copies, one per lane.
pub async fn pointing_at_a_mark_rings_its_copies(page: &Page) -> Result<(), String> {
    page.open("view=timeline").await?;
    let all = TimelineOracle::for_query("view=timeline");
    let id = "microsoft-invests-1b";
    let deal = all.data.events.iter().position(|e| e.id == id).ok_or("no 2019 deal")?;
    let copies = LaneSet::new(all.data, Lanes::Party).copies(deal);
    if copies < 2 {
        return Err(format!("{id} should be drawn in several lanes, not {copies}"));
    }
    let mark = rect_of(page, &format!(r#"{MARK}[data-event="{id}"] .shape"#)).await?;
    let point = MouseActions::new("mouse".into()).then(PointerAction::MoveTo {
        duration: None,
        x: (mark.left + mark.width / 2.0).round(),
        y: (mark.top + mark.height / 2.0).round(),
    });
    page.perform_actions(point).await?;
    page.wait_until(&format!("{copies} copies of {id} are ringed"), async || {
        Ok(page.count(".highlight .copy-ring").await? == copies)
    })
    .await?;
    let title = all.data.events[deal].title;
    page.wait_until("the tooltip line names the deal", async || {
        Ok(page.text("#drawing-tip").await?.contains(title))
    })
    .await
}

/// The timeline at a desktop's width (also as 200% zoom shows it) and a
/// phone's, light and dark, saved
/// as `drawing-<width>-<theme>` (the whole window),
/// `drawing-only-<width>-<theme>` (the drawing) and
/// `drawing-focus-<width>-<theme>` (with a date range, the keyboard on a
/// mark) for a person to look at;
/// at the phone's width the drawing stays within 180 px and the page does
/// not scroll sideways.
pub async fn drawing_screenshots_at_desktop_and_phone(page: &Page) -> Result<(), String> {
    // 720 × 450 is how a 1440 × 900 window lays the page out at 200% zoom.
    for (width, height) in [(1440, 900), (720, 450), (360, 740)] {
        let got = page.set_viewport_size(width, height).await?;
        if got.0 != width {
            // Firefox's and WebKit's windows cannot be that narrow:
            // responsive.rs shows those engines at a phone's width in a frame.
            continue;
        }
        for theme in ["light", "dark"] {
            page.open(&format!("view=timeline&theme={theme}")).await?;
            page.wait_for(&format!(r#"html[data-theme="{theme}"]"#)).await?;
            page.wait_for(MARK).await?;
            page.screenshot(&format!("drawing-{width}-{theme}")).await?;
            page.execute_json(
                "document.querySelector('[data-testid=drawing]').scrollIntoView({ block: 'start' });",
                vec![],
            )
            .await?;
            page.screenshot_of(r#"[data-testid="drawing"]"#, &format!("drawing-only-{width}-{theme}"))
                .await?;
            // With a range, and the keyboard on a mark: its ring, its
            // copies and the tooltip line naming it.
            page.open(&format!("view=timeline&theme={theme}&from=2024-06&to=2026-03"))
                .await?;
            page.wait_for(MARK).await?;
            focus(page, MARKS).await?;
            for _ in 0..3 {
                page.press("ArrowRight").await?;
            }
            page.execute_json(
                "document.querySelector('[data-testid=drawing]').scrollIntoView({ block: 'start' });",
                vec![],
            )
            .await?;
            page.screenshot_of(r#"[data-testid="drawing"]"#, &format!("drawing-focus-{width}-{theme}"))
                .await?;
            let plot = rect_of(page, PLOT).await?;
            if width == 360 && plot.height > 180.0 {
                return Err(format!("at 360 px the drawing is {} px tall", plot.height));
            }
            let sideways: bool = evaluate(
                page,
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;",
                vec![],
            )
            .await?;
            if sideways {
                return Err(format!("at {width} px the page scrolls sideways"));
            }
        }
    }
    Ok(())
}
