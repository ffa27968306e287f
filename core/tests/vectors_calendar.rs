//! Runs the calendar conformance vectors, `spec/vectors/calendar.json`, section by section:
//! `lunar` through `calendar::lunar::{to_lunar, to_solar}`, in both directions; and checks that
//! every `lunar.*` code of the catalog `spec/findings/calendar.json` is exercised.

use std::collections::BTreeSet;

use motcua_core::calendar::lunar::{self, LunarError, Reckoning};
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
