//! Runs the dossier conformance vectors, `spec/vectors/dossiers.json`, through
//! `forms::validate_json`, checks that every `forms.*`, `dossier.*` and `model.*` code of the
//! catalog is exercised, and writes `rust-dossiers.jsonl` under `MOTCUA_SURFACE_OUT` when set.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use motcua_core::{forms, Date, Finding};
use serde::Deserialize;
use serde_json::{json, Value};

const VECTORS: &str = include_str!("../../spec/vectors/dossiers.json");
const CATALOGS: [&str; 2] = [
    include_str!("../../spec/findings/forms.json"),
    include_str!("../../spec/findings/model.json"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "$comment")]
    _comment: String,
    today: Date,
    procedures: serde_json::Map<String, Value>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    procedure: String,
    dossier: Value,
    input_error: Option<Code>,
    valid: Option<bool>,
    errors: Option<Vec<Code>>,
    warnings: Option<Vec<Code>>,
}

/// What a case expects: an input error, or a report.
enum Expect {
    InputError {
        input_error: Code,
    },
    Report {
        valid: bool,
        errors: Vec<Code>,
        warnings: Vec<Code>,
    },
}

impl Case {
    /// The expectation, when the case holds exactly one of the two forms.
    fn expect(self) -> Result<(String, String, Value, Expect), String> {
        let expect = match (self.input_error, self.valid, self.errors, self.warnings) {
            (Some(input_error), None, None, None) => Expect::InputError { input_error },
            (None, Some(valid), Some(errors), Some(warnings)) => Expect::Report {
                valid,
                errors,
                warnings,
            },
            _ => {
                return Err(format!(
                    "{}: give either input_error or valid, errors and warnings",
                    self.name
                ))
            }
        };
        Ok((self.name, self.procedure, self.dossier, expect))
    }
}

#[derive(Deserialize, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Code {
    code: String,
    path: String,
}

fn codes(findings: &[Finding]) -> Vec<Code> {
    findings
        .iter()
        .map(|f| Code {
            code: f.code.clone(),
            path: f.path.clone(),
        })
        .collect()
}

#[test]
fn dossier_vectors() {
    let file: File = serde_json::from_str(VECTORS).expect("spec/vectors/dossiers.json is readable");
    assert!(file.cases.len() >= 40, "at least 40 cases");
    let mut failures = String::new();
    let mut lines = String::new();
    let mut exercised = BTreeSet::new();
    for case in file.cases {
        let (name, procedure, dossier, expect) = case.expect().unwrap_or_else(|e| panic!("{e}"));
        let procedure = file
            .procedures
            .get(&procedure)
            .unwrap_or_else(|| panic!("{name}: no procedure {procedure:?}"));
        let procedure_json = procedure.to_string();
        let dossier_json = match &dossier {
            Value::String(raw) => raw.clone(),
            other => other.to_string(),
        };
        let result = forms::validate_json(&dossier_json, &procedure_json, file.today);
        let line = match &result {
            Ok(report) => serde_json::to_value(report).expect("a report serializes"),
            Err(e) => json!({ "input_error": e.to_finding() }),
        };
        writeln!(lines, "{line}").expect("writing to a string");
        match (&expect, result) {
            (Expect::InputError { input_error }, Err(e)) => {
                let got = Code {
                    code: e.to_finding().code,
                    path: e.to_finding().path,
                };
                exercised.insert(got.code.clone());
                if &got != input_error {
                    writeln!(
                        failures,
                        "{}: expected input error {input_error:?}, got {got:?}",
                        name
                    )
                    .ok();
                }
            }
            (
                Expect::Report {
                    valid,
                    errors,
                    warnings,
                },
                Ok(report),
            ) => {
                exercised.extend(
                    report
                        .errors
                        .iter()
                        .chain(&report.warnings)
                        .map(|f| f.code.clone()),
                );
                let (got_errors, got_warnings) = (codes(&report.errors), codes(&report.warnings));
                if report.valid != *valid || &got_errors != errors || &got_warnings != warnings {
                    writeln!(
                        failures,
                        "{}:\n  expected valid={valid} errors={errors:?} warnings={warnings:?}\n  got      valid={} errors={got_errors:?} warnings={got_warnings:?}",
                        name, report.valid
                    )
                    .ok();
                }
                common::check_rendered(
                    &name,
                    report.errors.iter().chain(&report.warnings),
                    &mut failures,
                );
            }
            (Expect::InputError { input_error }, Ok(report)) => {
                writeln!(
                    failures,
                    "{}: expected input error {input_error:?}, got report valid={}",
                    name, report.valid
                )
                .ok();
            }
            (Expect::Report { .. }, Err(e)) => {
                writeln!(failures, "{}: expected a report, got input error {e}", name).ok();
            }
        }
    }
    common::write_surface_out("dossiers", &lines);
    for catalog in CATALOGS {
        common::check_coverage(catalog, &exercised, &mut failures);
    }
    assert!(failures.is_empty(), "dossier vectors failed:\n{failures}");
}
