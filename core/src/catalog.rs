//! The findings catalog, `spec/findings/*.json`: for every stable code its severity, the rule it
//! comes from, and its message in Vietnamese and English.
//!
//! Messages may hold `{name}` placeholders, filled from [`crate::Diagnostic::args`]. The files are
//! compiled into the crate, so every surface (Rust, C, WebAssembly, CLI) renders the same text.
//! One file per area keeps each module's codes beside each other.
//!
//! # Example
//!
//! ```
//! use motcua_core::{catalog, ids, Date, Lang, Severity};
//!
//! let check = ids::check(ids::IdKind::Phone, "0912 345 67", Date::new(2026, 11, 23)?);
//! let finding = &check.errors[0];
//! // The finding is the catalog's entry for its code, its `{placeholders}` filled in.
//! let entry = catalog::entry(&finding.code);
//! assert_eq!((entry.severity, entry.rule.as_str()), (finding.severity, finding.rule.as_str()));
//! assert_eq!(finding.severity, Severity::Error);
//! assert_eq!(
//!     entry.en,
//!     "A phone number with the prefix {prefix} has {expected} digits (with the leading 0); {found} digits were given."
//! );
//! assert_eq!(
//!     finding.en,
//!     "A phone number with the prefix 091 has 10 digits (with the leading 0); 9 digits were given."
//! );
//! assert_eq!(finding.message(Lang::Vi), finding.vi);
//! assert_eq!(catalog::render("{n} of {m} files", &[("n", "2".into()), ("m", "3".into())]), "2 of 3 files");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::finding::Severity;

/// The catalog's source files, compiled in: (file name, text).
pub const SOURCES: &[(&str, &str)] = &[
    (
        "argument.json",
        include_str!("../../spec/findings/argument.json"),
    ),
    ("ids.json", include_str!("../../spec/findings/ids.json")),
    ("input.json", include_str!("../../spec/findings/input.json")),
    ("model.json", include_str!("../../spec/findings/model.json")),
    ("forms.json", include_str!("../../spec/findings/forms.json")),
    #[cfg(feature = "calendar")]
    (
        "calendar.json",
        include_str!("../../spec/findings/calendar.json"),
    ),
    #[cfg(feature = "lifecycle")]
    (
        "lifecycle.json",
        include_str!("../../spec/findings/lifecycle.json"),
    ),
    #[cfg(feature = "signature")]
    ("pdf.json", include_str!("../../spec/findings/pdf.json")),
    #[cfg(feature = "signature")]
    (
        "certificate.json",
        include_str!("../../spec/findings/certificate.json"),
    ),
    #[cfg(feature = "signature")]
    (
        "signature.json",
        include_str!("../../spec/findings/signature.json"),
    ),
    #[cfg(feature = "signature")]
    (
        "changes.json",
        include_str!("../../spec/findings/changes.json"),
    ),
    #[cfg(feature = "signature")]
    (
        "signature-format.json",
        include_str!("../../spec/findings/signature-format.json"),
    ),
    #[cfg(feature = "signature")]
    (
        "signature-report.json",
        include_str!("../../spec/findings/signature-report.json"),
    ),
    #[cfg(feature = "signature")]
    (
        "signature-verify.json",
        include_str!("../../spec/findings/signature-verify.json"),
    ),
];

/// A language a message can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese, the default for people.
    #[default]
    Vi,
    /// English.
    En,
}

/// One code of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The stable code, `area.reason`.
    pub code: String,
    /// Severity of every finding with this code.
    pub severity: Severity,
    /// The rule and article the finding comes from.
    pub rule: String,
    /// Vietnamese message template.
    pub vi: String,
    /// English message template.
    pub en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "$comment")]
    _comment: String,
    findings: Vec<Entry>,
}

fn table() -> &'static HashMap<String, Entry> {
    static TABLE: OnceLock<HashMap<String, Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The files are checked by the unit tests below; a broken catalog cannot be released.
        SOURCES
            .iter()
            .flat_map(|(name, text)| {
                let file: File = serde_json::from_str(text)
                    .unwrap_or_else(|e| panic!("spec/findings/{name} is invalid: {e}"));
                file.findings
            })
            .map(|e| (e.code.clone(), e))
            .collect()
    })
}

/// Every entry of the catalog, in no particular order.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    table().values()
}

/// The entry for `code`.
///
/// Codes come from [`crate::Diagnostic::code`] implementations, and a unit test of each module
/// checks that all of its codes are in the catalog; an unknown code is a programming error.
pub fn entry(code: &str) -> &'static Entry {
    table()
        .get(code)
        .unwrap_or_else(|| panic!("finding code {code:?} is missing from spec/findings/"))
}

/// `template` with each `{name}` replaced by its value in `args`; unknown names stay as written.
pub fn render(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Placeholder names used in `template`, in order of appearance.
    fn placeholders(template: &str) -> Vec<&str> {
        let mut names = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            names.push(&after[..close]);
            rest = &after[close + 1..];
        }
        names
    }

    #[test]
    fn catalog_parses_without_duplicates() {
        let mut seen = std::collections::HashSet::new();
        for (name, text) in SOURCES {
            let file: File = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            for e in file.findings {
                assert!(seen.insert(e.code.clone()), "duplicate code {}", e.code);
            }
        }
        assert_eq!(table().len(), seen.len());
    }

    #[test]
    fn every_entry_is_complete() {
        for e in entries() {
            let (area, reason) = e.code.split_once('.').unwrap_or_default();
            assert!(
                !area.is_empty()
                    && !reason.is_empty()
                    && e.code.bytes().all(|b| b.is_ascii_lowercase()
                        || b.is_ascii_digit()
                        || b == b'_'
                        || b == b'.'),
                "code {} is not area.reason in snake_case",
                e.code
            );
            assert!(!e.rule.trim().is_empty(), "{} has no rule", e.code);
            assert!(
                !e.vi.trim().is_empty() && !e.en.trim().is_empty(),
                "{} lacks a message",
                e.code
            );
            let mut vi = placeholders(&e.vi);
            let mut en = placeholders(&e.en);
            vi.sort_unstable();
            en.sort_unstable();
            assert_eq!(
                vi, en,
                "{}: Vietnamese and English placeholders differ",
                e.code
            );
        }
    }

    #[test]
    fn render_fills_known_placeholders() {
        let args = [("found", "0".to_owned()), ("expected", "8".to_owned())];
        assert_eq!(render("is {found}, want {expected}", &args), "is 0, want 8");
        assert_eq!(render("{unknown} {found", &args), "{unknown} {found");
        assert_eq!(render("no braces", &args), "no braces");
    }
}
