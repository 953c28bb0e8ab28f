//! The timeline drawn to scale, as plain numbers: where every event sits in
//! time and in its lane, the agreement versions as milestones, the line
//! between past and future, and, past [`MARK_LIMIT`] marks, how many events
//! fall in each stretch of each lane instead. The view
//! (`app::timeline::drawing`) only places the elements measured here, so the
//! geometry is tested natively, and a keystroke, which changes which events
//! match but never where they are, recomputes none of it.
//!
//! Choices a reader sees, and why:
//! - **An event that names several parties (or topics) is drawn in each of
//!   their lanes**, as copies of one mark that share the event. The data
//!   names no lead party, most events name two or more, and which of them
//!   acted is what a reader looks for: one copy per lane shows everyone
//!   involved, where a single lane would hide all but one of them.
//! - **The [`NAMED_LANES`] parties or topics with the most events get a
//!   lane each**, in the data's order, and the rest share one, so the
//!   drawing keeps a height a phone can show.
//! - **An approximate date is drawn as a span.** An event known only to its
//!   year, quarter or month, or estimated from a phrase such as "last
//!   fall", sits in a shaded band over that period in its lane; the events
//!   sharing a band are spread evenly across it in the data's order. A
//!   position inside a band says only "somewhere in this period", and the
//!   year-only events of 2025 do not pile into one smear at its start.
//! - **Marks say their certainty by shape**, never by colour alone: see
//!   [`Shape`]. Key events are larger; a disputed event wears a ring.
//! - **Past [`MARK_LIMIT`] marks, lanes show density**: bars counting the
//!   events in each lane per month, quarter, half-year or year (whichever
//!   keeps a bar a few pixels wide), matching events in front of all.
//!
//! Every length is in CSS pixels, rounded to whole ones: the view writes
//! them into SVG attributes as integers, since formatting floats would add
//! some 20 KB to the wasm.

use crate::chronology;
use crate::model::{Certainty, Dataset, EventDate, Precision, readable};
use crate::state::{Lanes, YearMonth};

/// Past this many marks (an event counts once per lane it is drawn in),
/// the drawing shows density instead of a mark per event. A keystroke
/// restyles every mark whose emphasis changes and repaints the SVG, which
/// past about a thousand marks takes a good part of a frame on its own on
/// a modest machine (in Chromium on 2 busy cores, 800 marks made a
/// keystroke some 15 ms slower than density did); and a thousand 8 px
/// marks in a drawing some 900 px wide already overlap into a smear.
/// The real data draws about 290.
pub const MARK_LIMIT: usize = 1_000;

/// How many parties or topics get a lane of their own; the rest share one.
pub const NAMED_LANES: usize = 7;

/// Below this width (CSS px) the drawing uses its compact sizes.
pub const COMPACT_BELOW: i32 = 560;

/// Sizes that depend on how wide the drawing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Metrics {
    /// Font size of every label.
    pub font: i32,
    /// Radius of an ordinary mark.
    pub radius: i32,
    /// Radius of a key event's mark.
    pub key_radius: i32,
    /// Vertical distance between two rows of marks within a lane.
    pub pitch: i32,
    /// The most rows of marks a lane gets; past that, marks overlap.
    pub max_rows: usize,
    /// Room above and below a lane's marks.
    pub lane_pad: i32,
    /// Height of a lane when the drawing shows density.
    pub density_lane: i32,
    /// Narrowest a density bar may be.
    pub min_bin: i32,
    /// Whether each year's label shows how many events match in it.
    pub year_counts: bool,
    /// How many rows the milestones' and "Today"'s labels may take.
    pub label_rows: usize,
}

/// Sizes on a desktop or tablet.
const WIDE: Metrics = Metrics {
    font: 12,
    radius: 4,
    key_radius: 6,
    pitch: 9,
    max_rows: 3,
    lane_pad: 2,
    density_lane: 28,
    min_bin: 5,
    year_counts: true,
    label_rows: 3,
};

/// Sizes on a phone: smaller marks, fewer rows, no counts under the
/// years, so the drawing stays under 180 px tall at 360 px wide.
const COMPACT: Metrics = Metrics {
    font: 10,
    radius: 2,
    key_radius: 3,
    pitch: 5,
    max_rows: 2,
    lane_pad: 1,
    density_lane: 14,
    min_bin: 4,
    year_counts: false,
    label_rows: 2,
};

/// Room kept free at the right edge, so the last year's label fits.
const RIGHT_PAD: i32 = 10;

/// Space between labels on the same row: room for their backgrounds and
/// for the estimate of their widths to be a little short.
const LABEL_GAP: i32 = 8;

/// The time axis: months since January of the first year, to pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The first year drawn; its January is month 0.
    pub first_year: u16,
    /// How many months are drawn: whole years, from the first to the last
    /// dated event's (predictions included).
    pub months: u32,
    /// Where month 0 starts, in px.
    pub left: f32,
    /// Where the last month ends, in px.
    pub right: f32,
}

impl Scale {
    /// The x of a point in time, in (fractional) months since the start.
    pub fn x(&self, month: f32) -> f32 {
        self.left + (self.right - self.left) * month / self.months as f32
    }

    /// [`Scale::x`] rounded to a whole pixel.
    pub fn px(&self, month: f32) -> i32 {
        self.x(month).round() as i32
    }

    /// The month under `x`, clamped to the drawing.
    pub fn month_at(&self, x: f32) -> u32 {
        let month = ((x - self.left) / (self.right - self.left) * self.months as f32).floor();
        month.clamp(0.0, (self.months - 1) as f32) as u32
    }

    /// The month index of `year`'s `month` (1–12), clamped to the drawing.
    pub fn month(&self, year: u16, month: u8) -> u32 {
        let index = (year as i64 - self.first_year as i64) * 12 + month.clamp(1, 12) as i64 - 1;
        index.clamp(0, self.months as i64 - 1) as u32
    }

    /// The month with this index, as a month-precise filter bound.
    pub fn year_month(&self, month: u32) -> YearMonth {
        YearMonth {
            year: self.first_year + (month / 12) as u16,
            month: Some((month % 12) as u8 + 1),
        }
    }

    /// The first and last month the date filter `from`–`to` covers,
    /// clamped to the drawing (the whole drawing when neither is set).
    pub fn range(&self, from: Option<YearMonth>, to: Option<YearMonth>) -> (u32, u32) {
        let start = from.map_or(0, |f| self.month(f.year, f.month.unwrap_or(1)));
        let end = to.map_or(self.months - 1, |t| self.month(t.year, t.month.unwrap_or(12)));
        (start, end.max(start))
    }

    /// The date filter for the months `a` to `b` (either order): no bound
    /// where the range reaches an end of the drawing, else month-precise.
    pub fn bounds(&self, a: u32, b: u32) -> (Option<YearMonth>, Option<YearMonth>) {
        let (start, end) = (a.min(b), a.max(b).min(self.months - 1));
        let from = (start > 0).then(|| self.year_month(start));
        let to = (end < self.months - 1).then(|| self.year_month(end));
        (from, to)
    }

    /// Where a date lies: a point for a day known exactly, else the span
    /// of months it covers (an estimated day counts as its whole month).
    pub fn place(&self, date: &EventDate) -> Place {
        let start = self.month(date.year, date.first_month());
        if date.precision == Precision::Day && !date.approx {
            // Mid-day, on a 31-day month: close enough at a pixel a week.
            return Place::Day(start as f32 + (date.day.clamp(1, 31) as f32 - 0.5) / 31.0);
        }
        let end = self.month(date.year, date.last_month()) + 1;
        Place::Span(start, end)
    }

    /// Today (`YYYYMMDD`) in months since the start, unclamped.
    fn today(&self, today: u32) -> f32 {
        let (year, month, day) = (today / 10_000, today / 100 % 100, today % 100);
        (year as f32 - self.first_year as f32) * 12.0 + month.clamp(1, 12) as f32 - 1.0 + (day as f32 - 0.5) / 31.0
    }
}

/// Where a date lies on the [`Scale`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    /// A day known exactly, in fractional months.
    Day(f32),
    /// A period known only this well: its first month and the month after
    /// its last.
    Span(u32, u32),
}

/// How a mark is drawn, by the certainty of its claim, so that the shape
/// says it without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Reported as fact: a filled disc.
    Solid,
    /// A source's analysis or speculation: a ring.
    Hollow,
    /// A prediction: a dashed ring.
    Dashed,
    /// A figure its source calls hypothetical: a dotted diamond, so that it
    /// reads as neither a fact nor an opinion about one.
    Diamond,
}

impl Shape {
    /// The shape of a claim with this certainty.
    pub fn of(certainty: Certainty) -> Shape {
        match certainty {
            Certainty::Reported => Shape::Solid,
            Certainty::Analysis | Certainty::Speculation => Shape::Hollow,
            Certainty::Prediction => Shape::Dashed,
            Certainty::Hypothetical => Shape::Diamond,
        }
    }

    /// The CSS class the view draws it with.
    pub fn class(self) -> &'static str {
        match self {
            Shape::Solid => "shape-solid",
            Shape::Hollow => "shape-hollow",
            Shape::Dashed => "shape-dashed",
            Shape::Diamond => "shape-diamond",
        }
    }
}

/// The lanes, and which of them each event is drawn in.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneSet {
    /// What the lanes stand for.
    pub kind: Lanes,
    /// The lanes, top to bottom.
    pub lanes: Vec<LaneName>,
    /// Per event, one bit per lane it is drawn in.
    of_event: Vec<u8>,
}

/// What a lane stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneName {
    /// The short label drawn beside it: a party's name, the first words of
    /// a topic's ("Money" for "Money & revenue share"), or "Others".
    pub label: &'static str,
    /// Everything it stands for: the full name, or every name it gathers.
    pub title: String,
    /// The party's or topic's id; `None` for the lane of the rest.
    pub id: Option<&'static str>,
}

impl LaneSet {
    /// A lane for each of the [`NAMED_LANES`] parties (or topics) that the
    /// most events name, in the data's order, and one for the rest (and
    /// for any event that names none).
    pub fn new(data: &Dataset, kind: Lanes) -> LaneSet {
        let options: Vec<(&'static str, &'static str)> = match kind {
            Lanes::Party => data.parties.iter().map(|p| (p.id, p.name)).collect(),
            Lanes::Topic => data.topics.iter().map(|t| (t.id, t.name)).collect(),
        };
        let named = |e: &crate::model::Event| match kind {
            Lanes::Party => e.parties,
            Lanes::Topic => e.topics,
        };
        let mut counts = vec![0usize; options.len()];
        for e in data.events {
            for (k, (id, _)) in options.iter().enumerate() {
                if named(e).contains(id) {
                    counts[k] += 1;
                }
            }
        }
        // The busiest (the first in the data's order among equals), kept
        // in the data's order, which puts Microsoft and OpenAI on top.
        let mut picked = vec![false; options.len()];
        for _ in 0..NAMED_LANES {
            let busiest = (0..options.len())
                .filter(|&k| !picked[k] && counts[k] > 0)
                .max_by_key(|&k| (counts[k], std::cmp::Reverse(k)));
            match busiest {
                Some(k) => picked[k] = true,
                None => break,
            }
        }
        let chosen: Vec<usize> = (0..options.len()).filter(|&k| picked[k]).collect();
        let mut lane_of_option = vec![None; options.len()];
        let mut lanes: Vec<LaneName> = chosen
            .iter()
            .enumerate()
            .map(|(lane, &k)| {
                lane_of_option[k] = Some(lane);
                let (id, name) = options[k];
                let label = match kind {
                    Lanes::Party => name,
                    Lanes::Topic => name.split(" & ").next().unwrap_or(name),
                };
                LaneName {
                    label,
                    title: name.to_string(),
                    id: Some(id),
                }
            })
            .collect();
        let others = lanes.len();
        let mut of_event: Vec<u8> = data
            .events
            .iter()
            .map(|e| {
                options
                    .iter()
                    .enumerate()
                    .filter(|(_, (id, _))| named(e).contains(id))
                    .fold(0u8, |bits, (k, _)| bits | 1 << lane_of_option[k].unwrap_or(others))
            })
            .collect();
        let rest: Vec<&str> = (0..options.len())
            .filter(|&k| counts[k] > 0 && lane_of_option[k].is_none())
            .map(|k| options[k].1)
            .collect();
        let unnamed = of_event.contains(&0);
        if !rest.is_empty() || unnamed {
            for bits in of_event.iter_mut().filter(|b| **b == 0) {
                *bits = 1 << others;
            }
            let what = match kind {
                Lanes::Party => "Other parties",
                Lanes::Topic => "Other topics",
            };
            lanes.push(LaneName {
                label: "Others",
                title: if rest.is_empty() {
                    format!("{what}: none named")
                } else {
                    format!("{what}: {}", rest.join(", "))
                },
                id: None,
            });
        }
        LaneSet { kind, lanes, of_event }
    }

    /// The lanes event `event` (an index into the dataset's events) is
    /// drawn in, top to bottom.
    pub fn of(&self, event: usize) -> impl Iterator<Item = usize> + '_ {
        let bits = self.of_event[event];
        (0..self.lanes.len()).filter(move |lane| bits & 1 << lane != 0)
    }

    /// How many lanes event `event` is drawn in: its number of copies.
    pub fn copies(&self, event: usize) -> usize {
        self.of_event[event].count_ones() as usize
    }
}

/// A lane as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// What it stands for.
    pub name: LaneName,
    /// Its top edge.
    pub top: i32,
    /// Its height.
    pub height: i32,
}

/// One copy of an event's mark, in one lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// The event, by index into the dataset's events.
    pub event: usize,
    /// The lane it is drawn in.
    pub lane: usize,
    /// Its centre.
    pub x: i32,
    /// Its centre.
    pub y: i32,
    /// Its radius: larger for a key event.
    pub r: i32,
    /// Its shape, by the claim's certainty.
    pub shape: Shape,
    /// A key event.
    pub key: bool,
    /// Sources disagree about it (a conflict names it).
    pub disputed: bool,
    /// Its date is a period (see [`Band`]), not a day.
    pub approx: bool,
    /// It lies after today.
    pub future: bool,
}

/// The shaded span, in one lane, of a period that approximate dates share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// The lane.
    pub lane: usize,
    /// Where the period starts, a pixel in.
    pub x0: i32,
    /// Where it ends, a pixel in.
    pub x1: i32,
}

/// A year on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct YearTick {
    /// The year.
    pub year: u16,
    /// Where it starts.
    pub x0: i32,
    /// Where it ends.
    pub x1: i32,
    /// Its label: `2025`, or `’25` where a year is too narrow for four digits.
    pub label: String,
}

/// A text label above the lanes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// What it says.
    pub text: String,
    /// Where its anchor is: its start, or its end when `end`.
    pub x: i32,
    /// Its baseline.
    pub y: i32,
    /// Whether the text ends at `x` (it starts there otherwise).
    pub end: bool,
    /// Its estimated width.
    pub width: i32,
}

impl Label {
    /// Its left and right edges.
    pub fn extent(&self) -> (i32, i32) {
        if self.end {
            (self.x - self.width, self.x)
        } else {
            (self.x, self.x + self.width)
        }
    }
}

/// An agreement version, drawn as a line (or a band, where its date is
/// approximate) across the lanes.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// The version's id (`2025`).
    pub version: &'static str,
    /// The version before it, which the comparison it links to starts from.
    pub previous: Option<&'static str>,
    /// The version's name.
    pub name: &'static str,
    /// Its date as a reader reads it.
    pub date: String,
    /// Where its line is drawn.
    pub x: i32,
    /// The span its date covers (`x0 == x1` for a day).
    pub x0: i32,
    /// See `x0`.
    pub x1: i32,
    /// Its label: the id and name where there is room, else the id.
    pub label: Label,
}

/// How many events fall in each stretch of each lane, for datasets past
/// [`MARK_LIMIT`] marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Density {
    /// Months per bar: 1, 3, 6 or 12.
    pub months_per_bin: u32,
    /// Bars per lane.
    pub bins: usize,
    /// Every event's count, lane after lane, bin after bin. An event
    /// dated to a period counts a share in each bin the period touches.
    pub totals: Vec<f32>,
    /// The largest count: the height of a full lane, in every lane.
    pub max: f32,
    /// Per event, its first and last bin; undated events have none.
    spans: Vec<Option<(u16, u16)>>,
}

/// What a lane of the density drawing needs to draw its bars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bars {
    /// The lane.
    pub lane: usize,
    /// Where the first bin starts.
    pub left: f32,
    /// A bin's width.
    pub bin_width: f32,
    /// The lane's bottom edge.
    pub bottom: i32,
    /// The height of the largest count.
    pub height: i32,
    /// The largest count.
    pub max: f32,
    /// Bins in the lane.
    pub bins: usize,
}

impl Bars {
    /// An SVG path of one bar per bin with a count, `counts` being the
    /// whole drawing's (as [`Density::counts`] gives them).
    pub fn path(&self, counts: &[f32]) -> String {
        let mut path = String::new();
        let lane = &counts[self.lane * self.bins..(self.lane + 1) * self.bins];
        // A pixel's gap between bars where they are wide enough to spare it.
        let gap = if self.bin_width >= 4.0 { 1 } else { 0 };
        for (bin, &count) in lane.iter().enumerate() {
            if count <= 0.0 {
                continue;
            }
            let h = ((count / self.max * self.height as f32).round() as i32).max(1);
            let x0 = (self.left + bin as f32 * self.bin_width).round() as i32;
            let x1 = (self.left + (bin + 1) as f32 * self.bin_width).round() as i32;
            let w = (x1 - x0 - gap).max(1);
            path.push_str(&format!("M{x0} {}h{w}v-{h}h-{w}z", self.bottom));
        }
        path
    }
}

impl Density {
    fn new(data: &Dataset, set: &LaneSet, scale: &Scale, months_per_bin: u32) -> Density {
        let bins = scale.months.div_ceil(months_per_bin) as usize;
        let mut totals = vec![0.0; set.lanes.len() * bins];
        let spans: Vec<Option<(u16, u16)>> = data
            .events
            .iter()
            .map(|e| {
                let bin = |month: u32| (month / months_per_bin) as u16;
                e.date.date().map(|d| match scale.place(d) {
                    Place::Day(m) => (bin(m as u32), bin(m as u32)),
                    Place::Span(start, end) => (bin(start), bin(end - 1)),
                })
            })
            .collect();
        for (event, span) in spans.iter().enumerate() {
            add(&mut totals, bins, set, event, *span);
        }
        let max = totals.iter().copied().fold(0.0, f32::max).max(1.0);
        Density {
            months_per_bin,
            bins,
            totals,
            max,
            spans,
        }
    }

    /// The counts of `events` (indexes into the dataset's events), laid
    /// out as [`Density::totals`].
    pub fn counts(&self, set: &LaneSet, events: &[usize]) -> Vec<f32> {
        let mut counts = vec![0.0; self.totals.len()];
        for &event in events {
            add(&mut counts, self.bins, set, event, self.spans[event]);
        }
        counts
    }

    /// The first and last month of bin `bin`.
    pub fn months(&self, scale: &Scale, bin: usize) -> (u32, u32) {
        let start = bin as u32 * self.months_per_bin;
        (start, (start + self.months_per_bin).min(scale.months) - 1)
    }

    /// Bin `bin`'s period as a reader reads it: `Mar 2025`, `Q1 2025`,
    /// `H2 2025` or `2025`.
    pub fn period(&self, scale: &Scale, bin: usize) -> String {
        let (start, _) = self.months(scale, bin);
        let YearMonth { year, month } = scale.year_month(start);
        let month = month.unwrap_or(1);
        match self.months_per_bin {
            1 => readable(&format!("{year}-{month:02}")),
            3 => format!("Q{} {year}", (month - 1) / 3 + 1),
            6 => format!("H{} {year}", (month - 1) / 6 + 1),
            _ => year.to_string(),
        }
    }
}

/// Adds one event's share to each bin of each of its lanes.
fn add(counts: &mut [f32], bins: usize, set: &LaneSet, event: usize, span: Option<(u16, u16)>) {
    let Some((first, last)) = span else { return };
    let share = 1.0 / (last - first + 1) as f32;
    for lane in set.of(event) {
        for bin in first..=last {
            counts[lane * bins + bin as usize] += share;
        }
    }
}

/// What the lanes hold: a mark per event in each of its lanes, or density.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// A mark per event and lane, ordered by lane, then left to right.
    Marks {
        /// The marks.
        marks: Vec<Mark>,
        /// The bands approximate dates are spread across.
        bands: Vec<Band>,
    },
    /// Past [`MARK_LIMIT`] marks.
    Density(Density),
}

/// A move of the keyboard's current mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The previous mark in its lane (Left arrow).
    Back,
    /// The next mark in its lane (Right arrow).
    Forward,
    /// The nearest mark in the lane above (Up arrow).
    Up,
    /// The nearest mark in the lane below (Down arrow).
    Down,
    /// The first mark in its lane (Home).
    First,
    /// The last mark in its lane (End).
    Last,
}

impl Step {
    /// The move a key makes, by its DOM name.
    pub fn of_key(key: &str) -> Option<Step> {
        Some(match key {
            "ArrowLeft" => Step::Back,
            "ArrowRight" => Step::Forward,
            "ArrowUp" => Step::Up,
            "ArrowDown" => Step::Down,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return None,
        })
    }
}

/// Moves a handle of the date range, at month `value`, by a key: arrows
/// by a month (Left and Down back, Right and Up on), Page Down and Page Up
/// by a year, Home and End to `low` and `high`; `None` for any other key.
pub fn slide(value: u32, key: &str, low: u32, high: u32) -> Option<u32> {
    let moved = match key {
        "ArrowLeft" | "ArrowDown" => value.saturating_sub(1),
        "ArrowRight" | "ArrowUp" => value + 1,
        "PageDown" => value.saturating_sub(12),
        "PageUp" => value + 12,
        "Home" => low,
        "End" => high,
        _ => return None,
    };
    Some(moved.clamp(low, high))
}

/// One flag per event of the dataset: whether it is among `events`.
pub fn matching(all: usize, events: &[usize]) -> Vec<bool> {
    let mut flags = vec![false; all];
    for &event in events {
        flags[event] = true;
    }
    flags
}

/// The whole drawing at one width: every length the view needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// Its width.
    pub width: i32,
    /// Its height.
    pub height: i32,
    /// The sizes used at this width.
    pub metrics: Metrics,
    /// The time axis.
    pub scale: Scale,
    /// Which lanes each event is in.
    pub set: LaneSet,
    /// The lanes, top to bottom.
    pub lanes: Vec<Lane>,
    /// The years along the axis.
    pub years: Vec<YearTick>,
    /// The agreement versions.
    pub milestones: Vec<Milestone>,
    /// Where the future starts (today's x, or the left edge when all of
    /// the drawing is ahead); `None` when all of it is past.
    pub future: Option<i32>,
    /// The "Today" label, where today lies within the drawing.
    pub today: Option<Label>,
    /// The top of the first lane.
    pub top: i32,
    /// The axis: the bottom of the last lane.
    pub axis: i32,
    /// The baseline of the years' labels.
    pub year_baseline: i32,
    /// The baseline of the years' counts (when the metrics show them).
    pub count_baseline: i32,
    /// The marks or the density.
    pub content: Content,
    /// How many events are dated, and so drawn.
    pub dated: usize,
    /// How many events are undated, and so only in the list.
    pub undated: usize,
}

/// Estimated width of a label: the drawing's bold labels in system fonts
/// average about 0.62 em a character (digits a little more, spaces less).
fn text_width(text: &str, font: i32) -> i32 {
    (text.chars().count() as f32 * font as f32 * 0.62).ceil() as i32
}

impl Drawing {
    /// Lays out `data`'s events in lanes of `kind`, `width` px wide, with
    /// what lies after `today` (`YYYYMMDD`) in the future.
    pub fn new(data: &Dataset, kind: Lanes, today: u32, width: i32) -> Drawing {
        let width = width.max(240);
        let metrics = if width < COMPACT_BELOW { COMPACT } else { WIDE };
        let set = LaneSet::new(data, kind);
        let (first_year, last_year) = chronology::year_span(data.events);
        let gutter = set
            .lanes
            .iter()
            .map(|l| text_width(l.label, metrics.font))
            .max()
            .unwrap_or(0)
            + 8;
        let scale = Scale {
            first_year,
            months: (last_year - first_year + 1) as u32 * 12,
            left: gutter.min(width / 4) as f32,
            right: (width - RIGHT_PAD) as f32,
        };

        let today_month = scale.today(today);
        let future = if today_month >= scale.months as f32 {
            None
        } else {
            Some(scale.px(today_month.max(0.0)))
        };
        let today_x = (today_month >= 0.0 && today_month < scale.months as f32).then(|| scale.px(today_month));

        let (milestones, today_label, label_rows) =
            top_labels(data, &scale, metrics.font, metrics.label_rows, today_x, width);
        let row = metrics.font + 4;
        let top = label_rows as i32 * row + 4;

        let dated = data.events.iter().filter(|e| e.date.date().is_some()).count();
        let copies: usize = (0..data.events.len())
            .filter(|&i| data.events[i].date.date().is_some())
            .map(|i| set.copies(i))
            .sum();
        let (lanes, content) = if copies > MARK_LIMIT {
            let months_per_bin = [1, 3, 6, 12]
                .into_iter()
                .find(|&m| scale.x(m as f32) - scale.left >= metrics.min_bin as f32)
                .unwrap_or(12);
            let density = Density::new(data, &set, &scale, months_per_bin);
            let lanes = stack(&set, top, |_| metrics.density_lane);
            (lanes, Content::Density(density))
        } else {
            lay_marks(data, &set, &scale, metrics, top, today)
        };
        let axis = lanes.last().map_or(top, |l| l.top + l.height);
        let year_baseline = axis + metrics.font + 3;
        let count_baseline = year_baseline + if metrics.year_counts { metrics.font + 2 } else { 0 };
        let height = count_baseline + 4;

        let years = (first_year..=last_year)
            .map(|year| {
                let start = (year - first_year) as f32 * 12.0;
                let (x0, x1) = (scale.px(start), scale.px(start + 12.0));
                let full = year.to_string();
                let label = if text_width(&full, metrics.font) + 4 > x1 - x0 {
                    format!("’{:02}", year % 100)
                } else {
                    full
                };
                YearTick { year, x0, x1, label }
            })
            .collect();

        Drawing {
            width,
            height,
            metrics,
            scale,
            set,
            lanes,
            years,
            milestones,
            future,
            today: today_label,
            top,
            axis,
            year_baseline,
            count_baseline,
            content,
            dated,
            undated: data.events.len() - dated,
        }
    }

    /// The marks, empty when the drawing shows density.
    pub fn marks(&self) -> &[Mark] {
        match &self.content {
            Content::Marks { marks, .. } => marks,
            Content::Density(_) => &[],
        }
    }

    /// What lane `lane` of the density drawing needs to draw its bars.
    pub fn bars(&self, density: &Density, lane: usize) -> Bars {
        let l = &self.lanes[lane];
        Bars {
            lane,
            left: self.scale.left,
            bin_width: self.scale.x(density.months_per_bin as f32) - self.scale.left,
            bottom: l.top + l.height,
            height: l.height - 2,
            max: density.max,
            bins: density.bins,
        }
    }

    /// The lane at height `y`, if any.
    pub fn lane_at(&self, y: i32) -> Option<usize> {
        self.lanes.iter().position(|l| (l.top..l.top + l.height).contains(&y))
    }

    /// The mark the keyboard moves to from mark `from` (an index into
    /// [`Drawing::marks`]) by `step`, among the marks of matching events
    /// only (`matching` as [`matching`] gives it). From no mark, any step
    /// goes to the first matching mark of the first lane that has one.
    /// Stays put at an end; `None` when no mark matches.
    pub fn step(&self, from: Option<usize>, step: Step, matching: &[bool]) -> Option<usize> {
        let marks = self.marks();
        let live = |k: &usize| matching[marks[*k].event];
        let in_lane = |lane: usize| (0..marks.len()).filter(move |&k| marks[k].lane == lane).filter(live);
        let Some(from) = from.filter(|&k| k < marks.len()) else {
            return (0..marks.len()).find(live);
        };
        let here = marks[from];
        let nearest_in = |lane: usize| in_lane(lane).min_by_key(|&k| (marks[k].x - here.x).abs());
        let moved = match step {
            Step::Back => in_lane(here.lane).rfind(|&k| k < from),
            Step::Forward => in_lane(here.lane).find(|&k| k > from),
            Step::First => in_lane(here.lane).next(),
            Step::Last => in_lane(here.lane).next_back(),
            Step::Up => (0..here.lane).rev().find_map(nearest_in),
            Step::Down => (here.lane + 1..self.lanes.len()).find_map(nearest_in),
        };
        moved
            .or(Some(from).filter(live))
            .or_else(|| (0..marks.len()).find(live))
    }

    /// Mark `k` in words, for its tooltip: its date and title, whether it
    /// happened or is commentary, its certainty and what else its shape
    /// says, and the lanes it is in.
    pub fn describe(&self, data: &Dataset, k: usize) -> String {
        let mark = self.marks()[k];
        let e = &data.events[mark.event];
        let mut text = format!(
            "{}: {}. {} ({})",
            e.date,
            e.title,
            e.kind.label(),
            e.certainty.label().to_ascii_lowercase()
        );
        if mark.key {
            text.push_str(", key event");
        }
        if mark.disputed {
            text.push_str(", sources disagree");
        }
        let lanes: Vec<&str> = self.set.of(mark.event).map(|l| self.lanes[l].name.label).collect();
        text.push_str(&format!(". In {}.", lanes.join(", ")));
        text
    }

    /// Bin `bin` of lane `lane` of the density drawing in words: how many
    /// events it counts, and how many of them match (`counts` as
    /// [`Density::counts`] gives them).
    pub fn describe_bin(&self, density: &Density, lane: usize, bin: usize, counts: &[f32]) -> String {
        let at = lane * density.bins + bin;
        let (total, matching) = (density.totals[at].round() as u32, counts[at].round() as u32);
        format!(
            "{}, {}: {total} events, {matching} matching.",
            self.lanes[lane].name.label,
            density.period(&self.scale, bin)
        )
    }

    /// What the drawing shows, in a sentence for its accessible name.
    pub fn summary(&self) -> String {
        let per = match self.set.kind {
            Lanes::Party => "party",
            Lanes::Topic => "topic",
        };
        let last = self.scale.first_year as u32 + self.scale.months / 12 - 1;
        let mut text = format!(
            "Drawing of {} events from {} to {last} in {} lanes, one per {per}",
            self.dated,
            self.scale.first_year,
            self.lanes.len()
        );
        match &self.content {
            Content::Marks { .. } => text.push_str(
                " (an event that names several is drawn in each of their lanes). \
                 Arrow keys move between events, Enter opens one in the list below",
            ),
            Content::Density(_) => {
                text.push_str(": too many events to draw one by one, so bars count the events in each lane and period")
            }
        }
        if self.undated > 0 {
            text.push_str(&format!(
                ". {} undated {} only in the list",
                self.undated,
                if self.undated == 1 { "event is" } else { "events are" }
            ));
        }
        text.push_str(". The list below has the same events.");
        text
    }
}

/// Stacks lanes from `top`, each as high as `height` says.
fn stack(set: &LaneSet, top: i32, height: impl Fn(usize) -> i32) -> Vec<Lane> {
    let mut y = top;
    set.lanes
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let lane = Lane {
                name: name.clone(),
                top: y,
                height: height(i),
            };
            y += lane.height;
            lane
        })
        .collect()
}

/// One mark before it has a row: where it wants to be and how wide it is.
struct Wanted {
    event: usize,
    x: f32,
    r: i32,
    approx: bool,
}

/// Lays out a mark per event and lane: exact days where they fall, the
/// events sharing a period spread across its band, then each lane's marks
/// dealt into rows so that neighbours overlap as little as the lane's
/// rows allow.
fn lay_marks(
    data: &Dataset,
    set: &LaneSet,
    scale: &Scale,
    metrics: Metrics,
    top: i32,
    today: u32,
) -> (Vec<Lane>, Content) {
    let radius = |event: usize| {
        if data.events[event].key {
            metrics.key_radius
        } else {
            metrics.radius
        }
    };
    let mut bands = Vec::new();
    let mut per_lane: Vec<Vec<Wanted>> = set.lanes.iter().map(|_| Vec::new()).collect();
    for (lane, wanted) in per_lane.iter_mut().enumerate() {
        // Periods in the order first met, each with its events in the data's order.
        let mut periods: Vec<((u32, u32), Vec<usize>)> = Vec::new();
        for (event, e) in data.events.iter().enumerate() {
            let Some(date) = e.date.date() else { continue };
            if !set.of(event).any(|l| l == lane) {
                continue;
            }
            match scale.place(date) {
                Place::Day(month) => wanted.push(Wanted {
                    event,
                    x: scale.x(month),
                    r: radius(event),
                    approx: false,
                }),
                Place::Span(start, end) => match periods.iter_mut().find(|(p, _)| *p == (start, end)) {
                    Some((_, events)) => events.push(event),
                    None => periods.push(((start, end), vec![event])),
                },
            }
        }
        for ((start, end), events) in periods {
            let (x0, x1) = (scale.x(start as f32), scale.x(end as f32));
            let step = (x1 - x0) / events.len() as f32;
            // A pixel in from each end, so the bands of neighbouring
            // periods stay apart.
            bands.push(Band {
                lane,
                x0: x0.round() as i32 + 1,
                x1: x1.round() as i32 - 1,
            });
            for (k, event) in events.into_iter().enumerate() {
                wanted.push(Wanted {
                    event,
                    x: x0 + step * (k as f32 + 0.5),
                    r: radius(event),
                    approx: true,
                });
            }
        }
        in_order(wanted);
    }

    let rows: Vec<Vec<usize>> = per_lane
        .iter()
        .map(|wanted| {
            let needed = deal(wanted, &(0..metrics.max_rows).collect::<Vec<_>>())
                .into_iter()
                .max()
                .map_or(1, |r| r + 1);
            deal(wanted, &middle_out(needed))
        })
        .collect();
    let lane_height = |lane: usize| {
        let used = rows[lane].iter().max().map_or(1, |r| r + 1) as i32;
        (used - 1) * metrics.pitch + 2 * (metrics.key_radius + metrics.lane_pad)
    };
    let lanes = stack(set, top, lane_height);

    let mut marks = Vec::new();
    for (lane, wanted) in per_lane.into_iter().enumerate() {
        let used = rows[lane].iter().max().map_or(1, |r| r + 1) as i32;
        let l = &lanes[lane];
        // The rows used, centred in the lane.
        let first = l.top + (l.height - (used - 1) * metrics.pitch) / 2;
        for (w, row) in wanted.into_iter().zip(&rows[lane]) {
            let e = &data.events[w.event];
            marks.push(Mark {
                event: w.event,
                lane,
                x: w.x.round() as i32,
                y: first + *row as i32 * metrics.pitch,
                r: w.r,
                shape: Shape::of(e.certainty),
                key: e.key,
                disputed: data.conflicts_of_event(e.id).next().is_some(),
                approx: w.approx,
                future: chronology::is_future(e, today),
            });
        }
    }
    (lanes, Content::Marks { marks, bands })
}

/// Sorts a lane's marks left to right (the data's order among equals).
/// By insertion: they arrive nearly in order (days in the data's order,
/// then each band's marks), and each of the standard library's sorts
/// would cost the wasm a few kilobytes more.
fn in_order(wanted: &mut [Wanted]) {
    let before = |a: &Wanted, b: &Wanted| (a.x, a.event) < (b.x, b.event);
    for i in 1..wanted.len() {
        let mut j = i;
        while j > 0 && before(&wanted[j], &wanted[j - 1]) {
            wanted.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Rows to try, the middle ones first (then one below, one above, …), so
/// a lane's sparse stretches sit along its middle.
fn middle_out(rows: usize) -> Vec<usize> {
    let middle = rows.saturating_sub(1) / 2;
    (0..rows)
        .flat_map(|d| [middle + d, middle.wrapping_sub(d)])
        .filter(|&r| r < rows)
        .fold(Vec::new(), |mut order, r| {
            if !order.contains(&r) {
                order.push(r);
            }
            order
        })
}

/// Deals marks (ordered left to right) into rows: each goes to the first
/// row, in `preference` order, where it clears the marks already there,
/// else to the row whose last mark ends furthest left. Returns each mark's
/// row.
fn deal(wanted: &[Wanted], preference: &[usize]) -> Vec<usize> {
    let rows = preference.len().max(1);
    let mut ends = vec![f32::NEG_INFINITY; rows];
    wanted
        .iter()
        .map(|w| {
            let row = preference
                .iter()
                .copied()
                .find(|&r| ends[r] + 1.0 <= w.x - w.r as f32)
                .unwrap_or_else(|| (0..rows).min_by(|&a, &b| ends[a].total_cmp(&ends[b])).unwrap_or(0));
            ends[row] = w.x + w.r as f32;
            row
        })
        .collect()
}

/// Places the "Today" label, then the milestones' labels left to right,
/// above the lanes, each in the first of `rows` rows where it overlaps
/// nothing: with the version's name where there is room after its line,
/// else its id, after the line or before it. When even an id finds no room, the label before
/// it gives up its name and all are placed again; when no name is left to
/// give up, a label with no room overlaps on the last row. Returns the
/// milestones, the "Today" label and how many rows the labels use.
fn top_labels(
    data: &Dataset,
    scale: &Scale,
    font: i32,
    rows: usize,
    today: Option<i32>,
    width: i32,
) -> (Vec<Milestone>, Option<Label>, usize) {
    let mut names = vec![true; data.versions.len()];
    let (milestones, today) = loop {
        match lay_labels(data, scale, (font, rows, width), today, &names, false) {
            Ok(laid) => break laid,
            Err(failed) => match (0..failed).rev().find(|&j| names[j]) {
                Some(j) => names[j] = false,
                None => break lay_labels(data, scale, (font, rows, width), today, &names, true).unwrap_or_default(),
            },
        }
    };
    let row_height = font + 4;
    let used = milestones
        .iter()
        .map(|m| &m.label)
        .chain(&today)
        .map(|l| ((l.y + 3) / row_height) as usize)
        .max()
        .unwrap_or(0);
    (milestones, today, used)
}

/// One try of [`top_labels`], with names for the versions `names` allows,
/// in rows of `font` px text: the milestones and "Today", or the index of
/// the version that found no room (never when `forced`, which overlaps it
/// on the last row).
fn lay_labels(
    data: &Dataset,
    scale: &Scale,
    (font, rows, width): (i32, usize, i32),
    today: Option<i32>,
    names: &[bool],
    forced: bool,
) -> Result<(Vec<Milestone>, Option<Label>), usize> {
    let row_height = font + 4;
    let mut placed: Vec<Vec<(i32, i32)>> = vec![Vec::new(); rows];
    // A label goes after its line in any row where it fits, before it only
    // if `before` allows: a label that ends at its line is easily read as
    // the next line's, so a version's name is only ever written after it.
    let mut place = |text: String, x: i32, before: bool| -> Option<Label> {
        for end in [false, before] {
            for (row, taken) in placed.iter_mut().enumerate() {
                let label = Label {
                    x: if end { x - 3 } else { x + 3 },
                    y: (row as i32 + 1) * row_height - 3,
                    end,
                    width: text_width(&text, font),
                    text: text.clone(),
                };
                let (a, b) = label.extent();
                let free = taken.iter().all(|&(c, d)| b + LABEL_GAP <= c || d + LABEL_GAP <= a);
                if a >= 0 && b <= width && free {
                    taken.push((a, b));
                    return Some(label);
                }
            }
        }
        forced.then(|| Label {
            width: text_width(&text, font),
            text,
            x: x + 3,
            y: rows as i32 * row_height - 3,
            end: false,
        })
    };

    // "Today" first: it is short, and the line it names matters most.
    let today = match today {
        Some(x) => Some(place("Today".to_string(), x, true).ok_or(0usize)?),
        None => None,
    };
    let mut milestones: Vec<Milestone> = Vec::new();
    for (i, v) in data.versions.iter().enumerate() {
        let (x0, x1) = match scale.place(&v.date) {
            Place::Day(m) => (scale.px(m), scale.px(m)),
            Place::Span(start, end) => (scale.px(start as f32), scale.px(end as f32)),
        };
        let x = (x0 + x1) / 2;
        let named = names[i]
            .then(|| place(format!("{} {}", v.id, v.name), x, false))
            .flatten();
        let label = named.or_else(|| place(v.id.to_string(), x, true)).ok_or(i)?;
        milestones.push(Milestone {
            version: v.id,
            previous: i.checked_sub(1).map(|p| data.versions[p].id),
            name: v.name,
            date: v.date.to_string(),
            x,
            x0,
            x1,
            label,
        });
    }
    Ok((milestones, today))
}
