//! `signature::verify` over every PDF and CMS file of `../shared/corpus` (other projects' signed
//! test files, never copied here) when that folder exists, against the `expect` column of its
//! MANIFEST.tsv (corpus README). Readings and every difference: spec/signature/corpus.md.
//!
//! The corpus says nothing of trust ("certificate trust, revocation and signature-policy outcomes
//! are out of scope"), so each file is verified twice:
//!
//! 1. **Trusting what the file carries**: every self-issued certificate embedded in its CMS
//!    objects is a trust anchor, at the validation time of its latest claimed or timestamped
//!    signing time. This is the most a forger can get from a careless verifier, so it is the
//!    setting of the release blocker: a file expected `modified`, `invalid-signature`,
//!    `invalid-digest`, `broken-structure`, `unsigned` or `mixed` must never be `TOTAL_PASSED`.
//! 2. For the expectation itself: `intact` files have no signature with broken integrity and no
//!    disallowed change; `modified` files have a disallowed change (or are refused);
//!    `invalid-*` and `broken-structure` files are refused or have a broken signature; `mixed`
//!    files have a failing and an intact signature; `unsigned` files are refused or
//!    `signature.unsigned`/broken. Files where motcua knowingly differs are in [`DIFFERENCES`],
//!    each explained in corpus.md; a listed file that starts to agree fails the test.

use motcua_core::signature::certificate::Certificate;
use motcua_core::signature::changes::Modification;
use motcua_core::signature::integrity::{check_cms, check_document, SignatureIntegrity};
use motcua_core::signature::pdf::Document;
use motcua_core::signature::report::{Indication, Integrity, SignatureReport};
use motcua_core::signature::verify::{verify, verify_detached, VerifyOptions};

#[path = "common/corpus.rs"]
mod corpus;
use corpus::{Corpus, Entry};

/// Files whose verdict differs from the source project's expectation (corpus.md).
const DIFFERENCES: &[(&str, &str)] = &[
    (
        "pdf/dss__dss-2236_hide.pdf",
        "modified: the change stage refuses a stream whose /Length is wrong; not checked, INDETERMINATE",
    ),
    (
        "pdf/dss__pades-unsupported-signature-algorithm.pdf",
        "invalid-signature: a curve OID as signature algorithm is unsupported; INDETERMINATE",
    ),
    (
        "pdf/dss__Signature-P-HU_NET-2.pdf",
        "invalid-signature: a signature-algorithm OID as digest algorithm is unsupported; INDETERMINATE",
    ),
    (
        "pdf/dss__wrong-digest-algo.pdf",
        "invalid-signature: as above for its first signature; INDETERMINATE",
    ),
    (
        "pdf/dss__TeleSec_PKS_eIDAS_QES_CA_1-baseline-b.pdf",
        "intact: brainpool key unsupported; INDETERMINATE",
    ),
    ("pdf/itext__sample-ed25519-sha512.pdf", "intact: Ed25519 unsupported; INDETERMINATE"),
    (
        "pdf/itext__sample-brainpoolP384r1-sha384.pdf",
        "intact: brainpool key unsupported; INDETERMINATE",
    ),
    (
        "cms/dss__CAdES-BpB-att-SHA256-SHA3_256withRSAandMGF1.p7m",
        "intact: SHA3-256 unsupported; INDETERMINATE",
    ),
    ("pdf/pyhanko__ed448-shake256-nolen.pdf", "intact: Ed448 unsupported; INDETERMINATE"),
    ("pdf/itext__sample-ed448-shake256.pdf", "intact: Ed448 unsupported; INDETERMINATE"),
    ("pdf/itext__sample-nistp256-sha3_256.pdf", "intact: SHA3-256 unsupported; INDETERMINATE"),
    ("pdf/itext__sample-brainpoolP384r1-sha3_384.pdf", "intact: SHA3-384 unsupported; INDETERMINATE"),
    ("pdf/itext__sample-rsa-sha3_256.pdf", "intact: SHA3-256 unsupported; INDETERMINATE"),
    ("pdf/itext__sample-pss-sha3_256.pdf", "intact: SHA3-256 unsupported; INDETERMINATE"),
    ("cms/dss__CAdES-BpB-att-SHA3_256-SHA3_256withRSA.p7m", "intact: SHA3-256 unsupported; INDETERMINATE"),
    ("cms/dss__CAdES-BpB-att-SHA3_512-SHA3_512withRSA.p7m", "intact: SHA3-512 unsupported; INDETERMINATE"),
    (
        "cms/dss__BER_reordered_prova.txt.p7m",
        "intact: signed attributes not in DER order (RFC 5652 §5.3); TOTAL_FAILED/FORMAT_FAILURE",
    ),
    (
        "cms/dss__DER_reordered_prova.txt.p7m",
        "intact: signed attributes not in DER order (RFC 5652 §5.3); TOTAL_FAILED/FORMAT_FAILURE",
    ),
    (
        "pdf/pyhanko__form-update-no-override-appearance-stream-ap-indirect-sneaky.pdf",
        "modified: nothing any revision showed changes (changes.md); allowed",
    ),
    (
        "pdf/pyhanko__form-update-ap-indirect-sneaky-trailer.pdf",
        "modified: as above; allowed",
    ),
];

/// Detached CMS files and the content they sign (corpus README).
const DETACHED: &[(&str, &[u8])] = &[
    ("cms/dss__cades-detached.pkcs7", b"Hello World"),
    ("cms/dss__cades-bes-signeddata-detached.p7s", b"Hello World"),
    ("cms/dss__cades-tstv2-detached.p7s", b"aaa"),
];

/// The integrity results of a file, to find the certificates it carries and its times.
fn integrity(bytes: &[u8], content: Option<&[u8]>, pdf: bool) -> Vec<SignatureIntegrity> {
    if pdf {
        Document::parse(bytes)
            .and_then(|d| check_document(&d))
            .unwrap_or_default()
    } else {
        check_cms(bytes, content)
    }
}

/// Options that trust every self-issued certificate the file carries, at its latest signing
/// time (or 2020-01-01 when it states none).
fn generous(results: &[SignatureIntegrity]) -> VerifyOptions {
    let mut time = None;
    let mut o = VerifyOptions::new(0);
    for r in results {
        let times = r
            .signing_time
            .iter()
            .chain(r.timestamps.iter().filter_map(|t| t.gen_time.as_ref()))
            .map(|t| t.unix_seconds);
        time = times.chain(time).max();
        let ders = r
            .certificates
            .iter()
            .chain(r.timestamps.iter().flat_map(|t| &t.certificates));
        for der in ders {
            if let Ok(c) = Certificate::from_der(der) {
                if c.is_self_issued() && !o.trust_anchors.iter().any(|a| a.der() == c.der()) {
                    o.trust_anchors.push(c);
                }
            }
        }
    }
    o.validation_time = time.unwrap_or(1_577_836_800);
    o
}

fn summary(r: &SignatureReport) -> String {
    let sigs: Vec<String> = r
        .signatures
        .iter()
        .map(|s| {
            format!(
                "{}:{:?}/{:?}/{:?}/{:?}",
                s.field,
                s.indication,
                s.sub_indication,
                s.integrity,
                s.modified_after_signing.as_ref().map(|m| m.status)
            )
        })
        .collect();
    format!("{:?} {sigs:?}", r.indication)
}

#[test]
fn corpus_verdicts_match_the_manifest_and_no_bad_file_passes() {
    let Some(corpus) = Corpus::open() else {
        return;
    };
    let mut blockers = Vec::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for Entry { file, expect, .. } in corpus.entries() {
        let pdf = file.starts_with("pdf/");
        if !(pdf || file.starts_with("cms/")) {
            continue;
        }
        let Ok(bytes) = corpus.read(file) else {
            failures.push(format!("{file}: unreadable"));
            continue;
        };
        checked += 1;
        let content = DETACHED.iter().find(|(f, _)| *f == file).map(|(_, c)| *c);
        let options = generous(&integrity(&bytes, content, pdf));
        let report = match content {
            Some(c) => verify_detached(&bytes, c, &options),
            None => verify(&bytes, &options),
        };
        let report = match report {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{file} [{expect}]: refused: {e}");
                let agrees = matches!(expect, "broken-structure" | "unsigned" | "modified");
                let listed = DIFFERENCES.iter().any(|(f, _)| *f == file);
                if agrees == listed {
                    failures.push(format!("{file}: refused ({e}), expected {expect}"));
                }
                continue;
            }
        };
        eprintln!("{file} [{expect}]: {}", summary(&report));
        let passed = report.indication == Indication::TotalPassed;
        if passed && expect != "intact" {
            blockers.push(format!("{file}: TOTAL_PASSED, expected {expect}"));
        }
        let broken = report
            .signatures
            .iter()
            .filter(|s| s.integrity == Some(Integrity::Broken))
            .count();
        let disallowed = report.signatures.iter().any(|s| {
            s.modified_after_signing
                .as_ref()
                .is_some_and(|m| m.status == Modification::Disallowed)
        });
        let failed = report
            .signatures
            .iter()
            .filter(|s| s.indication == Indication::TotalFailed)
            .count();
        let intact = report
            .signatures
            .iter()
            .filter(|s| s.integrity == Some(Integrity::Intact))
            .count();
        // A component that fails without failing the signature: a signature timestamp that does
        // not hold (its reason at /timestamps).
        let part_fails = report.signatures.iter().any(|s| {
            s.integrity_findings
                .iter()
                .any(|f| f.path == "/timestamps" && f.severity == motcua_core::Severity::Error)
        });
        let agrees = match expect {
            "intact" => broken == 0 && !disallowed && intact > 0,
            "modified" => disallowed,
            "invalid-signature" | "invalid-digest" | "broken-structure" => broken > 0 || failed > 0,
            "mixed" => (broken > 0 || failed > 0 || part_fails) && intact > 0,
            "unsigned" => report.indication == Indication::TotalFailed && intact == 0,
            _ => true,
        };
        let listed = DIFFERENCES.iter().any(|(f, _)| *f == file);
        if agrees == listed {
            failures.push(format!(
                "{file}: expected {expect}, got {}{}",
                summary(&report),
                if listed {
                    " (listed as a difference)"
                } else {
                    ""
                }
            ));
        }
    }
    eprintln!("checked {checked} corpus files");
    assert!(
        blockers.is_empty(),
        "RELEASE BLOCKER:\n{}",
        blockers.join("\n")
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
