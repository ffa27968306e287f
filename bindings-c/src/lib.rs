//! # motcua-c
//!
//! The C ABI of motcua (`libmotcua.so` / `libmotcua.a`, header `include/motcua.h`), for hosts in
//! Java, .NET, PHP, Python or C. It only translates between C and `motcua-core`: every rule lives
//! in the core, and every surface returns the same JSON for the same input.
//!
//! Conventions, the same for every function:
//! - Names mirror Rust: `ids::check` is `motcua_ids_check`, `IdKind` is `MotcuaIdKind`,
//!   `calendar::lunar::to_lunar` is `motcua_calendar_to_lunar`.
//! - Fallible functions return a [`MotcuaStatus`] with a stable number. Inputs come first and
//!   outputs last; a byte buffer is always followed by its `size_t` length; text is UTF-8 and
//!   needs no NUL terminator.
//! - Every pointer argument is checked: NULL gives `MOTCUA_STATUS_NULL_ARGUMENT`. Outputs are
//!   written only on success (and the JSON output also with `MOTCUA_STATUS_INVALID_INPUT`, where
//!   it holds the finding that says why the input could not be read).
//! - Results are UTF-8 JSON strings, NUL-terminated, owned by the caller and freed with
//!   `motcua_string_free`. State lives in opaque handles: a procedure is parsed once
//!   (`motcua_procedure_parse`), used for many dossiers, and freed (`motcua_procedure_free`).
//!   The free functions accept NULL.
//! - No Rust panic crosses the boundary: every export returns `MOTCUA_STATUS_PANIC` instead (or
//!   does nothing, for the free functions).

// The crate is the C boundary: exporting unmangled functions and reading C pointers needs
// `unsafe`. Every unsafe block states why it holds; pointer reading goes through `boundary`.
#![allow(unsafe_code)]

mod boundary;
mod calendar;
mod date;
mod forms;
mod ids;
mod lifecycle;
mod signature;
mod status;
mod strings;

pub use calendar::{
    motcua_calendar_add_working_days, motcua_calendar_count_working_days,
    motcua_calendar_day_status, motcua_calendar_due_json, motcua_calendar_holidays,
    motcua_calendar_is_working_day, motcua_calendar_to_lunar, motcua_calendar_to_solar,
    MotcuaLunarDate, MotcuaReckoning, MotcuaSchedule, MOTCUA_RECKONING_CHINA,
    MOTCUA_RECKONING_HISTORICAL, MOTCUA_RECKONING_VIETNAM, MOTCUA_SCHEDULE_MON_FRI,
    MOTCUA_SCHEDULE_MON_SAT,
};
pub use date::MotcuaDate;
pub use forms::{
    motcua_forms_validate, motcua_forms_validate_json, motcua_procedure_free,
    motcua_procedure_parse, MotcuaProcedure,
};
pub use ids::{
    motcua_ids_check, motcua_ids_is_valid, MotcuaIdKind, MOTCUA_ID_KIND_AGENCY_CODE,
    MOTCUA_ID_KIND_DOSSIER_CODE, MOTCUA_ID_KIND_OLD_ID, MOTCUA_ID_KIND_PERSONAL_ID,
    MOTCUA_ID_KIND_PHONE, MOTCUA_ID_KIND_PROCEDURE_CODE, MOTCUA_ID_KIND_TAX_CODE,
};
pub use lifecycle::{
    motcua_lifecycle_check_status_log, motcua_lifecycle_kpi, motcua_lifecycle_replay,
    motcua_lifecycle_step,
};
pub use signature::{motcua_verify, motcua_verify_detached};
pub use status::MotcuaStatus;
pub use strings::{motcua_string_free, motcua_version};

/// Major version of the header (the library's is `motcua_version()`).
pub const MOTCUA_VERSION_MAJOR: u32 = 0;
/// Minor version of the header.
pub const MOTCUA_VERSION_MINOR: u32 = 1;
/// Patch version of the header.
pub const MOTCUA_VERSION_PATCH: u32 = 0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_version_is_the_package_version() {
        let v = [
            MOTCUA_VERSION_MAJOR,
            MOTCUA_VERSION_MINOR,
            MOTCUA_VERSION_PATCH,
        ];
        let package = [
            env!("CARGO_PKG_VERSION_MAJOR"),
            env!("CARGO_PKG_VERSION_MINOR"),
            env!("CARGO_PKG_VERSION_PATCH"),
        ]
        .map(|n| n.parse::<u32>().unwrap());
        assert_eq!(
            v, package,
            "update MOTCUA_VERSION_* and run scripts/check-header --write"
        );
    }

    /// Every export's body is one call of `boundary`, so no panic can reach C.
    #[test]
    fn every_export_runs_inside_the_panic_boundary() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut exports = Vec::new();
        for entry in std::fs::read_dir(src).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for (at, _) in text.match_indices("extern \"C\" fn ") {
                let rest = &text[at + "extern \"C\" fn ".len()..];
                let name = &rest[..rest.find('(').unwrap()];
                let body = rest[rest.find('{').unwrap() + 1..].trim_start();
                assert!(
                    body.starts_with("boundary(||"),
                    "{}: {name} must run its whole body inside boundary()",
                    path.display()
                );
                exports.push(name.to_owned());
            }
        }
        assert!(exports.len() >= 8, "exports found: {exports:?}");
    }

    /// The header is where C, Python, Java and PHP programmers read the API: every function,
    /// type, constant, enum value and struct field in it carries the doc comment cbindgen copies
    /// from the Rust source (a `/** ... */` block right above the declaration).
    #[test]
    fn every_declaration_in_the_header_has_a_doc_comment() {
        let header = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("include/motcua.h");
        let text = std::fs::read_to_string(header).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut functions = 0;
        let mut undocumented = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            if !is_declaration(line) {
                continue;
            }
            if line.contains("motcua_") && line.contains('(') {
                functions += 1;
            }
            let documented = lines[..i]
                .iter()
                .rev()
                .find(|l| !l.trim().is_empty())
                .is_some_and(|l| l.trim() == "*/");
            if !documented {
                undocumented.push(format!("line {}: {line}", i + 1));
            }
        }
        assert!(functions >= 20, "functions found: {functions}");
        assert!(
            undocumented.is_empty(),
            "declarations without a doc comment (add a /// comment in bindings-c/src and run \
             scripts/check-header --write):\n{}",
            undocumented.join("\n")
        );
    }

    /// Whether a line of the header starts a declaration a reader needs explained: a function,
    /// a type or a `#define` at the top level, or an enum value or struct field (indented by
    /// two spaces; the parameters of a function are aligned further in).
    fn is_declaration(line: &str) -> bool {
        let top_level = !line.starts_with(' ')
            && !line.is_empty()
            && ![
                "/*",
                " *",
                "*/",
                "#if",
                "#endif",
                "#include",
                "}",
                "extern",
                "#define MOTCUA_H",
            ]
            .iter()
            .any(|p| line.starts_with(p));
        let member = line.starts_with("  ")
            && !line.starts_with("   ")
            && !line.trim_start().starts_with("/*")
            && !line.trim_start().starts_with('*');
        top_level || member
    }
}
