//! Helpers shared by the unit tests of the identifier modules.

use proptest::test_runner::TestCaseError;
use proptest::{prop_assert, prop_assert_eq};

use super::{check, is_valid, IdKind, Scan};
use crate::Date;

/// The "today" of the unit tests (and of `spec/vectors/identifiers.json`).
pub(crate) fn today() -> Date {
    day(2026, 11, 23)
}

/// A date known to exist.
pub(crate) fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|e| panic!("{y}-{m}-{d}: {e}"))
}

/// The error codes of checking `input` as `kind` today.
pub(crate) fn error_codes(kind: IdKind, input: &str) -> Vec<String> {
    check(kind, input, today())
        .errors
        .into_iter()
        .map(|f| f.code)
        .collect()
}

/// The warning codes of checking `input` as `kind` today.
pub(crate) fn warning_codes(kind: IdKind, input: &str) -> Vec<String> {
    check(kind, input, today())
        .warnings
        .into_iter()
        .map(|f| f.code)
        .collect()
}

/// `check` and `is_valid` agree on `input`; a check is valid exactly when it has no error, and
/// then has a normalized form and info; the normalized form is valid and normalizes to itself.
pub(crate) fn agrees(kind: IdKind, input: &str) -> Result<(), TestCaseError> {
    let c = check(kind, input, today());
    prop_assert_eq!(c.valid, is_valid(kind, input, today()));
    prop_assert_eq!(c.valid, c.errors.is_empty());
    prop_assert_eq!(c.valid, c.info.is_some());
    if let Some(normalized) = &c.normalized {
        prop_assert!(c.valid);
        let again = check(kind, normalized, today());
        prop_assert_eq!(again.normalized.as_ref(), Some(normalized));
        prop_assert_eq!(again.info, c.info);
    } else {
        prop_assert!(!c.valid);
    }
    Ok(())
}

/// `text` parses as a `T`, prints back as `printed`, and survives Display/FromStr and serde.
pub(crate) fn round_trips<T>(text: &str, printed: &str) -> Result<(), TestCaseError>
where
    T: Scan
        + core::str::FromStr
        + PartialEq
        + core::fmt::Debug
        + serde::Serialize
        + serde::de::DeserializeOwned,
    T::Err: core::fmt::Display,
{
    let value: T = text
        .parse()
        .map_err(|e: T::Err| TestCaseError::fail(format!("{text}: {e}")))?;
    prop_assert_eq!(value.to_string(), printed);
    prop_assert!(printed.parse::<T>().ok().as_ref() == Some(&value));
    let json = serde_json::to_string(&value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(serde_json::from_str::<T>(&json).ok().as_ref() == Some(&value));
    Ok(())
}
