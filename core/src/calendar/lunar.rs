//! The Vietnamese lunar calendar (âm lịch), computed astronomically by the method published by
//! Hồ Ngọc Đức (<https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_en.html>); the rules,
//! sources and readings chosen are in `spec/calendar/lunar.md`.
//!
//! - A month begins on the local day of a new moon.
//! - Month 11 is the month in which the December solstice falls.
//! - When 13 new moons start between two months 11, the first month after month 11 without a
//!   major solar term (trung khí) is a leap month and repeats the number of the month before it.
//!
//! The rules are those of the Chinese calendar, evaluated at the meridian of Vietnam, UTC+7
//! (105° E), instead of UTC+8: the two calendars differ in some years (Tết 1968, 1985, 2007,
//! 2030 …). [`Reckoning`] chooses the meridian.
//!
//! The months of lunar years [`FIRST_YEAR`]–[`LAST_YEAR`] are computed once per reckoning, at
//! first use, into a table of month starts; a conversion is then a binary search.

mod astro;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::finding::Diagnostic;
use crate::Date;

/// First lunar year (and solar year) supported.
pub const FIRST_YEAR: i32 = 1900;
/// Last lunar year (and solar year) supported.
pub const LAST_YEAR: i32 = 2199;

/// The meridian at which new moons and solar terms are dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reckoning {
    /// UTC+7 throughout, the calendar of Vietnam since 1968 extended to every year: what
    /// Vietnamese calendars print today and what the lunar holidays of the Labor Code 2019
    /// Art. 112(1) are counted in.
    #[default]
    Vietnam,
    /// UTC+8 for days before 1968-01-01, UTC+7 from then on: the calendar as observed in the
    /// North of Vietnam, which adopted UTC+7 from 1968 (UNCONFIRMED: spec/calendar/lunar.md).
    Historical,
    /// UTC+8 throughout: the Chinese calendar.
    China,
}

/// A day of the lunar calendar: day `day` of month `month` (the leap month of that number when
/// `leap`) of lunar year `year`, the year that begins on its Tết.
///
/// The fields are private: [`LunarDate::new`] checks their ranges, [`to_solar`] checks that the
/// day exists in the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawLunarDate")]
pub struct LunarDate {
    year: i32,
    month: u8,
    day: u8,
    leap: bool,
}

/// A day of the lunar calendar, as JSON: `{"year", "month", "day", "leap"}`.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "LunarDate"))]
#[serde(deny_unknown_fields)]
struct RawLunarDate {
    /// The lunar year, numbered as the Gregorian year in which its Tết falls.
    year: i32,
    /// The month, 1 (tháng Giêng) to 12 (tháng Chạp).
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 12)))]
    month: u8,
    /// The day of the month, 1 to 30.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 30)))]
    day: u8,
    /// Whether the month is the leap month (tháng nhuận) that repeats the number of the month
    /// before it.
    leap: bool,
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for LunarDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        RawLunarDate::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        RawLunarDate::json_schema(generator)
    }
}

impl TryFrom<RawLunarDate> for LunarDate {
    type Error = LunarError;

    fn try_from(raw: RawLunarDate) -> Result<Self, LunarError> {
        LunarDate::new(raw.year, raw.month, raw.day, raw.leap)
    }
}

/// Why a date cannot be converted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LunarError {
    /// The solar date is outside the years [`FIRST_YEAR`]–[`LAST_YEAR`].
    #[error("the date {date} is outside the supported years 1900-2199")]
    SolarOutOfRange {
        /// The date asked for.
        date: Date,
    },
    /// The lunar date is outside the lunar years [`FIRST_YEAR`]–[`LAST_YEAR`] (and not the lunar
    /// date of a solar day in those years).
    #[error("the lunar year {year} is outside the supported years 1900-2199")]
    YearOutOfRange {
        /// The lunar year asked for.
        year: i32,
    },
    /// The month is not 1 to 12.
    #[error("a lunar month is numbered 1 to 12, not {month}")]
    MonthInvalid {
        /// The month asked for.
        month: u8,
    },
    /// The day is not 1 to 30.
    #[error("a lunar day is numbered 1 to 30, not {day}")]
    DayInvalid {
        /// The day asked for.
        day: u8,
    },
    /// The lunar year has no leap month of that number.
    #[error("the lunar year {year} has no leap month {month}")]
    NoLeapMonth {
        /// The lunar year.
        year: i32,
        /// The month number asked for as leap.
        month: u8,
    },
    /// Day 30 of a month of 29 days.
    #[error("month {month} of the lunar year {year} has 29 days")]
    NoDay30 {
        /// The lunar year.
        year: i32,
        /// The month.
        month: u8,
        /// Whether it is the leap month.
        leap: bool,
    },
}

impl Diagnostic for LunarError {
    fn code(&self) -> &'static str {
        match self {
            LunarError::SolarOutOfRange { .. } => "lunar.solar_out_of_range",
            LunarError::YearOutOfRange { .. } => "lunar.year_out_of_range",
            LunarError::MonthInvalid { .. } => "lunar.month_invalid",
            LunarError::DayInvalid { .. } => "lunar.day_invalid",
            LunarError::NoLeapMonth { .. } => "lunar.no_leap_month",
            LunarError::NoDay30 { .. } => "lunar.no_day_30",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match *self {
            LunarError::SolarOutOfRange { date } => vec![("date", date.to_string())],
            LunarError::YearOutOfRange { year } => vec![("year", year.to_string())],
            LunarError::MonthInvalid { month } => vec![("month", month.to_string())],
            LunarError::DayInvalid { day } => vec![("day", day.to_string())],
            LunarError::NoLeapMonth { year, month } | LunarError::NoDay30 { year, month, .. } => {
                vec![("year", year.to_string()), ("month", month.to_string())]
            }
        }
    }
}

impl LunarDate {
    /// The lunar date `day/month/year` (of the leap month when `leap`), if `month` is 1–12 and
    /// `day` 1–30. Whether the day exists in that year is checked by [`to_solar`].
    pub const fn new(year: i32, month: u8, day: u8, leap: bool) -> Result<Self, LunarError> {
        if month < 1 || month > 12 {
            return Err(LunarError::MonthInvalid { month });
        }
        if day < 1 || day > 30 {
            return Err(LunarError::DayInvalid { day });
        }
        Ok(Self {
            year,
            month,
            day,
            leap,
        })
    }

    /// The lunar year, numbered as the Gregorian year in which its Tết falls.
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 (tháng Giêng) to 12 (tháng Chạp).
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 30.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Whether the month is the leap month (tháng nhuận).
    pub const fn leap(self) -> bool {
        self.leap
    }
}

/// The heavenly stems (can), in Vietnamese.
const STEMS: [&str; 10] = [
    "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
];
/// The earthly branches (chi), in Vietnamese (Mão, the cat, not Thỏ).
const BRANCHES: [&str; 12] = [
    "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
];

/// The sexagenary name (can chi) of lunar year `year`, e.g. "Bính Ngọ" for 2026: the cycle of 10
/// stems and 12 branches in which 1984 is Giáp Tý.
pub fn year_name(year: i32) -> String {
    let stem = STEMS[(year + 6).rem_euclid(10) as usize];
    let branch = BRANCHES[(year + 8).rem_euclid(12) as usize];
    format!("{stem} {branch}")
}

/// The label of one month of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Label {
    year: i32,
    month: u8,
    leap: bool,
}

/// Every month of the supported range, in order.
struct Table {
    /// First day of each month ([`Date::to_days`]), and after the last one the first day after it.
    starts: Vec<i64>,
    /// The label of each month (one fewer than `starts`).
    labels: Vec<Label>,
}

/// UTC offsets of the reckonings, in hours.
const UTC7: f64 = 7.0;
const UTC8: f64 = 8.0;

/// 1968-01-01, from which the Historical reckoning uses UTC+7.
const HISTORICAL_SWITCH: i64 = days_of(1968, 1, 1);

/// The day number of a date written in this module (evaluated at compile time, so an impossible
/// date fails the build).
const fn days_of(year: i32, month: u8, day: u8) -> i64 {
    match Date::new(year, month, day) {
        Ok(date) => date.to_days(),
        Err(_) => panic!("not a date"),
    }
}

impl Table {
    /// The months from month 11 of lunar year `FIRST_YEAR - 1` to the last month before month 11
    /// of lunar year `LAST_YEAR + 1`, computed at UTC+`tz`: they cover every day of the solar
    /// years and of the lunar years `FIRST_YEAR..=LAST_YEAR`.
    fn compute(tz: f64) -> Table {
        let mut starts = Vec::with_capacity(3800);
        let mut labels = Vec::with_capacity(3800);
        const FIRST_DEC31: i64 = days_of(FIRST_YEAR - 1, 12, 31);
        let mut dec31 = FIRST_DEC31;
        let mut k11 = astro::month_11(dec31, tz);
        for year in FIRST_YEAR - 1..=LAST_YEAR {
            dec31 += if crate::is_leap_year(year + 1) {
                366
            } else {
                365
            };
            let next11 = astro::month_11(dec31, tz);
            let count = next11 - k11;
            let start = |i: i64| astro::new_moon_day(k11 + i, tz);
            // In a year of 13 months, the first month without a major term: its start and the
            // next month's start lie in the same 30° sector of the Sun's longitude. (13 months
            // hold only 12 major terms, so there is one; `tables_are_well_formed` checks it.)
            let leap = if count == 13 {
                (1..count).find(|&i| {
                    astro::sun_sector(start(i), tz) == astro::sun_sector(start(i + 1), tz)
                })
            } else {
                None
            };
            for i in 0..count {
                let after_leap = leap.is_some_and(|l| i >= l);
                let month = ((i - i64::from(after_leap) + 10) % 12 + 1) as u8;
                starts.push(start(i));
                labels.push(Label {
                    year: if month >= 11 { year } else { year + 1 },
                    month,
                    leap: leap == Some(i),
                });
            }
            k11 = next11;
        }
        starts.push(astro::new_moon_day(k11, tz));
        Table { starts, labels }
    }

    /// The months of `utc8` that start before 1968-01-01 followed by those of `utc7` from then.
    fn historical(utc8: &Table, utc7: &Table) -> Table {
        let cut8 = utc8.starts.partition_point(|&s| s < HISTORICAL_SWITCH);
        let cut7 = utc7.starts.partition_point(|&s| s < HISTORICAL_SWITCH);
        Table {
            starts: [&utc8.starts[..cut8], &utc7.starts[cut7..]].concat(),
            labels: [&utc8.labels[..cut8], &utc7.labels[cut7..]].concat(),
        }
    }

    fn get(reckoning: Reckoning) -> &'static Table {
        static VIETNAM: OnceLock<Table> = OnceLock::new();
        static CHINA: OnceLock<Table> = OnceLock::new();
        static HISTORICAL: OnceLock<Table> = OnceLock::new();
        let vietnam = || VIETNAM.get_or_init(|| Table::compute(UTC7));
        let china = || CHINA.get_or_init(|| Table::compute(UTC8));
        match reckoning {
            Reckoning::Vietnam => vietnam(),
            Reckoning::China => china(),
            Reckoning::Historical => {
                HISTORICAL.get_or_init(|| Table::historical(china(), vietnam()))
            }
        }
    }

    /// Index of the month labelled `year`, `month`, `leap`, if the table has it.
    fn find(&self, year: i32, month: u8, leap: bool) -> Option<usize> {
        let first = self.labels.partition_point(|l| l.year < year);
        self.labels[first..]
            .iter()
            .take_while(|l| l.year == year)
            .position(|l| l.month == month && l.leap == leap)
            .map(|i| first + i)
    }

    /// Number of days of month `index`.
    fn length(&self, index: usize) -> u8 {
        (self.starts[index + 1] - self.starts[index]) as u8
    }
}

/// The lunar date of `date`, for solar years [`FIRST_YEAR`]–[`LAST_YEAR`].
pub fn to_lunar(date: Date, reckoning: Reckoning) -> Result<LunarDate, LunarError> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        return Err(LunarError::SolarOutOfRange { date });
    }
    let table = Table::get(reckoning);
    let day = date.to_days();
    // The table starts before 1900-01-01 and ends after 2199-12-31, so `index` is a month.
    let index = table.starts.partition_point(|&s| s <= day) - 1;
    let label = table.labels[index];
    Ok(LunarDate {
        year: label.year,
        month: label.month,
        day: (day - table.starts[index] + 1) as u8,
        leap: label.leap,
    })
}

/// The solar date of day `day` of month `month` (the leap month when `leap`) of lunar year
/// `year`, for the lunar dates [`to_lunar`] gives for the solar years
/// [`FIRST_YEAR`]–[`LAST_YEAR`]: lunar years [`FIRST_YEAR`]–[`LAST_YEAR`] (but the days of lunar
/// year `LAST_YEAR` that fall in solar `LAST_YEAR + 1`) and the end of lunar year 1899.
///
/// A month outside 1–12, a day outside 1–30, a leap month the year does not have, or day 30 of
/// a month of 29 days is an error.
pub fn to_solar(
    year: i32,
    month: u8,
    day: u8,
    leap: bool,
    reckoning: Reckoning,
) -> Result<Date, LunarError> {
    LunarDate::new(year, month, day, leap)?;
    let out_of_range = LunarError::YearOutOfRange { year };
    let full_year = (FIRST_YEAR..=LAST_YEAR).contains(&year);
    let table = Table::get(reckoning);
    let index = match table.find(year, month, leap) {
        Some(index) => index,
        None if full_year && leap => return Err(LunarError::NoLeapMonth { year, month }),
        None => return Err(out_of_range),
    };
    if day > table.length(index) {
        return Err(LunarError::NoDay30 { year, month, leap });
    }
    let date =
        Date::from_days(table.starts[index] + i64::from(day) - 1).map_err(|_| out_of_range)?;
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(date)
    } else if full_year {
        // The last months of lunar year LAST_YEAR fall in solar LAST_YEAR + 1, which `to_lunar`
        // does not take: both functions stay within the same solar years.
        Err(LunarError::SolarOutOfRange { date })
    } else {
        Err(out_of_range)
    }
}

/// The leap month of lunar year `year` (`None` in a year of 12 months).
pub fn leap_month(year: i32, reckoning: Reckoning) -> Result<Option<u8>, LunarError> {
    check_year(year)?;
    let table = Table::get(reckoning);
    let first = table.labels.partition_point(|l| l.year < year);
    Ok(table.labels[first..]
        .iter()
        .take_while(|l| l.year == year)
        .find(|l| l.leap)
        .map(|l| l.month))
}

/// The number of days (29 or 30) of month `month` (the leap one when `leap`) of lunar year
/// `year`.
pub fn month_length(
    year: i32,
    month: u8,
    leap: bool,
    reckoning: Reckoning,
) -> Result<u8, LunarError> {
    check_year(year)?;
    LunarDate::new(year, month, 1, leap)?;
    let table = Table::get(reckoning);
    table
        .find(year, month, leap)
        .map(|index| table.length(index))
        .ok_or(LunarError::NoLeapMonth { year, month })
}

fn check_year(year: i32) -> Result<(), LunarError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(LunarError::YearOutOfRange { year })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn lunar(year: i32, month: u8, day: u8, leap: bool) -> LunarDate {
        LunarDate::new(year, month, day, leap).unwrap()
    }

    fn solar_of(d: LunarDate, reckoning: Reckoning) -> Result<Date, LunarError> {
        to_solar(d.year(), d.month(), d.day(), d.leap(), reckoning)
    }

    #[test]
    fn domain_note_vectors() {
        let cases = [
            ("2026-02-14", lunar(2025, 12, 27, false)),
            ("2026-02-22", lunar(2026, 1, 6, false)),
            ("2025-01-25", lunar(2024, 12, 26, false)),
            ("2025-02-02", lunar(2025, 1, 5, false)),
            ("2023-01-20", lunar(2022, 12, 29, false)),
            ("2024-02-09", lunar(2023, 12, 30, false)),
            ("1985-01-21", lunar(1985, 1, 1, false)),
        ];
        for (solar, expected) in cases {
            assert_eq!(
                to_lunar(date(solar), Reckoning::Vietnam),
                Ok(expected),
                "{solar}"
            );
            assert_eq!(solar_of(expected, Reckoning::Vietnam), Ok(date(solar)));
        }
        assert_eq!(
            to_solar(1985, 1, 1, false, Reckoning::China),
            Ok(date("1985-02-20"))
        );
    }

    #[test]
    fn leap_months_of_the_domain_note() {
        for (year, month, start) in [
            (2020, 4, "2020-05-23"),
            (2023, 2, "2023-03-22"),
            (2025, 6, "2025-07-25"),
            (2031, 3, "2031-04-21"),
            (2033, 11, "2033-12-22"),
        ] {
            assert_eq!(leap_month(year, Reckoning::Vietnam), Ok(Some(month)));
            assert_eq!(
                to_solar(year, month, 1, true, Reckoning::Vietnam),
                Ok(date(start))
            );
        }
        assert_eq!(leap_month(2028, Reckoning::Vietnam), Ok(Some(5)));
        assert_eq!(leap_month(2036, Reckoning::Vietnam), Ok(Some(6)));
        assert_eq!(leap_month(2026, Reckoning::Vietnam), Ok(None));
    }

    #[test]
    fn tet_and_hung_kings_day_2019_2035() {
        let rows = [
            (2019, "2019-02-05", "2019-04-14"),
            (2020, "2020-01-25", "2020-04-02"),
            (2021, "2021-02-12", "2021-04-21"),
            (2022, "2022-02-01", "2022-04-10"),
            (2023, "2023-01-22", "2023-04-29"),
            (2024, "2024-02-10", "2024-04-18"),
            (2025, "2025-01-29", "2025-04-07"),
            (2026, "2026-02-17", "2026-04-26"),
            (2027, "2027-02-06", "2027-04-16"),
            (2028, "2028-01-26", "2028-04-04"),
            (2029, "2029-02-13", "2029-04-23"),
            (2030, "2030-02-02", "2030-04-12"),
            (2031, "2031-01-23", "2031-04-01"),
            (2032, "2032-02-11", "2032-04-19"),
            (2033, "2033-01-31", "2033-04-09"),
            (2034, "2034-02-19", "2034-04-28"),
            (2035, "2035-02-08", "2035-04-17"),
        ];
        for (year, tet, hung) in rows {
            let v = Reckoning::Vietnam;
            assert_eq!(to_solar(year, 1, 1, false, v), Ok(date(tet)));
            assert_eq!(to_solar(year, 3, 10, false, v), Ok(date(hung)));
        }
    }

    #[test]
    fn last_day_of_the_year_2019_2032() {
        // 30 Chạp exists in 2019-2021, 2023 and 2024; the other years end on 29 Chạp.
        for (year, days) in [
            (2019, 30),
            (2020, 30),
            (2021, 30),
            (2022, 29),
            (2023, 30),
            (2024, 30),
            (2025, 29),
            (2026, 29),
            (2027, 29),
            (2028, 29),
            (2029, 29),
            (2030, 29),
            (2031, 29),
            (2032, 29),
        ] {
            assert_eq!(
                month_length(year - 1, 12, false, Reckoning::Vietnam),
                Ok(days),
                "{year}"
            );
        }
        assert_eq!(
            to_solar(2025, 12, 30, false, Reckoning::Vietnam),
            Err(LunarError::NoDay30 {
                year: 2025,
                month: 12,
                leap: false
            })
        );
    }

    #[test]
    fn tet_where_vietnam_and_china_differ() {
        for (year, vietnam, china) in [
            (1968, "1968-01-29", "1968-01-30"),
            (1969, "1969-02-16", "1969-02-17"),
            (1985, "1985-01-21", "1985-02-20"),
            (2007, "2007-02-17", "2007-02-18"),
            (2030, "2030-02-02", "2030-02-03"),
            (2053, "2053-02-18", "2053-02-19"),
        ] {
            let tet = |r| to_solar(year, 1, 1, false, r);
            assert_eq!(tet(Reckoning::Vietnam), Ok(date(vietnam)));
            assert_eq!(tet(Reckoning::Historical), Ok(date(vietnam)));
            assert_eq!(tet(Reckoning::China), Ok(date(china)));
        }
    }

    #[test]
    fn errors() {
        let v = Reckoning::Vietnam;
        assert_eq!(
            LunarDate::new(2026, 13, 1, false),
            Err(LunarError::MonthInvalid { month: 13 })
        );
        assert_eq!(
            LunarDate::new(2026, 1, 31, false),
            Err(LunarError::DayInvalid { day: 31 })
        );
        assert_eq!(
            to_solar(2026, 4, 1, true, v),
            Err(LunarError::NoLeapMonth {
                year: 2026,
                month: 4
            })
        );
        assert_eq!(
            to_solar(2200, 1, 1, false, v),
            Err(LunarError::YearOutOfRange { year: 2200 })
        );
        assert_eq!(
            to_solar(1899, 6, 1, false, v),
            Err(LunarError::YearOutOfRange { year: 1899 })
        );
        assert_eq!(
            to_lunar(date("1899-12-31"), v),
            Err(LunarError::SolarOutOfRange {
                date: date("1899-12-31")
            })
        );
        assert_eq!(
            to_lunar(date("2200-01-01"), v),
            Err(LunarError::SolarOutOfRange {
                date: date("2200-01-01")
            })
        );
        assert_eq!(
            leap_month(1899, v),
            Err(LunarError::YearOutOfRange { year: 1899 })
        );
        let first = to_lunar(date("1900-01-01"), v).unwrap();
        assert_eq!(first.year(), 1899);
        assert_eq!(solar_of(first, v), Ok(date("1900-01-01")));
    }

    #[test]
    fn the_end_of_the_last_lunar_year_stays_within_the_solar_years() {
        // Month 12 of lunar 2199 begins in January 2200, outside the solar years of `to_lunar`.
        let v = Reckoning::Vietnam;
        let start = to_solar(2199, 12, 1, false, v);
        assert!(
            matches!(start, Err(LunarError::SolarOutOfRange { date }) if date.year() == 2200),
            "{start:?}"
        );
        let last = to_lunar(date("2199-12-31"), v).unwrap();
        assert_eq!(last.year(), 2199);
        assert_eq!(solar_of(last, v), Ok(date("2199-12-31")));
    }

    #[test]
    fn every_code_is_in_the_catalog() {
        let d = date("2200-01-01");
        for e in [
            LunarError::SolarOutOfRange { date: d },
            LunarError::YearOutOfRange { year: 2200 },
            LunarError::MonthInvalid { month: 13 },
            LunarError::DayInvalid { day: 0 },
            LunarError::NoLeapMonth {
                year: 2026,
                month: 4,
            },
            LunarError::NoDay30 {
                year: 2025,
                month: 12,
                leap: false,
            },
        ] {
            let finding = e.to_finding("/lunar");
            assert!(!finding.en.contains('{'), "{}", finding.en);
            assert!(!finding.vi.contains('{'), "{}", finding.vi);
        }
    }

    /// Every month of every reckoning has 29 or 30 days, and the labels run 1, 2, …, 12 with at
    /// most one leap month a year, repeating the number before it; the Historical reckoning's
    /// switch to UTC+7 keeps that.
    #[test]
    fn tables_are_well_formed() {
        for reckoning in [Reckoning::Vietnam, Reckoning::Historical, Reckoning::China] {
            let table = Table::get(reckoning);
            assert_eq!(table.starts.len(), table.labels.len() + 1);
            for (i, pair) in table.labels.windows(2).enumerate() {
                let length = table.length(i);
                assert!((29..=30).contains(&length), "{reckoning:?} {:?}", pair[0]);
                let (a, b) = (pair[0], pair[1]);
                let next = if b.leap {
                    !a.leap && b.month == a.month && b.year == a.year
                } else if a.month == 12 {
                    b.month == 1 && b.year == a.year + 1
                } else {
                    b.month == a.month + 1 && b.year == a.year
                };
                assert!(next, "{reckoning:?}: {a:?} then {b:?}");
            }
            if reckoning != Reckoning::Historical {
                let tz = if reckoning == Reckoning::China {
                    UTC8
                } else {
                    UTC7
                };
                for (i, label) in table.labels.iter().enumerate().filter(|(_, l)| l.leap) {
                    let sector = |day| astro::sun_sector(day, tz);
                    assert_eq!(
                        sector(table.starts[i]),
                        sector(table.starts[i + 1]),
                        "{label:?}"
                    );
                }
            }
            assert!(table.starts[0] < date("1900-01-01").to_days());
            assert!(*table.starts.last().unwrap() > date("2199-12-31").to_days());
            assert_eq!(table.labels[0].year, FIRST_YEAR - 1);
            assert_eq!(table.labels.last().unwrap().year, LAST_YEAR + 1);
        }
    }

    #[test]
    fn year_names() {
        assert_eq!(year_name(2026), "Bính Ngọ");
        assert_eq!(year_name(2025), "Ất Tỵ");
        assert_eq!(year_name(1984), "Giáp Tý");
        assert_eq!(year_name(1968), "Mậu Thân");
        assert_eq!(year_name(2023), "Quý Mão");
    }

    #[test]
    fn serde_validates() {
        let d: LunarDate =
            serde_json::from_str(r#"{"year":2026,"month":1,"day":1,"leap":false}"#).unwrap();
        assert_eq!(d, lunar(2026, 1, 1, false));
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"year":2026,"month":1,"day":1,"leap":false}"#
        );
        assert!(serde_json::from_str::<LunarDate>(
            r#"{"year":2026,"month":0,"day":1,"leap":false}"#
        )
        .is_err());
    }
}
