//! Working days of an agency: its working week, minus the days off of
//! [`holidays`](crate::calendar::holidays), plus the swapped working Saturdays.
//!
//! Civil servants work Monday to Friday (calendar.md §1). Some one-stop shops also *receive*
//! dossiers on Saturday morning; that does not make Saturday a working day for counting a time
//! limit unless the agency's [`Schedule`] says so (calendar.md §1, UNCONFIRMED general rule,
//! hence configuration). A swapped Saturday (làm bù) is a working day; a swapped weekday is not.
//! Counting follows Civil Code 91/2015/QH13 Art. 147: the day of the event is not counted, day 1
//! is the first working day after it (spec/calendar/working-days.md).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::calendar::holidays::{self, DayOff, Exception, HolidayError};
use crate::calendar::lunar;
use crate::{Date, Diagnostic};

/// The largest number of working days [`Schedule::add_working_days`] and
/// [`Schedule::count_working_days`] accept: ten years of working days, far beyond any procedure's
/// time limit, so that a wrong input cannot make the computation run for long.
pub const MAX_WORKING_DAYS: u32 = 2_600;

/// Why a working-day computation failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// The days off of a year are not known.
    #[error(transparent)]
    Holidays(#[from] HolidayError),
    /// More working days than [`MAX_WORKING_DAYS`].
    #[error("at most {MAX_WORKING_DAYS} working days can be counted; {0} were asked")]
    TooManyDays(u64),
    /// The result would lie outside the supported dates.
    #[error("the result lies outside the supported dates")]
    OutOfRange,
    /// The working week has no working day.
    #[error("the working week has no working day")]
    NoWorkingDay,
}

impl Diagnostic for ScheduleError {
    fn code(&self) -> &'static str {
        match self {
            ScheduleError::Holidays(e) => e.code(),
            ScheduleError::TooManyDays(_) => "working_days.too_many",
            ScheduleError::OutOfRange => "working_days.out_of_range",
            ScheduleError::NoWorkingDay => "working_days.no_working_day",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ScheduleError::Holidays(e) => e.args(),
            ScheduleError::TooManyDays(n) => vec![
                ("count", n.to_string()),
                ("max", MAX_WORKING_DAYS.to_string()),
            ],
            ScheduleError::OutOfRange | ScheduleError::NoWorkingDay => Vec::new(),
        }
    }
}

/// An agency's working week: which weekdays are working days. The default is Monday to Friday.
///
/// As JSON it is written `{"working_weekdays": [7 booleans, Monday first]}`, and also read from
/// the name of a common week, `"mon_fri"` or `"mon_sat"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(from = "ScheduleJson")]
pub struct Schedule {
    /// Working weekdays, Monday first.
    pub working_weekdays: [bool; 7],
}

/// An agency's working week as JSON: the working weekdays, or the name of a common week.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Schedule"))]
#[serde(untagged)]
enum ScheduleJson {
    /// A common working week.
    Named(NamedSchedule),
    /// The working weekdays.
    Weekdays(WeekdaysJson),
}

/// The working weekdays of a [`Schedule`] as JSON.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ScheduleWeekdays"))]
#[serde(deny_unknown_fields)]
struct WeekdaysJson {
    /// Working weekdays, Monday first.
    working_weekdays: [bool; 7],
}

/// The name of a common working week.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ScheduleName"))]
#[serde(rename_all = "snake_case")]
enum NamedSchedule {
    /// Monday to Friday, the civil servants' week (calendar.md §1).
    MonFri,
    /// Monday to Saturday, for an agency whose Saturdays count as working days.
    MonSat,
}

impl From<ScheduleJson> for Schedule {
    fn from(json: ScheduleJson) -> Self {
        match json {
            ScheduleJson::Named(NamedSchedule::MonFri) => Schedule::default(),
            ScheduleJson::Named(NamedSchedule::MonSat) => Schedule::with_saturday(),
            ScheduleJson::Weekdays(w) => Schedule {
                working_weekdays: w.working_weekdays,
            },
        }
    }
}

impl Default for Schedule {
    fn default() -> Self {
        Self {
            working_weekdays: [true, true, true, true, true, false, false],
        }
    }
}

/// What a date is for an agency's [`Schedule`], and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "day", rename_all = "snake_case")]
pub enum Day {
    /// An ordinary working day of the working week.
    Working,
    /// A Saturday made a working day by the yearly decision (làm bù).
    SwappedWorking(DayOff),
    /// A weekly rest day of the schedule.
    WeeklyRest,
    /// A holiday, Tết day, compensatory day or swapped weekday.
    Off(DayOff),
}

impl Day {
    /// Whether time limits count this day.
    pub fn is_working(&self) -> bool {
        matches!(self, Day::Working | Day::SwappedWorking(_))
    }
}

/// A date, whether it is a working day of a [`Schedule`], and why: the result of
/// [`Schedule::day_status`], the same JSON on every surface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayStatus {
    /// The date.
    pub date: Date,
    /// Whether time limits count this day ([`Day::is_working`]).
    pub working: bool,
    /// What the day is: `"day"` is `working`, `swapped_working`, `weekly_rest` or `off`; a
    /// swapped or off day also has its `occasions` and `source` (`decision`, with the year,
    /// `status`, `document` and `basis` of the yearly decision, or `rules`, with the `law` and
    /// whether it is a `compensatory` day).
    #[serde(flatten)]
    pub day: Day,
}

/// The days off and swapped working days of one year: as bits by day of the year for counting,
/// and with their reasons for explaining. Built once per year, for the life of the process.
struct YearDays {
    /// [`Date::to_days`] of 1 January.
    first: i64,
    /// [`Date::to_days`] of 1 January of the next year.
    next: i64,
    off: [u64; 6],
    work: [u64; 6],
    exceptions: BTreeMap<Date, Exception>,
}

/// How many years the process-wide cache holds: the lunar calendar's range, beyond which no
/// holiday can be computed.
const CACHED_YEARS: usize = (lunar::LAST_YEAR - lunar::FIRST_YEAR + 1) as usize;

impl YearDays {
    /// The days of `year`, computed on first use.
    fn of(year: i32) -> Result<&'static YearDays, ScheduleError> {
        static YEARS: [OnceLock<Result<YearDays, HolidayError>>; CACHED_YEARS] =
            [const { OnceLock::new() }; CACHED_YEARS];
        let slot = usize::try_from(year - lunar::FIRST_YEAR)
            .ok()
            .and_then(|i| YEARS.get(i));
        match slot {
            Some(slot) => slot
                .get_or_init(|| Self::build(year))
                .as_ref()
                .map_err(|e| ScheduleError::Holidays(*e)),
            // Outside the lunar range the holidays give their own error.
            None => Err(match holidays::exceptions(year) {
                Err(e) => ScheduleError::Holidays(e),
                Ok(_) => ScheduleError::OutOfRange,
            }),
        }
    }

    fn build(year: i32) -> Result<YearDays, HolidayError> {
        let out_of_range = |_| HolidayError::OutOfRange(year);
        let first = Date::new(year, 1, 1).map_err(out_of_range)?.to_days();
        let next = if year < crate::MAX_YEAR {
            Date::new(year + 1, 1, 1).map_err(out_of_range)?.to_days()
        } else {
            first + 365
        };
        let exceptions = holidays::exceptions(year)?;
        let (mut off, mut work) = ([0u64; 6], [0u64; 6]);
        for (date, exception) in &exceptions {
            // A date of `year` is at most 365 days after 1 January, so the index fits.
            let i = (date.to_days() - first) as usize;
            let bits = match exception {
                Exception::Off(_) => &mut off,
                Exception::Work(_) => &mut work,
            };
            bits[i / 64] |= 1 << (i % 64);
        }
        Ok(YearDays {
            first,
            next,
            off,
            work,
            exceptions,
        })
    }

    /// The working days of the 64-day word `word` of this year, for the week pattern of
    /// [`Schedule::week_pattern`]: the weekdays that work, minus the days off, plus the swapped
    /// working days.
    fn working_word(&self, week: u128, word: usize) -> u64 {
        let start = self.first + 64 * word as i64;
        let weekday = (start + 3).rem_euclid(7) as u32;
        // Truncation keeps the 64 days of the word.
        ((week >> weekday) as u64 & !self.off[word]) | self.work[word]
    }

    /// Whether the day `days` (of this year) counts for `schedule`.
    fn is_working(&self, schedule: &Schedule, days: i64) -> bool {
        let i = (days - self.first) as usize;
        let bit = 1u64 << (i % 64);
        if self.off[i / 64] & bit != 0 {
            false
        } else if self.work[i / 64] & bit != 0 {
            true
        } else {
            schedule.working_weekdays[(days + 3).rem_euclid(7) as usize]
        }
    }
}

/// The days after a date, one by one, each with its year's [`YearDays`].
struct DaysAfter {
    year_number: i32,
    year: &'static YearDays,
    /// [`Date::to_days`] of the last day given (at first, the start date).
    day: i64,
}

impl DaysAfter {
    fn new(date: Date) -> Result<Self, ScheduleError> {
        Ok(Self {
            year_number: date.year(),
            year: YearDays::of(date.year())?,
            day: date.to_days(),
        })
    }

    fn next(&mut self) -> Result<(&'static YearDays, i64), ScheduleError> {
        self.day += 1;
        if self.day >= self.year.next {
            self.year_number += 1;
            self.year = YearDays::of(self.year_number)?;
        }
        Ok((self.year, self.day))
    }
}

impl Schedule {
    /// Monday to Friday plus Saturday, for an agency whose Saturdays count as working days.
    pub fn with_saturday() -> Self {
        let mut schedule = Self::default();
        schedule.working_weekdays[5] = true;
        schedule
    }

    fn classify(&self, year: &YearDays, date: Date) -> Day {
        match year.exceptions.get(&date) {
            Some(Exception::Off(off)) => Day::Off(off.clone()),
            Some(Exception::Work(work)) => Day::SwappedWorking(work.clone()),
            None if self.working_weekdays[usize::from(date.weekday())] => Day::Working,
            None => Day::WeeklyRest,
        }
    }

    /// What `date` is for this schedule, and why.
    pub fn day(&self, date: Date) -> Result<Day, ScheduleError> {
        Ok(self.classify(YearDays::of(date.year())?, date))
    }

    /// What `date` is for this schedule, whether it is a working day, and why.
    pub fn day_status(&self, date: Date) -> Result<DayStatus, ScheduleError> {
        let day = self.day(date)?;
        Ok(DayStatus {
            date,
            working: day.is_working(),
            day,
        })
    }

    /// Whether `date` is a working day of this schedule.
    pub fn is_working_day(&self, date: Date) -> Result<bool, ScheduleError> {
        Ok(YearDays::of(date.year())?.is_working(self, date.to_days()))
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: Date) -> Result<Date, ScheduleError> {
        self.add_working_days(date, 1)
    }

    /// The `n`-th working day after `date`, `date` itself not counted (Civil Code 2015
    /// Art. 147(2)); `n` = 0 gives `date`.
    pub fn add_working_days(&self, date: Date, n: u32) -> Result<Date, ScheduleError> {
        self.check_walk(n)?;
        if n == 0 {
            return Ok(date);
        }
        // Skips 64 days at a time: the working days of a word are counted with popcount, and the
        // n-th one is found in the word where the count runs out.
        let week = self.week_pattern();
        let mut left = n;
        let mut year_number = date.year();
        let mut year = YearDays::of(year_number)?;
        let mut pos = date.to_days() + 1 - year.first;
        loop {
            let len = year.next - year.first;
            while pos < len {
                // 0 ≤ pos < 366, so the word index and bit fit.
                let (word, bit) = ((pos / 64) as usize, (pos % 64) as u32);
                let mut bits = year.working_word(week, word) >> bit;
                let remaining = len - pos;
                if remaining < 64 {
                    bits &= (1u64 << remaining) - 1;
                }
                let count = bits.count_ones();
                if count >= left {
                    for _ in 1..left {
                        bits &= bits - 1;
                    }
                    let day = year.first + pos + i64::from(bits.trailing_zeros());
                    return Date::from_days(day).map_err(|_| ScheduleError::OutOfRange);
                }
                left -= count;
                pos += 64 - i64::from(bit);
            }
            year_number += 1;
            year = YearDays::of(year_number)?;
            pos = 0;
        }
    }

    /// The working weekdays repeated over 128 days from a Monday: bit `k` is whether the weekday
    /// `k mod 7` works.
    fn week_pattern(&self) -> u128 {
        let mut p = self
            .working_weekdays
            .iter()
            .enumerate()
            .fold(0u128, |acc, (i, &w)| acc | (u128::from(w) << i));
        // Each doubling copies the 7-day period further: 7, 14, 28, 56, 112, 128 days.
        for shift in [7, 14, 28, 56, 112] {
            p |= p << shift;
        }
        p
    }

    /// [`Schedule::add_working_days`], with every day walked past and what it is, for explaining
    /// a due date.
    pub fn add_working_days_explained(
        &self,
        date: Date,
        n: u32,
    ) -> Result<(Date, Vec<(Date, Day)>), ScheduleError> {
        let mut days = Vec::new();
        let due = self.walk(date, n, |year, d| {
            let d = Date::from_days(d).map_err(|_| ScheduleError::OutOfRange)?;
            days.push((d, self.classify(year, d)));
            Ok(())
        })?;
        Ok((due, days))
    }

    /// Walks forward from `date`, day after day, until `n` working days have passed; `visit` sees
    /// every day walked past (its year and its [`Date::to_days`]).
    fn walk(
        &self,
        date: Date,
        n: u32,
        mut visit: impl FnMut(&YearDays, i64) -> Result<(), ScheduleError>,
    ) -> Result<Date, ScheduleError> {
        self.check_walk(n)?;
        let mut days = DaysAfter::new(date)?;
        let mut left = n;
        while left > 0 {
            let (year, day) = days.next()?;
            if year.is_working(self, day) {
                left -= 1;
            }
            visit(year, day)?;
        }
        Date::from_days(days.day).map_err(|_| ScheduleError::OutOfRange)
    }

    /// Whether `n` working days can be walked: at most [`MAX_WORKING_DAYS`], and a week with a
    /// working day.
    fn check_walk(&self, n: u32) -> Result<(), ScheduleError> {
        if n > MAX_WORKING_DAYS {
            return Err(ScheduleError::TooManyDays(u64::from(n)));
        }
        if !self.working_weekdays.contains(&true) {
            return Err(ScheduleError::NoWorkingDay);
        }
        Ok(())
    }

    /// The number of working days in `(from, to]`: after `from`, up to and including `to`
    /// (0 when `to` ≤ `from`). The inverse of [`Schedule::add_working_days`].
    pub fn count_working_days(&self, from: Date, to: Date) -> Result<u32, ScheduleError> {
        let span = to.to_days() - from.to_days();
        // The walk is bounded by the calendar span, at most 7 × MAX_WORKING_DAYS days.
        let max_span = i64::from(MAX_WORKING_DAYS) * 7;
        if span > max_span {
            return Err(ScheduleError::TooManyDays(span.unsigned_abs()));
        }
        let mut days = DaysAfter::new(from)?;
        let mut count = 0;
        while days.day < to.to_days() {
            let (year, day) = days.next()?;
            count += u32::from(year.is_working(self, day));
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    /// calendar.md §5: the four vectors of the civil-servant calendar.
    #[test]
    fn vectors_of_calendar_md() {
        let s = Schedule::default();
        for (from, n, due) in [
            ("2025-04-25", 3, "2025-04-29"),
            ("2025-04-29", 3, "2025-05-07"),
            ("2025-12-31", 2, "2026-01-06"),
            ("2026-01-09", 1, "2026-01-10"),
        ] {
            assert_eq!(s.add_working_days(d(from), n), Ok(d(due)), "{from} + {n}");
            assert_eq!(s.count_working_days(d(from), d(due)), Ok(n));
        }
    }

    #[test]
    fn swaps_and_weekends() {
        let s = Schedule::default();
        assert_eq!(s.is_working_day(d("2025-04-26")), Ok(true)); // swapped Saturday
        assert_eq!(s.is_working_day(d("2025-05-02")), Ok(false)); // swapped Friday
        assert_eq!(s.is_working_day(d("2025-05-10")), Ok(false)); // ordinary Saturday
        assert_eq!(
            Schedule::with_saturday().is_working_day(d("2025-05-10")),
            Ok(true)
        );
        assert_eq!(
            Schedule::with_saturday().is_working_day(d("2025-05-03")),
            Ok(false)
        );
        assert_eq!(s.next_working_day(d("2026-02-13")), Ok(d("2026-02-23")));
        assert_eq!(s.add_working_days(d("2026-02-13"), 0), Ok(d("2026-02-13")));
    }

    #[test]
    fn bounds_are_typed_errors() {
        let s = Schedule::default();
        assert_eq!(
            s.add_working_days(d("2025-01-01"), MAX_WORKING_DAYS + 1),
            Err(ScheduleError::TooManyDays(u64::from(MAX_WORKING_DAYS) + 1))
        );
        let none = Schedule {
            working_weekdays: [false; 7],
        };
        assert_eq!(
            none.add_working_days(d("2025-01-01"), 1),
            Err(ScheduleError::NoWorkingDay)
        );
        assert_eq!(
            s.count_working_days(d("2025-01-01"), d("2025-01-01")),
            Ok(0)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn count_inverts_add(start in 0i64..3_000, n in 0u32..120, saturday: bool) {
            let s = if saturday { Schedule::with_saturday() } else { Schedule::default() };
            let from = Date::from_days(Date::new(2019, 1, 1).unwrap().to_days() + start).unwrap();
            let due = s.add_working_days(from, n).unwrap();
            prop_assert_eq!(s.count_working_days(from, due).unwrap(), n);
            if n > 0 {
                prop_assert!(s.is_working_day(due).unwrap());
            }
        }

        #[test]
        fn word_skipping_agrees_with_the_day_by_day_walk(
            start in 0i64..3_000, n in 0u32..400, saturday: bool,
        ) {
            let s = if saturday { Schedule::with_saturday() } else { Schedule::default() };
            let from = Date::from_days(Date::new(2019, 1, 1).unwrap().to_days() + start).unwrap();
            let (walked, _) = s.add_working_days_explained(from, n).unwrap();
            prop_assert_eq!(s.add_working_days(from, n).unwrap(), walked);
        }

        #[test]
        fn no_panic_in_or_beyond_range(start in 0i64..3_000, n in 0u32..4_000) {
            let from = Date::from_days(Date::new(2019, 1, 1).unwrap().to_days() + start).unwrap();
            match Schedule::default().add_working_days(from, n) {
                Ok(due) => prop_assert!(n <= MAX_WORKING_DAYS && due >= from),
                Err(e) => prop_assert_eq!(e, ScheduleError::TooManyDays(u64::from(n))),
            }
        }
    }
}
