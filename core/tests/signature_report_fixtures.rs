//! The report's aggregation on the project's signed fixtures (`motcua-forge`,
//! spec/signature/fixtures.md), with the stages that exist: integrity and CMS
//! (`signature::integrity::check_document`) and changes after signing
//! (`signature::changes::analyse`). The certificate stage is not run, so:
//!
//! - every expectation decided before the certificate (integrity broken, a disallowed change,
//!   SHA-1) must come out exactly, indication and sub-indication;
//! - every other signature must come out `INDETERMINATE` — never `TOTAL_PASSED` without the
//!   certificate — and exactly the expected indication once the certificate verdict the fixture
//!   implies is supplied (`Valid` for the good profiles, the failing one for the bad profiles).

use motcua_core::signature::changes::analyse;
use motcua_core::signature::integrity::check_document;
use motcua_core::signature::pdf::Document;
use motcua_core::signature::report::{
    integrity_findings, signature_indication, CertificateVerdict, ChangesVerdict, CryptoVerdict,
    EntryKind, Indication, Integrity, SignatureInput, SignatureReport, SignatureResult, Stages,
    SubIndication,
};

#[path = "common/signing_order.rs"]
mod signing_order;
use signing_order::signing_order;

fn indication(s: &str) -> Indication {
    match s {
        "TOTAL_PASSED" => Indication::TotalPassed,
        "TOTAL_FAILED" => Indication::TotalFailed,
        _ => Indication::Indeterminate,
    }
}

fn sub(s: Option<&str>) -> Option<SubIndication> {
    s.map(|s| {
        serde_json::from_value(serde_json::Value::String(s.to_owned())).expect("a sub-indication")
    })
}

/// The certificate verdict a fixture's signer profile implies (spec/signature/fixtures.md), given
/// what the integrity stage already found (`crypto`): a weak algorithm the signature itself uses
/// is the CMS stage's, a weak key or certificate signature the certificate stage's.
fn certificate(expected_sub: Option<SubIndication>, crypto: CryptoVerdict) -> CertificateVerdict {
    match expected_sub {
        Some(SubIndication::CryptoConstraintsFailureNoPoe)
            if crypto != CryptoVerdict::CryptoConstraintsNoPoe =>
        {
            CertificateVerdict::CryptoConstraintsNoPoe
        }
        Some(SubIndication::Expired) => CertificateVerdict::Expired,
        Some(SubIndication::NotYetValid) => CertificateVerdict::NotYetValid,
        Some(SubIndication::ChainConstraintsFailure) => CertificateVerdict::ChainConstraints,
        _ => CertificateVerdict::Valid,
    }
}

#[test]
fn the_report_gives_the_fixtures_verdicts() {
    let fixtures = motcua_forge::fixtures().expect("fixtures generate");
    let mut failures = Vec::new();
    let mut checked = 0;
    for f in fixtures.iter().filter(|f| f.kind == "pdf") {
        let doc = Document::parse(&f.bytes).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        let integrity = check_document(&doc).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        let changes = analyse(&doc).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        let order = signing_order(&doc);
        assert_eq!(order.len(), f.expect.signatures.len(), "{}", f.file);
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
            let (integrity_verdict, crypto) = (i.integrity_verdict(), i.crypto_verdict());
            let stages = |certificate| Stages {
                integrity: integrity_verdict,
                crypto,
                certificate,
                changes: ChangesVerdict::from(c),
            };
            let want_indication = indication(want.indication);
            let want_sub = sub(want.sub_indication);
            let without = signature_indication(&stages(CertificateVerdict::NotChecked));
            let with = signature_indication(&stages(certificate(want_sub, crypto)));
            let decided_before_certificate = matches!(
                want_sub,
                Some(
                    SubIndication::FormatFailure
                        | SubIndication::HashFailure
                        | SubIndication::SigCryptoFailure
                )
            ) || want.modified_after_signing == "disallowed"
                || crypto == CryptoVerdict::CryptoConstraintsNoPoe;
            let ok_without = if decided_before_certificate {
                without == (want_indication, want_sub)
            } else {
                without == (Indication::Indeterminate, None)
            };
            if !ok_without || with != (want_indication, want_sub) {
                failures.push(format!(
                    "{} {field}: without certificate {without:?}, with {with:?}; expected {want_indication:?} {want_sub:?}",
                    f.file
                ));
            }
            let kind = if want.signer == "tsa" {
                EntryKind::DocumentTimestamp
            } else {
                EntryKind::Signature
            };
            let r = SignatureResult::new(SignatureInput {
                field: field.clone(),
                kind,
                stages: stages(certificate(want_sub, crypto)),
                signer: None,
                signing_time: None,
                integrity_findings: integrity_findings(i),
                certificate_findings: Vec::new(),
            });
            let integrity_word = match r.integrity {
                Some(Integrity::Intact) => "intact",
                Some(Integrity::Broken) => "broken",
                None => "not checked",
            };
            let modified = r
                .modified_after_signing
                .as_ref()
                .map(|m| serde_json::to_value(m.status).expect("json"));
            if integrity_word != want.integrity
                || modified != Some(serde_json::Value::from(want.modified_after_signing))
            {
                failures.push(format!(
                    "{} {field}: integrity {integrity_word}, modified {modified:?}; expected {} {}",
                    f.file, want.integrity, want.modified_after_signing
                ));
            }
            if integrity_word == "broken" && r.integrity_findings.is_empty() {
                failures.push(format!("{} {field}: broken without a reason", f.file));
            }
            results.push(r);
            checked += 1;
        }
        let report = SignatureReport::new(results, None);
        if report.indication != indication(f.expect.indication) {
            failures.push(format!(
                "{}: document {:?}, expected {}",
                f.file, report.indication, f.expect.indication
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(checked >= 40, "only {checked} signatures checked");
}
