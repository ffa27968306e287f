//! Every stage together on the project's signed fixtures (`motcua-forge`,
//! spec/signature/fixtures.md), trusting the test root only at the fixtures' validation time:
//! integrity and CMS (`integrity::check_document`), changes after signing (`changes::analyse`),
//! certificates (`certificate::check`), the report's aggregation, and the Decree 30 profile with
//! the signer classes the certificate stage gives. Each signature's indication and
//! sub-indication, each document's indication and each document's Decree 30 rows must be
//! exactly those `fixtures.json` expects.

use std::collections::BTreeSet;

use motcua_core::signature::certificate::{self, Certificate, Purpose, Times};
use motcua_core::signature::changes::analyse;
use motcua_core::signature::format::{check, gather, Decree30Options, Decree30Role, SigningTimes};
use motcua_core::signature::integrity::{check_document, SignedKind};
use motcua_core::signature::pdf::Document;
use motcua_core::signature::report::{
    integrity_findings, CertificateVerdict, ChangesVerdict, EntryKind, Indication, SignatureInput,
    SignatureReport, SignatureResult, SigningTime, Stages,
};
use motcua_core::Date;

#[path = "common/signing_order.rs"]
mod signing_order;
use signing_order::signing_order;

/// The fixtures' validation time, 2026-03-05T02:30:15Z (fixtures.json `validation_time`).
fn validation() -> i64 {
    Date::new(2026, 3, 5).expect("date").to_days() * 86_400 + 2 * 3600 + 30 * 60 + 15
}

#[test]
fn every_stage_together_gives_the_fixtures_verdicts() {
    let set = motcua_forge::fixtures::generate().expect("fixtures generate");
    let root = Certificate::from_der(&set.ca.root.der).expect("root");
    let mut failures = Vec::new();
    let mut checked = 0;
    for f in set.fixtures.iter().filter(|f| f.kind == "pdf") {
        let doc = Document::parse(&f.bytes).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        let integrity = check_document(&doc).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        let changes = analyse(&doc).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        let mut facts = gather(&doc).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        facts.set_integrity(&integrity);
        facts.set_changes(&changes);
        let order = signing_order(&doc);
        let mut results = Vec::new();
        for ((_, field), want) in order.iter().zip(&f.expect.signatures) {
            let i = integrity
                .iter()
                .find(|i| i.field.as_deref() == Some(field.as_str()))
                .unwrap_or_else(|| panic!("{}: {field} has no integrity result", f.file));
            let c = changes
                .iter()
                .find(|c| c.field == *field)
                .unwrap_or_else(|| panic!("{}: {field} has no change result", f.file));
            let timestamp = i.kind == SignedKind::DocumentTimestamp;
            let times = facts
                .signatures
                .iter()
                .find(|s| s.field == *field)
                .map(|s| s.times.clone())
                .unwrap_or_else(SigningTimes::default);
            let (certificate, signer, certificate_findings) = match &i.signer_certificate {
                Some(der) => {
                    let signer = Certificate::from_der(der).expect("signer certificate");
                    let embedded: Vec<Certificate> = i
                        .certificates
                        .iter()
                        .filter_map(|d| Certificate::from_der(d).ok())
                        .collect();
                    let mut t = Times::from_signing_times(&times, validation());
                    if timestamp {
                        // A document timestamp's time is its own genTime.
                        t.proven = i
                            .timestamps
                            .first()
                            .and_then(|t| t.gen_time)
                            .map(|g| g.unix_seconds);
                    }
                    let r = certificate::check(&certificate::Input {
                        signer: &signer,
                        embedded: &embedded,
                        intermediates: &[],
                        trust_anchors: std::slice::from_ref(&root),
                        crls: &[],
                        ocsp: &[],
                        times: t,
                        purpose: if timestamp {
                            Purpose::Timestamping
                        } else {
                            Purpose::DocumentSigning
                        },
                    })
                    .unwrap_or_else(|e| panic!("{}: {e}", f.file));
                    (
                        CertificateVerdict::from(&r),
                        Some(r.report_signer()),
                        r.findings,
                    )
                }
                None => (CertificateVerdict::NotChecked, None, Vec::new()),
            };
            if let (Some(s), Some(fs)) = (
                &signer,
                facts.signatures.iter_mut().find(|s| s.field == *field),
            ) {
                fs.signer_class = s.class;
                fs.signer_name = s.common_name.clone();
            }
            let r = SignatureResult::new(SignatureInput {
                field: field.clone(),
                kind: if timestamp {
                    EntryKind::DocumentTimestamp
                } else {
                    EntryKind::Signature
                },
                stages: Stages {
                    integrity: i.integrity_verdict(),
                    crypto: i.crypto_verdict(),
                    certificate,
                    changes: ChangesVerdict::from(c),
                },
                signer,
                signing_time: SigningTime::from_times(&times),
                integrity_findings: integrity_findings(i),
                certificate_findings,
            });
            let got = (
                serde_json::to_value(r.indication).expect("json"),
                serde_json::to_value(r.sub_indication).expect("json"),
            );
            let expected = (
                serde_json::Value::from(want.indication),
                serde_json::to_value(want.sub_indication).expect("json"),
            );
            if got != expected {
                failures.push(format!(
                    "{} {field}: {got:?}, expected {expected:?}",
                    f.file
                ));
            }
            checked += 1;
            results.push(r);
        }
        let role = match f.expect.decree30_role {
            "attachment" => Decree30Role::Attachment,
            "copy" => Decree30Role::Copy,
            _ => Decree30Role::Document,
        };
        let format = check(
            &facts,
            &Decree30Options {
                role,
                info_line: false,
            },
        );
        let rows: BTreeSet<u8> = format.findings.iter().map(|x| x.row).collect();
        let report = SignatureReport::new(results, Some(format));
        let want = serde_json::Value::from(f.expect.indication);
        if serde_json::to_value(report.indication).expect("json") != want {
            failures.push(format!(
                "{}: document {:?}, expected {want}",
                f.file, report.indication
            ));
        }
        if report.indication == Indication::TotalPassed || !f.expect.format_findings.is_empty() {
            let expected: BTreeSet<u8> = f
                .expect
                .format_findings
                .iter()
                .filter_map(|e| e.split("row ").nth(1)?.split(':').next()?.parse().ok())
                .collect();
            if rows != expected {
                failures.push(format!(
                    "{}: Decree 30 rows {rows:?}, expected {expected:?}",
                    f.file
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(checked >= 40, "only {checked} signatures checked");
}
