//! Working days of an agency: its working week, minus the days off of
//! [`holidays`](crate::calendar::holidays), plus the swapped working Saturdays.
//!
//! Civil servants work Monday to Friday (calendar.md §1). Some one-stop shops also *receive*
//! dossiers on Saturday morning; that does not make Saturday a working day for counting a time
//! limit unless the agency's [`Schedule`] says so (calendar.md §1, UNCONFIRMED general rule,
//! hence configuration). A swapped Saturday (làm bù) is a working day; a swapped weekday is not.
//! Counting follows Civil Code 91/2015/QH13 Art. 147: the day of the event is not counted, day 1
//! is the first working day after it (spec/calendar/working-days.md).

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calendar::holidays::{self, DayOff, Exception, HolidayError};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Working weekdays, Monday first.
    pub working_weekdays: [bool; 7],
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

/// The days off of the years visited so far, so that walking across a year does not recompute
/// its holidays for every day.
struct Cursor {
    years: BTreeMap<i32, BTreeMap<Date, Exception>>,
}

impl Cursor {
    fn new() -> Self {
        Self {
            years: BTreeMap::new(),
        }
    }

    fn exception(&mut self, date: Date) -> Result<Option<&Exception>, HolidayError> {
        let year = match self.years.entry(date.year()) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(new) => new.insert(holidays::exceptions(date.year())?),
        };
        Ok(year.get(&date))
    }
}

impl Schedule {
    /// Monday to Friday plus Saturday, for an agency whose Saturdays count as working days.
    pub fn with_saturday() -> Self {
        let mut schedule = Self::default();
        schedule.working_weekdays[5] = true;
        schedule
    }

    fn classify(&self, cursor: &mut Cursor, date: Date) -> Result<Day, ScheduleError> {
        Ok(match cursor.exception(date)? {
            Some(Exception::Off(off)) => Day::Off(off.clone()),
            Some(Exception::Work(work)) => Day::SwappedWorking(work.clone()),
            None if self.working_weekdays[usize::from(date.weekday())] => Day::Working,
            None => Day::WeeklyRest,
        })
    }

    fn working(&self, cursor: &mut Cursor, date: Date) -> Result<bool, ScheduleError> {
        Ok(self.classify(cursor, date)?.is_working())
    }

    /// What `date` is for this schedule, and why.
    pub fn day(&self, date: Date) -> Result<Day, ScheduleError> {
        self.classify(&mut Cursor::new(), date)
    }

    /// Whether `date` is a working day of this schedule.
    pub fn is_working_day(&self, date: Date) -> Result<bool, ScheduleError> {
        self.working(&mut Cursor::new(), date)
    }

    fn step(date: Date) -> Result<Date, ScheduleError> {
        Date::from_days(date.to_days() + 1).map_err(|_| ScheduleError::OutOfRange)
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: Date) -> Result<Date, ScheduleError> {
        self.add_working_days(date, 1)
    }

    /// The `n`-th working day after `date`, `date` itself not counted (Civil Code 2015
    /// Art. 147(2)); `n` = 0 gives `date`.
    pub fn add_working_days(&self, date: Date, n: u32) -> Result<Date, ScheduleError> {
        self.walk(date, n, |_, _| ())
    }

    /// [`Schedule::add_working_days`], with every day walked past and what it is, for explaining
    /// a due date.
    pub fn add_working_days_explained(
        &self,
        date: Date,
        n: u32,
    ) -> Result<(Date, Vec<(Date, Day)>), ScheduleError> {
        let mut days = Vec::new();
        let due = self.walk(date, n, |d, day| days.push((d, day)))?;
        Ok((due, days))
    }

    fn walk(
        &self,
        date: Date,
        n: u32,
        mut visit: impl FnMut(Date, Day),
    ) -> Result<Date, ScheduleError> {
        if n > MAX_WORKING_DAYS {
            return Err(ScheduleError::TooManyDays(u64::from(n)));
        }
        if !self.working_weekdays.contains(&true) {
            return Err(ScheduleError::NoWorkingDay);
        }
        let mut cursor = Cursor::new();
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = Self::step(day)?;
            let kind = self.classify(&mut cursor, day)?;
            if kind.is_working() {
                left -= 1;
            }
            visit(day, kind);
        }
        Ok(day)
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
        let mut cursor = Cursor::new();
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = Self::step(day)?;
            if self.working(&mut cursor, day)? {
                count += 1;
            }
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
        fn no_panic_in_or_beyond_range(start in 0i64..3_000, n in 0u32..4_000) {
            let from = Date::from_days(Date::new(2019, 1, 1).unwrap().to_days() + start).unwrap();
            match Schedule::default().add_working_days(from, n) {
                Ok(due) => prop_assert!(n <= MAX_WORKING_DAYS && due >= from),
                Err(e) => prop_assert_eq!(e, ScheduleError::TooManyDays(u64::from(n))),
            }
        }
    }
}
