//! What the vector runners share: the checks every finding must pass, the catalog coverage
//! check, and the per-surface result file that `tests/agree.py` compares.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use motcua_core::Finding;
use serde_json::Value;

/// Records in `failures` every finding of case `name` whose messages or rule are missing, or
/// whose messages still hold an unfilled `{placeholder}`.
pub(crate) fn check_rendered<'a>(
    name: &str,
    findings: impl IntoIterator<Item = &'a Finding>,
    failures: &mut String,
) {
    for f in findings {
        let incomplete = f.vi.is_empty() || f.en.is_empty() || f.rule.is_empty();
        if incomplete || f.vi.contains('{') || f.en.contains('{') {
            writeln!(failures, "{name}: finding {} is not fully rendered", f.code).ok();
        }
    }
}

/// Records in `failures` every code of the catalog file `catalog` that no vector exercised.
pub(crate) fn check_coverage(catalog: &str, exercised: &BTreeSet<String>, failures: &mut String) {
    let catalog: Value = serde_json::from_str(catalog).expect("the catalog file is JSON");
    let entries = catalog["findings"]
        .as_array()
        .expect("the catalog has findings");
    for entry in entries {
        let code = entry["code"].as_str().expect("every finding has a code");
        if !exercised.contains(code) {
            writeln!(failures, "{code}: no vector exercises this code").ok();
        }
    }
}

/// Writes `lines` (one JSON result per case) to `rust-<suite>.jsonl` in the directory named by
/// `MOTCUA_SURFACE_OUT`, when it is set.
pub(crate) fn write_surface_out(suite: &str, lines: &str) {
    if let Some(dir) = std::env::var_os("MOTCUA_SURFACE_OUT") {
        std::fs::create_dir_all(&dir).expect("MOTCUA_SURFACE_OUT can be created");
        let path = std::path::Path::new(&dir).join(format!("rust-{suite}.jsonl"));
        std::fs::write(&path, lines).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}
