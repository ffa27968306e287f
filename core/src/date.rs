//! Calendar dates (proleptic Gregorian), written `YYYY-MM-DD`.
//!
//! The core has no clock: wherever a rule needs "today" (a birth year that cannot lie in the
//! future, a deadline), the caller passes a [`Date`].

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Earliest year a [`Date`] accepts.
pub const MIN_YEAR: i32 = 1;
/// Latest year a [`Date`] accepts.
pub const MAX_YEAR: i32 = 9999;

/// A valid Gregorian calendar date between the years [`MIN_YEAR`] and [`MAX_YEAR`].
///
/// The fields are private so that an impossible date (30 February) cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a text or a triple of numbers is not a [`Date`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not of the form `YYYY-MM-DD`.
    #[error("a date must be written YYYY-MM-DD")]
    Syntax,
    /// The year is outside [`MIN_YEAR`]..=[`MAX_YEAR`].
    #[error("the year is outside 0001-9999")]
    YearOutOfRange,
    /// The month is not 1 to 12, or the day does not exist in that month.
    #[error("no such day in the calendar")]
    NoSuchDay,
}

impl Date {
    /// The date `year-month-day`, if it exists.
    pub const fn new(year: i32, month: u8, day: u8) -> Result<Self, DateError> {
        if year < MIN_YEAR || year > MAX_YEAR {
            return Err(DateError::YearOutOfRange);
        }
        if month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Self { year, month, day })
    }

    /// The year.
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub const fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01, if it lies within the supported years.
    pub const fn from_days(days: i64) -> Result<Self, DateError> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        if year < MIN_YEAR as i64 || year > MAX_YEAR as i64 {
            return Err(DateError::YearOutOfRange);
        }
        Date::new(year as i32, month, day)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (ISO 8601 order).
    pub const fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u8
    }

    /// Days since 1 January of the same year: 0 on 1 January, 364 (365 in a leap year) on
    /// 31 December. (For the calendar's working-day tables.)
    #[cfg_attr(not(feature = "calendar"), allow(dead_code))]
    pub(crate) const fn ordinal(self) -> u16 {
        MONTH_STARTS[is_leap_year(self.year) as usize][self.month as usize - 1] + self.day as u16
            - 1
    }

    /// The date `ordinal` days after 1 January of `year`, the inverse of [`Date::ordinal`], if
    /// the year is supported and has that day.
    #[cfg_attr(not(feature = "calendar"), allow(dead_code))]
    pub(crate) const fn from_ordinal(year: i32, ordinal: u16) -> Result<Self, DateError> {
        if year < MIN_YEAR || year > MAX_YEAR {
            return Err(DateError::YearOutOfRange);
        }
        let starts = &MONTH_STARTS[is_leap_year(year) as usize];
        if ordinal >= starts[12] {
            return Err(DateError::NoSuchDay);
        }
        // Months have 28 to 31 days, so ordinal / 32 is the month's index or the one before it.
        let guess = (ordinal / 32) as usize;
        let month = if ordinal >= starts[guess + 1] {
            guess + 1
        } else {
            guess
        };
        // month < 12 and the day is at most 31: both fit in u8.
        Ok(Self {
            year,
            month: month as u8 + 1,
            day: (ordinal - starts[month] + 1) as u8,
        })
    }
}

/// Days from 1 January to the first of each month, and the year's length last; the second row
/// for leap years.
#[cfg_attr(not(feature = "calendar"), allow(dead_code))]
const MONTH_STARTS: [[u16; 13]; 2] = [
    [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365],
    [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366],
];

/// Whether `year` is a Gregorian leap year.
pub const fn is_leap_year(year: i32) -> bool {
    // Divisible by 4, and by 400 if by 100. A multiple of 4 is one of 100 exactly when it is one
    // of 25, and then one of 400 exactly when it is one of 16. Without short-circuits, so that
    // the compiler need not branch on a year it cannot predict.
    (year % 4 == 0) & ((year % 25 != 0) | (year % 16 == 0))
}

/// Number of days in `month` (1–12) of `year`; 0 for a month that does not exist.
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Syntax);
        }
        let num = |range: core::ops::Range<usize>| -> Result<u32, DateError> {
            b[range].iter().try_fold(0u32, |acc, &c| {
                if c.is_ascii_digit() {
                    Ok(acc * 10 + u32::from(c - b'0'))
                } else {
                    Err(DateError::Syntax)
                }
            })
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        // month and day have two digits, so they fit in u8.
        Date::new(year as i32, month as u8, day as u8)
    }
}

/// Writes `n` into `out` as decimal digits, zero-padded to the length of `out` (`n` must be below
/// 10^`out.len()`; higher digits are dropped).
pub(crate) fn write_digits(out: &mut [u8], mut n: u32) {
    for b in out.iter_mut().rev() {
        // n % 10 < 10, so the cast is exact.
        *b = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

/// Length of a date written `YYYY-MM-DD`.
pub(crate) const DATE_TEXT_LEN: usize = 10;

impl Date {
    /// Writes the date as `YYYY-MM-DD` (ASCII) into `out`: four digits of year, since a date's
    /// year is within [`MIN_YEAR`]..=[`MAX_YEAR`].
    ///
    /// Written digit by digit rather than through `core::fmt`, because every timestamp of a
    /// result is serialized this way (a replay writes thousands) and the formatting machinery is
    /// most of that cost, in WebAssembly above all.
    pub(crate) fn write_ascii(self, out: &mut [u8; DATE_TEXT_LEN]) {
        // MIN_YEAR..=MAX_YEAR are positive: the absolute value is the year.
        write_digits(&mut out[0..4], self.year.unsigned_abs());
        out[4] = b'-';
        write_digits(&mut out[5..7], u32::from(self.month));
        out[7] = b'-';
        write_digits(&mut out[8..10], u32::from(self.day));
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = [0; DATE_TEXT_LEN];
        self.write_ascii(&mut text);
        // ASCII digits and hyphens: always UTF-8.
        f.write_str(core::str::from_utf8(&text).map_err(|_| fmt::Error)?)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut text = [0; DATE_TEXT_LEN];
        self.write_ascii(&mut text);
        // ASCII digits and hyphens: always UTF-8.
        let text = core::str::from_utf8(&text).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(text)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::input::from_text(deserializer, str::parse)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    /// The text written digit by digit is what the formatting machinery writes, for the first
    /// and last day of every month of many years, the bounds included.
    #[test]
    fn text_is_the_formatted_date() {
        let years = [
            1, 9, 10, 99, 100, 999, 1000, 1900, 2024, 2025, 2199, 9998, 9999,
        ];
        for year in years.into_iter().chain(1890..2210) {
            for month in 1..=12 {
                for day in [1, days_in_month(year, month)] {
                    let date = Date::new(year, month, day).unwrap();
                    let expected = format!("{year:04}-{month:02}-{day:02}");
                    assert_eq!(date.to_string(), expected);
                    assert_eq!(
                        serde_json::to_string(&date).unwrap(),
                        format!("\"{expected}\"")
                    );
                }
            }
        }
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_and_prints() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
        assert_eq!(d.to_string(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_days() {
        assert_eq!("2023-02-29".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("2023-13-01".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("2023-00-10".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("0000-01-01".parse::<Date>(), Err(DateError::YearOutOfRange));
        assert_eq!("2023-1-01".parse::<Date>(), Err(DateError::Syntax));
        assert_eq!("2023-01-0x".parse::<Date>(), Err(DateError::Syntax));
        assert_eq!("2023-01-011".parse::<Date>(), Err(DateError::Syntax));
    }

    #[test]
    fn epoch_and_weekday() {
        let epoch = Date::new(1970, 1, 1).unwrap();
        assert_eq!(epoch.to_days(), 0);
        assert_eq!(epoch.weekday(), 3);
        // 2025-07-01 was a Tuesday.
        assert_eq!(Date::new(2025, 7, 1).unwrap().weekday(), 1);
    }

    #[test]
    fn leap_years_by_the_textbook_rule() {
        for year in -800..=MAX_YEAR + 800 {
            let textbook = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            assert_eq!(is_leap_year(year), textbook, "{year}");
        }
    }

    #[test]
    fn ordinals_of_every_day_of_ordinary_and_leap_years() {
        // 1900 is not a leap year, 2000 and 2024 are.
        for year in [1900, 2000, 2023, 2024] {
            let first = Date::new(year, 1, 1).unwrap().to_days();
            let len = if is_leap_year(year) { 366 } else { 365 };
            for ordinal in 0..len {
                let date = Date::from_days(first + i64::from(ordinal)).unwrap();
                assert_eq!(date.ordinal(), ordinal, "{date}");
                assert_eq!(Date::from_ordinal(year, ordinal), Ok(date));
            }
            assert_eq!(Date::from_ordinal(year, len), Err(DateError::NoSuchDay));
        }
        assert_eq!(Date::from_ordinal(0, 0), Err(DateError::YearOutOfRange));
        assert_eq!(
            Date::from_ordinal(MAX_YEAR + 1, 0),
            Err(DateError::YearOutOfRange)
        );
    }

    proptest! {
        #[test]
        fn ordinal_round_trip(days in -719_162i64..2_932_896) {
            let d = Date::from_days(days).unwrap();
            prop_assert_eq!(Date::from_ordinal(d.year(), d.ordinal()), Ok(d));
            let first = Date::new(d.year(), 1, 1).unwrap().to_days();
            prop_assert_eq!(i64::from(d.ordinal()), days - first);
        }

        #[test]
        fn days_round_trip(days in -719_162i64..2_932_896) {
            let d = Date::from_days(days).unwrap();
            prop_assert_eq!(d.to_days(), days);
            prop_assert_eq!(d.to_string().parse::<Date>().unwrap(), d);
        }
    }
}
