//! `signature::verify` end to end over every fixture of the project's generator (`motcua-forge`,
//! spec/signature/fixtures.md), with the test root as the only trust anchor, the issuing CA as
//! intermediate and the fixtures' validation time: the document indication and, per signature
//! in signing order, the indication, sub-indication, integrity (a broken one with its reason)
//! and `modified_after_signing` must be those `fixtures.json` expects, and under the Decree 30
//! profile with the fixture's role, the checklist rows found must be those expected. Without a
//! trust anchor, what the integrity and change stages decide alone (a broken signature, a
//! disallowed change) must still come out exactly, and nothing else may pass. Then the
//! adversarial property: no signed byte of a passing fixture
//! (anything a signature's byte range covers, up to the end of the last signed revision, but the
//! `/Contents` gaps) can change without the verdict leaving `TOTAL_PASSED`. Bytes of a later
//! revision that makes allowed changes (a form filled under DocMDP P=2) may change while the
//! change stays allowed, so they are left out.

use std::collections::BTreeSet;

use motcua_core::signature::format::{Decree30Options, Decree30Role, Profile};
use motcua_core::signature::report::{Indication, SignatureReport};
use motcua_core::signature::verify::{verify, verify_detached, OptionPart, VerifyOptions};
use motcua_forge::fixtures::{Fixture, FixtureSet};
use proptest::prelude::*;

/// 2026-03-05T02:30:15Z (tests/signature/README.md).
const VALIDATION_TIME: i64 = 1_772_677_815;

fn options(set: &FixtureSet) -> VerifyOptions {
    let mut o = VerifyOptions::new(VALIDATION_TIME);
    o.add_certificates(OptionPart::TrustAnchor, &set.ca.root.der)
        .expect("root");
    o.add_certificates(OptionPart::Intermediate, &set.ca.intermediate.der)
        .expect("intermediate");
    o
}

fn run(set: &FixtureSet, f: &Fixture, bytes: &[u8], o: &VerifyOptions) -> Option<SignatureReport> {
    match f.content {
        Some(name) => {
            let data = &set.data.iter().find(|(n, _)| *n == name).expect("data").1;
            verify_detached(bytes, data, o).ok()
        }
        None => verify(bytes, o).ok(),
    }
}

/// The options with the Decree 30 profile for `f`'s role.
fn decree30(set: &FixtureSet, f: &Fixture) -> VerifyOptions {
    let role = match f.expect.decree30_role {
        "attachment" => Decree30Role::Attachment,
        "copy" => Decree30Role::Copy,
        _ => Decree30Role::Document,
    };
    let mut o = options(set);
    o.profile = Profile::Decree30(Decree30Options {
        role,
        info_line: false,
    });
    o
}

/// The checklist rows (signature-format.md §5) the fixture expects.
fn expected_rows(f: &Fixture) -> BTreeSet<u8> {
    f.expect
        .format_findings
        .iter()
        .filter_map(|e| e.split("row ").nth(1)?.split(':').next()?.parse().ok())
        .collect()
}

fn name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "null".into())
}

#[test]
fn every_forge_fixture_gets_the_expected_verdict() {
    let set = motcua_forge::fixtures::generate().expect("fixtures");
    let o = options(&set);
    let mut failures = Vec::new();
    let mut checked = 0;
    for f in &set.fixtures {
        let Some(r) = run(&set, f, &f.bytes, &o) else {
            failures.push(format!("{}: refused", f.file));
            continue;
        };
        if name(&r.indication) != f.expect.indication {
            failures.push(format!(
                "{}: document {}, expected {}",
                f.file,
                name(&r.indication),
                f.expect.indication
            ));
        }
        if r.signatures.len() != f.expect.signatures.len() {
            failures.push(format!(
                "{}: {} signatures, expected {}",
                f.file,
                r.signatures.len(),
                f.expect.signatures.len()
            ));
            continue;
        }
        for (i, (got, want)) in r.signatures.iter().zip(&f.expect.signatures).enumerate() {
            let got_tuple = (
                name(&got.indication),
                got.sub_indication.map(|s| name(&s)),
                got.integrity.map(|s| name(&s)),
                got.modified_after_signing.as_ref().map(|m| name(&m.status)),
            );
            let want_tuple = (
                want.indication.to_owned(),
                want.sub_indication.map(str::to_owned),
                Some(want.integrity.to_owned()),
                Some(want.modified_after_signing.to_owned()),
            );
            checked += 1;
            if want.integrity == "broken" && got.integrity_findings.is_empty() {
                failures.push(format!("{} #{i}: broken without a reason", f.file));
            }
            if got_tuple != want_tuple {
                let codes: Vec<&str> = got
                    .integrity_findings
                    .iter()
                    .chain(&got.certificate_findings)
                    .map(|f| f.code.as_str())
                    .collect();
                failures.push(format!(
                    "{} #{i} {}: {got_tuple:?}, expected {want_tuple:?} {codes:?}",
                    f.file, got.field
                ));
            }
        }
        // The Decree 30 profile: the rows found are those expected, and the profile never
        // changes an indication (spec/signature/report.md).
        if f.kind != "pdf" {
            continue;
        }
        let Some(d) = run(&set, f, &f.bytes, &decree30(&set, f)) else {
            failures.push(format!("{}: refused under Decree 30", f.file));
            continue;
        };
        let rows: BTreeSet<u8> = d
            .format
            .iter()
            .flat_map(|x| x.findings.iter().map(|g| g.row))
            .chain(
                d.signatures
                    .iter()
                    .flat_map(|s| s.format_findings.iter().map(|g| g.row)),
            )
            .collect();
        let expected = expected_rows(f);
        if (d.indication == Indication::TotalPassed || !expected.is_empty()) && rows != expected {
            failures.push(format!(
                "{}: Decree 30 rows {rows:?}, expected {expected:?}",
                f.file
            ));
        }
        if d.indication != r.indication {
            failures.push(format!("{}: the profile changed the indication", f.file));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 50, "only {checked} signatures checked");
}

/// The revocation policy (spec/signature/certificate.md §Revocation): by default a signature
/// whose certificates' status nothing establishes is INDETERMINATE/TRY_LATER; `accept_unknown`
/// lets it pass with a warning per certificate, and never lets a revoked signer pass.
#[test]
fn missing_revocation_data_is_try_later_unless_the_caller_accepts_it() {
    use motcua_core::signature::certificate::RevocationPolicy;
    use motcua_core::signature::report::SubIndication;
    let set = motcua_forge::fixtures::generate().expect("fixtures");
    let fixture = |file: &str| {
        set.fixtures
            .iter()
            .find(|f| f.file == file)
            .expect("fixture")
    };
    let strict = options(&set);
    let mut lenient = options(&set);
    lenient.revocation = RevocationPolicy::AcceptUnknown;
    for file in [
        "pades_no_revocation_data.pdf",
        "cades_no_revocation_data.p7s",
    ] {
        let f = fixture(file);
        let r = run(&set, f, &f.bytes, &strict).expect("report");
        let s = &r.signatures[0];
        assert_eq!(
            (s.indication, s.sub_indication),
            (Indication::Indeterminate, Some(SubIndication::TryLater)),
            "{file}"
        );
        let codes: Vec<&str> = s
            .certificate_findings
            .iter()
            .map(|f| f.code.as_str())
            .collect();
        assert_eq!(
            codes,
            [
                "certificate.revocation_unknown",
                "certificate.revocation_unknown"
            ],
            "{file}: the signer and the issuing CA"
        );
        let r = run(&set, f, &f.bytes, &lenient).expect("report");
        assert_eq!(r.indication, Indication::TotalPassed, "{file}");
        assert!(r.signatures[0]
            .certificate_findings
            .iter()
            .all(|f| f.code == "certificate.revocation_unknown_accepted"));
    }
    // The caller's CRLs count as the file's would.
    let mut given = options(&set);
    given.add_crls(&set.validation.root_crl).expect("CRL");
    given
        .add_crls(&set.validation.intermediate_crl)
        .expect("CRL");
    let f = fixture("pades_no_revocation_data.pdf");
    let r = run(&set, f, &f.bytes, &given).expect("report");
    assert_eq!(r.indication, Indication::TotalPassed);
    // Revoked stays revoked whatever the policy, from the archival attribute, OCSP or the DSS.
    for file in [
        "pades_revoked_crl.pdf",
        "pades_revoked_ocsp.pdf",
        "pades_dss_revoked.pdf",
    ] {
        let f = fixture(file);
        let r = run(&set, f, &f.bytes, &lenient).expect("report");
        assert_eq!(
            r.signatures[0].sub_indication,
            Some(SubIndication::Revoked),
            "{file}"
        );
    }
    // An OCSP response the DSS carries that cannot be read is reported, not used: the signer's
    // status is then unknown.
    let f = fixture("pades_dss_good.pdf");
    let mut bytes = f.bytes.clone();
    let at = bytes
        .windows(10)
        .rposition(|w| w == b">>\nstream\n")
        .expect("the DSS's last stream, the OCSP response");
    bytes[at + 10] = 0x04;
    let r = run(&set, f, &bytes, &strict).expect("report");
    let s = &r.signatures[0];
    assert_eq!(s.sub_indication, Some(SubIndication::TryLater));
    assert!(s
        .certificate_findings
        .iter()
        .any(|f| f.code == "verify.revocation_data_unreadable"));
}

/// Without a trust anchor the certificate stage cannot pass: what the integrity and change
/// stages decide alone (a broken signature, a disallowed change: EN 319 102-1 §5.3, a failure
/// outranks an indeterminate step) comes out exactly, and every other signature is
/// INDETERMINATE.
#[test]
fn without_a_trust_anchor_nothing_passes() {
    let set = motcua_forge::fixtures::generate().expect("fixtures");
    let o = VerifyOptions::new(VALIDATION_TIME);
    for f in &set.fixtures {
        let r = run(&set, f, &f.bytes, &o).expect("a report");
        assert_ne!(r.indication, Indication::TotalPassed, "{}", f.file);
        for (got, want) in r.signatures.iter().zip(&f.expect.signatures) {
            let decided = want.integrity == "broken" || want.modified_after_signing == "disallowed";
            let got = (name(&got.indication), got.sub_indication.map(|s| name(&s)));
            if decided {
                let want = (
                    want.indication.to_owned(),
                    want.sub_indication.map(str::to_owned),
                );
                assert_eq!(got, want, "{}", f.file);
            } else {
                assert_eq!(got.0, "INDETERMINATE", "{}", f.file);
            }
        }
    }
}

/// A passing PDF fixture: its index, the `/Contents` gap of each signature (bytes a change there
/// does not reach the signed data) and the end of the last signed revision.
type Signed = (usize, Vec<std::ops::Range<usize>>, usize);

fn passing_pdfs() -> (FixtureSet, Vec<Signed>) {
    let set = motcua_forge::fixtures::generate().expect("fixtures");
    let o = options(&set);
    let mut out = Vec::new();
    for (i, f) in set.fixtures.iter().enumerate() {
        if f.kind != "pdf" || f.expect.indication != "TOTAL_PASSED" {
            continue;
        }
        let r = run(&set, f, &f.bytes, &o).expect("verifies");
        assert_eq!(r.indication, Indication::TotalPassed, "{}", f.file);
        let doc = motcua_core::signature::pdf::Document::parse(&f.bytes).expect("pdf");
        let ranges: Vec<(std::ops::Range<usize>, usize)> = doc
            .latest()
            .signatures()
            .expect("signatures")
            .fields
            .iter()
            .filter_map(|fl| {
                let br = fl.signature.as_ref()?.byte_range.clone()?;
                let n = |k: usize| usize::try_from(br[k]).ok();
                Some((n(1)?..n(2)?, n(2)? + n(3)?))
            })
            .collect();
        let end = ranges.iter().map(|r| r.1).max().expect("signed");
        out.push((i, ranges.into_iter().map(|r| r.0).collect(), end));
    }
    assert!(out.len() >= 10, "passing PDF fixtures: {}", out.len());
    (set, out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A changed signed byte (content, dictionaries, cross-reference data, the byte range
    /// itself, every signed revision) never leaves a `TOTAL_PASSED`.
    #[test]
    fn a_tampered_byte_never_passes(pick in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), delta in 1u8..=255) {
        use std::sync::OnceLock;
        static SET: OnceLock<(FixtureSet, Vec<Signed>)> = OnceLock::new();
        let (set, pdfs) = SET.get_or_init(passing_pdfs);
        let (i, gaps, end) = &pdfs[pick.index(pdfs.len())];
        let f = &set.fixtures[*i];
        // The signed bytes: [0, end) without the gaps.
        let mut parts = Vec::new();
        let mut from = 0;
        let mut sorted = gaps.clone();
        sorted.sort_by_key(|g| g.start);
        for g in sorted {
            if g.start > from {
                parts.push(from..g.start);
            }
            from = from.max(g.end);
        }
        parts.push(from..*end);
        let total: usize = parts.iter().map(std::ops::Range::len).sum();
        let mut k = at.index(total);
        let mut pos = 0;
        for p in &parts {
            if k < p.len() {
                pos = p.start + k;
                break;
            }
            k -= p.len();
        }
        let mut bytes = f.bytes.clone();
        bytes[pos] = bytes[pos].wrapping_add(delta);
        if let Some(r) = run(set, f, &bytes, &options(set)) {
            prop_assert_ne!(r.indication, Indication::TotalPassed, "{} byte {}", f.file, pos);
        }
    }

    /// Files cut inside their signed bytes, or with bytes appended, never pass.
    #[test]
    fn a_truncated_or_extended_file_never_passes(pick in any::<prop::sample::Index>(), cut in any::<prop::sample::Index>(), extra in prop::collection::vec(any::<u8>(), 1..64)) {
        use std::sync::OnceLock;
        static SET: OnceLock<(FixtureSet, Vec<Signed>)> = OnceLock::new();
        let (set, pdfs) = SET.get_or_init(passing_pdfs);
        let (i, _, end) = &pdfs[pick.index(pdfs.len())];
        let f = &set.fixtures[*i];
        // Cut inside the signed bytes (a later, unsigned revision may lose its last line ending
        // harmlessly).
        let cut = cut.index(*end);
        if let Some(r) = run(set, f, &f.bytes[..cut], &options(set)) {
            prop_assert_ne!(r.indication, Indication::TotalPassed, "{} cut at {}", f.file, cut);
        }
        // Bytes appended after %%EOF that are not padding are trailing data, a disallowed change.
        let mut longer = f.bytes.clone();
        longer.extend_from_slice(b"\n%x");
        longer.extend_from_slice(&extra);
        if let Some(r) = run(set, f, &longer, &options(set)) {
            prop_assert_ne!(r.indication, Indication::TotalPassed, "{} extended", f.file);
        }
    }
}
