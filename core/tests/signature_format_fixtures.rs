//! The Decree 30 profile on the project's signed fixtures (`motcua-forge`, spec/signature/fixtures.md):
//! the PDF-side facts are gathered from each file by the reader, and the checklist rows found
//! must be exactly the rows `fixtures.json` expects (`format_findings`, "row N").
//!
//! The changes after each signature come from the change-detection stage
//! (`signature::changes::analyse`), the signing times and timestamps from the integrity stage
//! (`signature::integrity::check_document`). The certificate stage is not part of this test, so
//! the signer class comes from the test-CA profile that signed (the certificate stage classifies
//! the real subject).
//! Fixtures whose signatures fail and which record no format expectation (integrity and
//! change attacks: the format is moot there) are only gathered, not compared; detached `.p7s`
//! files have no PDF facts.

use std::collections::BTreeSet;

use motcua_core::signature::changes::analyse;
use motcua_core::signature::format::{check, gather, Decree30Options, Decree30Role, SignerClass};
use motcua_core::signature::integrity::check_document;
use motcua_core::signature::pdf::Document;

fn class(profile: &str) -> SignerClass {
    if profile.starts_with("organisation") {
        SignerClass::Organisation
    } else {
        SignerClass::Person
    }
}

/// "signature-format.md §5 row 12: …" → 12.
fn row(expectation: &str) -> u8 {
    expectation
        .split("row ")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no row in {expectation:?}"))
}

#[test]
fn the_decree30_rows_found_are_the_rows_the_fixtures_expect() {
    let fixtures = motcua_forge::fixtures().expect("fixtures generate");
    let mut compared = 0;
    let mut failures = Vec::new();
    for f in fixtures.iter().filter(|f| f.kind == "pdf") {
        let doc = Document::parse(&f.bytes).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        let mut facts = gather(&doc).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        let expected_signers: Vec<&str> = f
            .expect
            .signatures
            .iter()
            .map(|s| s.signer)
            .filter(|s| *s != "tsa")
            .collect();
        assert_eq!(
            facts.signatures.len(),
            expected_signers.len(),
            "{}: signatures gathered",
            f.file
        );
        if f.expect.indication == "TOTAL_FAILED" && f.expect.format_findings.is_empty() {
            continue;
        }
        for (s, signer) in facts.signatures.iter_mut().zip(&expected_signers) {
            s.signer_class = class(signer);
        }
        facts.set_integrity(&check_document(&doc).unwrap_or_else(|e| panic!("{}: {e}", f.file)));
        assert!(
            facts.signatures.iter().all(|s| s.has_timestamp.is_some()),
            "{}: the integrity stage judges every signature's timestamps",
            f.file
        );
        facts.set_changes(&analyse(&doc).unwrap_or_else(|e| panic!("{}: {e}", f.file)));
        assert!(
            facts.signatures.iter().all(|s| s.later_changes.is_some()),
            "{}: the change stage reports every signature",
            f.file
        );
        let role = match f.expect.decree30_role {
            "attachment" => Decree30Role::Attachment,
            "copy" => Decree30Role::Copy,
            _ => Decree30Role::Document,
        };
        let report = check(
            &facts,
            &Decree30Options {
                role,
                info_line: false,
            },
        );
        let found: BTreeSet<u8> = report.findings.iter().map(|x| x.row).collect();
        let expected: BTreeSet<u8> = f.expect.format_findings.iter().map(|e| row(e)).collect();
        if found != expected {
            let codes: Vec<&str> = report
                .findings
                .iter()
                .map(|x| x.finding.code.as_str())
                .collect();
            failures.push(format!(
                "{}: rows {found:?} ({codes:?}), expected {expected:?}",
                f.file
            ));
        }
        compared += 1;
    }
    assert!(failures.is_empty(), "{failures:#?}");
    eprintln!("{compared} fixtures compared");
    // 11 single-signature files, 3 issued documents with two signatures, 4 attachments and
    // copies, the DocMDP and annotation files: most of the set is compared.
    assert!(compared >= 25, "only {compared} fixtures compared");
}
