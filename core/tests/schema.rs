//! The JSON Schemas of `spec/schema/`, generated from the Rust types.
//!
//! With `MOTCUA_BLESS=1` this test rewrites the files; otherwise it fails when a file is stale,
//! missing, or no longer generated.

use std::path::Path;

use motcua_core::calendar::due::Due;
use motcua_core::calendar::holidays::Holidays;
use motcua_core::calendar::lunar::{LunarDate, Reckoning};
use motcua_core::calendar::request::DueRequest;
use motcua_core::calendar::schedule::{DayStatus, Schedule};
use motcua_core::forms::Report;
use motcua_core::ids::IdCheck;
use motcua_core::lifecycle::kpi::Kpi;
use motcua_core::lifecycle::{
    DossierState, LogEvent, Replay, StatusEvent, StatusReport, StepOutcome,
};
use motcua_core::model::{Dossier, Event, Procedure};
use motcua_core::signature::report::SignatureReport;
use motcua_core::signature::verify::VerifyOptionsJson;
use motcua_core::Finding;
use schemars::{schema_for, Schema};

/// Every generated schema: file name and schema.
fn schemas() -> Vec<(&'static str, Schema)> {
    vec![
        ("dossier.schema.json", schema_for!(Dossier)),
        ("procedure.schema.json", schema_for!(Procedure)),
        ("event.schema.json", schema_for!(Event)),
        ("report.schema.json", schema_for!(Report)),
        ("finding.schema.json", schema_for!(Finding)),
        ("id-check.schema.json", schema_for!(IdCheck)),
        ("lifecycle-event.schema.json", schema_for!(LogEvent)),
        ("lifecycle-replay.schema.json", schema_for!(Replay)),
        ("lifecycle-dossier.schema.json", schema_for!(DossierState)),
        ("lifecycle-step.schema.json", schema_for!(StepOutcome)),
        ("lifecycle-kpi.schema.json", schema_for!(Kpi)),
        (
            "lifecycle-status-event.schema.json",
            schema_for!(StatusEvent),
        ),
        (
            "lifecycle-status-report.schema.json",
            schema_for!(StatusReport),
        ),
        ("lunar-date.schema.json", schema_for!(LunarDate)),
        ("reckoning.schema.json", schema_for!(Reckoning)),
        ("schedule.schema.json", schema_for!(Schedule)),
        ("holidays.schema.json", schema_for!(Holidays)),
        ("day-status.schema.json", schema_for!(DayStatus)),
        ("due-request.schema.json", schema_for!(DueRequest)),
        ("due.schema.json", schema_for!(Due)),
        ("signature-report.schema.json", schema_for!(SignatureReport)),
        ("verify-options.schema.json", schema_for!(VerifyOptionsJson)),
    ]
}

fn render(mut schema: Schema) -> String {
    schema.insert(
        "$comment".to_owned(),
        "Generated from the Rust types of motcua-core by core/tests/schema.rs (MOTCUA_BLESS=1 to regenerate); do not edit.".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

#[test]
fn schemas_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/schema");
    let bless = std::env::var_os("MOTCUA_BLESS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    let generated = schemas();
    for (name, schema) in generated.iter().cloned() {
        let path = dir.join(name);
        let text = render(schema);
        if bless {
            std::fs::create_dir_all(&dir).expect("spec/schema can be created");
            std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.to_owned());
        }
    }
    for entry in std::fs::read_dir(&dir).expect("spec/schema is readable") {
        let name = entry
            .expect("directory entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".schema.json") && !generated.iter().any(|(n, _)| *n == name) {
            if bless {
                std::fs::remove_file(dir.join(&name)).expect("stale schema can be removed");
            } else {
                stale.push(format!("{name} (no longer generated)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas in spec/schema: {stale:?}; run with MOTCUA_BLESS=1 (scripts/regen)"
    );
}

#[test]
fn dossier_schema_forbids_unknown_fields() {
    // The schema forbids unknown fields exactly where the model does.
    let dossier = serde_json::to_value(schema_for!(Dossier)).expect("schema is JSON");
    assert_eq!(dossier["additionalProperties"], false);
    let text = serde_json::to_string(&dossier).expect("schema is JSON");
    assert!(
        text.contains("\"format\":\"date-time\""),
        "timestamps are typed"
    );
}

/// Results write a portal status code as a number; a status log may give it as a string of
/// digits: the output schemas say `integer`, the log's schema says both.
#[test]
fn national_status_is_a_number_in_results_and_digits_too_in_logs() {
    let report = serde_json::to_value(schema_for!(StatusReport)).expect("schema is JSON");
    let replay = serde_json::to_value(schema_for!(Replay)).expect("schema is JSON");
    for output in [&report, &replay] {
        let status = &output["$defs"]["NationalStatus"];
        assert_eq!(status["type"], "integer", "{status}");
        assert!(output["$defs"].get("NationalStatusInput").is_none());
    }
    let event = serde_json::to_value(schema_for!(StatusEvent)).expect("schema is JSON");
    assert_eq!(
        event["properties"]["status"]["$ref"],
        "#/$defs/NationalStatusInput"
    );
    let types: Vec<_> = event["$defs"]["NationalStatusInput"]["anyOf"]
        .as_array()
        .expect("a number or a string")
        .iter()
        .map(|s| s["type"].clone())
        .collect();
    assert_eq!(types, ["integer", "string"]);
}
