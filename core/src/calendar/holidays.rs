//! Public holidays and the civil servants' days off, year by year.
//!
//! Two sources, both data in `spec/calendar/`:
//! - `civil-service.json`: the days off the Government decides each year for civil servants
//!   (Labor Code 45/2019/QH14 Art. 112(3); before 2021 Labor Code 10/2012/QH13 Art. 115), with the
//!   swapped Saturdays that become working days. Each row carries its status (CONFIRMED,
//!   UNCONFIRMED, derived) and the number of the document when known. Swaps are never computed.
//! - `statutes.json`: the statutory holidays (Labor Code 2019 Art. 112(1), Labor Code 2012
//!   Art. 115(1)) with their effective dates. An occasion that the yearly data does not list is
//!   computed from the statute in force on 1 January of the year, with a compensatory day for a
//!   holiday on a weekly rest day (Art. 111(3)); the result says so ([`Source::Rules`]).
//!
//! The readings chosen where the law leaves a choice (which 5 days of Tết, which day is adjacent
//! to National Day) are written in `spec/calendar/holidays.md`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::calendar::lunar::{self, LunarError, Reckoning};
use crate::{Date, Diagnostic};

/// An occasion of the statutory list (Labor Code 2019 Art. 112(1) a)–e)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Occasion {
    /// Tết Dương lịch, 01/01 (point a).
    NewYear,
    /// Tết Âm lịch, 5 days (point b).
    Tet,
    /// Giỗ Tổ Hùng Vương, 10/3 lunar (point e).
    HungKings,
    /// Ngày Chiến thắng, 30/4 (point c).
    Victory,
    /// Ngày Quốc tế lao động, 01/5 (point d).
    LabourDay,
    /// Quốc khánh, 02/9 and since 2021 one adjacent day (point đ).
    NationalDay,
}

/// How sure a row of the yearly data is (spec/calendar/holidays.md, calendar.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "DecisionStatus"))]
pub enum Status {
    /// Taken from the official notice or a report quoting it.
    #[serde(rename = "CONFIRMED")]
    Confirmed,
    /// Reported but not checked against the notice.
    #[serde(rename = "UNCONFIRMED")]
    Unconfirmed,
    /// Computed from the statute and the lunar calendar, not checked against a notice.
    #[serde(rename = "derived")]
    Derived,
}

/// Where a day off (or a swapped working Saturday) comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum Source {
    /// A row of `spec/calendar/civil-service.json`: the yearly decision or its reading.
    Decision {
        /// The year of the decision.
        year: i32,
        /// How sure the row is.
        status: Status,
        /// Number of the decision or letter, when known (e.g. `2450/VPCP-KGVX`).
        document: Option<&'static str>,
        /// What the row rests on.
        basis: &'static str,
    },
    /// Computed from the statute because no decision for the occasion is known.
    Rules {
        /// The article, e.g. `Labor Code 45/2019/QH14 Art. 112(1)`.
        law: &'static str,
        /// Whether this day is a compensatory day (and under which article), not the holiday itself.
        compensatory: Option<&'static str>,
    },
}

/// A day off and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayOff {
    /// The occasions the day belongs to.
    pub occasions: Vec<Occasion>,
    /// Where it comes from.
    #[serde(flatten)]
    pub source: Source,
}

/// What a date is, apart from the ordinary working week. As JSON its tag is `"day"`, with the
/// names [`Day`](crate::calendar::schedule::Day) gives the same days in a `DayStatus`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "day", rename_all = "snake_case")]
pub enum Exception {
    /// A day off: holiday, compensatory day, Tết day or swapped weekday.
    Off(DayOff),
    /// A swapped Saturday that is a working day (làm bù).
    SwappedWorking(DayOff),
}

/// The exceptions to the working week of one solar year, in date order: the result of
/// [`holidays`], the same JSON on every surface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Holidays {
    /// The solar year.
    pub year: i32,
    /// Every day off and swapped working Saturday of the year, in date order.
    pub days: Vec<HolidayDay>,
}

/// A date that is not an ordinary day of the working week, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HolidayDay {
    /// The date.
    pub date: Date,
    /// `"day"` is `off` (a holiday, Tết day, compensatory day or swapped weekday) or
    /// `swapped_working` (a swapped Saturday that is a working day), as in a `DayStatus`, with
    /// its `occasions` and its `source`.
    #[serde(flatten)]
    pub exception: Exception,
}

/// Why the holidays of a date cannot be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HolidayError {
    /// No statute in `spec/calendar/statutes.json` is in force on 1 January of the year: 2013
    /// and before (Labor Code 2012 is in force from 01/05/2013; the earlier code's holidays are
    /// not in the data, and a year is computed whole; spec/calendar/holidays.md).
    #[error(
        "no holiday statute in the data is in force on 01/01/{0} (the data starts with Labor Code \
         2012, in force from 01/05/2013)"
    )]
    NoStatute(i32),
    /// The lunar date of Tết or Hùng Kings' day cannot be computed.
    #[error("the lunar holidays of {year} cannot be computed: {source}")]
    Lunar {
        /// The year.
        year: i32,
        /// The lunar calendar's error.
        source: LunarError,
    },
    /// A computed holiday lies outside the supported dates.
    #[error("a holiday of {0} lies outside the supported dates")]
    OutOfRange(i32),
}

impl Diagnostic for HolidayError {
    fn code(&self) -> &'static str {
        match self {
            HolidayError::NoStatute(_) => "holidays.no_statute",
            HolidayError::Lunar { source, .. } => source.code(),
            HolidayError::OutOfRange(_) => "holidays.out_of_range",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            HolidayError::NoStatute(year) | HolidayError::OutOfRange(year) => {
                vec![("year", year.to_string())]
            }
            HolidayError::Lunar { source, .. } => source.args(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CivilServiceFile {
    #[serde(rename = "$comment")]
    _comment: String,
    years: Vec<YearRows>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearRows {
    year: i32,
    occasions: Vec<Row>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    occasions: Vec<Occasion>,
    first: Date,
    last: Date,
    work: Vec<Date>,
    status: Status,
    document: Option<String>,
    basis: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatutesFile {
    #[serde(rename = "$comment")]
    _comment: String,
    statutes: Vec<Statute>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Statute {
    law: String,
    compensatory: String,
    from: Date,
    until: Option<Date>,
    holidays: Vec<Holiday>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum CalendarKind {
    Solar,
    Lunar,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Holiday {
    occasion: Occasion,
    calendar: CalendarKind,
    month: u8,
    day: u8,
    days: u8,
    start_offset: i8,
    adjacent_day: bool,
}

fn civil_service() -> &'static CivilServiceFile {
    static DATA: OnceLock<CivilServiceFile> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(include_str!("../../../spec/calendar/civil-service.json"))
            .expect("spec/calendar/civil-service.json is valid (checked by the unit tests)")
    })
}

fn statutes() -> &'static StatutesFile {
    static DATA: OnceLock<StatutesFile> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(include_str!("../../../spec/calendar/statutes.json"))
            .expect("spec/calendar/statutes.json is valid (checked by the unit tests)")
    })
}

/// The exceptions to the working week that lie in the solar year `year`: days off and swapped
/// working Saturdays, from the yearly data where it has a row for the occasion and otherwise from
/// the statute in force.
///
/// A year before [`crate::MIN_YEAR`], or from [`crate::MAX_YEAR`] on (whose next year's rows
/// cannot be dated), is [`HolidayError::OutOfRange`].
pub fn exceptions(year: i32) -> Result<BTreeMap<Date, Exception>, HolidayError> {
    if !(crate::MIN_YEAR..crate::MAX_YEAR).contains(&year) {
        return Err(HolidayError::OutOfRange(year));
    }
    let mut out = BTreeMap::new();
    // A row of the next year can start in this one (New Year 2023 began on 31/12/2022).
    for occasion_year in [year, year + 1] {
        for (date, exception) in occasion_year_exceptions(occasion_year)? {
            if date.year() == year {
                out.insert(date, exception);
            }
        }
    }
    Ok(out)
}

/// The exceptions to the working week of the solar year `year` ([`exceptions`]) as a list in
/// date order.
pub fn holidays(year: i32) -> Result<Holidays, HolidayError> {
    let days = exceptions(year)?
        .into_iter()
        .map(|(date, exception)| HolidayDay { date, exception })
        .collect();
    Ok(Holidays { year, days })
}

/// The exceptions of the occasions of `year` (which may spill into the neighbouring years).
fn occasion_year_exceptions(year: i32) -> Result<Vec<(Date, Exception)>, HolidayError> {
    let rows = civil_service()
        .years
        .iter()
        .filter(|y| y.year == year)
        .flat_map(|y| &y.occasions);
    let mut out = Vec::new();
    let mut decided = Vec::new();
    for row in rows {
        decided.extend(row.occasions.iter().copied());
        let day_off = DayOff {
            occasions: row.occasions.clone(),
            source: Source::Decision {
                year,
                status: row.status,
                document: row.document.as_deref(),
                basis: &row.basis,
            },
        };
        for days in row.first.to_days()..=row.last.to_days() {
            let date = Date::from_days(days).map_err(|_| HolidayError::OutOfRange(year))?;
            out.push((date, Exception::Off(day_off.clone())));
        }
        for &date in &row.work {
            out.push((date, Exception::SwappedWorking(day_off.clone())));
        }
    }
    if !(crate::MIN_YEAR..=crate::MAX_YEAR).contains(&year) {
        return Ok(out);
    }
    let statute = statute_for(year)?;
    let mut holidays: Vec<(Date, Occasion)> = Vec::new();
    for holiday in statute
        .holidays
        .iter()
        .filter(|h| !decided.contains(&h.occasion))
    {
        holidays.extend(
            statutory_days(year, holiday)?
                .into_iter()
                .map(|d| (d, holiday.occasion)),
        );
    }
    holidays.sort();
    let off_by_decision: Vec<Date> = out
        .iter()
        .filter(|(_, e)| matches!(e, Exception::Off(_)))
        .map(|(d, _)| *d)
        .collect();
    let mut taken: Vec<Date> = holidays.iter().map(|(d, _)| *d).collect();
    taken.extend(off_by_decision);
    let mut compensatory = Vec::new();
    for &(date, occasion) in &holidays {
        out.push((
            date,
            Exception::Off(DayOff {
                occasions: vec![occasion],
                source: Source::Rules {
                    law: &statute.law,
                    compensatory: None,
                },
            }),
        ));
        if is_weekly_rest(date) {
            let day = next_free_weekday(date, &taken).ok_or(HolidayError::OutOfRange(year))?;
            taken.push(day);
            compensatory.push((day, occasion));
        }
    }
    out.extend(compensatory.into_iter().map(|(date, occasion)| {
        (
            date,
            Exception::Off(DayOff {
                occasions: vec![occasion],
                source: Source::Rules {
                    law: &statute.law,
                    compensatory: Some(&statute.compensatory),
                },
            }),
        )
    }));
    Ok(out)
}

fn statute_for(year: i32) -> Result<&'static Statute, HolidayError> {
    let jan1 = Date::new(year, 1, 1).map_err(|_| HolidayError::OutOfRange(year))?;
    statutes()
        .statutes
        .iter()
        .find(|s| s.from <= jan1 && s.until.is_none_or(|u| jan1 <= u))
        .ok_or(HolidayError::NoStatute(year))
}

/// Saturday or Sunday, the weekly rest days of civil servants (calendar.md §1).
fn is_weekly_rest(date: Date) -> bool {
    date.weekday() >= 5
}

/// The first Monday–Friday after `date` that is not already a day off: the compensatory day of
/// Labor Code 2019 Art. 111(3) ("nghỉ bù vào ngày làm việc kế tiếp").
fn next_free_weekday(date: Date, taken: &[Date]) -> Option<Date> {
    (1..=14)
        .filter_map(|k| Date::from_days(date.to_days() + k).ok())
        .find(|d| !is_weekly_rest(*d) && !taken.contains(d))
}

/// The days of one statutory holiday in `year`.
fn statutory_days(year: i32, holiday: &Holiday) -> Result<Vec<Date>, HolidayError> {
    let anchor = match holiday.calendar {
        CalendarKind::Solar => Date::new(year, holiday.month, holiday.day)
            .map_err(|_| HolidayError::OutOfRange(year))?,
        // Hùng Kings' day is taken in the regular month 3 when month 3 is doubled (spec reading).
        CalendarKind::Lunar => {
            lunar::to_solar(year, holiday.month, holiday.day, false, Reckoning::Vietnam)
                .map_err(|source| HolidayError::Lunar { year, source })?
        }
    };
    let start = anchor.to_days() + i64::from(holiday.start_offset);
    let mut days = (start..start + i64::from(holiday.days))
        .map(|d| Date::from_days(d).map_err(|_| HolidayError::OutOfRange(year)))
        .collect::<Result<Vec<_>, _>>()?;
    if holiday.adjacent_day {
        days.push(adjacent_national_day(anchor).ok_or(HolidayError::OutOfRange(year))?);
    }
    Ok(days)
}

/// The day adjacent to National Day when no decision is known (Art. 112(1)(đ) leaves the choice
/// to the Prime Minister, Art. 112(3)). Reading, which reproduces the decisions of 2021–2025:
/// 01/09 if it is a weekday, except when 02/09 is a Thursday; otherwise 03/09.
fn adjacent_national_day(national_day: Date) -> Option<Date> {
    let before = Date::from_days(national_day.to_days() - 1).ok()?;
    let after = Date::from_days(national_day.to_days() + 1).ok()?;
    if is_weekly_rest(before) || national_day.weekday() == 3 {
        Some(after)
    } else {
        Some(before)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn years_beyond_the_supported_dates_are_errors() {
        for year in [i32::MIN, 0, crate::MAX_YEAR, 10_000, i32::MAX] {
            assert_eq!(exceptions(year), Err(HolidayError::OutOfRange(year)));
        }
    }

    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn off(date: &str) -> bool {
        let date = d(date);
        matches!(
            exceptions(date.year()).unwrap().get(&date),
            Some(Exception::Off(_))
        )
    }

    #[test]
    fn data_files_parse_and_rows_are_ordered() {
        for year in &civil_service().years {
            for row in &year.occasions {
                assert!(row.first <= row.last, "{} {:?}", year.year, row.occasions);
                assert!(!row.occasions.is_empty());
                assert!(!row.basis.is_empty());
                for w in &row.work {
                    assert_eq!(w.weekday(), 5, "a swapped working day is a Saturday");
                }
            }
        }
        assert_eq!(statutes().statutes.len(), 2);
        for s in &statutes().statutes {
            assert_eq!(s.holidays.len(), 6, "{}", s.law);
        }
    }

    /// Every row of calendar.md §3: the first and last days off, and a day on either side that is
    /// not off (unless it is a weekend day).
    #[test]
    fn holiday_table_of_calendar_md() {
        let table = [
            ("2019-02-02", "2019-02-10"),
            ("2019-04-14", "2019-04-15"),
            ("2019-04-27", "2019-05-01"),
            ("2019-08-31", "2019-09-02"),
            ("2020-01-23", "2020-01-29"),
            ("2020-04-02", "2020-04-02"),
            ("2020-04-30", "2020-05-03"),
            ("2020-09-02", "2020-09-02"),
            ("2021-02-10", "2021-02-16"),
            ("2021-04-21", "2021-04-21"),
            ("2021-04-30", "2021-05-03"),
            ("2021-09-02", "2021-09-05"),
            ("2022-01-01", "2022-01-03"),
            ("2022-01-29", "2022-02-06"),
            ("2022-04-09", "2022-04-11"),
            ("2022-04-30", "2022-05-03"),
            ("2022-09-01", "2022-09-04"),
            ("2022-12-31", "2023-01-02"),
            ("2023-01-20", "2023-01-26"),
            ("2023-04-29", "2023-05-03"),
            ("2023-09-01", "2023-09-04"),
            ("2024-02-08", "2024-02-14"),
            ("2024-04-18", "2024-04-18"),
            ("2024-04-27", "2024-05-01"),
            ("2024-08-31", "2024-09-03"),
            ("2025-01-01", "2025-01-01"),
            ("2025-01-25", "2025-02-02"),
            ("2025-04-05", "2025-04-07"),
            ("2025-04-30", "2025-05-04"),
            ("2025-08-30", "2025-09-02"),
            ("2026-01-01", "2026-01-04"),
            ("2026-02-14", "2026-02-22"),
            ("2026-04-25", "2026-04-27"),
            ("2026-04-30", "2026-05-03"),
        ];
        for (first, last) in table {
            let (first, last) = (d(first), d(last));
            for days in first.to_days()..=last.to_days() {
                let date = Date::from_days(days).unwrap();
                assert!(off(&date.to_string()), "{date} is off");
            }
            for edge in [first.to_days() - 1, last.to_days() + 1] {
                let date = Date::from_days(edge).unwrap();
                assert!(
                    is_weekly_rest(date) || !off(&date.to_string()),
                    "{date} next to {first}–{last} is a working day"
                );
            }
        }
        for saturday in ["2019-05-04", "2024-05-04", "2025-04-26", "2026-01-10"] {
            let date = d(saturday);
            assert!(matches!(
                exceptions(date.year()).unwrap().get(&date),
                Some(Exception::SwappedWorking(_))
            ));
        }
    }

    #[test]
    fn decision_rows_carry_their_document() {
        let date = d("2024-04-29");
        let Some(Exception::Off(day)) = exceptions(2024).unwrap().get(&date).cloned() else {
            panic!("29/04/2024 is off");
        };
        assert_eq!(
            day.source,
            Source::Decision {
                year: 2024,
                status: Status::Confirmed,
                document: Some("2450/VPCP-KGVX"),
                basis: "Government Office letter of 12/04/2024: swap Mon 29/04 with Sat 04/05",
            }
        );
    }

    /// Occasions without a row come from the rules, and say so: New Year 2024 (Mon) and the
    /// National Day of 2026 (Wed 02/09, adjacent Tue 01/09 by the reading).
    #[test]
    fn missing_occasions_come_from_the_rules() {
        let all = exceptions(2026).unwrap();
        for date in ["2026-09-01", "2026-09-02"] {
            let Some(Exception::Off(day)) = all.get(&d(date)) else {
                panic!("{date} is off");
            };
            assert_eq!(day.occasions, [Occasion::NationalDay]);
            assert!(matches!(
                day.source,
                Source::Rules {
                    law: "Labor Code 45/2019/QH14 Art. 112(1)",
                    compensatory: None
                }
            ));
        }
        assert!(!off("2026-09-03") && !off("2026-08-31"));
        assert!(off("2024-01-01") && !off("2024-01-02"));
        // Labor Code 2012 before 2021: National Day only.
        assert!(off("2020-09-02") && !off("2020-09-01") && !off("2020-09-03"));
    }

    /// The reading of the adjacent day reproduces the decisions of 2021–2025.
    #[test]
    fn adjacent_day_reading_matches_the_decisions() {
        for (year, adjacent) in [
            (2021, "2021-09-03"),
            (2022, "2022-09-01"),
            (2023, "2023-09-01"),
            (2024, "2024-09-03"),
            (2025, "2025-09-01"),
        ] {
            let national_day = Date::new(year, 9, 2).unwrap();
            assert_eq!(adjacent_national_day(national_day), Some(d(adjacent)));
        }
    }

    /// Cross-check of the data against the rules: in every year of the data, the 5 Tết days of
    /// the reading (eve + first 4 days, computed by the lunar calendar) lie within the decided
    /// Tết days off, and Hùng Kings' day computed from 10/3 lunar is a day of its row.
    #[test]
    fn rules_agree_with_the_yearly_data() {
        let statute = statutes()
            .statutes
            .iter()
            .find(|s| s.until.is_none())
            .unwrap();
        for year in 2019..=2026 {
            let rows = &civil_service()
                .years
                .iter()
                .find(|y| y.year == year)
                .unwrap()
                .occasions;
            for occasion in [Occasion::Tet, Occasion::HungKings] {
                let holiday = statute
                    .holidays
                    .iter()
                    .find(|h| h.occasion == occasion)
                    .unwrap();
                let row = rows
                    .iter()
                    .find(|r| r.occasions.contains(&occasion))
                    .unwrap();
                for day in statutory_days(year, holiday).unwrap() {
                    assert!(
                        row.first <= day && day <= row.last,
                        "{year} {occasion:?}: {day} outside {}–{}",
                        row.first,
                        row.last
                    );
                }
            }
        }
        // A year without data: 2027 by the rules, Tết Sat 06/02 (eve Fri 05/02 to mùng 4 Tue
        // 09/02), Sat 06/02 and Sun 07/02 compensated on Wed 10/02 and Thu 11/02; Hùng Kings
        // Fri 16/04 (calendar.md §6).
        let all = exceptions(2027).unwrap();
        for date in [
            "2027-02-05",
            "2027-02-09",
            "2027-02-10",
            "2027-02-11",
            "2027-04-16",
        ] {
            assert!(
                matches!(all.get(&d(date)), Some(Exception::Off(_))),
                "{date}"
            );
        }
        assert!(!all.contains_key(&d("2027-02-04")));
        assert!(!all.contains_key(&d("2027-02-12")));
    }

    #[test]
    fn compensatory_day_skips_days_already_off() {
        // 2022: 30/04 Sat and 01/05 Sun give Mon 02/05 and Tue 03/05.
        let sat = d("2022-04-30");
        let sun = d("2022-05-01");
        let first = next_free_weekday(sat, &[sat, sun]).unwrap();
        let second = next_free_weekday(sun, &[sat, sun, first]).unwrap();
        assert_eq!((first, second), (d("2022-05-02"), d("2022-05-03")));
    }

    /// 2031 has a leap month 3: Hùng Kings' day is 10/3 of the regular month, Tue 01/04/2031
    /// (calendar.md §6), not the leap month's 10th (a month later).
    #[test]
    fn hung_kings_in_a_doubled_month_3() {
        assert_eq!(lunar::leap_month(2031, Reckoning::Vietnam), Ok(Some(3)));
        let all = exceptions(2031).unwrap();
        let Some(Exception::Off(day)) = all.get(&d("2031-04-01")) else {
            panic!("01/04/2031 is off");
        };
        assert_eq!(day.occasions, [Occasion::HungKings]);
        let leap_tenth = lunar::to_solar(2031, 3, 10, true, Reckoning::Vietnam).unwrap();
        let is_hung_kings = |e: &Exception| matches!(e, Exception::Off(day) if day.occasions.contains(&Occasion::HungKings));
        assert!(!all.get(&leap_tenth).is_some_and(is_hung_kings));
    }

    #[test]
    fn the_list_of_a_year_is_its_exceptions_in_date_order() {
        let list = holidays(2026).unwrap();
        let all = exceptions(2026).unwrap();
        assert_eq!(list.year, 2026);
        assert_eq!(list.days.len(), all.len());
        assert!(list.days.windows(2).all(|w| w[0].date < w[1].date));
        let json = serde_json::to_value(&list.days[0]).unwrap();
        assert_eq!(json["date"], "2026-01-01");
        assert_eq!(json["day"], "off");
        assert_eq!(holidays(2010), Err(HolidayError::NoStatute(2010)));
    }

    #[test]
    fn years_before_labor_code_2012_are_an_error() {
        assert_eq!(exceptions(2010), Err(HolidayError::NoStatute(2010)));
        // Labor Code 2012 is in force from 01/05/2013 only: 2013 is refused whole.
        assert_eq!(exceptions(2013), Err(HolidayError::NoStatute(2013)));
        assert!(exceptions(2014).is_ok());
    }
}
