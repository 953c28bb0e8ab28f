//! The timeline drawn to scale: lanes, marks and their copies, approximate
//! dates as spans, milestones, the future, density past the threshold, and
//! the keyboard's moves, on the fixture and on the real data.

use crate::fixture::FIXTURE;
use pactline::data;
use pactline::drawing::{Content, Drawing, LaneSet, MARK_LIMIT, Mark, Place, Shape, Step, matching, slide};
use pactline::model::{Dataset, Precision};
use pactline::state::{Lanes, YearMonth};
use pactline::synthetic;

/// A day well inside the data's span: 2 December 2026.
const TODAY: u32 = 20261202;

/// A desktop-wide drawing.
const WIDE: i32 = 1000;

/// A phone-wide drawing (360 px less the page's margins).
const PHONE: i32 = 330;

fn index_of(data: &Dataset, id: &str) -> usize {
    data.events
        .iter()
        .position(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

fn marks_of(drawing: &Drawing, event: usize) -> Vec<Mark> {
    drawing.marks().iter().copied().filter(|m| m.event == event).collect()
}

fn lane_labels(drawing: &Drawing) -> Vec<&str> {
    drawing.lanes.iter().map(|l| l.name.label).collect()
}

#[test]
fn lanes_are_the_busiest_parties_in_the_data_order_and_the_rest() {
    let real = Drawing::new(data::builtin(), Lanes::Party, TODAY, WIDE);
    assert_eq!(
        lane_labels(&real),
        [
            "Microsoft",
            "OpenAI",
            "Amazon",
            "Anthropic",
            "Google",
            "Nvidia",
            "Mistral AI",
            "Others"
        ]
    );
    assert!(real.lanes[7].name.title.starts_with("Other parties: AMD, SoftBank"));
    let topics = Drawing::new(data::builtin(), Lanes::Topic, TODAY, WIDE);
    assert_eq!(
        lane_labels(&topics),
        [
            "Cloud",
            "IP",
            "AGI",
            "Money",
            "Competition",
            "Hardware",
            "Products",
            "Others"
        ]
    );
    assert_eq!(topics.lanes[3].name.title, "Money & revenue share");
    // Three parties fit without a lane for the rest.
    let fixture = Drawing::new(&FIXTURE, Lanes::Party, TODAY, WIDE);
    assert_eq!(lane_labels(&fixture), ["Microsoft", "OpenAI", "Amazon"]);
}

#[test]
fn an_event_naming_several_parties_is_one_mark_in_each_of_their_lanes() {
    let drawing = Drawing::new(&FIXTURE, Lanes::Party, TODAY, WIDE);
    let deal = marks_of(&drawing, index_of(&FIXTURE, "deal-2019"));
    assert_eq!(deal.iter().map(|m| m.lane).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(deal[0].x, deal[1].x, "copies of one event sit at the same time");

    // On the real data, every dated event has exactly one mark per lane it
    // is in, and "Others" holds one copy however many of its parties an
    // event names.
    let data = data::builtin();
    for kind in [Lanes::Party, Lanes::Topic] {
        let drawing = Drawing::new(data, kind, TODAY, WIDE);
        let set = LaneSet::new(data, kind);
        for (i, e) in data.events.iter().enumerate() {
            let mut lanes: Vec<usize> = marks_of(&drawing, i).iter().map(|m| m.lane).collect();
            let expected: Vec<usize> = if e.date.date().is_some() {
                set.of(i).collect()
            } else {
                Vec::new()
            };
            lanes.sort_unstable();
            assert_eq!(lanes, expected, "{} in {kind:?} lanes", e.id);
        }
    }
    // OpenAI, SoftBank and Oracle: OpenAI's lane and one copy in "Others".
    let set = LaneSet::new(data, Lanes::Party);
    let stargate = index_of(data, "stargate-announced");
    assert_eq!(set.of(stargate).collect::<Vec<_>>(), [1, 7]);
}

#[test]
fn year_only_events_spread_across_their_year_instead_of_piling_up() {
    let data = data::builtin();
    let drawing = Drawing::new(data, Lanes::Party, TODAY, WIDE);
    let year = |y: u16| {
        let start = drawing.scale.px((y - drawing.scale.first_year) as f32 * 12.0);
        (
            start,
            drawing.scale.px((y + 1 - drawing.scale.first_year) as f32 * 12.0),
        )
    };
    let (start, end) = year(2025);
    let in_2025: Vec<&Mark> = drawing
        .marks()
        .iter()
        .filter(|m| m.lane == 1)
        .filter(|m| {
            data.events[m.event]
                .date
                .date()
                .is_some_and(|d| d.year == 2025 && d.precision == Precision::Year)
        })
        .collect();
    assert!(in_2025.len() > 20, "OpenAI has many events known only to 2025");
    let xs: Vec<i32> = in_2025.iter().map(|m| m.x).collect();
    assert!(
        xs.iter().all(|&x| (start..=end).contains(&x)),
        "{xs:?} within {start}..{end}"
    );
    assert!(
        xs.windows(2).all(|w| w[0] <= w[1]),
        "spread left to right in the data's order"
    );
    // Spread over the whole year, in several rows, not stacked on one spot.
    assert!(
        xs[0] - start < 5 && end - xs[xs.len() - 1] < 5,
        "{xs:?} spans {start}..{end}"
    );
    let mut spots: Vec<(i32, i32)> = in_2025.iter().map(|m| (m.x, m.y)).collect();
    spots.sort_unstable();
    spots.dedup();
    assert_eq!(spots.len(), in_2025.len(), "no two marks on the same spot");
    let rows: std::collections::BTreeSet<i32> = in_2025.iter().map(|m| m.y).collect();
    assert!(rows.len() >= 2, "dealt into rows: {rows:?}");
    assert!(in_2025.iter().all(|m| m.approx));
}

#[test]
fn approximate_dates_are_drawn_over_their_whole_period() {
    let drawing = Drawing::new(&FIXTURE, Lanes::Party, TODAY, WIDE);
    let Content::Marks { bands, .. } = &drawing.content else {
        panic!("the fixture is drawn as marks")
    };
    let scale = drawing.scale;
    // Known to September 2024: a band over that month, the mark inside it.
    let month = scale.month(2024, 9);
    assert_eq!(
        scale.place(FIXTURE.events[1].date.date().unwrap()),
        Place::Span(month, month + 1)
    );
    // Bands stand a pixel in from the ends of their period.
    let band = bands.iter().find(|b| b.lane == 1 && b.x0 == scale.px(month as f32) + 1);
    let band = band.expect("a band over September 2024 in OpenAI's lane");
    assert_eq!(band.x1, scale.px(month as f32 + 1.0) - 1);
    let mark = marks_of(&drawing, 1)[0];
    assert!(mark.approx && (band.x0..=band.x1).contains(&mark.x));
    // Known only to 2019: a band over the whole year in both of its lanes.
    let year = (scale.px(0.0) + 1, scale.px(12.0) - 1);
    let years: Vec<_> = bands.iter().filter(|b| (b.x0, b.x1) == year).map(|b| b.lane).collect();
    assert_eq!(years, [0, 1]);

    // A day known exactly is a point on that day; an estimated day is its month.
    let data = data::builtin();
    let exact = data.events.iter().find(|e| e.id == "microsoft-invests-1b").unwrap();
    let d = exact.date.date().unwrap();
    assert!(matches!(scale.place(d), Place::Day(m) if (m - (scale.month(2019, 7) as f32 + 21.5 / 31.0)).abs() < 1e-4));
    let estimated = data
        .events
        .iter()
        .find(|e| e.id == "national-security-carve-out")
        .unwrap();
    let d = estimated.date.date().unwrap();
    assert!(d.approx && d.precision == Precision::Day);
    let october = scale.month(2025, 10);
    assert_eq!(scale.place(d), Place::Span(october, october + 1));
}

#[test]
fn milestones_mark_the_version_dates_and_link_to_the_version_before() {
    let data = data::builtin();
    let drawing = Drawing::new(data, Lanes::Party, TODAY, WIDE);
    let scale = drawing.scale;
    let found: Vec<(&str, Option<&str>)> = drawing.milestones.iter().map(|m| (m.version, m.previous)).collect();
    assert_eq!(
        found,
        [
            ("2019", None),
            ("2023", Some("2019")),
            ("2025", Some("2023")),
            ("2026", Some("2025"))
        ]
    );
    for (m, v) in drawing.milestones.iter().zip(data.versions) {
        let Place::Day(day) = scale.place(&v.date) else {
            panic!("version {} is dated to the day", v.id)
        };
        assert_eq!((m.x0, m.x, m.x1), (scale.px(day), scale.px(day), scale.px(day)));
        assert!(m.label.text.starts_with(m.version));
    }
    assert_eq!(drawing.milestones[0].label.text, "2019 Original deal");
    // Labels never overlap on a row, at either width.
    for width in [WIDE, PHONE] {
        let drawing = Drawing::new(data, Lanes::Party, TODAY, width);
        let labels: Vec<_> = drawing
            .milestones
            .iter()
            .map(|m| &m.label)
            .chain(&drawing.today)
            .collect();
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                let ((a0, a1), (b0, b1)) = (a.extent(), b.extent());
                assert!(a.y != b.y || a1 <= b0 || b1 <= a0, "{a:?} overlaps {b:?} at {width}");
            }
            assert!(a.extent().0 >= 0 && a.extent().1 <= width, "{a:?} inside {width}");
        }
    }
    // A version known only to its year is a band over that year.
    let fixture = Drawing::new(&FIXTURE, Lanes::Party, TODAY, WIDE);
    let first = &fixture.milestones[0];
    assert_eq!((first.x0, first.x1), (fixture.scale.px(0.0), fixture.scale.px(12.0)));
}

#[test]
fn the_future_starts_today_and_its_events_are_marked_as_ahead() {
    let drawing = Drawing::new(&FIXTURE, Lanes::Party, TODAY, WIDE);
    let scale = drawing.scale;
    let today = scale.month(2026, 12) as f32 + 1.5 / 31.0;
    assert_eq!(drawing.future, Some(scale.px(today)));
    assert_eq!(drawing.today.as_ref().map(|l| l.text.as_str()), Some("Today"));
    let future: Vec<&str> = drawing
        .marks()
        .iter()
        .filter(|m| m.future)
        .map(|m| FIXTURE.events[m.event].id)
        .collect();
    assert_eq!(future, ["tpu-2027"]);
    let prediction = marks_of(&drawing, 3)[0];
    assert_eq!(prediction.shape, Shape::Dashed);
    // Before the drawing starts, all of it is ahead; after it ends, none.
    let early = Drawing::new(&FIXTURE, Lanes::Party, 20180101, WIDE);
    assert_eq!((early.future, early.today.is_none()), (Some(scale.px(0.0)), true));
    let late = Drawing::new(&FIXTURE, Lanes::Party, 20300101, WIDE);
    assert_eq!((late.future, late.today.is_none()), (None, true));
    assert!(late.marks().iter().all(|m| !m.future));
}

#[test]
fn marks_say_certainty_by_shape_and_key_events_are_larger() {
    assert_eq!(
        pactline::model::Certainty::ALL.map(Shape::of),
        [
            Shape::Solid,
            Shape::Hollow,
            Shape::Hollow,
            Shape::Dashed,
            Shape::Diamond
        ]
    );
    let data = data::builtin();
    let drawing = Drawing::new(data, Lanes::Party, TODAY, WIDE);
    let key = marks_of(&drawing, index_of(data, "microsoft-invests-1b"))[0];
    let plain = drawing.marks().iter().find(|m| !m.key).unwrap();
    assert!(key.key && key.r > plain.r);
    let disputed: Vec<&Mark> = drawing.marks().iter().filter(|m| m.disputed).collect();
    assert!(!disputed.is_empty());
    assert!(
        disputed
            .iter()
            .all(|m| data.conflicts_of_event(data.events[m.event].id).next().is_some())
    );
}

#[test]
fn past_the_threshold_lanes_show_density_and_count_every_copy() {
    let data = data::builtin();
    let small = synthetic::dataset(data, MARK_LIMIT / 2);
    assert!(matches!(
        Drawing::new(&small, Lanes::Party, TODAY, WIDE).content,
        Content::Marks { .. }
    ));

    let big = synthetic::dataset(data, 10_000);
    let drawing = Drawing::new(&big, Lanes::Party, TODAY, WIDE);
    let Content::Density(density) = &drawing.content else {
        panic!("10,000 events are drawn as density")
    };
    assert!(drawing.marks().is_empty());
    let copies: usize = (0..big.events.len()).map(|i| drawing.set.copies(i)).sum();
    let total: f32 = density.totals.iter().sum();
    assert!(
        (total - copies as f32).abs() < 1.0,
        "{total} counted for {copies} copies"
    );
    // Bars stay a few pixels wide: quarters on a phone, months on a desktop.
    assert_eq!(density.months_per_bin, 1);
    let phone = Drawing::new(&big, Lanes::Party, TODAY, PHONE);
    let Content::Density(narrow) = &phone.content else {
        panic!("density on a phone too")
    };
    assert_eq!(narrow.months_per_bin, 3);
    assert_eq!(narrow.period(&phone.scale, 0), "Q1 2019");
    assert_eq!(density.period(&drawing.scale, 14), "Mar 2020");
    assert_eq!(density.months(&drawing.scale, 14), (14, 14));

    // Matching events count the same way; a lane's bars are one path.
    let some: Vec<usize> = (0..big.events.len()).step_by(10).collect();
    let counts = density.counts(&drawing.set, &some);
    let matched: f32 = counts.iter().sum();
    let expected: usize = some.iter().map(|&i| drawing.set.copies(i)).sum();
    assert!((matched - expected as f32).abs() < 1.0);
    let path = drawing.bars(density, 0).path(&counts);
    assert!(path.starts_with('M') && path.matches('M').count() > 50, "{path}");
    assert_eq!(drawing.bars(density, 0).path(&vec![0.0; counts.len()]), "");
}

#[test]
fn a_phone_drawing_stays_compact() {
    for kind in [Lanes::Party, Lanes::Topic] {
        let drawing = Drawing::new(data::builtin(), kind, TODAY, PHONE);
        assert!(drawing.height <= 180, "{kind:?}: {} px tall", drawing.height);
        assert!(drawing.years.iter().all(|y| y.label.starts_with('’')));
        let wide = Drawing::new(data::builtin(), kind, TODAY, WIDE);
        assert!(wide.years.iter().all(|y| y.label == y.year.to_string()));
        assert!(wide.height <= 360, "{kind:?}: {} px tall", wide.height);
    }
}

#[test]
fn arrow_keys_move_between_matching_marks_in_and_across_lanes() {
    let drawing = Drawing::new(&FIXTURE, Lanes::Party, TODAY, WIDE);
    let marks = drawing.marks();
    let at = |event: &str, lane: usize| {
        marks
            .iter()
            .position(|m| FIXTURE.events[m.event].id == event && m.lane == lane)
            .unwrap()
    };
    let all = vec![true; FIXTURE.events.len()];
    // Lanes: Microsoft (deal), OpenAI (deal, o1, aws, tpu), Amazon (aws).
    let first = drawing.step(None, Step::Forward, &all);
    assert_eq!(first, Some(at("deal-2019", 0)));
    assert_eq!(
        drawing.step(first, Step::Forward, &all),
        first,
        "stays at the end of a lane"
    );
    let down = drawing.step(first, Step::Down, &all);
    assert_eq!(down, Some(at("deal-2019", 1)));
    assert_eq!(drawing.step(down, Step::Last, &all), Some(at("tpu-2027", 1)));
    assert_eq!(drawing.step(down, Step::Forward, &all), Some(at("o1-2024", 1)));
    let aws = drawing.step(Some(at("tpu-2027", 1)), Step::Back, &all);
    assert_eq!(aws, Some(at("aws-2026", 1)));
    assert_eq!(drawing.step(aws, Step::Down, &all), Some(at("aws-2026", 2)));
    assert_eq!(drawing.step(aws, Step::First, &all), Some(at("deal-2019", 1)));
    // Only matching marks: o1 and tpu fade, so Right from the deal skips to aws,
    // and Up from OpenAI's aws skips nothing but finds Microsoft's deal.
    let some = matching(FIXTURE.events.len(), &[0, 2]);
    assert_eq!(drawing.step(down, Step::Forward, &some), aws);
    assert_eq!(drawing.step(aws, Step::Up, &some), first);
    assert_eq!(
        drawing.step(None, Step::Down, &matching(FIXTURE.events.len(), &[])),
        None
    );
}

#[test]
fn range_handles_move_by_month_and_year_within_their_bounds() {
    assert_eq!(slide(10, "ArrowRight", 0, 131), Some(11));
    assert_eq!(slide(10, "ArrowUp", 0, 131), Some(11));
    assert_eq!(slide(10, "ArrowLeft", 0, 131), Some(9));
    assert_eq!(slide(10, "PageUp", 0, 131), Some(22));
    assert_eq!(slide(10, "PageDown", 0, 131), Some(0));
    assert_eq!(slide(10, "Home", 4, 131), Some(4));
    assert_eq!(slide(10, "End", 0, 50), Some(50));
    assert_eq!(slide(50, "ArrowRight", 0, 50), Some(50));
    assert_eq!(slide(10, "Enter", 0, 50), None);
    assert_eq!(Step::of_key("End"), Some(Step::Last));
    assert_eq!(Step::of_key("a"), None);
}

#[test]
fn a_dragged_range_becomes_the_date_filter_and_back() {
    let drawing = Drawing::new(data::builtin(), Lanes::Party, TODAY, WIDE);
    let scale = drawing.scale;
    let last = scale.months - 1;
    assert_eq!(scale.bounds(0, last), (None, None));
    let march_2025 = scale.month(2025, 3);
    let june_2026 = scale.month(2026, 6);
    let (from, to) = scale.bounds(june_2026, march_2025);
    assert_eq!((from, to), (YearMonth::parse("2025-03"), YearMonth::parse("2026-06")));
    assert_eq!(scale.range(from, to), (march_2025, june_2026));
    assert_eq!(scale.range(None, None), (0, last));
    // A year-only bound covers its whole year.
    assert_eq!(
        scale.range(YearMonth::parse("2025"), YearMonth::parse("2025")),
        (scale.month(2025, 1), scale.month(2025, 12))
    );
    // The month under a point is the one whose span holds it.
    let middle = scale.x(march_2025 as f32 + 0.5);
    assert_eq!(scale.month_at(middle), march_2025);
    assert_eq!(scale.month_at(-50.0), 0);
    assert_eq!(scale.month_at(5000.0), last);
}

#[test]
fn the_accessible_summary_names_the_span_lanes_and_the_list() {
    let drawing = Drawing::new(data::builtin(), Lanes::Party, TODAY, WIDE);
    let summary = drawing.summary();
    assert!(
        summary.starts_with("Drawing of 112 events from 2019 to 2029 in 8 lanes, one per party"),
        "{summary}"
    );
    assert!(summary.contains("1 undated event is only in the list"));
    assert!(summary.ends_with("The list below has the same events."));
    let big = synthetic::dataset(data::builtin(), 10_000);
    let density = Drawing::new(&big, Lanes::Topic, TODAY, WIDE).summary();
    assert!(
        density.contains("one per topic: too many events to draw one by one"),
        "{density}"
    );
}

#[test]
fn a_mark_and_a_bar_say_in_words_what_they_stand_for() {
    let data = data::builtin();
    let drawing = Drawing::new(data, Lanes::Party, TODAY, WIDE);
    let k = drawing
        .marks()
        .iter()
        .position(|m| data.events[m.event].id == "microsoft-invests-1b")
        .unwrap();
    assert_eq!(
        drawing.describe(data, k),
        format!(
            "22 Jul 2019: {}. What happened (reported), key event, sources disagree. In Microsoft, OpenAI, Google.",
            data.events[drawing.marks()[k].event].title
        )
    );
    let big = synthetic::dataset(data, 10_000);
    let drawing = Drawing::new(&big, Lanes::Party, TODAY, WIDE);
    let Content::Density(density) = &drawing.content else {
        panic!("density")
    };
    let counts = density.counts(&drawing.set, &[]);
    let said = drawing.describe_bin(density, 0, 14, &counts);
    assert!(
        said.starts_with("Microsoft, Mar 2020: ") && said.ends_with(" events, 0 matching."),
        "{said}"
    );
}
