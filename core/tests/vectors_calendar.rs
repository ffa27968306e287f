//! Runs the calendar conformance vectors, `spec/vectors/calendar.json`, section by section:
//! `lunar` through `calendar::lunar::{to_lunar, to_solar}`, in both directions; and checks that
//! every `lunar.*` code of the catalog `spec/findings/calendar.json` is exercised; `holidays`
//! through `calendar::schedule::Schedule::day`; `due` through `calendar::due::due`, and checks
//! that every `holidays.*`, `working_days.*` and `due.*` code of the catalog is exercised by one
//! of these two sections.

use std::collections::BTreeSet;

use motcua_core::calendar::due::{
    self, Clock, Counting, DueError, Limit, LocalTime, OfficeHours, Policy, Supplement,
    SupplementRule,
};
use motcua_core::calendar::holidays::Source;
use motcua_core::calendar::lunar::{self, LunarError, Reckoning};
use motcua_core::calendar::schedule::{Day, Schedule};
use motcua_core::model::Timestamp;
use motcua_core::{Date, Diagnostic};
use serde::Deserialize;
use serde_json::Value;

const VECTORS: &str = include_str!("../../spec/vectors/calendar.json");
const CATALOG: &str = include_str!("../../spec/findings/calendar.json");

/// The file: one array of cases per section.
#[derive(Deserialize)]
struct File {
    lunar: Vec<LunarCase>,
}

/// A lunar date as written in the vectors, `{year, month, day, leap}`, read without the checks of
/// `LunarDate` so that the vectors can hold invalid ones.
type RawLunar = (i32, u8, u8, bool);

fn raw(value: &Value) -> RawLunar {
    let int = |key: &str| {
        value[key]
            .as_i64()
            .unwrap_or_else(|| panic!("lunar.{key}: {value}"))
    };
    let leap = value["leap"]
        .as_bool()
        .unwrap_or_else(|| panic!("lunar.leap: {value}"));
    (
        int("year") as i32,
        int("month") as u8,
        int("day") as u8,
        leap,
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LunarCase {
    name: String,
    reckoning: Reckoning,
    solar: Option<Date>,
    lunar: Option<Value>,
    error: Option<String>,
}

fn to_solar((year, month, day, leap): RawLunar, reckoning: Reckoning) -> Result<Date, LunarError> {
    lunar::to_solar(year, month, day, leap, reckoning)
}

fn to_lunar(date: Date, reckoning: Reckoning) -> Result<RawLunar, LunarError> {
    lunar::to_lunar(date, reckoning).map(|l| (l.year(), l.month(), l.day(), l.leap()))
}

#[test]
fn lunar_vectors() {
    let file: File = serde_json::from_str(VECTORS).expect("spec/vectors/calendar.json");
    assert!(file.lunar.len() > 400, "the lunar section is missing cases");
    let mut failures = Vec::new();
    let mut codes = BTreeSet::new();
    for case in &file.lunar {
        let r = case.reckoning;
        let outcome = match (case.solar, case.lunar.as_ref().map(raw), &case.error) {
            (Some(solar), Some(expected), None) => {
                let forward = to_lunar(solar, r);
                let back = to_solar(expected, r);
                (forward == Ok(expected) && back == Ok(solar))
                    .then_some(())
                    .ok_or(format!("to_lunar gave {forward:?}, to_solar gave {back:?}"))
            }
            (None, Some(input), Some(code)) => {
                let got = to_solar(input, r);
                codes.insert(code.clone());
                match got {
                    Err(e) if e.code() == code => Ok(()),
                    other => Err(format!("to_solar gave {other:?}, expected {code}")),
                }
            }
            (Some(solar), None, Some(code)) => {
                let got = to_lunar(solar, r);
                codes.insert(code.clone());
                match got {
                    Err(e) if e.code() == code => Ok(()),
                    other => Err(format!("to_lunar gave {other:?}, expected {code}")),
                }
            }
            _ => Err("a case has solar and lunar, or one of them and error".to_owned()),
        };
        if let Err(why) = outcome {
            failures.push(format!("{}: {why}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let catalog: Value = serde_json::from_str(CATALOG).expect("spec/findings/calendar.json");
    let lunar_codes: BTreeSet<String> = catalog["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .filter(|c| c.starts_with("lunar."))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        codes, lunar_codes,
        "the vectors must exercise every lunar code"
    );
}

/// The sections on working days: holidays and due dates.
#[derive(Deserialize)]
struct WorkingDaysFile {
    holidays: Vec<HolidayCase>,
    due: Vec<DueCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayCase {
    name: String,
    date: Date,
    schedule: String,
    working: Option<bool>,
    source: Option<String>,
    document: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DueCase {
    name: String,
    received: Timestamp,
    limit: Limit,
    policy: PolicyCase,
    supplements: Vec<SupplementCase>,
    extension: Option<Timestamp>,
    // Absent (an error case) and null (awaiting a supplement) differ: double option.
    #[serde(default, deserialize_with = "present")]
    due: Option<Option<Timestamp>>,
    error: Option<String>,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<Timestamp>>, D::Error> {
    Option::<Timestamp>::deserialize(d).map(Some)
}

/// The agency's policy: `cutoff` (minutes since midnight), `counting`, `supplement`, and when
/// present `working_weekdays` (seven booleans, Monday first; Monday to Friday when absent) and
/// `office_hours` (`HH:MM-HH:MM,…`, read by `OfficeHours::from_str`; 08:00-12:00,13:00-17:00
/// when absent).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyCase {
    cutoff: Option<u16>,
    counting: Counting,
    supplement: SupplementRule,
    working_weekdays: Option<[bool; 7]>,
    office_hours: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SupplementCase {
    requested: Timestamp,
    supplied: Option<Timestamp>,
}

fn schedule(name: &str) -> Schedule {
    match name {
        "mon_fri" => Schedule::default(),
        "mon_sat" => Schedule::with_saturday(),
        other => panic!("unknown schedule {other}"),
    }
}

fn local(t: &Timestamp) -> LocalTime {
    LocalTime::from_timestamp(t).expect("vector times are in range")
}

fn holiday_outcome(case: &HolidayCase) -> Result<(), String> {
    let got = schedule(&case.schedule).day(case.date);
    match (&case.error, got) {
        (Some(code), Err(e)) if e.code() == code => Ok(()),
        (Some(code), other) => Err(format!("gave {other:?}, expected {code}")),
        (None, Err(e)) => Err(format!("failed with {e}")),
        (None, Ok(day)) => {
            let (source, document) = match &day {
                Day::Off(off) | Day::SwappedWorking(off) => match off.source {
                    Source::Decision { document, .. } => (Some("decision"), document),
                    Source::Rules { .. } => (Some("rules"), None),
                },
                Day::Working | Day::WeeklyRest => (None, None),
            };
            let expected = (
                case.working,
                case.source.as_deref(),
                case.document.as_deref(),
            );
            let actual = (Some(day.is_working()), source, document);
            (expected == actual)
                .then_some(())
                .ok_or(format!("gave {actual:?} ({day:?}), expected {expected:?}"))
        }
    }
}

fn due_outcome(case: &DueCase) -> Result<(), String> {
    let got = policy(&case.policy).and_then(|policy| due::due(&clock(case)?, &policy));
    match (&case.due, &case.error, got.map(|d| d.due)) {
        (Some(expected), None, Ok(due)) if due == expected.as_ref().map(local) => Ok(()),
        (None, Some(code), Err(e)) if e.code() == code => Ok(()),
        (expected, code, got) => Err(format!("gave {got:?}, expected {expected:?} / {code:?}")),
    }
}

fn policy(case: &PolicyCase) -> Result<Policy, DueError> {
    let mut policy = Policy {
        cutoff: case.cutoff,
        counting: case.counting,
        supplement: case.supplement,
        ..Policy::default()
    };
    if let Some(weekdays) = case.working_weekdays {
        policy.schedule = Schedule {
            working_weekdays: weekdays,
        };
    }
    if let Some(hours) = &case.office_hours {
        policy.office_hours = hours.parse::<OfficeHours>()?;
    }
    Ok(policy)
}

/// The clock of a case; a time outside the supported dates is the core's error.
fn clock(case: &DueCase) -> Result<Clock, DueError> {
    let local = LocalTime::from_timestamp;
    Ok(Clock {
        received: local(&case.received)?,
        limit: case.limit,
        supplements: case
            .supplements
            .iter()
            .map(|s| {
                Ok(Supplement {
                    requested: local(&s.requested)?,
                    supplied: s.supplied.as_ref().map(local).transpose()?,
                })
            })
            .collect::<Result<_, DueError>>()?,
        extension: case.extension.as_ref().map(local).transpose()?,
    })
}

#[test]
fn holiday_and_due_vectors() {
    let file: WorkingDaysFile = serde_json::from_str(VECTORS).expect("spec/vectors/calendar.json");
    assert!(file.holidays.len() >= 500 && file.due.len() >= 60);
    let mut failures = Vec::new();
    let mut codes = BTreeSet::new();
    for case in &file.holidays {
        codes.extend(case.error.clone());
        if let Err(why) = holiday_outcome(case) {
            failures.push(format!("holidays: {}: {why}", case.name));
        }
    }
    for case in &file.due {
        codes.extend(case.error.clone());
        if let Err(why) = due_outcome(case) {
            failures.push(format!("due: {}: {why}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let catalog: Value = serde_json::from_str(CATALOG).expect("spec/findings/calendar.json");
    let missing: Vec<&str> = catalog["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["code"].as_str())
        .filter(|c| {
            ["holidays.", "working_days.", "due."]
                .iter()
                .any(|a| c.starts_with(a))
        })
        .filter(|c| !codes.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "the holidays and due vectors must exercise every code: {missing:?}"
    );
}
