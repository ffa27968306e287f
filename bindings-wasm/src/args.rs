//! The arguments a JavaScript caller passes, checked before anything reaches the core.
//!
//! JavaScript does not check types, so every argument arrives as a [`JsValue`]. A value that is
//! not a string, an unknown identifier kind or an impossible date becomes an [`ArgumentError`],
//! thrown as a `MotcuaArgumentError` (see [`crate::error`]); no argument can make the module
//! panic.

use motcua_core::ids::IdKind;
use motcua_core::{Date, Diagnostic};
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
}

impl Diagnostic for ArgumentError {
    fn code(&self) -> &'static str {
        match self {
            Self::NotString { .. } => "argument.not_string",
            Self::IdKind { .. } => "argument.id_kind",
            Self::Date { .. } => "argument.date",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::NotString { name } => vec![("name", (*name).to_owned())],
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
            ArgumentError::IdKind {
                value: "passport".into(),
            },
            ArgumentError::Date {
                name: "today",
                value: "2026-02-30".into(),
            },
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
