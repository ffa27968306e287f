//! Runs the calendar conformance vectors, `spec/vectors/calendar.json`, section by section:
//! `lunar` through `calendar::lunar::{to_lunar, to_solar}`, in both directions; `holidays`
//! through `calendar::schedule::Schedule::day_status`; `due` through `calendar::request::due_json`
//! (a due case without its `name` and its expectation is a due-date request). Checks that every
//! code of the catalog `spec/findings/calendar.json` is some case's expected error, and writes
//! `rust-calendar.jsonl` under `MOTCUA_SURFACE_OUT` when set: one JSON result per case, sections
//! in file order, the same JSON the C and WebAssembly runners write (`tests/agree.py`).
//!
//! The result of a case is:
//! - `lunar`: `{"to_lunar": LunarDate, "to_solar": "YYYY-MM-DD"}` for the directions the case
//!   runs (both for a conversion, one for an error case), each direction's value replaced by
//!   `{"input_error": Finding}` when it fails;
//! - `holidays`: the `DayStatus`, or `{"input_error": Finding}`;
//! - `due`: the `Due` with its steps, or `{"input_error": Finding}`.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use motcua_core::calendar::due::LocalTime;
use motcua_core::calendar::lunar::{self, Reckoning};
use motcua_core::calendar::request;
use motcua_core::calendar::schedule::Schedule;
use motcua_core::model::Timestamp;
use motcua_core::{Date, Diagnostic, Finding};
use serde::Deserialize;
use serde_json::{json, Map, Value};

const VECTORS: &str = include_str!("../../spec/vectors/calendar.json");
const CATALOG: &str = include_str!("../../spec/findings/calendar.json");

/// The file: one array of cases per section, run and written in this order (the file's).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "$comment")]
    _comment: String,
    lunar: Vec<LunarCase>,
    holidays: Vec<HolidayCase>,
    due: Vec<Map<String, Value>>,
}

/// A lunar date as written in the vectors, `{year, month, day, leap}`, read without the checks of
/// `LunarDate` so that the vectors can hold invalid ones.
#[derive(Deserialize, Debug, Clone, Copy)]
#[serde(deny_unknown_fields)]
struct RawLunar {
    year: i32,
    month: u8,
    day: u8,
    leap: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LunarCase {
    name: String,
    reckoning: Reckoning,
    solar: Option<Date>,
    lunar: Option<RawLunar>,
    error: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayCase {
    name: String,
    date: Date,
    schedule: Schedule,
    working: Option<bool>,
    source: Option<String>,
    document: Option<String>,
    error: Option<String>,
}

/// `{"input_error": Finding}`, what every surface gives for a computation without an answer.
fn input_error(finding: Finding) -> Value {
    json!({ "input_error": finding })
}

/// The JSON of `result`, or its input error.
fn outcome<T: serde::Serialize, E: Diagnostic>(result: Result<T, E>) -> Value {
    match result {
        Ok(value) => serde_json::to_value(value).expect("calendar results serialize"),
        Err(e) => input_error(e.to_finding("")),
    }
}

/// The code of the input error of a result, if it is one.
fn error_code(result: &Value) -> Option<&str> {
    result.get("input_error")?.get("code")?.as_str()
}

/// Runs a lunar case: its result line, and why it fails its expectation (if it does).
fn lunar_case(case: &LunarCase, codes: &mut BTreeSet<String>) -> (Value, Option<String>) {
    let r = case.reckoning;
    let to_lunar = |d: Date| outcome(lunar::to_lunar(d, r));
    let to_solar = |l: RawLunar| outcome(lunar::to_solar(l.year, l.month, l.day, l.leap, r));
    match (case.solar, case.lunar, &case.error) {
        (Some(solar), Some(expected), None) => {
            let (forward, back) = (to_lunar(solar), to_solar(expected));
            let expected_lunar = json!({
                "year": expected.year, "month": expected.month,
                "day": expected.day, "leap": expected.leap,
            });
            let why = (forward != expected_lunar || back != json!(solar))
                .then(|| format!("to_lunar gave {forward}, to_solar gave {back}"));
            (json!({ "to_lunar": forward, "to_solar": back }), why)
        }
        (None, Some(input), Some(code)) => {
            codes.insert(code.clone());
            let got = to_solar(input);
            let why = (error_code(&got) != Some(code))
                .then(|| format!("to_solar gave {got}, expected {code}"));
            (json!({ "to_solar": got }), why)
        }
        (Some(solar), None, Some(code)) => {
            codes.insert(code.clone());
            let got = to_lunar(solar);
            let why = (error_code(&got) != Some(code))
                .then(|| format!("to_lunar gave {got}, expected {code}"));
            (json!({ "to_lunar": got }), why)
        }
        _ => (
            Value::Null,
            Some("a case has solar and lunar, or one of them and error".to_owned()),
        ),
    }
}

fn holiday_case(case: &HolidayCase, codes: &mut BTreeSet<String>) -> (Value, Option<String>) {
    codes.extend(case.error.clone());
    let got = outcome(case.schedule.day_status(case.date));
    let why = match &case.error {
        Some(code) => (error_code(&got) != Some(code)).then(|| format!("expected {code}")),
        None => {
            let expected = json!([case.working, case.source, case.document]);
            let actual = json!([got["working"], got.get("source"), got.get("document")]);
            (expected != actual).then(|| format!("expected {expected}, got {actual}"))
        }
    };
    (got.clone(), why.map(|w| format!("{w}: {got}")))
}

/// The local time of an RFC 3339 timestamp of the vectors.
fn local(text: &Value) -> Result<Value, String> {
    let t: Timestamp = serde_json::from_value(text.clone()).map_err(|e| e.to_string())?;
    let local = LocalTime::from_timestamp(&t).map_err(|e| e.to_string())?;
    Ok(serde_json::to_value(local).expect("a local time serializes"))
}

fn due_case(case: &Map<String, Value>, codes: &mut BTreeSet<String>) -> (Value, Option<String>) {
    let mut request = case.clone();
    request.remove("name");
    let expected_due = request.remove("due");
    let expected_error = request.remove("error");
    let got = match request::due_json(&Value::Object(request).to_string()) {
        Ok(due) => serde_json::to_value(due).expect("a due time serializes"),
        Err(e) => input_error(e.to_finding()),
    };
    let why = match (expected_due, expected_error) {
        (Some(Value::Null), None) => (got["due"] != Value::Null).then(|| "expected null".into()),
        (Some(due), None) => match local(&due) {
            Ok(due) => (got["due"] != due).then(|| format!("expected {due}")),
            Err(e) => Some(format!("the expected due {due} is not a time: {e}")),
        },
        (None, Some(error)) => {
            // A code (at path "") or {code, path}.
            let (code, path) = match &error {
                Value::String(code) => (code.as_str(), ""),
                error => (
                    error["code"].as_str().unwrap_or("?"),
                    error["path"].as_str().unwrap_or("?"),
                ),
            };
            codes.insert(code.to_owned());
            let got_path = got["input_error"]["path"].as_str();
            (error_code(&got) != Some(code) || got_path != Some(path))
                .then(|| format!("expected {code} at {path:?}"))
        }
        _ => Some("a case has either due or error".into()),
    };
    (got.clone(), why.map(|w| format!("{w}, got {got}")))
}

#[test]
fn calendar_vectors() {
    let file: File = serde_json::from_str(VECTORS).expect("spec/vectors/calendar.json");
    assert!(file.lunar.len() > 400, "the lunar section is missing cases");
    assert!(file.holidays.len() >= 500 && file.due.len() >= 60);
    let mut failures = String::new();
    let mut lines = String::new();
    let mut codes = BTreeSet::new();
    let mut record = |section: &str, name: &str, (line, why): (Value, Option<String>)| {
        writeln!(lines, "{line}").expect("writing to a string");
        if let Some(why) = why {
            writeln!(failures, "{section}: {name}: {why}").ok();
        }
        let findings: Vec<Finding> = [&line, &line["to_lunar"], &line["to_solar"]]
            .into_iter()
            .filter_map(|v| v.get("input_error"))
            .map(|f| serde_json::from_value(f.clone()).expect("an input error is a finding"))
            .collect();
        common::check_rendered(name, &findings, &mut failures);
    };
    for case in &file.lunar {
        record("lunar", &case.name, lunar_case(case, &mut codes));
    }
    for case in &file.holidays {
        record("holidays", &case.name, holiday_case(case, &mut codes));
    }
    for case in &file.due {
        let name = case.get("name").and_then(Value::as_str).unwrap_or("?");
        record("due", name, due_case(case, &mut codes));
    }
    common::write_surface_out("calendar", &lines);

    // Every code of the calendar's catalog is the expected error of some case.
    common::check_coverage(CATALOG, &codes, &mut failures);
    assert!(failures.is_empty(), "calendar vectors failed:\n{failures}");
}
