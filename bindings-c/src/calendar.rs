//! The calendar: `motcua_calendar_*`, mirroring `calendar::lunar::{to_lunar, to_solar}`,
//! `calendar::schedule::Schedule::{day_status, is_working_day, add_working_days,
//! count_working_days}`, `calendar::holidays::holidays` and `calendar::request::due_json`.
//!
//! Plain values cross as C values (`MotcuaDate`, `MotcuaLunarDate`, `bool`, `uint32_t`); the
//! status of a day, the days off of a year and a due time with its explanation cross as JSON. A computation without an
//! answer (a date outside 1900–2199, a lunar day that does not exist, a year without holiday
//! data, too many days) is `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error": <finding>}`, the
//! same JSON every surface gives.

use std::ffi::c_char;

use motcua_core::calendar::holidays;
use motcua_core::calendar::lunar::{self, LunarDate, Reckoning};
use motcua_core::calendar::request;
use motcua_core::calendar::schedule::Schedule;
use motcua_core::{Date, Diagnostic};

use crate::boundary::{boundary, try_str, Output};
use crate::strings::{write_input_error, write_json};
use crate::{MotcuaDate, MotcuaStatus};

/// The meridian of the lunar calendar, one of the `MOTCUA_RECKONING_*` constants; mirrors the
/// Rust `Reckoning`. A plain integer, so that a wrong number is `MOTCUA_STATUS_INVALID_ARGUMENT`
/// rather than undefined behaviour. The numbers are stable.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MotcuaReckoning(pub u32);

/// UTC+7 throughout: the calendar Vietnam prints today, by which the lunar holidays are counted.
pub const MOTCUA_RECKONING_VIETNAM: MotcuaReckoning = MotcuaReckoning(0);
/// UTC+8 before 1968-01-01 and UTC+7 from then on, as observed in the North of Vietnam.
pub const MOTCUA_RECKONING_HISTORICAL: MotcuaReckoning = MotcuaReckoning(1);
/// UTC+8 throughout: the Chinese calendar.
pub const MOTCUA_RECKONING_CHINA: MotcuaReckoning = MotcuaReckoning(2);

const RECKONINGS: [(MotcuaReckoning, Reckoning); 3] = [
    (MOTCUA_RECKONING_VIETNAM, Reckoning::Vietnam),
    (MOTCUA_RECKONING_HISTORICAL, Reckoning::Historical),
    (MOTCUA_RECKONING_CHINA, Reckoning::China),
];

impl TryFrom<MotcuaReckoning> for Reckoning {
    type Error = MotcuaStatus;

    fn try_from(r: MotcuaReckoning) -> Result<Reckoning, MotcuaStatus> {
        RECKONINGS
            .iter()
            .find(|(c, _)| *c == r)
            .map(|(_, k)| *k)
            .ok_or(MotcuaStatus::InvalidArgument)
    }
}

/// A day of the lunar calendar, passed by value; mirrors the Rust `LunarDate`: day `day` of month
/// `month` (the leap month of that number when `leap`) of lunar year `year`, the year that
/// begins on its Tết.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MotcuaLunarDate {
    /// The lunar year, numbered as the Gregorian year in which its Tết falls.
    pub year: i32,
    /// The month, 1 (tháng Giêng) to 12 (tháng Chạp).
    pub month: u8,
    /// The day of the month, 1 to 30.
    pub day: u8,
    /// Whether the month is the leap month (tháng nhuận).
    pub leap: bool,
}

impl From<LunarDate> for MotcuaLunarDate {
    fn from(l: LunarDate) -> MotcuaLunarDate {
        MotcuaLunarDate {
            year: l.year(),
            month: l.month(),
            day: l.day(),
            leap: l.leap(),
        }
    }
}

/// An agency's working week, passed by value; mirrors the Rust `Schedule`: bit `k` (Monday is
/// bit 0, Sunday bit 6) is set when weekday `k` is a working day, e.g.
/// `MOTCUA_SCHEDULE_MON_FRI`. Bit 7 set is `MOTCUA_STATUS_INVALID_ARGUMENT`.
#[repr(transparent)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MotcuaSchedule(pub u8);

/// Monday to Friday, the civil servants' working week.
pub const MOTCUA_SCHEDULE_MON_FRI: MotcuaSchedule = MotcuaSchedule(0x1f);
/// Monday to Saturday, for an agency whose Saturdays count as working days.
pub const MOTCUA_SCHEDULE_MON_SAT: MotcuaSchedule = MotcuaSchedule(0x3f);

impl TryFrom<MotcuaSchedule> for Schedule {
    type Error = MotcuaStatus;

    fn try_from(s: MotcuaSchedule) -> Result<Schedule, MotcuaStatus> {
        if s.0 & 0x80 != 0 {
            return Err(MotcuaStatus::InvalidArgument);
        }
        Ok(Schedule {
            working_weekdays: std::array::from_fn(|k| s.0 & (1 << k) != 0),
        })
    }
}

/// Writes `value` through `out` on success, or the input error of `result` through
/// `out_error_json` with `MOTCUA_STATUS_INVALID_INPUT`.
///
/// # Safety
///
/// As for [`Output::write`], for both outputs.
unsafe fn write_result<T, C>(
    result: Result<T, impl Diagnostic>,
    out: Output<C>,
    out_error_json: Output<*mut c_char>,
    to_c: impl FnOnce(T) -> C,
) -> Result<(), MotcuaStatus> {
    match result {
        // SAFETY: forwarded from the caller.
        Ok(value) => unsafe {
            out.write(to_c(value));
            Ok(())
        },
        // SAFETY: forwarded from the caller.
        Err(e) => unsafe { write_input_error(e.to_finding(""), out_error_json) },
    }
}

/// The lunar date of the solar date `date` (`calendar::lunar::to_lunar`), in the calendar of
/// `reckoning` (`MOTCUA_RECKONING_VIETNAM` for the calendar of Vietnam), written to
/// `*out_lunar`.
///
/// Returns `MOTCUA_STATUS_OK` and writes `*out_lunar`. For a date outside the years 1900–2199
/// returns `MOTCUA_STATUS_INVALID_INPUT` and writes `*out_error_json` instead:
/// `{"input_error": <finding lunar.solar_out_of_range>}`, freed with `motcua_string_free`.
/// Otherwise (NULL_ARGUMENT, INVALID_ARGUMENT for an impossible date or an unknown reckoning)
/// writes nothing.
///
/// # Safety
///
/// `out_lunar` and `out_error_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_calendar_to_lunar(
    date: MotcuaDate,
    reckoning: MotcuaReckoning,
    out_lunar: *mut MotcuaLunarDate,
    out_error_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        let date = Date::try_from(date)?;
        let reckoning = Reckoning::try_from(reckoning)?;
        let out_lunar = Output::new(out_lunar)?;
        let out_error_json = Output::new(out_error_json)?;
        let result = lunar::to_lunar(date, reckoning);
        // SAFETY: both outputs are writable, as the caller guarantees.
        unsafe { write_result(result, out_lunar, out_error_json, MotcuaLunarDate::from) }
    })
}

/// The solar date of the lunar date `lunar` (`calendar::lunar::to_solar`), in the calendar of
/// `reckoning`, written to `*out_date`.
///
/// Returns `MOTCUA_STATUS_OK` and writes `*out_date`. When the lunar date does not exist (month
/// outside 1–12, day outside 1–30, a leap month the year does not have, day 30 of a month of 29
/// days) or lies outside the supported years, returns `MOTCUA_STATUS_INVALID_INPUT` and writes
/// `*out_error_json`: `{"input_error": <finding lunar.*>}`, freed with `motcua_string_free`.
/// Otherwise (NULL_ARGUMENT, INVALID_ARGUMENT for an unknown reckoning) writes nothing.
///
/// # Safety
///
/// `out_date` and `out_error_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_calendar_to_solar(
    lunar: MotcuaLunarDate,
    reckoning: MotcuaReckoning,
    out_date: *mut MotcuaDate,
    out_error_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        let reckoning = Reckoning::try_from(reckoning)?;
        let out_date = Output::new(out_date)?;
        let out_error_json = Output::new(out_error_json)?;
        let result = lunar::to_solar(lunar.year, lunar.month, lunar.day, lunar.leap, reckoning);
        // SAFETY: both outputs are writable, as the caller guarantees.
        unsafe { write_result(result, out_date, out_error_json, MotcuaDate::from) }
    })
}

/// What `date` is for the working week `schedule`, whether it is a working day, and why
/// (`Schedule::day_status`), as UTF-8 JSON in `*out_json`.
///
/// The JSON is the `DayStatus` object (spec/schema/day-status.schema.json): `{"date", "working",
/// "day"}` where `day` is `working`, `swapped_working`, `weekly_rest` or `off`; a swapped or off
/// day also carries its `occasions` and its `source`: `decision` (with the `year`, `status`,
/// `document` number and `basis` of the Government's yearly decision) or `rules` (with the `law`
/// and, for a compensatory day, its article in `compensatory`).
///
/// Returns `MOTCUA_STATUS_OK` with that object, or `MOTCUA_STATUS_INVALID_INPUT` with
/// `{"input_error": <finding>}` when the days off of the year are not known (before 2012, after
/// 2199); either way the caller frees `*out_json` with `motcua_string_free`. Otherwise
/// (NULL_ARGUMENT, INVALID_ARGUMENT) writes nothing.
///
/// # Safety
///
/// `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_calendar_day_status(
    date: MotcuaDate,
    schedule: MotcuaSchedule,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        let date = Date::try_from(date)?;
        let schedule = Schedule::try_from(schedule)?;
        let out_json = Output::new(out_json)?;
        // SAFETY: writable, as the caller guarantees.
        unsafe { write_json_result(schedule.day_status(date), out_json) }
    })
}

/// Writes `result` as JSON to `out_json`, or its input error with `MOTCUA_STATUS_INVALID_INPUT`.
///
/// # Safety
///
/// As for [`Output::write`].
unsafe fn write_json_result<T: serde::Serialize>(
    result: Result<T, impl Diagnostic>,
    out_json: Output<*mut c_char>,
) -> Result<(), MotcuaStatus> {
    match result {
        // SAFETY: forwarded from the caller.
        Ok(value) => unsafe {
            write_json(&value, out_json);
            Ok(())
        },
        // SAFETY: forwarded from the caller.
        Err(e) => unsafe { write_input_error(e.to_finding(""), out_json) },
    }
}

/// Every day off and swapped working Saturday of the solar year `year`
/// (`calendar::holidays::holidays`), as UTF-8 JSON in `*out_json`.
///
/// The JSON is the `Holidays` object (spec/schema/holidays.schema.json): `{"year", "days"}`,
/// `days` in date order, each `{"date", "kind", "occasions", "source", ...}` where `kind` is `off`
/// or `work` (a swapped Saturday) and `source` is `decision` (with the `year`, `status`,
/// `document` number and `basis` of the Government's yearly decision) or `rules` (with the `law`
/// and, for a compensatory day, its article in `compensatory`).
///
/// Returns `MOTCUA_STATUS_OK` with that object, or `MOTCUA_STATUS_INVALID_INPUT` with
/// `{"input_error": <finding>}` when the days off of the year are not known (before 2014, beyond
/// the lunar calendar); either way the caller frees `*out_json` with `motcua_string_free`.
/// Otherwise (NULL_ARGUMENT) writes nothing.
///
/// # Safety
///
/// `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_calendar_holidays(
    year: i32,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        let out_json = Output::new(out_json)?;
        // SAFETY: writable, as the caller guarantees.
        unsafe { write_json_result(holidays::holidays(year), out_json) }
    })
}

/// Whether `date` is a working day of `schedule` (`Schedule::is_working_day`): the `working` of
/// `motcua_calendar_day_status` without building any JSON, written to `*out_working`.
///
/// Returns and writes as `motcua_calendar_to_lunar`: `*out_working` with `MOTCUA_STATUS_OK`,
/// `*out_error_json` with `MOTCUA_STATUS_INVALID_INPUT`.
///
/// # Safety
///
/// `out_working` and `out_error_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_calendar_is_working_day(
    date: MotcuaDate,
    schedule: MotcuaSchedule,
    out_working: *mut bool,
    out_error_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        let date = Date::try_from(date)?;
        let schedule = Schedule::try_from(schedule)?;
        let out_working = Output::new(out_working)?;
        let out_error_json = Output::new(out_error_json)?;
        let result = schedule.is_working_day(date);
        // SAFETY: both outputs are writable, as the caller guarantees.
        unsafe { write_result(result, out_working, out_error_json, |w| w) }
    })
}

/// The `n`-th working day of `schedule` after `date`, `date` itself not counted (Civil Code
/// 2015 Art. 147(2); `n` = 0 gives `date`), written to `*out_date`
/// (`Schedule::add_working_days`). `n` is at most 2600.
///
/// Returns and writes as `motcua_calendar_to_lunar`; INVALID_INPUT for more than 2600 days, a
/// week without a working day, or a year whose days off are not known.
///
/// # Safety
///
/// `out_date` and `out_error_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_calendar_add_working_days(
    date: MotcuaDate,
    n: u32,
    schedule: MotcuaSchedule,
    out_date: *mut MotcuaDate,
    out_error_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        let date = Date::try_from(date)?;
        let schedule = Schedule::try_from(schedule)?;
        let out_date = Output::new(out_date)?;
        let out_error_json = Output::new(out_error_json)?;
        let result = schedule.add_working_days(date, n);
        // SAFETY: both outputs are writable, as the caller guarantees.
        unsafe { write_result(result, out_date, out_error_json, MotcuaDate::from) }
    })
}

/// The number of working days of `schedule` after `from`, up to and including `to` (0 when `to`
/// is not after `from`), written to `*out_count` (`Schedule::count_working_days`, the inverse of
/// `motcua_calendar_add_working_days`).
///
/// Returns and writes as `motcua_calendar_to_lunar`; INVALID_INPUT for a span of more than
/// 18200 days or a year whose days off are not known.
///
/// # Safety
///
/// `out_count` and `out_error_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_calendar_count_working_days(
    from: MotcuaDate,
    to: MotcuaDate,
    schedule: MotcuaSchedule,
    out_count: *mut u32,
    out_error_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        let from = Date::try_from(from)?;
        let to = Date::try_from(to)?;
        let schedule = Schedule::try_from(schedule)?;
        let out_count = Output::new(out_count)?;
        let out_error_json = Output::new(out_error_json)?;
        let result = schedule.count_working_days(from, to);
        // SAFETY: both outputs are writable, as the caller guarantees.
        unsafe { write_result(result, out_count, out_error_json, |n| n) }
    })
}

/// The due time of a dossier and how each day was counted (`calendar::request::due_json`), for
/// the due-date request `request_json` (UTF-8 JSON, `request_len` bytes,
/// spec/schema/due-request.schema.json): `{"received": RFC 3339, "limit": {"unit":
/// "working_days" | "calendar_days" | "working_hours", "value"}, "policy": {"working_weekdays",
/// "office_hours", "cutoff", "counting", "supplement"}, "supplements": [{"requested",
/// "supplied"}], "extension"}`, every field but `received` and `limit` optional.
///
/// Returns `MOTCUA_STATUS_OK` with the `Due` object in `*out_json` (spec/schema/due.schema.json):
/// `{"due": "2025-04-29T17:00:00+07:00" (RFC 3339 at +07:00) or null while a supplement is
/// awaited, "steps": [...]}`, each step saying how a day was counted. Returns `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error":
/// <finding>}` when the request cannot be read (`input.*`, with the JSON pointer of the field)
/// or has no answer (`due.*`, `working_days.*`, `holidays.*`). Either way the caller frees
/// `*out_json` with `motcua_string_free`. Otherwise (NULL_ARGUMENT, INVALID_UTF8,
/// INVALID_ARGUMENT) writes nothing.
///
/// # Safety
///
/// `request_json` must point to `request_len` readable bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_calendar_due_json(
    request_json: *const u8,
    request_len: usize,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let request_json = unsafe { try_str(request_json, request_len) }?;
        let out_json = Output::new(out_json)?;
        match request::due_json(request_json) {
            Ok(due) => {
                // SAFETY: writable, as the caller guarantees.
                unsafe { write_json(&due, out_json) };
                Ok(())
            }
            // SAFETY: writable, as the caller guarantees.
            Err(e) => unsafe { write_input_error(e.to_finding(), out_json) },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reckoning_has_one_c_number() {
        for (i, (c, _)) in RECKONINGS.iter().enumerate() {
            assert_eq!(c.0 as usize, i, "C numbers are dense and in order");
        }
        assert_eq!(
            Reckoning::try_from(MotcuaReckoning(3)),
            Err(MotcuaStatus::InvalidArgument)
        );
    }

    #[test]
    fn schedules_are_bit_sets() {
        assert_eq!(
            Schedule::try_from(MOTCUA_SCHEDULE_MON_FRI),
            Ok(Schedule::default())
        );
        assert_eq!(
            Schedule::try_from(MOTCUA_SCHEDULE_MON_SAT),
            Ok(Schedule::with_saturday())
        );
        assert_eq!(
            Schedule::try_from(MotcuaSchedule(0x80)),
            Err(MotcuaStatus::InvalidArgument)
        );
    }
}
