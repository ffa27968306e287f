//! The integrity stage over every fixture of the project's generator (`motcua-forge`, built in
//! memory; spec/signature/fixtures.md): each signature's integrity must be the one
//! `fixtures.json` expects, for the reason its sub-indication names, with the algorithms,
//! timestamps and findings the fixture was made with.

use motcua_core::signature::integrity::{check_cms, check_document, Integrity, SignedKind};
use motcua_core::signature::pdf::Document;
use motcua_core::signature::report::{
    signature_indication, CertificateVerdict, ChangesVerdict, Stages,
};

/// The JSON string of an enum that serializes as one string.
fn json<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn reason(i: &Integrity) -> &str {
    i.code().unwrap_or("")
}

#[test]
fn every_forge_fixture_has_the_expected_integrity() {
    let set = motcua_forge::fixtures::generate().expect("fixtures");
    let mut failures = Vec::new();
    let mut checked = 0;
    for f in &set.fixtures {
        let results = if f.kind == "pdf" {
            let doc = Document::parse(&f.bytes).unwrap_or_else(|e| panic!("{}: {e}", f.file));
            check_document(&doc).unwrap_or_else(|e| panic!("{}: {e}", f.file))
        } else {
            let name = f.content.expect("a .p7s names its content");
            let data = &set
                .data
                .iter()
                .find(|(n, _)| *n == name)
                .expect("content file")
                .1;
            check_cms(&f.bytes, Some(data))
        };
        if results.len() != f.expect.signatures.len() {
            failures.push(format!(
                "{}: {} signatures, expected {}",
                f.file,
                results.len(),
                f.expect.signatures.len()
            ));
            continue;
        }
        for (i, (got, want)) in results.iter().zip(&f.expect.signatures).enumerate() {
            checked += 1;
            let label = format!("{} #{i}", f.file);
            eprintln!(
                "{label}: {} {:?} {:?} ts={} findings={:?}",
                got.integrity.code().unwrap_or("intact"),
                got.signature_algorithm.map(|a| a.name()),
                got.signing_time.map(|t| t.rfc3339()),
                got.timestamps.len(),
                got.findings
                    .iter()
                    .map(|f| f.code.as_str())
                    .collect::<Vec<_>>()
            );
            let intact = got.integrity.is_intact();
            if intact != (want.integrity == "intact") {
                failures.push(format!(
                    "{label}: integrity {:?}, expected {}",
                    got.integrity, want.integrity
                ));
                continue;
            }
            // The reason matches the sub-indication the fixture names (EN 319 102-1).
            let why = reason(&got.integrity);
            match want.sub_indication {
                Some("HASH_FAILURE") if why != "cms.digest_mismatch" => {
                    failures.push(format!("{label}: HASH_FAILURE expected, got {why}"));
                }
                Some("FORMAT_FAILURE")
                    if !(why.starts_with("byte_range.")
                        || why == "cms.empty"
                        || why == "cms.malformed") =>
                {
                    failures.push(format!("{label}: FORMAT_FAILURE expected, got {why}"));
                }
                _ => {}
            }
            // The report's indication from this stage's verdicts, the certificate and change
            // stages taken as passed: the sub-indications this stage decides must be the
            // fixture's.
            let (indication, sub) = signature_indication(&Stages {
                integrity: got.integrity_verdict(),
                crypto: got.crypto_verdict(),
                certificate: CertificateVerdict::Valid,
                changes: ChangesVerdict::None,
            });
            let (indication, sub) = (json(indication), sub.map(json));
            let decided_here = match want.sub_indication {
                Some("HASH_FAILURE" | "FORMAT_FAILURE") => true,
                Some("CRYPTO_CONSTRAINTS_FAILURE_NO_POE") => !f.file.starts_with("cert_"),
                None => {
                    want.indication == "TOTAL_PASSED" || want.modified_after_signing == "disallowed"
                }
                _ => false,
            };
            if decided_here {
                let want_indication = if want.modified_after_signing == "disallowed" {
                    "TOTAL_PASSED"
                } else {
                    want.indication
                };
                if indication != want_indication || sub.as_deref() != want.sub_indication {
                    failures.push(format!(
                        "{label}: this stage gives {indication} {sub:?}, expected {} {:?}",
                        want.indication, want.sub_indication
                    ));
                }
            }
            if !intact {
                continue;
            }
            // What the fixture was made with.
            let file = f.file.as_str();
            let alg = got
                .signature_algorithm
                .map(|a| a.name())
                .or_else(|| got.digest_algorithm.map(|d| d.name().to_owned()))
                .unwrap_or_default();
            let family_ok = if got.kind == SignedKind::DocumentTimestamp {
                alg == "SHA-256"
            } else if file.contains("pss") {
                alg.starts_with("RSA-PSS")
            } else {
                match want.signer {
                    "person" | "organisation" | "rsa1024" => alg.starts_with("RSA PKCS#1 v1.5"),
                    "person-p256" | "organisation-p384" => alg.starts_with("ECDSA"),
                    _ => !alg.is_empty(),
                }
            };
            let digest_ok = ["sha1", "sha256", "sha384", "sha512"]
                .iter()
                .filter(|d| file.contains(*d) && !file.starts_with("cert_"))
                .all(|d| alg.replace('-', "").to_lowercase().ends_with(d));
            if !family_ok || !digest_ok {
                failures.push(format!("{label}: algorithm {alg}"));
            }
            let sha1 = got.findings.iter().any(|x| x.code == "crypto.sha1");
            if sha1 != file.contains("sha1.") && !file.starts_with("cert_sha1") {
                failures.push(format!("{label}: crypto.sha1 finding is {sha1}"));
            }
            if got.kind == SignedKind::PdfSignature {
                let cov = got
                    .coverage
                    .as_ref()
                    .expect("an intact PDF signature has coverage");
                let whole = i + 1 == results.len()
                    && f.expect.signatures[i].modified_after_signing == "none";
                if whole && !cov.whole_file {
                    failures.push(format!("{label}: does not cover the whole file"));
                }
                if got.signer_certificate.is_none() || got.certificates.len() < 2 {
                    failures.push(format!("{label}: signer certificate or chain missing"));
                }
            }
            // Timestamps: every intact one holds, at the times the generator used.
            for ts in &got.timestamps {
                let at = ts.gen_time.map(|t| t.rfc3339()).unwrap_or_default();
                let expected_at = if got.kind == SignedKind::DocumentTimestamp {
                    "2026-03-05T03:00:00Z"
                } else {
                    "2026-03-05T02:30:20Z"
                };
                if !ts.integrity.is_intact() || at != expected_at || ts.tsa_certificate.is_none() {
                    failures.push(format!("{label}: timestamp {:?} at {at}", ts.integrity));
                }
            }
        }
    }
    eprintln!(
        "checked {checked} signatures of {} fixtures",
        set.fixtures.len()
    );
    let expected: usize = set.fixtures.iter().map(|f| f.expect.signatures.len()).sum();
    assert_eq!(checked, expected, "every expected signature is checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The CMS fuzz target's seeds (`fuzz/seeds/cms_parser/`, written by the generator) are intact
/// signatures of the generator's `document.txt`, so that short fuzz runs start from valid input.
#[test]
fn cms_fuzz_seeds_are_intact_signatures() {
    let set = motcua_forge::fixtures::generate().expect("fixtures");
    let document = &set
        .data
        .iter()
        .find(|(n, _)| *n == motcua_forge::fixtures::DOCUMENT)
        .expect("document.txt")
        .1;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/seeds/cms_parser");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("seeds") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("seed");
        let results = check_cms(&bytes, Some(document));
        assert!(
            results.iter().all(|r| r.integrity.is_intact()),
            "{}: {:?}",
            path.display(),
            results.iter().map(|r| &r.integrity).collect::<Vec<_>>()
        );
        seen += 1;
    }
    assert!(seen >= 3);
}
