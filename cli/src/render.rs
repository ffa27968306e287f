//! Human-readable output: one line per checked value or dossier, then its findings indented.
//!
//! Untrusted text (the values as given, file names) is printed with Rust's debug escaping, and
//! control characters inside messages (which may quote the input) are escaped too, so that the
//! input cannot drive the terminal. The only escape codes printed are the CLI's own colours.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

use motcua_core::forms::Report;
use motcua_core::ids::IdCheck;
use motcua_core::{Finding, Lang, Severity};

use crate::info;
use crate::labels::Labels;
use crate::paint::{Paint, Painted};

/// The lines for one checked identifier.
pub(crate) fn id_check(check: &IdCheck, lang: Lang, paint: Paint) -> String {
    let l = Labels::of(lang);
    let mut out = String::new();
    let (mark, verdict) = verdict(check.valid, l);
    let _ = write!(
        out,
        "{} {:?}: {}",
        paint.verdict(check.valid, mark),
        check.input,
        paint.verdict(check.valid, verdict)
    );
    if check.valid {
        if let Some(normalized) = &check.normalized {
            let _ = write!(out, " → {normalized}");
        }
        if let Some(info) = &check.info {
            let _ = write!(out, " — {}", printable(&info::describe(info, l)));
        }
    }
    out.push('\n');
    findings(&mut out, &check.errors, &check.warnings, lang, paint);
    out
}

/// The lines for one checked dossier.
pub(crate) fn report(
    report: &Report,
    dossier: &Path,
    procedure: &Path,
    lang: Lang,
    paint: Paint,
) -> String {
    let l = Labels::of(lang);
    let (mark, verdict) = verdict(report.valid, l);
    let mut out = format!(
        "{} {} {:?} ({} {:?}): {}",
        paint.verdict(report.valid, mark),
        l.dossier,
        dossier.display().to_string(),
        l.procedure,
        procedure.display().to_string(),
        paint.verdict(report.valid, verdict),
    );
    if !report.errors.is_empty() || !report.warnings.is_empty() {
        let _ = write!(
            out,
            ", {} {}, {} {}",
            report.errors.len(),
            l.errors_count,
            report.warnings.len(),
            l.warnings_count
        );
    }
    out.push('\n');
    findings(&mut out, &report.errors, &report.warnings, lang, paint);
    out
}

/// The mark and the word of a verdict.
fn verdict(valid: bool, l: &Labels) -> (&'static str, &'static str) {
    if valid {
        (l.mark_valid, l.valid)
    } else {
        (l.mark_invalid, l.invalid)
    }
}

/// One line per finding, indented by `indent`: severity, code, JSON pointer when not the whole
/// input, message.
pub(crate) fn finding_lines<'a>(
    out: &mut String,
    indent: &str,
    list: impl IntoIterator<Item = &'a Finding>,
    lang: Lang,
    paint: Paint,
) {
    for f in list {
        let _ = write!(out, "{indent}{} ", severity(f.severity, lang, paint));
        located(out, f, lang);
        out.push('\n');
    }
}

fn findings(out: &mut String, errors: &[Finding], warnings: &[Finding], lang: Lang, paint: Paint) {
    finding_lines(out, "    ", errors.iter().chain(warnings), lang, paint);
}

/// The label of `severity`, errors in red and warnings in yellow.
fn severity(severity: Severity, lang: Lang, paint: Paint) -> Painted<'static> {
    let l = Labels::of(lang);
    match severity {
        Severity::Error => paint.fail(l.error),
        Severity::Warning => paint.warn(l.warning),
    }
}

/// A finding's code, JSON pointer when not the whole input, and message.
pub(crate) fn located(out: &mut String, f: &Finding, lang: Lang) {
    let l = Labels::of(lang);
    out.push_str(&f.code);
    if !f.path.is_empty() {
        let _ = write!(out, " {} {}", l.at, f.path);
    }
    let _ = write!(out, ": {}", printable(f.message(lang)));
}

/// `text` with each control character written as an escape (`\u{1b}`).
fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            printable("ký tự “\u{1b}[31m”\r\n"),
            "ký tự “\\u{1b}[31m”\\r\\n"
        );
        assert!(matches!(
            printable("Hà Nội"),
            std::borrow::Cow::Borrowed("Hà Nội")
        ));
    }
}
