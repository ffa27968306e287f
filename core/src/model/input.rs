//! Reading untrusted JSON into the model: a bounded size, and errors that name the field.

use serde::de::DeserializeOwned;

use super::position;
use super::procedure::ProcedureError;
use crate::finding::{pointer, Diagnostic, Finding};

/// Largest JSON document accepted by [`crate::model::Dossier::from_json`] and
/// [`crate::model::Procedure::from_json`]: 1 MiB.
///
/// Dossiers carry attachment metadata (name, type, size, SHA-256), never file contents, so a
/// real dossier is a few kilobytes; the limit bounds memory and time on hostile input. Nesting
/// depth is bounded by serde_json's recursion limit (128), reported as `input.json_syntax`.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// Why a JSON text could not be read as a model value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The text is not JSON (RFC 8259), or nests deeper than the parser allows.
    #[error("not valid JSON (line {line}, column {column}): {detail}")]
    Syntax {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// What the parser expected.
        detail: String,
    },
    /// The text is JSON but a field is missing, unknown, or of the wrong type or value.
    #[error("{path:?}: {detail}")]
    Shape {
        /// JSON pointer (RFC 6901) of the offending field; `""` is the whole document.
        path: String,
        /// What is wrong with it.
        detail: String,
    },
    /// The procedure is well-formed JSON but cannot be applied (`model.*` codes).
    #[error("{path:?}: {error}")]
    Procedure {
        /// JSON pointer of the offending field of the procedure.
        path: String,
        /// What is wrong with it.
        error: ProcedureError,
    },
    /// The text is longer than [`MAX_INPUT_BYTES`].
    #[error("input of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit, [`MAX_INPUT_BYTES`].
        limit: usize,
    },
}

impl Diagnostic for InputError {
    fn code(&self) -> &'static str {
        match self {
            Self::Syntax { .. } => "input.json_syntax",
            Self::Shape { .. } => "input.json_shape",
            Self::TooLarge { .. } => "input.too_large",
            Self::Procedure { error, .. } => error.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Syntax {
                line,
                column,
                detail,
            } => vec![
                ("line", line.to_string()),
                ("column", column.to_string()),
                ("detail", detail.clone()),
            ],
            Self::Shape { detail, .. } => vec![("detail", detail.clone())],
            Self::TooLarge { size, limit } => {
                vec![("size", size.to_string()), ("limit", limit.to_string())]
            }
            Self::Procedure { error, .. } => error.args(),
        }
    }
}

impl InputError {
    /// JSON pointer of the offending field (`""` for syntax errors and oversized input).
    pub fn path(&self) -> &str {
        match self {
            Self::Shape { path, .. } | Self::Procedure { path, .. } => path,
            Self::Syntax { .. } | Self::TooLarge { .. } => "",
        }
    }

    /// This error as a [`Finding`] at [`InputError::path`].
    pub fn to_finding(&self) -> Finding {
        Diagnostic::to_finding(self, self.path())
    }
}

/// Parses `text` as a `T`, rejecting oversized input, trailing data and unknown fields.
pub(crate) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, InputError> {
    parse_with_limit(text, MAX_INPUT_BYTES)
}

/// [`parse`] with another size limit than [`MAX_INPUT_BYTES`] (options that carry certificates
/// and CRLs).
pub(crate) fn parse_with_limit<T: DeserializeOwned>(
    text: &str,
    limit: usize,
) -> Result<T, InputError> {
    if text.len() > limit {
        return Err(InputError::TooLarge {
            size: text.len(),
            limit,
        });
    }
    serde_json::from_str(text).map_err(|e| {
        let path = match e.is_data() {
            true => position::pointer_at(text, e.line(), e.column()),
            false => String::new(),
        };
        from_json_error(e, path)
    })
}

/// Reads a value written as a JSON string with `parse`, whose error becomes the reader's.
///
/// The string is parsed inside serde_json's own call (a visitor), so that an error carries the
/// position just after the string and so the pointer of its field ([`position`]); parsing after
/// `String::deserialize` has returned gives an error without a position, which serde_json then
/// places at the end of the enclosing object.
pub(crate) fn from_text<'de, D, T, E>(
    deserializer: D,
    parse: fn(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    E: std::fmt::Display,
{
    struct Text<T, E>(fn(&str) -> Result<T, E>);

    impl<T, E: std::fmt::Display> serde::de::Visitor<'_> for Text<T, E> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<X: serde::de::Error>(self, text: &str) -> Result<T, X> {
            (self.0)(text).map_err(X::custom)
        }
    }

    deserializer.deserialize_str(Text(parse))
}

/// Classifies a serde_json error: data errors are about the field at `path`, the rest is syntax.
fn from_json_error(e: serde_json::Error, path: String) -> InputError {
    let full = e.to_string();
    let location = format!(" at line {} column {}", e.line(), e.column());
    let detail = full.strip_suffix(&location).unwrap_or(&full).to_owned();
    match e.classify() {
        serde_json::error::Category::Data => {
            // A missing field is reported at the pointer where it belongs.
            let path = match missing_field(&detail) {
                Some(field) => pointer(&path, field),
                None => path,
            };
            InputError::Shape { path, detail }
        }
        _ => InputError::Syntax {
            line: e.line(),
            column: e.column(),
            detail,
        },
    }
}

/// The field named by serde's "missing field `name`" message.
fn missing_field(detail: &str) -> Option<&str> {
    detail.strip_prefix("missing field `")?.strip_suffix('`')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dossier;

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let text = " ".repeat(MAX_INPUT_BYTES + 1);
        let e = Dossier::from_json(&text).unwrap_err();
        assert_eq!(
            e,
            InputError::TooLarge {
                size: MAX_INPUT_BYTES + 1,
                limit: MAX_INPUT_BYTES
            }
        );
        let f = e.to_finding();
        assert_eq!((f.code.as_str(), f.path.as_str()), ("input.too_large", ""));
        assert!(
            f.en.contains("1048577") && f.vi.contains("1048576"),
            "{}",
            f.en
        );
    }

    #[test]
    fn errors_name_the_field() {
        let base = r#"{"procedure_code":"1.000894","channel":"online","submitted_at":"2025-07-01T08:00:00+07:00","applicant":{"kind":"citizen","name":"A"}"#;
        assert!(Dossier::from_json(&format!("{base}}}")).is_ok());
        let path = |tail: &str| {
            Dossier::from_json(&format!("{base}{tail}"))
                .unwrap_err()
                .path()
                .to_owned()
        };
        assert_eq!(path(r#","a/b~c":1}"#), "/a~1b~0c");
        assert_eq!(
            path(r#","attachments":[{"name":"x","media_type":"a/b","size":-1,"sha256":""}]}"#),
            "/attachments/0/size"
        );
        assert_eq!(path(r#","events":[{"type":"paid"}]}"#), "/events/0/at");
        let e = Dossier::from_json(&format!("{base}}} x")).unwrap_err();
        assert!(matches!(e, InputError::Syntax { line: 1, .. }), "{e:?}");
        // Nesting inside vendor extensions is bounded by the parser's recursion limit.
        let deep = format!(
            r#","extensions":{{"a":{}{}}}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        assert!(matches!(
            Dossier::from_json(&format!("{base}{deep}")),
            Err(InputError::Syntax { .. })
        ));
    }
}
