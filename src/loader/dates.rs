//! Dates as the data files write them: `YYYY`, `YYYY-Qn`, `YYYY-MM` or
//! `YYYY-MM-DD`, each at its own precision.
//!
//! Checking needs to order and compare them, and generation writes them out
//! as `model::EventDate`s; both start from the one parse here.

/// A parsed date, before it becomes `model::EventDate` source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Date {
    /// The year, 1900–2100.
    pub(super) year: u16,
    /// 1–12, or 0 when only the year or quarter is given.
    pub(super) month: u8,
    /// 1–31, or 0 when the day is not given.
    pub(super) day: u8,
    /// 1–4 for a `YYYY-Qn` date, else 0.
    pub(super) quarter: u8,
}

impl Date {
    /// The `model::Precision` variant the date is known to.
    pub(super) fn precision(&self) -> &'static str {
        if self.day != 0 {
            "Day"
        } else if self.month != 0 {
            "Month"
        } else if self.quarter != 0 {
            "Quarter"
        } else {
            "Year"
        }
    }

    /// A key for the last day of the span the date covers, comparable with
    /// `sort_key` (any day number past the month's last will do).
    pub(super) fn end_key(&self) -> u32 {
        let last_month = match (self.month, self.quarter) {
            (0, 0) => 12,
            (0, q) => q as u32 * 3,
            (m, _) => m as u32,
        };
        let day = if self.day == 0 { 31 } else { self.day as u32 };
        self.year as u32 * 10_000 + last_month * 100 + day
    }

    /// A key that sorts dates chronologically, `YYYYMMDD`, with unknown
    /// parts as the start of their span (as `model::EventDate::sort_key`).
    pub(super) fn sort_key(&self) -> u32 {
        let month = if self.quarter != 0 {
            (self.quarter as u32 - 1) * 3 + 1
        } else {
            self.month as u32
        };
        self.year as u32 * 10_000 + month * 100 + self.day as u32
    }
}

/// Parses `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`, rejecting dates that
/// cannot exist (month 13, 30 February) or fall outside 1900–2100.
pub(super) fn parse_date(text: &str) -> Result<Date, String> {
    let bad = || format!("date `{text}` is not YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD");
    let mut parts = text.split('-');
    let year_text = parts.next().ok_or_else(bad)?;
    if year_text.len() != 4 {
        return Err(bad());
    }
    let year: u16 = year_text.parse().map_err(|_| bad())?;
    if !(1900..=2100).contains(&year) {
        return Err(format!("date `{text}` has an impossible year"));
    }
    let mut date = Date {
        year,
        ..Date::default()
    };
    if let Some(second) = parts.next() {
        if let Some(q) = second.strip_prefix('Q') {
            date.quarter = q.parse().map_err(|_| bad())?;
            if !(1..=4).contains(&date.quarter) || parts.next().is_some() {
                return Err(format!("date `{text}` has an impossible quarter"));
            }
            return Ok(date);
        }
        if second.len() != 2 {
            return Err(bad());
        }
        date.month = second.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&date.month) {
            return Err(format!("date `{text}` has an impossible month"));
        }
        if let Some(third) = parts.next() {
            if third.len() != 2 {
                return Err(bad());
            }
            date.day = third.parse().map_err(|_| bad())?;
            let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
            let days = match date.month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if date.day == 0 || date.day > days {
                return Err(format!("date `{text}` has an impossible day"));
            }
        }
        if parts.next().is_some() {
            return Err(bad());
        }
    }
    Ok(date)
}

/// Whether `text` is a full date, `YYYY-MM-DD`, as review dates and the
/// dates of public reports must be.
pub(super) fn is_full_date(text: &str) -> bool {
    parse_date(text).is_ok_and(|d| d.day != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_at_each_precision() {
        assert_eq!(parse_date("2019").unwrap().precision(), "Year");
        assert_eq!(parse_date("2025-Q4").unwrap().quarter, 4);
        assert_eq!(parse_date("2024-09").unwrap().month, 9);
        assert_eq!(parse_date("2024-02-29").unwrap().day, 29);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for bad in [
            "2023-02-29",
            "2024-13",
            "2024-00",
            "2024-Q5",
            "19",
            "2024-9",
            "1850",
            "2024-04-31",
            "2024-01-01-01",
            "soon",
        ] {
            assert!(parse_date(bad).is_err(), "{bad} should be rejected");
        }
    }
}
