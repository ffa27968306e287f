//! The arguments a JavaScript caller passes, checked before anything reaches the core.
//!
//! JavaScript does not check types, so every argument arrives as a [`JsValue`]. A value that is
//! not a string, an unknown identifier kind or reckoning, an impossible date, a malformed working
//! week or lunar date, or a count that is not a whole number becomes an [`ArgumentError`],
//! thrown as a `MotcuaArgumentError` (see [`crate::error`]); no argument can make the module
//! panic.

#[cfg(feature = "calendar")]
use motcua_core::calendar::lunar::Reckoning;
#[cfg(feature = "calendar")]
use motcua_core::calendar::schedule::Schedule;
use motcua_core::ids::IdKind;
use motcua_core::{Date, Diagnostic};
#[cfg(feature = "calendar")]
use serde::Deserialize;
use wasm_bindgen::JsValue;

/// How many characters of a rejected argument are quoted back in a message: enough to
/// recognise it, never a whole document.
const QUOTE_MAX_CHARS: usize = 40;

/// Why an argument was refused. Codes and messages are in `spec/findings/argument.json`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ArgumentError {
    /// The argument is not a JavaScript string.
    #[error("the argument {name} must be a string")]
    NotString {
        /// Name of the argument, as in the TypeScript declaration.
        name: &'static str,
    },
    #[cfg_attr(not(feature = "signature"), allow(dead_code))]
    /// The argument is not a `Uint8Array` (a signed document, the data a signature signs).
    #[error("the argument {name} must be bytes (a Uint8Array)")]
    NotBytes {
        /// Name of the argument, as in the TypeScript declaration.
        name: &'static str,
    },
    /// The identifier kind is not one of [`IdKind::ALL`].
    #[error("unknown identifier kind {value:?}")]
    IdKind {
        /// The kind as given (shortened).
        value: String,
    },
    /// The date is not an existing calendar date written `YYYY-MM-DD`.
    #[error("the argument {name} must be a date YYYY-MM-DD, got {value:?}")]
    Date {
        /// Name of the argument.
        name: &'static str,
        /// The text as given (shortened).
        value: String,
    },
    #[cfg_attr(not(feature = "calendar"), allow(dead_code))]
    /// The reckoning is not one of `vietnam`, `historical`, `china`.
    #[error("unknown reckoning {value:?}")]
    Reckoning {
        /// The reckoning as given (shortened).
        value: String,
    },
    #[cfg_attr(not(feature = "calendar"), allow(dead_code))]
    /// The working week is not `"mon_fri"`, `"mon_sat"` or `{"working_weekdays": [7 booleans]}`.
    #[error("the argument {name} must be a working week")]
    Schedule {
        /// Name of the argument.
        name: &'static str,
    },
    #[cfg_attr(not(feature = "calendar"), allow(dead_code))]
    /// The lunar date is not `{year, month, day, leap}` with integers and a boolean.
    #[error("the argument {name} must be a lunar date")]
    LunarDate {
        /// Name of the argument.
        name: &'static str,
    },
    #[cfg_attr(not(feature = "calendar"), allow(dead_code))]
    /// The count is not a whole number from 0 to `u32::MAX`.
    #[error("the argument {name} must be a whole number from 0 to 4294967295")]
    Count {
        /// Name of the argument.
        name: &'static str,
    },
    #[cfg_attr(not(feature = "calendar"), allow(dead_code))]
    /// The year is not a whole number within the range of `i32`.
    #[error("the argument {name} must be a year, written as a whole number")]
    Year {
        /// Name of the argument.
        name: &'static str,
    },
    #[cfg_attr(
        not(any(feature = "calendar", feature = "signature")),
        allow(dead_code)
    )]
    /// The document is neither JSON text nor a value JSON can represent (`undefined`, a
    /// function).
    #[error("the argument {name} must be JSON text or a value JSON can represent")]
    NotJson {
        /// Name of the argument.
        name: &'static str,
    },
}

impl Diagnostic for ArgumentError {
    fn code(&self) -> &'static str {
        match self {
            Self::NotString { .. } => "argument.not_string",
            Self::NotBytes { .. } => "argument.not_bytes",
            Self::IdKind { .. } => "argument.id_kind",
            Self::Date { .. } => "argument.date",
            Self::Reckoning { .. } => "argument.reckoning",
            Self::Schedule { .. } => "argument.schedule",
            Self::LunarDate { .. } => "argument.lunar_date",
            Self::Count { .. } => "argument.count",
            Self::Year { .. } => "argument.year",
            Self::NotJson { .. } => "argument.not_json",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::NotString { name }
            | Self::NotBytes { name }
            | Self::Schedule { name }
            | Self::LunarDate { name }
            | Self::Count { name }
            | Self::Year { name }
            | Self::NotJson { name } => vec![("name", (*name).to_owned())],
            Self::Reckoning { value } => vec![("value", value.clone())],
            Self::IdKind { value } => {
                let kinds: Vec<&str> = IdKind::ALL.iter().map(|k| k.as_str()).collect();
                vec![("value", value.clone()), ("expected", kinds.join(", "))]
            }
            Self::Date { name, value } => {
                vec![("name", (*name).to_owned()), ("value", value.clone())]
            }
        }
    }
}

/// The argument `name` as a Rust string.
pub(crate) fn text(value: &JsValue, name: &'static str) -> Result<String, ArgumentError> {
    value.as_string().ok_or(ArgumentError::NotString { name })
}

#[cfg(feature = "signature")]
/// The argument `name`, bytes passed as a `Uint8Array`, copied into the module.
pub(crate) fn bytes(value: &JsValue, name: &'static str) -> Result<Vec<u8>, ArgumentError> {
    use wasm_bindgen::JsCast;
    value
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
        .ok_or(ArgumentError::NotBytes { name })
}

/// The argument `kind`: one of the names in [`IdKind::as_str`].
pub(crate) fn id_kind(value: &JsValue) -> Result<IdKind, ArgumentError> {
    let given = text(value, "kind")?;
    given.parse().map_err(|_| ArgumentError::IdKind {
        value: quote(&given),
    })
}

/// The argument `name`, a date written `YYYY-MM-DD`.
pub(crate) fn date(value: &JsValue, name: &'static str) -> Result<Date, ArgumentError> {
    let given = text(value, name)?;
    given.parse().map_err(|_| ArgumentError::Date {
        name,
        value: quote(&given),
    })
}

#[cfg(feature = "calendar")]
/// The argument `reckoning`: `"vietnam"`, `"historical"` or `"china"`.
pub(crate) fn reckoning(value: &JsValue) -> Result<Reckoning, ArgumentError> {
    let given = text(value, "reckoning")?;
    // Read by serde, as the JSON of every other surface names it.
    serde_json::from_value(serde_json::Value::String(given.clone())).map_err(|_| {
        ArgumentError::Reckoning {
            value: quote(&given),
        }
    })
}

#[cfg(feature = "calendar")]
/// The argument `schedule`: a `Schedule` as JSON has it (`"mon_fri"`, `"mon_sat"` or
/// `{"working_weekdays": [...]}`), read as JSON so that unknown fields are refused as on every
/// surface.
pub(crate) fn schedule(value: &JsValue) -> Result<Schedule, ArgumentError> {
    let name = "schedule";
    stringify(value)
        .and_then(|text| serde_json::from_str(&text).ok())
        .ok_or(ArgumentError::Schedule { name })
}

#[cfg(feature = "calendar")]
/// A lunar date as a caller writes it, read without the calendar's checks (which the core makes,
/// with their own findings).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LunarArg {
    pub(crate) year: i32,
    pub(crate) month: u8,
    pub(crate) day: u8,
    pub(crate) leap: bool,
}

#[cfg(feature = "calendar")]
/// The argument `lunar`: `{year, month, day, leap}`, read as JSON (unknown fields refused).
pub(crate) fn lunar_date(value: &JsValue) -> Result<LunarArg, ArgumentError> {
    let name = "lunar";
    stringify(value)
        .and_then(|text| serde_json::from_str(&text).ok())
        .ok_or(ArgumentError::LunarDate { name })
}

#[cfg(feature = "calendar")]
/// The number `value` when it is whole and within `min..=max`.
fn whole(value: &JsValue, min: f64, max: f64) -> Option<f64> {
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (min..=max).contains(n))
}

#[cfg(feature = "calendar")]
/// The argument `name`, a whole number from 0 to `u32::MAX`.
pub(crate) fn count(value: &JsValue, name: &'static str) -> Result<u32, ArgumentError> {
    // Whole and in range, so the conversion is exact.
    whole(value, 0.0, f64::from(u32::MAX))
        .map(|n| n as u32)
        .ok_or(ArgumentError::Count { name })
}

#[cfg(feature = "calendar")]
/// The argument `name`, a year: a whole number within the range of `i32`.
pub(crate) fn year(value: &JsValue, name: &'static str) -> Result<i32, ArgumentError> {
    // Whole and in range, so the conversion is exact.
    whole(value, f64::from(i32::MIN), f64::from(i32::MAX))
        .map(|n| n as i32)
        .ok_or(ArgumentError::Year { name })
}

#[cfg_attr(
    not(any(feature = "calendar", feature = "signature")),
    allow(dead_code)
)]
/// The argument `name`, a JSON document: a string is its text, any other value is written as
/// JSON (as `JSON.stringify` does), so that both are read by the same parser.
pub(crate) fn json_text(value: &JsValue, name: &'static str) -> Result<String, ArgumentError> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    stringify(value).ok_or(ArgumentError::NotJson { name })
}

#[cfg_attr(
    not(any(feature = "calendar", feature = "signature")),
    allow(dead_code)
)]
/// `value` written as JSON by `JSON.stringify`; `None` for what JSON cannot represent
/// (`undefined`, a function, a cycle, a BigInt).
fn stringify(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// `given`, cut to [`QUOTE_MAX_CHARS`] characters with an ellipsis when longer.
fn quote(given: &str) -> String {
    match given.char_indices().nth(QUOTE_MAX_CHARS) {
        Some((end, _)) => format!("{}…", &given[..end]),
        None => given.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_bounded() {
        assert_eq!(quote("abc"), "abc");
        let long = "ệ".repeat(100);
        let q = quote(&long);
        assert_eq!(q.chars().count(), QUOTE_MAX_CHARS + 1);
        assert!(q.ends_with('…'));
    }

    #[test]
    fn every_code_is_in_the_catalog() {
        let errors = [
            ArgumentError::NotString { name: "input" },
            ArgumentError::NotBytes { name: "bytes" },
            ArgumentError::IdKind {
                value: "passport".into(),
            },
            ArgumentError::Date {
                name: "today",
                value: "2026-02-30".into(),
            },
            ArgumentError::Reckoning {
                value: "korea".into(),
            },
            ArgumentError::Schedule { name: "schedule" },
            ArgumentError::LunarDate { name: "lunar" },
            ArgumentError::Count { name: "n" },
            ArgumentError::Year { name: "year" },
            ArgumentError::NotJson { name: "request" },
        ];
        for e in errors {
            let f = e.to_finding("");
            assert_eq!(f.code, e.code());
            assert!(
                !f.vi.contains('{') && !f.en.contains('{'),
                "unfilled placeholder in {f:?}"
            );
        }
    }
}
