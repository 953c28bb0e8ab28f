//! How a figure reads: the text a reader sees ("$20–50B", "27%") and the
//! words a search matches ("20 to 50 billion", "27 percent").
//!
//! Both are written at build time, into the generated dataset, so the
//! browser never formats a float.

use super::files::RawFigure;
use super::vocab::{SCALES, variant};

/// Writes a number without a trailing `.0` and with thousands separators.
fn number(value: f64) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    };
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{grouped}.{f}"),
        None => grouped,
    }
}

/// The figure as a reader sees it: "$20–50B", "27%", "2 GW", "1,500 people".
pub(super) fn figure_display(fig: &RawFigure) -> String {
    if let Some(display) = &fig.display {
        return display.clone();
    }
    // Years are names, not quantities: no thousands separator.
    let fmt = |v: f64| {
        if fig.kind == "year" {
            format!("{v:.0}")
        } else {
            number(v)
        }
    };
    let span = match fig.max {
        Some(max) => format!("{}–{}", fmt(fig.value), fmt(max)),
        None => fmt(fig.value),
    };
    let suffix = fig
        .scale
        .as_deref()
        .and_then(|scale| variant(&SCALES, scale))
        .unwrap_or("");
    match (fig.unit.as_str(), fig.kind.as_str()) {
        ("USD", _) => format!("${span}{suffix}"),
        ("%", _) => format!("{span}%"),
        (_, "year") => span,
        (unit, _) => format!("{span}{suffix} {unit}"),
    }
}

/// The figure in words, so a search for "50 billion" or "27 percent" finds it.
pub(super) fn figure_spelled(fig: &RawFigure) -> String {
    let plain = |v: f64| {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v}")
        }
    };
    let span = match fig.max {
        Some(max) => format!("{} to {}", plain(fig.value), plain(max)),
        None => plain(fig.value),
    };
    match (fig.unit.as_str(), &fig.scale) {
        ("%", _) => format!("{span} percent"),
        (_, Some(scale)) => format!("{span} {scale}"),
        (unit, None) => format!("{span} {unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_display_like_a_reader_writes_them() {
        let fig = |kind: &str, value: f64, max: Option<f64>, unit: &str, scale: Option<&str>| RawFigure {
            kind: kind.into(),
            value,
            max,
            unit: unit.into(),
            scale: scale.map(Into::into),
            label: "x".into(),
            display: None,
        };
        assert_eq!(
            figure_display(&fig("money", 20.0, Some(50.0), "USD", Some("billion"))),
            "$20–50B"
        );
        assert_eq!(
            figure_display(&fig("money", 3.7, None, "USD", Some("billion"))),
            "$3.7B"
        );
        assert_eq!(figure_display(&fig("stake", 27.0, None, "%", None)), "27%");
        assert_eq!(figure_display(&fig("power", 2.0, None, "GW", None)), "2 GW");
        assert_eq!(
            figure_display(&fig("headcount", 1500.0, None, "people", None)),
            "1,500 people"
        );
        assert_eq!(figure_display(&fig("year", 2032.0, None, "year", None)), "2032");
        assert_eq!(
            figure_display(&fig("headcount", 10000.0, None, "people", None)),
            "10,000 people"
        );
    }
}
