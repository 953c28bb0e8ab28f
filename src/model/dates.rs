//! Dates known only to some precision (a year, a quarter, a month or a
//! day), and an event's date or the reason it has none.

use std::fmt;

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Year,
}

/// A date known to some precision. Unknown parts are zero; ordering puts a
/// less precise date before more precise ones within the same span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDate {
    /// The year.
    pub year: u16,
    /// 1–12, or 0 when only the year (or quarter) is known.
    pub month: u8,
    /// 1–31, or 0 when the day is not known.
    pub day: u8,
    /// 1–4 when the precision is a quarter, else 0.
    pub quarter: u8,
    /// How precisely the date is known.
    pub precision: Precision,
    /// The date is an estimate resolved from a relative phrase.
    pub approx: bool,
    /// The source's own relative wording ("last fall"), if the date came from one.
    pub relative: Option<&'static str>,
    /// How the date was worked out, when that is not obvious.
    pub note: Option<&'static str>,
}

impl EventDate {
    /// A key that sorts dates chronologically, `YYYYMMDD` with unknown parts
    /// as the start of their span (a quarter sorts as its first month).
    pub fn sort_key(&self) -> u32 {
        let month = match self.precision {
            Precision::Quarter => (self.quarter as u32 - 1) * 3 + 1,
            _ => self.month as u32,
        };
        self.year as u32 * 10_000 + month * 100 + self.day as u32
    }

    /// The month used for range filters: the first month of the span, or
    /// 1 when only the year is known.
    pub fn first_month(&self) -> u8 {
        match self.precision {
            Precision::Day | Precision::Month => self.month,
            Precision::Quarter => (self.quarter - 1) * 3 + 1,
            Precision::Year => 1,
        }
    }

    /// The last month of the span the date covers.
    pub fn last_month(&self) -> u8 {
        match self.precision {
            Precision::Day | Precision::Month => self.month,
            Precision::Quarter => self.quarter * 3,
            Precision::Year => 12,
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl fmt::Display for EventDate {
    /// Writes the date at its real precision: "2025", "Q3 2025", "Sep 2024",
    /// "12 Sep 2024", or "last fall 2025 (approx.)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(relative) = self.relative {
            write!(f, "{relative} {}", self.year)?;
        } else {
            match self.precision {
                Precision::Day => write!(f, "{} {} {}", self.day, MONTHS[self.month as usize - 1], self.year)?,
                Precision::Month => write!(f, "{} {}", MONTHS[self.month as usize - 1], self.year)?,
                Precision::Quarter => write!(f, "Q{} {}", self.quarter, self.year)?,
                Precision::Year => write!(f, "{}", self.year)?,
            }
        }
        if self.approx {
            f.write_str(" (approx.)")?;
        }
        Ok(())
    }
}

/// When an event happened, or why no date can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Dated, to some precision.
    Dated(EventDate),
    /// No source dates it; the text says why.
    Undated(&'static str),
}

impl When {
    /// The date, if the event has one.
    pub fn date(&self) -> Option<&EventDate> {
        match self {
            When::Dated(d) => Some(d),
            When::Undated(_) => None,
        }
    }

    /// A key that sorts chronologically, undated events last.
    pub fn sort_key(&self) -> u32 {
        self.date().map_or(u32::MAX, EventDate::sort_key)
    }

    /// How the date was worked out, or why there is none.
    pub fn note(&self) -> Option<&'static str> {
        match self {
            When::Dated(d) => d.note,
            When::Undated(why) => Some(why),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Dated(d) => d.fmt(f),
            When::Undated(_) => f.write_str("Undated"),
        }
    }
}

/// A date written `YYYY-MM-DD` or `YYYY-MM` as a reader reads it ("22 Jul
/// 2019", "Mar 2026"), like an event's; anything else ("undated", "2026")
/// as it is written.
pub fn readable(date: &str) -> String {
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    let month = month
        .and_then(|m| m.parse::<usize>().ok())
        .filter(|m| (1..=12).contains(m));
    match (
        year.filter(|y| y.len() == 4),
        month,
        day.map(str::parse::<u8>),
        parts.next(),
    ) {
        (Some(year), Some(month), Some(Ok(day)), None) => format!("{day} {} {year}", MONTHS[month - 1]),
        (Some(year), Some(month), None, None) => format!("{} {year}", MONTHS[month - 1]),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn source_dates_read_like_event_dates() {
        assert_eq!(readable("2019-07-22"), "22 Jul 2019");
        assert_eq!(readable("2026-03"), "Mar 2026");
        for as_written in ["undated", "2026", "2026-13", "2026-03-xx", "2026-03-01-02"] {
            assert_eq!(readable(as_written), as_written);
        }
    }
}
