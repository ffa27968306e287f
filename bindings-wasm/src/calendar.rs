//! The calendar: `calendarToLunar`, `calendarToSolar`, `calendarDayStatus`,
//! `calendarIsWorkingDay`, `calendarAddWorkingDays`, `calendarCountWorkingDays`,
//! `calendarHolidays` and `calendarDue`, the JavaScript names of
//! [`motcua_core::calendar::lunar::to_lunar`],
//! [`to_solar`](motcua_core::calendar::lunar::to_solar),
//! [`holidays`](motcua_core::calendar::holidays::holidays), the [`Schedule`] methods
//! `day_status`, `is_working_day`, `add_working_days`, `count_working_days`, and
//! [`motcua_core::calendar::request::due_json`].
//!
//! A computation without an answer (a date outside 1900–2199, a lunar day that does not exist, a
//! year whose days off are not known, too many days) throws a `MotcuaInputError` carrying the
//! calendar's finding, the `{"input_error": …}` of the other surfaces.

use motcua_core::calendar::request;
use motcua_core::calendar::schedule::Schedule;
use motcua_core::calendar::{holidays, lunar};
use motcua_core::{Date, Diagnostic};
use wasm_bindgen::prelude::*;

use crate::{args, error, js};

/// The value of a calendar computation, or its finding thrown as a `MotcuaInputError`.
fn answer<T>(result: Result<T, impl Diagnostic>) -> Result<T, JsValue> {
    result.map_err(|e| error::input(&e.to_finding("")))
}

/// The arguments `(date, schedule)` of the functions on one day, checked in that order.
fn day_arguments(date: &JsValue, schedule: &JsValue) -> Result<(Date, Schedule), JsValue> {
    let date = args::date(date, "date").map_err(error::argument)?;
    let schedule = args::schedule(schedule).map_err(error::argument)?;
    Ok((date, schedule))
}

/// The lunar date of the solar date `date` ("YYYY-MM-DD", years 1900–2199) in the calendar of
/// `reckoning` (`"vietnam"`, the calendar Vietnam prints, UTC+7; `"historical"`; `"china"`).
///
/// Throws a `MotcuaArgumentError` for a date that is not written YYYY-MM-DD or does not exist,
/// or an unknown reckoning; a `MotcuaInputError` (`lunar.solar_out_of_range`) for a date outside
/// 1900–2199.
#[wasm_bindgen(js_name = calendarToLunar, unchecked_return_type = "LunarDate")]
pub fn calendar_to_lunar(
    #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Reckoning")] reckoning: &JsValue,
) -> Result<JsValue, JsValue> {
    let date = args::date(date, "date").map_err(error::argument)?;
    let reckoning = args::reckoning(reckoning).map_err(error::argument)?;
    js::to_value(&answer(lunar::to_lunar(date, reckoning))?)
}

/// The solar date ("YYYY-MM-DD") of the lunar date `lunar` in the calendar of `reckoning`.
///
/// Throws a `MotcuaArgumentError` when `lunar` is not `{year, month, day, leap}` (integers, a
/// boolean) or the reckoning is unknown; a `MotcuaInputError` (`lunar.*`) when the lunar date
/// does not exist (month outside 1–12, day outside 1–30, a leap month the year does not have,
/// day 30 of a month of 29 days) or lies outside the supported years.
#[wasm_bindgen(js_name = calendarToSolar)]
pub fn calendar_to_solar(
    #[wasm_bindgen(unchecked_param_type = "LunarDate")] lunar: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Reckoning")] reckoning: &JsValue,
) -> Result<String, JsValue> {
    let l = args::lunar_date(lunar).map_err(error::argument)?;
    let reckoning = args::reckoning(reckoning).map_err(error::argument)?;
    let date = answer(lunar::to_solar(l.year, l.month, l.day, l.leap, reckoning))?;
    Ok(date.to_string())
}

/// What `date` ("YYYY-MM-DD") is for the working week `schedule` (`"mon_fri"`, `"mon_sat"` or
/// `{working_weekdays}`), whether it is a working day, and why: the `DayStatus`.
///
/// Throws a `MotcuaArgumentError` for a wrong date or schedule; a `MotcuaInputError` when the
/// days off of the year are not known (`holidays.*`, `lunar.year_out_of_range`).
#[wasm_bindgen(js_name = calendarDayStatus, unchecked_return_type = "DayStatus")]
pub fn calendar_day_status(
    #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Schedule")] schedule: &JsValue,
) -> Result<JsValue, JsValue> {
    let (date, schedule) = day_arguments(date, schedule)?;
    js::to_value(&answer(schedule.day_status(date))?)
}

/// Whether `date` is a working day of `schedule`: `calendarDayStatus(date, schedule).working`
/// without building the explanation. Throws as `calendarDayStatus`.
#[wasm_bindgen(js_name = calendarIsWorkingDay)]
pub fn calendar_is_working_day(
    #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Schedule")] schedule: &JsValue,
) -> Result<bool, JsValue> {
    let (date, schedule) = day_arguments(date, schedule)?;
    answer(schedule.is_working_day(date))
}

/// The `n`-th working day of `schedule` after `date` ("YYYY-MM-DD"), `date` itself not counted
/// (Civil Code 2015 Art. 147(2); `n` = 0 gives `date`).
///
/// Throws a `MotcuaArgumentError` for a wrong date or schedule or an `n` that is not a whole
/// number from 0 to 4294967295; a `MotcuaInputError` for more than 2600 working days
/// (`working_days.too_many`), a week without a working day, or a year whose days off are not
/// known.
#[wasm_bindgen(js_name = calendarAddWorkingDays)]
pub fn calendar_add_working_days(
    #[wasm_bindgen(unchecked_param_type = "string")] date: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Schedule")] schedule: &JsValue,
) -> Result<String, JsValue> {
    let date = args::date(date, "date").map_err(error::argument)?;
    let n = args::count(n, "n").map_err(error::argument)?;
    let schedule = args::schedule(schedule).map_err(error::argument)?;
    Ok(answer(schedule.add_working_days(date, n))?.to_string())
}

/// The number of working days of `schedule` after `from`, up to and including `to` (0 when `to`
/// is not after `from`): the inverse of `calendarAddWorkingDays`.
///
/// Throws a `MotcuaArgumentError` for a wrong date or schedule; a `MotcuaInputError` for a span
/// of more than 18200 days or a year whose days off are not known.
#[wasm_bindgen(js_name = calendarCountWorkingDays)]
pub fn calendar_count_working_days(
    #[wasm_bindgen(unchecked_param_type = "string")] from: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] to: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Schedule")] schedule: &JsValue,
) -> Result<u32, JsValue> {
    let from = args::date(from, "from").map_err(error::argument)?;
    let to = args::date(to, "to").map_err(error::argument)?;
    let schedule = args::schedule(schedule).map_err(error::argument)?;
    answer(schedule.count_working_days(from, to))
}

/// Every day off and swapped working Saturday of the solar year `year`, in date order, each with
/// its occasions and its source (the Government's yearly decision, or the statute when no
/// decision is known).
///
/// Throws a `MotcuaArgumentError` when `year` is not a whole number; a `MotcuaInputError` when
/// the days off of the year are not known (`holidays.no_statute` before 2014,
/// `holidays.out_of_range`, `lunar.*` beyond the lunar calendar).
#[wasm_bindgen(js_name = calendarHolidays, unchecked_return_type = "Holidays")]
pub fn calendar_holidays(
    #[wasm_bindgen(unchecked_param_type = "number")] year: &JsValue,
) -> Result<JsValue, JsValue> {
    let year = args::year(year, "year").map_err(error::argument)?;
    js::to_value(&answer(holidays::holidays(year))?)
}

/// The due time of a dossier and how each day was counted, for the due-date request `request`:
/// a `DueRequest` object, or its JSON text. Both are read by the same parser as on every other
/// surface.
///
/// Throws a `MotcuaInputError` when the request cannot be read (`input.*`, `path` naming the
/// field) or has no answer (`due.*`, `working_days.*`, `holidays.*`); a `MotcuaArgumentError`
/// when `request` is `undefined` or a function.
#[wasm_bindgen(js_name = calendarDue, unchecked_return_type = "Due")]
pub fn calendar_due(
    #[wasm_bindgen(unchecked_param_type = "DueRequest | string")] request: &JsValue,
) -> Result<JsValue, JsValue> {
    let text = args::json_text(request, "request").map_err(error::argument)?;
    let due = request::due_json(&text).map_err(|e| error::input(&e.to_finding()))?;
    js::to_value(&due)
}
