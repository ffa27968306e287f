//! The rendered lifecycle of `spec/lifecycle/exports/`: for each rule version its transition table
//! (`.md`, `.csv`, `.json`), diagram (`.mmd`, `.dot`) and test paths (`.paths.json`), generated
//! by `lifecycle::export` and `lifecycle::paths`.
//!
//! With `MOTCUA_BLESS=1` this test rewrites the files (`scripts/regen`); otherwise it fails when a
//! file is stale, missing, or no longer generated.

use std::path::Path;

use motcua_core::lifecycle::{export, machine, paths};

type Render = fn(&machine::Rules) -> String;

const FORMATS: [(&str, Render); 6] = [
    ("md", export::markdown),
    ("csv", export::csv),
    ("json", export::json),
    ("mmd", export::mermaid),
    ("dot", export::dot),
    ("paths.json", paths::json),
];

#[test]
fn exports_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/lifecycle/exports");
    let bless = std::env::var_os("MOTCUA_BLESS").is_some_and(|v| v == "1");
    let mut expected = Vec::new();
    let mut stale = Vec::new();
    for rules in machine::all() {
        let id = serde_json::to_value(rules.id).expect("an id");
        let id = id.as_str().expect("a string id");
        for (ext, render) in FORMATS {
            let name = format!("{id}.{ext}");
            let text = render(rules);
            let path = dir.join(&name);
            if bless {
                std::fs::create_dir_all(&dir).expect("the exports directory can be created");
                std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                stale.push(name.clone());
            }
            expected.push(name);
        }
    }
    for entry in std::fs::read_dir(&dir).expect("spec/lifecycle/exports is readable") {
        let name = entry
            .expect("an entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if !expected.contains(&name) {
            if bless {
                std::fs::remove_file(dir.join(&name)).expect("a stale export can be removed");
            } else {
                stale.push(format!("{name} (no longer generated)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale exports in spec/lifecycle/exports: {stale:?}; run with MOTCUA_BLESS=1 (scripts/regen)"
    );
}

#[test]
fn the_table_has_one_row_per_transition_in_every_format() {
    for rules in machine::all() {
        let n = rules.transitions.len();
        assert_eq!(
            export::markdown(rules)
                .lines()
                .filter(|l| l.starts_with("| "))
                .count(),
            n + 2
        );
        assert_eq!(
            export::csv(rules)
                .split("\r\n")
                .filter(|l| !l.is_empty())
                .count(),
            n + 1
        );
        let json: serde_json::Value =
            serde_json::from_str(&export::json(rules)).expect("the JSON export parses");
        assert_eq!(json["rows"].as_array().map(Vec::len), Some(n));
        assert_eq!(export::mermaid(rules).matches(" --> ").count(), n + 1 + 3);
        assert_eq!(export::dot(rules).matches(" -> ").count(), n);
    }
}
