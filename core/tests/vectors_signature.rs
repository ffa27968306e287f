//! The signature vectors, `spec/vectors/signature.json`, through `signature::verify`: each case
//! names a file of `motcua-forge`'s output (generated here in memory, or read from the directory
//! `MOTCUA_SIGNATURE_FIXTURES` names, as the C and WebAssembly runners read it), verified with the
//! vectors' options (anchors and intermediates, fixed validation time). The document indication
//! and each signature's indication, sub-indication, integrity and `modified_after_signing` must
//! be the case's; every finding fully rendered. Writes `rust-signature.jsonl` (the whole report
//! per case) under `MOTCUA_SURFACE_OUT` when set.

// The catalog coverage check is for suites whose vectors exercise every code of a catalog file.
#[allow(dead_code)]
mod common;

use std::fmt::Write as _;

use motcua_core::signature::verify::{verify, verify_detached, VerifyOptions, VerifyOptionsJson};
use serde_json::{json, Value};

/// Reads a fixture file by its name in the generator's output directory.
type Files = Box<dyn Fn(&str) -> Vec<u8>>;

/// The fixture files by name: from `MOTCUA_SIGNATURE_FIXTURES`, else generated in memory.
fn files() -> Files {
    if let Some(dir) = std::env::var_os("MOTCUA_SIGNATURE_FIXTURES") {
        let dir = std::path::PathBuf::from(dir);
        return Box::new(move |name| {
            std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
        });
    }
    let set = motcua_forge::fixtures::generate().expect("fixtures");
    Box::new(move |name| {
        if let Some(ca) = name
            .strip_prefix("ca/")
            .and_then(|n| n.strip_suffix(".pem"))
        {
            let der = &set
                .ca
                .all()
                .into_iter()
                .find(|(n, _)| *n == ca)
                .expect("ca")
                .1
                .der;
            return motcua_forge::pem(der, motcua_forge::LineEnding::LF)
                .expect("PEM")
                .into_bytes();
        }
        set.fixtures
            .iter()
            .find(|f| f.file == name)
            .map(|f| f.bytes.clone())
            .or_else(|| {
                set.data
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, d)| d.clone())
            })
            .unwrap_or_else(|| panic!("{name}: not a fixture"))
    })
}

#[test]
fn signature_vectors() {
    let doc: Value = serde_json::from_str(include_str!("../../spec/vectors/signature.json"))
        .expect("signature.json is JSON");
    let read = files();
    // The options as every surface builds them: the vectors' options with the files' text.
    let o = &doc["options"];
    let text = |key: &str| -> Vec<Value> {
        o[key]
            .as_array()
            .expect("a list")
            .iter()
            .map(|f| json!(String::from_utf8(read(f.as_str().expect("a name"))).expect("PEM")))
            .collect()
    };
    let options_json = json!({
        "validation_time": o["validation_time"],
        "trust_anchors": text("trust_anchors"),
        "intermediates": text("intermediates"),
    });
    let _: VerifyOptionsJson = serde_json::from_value(options_json.clone()).expect("options");
    let options = VerifyOptions::from_json(&options_json.to_string()).expect("options");
    let mut failures = String::new();
    let mut lines = String::new();
    let cases = doc["cases"].as_array().expect("cases");
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let bytes = read(case["file"].as_str().expect("file"));
        let report = match case["content"].as_str() {
            Some(c) => verify_detached(&bytes, &read(c), &options),
            None => verify(&bytes, &options),
        };
        let report = match report {
            Ok(r) => r,
            Err(e) => {
                writeln!(failures, "{name}: refused: {e}").ok();
                lines.push_str(&json!({"input_error": e.to_finding()}).to_string());
                lines.push('\n');
                continue;
            }
        };
        let got = serde_json::to_value(&report).expect("a report serializes");
        let want = &case["expect"];
        if got["indication"] != want["indication"] {
            writeln!(
                failures,
                "{name}: document {}, expected {}",
                got["indication"], want["indication"]
            )
            .ok();
        }
        let sigs = got["signatures"].as_array().expect("signatures");
        let expected = want["signatures"].as_array().expect("signatures");
        if sigs.len() != expected.len() {
            writeln!(
                failures,
                "{name}: {} signatures, expected {}",
                sigs.len(),
                expected.len()
            )
            .ok();
        }
        for (i, (s, w)) in sigs.iter().zip(expected).enumerate() {
            let seen = json!({
                "indication": s["indication"],
                "sub_indication": s["sub_indication"],
                "integrity": s["integrity"],
                "modified_after_signing": s["modified_after_signing"]["status"],
            });
            if &seen != w {
                writeln!(failures, "{name} #{i}: {seen}, expected {w}").ok();
            }
        }
        for s in &report.signatures {
            common::check_rendered(
                name,
                s.integrity_findings
                    .iter()
                    .chain(&s.certificate_findings)
                    .chain(s.format_findings.iter().map(|f| &f.finding)),
                &mut failures,
            );
        }
        lines.push_str(&got.to_string());
        lines.push('\n');
    }
    common::write_surface_out("signature", &lines);
    assert!(failures.is_empty(), "{failures}");
    eprintln!("{} signature cases", cases.len());
}
