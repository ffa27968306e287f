//! Findings: what every check in motcua reports.
//!
//! A finding carries a stable code (`area.reason`, such as `tax_code.check_digit`), the JSON
//! pointer (RFC 6901) of the field it concerns, a message in Vietnamese and in English, and the
//! rule it comes from. Codes, messages and rules live once, in `spec/findings/`; see
//! [`crate::catalog`].

use serde::{Deserialize, Serialize};

use crate::catalog::{self, Lang};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The input breaks a rule: it is invalid.
    Error,
    /// The input is accepted but something deserves a person's attention.
    Warning,
}

/// One thing a check found, ready to show to a person in Vietnamese or English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    /// Stable machine-readable code, `area.reason`; never changes once published.
    pub code: String,
    /// Whether the finding makes the input invalid.
    pub severity: Severity,
    /// JSON pointer (RFC 6901) of the field concerned; `""` is the whole input.
    pub path: String,
    /// Message in Vietnamese.
    pub vi: String,
    /// Message in English.
    pub en: String,
    /// The legal or technical rule the finding comes from, with its article.
    pub rule: String,
}

impl Finding {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// A typed error or warning that has an entry in the findings catalog.
///
/// Each module's error enum implements this, so that every surface renders the same code and the
/// same messages from `spec/findings/`.
pub trait Diagnostic {
    /// The stable code, a key of the catalog in `spec/findings/`.
    fn code(&self) -> &'static str;

    /// Values for the `{placeholders}` of the catalog's messages.
    fn args(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// This diagnostic as a [`Finding`] about the field at JSON pointer `path`.
    fn to_finding(&self, path: &str) -> Finding {
        let entry = catalog::entry(self.code());
        let args = self.args();
        Finding {
            code: self.code().to_owned(),
            severity: entry.severity,
            path: path.to_owned(),
            vi: catalog::render(&entry.vi, &args),
            en: catalog::render(&entry.en, &args),
            rule: entry.rule.clone(),
        }
    }
}

/// Appends `token` to the JSON pointer `base`, escaping `~` and `/` as RFC 6901 requires.
pub fn pointer(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tokens() {
        assert_eq!(pointer("", "applicant"), "/applicant");
        assert_eq!(pointer("/a", "b/c~d"), "/a/b~1c~0d");
        assert_eq!(pointer("/attachments", "0"), "/attachments/0");
    }
}
