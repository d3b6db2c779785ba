//! Calendar dates as the class specifications state them (a day, no time zone).

use std::fmt;

/// A calendar date. Ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Shape,
    /// A month outside 1..=12.
    Month(u8),
    /// A day that the month does not have.
    Day { day: u8, days_in_month: u8 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Shape => f.write_str("a date must be written YYYY-MM-DD"),
            Self::Month(m) => write!(f, "there is no month {m}"),
            Self::Day { day, days_in_month } => {
                write!(
                    f,
                    "day {day} does not exist: that month has {days_in_month} days"
                )
            }
        }
    }
}

impl std::error::Error for DateError {}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// A date known to be valid (used by baked data, which was checked at build time).
    pub const fn new_unchecked(year: u16, month: u8, day: u8) -> Self {
        Self { year, month, day }
    }

    /// Reads an ISO date (`2025-07-01`), rejecting days a month does not have.
    ///
    /// # Errors
    /// [`DateError`] says what is wrong.
    pub fn parse_iso(text: &str) -> Result<Self, DateError> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(DateError::Shape);
        }
        let year: u16 = text[0..4].parse().map_err(|_| DateError::Shape)?;
        let month: u8 = text[5..7].parse().map_err(|_| DateError::Shape)?;
        let day: u8 = text[8..10].parse().map_err(|_| DateError::Shape)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(month));
        }
        let days_in_month = days_in_month(year, month);
        if day == 0 || day > days_in_month {
            return Err(DateError::Day { day, days_in_month });
        }
        Ok(Self { year, month, day })
    }

    /// The name of the month, in English.
    pub fn month_name(self) -> &'static str {
        MONTHS[usize::from(self.month - 1)]
    }

    /// The ISO form, `2025-07-01`, for `<time datetime>` attributes.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Written the way the official pages write dates: "July 1, 2025".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}, {}", self.month_name(), self.day, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_a_date() {
        let date = Date::parse_iso("2025-07-01").unwrap();
        assert_eq!(date, Date::new_unchecked(2025, 7, 1));
        assert_eq!(date.to_string(), "July 1, 2025");
        assert_eq!(date.iso(), "2025-07-01");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(Date::parse_iso("2025-13-01"), Err(DateError::Month(13)));
        assert_eq!(
            Date::parse_iso("2025-02-29"),
            Err(DateError::Day {
                day: 29,
                days_in_month: 28
            })
        );
        assert!(Date::parse_iso("2024-02-29").is_ok());
        assert_eq!(Date::parse_iso("July 1, 2025"), Err(DateError::Shape));
        assert_eq!(Date::parse_iso("2025-7-1"), Err(DateError::Shape));
    }

    #[test]
    fn orders_chronologically() {
        let older = Date::parse_iso("2019-07-01").unwrap();
        let newer = Date::parse_iso("2025-07-01").unwrap();
        assert!(older < newer);
    }
}
