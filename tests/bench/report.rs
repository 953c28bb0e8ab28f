//! Turns the measured loads into Markdown: the machine, the comparison with
//! TimelineJS (median, min–max, ratio, targets met or not), Pactline's
//! scale table, Lighthouse's audit of both, and notes on what each figure
//! does and does not include.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::lighthouse::{Audit, Audited};
use super::measure::Load;
use super::timelinejs;
use super::tools::{Data, NEXT_SLIDE_CLICKS, QUERY, Tool};

/// Every load of one tool on one dataset (warm-ups excluded).
#[derive(Debug)]
pub struct Cell {
    /// The tool.
    pub tool: Tool,
    /// The dataset.
    pub data: Data,
    /// The measured loads, in the order they ran.
    pub loads: Vec<Load>,
}

/// What the report describes besides the loads.
#[derive(Debug)]
pub struct Context {
    /// The machine, one Markdown line per fact.
    pub machine: Vec<String>,
    /// Measured runs per cell.
    pub runs: usize,
    /// Datasets both tools were given.
    pub compared: Vec<Data>,
    /// The TimelineJS dataset that Pactline's default page (its real
    /// events, no query) is compared with.
    pub default_view_against: Data,
    /// The rows of Pactline's scale table.
    pub pactline_scale: Vec<Data>,
    /// Lighthouse runs per page.
    pub lighthouse_runs: usize,
    /// How long the Lighthouse runs took, seconds.
    pub lighthouse_seconds: f64,
    /// How long the whole bench took, seconds.
    pub seconds: f64,
}

/// Median, minimum and maximum of some samples.
#[derive(Clone, Copy, Debug)]
struct Stat {
    median: f64,
    min: f64,
    max: f64,
}

impl Stat {
    fn of(mut samples: Vec<f64>) -> Option<Self> {
        if samples.is_empty() {
            return None;
        }
        samples.sort_by(f64::total_cmp);
        let mid = samples.len() / 2;
        let median = if samples.len().is_multiple_of(2) {
            (samples[mid - 1] + samples[mid]) / 2.0
        } else {
            samples[mid]
        };
        Some(Self {
            median,
            min: samples[0],
            max: samples[samples.len() - 1],
        })
    }

    /// `median (min–max) unit`, or `—` when there is nothing to show.
    fn cell(stat: Option<Self>, unit: Unit) -> String {
        match stat {
            Some(stat) => {
                let range = if unit.format(stat.min) == unit.format(stat.max) {
                    String::new()
                } else {
                    format!(" ({}–{})", unit.format(stat.min), unit.format(stat.max))
                };
                format!("{}{range} {}", unit.format(stat.median), unit.suffix())
                    .trim_end()
                    .to_owned()
            }
            None => "—".to_owned(),
        }
    }
}

/// How a metric's numbers are shown.
#[derive(Clone, Copy, Debug)]
enum Unit {
    Ms,
    /// Milliseconds shown as seconds, as Lighthouse shows its paints.
    Seconds,
    KiB,
    MiB,
    Count,
    /// Cumulative layout shift, a unitless score.
    Shift,
}

impl Unit {
    fn format(self, value: f64) -> String {
        match self {
            Self::Ms if value < 100.0 => format!("{value:.1}"),
            Self::Ms | Self::Count => format!("{value:.0}"),
            Self::Seconds => format!("{:.2}", value / 1000.0),
            Self::KiB => format!("{:.1}", value / 1024.0),
            Self::MiB => format!("{:.1}", value / (1024.0 * 1024.0)),
            // A shift too small to show is still a shift: the target is none.
            Self::Shift if value > 0.0 && value < 0.0005 => "< 0.001".to_owned(),
            Self::Shift => format!("{value:.3}"),
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Self::Ms => "ms",
            Self::Seconds => "s",
            Self::KiB => "KiB",
            Self::MiB => "MiB",
            Self::Count | Self::Shift => "",
        }
    }
}

/// One row kind of the tables: a name and how to read it from a load.
struct Metric {
    name: &'static str,
    unit: Unit,
    samples: fn(&Load) -> Vec<f64>,
}

/// Where a metric's target for a dataset comes from.
type TargetOf = fn(Data) -> Option<Target>;

/// One row of the comparison: a metric of Pactline on `ours` beside
/// TimelineJS on `theirs`, with the target for `theirs`.
struct Row {
    name: &'static str,
    metric: &'static Metric,
    ours: Data,
    theirs: Data,
    target: TargetOf,
}

const TRANSFER: Metric = Metric {
    name: "first-load transfer (brotli)",
    unit: Unit::KiB,
    samples: |load| vec![load.bytes as f64],
};
const FIRST_EVENT: Metric = Metric {
    name: "first event painted",
    unit: Unit::Ms,
    samples: |load| vec![load.first_event_ms],
};
const ALL_EVENTS: Metric = Metric {
    name: "all events present ¹",
    unit: Unit::Ms,
    samples: |load| vec![load.all_events_ms],
};
const INTERACTION: Metric = Metric {
    name: "one interaction → next frame ²",
    unit: Unit::Ms,
    samples: |load| load.interaction_ms.clone(),
};
const INTERACTION_DOM: Metric = Metric {
    name: "keystroke → DOM changed",
    unit: Unit::Ms,
    samples: |load| load.interaction_dom_ms.clone(),
};
const INTERACTION_SETTLED: Metric = Metric {
    name: "keystroke → every part painted",
    unit: Unit::Ms,
    samples: |load| load.interaction_settled_ms.clone(),
};
const OUTSIDE: Metric = Metric {
    name: "elements changed outside the list, counts and drawing, per keystroke",
    unit: Unit::Count,
    samples: |load| load.interaction_outside.clone(),
};
const VERSION_CHANGE: Metric = Metric {
    name: "version picked in the comparison → next frame",
    unit: Unit::Ms,
    samples: |load| load.version_change_ms.clone(),
};
const HEAP: Metric = Metric {
    name: "JS heap after load ³",
    unit: Unit::MiB,
    samples: |load| vec![load.heap_bytes],
};
const WASM_MEMORY: Metric = Metric {
    name: "wasm linear memory ³",
    unit: Unit::MiB,
    samples: |load| load.wasm_memory_bytes.into_iter().collect(),
};
/// The comparison's metrics, each on every dataset both tools are given,
/// in the order of the table.
const COMPARISON: [(&Metric, TargetOf); 7] = [
    (&TRANSFER, transfer_target),
    (&FIRST_EVENT, first_event_target),
    (&ALL_EVENTS, no_target),
    (&INTERACTION, no_target),
    (&HEAP, no_target),
    (&WASM_MEMORY, no_target),
    (&OFFORIGIN, no_target),
];

/// The medians of `metrics` joined by `separator`, e.g. `120 → 210 → 300`.
fn medians(metrics: &[Metric], loads: &[Load], separator: &str) -> String {
    metrics
        .iter()
        .map(|metric| {
            metric
                .stat(loads)
                .map_or("—".to_owned(), |stat| metric.unit.format(stat.median))
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// The steps of Pactline's start-up, in the order they end.
const START_UP: [Metric; 3] = [
    Metric {
        name: "wasm received",
        unit: Unit::Ms,
        samples: |load| load.wasm_received_ms.into_iter().collect(),
    },
    Metric {
        name: "wasm compiled and instantiated",
        unit: Unit::Ms,
        samples: |load| load.wasm_instantiated_ms.into_iter().collect(),
    },
    Metric {
        name: "first event in the DOM",
        unit: Unit::Ms,
        samples: |load| vec![load.first_event_dom_ms],
    },
];
const OFFORIGIN: Metric = Metric {
    name: "requests to other hosts ⁴",
    unit: Unit::Count,
    samples: |load| vec![load.offorigin.len() as f64],
};

impl Metric {
    fn stat(&self, loads: &[Load]) -> Option<Stat> {
        Stat::of(loads.iter().flat_map(self.samples).collect())
    }

    /// `median (min–max) unit`, or `—` when there is nothing to show.
    fn cell(&self, loads: &[Load]) -> String {
        Stat::cell(self.stat(loads), self.unit)
    }
}

/// A count that should not vary between runs: `40`, or `30–40` if it did.
fn count_range(counts: impl Iterator<Item = usize> + Clone) -> String {
    let (min, max) = (counts.clone().min().unwrap_or(0), counts.max().unwrap_or(0));
    if min == max {
        min.to_string()
    } else {
        format!("{min}–{max}")
    }
}

/// A target, and whether a median meets it: in the comparison, the ratio
/// of the medians, Pactline ÷ TimelineJS (issue 8); in Lighthouse's table,
/// Pactline's own median (issue 17).
struct Target {
    text: &'static str,
    met: fn(f64) -> bool,
}

fn transfer_target(_: Data) -> Option<Target> {
    Some(Target {
        text: "smaller than TimelineJS's",
        met: |ratio| ratio < 1.0,
    })
}

fn first_event_target(data: Data) -> Option<Target> {
    match data {
        Data::Synthetic(30) => Some(Target {
            text: "≥ 2× sooner",
            met: |ratio| ratio <= 0.5,
        }),
        Data::Synthetic(10_000) => Some(Target {
            text: "≥ 10× sooner",
            met: |ratio| ratio <= 0.1,
        }),
        _ => None,
    }
}

fn no_target(_: Data) -> Option<Target> {
    None
}

/// Pactline's own keystroke targets: the median under this many ms.
fn keystroke_target(data: Data) -> Option<f64> {
    match data {
        Data::Synthetic(10_000) => Some(16.0),
        Data::Synthetic(100_000) => Some(50.0),
        _ => None,
    }
}

fn verdict(met: bool) -> &'static str {
    if met { "**met**" } else { "**not met**" }
}

/// The loads of `tool` on `data`.
fn loads_of(cells: &[Cell], tool: Tool, data: Data) -> &[Load] {
    cells
        .iter()
        .find(|cell| cell.tool == tool && cell.data == data)
        .map_or(&[], |cell| &cell.loads)
}

/// The whole report, as Markdown.
pub fn markdown(context: &Context, cells: &[Cell], audited: &[Audited]) -> String {
    let loads = |tool: Tool, data: Data| loads_of(cells, tool, data);
    let mut out = String::new();
    let _ = writeln!(out, "# Pactline vs TimelineJS: benchmark results\n");
    let _ = writeln!(
        out,
        "Written by `./tasks bench` (`tests/bench.rs`); running it again replaces this file. \
         The whole run took {:.0} s.\n",
        context.seconds
    );
    for line in &context.machine {
        let _ = writeln!(out, "- {line}");
    }
    let _ = writeln!(
        out,
        "- Pactline: release build (`trunk build --release`). TimelineJS {} from npm, embedded as its \
         documentation shows, default options.\n\
         - Each figure is the median of {} measured runs per cell (for interactions, of every step of those \
         runs), with the minimum–maximum in brackets. One warm-up load of each tool runs first; then, \
         round by round, the cells take turns: Pactline's default page (its real events), Pactline and \
         TimelineJS at {}; then both tools at each larger size; then Pactline alone. Every run is a first \
         visit in a fresh headless Chromium profile (cold HTTP cache and code cache, no service worker), so \
         a warm-up warms the machine, not the tool. Both are served from 127.0.0.1 with brotli (quality 11) \
         by the bench's server.\n",
        timelinejs::VERSION,
        context.runs,
        context.default_view_against.label(),
    );

    let _ = writeln!(out, "## Pactline and TimelineJS on the same events\n");
    let _ = writeln!(
        out,
        "| metric | events | Pactline | TimelineJS | Pactline ÷ TimelineJS | target |\n\
         | --- | ---: | ---: | ---: | ---: | --- |"
    );
    let same = |&(metric, target): &(&'static Metric, TargetOf)| {
        context.compared.iter().map(move |&data| Row {
            name: metric.name,
            metric,
            ours: data,
            theirs: data,
            target,
        })
    };
    let (up_to_first_event, rest) = COMPARISON.split_at(2);
    let default_view = Row {
        name: "first event painted on the default view (the real data, no query) ⁸",
        metric: &FIRST_EVENT,
        ours: Data::Real,
        theirs: context.default_view_against,
        target: first_event_target,
    };
    let rows = up_to_first_event
        .iter()
        .flat_map(same)
        .chain([default_view])
        .chain(rest.iter().flat_map(same));
    for row in rows {
        let (ours, theirs) = (loads(Tool::Pactline, row.ours), loads(Tool::TimelineJs, row.theirs));
        let medians = row.metric.stat(ours).zip(row.metric.stat(theirs));
        let ratio = match medians {
            Some((p, t)) if t.median > 0.0 => format!("{:.2}", p.median / t.median),
            _ => "—".to_owned(),
        };
        let target = match ((row.target)(row.theirs), medians) {
            (Some(target), Some((p, t))) => {
                format!("{}: {}", target.text, verdict((target.met)(p.median / t.median)))
            }
            _ => String::new(),
        };
        let events = if row.ours == row.theirs {
            row.ours.label()
        } else {
            format!("{} vs {}", row.ours.label(), row.theirs.label())
        };
        let _ = writeln!(
            out,
            "| {} | {events} | {} | {} | {ratio} | {target} |",
            row.name,
            row.metric.cell(ours),
            row.metric.cell(theirs),
        );
    }
    out.push('\n');

    let _ = writeln!(out, "## Pactline as the dataset grows (issue 4)\n");
    scale_table(&mut out, cells, &context.pactline_scale);
    out.push('\n');
    notes(&mut out, context, cells);
    lighthouse(&mut out, context, audited);
    out
}

/// The table of Pactline's figures on each of `scale`'s datasets, as
/// `PACTLINE_BENCH_ONLY` prints it for one.
pub fn scale_table(out: &mut String, cells: &[Cell], scale: &[Data]) {
    let _ = writeln!(
        out,
        "| events | first event painted | first screen painted ¹ (events: time) | start-up: wasm received → instantiated → \
         first event in the DOM ⁶ | {} → next frame | keystroke → DOM changed | target | keystroke → every part \
         painted ⁹ | elements changed elsewhere per keystroke ⁷ (target 0) | version picked in the comparison → \
         next frame | JS heap ³ | wasm memory ³ | transfer |\n\
         | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        Tool::Pactline.interaction_label()
    );
    for &data in scale {
        let ours = loads_of(cells, Tool::Pactline, data);
        let target = match (keystroke_target(data), INTERACTION.stat(ours)) {
            (Some(limit), Some(stat)) => format!("< {limit:.0} ms: {}", verdict(stat.median < limit)),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {}: {} | {} ms | {} | {} | {target} | {} | {} | {} | {} | {} | {} |",
            data.label(),
            FIRST_EVENT.cell(ours),
            count_range(ours.iter().map(|load| load.shown)),
            ALL_EVENTS.cell(ours),
            medians(&START_UP, ours, " → "),
            INTERACTION.cell(ours),
            INTERACTION_DOM.cell(ours),
            INTERACTION_SETTLED.cell(ours),
            OUTSIDE.cell(ours),
            VERSION_CHANGE.cell(ours),
            HEAP.cell(ours),
            WASM_MEMORY.cell(ours),
            TRANSFER.cell(ours),
        );
    }
}

/// The numbered notes and what the runs reported besides the figures.
fn notes(out: &mut String, context: &Context, cells: &[Cell]) {
    let median_of = |tool: Tool, data: Data, read: fn(&Load) -> f64| {
        Stat::of(loads_of(cells, tool, data).iter().map(read).collect()).map_or(0.0, |stat| stat.median)
    };
    let data_sizes: Vec<String> = context
        .compared
        .iter()
        .map(|&data| {
            let bytes = median_of(Tool::TimelineJs, data, |load| load.data_bytes as f64);
            format!("{} KiB at {}", Unit::KiB.format(bytes), data.label())
        })
        .collect();
    let service_worker = median_of(Tool::Pactline, context.compared[0], |load| {
        load.service_worker_bytes as f64
    });
    let _ = writeln!(
        out,
        "### Notes\n\n\
         1. Pactline renders a first screen of matching events and adds more as the reader scrolls, so \
         for it “all events present” is that first screen ({} event elements, as observed) with its live \
         count reading “N of N events” (checked on every run). TimelineJS builds a slide and a marker for \
         every event up front (`.tl-slide`, all N counted). Both: until a rendered frame shows them.\n\
         2. Not the same interaction. Pactline: typing `{QUERY}` in the search box, one keystroke at a time \
         (value set, `input` dispatched), each keystroke one sample, and each checked against the native \
         filter's count. TimelineJS has no search; its nearest equivalent is its “next slide” button \
         (clicked {NEXT_SLIDE_CLICKS} times per run, each checked to change the active event). Time runs from the input to \
         the end of the next rendered frame: a MutationObserver sees the first DOM change, and the first \
         frame to begin after it is the one that shows it; that frame's first `requestAnimationFrame` \
         callback (the probe's own, asked for with the input) posts a message, handled once the frame's \
         style, layout and paint are done, and before any task the page queued later in the frame (what \
         Pactline lets follow a frame later is in ⁹). For the first-event and all-events figures the same probe times the frame after \
         the elements appear. (A double rAF would wait one frame more, up to 16.7 ms, which alone would \
         rule out a 16 ms target.)\n\
         3. JS heap: live size after a forced garbage collection (DevTools `HeapProfiler.collectGarbage`, \
         then `Runtime.getHeapUsage`, through chromedriver), rather than `performance.memory`, which \
         Chromium rounds without a flag. Pactline's data and DOM bookkeeping live in its wasm linear \
         memory, which is not part of the JS heap; it is shown separately (`WebAssembly.Memory` size: \
         memory grows and is never returned, so it is a high-water mark).\n\
         4. Every request for another host goes to the browser tests' recording proxy, which refuses it, \
         so none of those bytes are counted. TimelineJS asks `cdn.knightlab.com` for its default font \
         stylesheet on every load (a real visit would also download it and its web fonts); Chromium's \
         own background traffic would show up here too, for both tools alike.\n\
         5. Transfer is counted on the server: status line, headers and (brotli) body of every response \
         sent until the page showed its events and the network had been quiet for 0.5 s. TimelineJS's \
         figure includes its events JSON ({}); Pactline generates the synthetic events inside the page \
         from the same generator (`?synthetic=N`), so they cost it CPU time, not bytes. Pactline's \
         service worker precaches the app after load ({} KiB more, mostly answered by the HTTP cache); \
         that background traffic is not counted.\n\
         6. Medians, ms from navigation start: the wasm file fully received (resource timing); compiled and \
         instantiated (the probe wraps `WebAssembly.instantiateStreaming`, which downloads and compiles \
         as the bytes arrive); the first event element in the DOM (generating the synthetic events, \
         indexing and filtering them, rendering the first screen). The rest, up to “first event \
         painted”, is the rest of the start-up's script, then style, layout and paint.\n\
         7. By the time every part has been painted (⁹), a second MutationObserver on the whole page counts the \
         elements changed outside what a search is meant to change (the event list, the live count, the \
         option counts and \"Clear all\", the drawing's SVG, the printed page's header naming the filters). A page whose parts each read only their own \
         slice of the state changes none. Seen outside this run: {}. The version figure picks each earlier \
         version for side A of the clause comparison in turn (`change` dispatched), checked against the \
         library's summary line for that pair.\n\
         8. Pactline's default page is its address with no query: the timeline of its real events ({}), \
         the page a reader lands on. It is measured on its own, apart from the synthetic rows (which \
         generate their events in the page), in the same round as both tools at {}, and timed by the same \
         probe; its target is the one for TimelineJS at that size.\n\
         9. The first figure ends at the frame that shows the keystroke's matches and their live count. \
         Pactline lets the option counts and the drawing follow once that frame has been painted \
         (`hooks::use_after_paint`), as browsers count a response (Interaction to Next Paint). This \
         figure ends at the first frame that showed every change the keystroke made anywhere on the \
         page: the end of the frame after which a whole frame passed with no change.\n",
        count_range(
            cells
                .iter()
                .filter(|cell| cell.tool == Tool::Pactline)
                .flat_map(|cell| cell
                    .loads
                    .iter()
                    .map(|load| load.shown)
                    .filter(|&shown| shown < cell.data.events()))
        ),
        data_sizes.join(", "),
        Unit::KiB.format(service_worker),
        outside_examples(cells),
        Data::Real.events(),
        context.default_view_against.label(),
    );

    let _ = writeln!(out, "What the pages reported (all runs, warm-ups excluded):\n");
    for tool in Tool::BOTH {
        let all: Vec<&Load> = cells
            .iter()
            .filter(|cell| cell.tool == tool)
            .flat_map(|cell| &cell.loads)
            .collect();
        let offorigin: BTreeSet<&str> = all
            .iter()
            .flat_map(|load| &load.offorigin)
            .map(String::as_str)
            .collect();
        let errors: BTreeSet<&str> = all.iter().flat_map(|load| &load.errors).map(String::as_str).collect();
        let _ = writeln!(
            out,
            "- {}: requests to other hosts: {}; page errors: {}.",
            tool.name(),
            listed(offorigin),
            listed(errors)
        );
    }
}

/// Each item once, in code style and commas; "none" when there are none.
fn listed(items: BTreeSet<&str>) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items
            .iter()
            .map(|item| format!("`{item}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// One column of the Lighthouse table: a figure of each run, and
/// Pactline's target for its median, if it has one.
struct Figure {
    name: &'static str,
    unit: Unit,
    read: fn(&Audit) -> f64,
    target: Option<Target>,
}

/// The Lighthouse table's columns, with the targets of issue 17.
const LIGHTHOUSE: [Figure; 6] = [
    Figure {
        name: "performance score",
        unit: Unit::Count,
        read: |audit| audit.score,
        target: Some(Target {
            text: "performance ≥ 98",
            met: |score| score >= 98.0,
        }),
    },
    Figure {
        name: "first paint",
        unit: Unit::Seconds,
        read: |audit| audit.first_paint_ms,
        target: None,
    },
    Figure {
        name: "largest paint",
        unit: Unit::Seconds,
        read: |audit| audit.largest_paint_ms,
        target: Some(Target {
            text: "largest paint ≤ 1.2 s",
            met: |ms| ms <= 1200.0,
        }),
    },
    Figure {
        name: "total blocking time",
        unit: Unit::Ms,
        read: |audit| audit.blocking_ms,
        target: Some(Target {
            text: "total blocking time ≤ 100 ms",
            met: |ms| ms <= 100.0,
        }),
    },
    Figure {
        name: "layout shift",
        unit: Unit::Shift,
        read: |audit| audit.layout_shift,
        target: Some(Target {
            text: "layout shift 0",
            met: |shift| shift <= 0.0,
        }),
    },
    Figure {
        name: "bytes",
        unit: Unit::KiB,
        read: |audit| audit.bytes,
        target: None,
    },
];

/// Lighthouse's table, how it was run, and what the runs reported besides
/// the figures.
fn lighthouse(out: &mut String, context: &Context, audited: &[Audited]) {
    let all: Vec<&Audit> = audited.iter().flat_map(|page| &page.audits).collect();
    let version = all.first().map_or("(none ran)", |audit| audit.version.as_str());
    let benchmark = Stat::of(all.iter().filter_map(|audit| audit.benchmark_index).collect());
    let _ = writeln!(out, "\n## Lighthouse, mobile (simulated slow 4G, 4× CPU)\n");
    let _ = writeln!(
        out,
        "Lighthouse {version} with its default mobile settings: a phone's screen, and timings simulated for a \
         slow 4G connection (150 ms round trips, 1.6 Mbit/s) on a CPU 4× slower than this one, worked out \
         from an unthrottled load. Performance category only. Each tool's pages as shipped (without the \
         bench's probe), from the same server as above, each run in a fresh Chromium profile. Median of {} \
         runs per page, the pages taking turns, with the minimum–maximum in brackets. First paint and \
         largest paint are Lighthouse's first and largest contentful paint; bytes, its total byte weight \
         (what the page transferred). Lighthouse's benchmark index for this machine: {}. The runs took \
         {:.0} s of the bench; the reports are in `target/bench/lighthouse/`.\n",
        context.lighthouse_runs,
        Stat::cell(benchmark, Unit::Count),
        context.lighthouse_seconds,
    );
    let _ = writeln!(
        out,
        "| page | {} | targets |\n| --- |{} --- |",
        LIGHTHOUSE.map(|figure| figure.name).join(" | "),
        " ---: |".repeat(LIGHTHOUSE.len()),
    );
    for page in audited {
        let audits = &page.audits;
        let stat = |figure: &Figure| Stat::of(audits.iter().map(|audit| (figure.read)(audit)).collect());
        let cells: Vec<String> = LIGHTHOUSE
            .iter()
            .map(|figure| Stat::cell(stat(figure), figure.unit))
            .collect();
        let targets: Vec<String> = if page.page.tool == Tool::Pactline {
            LIGHTHOUSE
                .iter()
                .filter_map(|figure| {
                    let target = figure.target.as_ref()?;
                    let stat = stat(figure)?;
                    Some(format!("{}: {}", figure.name, verdict((target.met)(stat.median))))
                })
                .collect()
        } else {
            Vec::new()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            page.page.name,
            cells.join(" | "),
            targets.join("; ")
        );
    }
    let _ = writeln!(
        out,
        "\nTargets, for Pactline's pages, on the medians: {}. They are reported, not enforced.\n",
        LIGHTHOUSE
            .iter()
            .filter_map(|figure| figure.target.as_ref().map(|target| target.text))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for page in audited {
        let offorigin: BTreeSet<&str> = page
            .audits
            .iter()
            .flat_map(|audit| &audit.offorigin)
            .map(String::as_str)
            .collect();
        let warnings: BTreeSet<&str> = page
            .audits
            .iter()
            .flat_map(|audit| &audit.warnings)
            .map(String::as_str)
            .collect();
        let _ = writeln!(
            out,
            "- {}: requests to other hosts: {}; Lighthouse's warnings: {}.",
            page.page.name,
            listed(offorigin),
            listed(warnings)
        );
    }
    let failed: BTreeSet<&str> = all.iter().flat_map(|audit| &audit.failed).map(String::as_str).collect();
    let _ = writeln!(
        out,
        "- Audits Lighthouse could not complete, on any page (none of them counts toward the score): {}.",
        listed(failed)
    );
}

/// The elements that keystrokes changed outside what they should, as the
/// probe described them, each once; "nothing" when there were none.
fn outside_examples(cells: &[Cell]) -> String {
    let mut seen: Vec<&str> = cells
        .iter()
        .filter(|cell| cell.tool == Tool::Pactline)
        .flat_map(|cell| {
            cell.loads
                .iter()
                .flat_map(|load| load.outside_examples.iter().map(String::as_str))
        })
        .collect();
    seen.sort_unstable();
    seen.dedup();
    if seen.is_empty() {
        "nothing".to_owned()
    } else {
        seen.iter()
            .map(|what| format!("`{what}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
