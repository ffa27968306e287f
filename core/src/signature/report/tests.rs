//! The aggregation rule: a table of the fixtures' verdicts, the precedence, and properties.

use proptest::prelude::*;

use super::*;
use crate::signature::changes::ChangeKind;
use crate::signature::format::{
    check, Decree30Options, Decree30Role, DocumentFacts, FormatVerdict, SignatureFacts,
};

fn passed() -> Stages {
    Stages {
        integrity: IntegrityVerdict::Intact,
        crypto: CryptoVerdict::Verified,
        certificate: CertificateVerdict::Valid,
        changes: ChangesVerdict::None,
    }
}

fn change(revision: usize, kind: ChangeKind, allowed: bool) -> Change {
    Change {
        kind,
        revision,
        object: None,
        field: None,
        detail: None,
        allowed,
        code: if allowed {
            "changes.form_filled"
        } else {
            "changes.page_content"
        },
        docmdp: None,
    }
}

#[test]
fn each_stage_result_gives_the_fixtures_indication() {
    use CertificateVerdict as C;
    use CryptoVerdict as K;
    use Indication::{Indeterminate as I, TotalFailed as F, TotalPassed as P};
    use IntegrityVerdict as G;
    use SubIndication as S;
    let with = |f: fn(&mut Stages)| {
        let mut s = passed();
        f(&mut s);
        signature_indication(&s)
    };
    // spec/signature/fixtures.md, one line per kind of fixture.
    assert_eq!(with(|_| {}), (P, None));
    assert_eq!(
        with(|s| s.changes = ChangesVerdict::Allowed(vec![change(1, ChangeKind::FormFilled, true)])),
        (P, None)
    );
    assert_eq!(
        with(|s| s.integrity = G::HashFailure),
        (F, Some(S::HashFailure))
    );
    assert_eq!(
        with(|s| s.integrity = G::FormatFailure),
        (F, Some(S::FormatFailure))
    );
    assert_eq!(
        with(|s| s.crypto = K::SignatureInvalid),
        (F, Some(S::SigCryptoFailure))
    );
    assert_eq!(
        with(|s| s.changes =
            ChangesVerdict::Disallowed(vec![change(1, ChangeKind::PageContent, false)])),
        (F, None)
    );
    assert_eq!(with(|s| s.certificate = C::Expired), (F, Some(S::Expired)));
    assert_eq!(
        with(|s| s.certificate = C::NotYetValid),
        (F, Some(S::NotYetValid))
    );
    assert_eq!(with(|s| s.certificate = C::Revoked), (F, Some(S::Revoked)));
    assert_eq!(
        with(|s| s.certificate = C::ChainConstraints),
        (I, Some(S::ChainConstraintsFailure))
    );
    assert_eq!(
        with(|s| s.crypto = K::CryptoConstraintsNoPoe),
        (I, Some(S::CryptoConstraintsFailureNoPoe))
    );
    assert_eq!(
        with(|s| s.certificate = C::CryptoConstraintsNoPoe),
        (I, Some(S::CryptoConstraintsFailureNoPoe))
    );
    assert_eq!(
        with(|s| s.crypto = K::CryptoConstraints),
        (I, Some(S::CryptoConstraintsFailure))
    );
    assert_eq!(
        with(|s| s.certificate = C::NoChain),
        (I, Some(S::NoCertificateChainFound))
    );
    assert_eq!(
        with(|s| s.crypto = K::NoSigningCertificate),
        (I, Some(S::NoSigningCertificateFound))
    );
    assert_eq!(
        with(|s| s.crypto = K::SignedDataNotFound),
        (I, Some(S::SignedDataNotFound))
    );
    assert_eq!(
        with(|s| s.crypto = K::SigConstraints),
        (I, Some(S::SigConstraintsFailure))
    );
    assert_eq!(
        with(|s| s.certificate = C::RevokedNoPoe),
        (I, Some(S::RevokedNoPoe))
    );
    assert_eq!(
        with(|s| s.certificate = C::OutOfBoundsNoPoe),
        (I, Some(S::OutOfBoundsNoPoe))
    );
    assert_eq!(
        with(|s| s.certificate = C::TryLater),
        (I, Some(S::TryLater))
    );
    // A stage that did not run is never passed.
    assert_eq!(with(|s| s.integrity = G::NotChecked), (I, None));
    assert_eq!(with(|s| s.crypto = K::NotChecked), (I, None));
    assert_eq!(with(|s| s.certificate = C::NotChecked), (I, None));
    assert_eq!(with(|s| s.changes = ChangesVerdict::NotChecked), (I, None));
}

#[test]
fn a_failure_outranks_an_indeterminate_result_and_the_earlier_step_names_it() {
    use SubIndication as S;
    // EN 319 102-1 §5.3: a chain not found does not hide a signature value that fails.
    let s = Stages {
        crypto: CryptoVerdict::SignatureInvalid,
        certificate: CertificateVerdict::NoChain,
        ..passed()
    };
    assert_eq!(
        signature_indication(&s),
        (Indication::TotalFailed, Some(S::SigCryptoFailure))
    );
    let s = Stages {
        integrity: IntegrityVerdict::FormatFailure,
        crypto: CryptoVerdict::SignatureInvalid,
        certificate: CertificateVerdict::Expired,
        changes: ChangesVerdict::Disallowed(Vec::new()),
    };
    assert_eq!(
        signature_indication(&s),
        (Indication::TotalFailed, Some(S::FormatFailure))
    );
    // A disallowed change after signing with an unknown chain: failed.
    let s = Stages {
        certificate: CertificateVerdict::NotChecked,
        changes: ChangesVerdict::Disallowed(Vec::new()),
        ..passed()
    };
    assert_eq!(signature_indication(&s), (Indication::TotalFailed, None));
}

fn integrity() -> impl Strategy<Value = IntegrityVerdict> {
    prop_oneof![
        Just(IntegrityVerdict::Intact),
        Just(IntegrityVerdict::FormatFailure),
        Just(IntegrityVerdict::HashFailure),
        Just(IntegrityVerdict::NotChecked),
    ]
}

fn crypto() -> impl Strategy<Value = CryptoVerdict> {
    prop_oneof![
        Just(CryptoVerdict::Verified),
        Just(CryptoVerdict::SignatureInvalid),
        Just(CryptoVerdict::CryptoConstraintsNoPoe),
        Just(CryptoVerdict::CryptoConstraints),
        Just(CryptoVerdict::NoSigningCertificate),
        Just(CryptoVerdict::SignedDataNotFound),
        Just(CryptoVerdict::SigConstraints),
        Just(CryptoVerdict::NotChecked),
    ]
}

fn certificate() -> impl Strategy<Value = CertificateVerdict> {
    prop_oneof![
        Just(CertificateVerdict::Valid),
        Just(CertificateVerdict::Revoked),
        Just(CertificateVerdict::Expired),
        Just(CertificateVerdict::NotYetValid),
        Just(CertificateVerdict::RevokedNoPoe),
        Just(CertificateVerdict::OutOfBoundsNoPoe),
        Just(CertificateVerdict::NoChain),
        Just(CertificateVerdict::ChainConstraints),
        Just(CertificateVerdict::CryptoConstraintsNoPoe),
        Just(CertificateVerdict::TryLater),
        Just(CertificateVerdict::NotChecked),
    ]
}

fn changes() -> impl Strategy<Value = ChangesVerdict> {
    let list = prop::collection::vec(
        (0usize..5, any::<bool>()).prop_map(|(r, a)| change(r, ChangeKind::Other, a)),
        0..3,
    );
    prop_oneof![
        Just(ChangesVerdict::None),
        list.clone().prop_map(ChangesVerdict::Allowed),
        list.prop_map(ChangesVerdict::Disallowed),
        Just(ChangesVerdict::NotChecked),
    ]
}

fn stages() -> impl Strategy<Value = Stages> {
    (integrity(), crypto(), certificate(), changes()).prop_map(
        |(integrity, crypto, certificate, changes)| Stages {
            integrity,
            crypto,
            certificate,
            changes,
        },
    )
}

fn result(field: &str, kind: EntryKind, stages: Stages) -> SignatureResult {
    SignatureResult::new(SignatureInput {
        field: field.to_owned(),
        kind,
        stages,
        signer: None,
        signing_time: None,
        integrity_findings: Vec::new(),
        certificate_findings: Vec::new(),
    })
}

proptest! {
    /// A false valid is the worst bug: TOTAL_PASSED only when every stage passed.
    #[test]
    fn total_passed_only_when_every_stage_passed(s in stages()) {
        let (indication, sub) = signature_indication(&s);
        let every_stage_passed = s.integrity == IntegrityVerdict::Intact
            && s.crypto == CryptoVerdict::Verified
            && s.certificate == CertificateVerdict::Valid
            && matches!(s.changes, ChangesVerdict::None | ChangesVerdict::Allowed(_));
        prop_assert_eq!(indication == Indication::TotalPassed, every_stage_passed);
        if indication == Indication::TotalPassed {
            prop_assert_eq!(sub, None);
        }
        // Broken integrity or a disallowed change is always a failure.
        if matches!(s.integrity, IntegrityVerdict::FormatFailure | IntegrityVerdict::HashFailure)
            || matches!(s.changes, ChangesVerdict::Disallowed(_))
        {
            prop_assert_eq!(indication, Indication::TotalFailed);
        }
        // The sub-indication belongs to the indication's table (EN 319 102-1 Tables 5 and 6).
        let failed_sub = matches!(sub, Some(SubIndication::FormatFailure | SubIndication::HashFailure
            | SubIndication::SigCryptoFailure | SubIndication::Revoked | SubIndication::Expired
            | SubIndication::NotYetValid));
        if sub.is_some() {
            prop_assert_eq!(failed_sub, indication == Indication::TotalFailed);
        }
        // The report says the same as the function.
        let r = result("a", EntryKind::Signature, s.clone());
        prop_assert_eq!(r.indication, indication);
        prop_assert_eq!(r.integrity == Some(Integrity::Broken),
            matches!(s.integrity, IntegrityVerdict::FormatFailure | IntegrityVerdict::HashFailure)
                || s.crypto == CryptoVerdict::SignatureInvalid);
        // Intact only when the digest matched and the signature value verified.
        if r.integrity == Some(Integrity::Intact) {
            prop_assert_eq!(s.integrity, IntegrityVerdict::Intact);
            prop_assert!(matches!(s.crypto, CryptoVerdict::Verified
                | CryptoVerdict::CryptoConstraintsNoPoe | CryptoVerdict::SigConstraints));
        }
    }

    /// The document is the worst of its signatures, and passes only if every one passed.
    #[test]
    fn the_document_is_the_worst_of_its_signatures(all in prop::collection::vec((stages(), any::<bool>()), 0..5)) {
        let results: Vec<SignatureResult> = all
            .iter()
            .enumerate()
            .map(|(i, (s, ts))| {
                let kind = if *ts { EntryKind::DocumentTimestamp } else { EntryKind::Signature };
                result(&format!("s{i}"), kind, s.clone())
            })
            .collect();
        let signed = results.iter().any(|r| r.kind == EntryKind::Signature);
        let report = SignatureReport::new(results.clone(), None);
        let passed = signed && results.iter().all(|r| r.indication == Indication::TotalPassed);
        prop_assert_eq!(report.indication == Indication::TotalPassed, passed);
        prop_assert_eq!(report.passes(), passed);
        let failed = !signed || results.iter().any(|r| r.indication == Indication::TotalFailed);
        prop_assert_eq!(report.indication == Indication::TotalFailed, failed);
        prop_assert_eq!(report.findings.len(), usize::from(!signed));
    }
}

#[test]
fn an_unsigned_document_is_total_failed_with_its_finding() {
    let r = SignatureReport::new(Vec::new(), None);
    assert_eq!(r.indication, Indication::TotalFailed);
    assert_eq!(r.findings[0].code, UNSIGNED);
    assert!(!r.findings[0].vi.is_empty());
    assert!(!r.passes());
    // A document timestamp alone is not a signature.
    let r = SignatureReport::new(
        vec![result("ts", EntryKind::DocumentTimestamp, passed())],
        None,
    );
    assert_eq!(r.indication, Indication::TotalFailed);
    assert_eq!(r.findings[0].code, UNSIGNED);
}

fn facts(field: &str, class: SignerClass) -> SignatureFacts {
    SignatureFacts {
        field: field.to_owned(),
        revision: Some(0),
        covers_previous: Some(true),
        name: None,
        doc_mdp: None,
        widget: None,
        appearance: crate::signature::format::AppearanceState::Invisible,
        times: SigningTimes::default(),
        signer_class: class,
        signer_name: None,
        has_timestamp: Some(false),
        later_changes: Some(Vec::new()),
    }
}

#[test]
fn format_findings_go_to_their_signature_and_never_change_the_indication() {
    let doc = DocumentFacts {
        signatures: vec![facts("chu_ky_1", SignerClass::Person)],
        revisions: 1,
    };
    let format = check(
        &doc,
        &Decree30Options {
            role: Decree30Role::Document,
            info_line: false,
        },
    );
    assert_eq!(format.verdict, FormatVerdict::Failed);
    let r = SignatureReport::new(
        vec![result("chu_ky_1", EntryKind::Signature, passed())],
        Some(format),
    );
    // The indication is the signatures' (ETSI); the profile's verdict stands beside it.
    assert_eq!(r.indication, Indication::TotalPassed);
    assert!(!r.passes(), "the profile failed");
    let f = r.format.as_ref().expect("profile applied");
    assert_eq!(f.verdict, FormatVerdict::Failed);
    let document: Vec<&str> = f.findings.iter().map(|x| x.finding.code.as_str()).collect();
    assert_eq!(document, ["decree30.organisation_signature_missing"]);
    let own: Vec<&str> = r.signatures[0]
        .format_findings
        .iter()
        .map(|x| x.finding.code.as_str())
        .collect();
    assert!(own.contains(&"decree30.no_timestamp"), "{own:?}");
    assert!(own.contains(&"decree30.signature_not_visible"), "{own:?}");
    // Without a profile the same document passes.
    let r = SignatureReport::new(
        vec![result("chu_ky_1", EntryKind::Signature, passed())],
        None,
    );
    assert!(r.passes());
    assert_eq!(r.format, None);
}

#[test]
fn the_report_serializes_with_stable_names() {
    let input = SignatureInput {
        field: "chu_ky_1".to_owned(),
        kind: EntryKind::Signature,
        stages: Stages {
            changes: ChangesVerdict::Allowed(vec![change(1, ChangeKind::FormFilled, true)]),
            ..passed()
        },
        signer: Some(Signer {
            subject: "C=VN,CN=NGUYỄN VĂN AN,UID=CCCD:001088012345".to_owned(),
            common_name: Some("NGUYỄN VĂN AN".to_owned()),
            class: SignerClass::Person,
        }),
        signing_time: SigningTime::from_times(&SigningTimes {
            timestamp: Some(
                crate::signature::format::time::Instant::from_local(
                    crate::signature::format::time::LocalTime {
                        year: 2026,
                        month: 3,
                        day: 5,
                        hour: 2,
                        minute: 30,
                        second: 20,
                    },
                    0,
                )
                .expect("valid"),
            ),
            ..SigningTimes::default()
        }),
        integrity_findings: Vec::new(),
        certificate_findings: Vec::new(),
    };
    let r = SignatureReport::new(vec![SignatureResult::new(input)], None);
    let v = serde_json::to_value(&r).expect("serializes");
    assert_eq!(v["indication"], "TOTAL_PASSED");
    let s = &v["signatures"][0];
    assert_eq!(s["indication"], "TOTAL_PASSED");
    assert_eq!(s["sub_indication"], serde_json::Value::Null);
    assert_eq!(s["integrity"], "intact");
    assert_eq!(s["kind"], "signature");
    assert_eq!(s["modified_after_signing"]["status"], "allowed");
    assert_eq!(
        s["modified_after_signing"]["changes"][0]["kind"],
        "form_filled"
    );
    assert_eq!(s["signer"]["class"], "person");
    assert_eq!(s["signing_time"]["time"], "2026-03-05T09:30:20+07:00");
    assert_eq!(s["signing_time"]["source"], "timestamp");
    assert_eq!(s["signing_time"]["trusted"], true);
    for key in [
        "integrity_findings",
        "certificate_findings",
        "format_findings",
        "field",
    ] {
        assert!(s.get(key).is_some(), "{key}");
    }
    assert_eq!(v["format"], serde_json::Value::Null);
    let failed = SignatureResult::new(SignatureInput {
        stages: Stages {
            integrity: IntegrityVerdict::HashFailure,
            ..passed()
        },
        ..SignatureInput {
            field: "x".to_owned(),
            kind: EntryKind::Signature,
            stages: passed(),
            signer: None,
            signing_time: None,
            integrity_findings: Vec::new(),
            certificate_findings: Vec::new(),
        }
    });
    let v = serde_json::to_value(&failed).expect("serializes");
    assert_eq!(v["indication"], "TOTAL_FAILED");
    assert_eq!(v["sub_indication"], "HASH_FAILURE");
    assert_eq!(v["integrity"], "broken");
}
