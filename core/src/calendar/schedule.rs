//! Working days of an agency: its working week, minus the days off of
//! [`holidays`], plus the swapped working Saturdays.
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

/// The days off and swapped working days of one year: as bits by day of the year (bit `i % 64` of
/// word `i / 64` for the day [`Date::ordinal`] `i`) for counting, and with their reasons for
/// explaining. Built once per year, for the life of the process.
struct YearDays {
    /// Days in the year, 365 or 366.
    len: u16,
    /// Weekday of 1 January, 0 = Monday.
    weekday: u8,
    /// Days off; also the bits after 31 December, so that no word counts them as working days.
    off: [u64; 6],
    /// Swapped working days.
    work: [u64; 6],
    exceptions: BTreeMap<Date, Exception>,
}

/// How many years the process-wide cache holds: the lunar calendar's range, beyond which no
/// holiday can be computed.
const CACHED_YEARS: usize = (lunar::LAST_YEAR - lunar::FIRST_YEAR + 1) as usize;

/// Bits 0, 7, 14, …, 63: multiplying a 7-bit week by it repeats the week over 64 days.
const EVERY_SEVENTH_BIT: u64 = {
    let mut bits = 0;
    let mut i = 0;
    while i < 64 {
        bits |= 1 << i;
        i += 7;
    }
    bits
};

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
            None => Err(Self::uncached(year)),
        }
    }

    /// Why a year outside the lunar range has no days: the holidays give their own error.
    /// Apart, and cold, so that the lookup above stays small where it is inlined.
    #[cold]
    #[inline(never)]
    fn uncached(year: i32) -> ScheduleError {
        match holidays::exceptions(year) {
            Err(e) => ScheduleError::Holidays(e),
            Ok(_) => ScheduleError::OutOfRange,
        }
    }

    fn build(year: i32) -> Result<YearDays, HolidayError> {
        let january_1 = Date::new(year, 1, 1).map_err(|_| HolidayError::OutOfRange(year))?;
        let len = if crate::is_leap_year(year) { 366 } else { 365 };
        let exceptions = holidays::exceptions(year)?;
        let (mut off, mut work) = ([0u64; 6], [0u64; 6]);
        for (date, exception) in &exceptions {
            let i = usize::from(date.ordinal());
            let bits = match exception {
                Exception::Off(_) => &mut off,
                Exception::SwappedWorking(_) => &mut work,
            };
            bits[i / 64] |= 1 << (i % 64);
        }
        // The last word holds days 320 to 383; those from `len` on belong to no day of the year.
        off[5] |= u64::MAX << (len - 320);
        Ok(YearDays {
            len,
            weekday: january_1.weekday(),
            off,
            work,
            exceptions,
        })
    }

    /// The working days of the 64-day word `word` of this year, for the working weekdays `week`
    /// (bit `k` for weekday `k`, Monday 0): the weekdays that work, minus the days off, plus the
    /// swapped working days.
    fn working_word(&self, week: u32, word: usize) -> u64 {
        // 64 days are 9 weeks and a day: each word starts one weekday after the one before.
        // Both terms are below 7 (`word` < 6), so one subtraction takes the sum modulo 7.
        let weekday = u32::from(self.weekday) + word as u32;
        let weekday = if weekday >= 7 { weekday - 7 } else { weekday };
        let from_weekday = ((week >> weekday) | (week << (7 - weekday))) & 0x7f;
        let days = u64::from(from_weekday).wrapping_mul(EVERY_SEVENTH_BIT);
        (days & !self.off[word]) | self.work[word]
    }

    /// Whether the day `ordinal` of this year counts for `schedule`.
    fn is_working(&self, schedule: &Schedule, ordinal: u16) -> bool {
        let (word, bit) = (usize::from(ordinal / 64), ordinal % 64);
        let weekday = (u16::from(self.weekday) + ordinal) % 7;
        let ordinary = u64::from(schedule.working_weekdays[usize::from(weekday)]);
        // Bit arithmetic rather than `&&`/`||`: whether a day is a weekday is no branch to predict.
        ((ordinary & !(self.off[word] >> bit)) | (self.work[word] >> bit)) & 1 == 1
    }
}

/// Running byte counts for [`nth_set_bit`]: `0x01` and `0x80` in every byte.
const BYTE_ONES: u64 = u64::MAX / 0xff;
const BYTE_HIGHS: u64 = BYTE_ONES << 7;

/// `SELECT_IN_BYTE[b][k]`: the position of the set bit of the byte `b` with `k` set bits below it.
static SELECT_IN_BYTE: [[u8; 8]; 256] = {
    let mut table = [[0u8; 8]; 256];
    let mut byte = 0;
    while byte < 256 {
        let (mut bit, mut seen) = (0, 0);
        while bit < 8 {
            if byte >> bit & 1 == 1 {
                table[byte][seen] = bit as u8;
                seen += 1;
            }
            bit += 1;
        }
        byte += 1;
    }
    table
};

/// The position of the set bit of `x` that has `k` set bits below it, or `Err` with the number of
/// set bits of `x` when it has no more than `k`. Broadword selection (S. Vigna, "Broadword
/// implementation of rank/select queries", 2008): the bytes' bit counts and their running sums
/// come from a few masks and one multiplication, the byte holding the bit from one parallel
/// comparison, the bit from a table. No loop: the cost does not depend on `k`.
fn nth_set_bit(x: u64, k: u32) -> Result<u32, u32> {
    let mut counts = x - ((x >> 1) & 0x5555_5555_5555_5555);
    counts = (counts & 0x3333_3333_3333_3333) + ((counts >> 2) & 0x3333_3333_3333_3333);
    counts = (counts + (counts >> 4)) & 0x0f0f_0f0f_0f0f_0f0f;
    // Byte i: the set bits of bytes 0..=i, at most 64, so no byte carries into the next.
    let running = counts.wrapping_mul(BYTE_ONES);
    let total = (running >> 56) as u32;
    if total <= k {
        return Err(total);
    }
    // k < total ≤ 64. The high bit of byte i is set when its running count exceeds k: each byte
    // becomes running + 128 - (k + 1) ≥ 64, so no byte borrows from the next.
    let above = ((running | BYTE_HIGHS) - BYTE_ONES * u64::from(k + 1)) & BYTE_HIGHS;
    let byte = above.trailing_zeros() / 8;
    // The running count up to the byte before, 0 for byte 0.
    let before = ((running << 8) >> (8 * byte)) as u32 & 0xff;
    let bits = (x >> (8 * byte)) as u8;
    Ok(8 * byte + u32::from(SELECT_IN_BYTE[usize::from(bits)][(k - before) as usize]))
}

/// The days after a date, one by one, each with its year's [`YearDays`].
struct DaysAfter {
    year_number: i32,
    year: &'static YearDays,
    /// [`Date::ordinal`] of the last day given (at first, the start date).
    ordinal: u16,
}

impl DaysAfter {
    fn new(date: Date) -> Result<Self, ScheduleError> {
        Ok(Self {
            year_number: date.year(),
            year: YearDays::of(date.year())?,
            ordinal: date.ordinal(),
        })
    }

    /// The next day: its year and its ordinal.
    fn next(&mut self) -> Result<(&'static YearDays, u16), ScheduleError> {
        self.ordinal += 1;
        if self.ordinal >= self.year.len {
            self.year_number += 1;
            self.year = YearDays::of(self.year_number)?;
            self.ordinal = 0;
        }
        Ok((self.year, self.ordinal))
    }

    /// The last day given, as a date.
    fn date(&self) -> Result<Date, ScheduleError> {
        Date::from_ordinal(self.year_number, self.ordinal).map_err(|_| ScheduleError::OutOfRange)
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
            Some(Exception::SwappedWorking(work)) => Day::SwappedWorking(work.clone()),
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
        Ok(YearDays::of(date.year())?.is_working(self, date.ordinal()))
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: Date) -> Result<Date, ScheduleError> {
        self.add_working_days(date, 1)
    }

    /// The `n`-th working day after `date`, `date` itself not counted (Civil Code 2015
    /// Art. 147(2)); `n` = 0 gives `date`.
    pub fn add_working_days(&self, date: Date, n: u32) -> Result<Date, ScheduleError> {
        let week = self.check_walk(n)?;
        let Some(mut before) = n.checked_sub(1) else {
            return Ok(date);
        };
        // Takes 64 days at a time: the working days of a word are counted, and the one with
        // `before` working days before it is selected in the word where the count runs out.
        let mut year_number = date.year();
        let mut year = YearDays::of(year_number)?;
        // From the day after `date`: at most 366, the length of a leap year.
        let mut pos = u32::from(date.ordinal()) + 1;
        loop {
            while pos < u32::from(year.len) {
                // pos < 366: the word index is below 6.
                let (word, bit) = ((pos / 64) as usize, pos % 64);
                match nth_set_bit(year.working_word(week, word) >> bit, before) {
                    Ok(at) => {
                        // A working day of the year: its ordinal is below 366.
                        return Date::from_ordinal(year_number, (pos + at) as u16)
                            .map_err(|_| ScheduleError::OutOfRange);
                    }
                    Err(count) => {
                        before -= count;
                        pos += 64 - bit;
                    }
                }
            }
            year_number += 1;
            year = YearDays::of(year_number)?;
            pos = 0;
        }
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
            days.push((d, self.classify(year, d)));
            Ok(())
        })?;
        Ok((due, days))
    }

    /// Walks forward from `date`, day after day, until `n` working days have passed; `visit` sees
    /// every day walked past, with its year.
    fn walk(
        &self,
        date: Date,
        n: u32,
        mut visit: impl FnMut(&YearDays, Date) -> Result<(), ScheduleError>,
    ) -> Result<Date, ScheduleError> {
        self.check_walk(n)?;
        let mut days = DaysAfter::new(date)?;
        let mut left = n;
        while left > 0 {
            let (year, ordinal) = days.next()?;
            if year.is_working(self, ordinal) {
                left -= 1;
            }
            visit(year, days.date()?)?;
        }
        days.date()
    }

    /// The working weekdays as bits (bit `k` for weekday `k`, Monday 0), once checked that `n`
    /// working days can be walked: at most [`MAX_WORKING_DAYS`], and a week with a working day.
    fn check_walk(&self, n: u32) -> Result<u32, ScheduleError> {
        if n > MAX_WORKING_DAYS {
            return Err(ScheduleError::TooManyDays(u64::from(n)));
        }
        let week = self
            .working_weekdays
            .iter()
            .rev()
            .fold(0, |bits, &works| bits << 1 | u32::from(works));
        if week == 0 {
            return Err(ScheduleError::NoWorkingDay);
        }
        Ok(week)
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
        for _ in 0..span {
            let (year, ordinal) = days.next()?;
            count += u32::from(year.is_working(self, ordinal));
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
        fn nth_set_bit_agrees_with_counting_bit_by_bit(x: u64, k in 0u32..70) {
            let below = |at: u32| (x & ((1u64 << at) - 1)).count_ones();
            let naive = (0..64).find(|&at| x >> at & 1 == 1 && below(at) == k);
            match nth_set_bit(x, k) {
                Ok(at) => prop_assert_eq!(Some(at), naive),
                Err(count) => {
                    prop_assert_eq!(naive, None);
                    prop_assert_eq!(count, x.count_ones());
                }
            }
        }

        #[test]
        fn word_skipping_agrees_with_the_walk_over_every_cached_year(
            year in 2014i32..=lunar::LAST_YEAR, ordinal in 0u16..366, n in 0u32..800,
            week in 1u8..128,
        ) {
            let s = Schedule { working_weekdays: core::array::from_fn(|k| week >> k & 1 == 1) };
            let Ok(from) = Date::from_ordinal(year, ordinal) else { return Ok(()) };
            match (s.add_working_days(from, n), s.add_working_days_explained(from, n)) {
                (Ok(skipped), Ok((walked, _))) => {
                    prop_assert_eq!(skipped, walked);
                    prop_assert_eq!(s.count_working_days(from, skipped).unwrap(), n);
                }
                (skipped, walked) => prop_assert_eq!(skipped, walked.map(|(d, _)| d)),
            }
        }

        #[test]
        fn working_day_bits_agree_with_the_reasons(
            year in 2014i32..=lunar::LAST_YEAR, ordinal in 0u16..366, week in 1u8..128,
        ) {
            let s = Schedule { working_weekdays: core::array::from_fn(|k| week >> k & 1 == 1) };
            let Ok(date) = Date::from_ordinal(year, ordinal) else { return Ok(()) };
            prop_assert_eq!(s.is_working_day(date), s.day(date).map(|day| day.is_working()));
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
