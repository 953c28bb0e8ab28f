//! The timeline drawn to scale, above the list: an SVG of lanes, marks,
//! the agreement versions and the future, placed from the numbers
//! [`crate::drawing`] works out, with a switch between party and topic
//! lanes, the date range it sets, what the pointer or keyboard is on, and
//! a key.
//!
//! What a keystroke in the search touches: the geometry is a memo of the
//! width and the lanes only, so typing never rebuilds the SVG; each mark
//! reads one flag of a memo of which events match (or, past the mark
//! limit, each lane one path of a memo of counts), and each year its
//! count. Hover, focus and dragging draw in overlays of their own.
//!
//! Keyboard and screen readers: the marks are one Tab stop, an image named
//! by a summary of the drawing. Arrow keys move a cursor between the marks
//! of matching events (Left and Right in time, Up and Down between lanes,
//! Home and End), the line under the drawing names the event and a screen
//! reader hears it, and Enter or Space opens it in the list, which is the
//! way through the same events for everyone. The versions' labels are links,
//! and the date range has two sliders: a Tab stop each.

use crate::app::{AppState, hooks, use_app, widgets};
use crate::chronology;
use crate::drawing::{self as layout, Content, Density, Drawing, Mark, Shape, Step};
use crate::filter::Outcome;
use crate::model::readable;
use crate::state::{Lanes, View, ViewState, YearMonth};
use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The id of the line that names what the pointer or the keyboard is on.
const TIP: &str = "drawing-tip";

/// How far (CSS px) a pointer must move with its button down to drag a
/// range rather than click.
const DRAG_START: f32 = 4.0;

/// What the pointer is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pointed {
    /// A mark, by index into the drawing's marks.
    Mark(usize),
    /// A bar of the density drawing: lane and bin.
    Bin(usize, usize),
}

/// A range being dragged across the drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Drag {
    /// Where the pointer went down, in the drawing's pixels.
    x: f32,
    /// The months at either end.
    from: u32,
    to: u32,
    /// Whether it has moved far enough to be a drag.
    moved: bool,
}

/// Which end of the date range a slider moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Start,
    Finish,
}

/// The signals every part of the drawing reads, in one `Copy` bundle.
#[derive(Clone, Copy)]
struct Live {
    app: AppState,
    /// The layout; `None` until the drawing's width is known.
    drawing: Memo<Option<Arc<Drawing>>>,
    /// Per event: whether it matches the filters.
    matching: Memo<Vec<bool>>,
    /// Per lane and bin: how many matching events (density only).
    counts: Memo<Vec<f32>>,
    /// Per year: how many matching events.
    per_year: Memo<Vec<usize>>,
    /// The date filter.
    range: Memo<(Option<YearMonth>, Option<YearMonth>)>,
    /// What the pointer is over.
    pointed: RwSignal<Option<Pointed>>,
    /// The keyboard's mark, as event and lane, so it survives a resize.
    cursor: RwSignal<Option<(usize, usize)>>,
    /// Whether the marks have keyboard focus.
    focused: RwSignal<bool>,
    /// A range being dragged.
    drag: RwSignal<Option<Drag>>,
    /// The click that ends a drag is not a click on what lies under it.
    dragged: RwSignal<bool>,
}

/// The index of event `event`'s mark in lane `lane`, if it has one there.
fn mark_of(d: &Drawing, (event, lane): (usize, usize)) -> Option<usize> {
    d.marks().iter().position(|m| m.event == event && m.lane == lane)
}

/// Mark `k` as the keyboard's cursor keeps it: event and lane.
fn cursor_of(d: &Drawing, k: usize) -> (usize, usize) {
    (d.marks()[k].event, d.marks()[k].lane)
}

impl Live {
    /// The keyboard's mark, as an index into the drawing's marks.
    fn cursor_mark(&self, d: &Drawing) -> Option<usize> {
        mark_of(d, self.cursor.get()?)
    }

    /// The mark whose event the tooltip names and whose copies are
    /// highlighted: the pointer's, else the keyboard's while it has focus.
    fn shown_mark(&self, d: &Drawing) -> Option<usize> {
        match self.pointed.get() {
            Some(Pointed::Mark(k)) => Some(k),
            Some(Pointed::Bin(..)) => None,
            None if self.focused.get() => self.cursor_mark(d),
            None => None,
        }
    }

    /// Whether event `event` matches the filters.
    fn matches(&self, event: usize) -> bool {
        self.matching.with(|m| m.get(event).copied().unwrap_or(false))
    }

    /// Expands mark `k`'s event in the list and brings it into view, as a
    /// shared `?event=` link does; the list renders it however far down
    /// it is. Events that do not match are not in the list, so their
    /// faded marks open nothing.
    fn open(&self, d: &Drawing, k: usize) {
        let Some(mark) = d.marks().get(k) else { return };
        if !self.matching.with_untracked(|m| m[mark.event]) {
            return;
        }
        let id = self.app.data.events[mark.event].id;
        self.app.edit(|s| s.timeline.event = Some(id.to_string()));
        widgets::reveal(format!("event-{id}"));
    }

    /// Sets the date filter to the months `a` to `b`.
    fn set_range(&self, d: &Drawing, a: u32, b: u32) {
        let (from, to) = d.scale.bounds(a, b);
        self.app.edit_filters(|f| {
            f.from = from;
            f.to = to;
        });
    }
}

/// The widths a first screen rendered at build time draws at, where there
/// is nothing to measure: the list's column on a phone 390 px wide and on
/// a desktop 1440 px wide. CSS shows the one for the column's width, and
/// the app draws again at the measured width when it takes over.
const PRERENDERED_WIDTHS: [i32; 2] = [358, 856];

/// The drawing, with its lane switch, range, tooltip line and key.
#[component]
pub fn TimelineDrawing(outcome: Memo<Outcome>) -> impl IntoView {
    let app = use_app();
    let data = app.data;
    // The width is measured on an empty line of its own: measuring the
    // drawing's box would see its height change as it is drawn, and ask
    // for a new layout in the same frame (a ResizeObserver loop).
    let sizer: NodeRef<html::Div> = NodeRef::new();
    let container: NodeRef<html::Div> = NodeRef::new();
    let width = hooks::use_width(sizer);
    let kind = Memo::new(move |_| app.timeline.with(|t| t.lanes));
    let drawing = Memo::new(move |_| {
        let width = width.get();
        (width > 0).then(|| Arc::new(Drawing::new(data, kind.get(), app.today, width)))
    });
    let span = chronology::year_span(data.events);
    let live = Live {
        app,
        drawing,
        matching: Memo::new(move |_| outcome.with(|o| layout::matching(data.events.len(), &o.events))),
        counts: Memo::new(move |_| {
            drawing.with(|d| match d.as_ref().map(|d| (d, &d.content)) {
                Some((d, Content::Density(density))) => outcome.with(|o| density.counts(&d.set, &o.events)),
                _ => Vec::new(),
            })
        }),
        per_year: Memo::new(move |_| {
            outcome.with(|o| chronology::per_year(data.events, o.events.iter().copied(), span))
        }),
        range: Memo::new(move |_| app.filters.with(|f| (f.from, f.to))),
        pointed: RwSignal::new(None),
        cursor: RwSignal::new(None),
        focused: RwSignal::new(false),
        drag: RwSignal::new(None),
        dragged: RwSignal::new(false),
    };
    let wide = Memo::new(move |_| width.get() >= layout::COMPACT_BELOW);
    draw_each_layout(container, live);

    view! {
        <figure class="drawing" data-testid="drawing">
            <div class="drawing-bar">
                <LaneSwitch lanes=kind />
                <RangeReadout live />
            </div>
            <div class="drawing-sizer" node_ref=sizer></div>
            <div class="drawing-canvas" node_ref=container>
                {app
                    .prerendered
                    .then(|| {
                        PRERENDERED_WIDTHS
                            .map(|width| {
                                let d = Arc::new(Drawing::new(data, kind.get_untracked(), app.today, width));
                                let compact = width < layout::COMPACT_BELOW;
                                view! { <div class="drawn-at" data-compact=compact.to_string()>{plot(&d, live)}</div> }
                            })
                    })}
            </div>
            <p id=TIP class="drawing-tip" aria-live="polite">
                {move || tip(live)}
            </p>
            // The key is open where there is room for it.
            <details class="drawing-key" prop:open=move || wide.get()>
                <summary>"Key to the drawing"</summary>
                <Key />
            </details>
        </figure>
    }
}

/// Draws the SVG into `container` for each new layout (a new width or new
/// lanes): built afresh, and the old one dropped, never patched in place.
/// A new layout moves nearly everything anyway, and the code to patch a
/// whole SVG in place (a reactive closure's rebuild, or a keyed `For`)
/// would cost the wasm 10 to 25 KB. Keystrokes never get here: they change
/// what the drawing's parts read, not the layout.
fn draw_each_layout(container: NodeRef<html::Div>, live: Live) {
    Effect::new(move |previous: Option<Option<Box<dyn std::any::Any>>>| {
        // Unmounts the old drawing, and releases what it observed.
        drop(previous);
        let parent: web_sys::HtmlElement = container.get()?.into();
        let d = live.drawing.get()?;
        let drawn = leptos::mount::mount_to(parent, move || plot(&d, live));
        Some(Box::new(drawn) as Box<dyn std::any::Any>)
    });
}

/// Chooses whether lanes stand for parties or topics.
#[component]
fn LaneSwitch(lanes: Memo<Lanes>) -> impl IntoView {
    let app = use_app();
    let button = move |choice: Lanes, label: &'static str| {
        view! {
            <button
                type="button"
                aria-pressed=move || (lanes.get() == choice).to_string()
                on:click=move |_| app.edit(|s| s.timeline.lanes = choice)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="layout-switch" role="group" aria-label="Lanes of the drawing">
            {button(Lanes::Party, "Parties")}
            {button(Lanes::Topic, "Topics")}
        </div>
    }
}

/// The date range the drawing (or the filter panel) set, and a button
/// that clears it.
#[component]
fn RangeReadout(live: Live) -> impl IntoView {
    let app = live.app;
    let bound = |b: YearMonth| readable(&b.to_string());
    let text = move || match live.range.get() {
        (None, None) => "All dates".to_string(),
        (Some(from), None) => format!("Dates from {}", bound(from)),
        (None, Some(to)) => format!("Dates up to {}", bound(to)),
        (Some(from), Some(to)) => format!("Dates {} – {}", bound(from), bound(to)),
    };
    let set = Memo::new(move |_| live.range.with(|r| *r != (None, None)));
    view! {
        <p class="drawing-range">
            <span>{text}</span>
            <Show when=move || set.get()>
                " "
                <button
                    type="button"
                    class="clear-range"
                    data-testid="clear-range"
                    on:click=move |_| {
                        app.edit_filters(|f| {
                            f.from = None;
                            f.to = None;
                        })
                    }
                >
                    "Clear dates"
                </button>
            </Show>
        </p>
    }
}

/// What the tooltip line says: the mark or bar the pointer or keyboard is
/// on, else how to use the drawing.
/// What the line under a drawing of marks says while nothing is pointed at.
/// Two lines at most on a phone, so the list stays near.
const MARKS_HELP: &str = "Point at or Tab to a mark to name it; click or press Enter to open it. Drag to choose dates.";

fn tip(live: Live) -> String {
    live.drawing.with(|d| {
        // Before the width is known, and on a first screen rendered at
        // build time, the help a drawing of marks gives, so that the line
        // keeps its height as the drawing comes.
        let Some(d) = d else { return MARKS_HELP.to_string() };
        if let (Some(Pointed::Bin(lane, bin)), Content::Density(density)) = (live.pointed.get(), &d.content) {
            return live.counts.with(|c| d.describe_bin(density, lane, bin, c));
        }
        match (live.shown_mark(d), &d.content) {
            (Some(k), _) => {
                let said = d.describe(live.app.data, k);
                if live.matches(d.marks()[k].event) {
                    said
                } else {
                    format!("{said} It does not match the filters.")
                }
            }
            (None, Content::Marks { .. }) => MARKS_HELP.to_string(),
            (None, Content::Density(_)) => {
                "Bars count each lane's events per period, matching ones darker. Drag to choose dates.".to_string()
            }
        }
    })
}

/// The SVG at one layout: drawn again only when the width or the lanes
/// change.
fn plot(d: &Arc<Drawing>, live: Live) -> impl IntoView + use<> {
    let width = d.width;
    let on_pointer_move = {
        let d = Arc::clone(d);
        move |ev: web_sys::PointerEvent| pointer_move(&d, live, &ev)
    };
    let on_pointer_down = {
        let width = d.width;
        let scale = d.scale;
        move |ev: web_sys::PointerEvent| {
            if ev.button() != 0 || target_in(&ev, "a").is_some() {
                return;
            }
            let Some((x, _)) = local_point(&ev, width) else { return };
            // On a slider, the drag moves that end and keeps the other;
            // elsewhere it starts a new range where the pointer went down.
            let (start, finish) = live.range.with_untracked(|&(from, to)| scale.range(from, to));
            let (from, to) = match target_in(&ev, "[data-end]").and_then(|h| h.get_attribute("data-end")) {
                Some(end) if end == "start" => (finish, start),
                Some(_) => (start, finish),
                None => (scale.month_at(x), scale.month_at(x)),
            };
            live.drag.set(Some(Drag {
                x,
                from,
                to,
                moved: false,
            }));
        }
    };
    let on_pointer_up = {
        let d = Arc::clone(d);
        move |_: web_sys::PointerEvent| {
            if let Some(drag) = live.drag.get_untracked() {
                live.drag.set(None);
                if drag.moved {
                    live.dragged.set(true);
                    live.set_range(&d, drag.from, drag.to);
                }
            }
        }
    };
    let on_click = {
        let d = Arc::clone(d);
        move |ev: web_sys::MouseEvent| click(&d, live, &ev)
    };
    view! {
        <svg
            class="drawing-plot"
            width=width
            height=d.height
            viewBox=format!("0 0 {width} {}", d.height)
            on:pointermove=on_pointer_move
            on:pointerdown=on_pointer_down
            on:pointerup=on_pointer_up
            on:pointercancel=move |_| live.drag.set(None)
            on:pointerleave=move |_| live.pointed.set(None)
            on:click=on_click
        >
            <defs>
                <pattern id="drawing-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <line class="hatch" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
            {frame(d, live)}
            {match &d.content {
                Content::Marks { .. } => Either::Left(marks(d, live)),
                Content::Density(density) => Either::Right(bars(d, density, live)),
            }}
            {milestones(d, live)}
            {range(d, live)}
        </svg>
    }
}

/// What does not change with the filters: lanes and their labels, the
/// years, the future, the bands of approximate dates. Hidden from screen
/// readers, whose way through the events is the list.
fn frame(d: &Drawing, live: Live) -> impl IntoView + use<> {
    let (left, right, top, axis) = (d.scale.left as i32, d.scale.right as i32, d.top, d.axis);
    let font = d.metrics.font;
    let lanes = d
        .lanes
        .iter()
        .enumerate()
        .map(|(i, lane)| {
            let id = lane.name.id.unwrap_or("others");
            view! {
                <rect class="lane" class:odd=i % 2 == 1 x="0" y=lane.top width=d.width height=lane.height />
                <text
                    class=format!("lane-label lane-{id}")
                    x="2"
                    y=lane.top + lane.height / 2
                    dominant-baseline="central"
                    font-size=font
                >
                    <title>{lane.name.title.clone()}</title>
                    {lane.name.label}
                </text>
            }
        })
        .collect_view();
    let years = d
        .years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let year = y.year;
            let centre = (y.x0 + y.x1) / 2;
            let hits = Memo::new(move |_| live.per_year.with(|p| p.get(i).copied().unwrap_or(0)));
            let pickable = Memo::new(move |_| hits.get() > 0);
            let count = d.metrics.year_counts.then(|| {
                view! {
                    <text class="year-count" x=centre y=d.count_baseline text-anchor="middle" font-size=font - 1>
                        {move || hits.get()}
                    </text>
                }
            });
            view! {
                <line class="year-line" x1=y.x0 y1=top x2=y.x0 y2=axis + 4 />
                <text
                    class="year-label"
                    class:pickable=pickable
                    data-year=year
                    x=centre
                    y=d.year_baseline
                    text-anchor="middle"
                    font-size=font
                >
                    <title>
                        {move || match hits.get() {
                            0 => format!("{year}: no matching events"),
                            n => format!("{year}: {n} matching events; click to show only {year}"),
                        }}
                    </title>
                    {y.label.clone()}
                </text>
                {count}
            }
        })
        .collect_view();
    let future = d.future.map(|x| {
        view! {
            <rect class="future" x=x y=top width=right - x height=axis - top />
        }
    });
    let milestones = d
        .milestones
        .iter()
        .map(|m| {
            let y = m.label.y - font;
            view! {
                {(m.x1 > m.x0).then(|| view! { <rect class="milestone-band" x=m.x0 y=y width=m.x1 - m.x0 height=axis - y /> })}
                <line class="milestone-line" x1=m.x y1=y x2=m.x y2=axis />
            }
        })
        .collect_view();
    let today = d.today.as_ref().map(|label| {
        let x = d.future.unwrap_or(label.x);
        view! {
            <line class="today" x1=x y1=label.y - font x2=x y2=axis />
            <text class="today-label" x=label.x y=label.y text-anchor=anchor(label.end) font-size=font>
                {label.text.clone()}
            </text>
        }
    });
    let bands = match &d.content {
        Content::Marks { bands, .. } => bands.as_slice(),
        Content::Density(_) => &[],
    }
    .iter()
    .map(|b| {
        let lane = &d.lanes[b.lane];
        view! { <rect class="band" x=b.x0 y=lane.top + 1 width=(b.x1 - b.x0).max(1) height=lane.height - 2 /> }
    })
    .collect_view();
    view! {
        <g class="drawing-frame" aria-hidden="true">
            {lanes}
            {future}
            {bands}
            {years}
            <line class="axis-line" x1=left y1=axis x2=right y2=axis />
            {milestones}
            {today}
        </g>
    }
}

/// `text-anchor` for a label anchored at its end or its start.
fn anchor(end: bool) -> &'static str {
    if end { "end" } else { "start" }
}

/// The marks: one Tab stop, an image named by the drawing's summary, with
/// arrow keys moving a cursor between marks of matching events.
fn marks(d: &Arc<Drawing>, live: Live) -> impl IntoView + use<> {
    let data = live.app.data;
    let marks = d
        .marks()
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let event = m.event;
            let class = format!(
                "event-mark {}{}{}{}",
                m.shape.class(),
                if m.key { " key" } else { "" },
                if m.disputed { " disputed" } else { "" },
                if m.future { " future" } else { "" },
            );
            // No `<title>` per mark: the tip line below names the mark
            // pointed at or focused, and a title each (about 290 a
            // drawing) was a fifth of the first screens' HTML and of the
            // nodes the take-over builds.
            view! {
                <g class=class class:faded=move || !live.matches(event) data-mark=k data-event=data.events[event].id>
                    {m.disputed.then(|| view! { <circle class="disputed-ring" cx=m.x cy=m.y r=m.r + 2 /> })}
                    {shape(m)}
                </g>
            }
        })
        .collect_view();
    let on_key = {
        let d = Arc::clone(d);
        move |ev: web_sys::KeyboardEvent| {
            let key = ev.key();
            if let Some(step) = Step::of_key(&key) {
                ev.prevent_default();
                let from = live.cursor.get_untracked().and_then(|c| mark_of(&d, c));
                let next = live.matching.with_untracked(|m| d.step(from, step, m));
                live.cursor.set(next.map(|k| cursor_of(&d, k)));
            } else if key == "Enter" || key == " " {
                ev.prevent_default();
                if let Some(k) = live.cursor.get_untracked().and_then(|c| mark_of(&d, c)) {
                    live.open(&d, k);
                }
            }
        }
    };
    let on_focus = {
        let d = Arc::clone(d);
        move |_| {
            live.focused.set(true);
            // Focus keeps its mark while that still matches, else starts
            // on the first matching mark.
            let start = live.matching.with_untracked(|m| {
                let here = live.cursor.get_untracked().and_then(|c| mark_of(&d, c));
                here.filter(|&k| m[d.marks()[k].event])
                    .or_else(|| d.step(None, Step::Forward, m))
            });
            live.cursor.set(start.map(|k| cursor_of(&d, k)));
        }
    };
    let copies = {
        let d = Arc::clone(d);
        move || {
            let k = live.shown_mark(&d)?;
            let event = d.marks()[k].event;
            let same: Vec<Mark> = d.marks().iter().copied().filter(|m| m.event == event).collect();
            let (top, bottom) = (same.first()?.y, same.last()?.y);
            let cursor = live
                .focused
                .get()
                .then(|| live.cursor_mark(&d))
                .flatten()
                .map(|c| d.marks()[c]);
            Some(view! {
                <g class="highlight">
                    {(same.len() > 1).then(|| view! { <line class="copies-line" x1=same[0].x y1=top x2=same[0].x y2=bottom /> })}
                    {same.iter().map(|m| view! { <circle class="copy-ring" cx=m.x cy=m.y r=m.r + 3 /> }).collect_view()}
                    {cursor.map(|m| view! { <circle class="cursor-ring" cx=m.x cy=m.y r=m.r + 5 /> })}
                </g>
            })
        }
    };
    let (left, right) = (d.scale.left as i32, d.scale.right as i32);
    view! {
        <g
            class="drawing-marks"
            tabindex="0"
            role="img"
            aria-label=d.summary()
            aria-describedby=TIP
            on:keydown=on_key
            on:focus=on_focus
            on:blur=move |_| live.focused.set(false)
        >
            <rect class="marks-focus" x=left - 2 y=d.top - 2 width=right - left + 4 height=d.axis - d.top + 4 />
            {marks}
            {copies}
        </g>
    }
}

/// A mark's shape, by the claim's certainty.
fn shape(m: &Mark) -> impl IntoView + use<> {
    let class = format!("shape {}", m.shape.class());
    match m.shape {
        Shape::Diamond => {
            let (x, y, r) = (m.x, m.y, m.r + 1);
            Either::Left(view! { <path class=class d=format!("M{x} {}l{r} {r}l-{r} {r}l-{r} -{r}z", y - r) /> })
        }
        _ => Either::Right(view! { <circle class=class cx=m.x cy=m.y r=m.r /> }),
    }
}

/// The density drawing: per lane, bars of every event, and in front of
/// them bars of the matching ones, each lane's one path.
fn bars(d: &Drawing, density: &Density, live: Live) -> impl IntoView + use<> {
    let lanes = (0..d.lanes.len())
        .map(|lane| {
            let bars = d.bars(density, lane);
            let all = bars.path(&density.totals);
            view! {
                <path class="bars-all" d=all />
                <path class="bars-matching" d=move || live.counts.with(|c| bars.path(c)) />
            }
        })
        .collect_view();
    view! {
        <g class="drawing-marks density" role="img" aria-label=d.summary() aria-describedby=TIP>
            {lanes}
        </g>
    }
}

/// The agreement versions' labels, each a link to that version in the
/// clause comparison, compared with the version before it (the first, on
/// its own). Their lines are drawn with the frame, under the marks.
fn milestones(d: &Drawing, live: Live) -> impl IntoView + use<> {
    let app = live.app;
    let font = d.metrics.font;
    d.milestones
        .iter()
        .map(|m| {
            let (a, b) = (m.previous.unwrap_or(m.version), m.version);
            let to = move |s: &mut ViewState| {
                s.view = View::Clauses;
                s.comparison.a = Some(a.to_string());
                s.comparison.b = Some(b.to_string());
                s.comparison.clause = None;
            };
            let name = match m.previous {
                Some(previous) => format!(
                    "{} {}, agreed {}: compare with {previous}",
                    m.version, m.name, m.date
                ),
                None => format!("{} {}, agreed {}: its terms", m.version, m.name, m.date),
            };
            let label = &m.label;
            let (l0, l1) = label.extent();
            // Inside a `g`, so the macro makes an SVG `a`, not an HTML one.
            view! {
                <g class="milestone-group">
                <a
                    class="milestone"
                    href=move || app.href(to)
                    aria-label=name.clone()
                    data-version=m.version
                    on:click=move |ev: web_sys::MouseEvent| widgets::follow(&ev, app, to, None)
                >
                    <title>{name.clone()}</title>
                    <rect class="milestone-tab" x=l0 - 2 y=label.y - font - 1 width=l1 - l0 + 4 height=font + 5 rx="3" />
                    <text class="milestone-label" x=label.x y=label.y text-anchor=anchor(label.end) font-size=font>
                        {label.text.clone()}
                    </text>
                </a>
                </g>
            }
        })
        .collect_view()
}

/// The date range: the months outside it dimmed, the range being dragged,
/// and a slider for each end.
fn range(d: &Drawing, live: Live) -> impl IntoView + use<> {
    let scale = d.scale;
    let (top, axis, right) = (d.top, d.axis, scale.right as i32);
    let left = scale.left as i32;
    let months = Memo::new(move |_| live.range.with(|&(from, to)| scale.range(from, to)));
    let edge = move |month: u32| scale.px(month as f32);
    let dimmed = move || {
        let (start, end) = months.get();
        let (x0, x1) = (edge(start), edge(end + 1));
        view! {
            {(x0 > left).then(|| view! { <rect class="outside-range" x=left y=top width=x0 - left height=axis - top /> })}
            {(x1 < right).then(|| view! { <rect class="outside-range" x=x1 y=top width=right - x1 height=axis - top /> })}
        }
    };
    let dragging = move || {
        live.drag.get().filter(|g| g.moved).map(|g| {
            let (a, b) = (g.from.min(g.to), g.from.max(g.to));
            let x0 = edge(a);
            view! { <rect class="dragged-range" x=x0 y=top width=edge(b + 1) - x0 height=axis - top /> }
        })
    };
    let handle_height = d.metrics.font + 6;
    let handle = move |end: End| {
        let (label, which) = match end {
            End::Start => ("Start of the date range", "start"),
            End::Finish => ("End of the date range", "end"),
        };
        let value = move || {
            let (start, finish) = months.get();
            if end == End::Start { start } else { finish }
        };
        let x = move || match end {
            End::Start => edge(value()),
            End::Finish => edge(value() + 1),
        };
        let on_key = move |ev: web_sys::KeyboardEvent| {
            let (start, finish) = months.get_untracked();
            let (value, low, high) = match end {
                End::Start => (start, 0, finish),
                End::Finish => (finish, start, scale.months - 1),
            };
            let Some(moved) = layout::slide(value, &ev.key(), low, high) else {
                return;
            };
            ev.prevent_default();
            // Only the end that moved changes in the URL.
            let (from, to) = match end {
                End::Start => scale.bounds(moved, finish),
                End::Finish => scale.bounds(start, moved),
            };
            live.app.edit_filters(|f| match end {
                End::Start => f.from = from,
                End::Finish => f.to = to,
            });
        };
        view! {
            <g
                class="range-handle"
                role="slider"
                tabindex="0"
                aria-label=label
                aria-orientation="horizontal"
                aria-valuemin="0"
                aria-valuemax=scale.months - 1
                aria-valuenow=value
                aria-valuetext=move || readable(&scale.year_month(value()).to_string())
                data-end=which
                on:keydown=on_key
            >
                <rect x=move || x() - 4 y=axis - handle_height / 2 width="8" height=handle_height rx="3" />
            </g>
        }
    };
    view! {
        <g class="drawing-range">
            {dimmed}
            {dragging}
            {handle(End::Start)}
            {handle(End::Finish)}
        </g>
    }
}

/// Where a pointer event is, in the drawing's own pixels (the SVG may be
/// shown narrower than it was laid out for while it is being resized).
fn local_point(ev: &web_sys::MouseEvent, width: i32) -> Option<(f32, f32)> {
    let svg = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
    let rect = svg.get_bounding_client_rect();
    if rect.width() <= 0.0 {
        return None;
    }
    let k = width as f64 / rect.width();
    Some((
        ((ev.client_x() as f64 - rect.left()) * k) as f32,
        ((ev.client_y() as f64 - rect.top()) * k) as f32,
    ))
}

/// The element under the event that matches `css`, if any.
fn target_in(ev: &web_sys::Event, css: &str) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(css)
        .ok()
        .flatten()
}

/// The mark under the event, by index into the drawing's marks.
fn mark_under(ev: &web_sys::Event) -> Option<usize> {
    target_in(ev, "[data-mark]")?.get_attribute("data-mark")?.parse().ok()
}

/// Follows the pointer: extends a drag, or notes what is under it.
fn pointer_move(d: &Drawing, live: Live, ev: &web_sys::PointerEvent) {
    let Some((x, y)) = local_point(ev, d.width) else { return };
    if let Some(mut drag) = live.drag.get_untracked() {
        if !drag.moved && (x - drag.x).abs() < DRAG_START {
            return;
        }
        if !drag.moved {
            // Keep the pointer's moves and its release, even past the edge.
            if let Some(svg) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = svg.set_pointer_capture(ev.pointer_id());
            }
        }
        drag.moved = true;
        drag.to = d.scale.month_at(x);
        live.drag.set(Some(drag));
        return;
    }
    let pointed = match &d.content {
        Content::Marks { .. } => mark_under(ev).map(Pointed::Mark),
        Content::Density(density) => d
            .lane_at(y as i32)
            .filter(|_| (d.scale.left..d.scale.right).contains(&x))
            .map(|lane| Pointed::Bin(lane, (d.scale.month_at(x) / density.months_per_bin) as usize)),
    };
    if live.pointed.get_untracked() != pointed {
        live.pointed.set(pointed);
    }
}

/// A click that was not the end of a drag: opens a mark's event, shows
/// only a year that has matching events, or narrows to a density bar's
/// period.
fn click(d: &Drawing, live: Live, ev: &web_sys::MouseEvent) {
    if live.dragged.get_untracked() {
        live.dragged.set(false);
        return;
    }
    if let Some(k) = mark_under(ev) {
        live.open(d, k);
        return;
    }
    let year = target_in(ev, "[data-year]").and_then(|t| t.get_attribute("data-year")?.parse::<u16>().ok());
    if let Some(year) = year {
        let i = (year - d.scale.first_year) as usize;
        let chosen = live.range.get_untracked() == (Some(YearMonth::year(year)), Some(YearMonth::year(year)));
        // A year with nothing to show is never chosen, unless to undo it.
        if chosen || live.per_year.with_untracked(|p| p.get(i).copied().unwrap_or(0)) > 0 {
            live.app.edit_filters(|f| f.toggle_year(year));
        }
        return;
    }
    if let (Some(Pointed::Bin(lane, bin)), Content::Density(density)) = (live.pointed.get_untracked(), &d.content) {
        let matching = live.counts.with_untracked(|c| c[lane * density.bins + bin]);
        if matching > 0.0 {
            let (a, b) = density.months(&d.scale, bin);
            live.set_range(d, a, b);
        }
    }
}

/// The key to the marks' shapes and the drawing's zones, each with a
/// small sample drawn with the drawing's own classes.
#[component]
fn Key() -> impl IntoView {
    view! {
        <ul class="key-list">
            <li>
                <svg class="key-sample" width="16" height="16" aria-hidden="true">
                    <g class="event-mark"><circle class="shape shape-solid" cx="8" cy="8" r="4" /></g>
                </svg>
                "Reported"
            </li>
            <li>
                <svg class="key-sample" width="16" height="16" aria-hidden="true">
                    <g class="event-mark"><circle class="shape shape-hollow" cx="8" cy="8" r="4" /></g>
                </svg>
                "Analysis or speculation"
            </li>
            <li>
                <svg class="key-sample" width="16" height="16" aria-hidden="true">
                    <g class="event-mark future"><circle class="shape shape-dashed" cx="8" cy="8" r="4" /></g>
                </svg>
                "Prediction"
            </li>
            <li>
                <svg class="key-sample" width="16" height="16" aria-hidden="true">
                    <g class="event-mark"><path class="shape shape-diamond" d="M8 3l5 5l-5 5l-5 -5z" /></g>
                </svg>
                "Hypothetical figure"
            </li>
            <li>
                <svg class="key-sample" width="16" height="16" aria-hidden="true">
                    <g class="event-mark key"><circle class="shape shape-solid" cx="8" cy="8" r="6" /></g>
                </svg>
                "Key event"
            </li>
            <li>
                <svg class="key-sample" width="16" height="16" aria-hidden="true">
                    <g class="event-mark disputed">
                        <circle class="disputed-ring" cx="8" cy="8" r="6" />
                        <circle class="shape shape-solid" cx="8" cy="8" r="4" />
                    </g>
                </svg>
                "Sources disagree"
            </li>
            <li>
                <svg class="key-sample" width="22" height="16" aria-hidden="true">
                    <rect class="band" x="0" y="2" width="22" height="12" />
                </svg>
                "Dated only to a year, quarter or month: spread across it"
            </li>
            <li>
                <svg class="key-sample" width="22" height="16" aria-hidden="true">
                    <rect class="future" x="0" y="2" width="22" height="12" />
                </svg>
                "After today"
            </li>
            <li>
                <svg class="key-sample" width="16" height="16" aria-hidden="true">
                    <line class="milestone-line" x1="8" y1="1" x2="8" y2="15" />
                </svg>
                "Agreement version: a link to its terms"
            </li>
        </ul>
    }
}
