//! The integrity stage over every PDF and CMS file of `../shared/corpus` (other projects' signed
//! test files, never copied here) when that folder exists, against the `expect` column of its
//! MANIFEST.tsv (corpus README: the verdict is about integrity and what the signatures cover).
//!
//! - `intact`, `modified`: every signature and every timestamp token holds (a `modified` file
//!   was changed after signing by later revisions, which the change-detection stage judges);
//! - `invalid-signature`, `invalid-digest`: some signature or timestamp does not hold;
//! - `mixed`: some hold and some do not;
//! - `broken-structure`: the file is refused, or some signature does not hold;
//! - `unsigned`: no signature holds (an unsigned placeholder is `cms.empty`).
//!
//! Where this checker knowingly disagrees with the source project, the file is listed in
//! `DISAGREEMENTS` with the reason, each written down in spec/signature/integrity.md; a listed
//! file that starts to agree fails the test, so the list stays true.

use motcua_core::signature::integrity::{
    check_cms, check_document, SignatureIntegrity, SignedKind,
};
use motcua_core::signature::pdf::Document;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::{Corpus, Entry};

/// Files where the verdict differs from the source's, and why (integrity.md §7).
const DISAGREEMENTS: &[(&str, &str)] = &[
    (
        "pdf/dss__TeleSec_PKS_eIDAS_QES_CA_1-baseline-b.pdf",
        "brainpool key: undetermined",
    ),
    (
        "pdf/pyhanko__ed448-shake256-nolen.pdf",
        "Ed448: undetermined",
    ),
    (
        "pdf/itext__sample-ed25519-sha512.pdf",
        "Ed25519: undetermined",
    ),
    (
        "pdf/itext__sample-ed448-shake256.pdf",
        "Ed448: undetermined",
    ),
    (
        "pdf/itext__sample-nistp256-sha3_256.pdf",
        "SHA3-256: undetermined",
    ),
    (
        "pdf/itext__sample-brainpoolP384r1-sha384.pdf",
        "brainpool key: undetermined",
    ),
    (
        "pdf/itext__sample-brainpoolP384r1-sha3_384.pdf",
        "SHA3-384: undetermined",
    ),
    (
        "pdf/itext__sample-rsa-sha3_256.pdf",
        "SHA3-256: undetermined",
    ),
    (
        "pdf/itext__sample-pss-sha3_256.pdf",
        "SHA3-256: undetermined",
    ),
    (
        "cms/dss__CAdES-BpB-att-SHA256-SHA3_256withRSAandMGF1.p7m",
        "SHA3-256: undetermined",
    ),
    (
        "cms/dss__CAdES-BpB-att-SHA3_256-SHA3_256withRSA.p7m",
        "SHA3-256: undetermined",
    ),
    (
        "cms/dss__CAdES-BpB-att-SHA3_512-SHA3_512withRSA.p7m",
        "SHA3-512: undetermined",
    ),
    (
        "cms/dss__BER_reordered_prova.txt.p7m",
        "signed attributes not in DER order: RFC 5652 §5.3 (OpenSSL agrees)",
    ),
    (
        "cms/dss__DER_reordered_prova.txt.p7m",
        "signed attributes not in DER order: RFC 5652 §5.3 (OpenSSL agrees)",
    ),
    (
        "pdf/dss__pdf-spoofing-attack.pdf",
        "Sig2 copies Sig1's /ByteRange: its gap is not its own /Contents, so it is broken",
    ),
];

/// Detached CMS files and the content they sign (MANIFEST notes).
const DETACHED: &[(&str, &[u8])] = &[
    ("cms/dss__cades-detached.pkcs7", b"Hello World"),
    ("cms/dss__cades-bes-signeddata-detached.p7s", b"Hello World"),
    ("cms/dss__cades-tstv2-detached.p7s", b"aaa"),
];

/// (signatures and timestamp tokens that hold, those that do not, the reasons).
fn tally(results: &[SignatureIntegrity]) -> (usize, usize, Vec<String>) {
    let mut good = 0;
    let mut bad = 0;
    let mut why = Vec::new();
    for r in results {
        let name = r.field.as_deref().unwrap_or("cms");
        let tokens = r.timestamps.iter().map(|t| (&t.integrity, " timestamp"));
        // A document timestamp's token is the signature itself.
        let skip = usize::from(r.kind == SignedKind::DocumentTimestamp);
        for (integrity, what) in std::iter::once((&r.integrity, "")).chain(tokens.skip(skip)) {
            match integrity.code() {
                None => good += 1,
                Some(c) => {
                    bad += 1;
                    why.push(format!("{name}{what}: {c}"));
                }
            }
        }
    }
    (good, bad, why)
}

#[test]
fn corpus_integrity_matches_the_manifest() {
    let Some(corpus) = Corpus::open() else {
        return;
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    for Entry { file, expect, .. } in corpus.entries() {
        if !(file.starts_with("pdf/") || file.starts_with("cms/")) {
            continue;
        }
        let Ok(bytes) = corpus.read(file) else {
            failures.push(format!("{file}: unreadable"));
            continue;
        };
        checked += 1;
        let results = if file.starts_with("pdf/") {
            match Document::parse(&bytes).and_then(|d| check_document(&d)) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{file} [{expect}]: refused: {e}");
                    if expect != "broken-structure" {
                        failures.push(format!("{file}: refused ({e}), expected {expect}"));
                    }
                    continue;
                }
            }
        } else {
            let content = DETACHED.iter().find(|(f, _)| *f == file).map(|(_, c)| *c);
            check_cms(&bytes, content)
        };
        let (good, bad, why) = tally(&results);
        eprintln!("{file} [{expect}]: {good} hold, {bad} do not {why:?}");
        let agrees = match expect {
            "intact" | "modified" => bad == 0 && good > 0,
            "invalid-signature" | "invalid-digest" | "broken-structure" => bad > 0,
            "mixed" => bad > 0 && good > 0,
            "unsigned" => good == 0,
            _ => true,
        };
        let listed = DISAGREEMENTS.iter().any(|(f, _)| *f == file);
        if agrees == listed {
            failures.push(format!(
                "{file}: expected {expect}, {good} hold and {bad} do not {why:?}{}",
                if listed {
                    " (listed as a disagreement)"
                } else {
                    ""
                }
            ));
        }
    }
    eprintln!("checked {checked} corpus files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
