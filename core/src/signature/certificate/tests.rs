//! Tests of the certificate checks against the project's test CA (`motcua-forge`): its leaf
//! profiles with the verdicts the forge's fixture manifest states, and the extra certificates
//! and CRL it makes for these checks.

use std::sync::OnceLock;

use motcua_forge::ca::Issued;
use motcua_forge::extra::ExtraCa;
use motcua_forge::fixtures::FixtureSet;

use super::*;
use crate::Date;

struct World {
    set: FixtureSet,
    extra: ExtraCa,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let set = motcua_forge::fixtures::generate().expect("forge");
        let extra = ExtraCa::new(&set.ca).expect("extra certificates");
        World { set, extra }
    })
}

fn cert(i: &Issued) -> Certificate {
    Certificate::from_der(&i.der).expect("a forge certificate parses")
}

/// Seconds since the epoch of a UTC date-time.
fn at(y: i32, mo: u8, d: u8, h: i64, mi: i64, s: i64) -> i64 {
    Date::new(y, mo, d).expect("date").to_days() * 86_400 + h * 3600 + mi * 60 + s
}

/// The fixtures' signing time, 2026-03-05 09:30:15 +07:00.
fn signing() -> i64 {
    at(2026, 3, 5, 2, 30, 15)
}

/// The fixtures' signature timestamp, five seconds later.
fn stamped() -> i64 {
    at(2026, 3, 5, 2, 30, 20)
}

fn claimed(t: i64) -> Times {
    Times {
        validation: t,
        claimed: Some(t),
        proven: None,
    }
}

struct Case<'a> {
    signer: &'a Issued,
    embedded: Vec<&'a Issued>,
    times: Times,
    crls: Vec<Vec<u8>>,
    ocsp: Vec<Vec<u8>>,
    purpose: Purpose,
    anchors: Vec<&'a Issued>,
    /// AcceptUnknown unless a test is about revocation: most cases give no CRL, and what they
    /// check (chains, times, profiles) is reported either way.
    revocation: RevocationPolicy,
}

impl<'a> Case<'a> {
    fn new(signer: &'a Issued) -> Self {
        let w = world();
        Self {
            signer,
            embedded: vec![&w.set.ca.intermediate],
            times: claimed(signing()),
            crls: Vec::new(),
            ocsp: Vec::new(),
            purpose: Purpose::DocumentSigning,
            anchors: vec![&w.set.ca.root],
            revocation: RevocationPolicy::AcceptUnknown,
        }
    }

    fn run(&self) -> CertificateReport {
        let signer = cert(self.signer);
        let embedded: Vec<Certificate> = self.embedded.iter().map(|i| cert(i)).collect();
        let anchors: Vec<Certificate> = self.anchors.iter().map(|i| cert(i)).collect();
        let crls: Vec<Crl> = self
            .crls
            .iter()
            .map(|c| Crl::from_der(c).expect("CRL"))
            .collect();
        let ocsp: Vec<OcspResponse> = self
            .ocsp
            .iter()
            .map(|o| OcspResponse::from_der(o).expect("OCSP"))
            .collect();
        let report = check(&Input {
            signer: &signer,
            embedded: &embedded,
            intermediates: &[],
            trust_anchors: &anchors,
            crls: &crls,
            ocsp: &ocsp,
            times: self.times,
            purpose: self.purpose,
            revocation: self.revocation,
        })
        .expect("within limits");
        for f in &report.findings {
            assert!(!f.vi.contains('{') && !f.en.contains('{'), "{}", f.code);
        }
        report
    }
}

fn codes(r: &CertificateReport) -> Vec<&str> {
    r.findings.iter().map(|f| f.code.as_str()).collect()
}

fn errors(r: &CertificateReport) -> Vec<&str> {
    r.findings
        .iter()
        .filter(|f| f.severity == crate::Severity::Error)
        .map(|f| f.code.as_str())
        .collect()
}

#[test]
fn a_person_chains_through_the_issuing_ca_to_the_root() {
    let w = world();
    let r = Case::new(&w.set.ca.person).run();
    assert_eq!((r.indication, r.sub_indication), (Indication::Passed, None));
    assert!(r.trust_anchor_reached);
    let roles: Vec<Role> = r.chain.iter().map(|c| c.role).collect();
    assert_eq!(roles, [Role::Signer, Role::Intermediate, Role::TrustAnchor]);
    assert_eq!(
        r.chain[0].subject,
        "C=VN, ST=HÀ NỘI, CN=NGUYỄN VĂN AN, UID=CCCD:001088012345"
    );
    assert_eq!(r.chain[0].serial, "100A");
    assert_eq!(r.chain[0].not_before, "2025-01-01T00:00:00Z");
    assert_eq!(r.key, KeyInfo::Rsa { bits: 2048 });
    assert_eq!(
        r.chain[0].signature_algorithm,
        SignatureAlgorithm::RsaPkcs1(Hash::Sha256)
    );
    assert_eq!(r.chain[2].revocation, Revocation::NotChecked);
    // Without CRLs the status of the signer and of the issuing CA is unknown, and said so.
    assert_eq!(errors(&r), Vec::<&str>::new());
    assert_eq!(
        codes(&r),
        [
            "certificate.revocation_unknown_accepted",
            "certificate.revocation_unknown_accepted"
        ]
    );
    assert_eq!(r.findings[0].path, "/chain/0");
}

/// EN 319 102-1 §5.2.6: without the status of every certificate of the path but the anchor, the
/// X.509 validation is INDETERMINATE/TRY_LATER; one usable source per certificate settles it,
/// and any more telling reason comes first.
#[test]
fn unknown_revocation_is_try_later_by_default() {
    let w = world();
    let mut case = Case::new(&w.set.ca.person);
    case.revocation = RevocationPolicy::Required;
    let r = case.run();
    assert_eq!(
        (r.indication, r.sub_indication),
        (Indication::Indeterminate, Some(SubIndication::TryLater))
    );
    assert_eq!(
        errors(&r),
        [
            "certificate.revocation_unknown",
            "certificate.revocation_unknown"
        ]
    );
    // The signer good by OCSP, the issuing CA still unknown.
    case.ocsp = vec![w.set.validation.ocsp_person_good.clone()];
    let r = case.run();
    assert_eq!(r.chain[0].revocation, Revocation::Good);
    assert_eq!(errors(&r), ["certificate.revocation_unknown"]);
    assert_eq!(r.findings[0].path, "/chain/1");
    // Both known: passed.
    case.crls = vec![w.set.validation.root_crl.clone()];
    let r = case.run();
    assert_eq!((r.indication, r.sub_indication), (Indication::Passed, None));
    // Another reason outranks TRY_LATER.
    let mut case = Case::new(&w.set.ca.wrong_usage);
    case.revocation = RevocationPolicy::Required;
    assert_eq!(
        case.run().sub_indication,
        Some(SubIndication::ChainConstraintsFailure)
    );
    assert_eq!(r.signer.kind, SignerKind::Person);
}

#[test]
fn the_intermediate_may_come_from_the_caller_instead_of_the_cms() {
    let w = world();
    let signer = cert(&w.set.ca.organisation_p384);
    let intermediates = [cert(&w.set.ca.intermediate)];
    let anchors = [cert(&w.set.ca.root)];
    let r = check(&Input {
        signer: &signer,
        embedded: &[],
        intermediates: &intermediates,
        trust_anchors: &anchors,
        crls: &[],
        ocsp: &[],
        times: claimed(signing()),
        purpose: Purpose::DocumentSigning,
        revocation: RevocationPolicy::AcceptUnknown,
    })
    .expect("check");
    assert_eq!(r.indication, Indication::Passed);
    assert_eq!(
        r.key,
        KeyInfo::Ec {
            curve: "P-384".into(),
            bits: 384
        }
    );
}

/// Every `cert_*` fixture of the forge: the sub-indication its manifest expects comes from the
/// certificate checks alone (the signature value and integrity are intact in all of them).
#[test]
fn the_certificate_fixtures_get_the_sub_indication_the_forge_expects() {
    let w = world();
    let mut seen = 0;
    for f in w
        .set
        .fixtures
        .iter()
        .filter(|f| f.file.starts_with("cert_"))
    {
        let expect = &f.expect.signatures[0];
        let (_, issued) = w
            .set
            .ca
            .all()
            .into_iter()
            .find(|(name, _)| *name == expect.signer)
            .expect("profile");
        // PAdES fixtures carry /M at the signing time and a signature timestamp 5 s later.
        let mut case = Case::new(issued);
        case.times = Times {
            validation: signing(),
            claimed: Some(signing()),
            proven: Some(stamped()),
        };
        let r = case.run();
        let expected = expect
            .sub_indication
            .map(|s| serde_json::from_value::<String>(serde_json::json!(s)).expect("string"));
        let got = r.sub_indication.map(|s| {
            serde_json::to_value(s)
                .expect("json")
                .as_str()
                .unwrap_or_default()
                .to_owned()
        });
        assert_eq!(got, expected, "{}: {:?}", f.file, codes(&r));
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn a_signature_timestamp_inside_the_validity_keeps_an_expired_certificate_valid() {
    let w = world();
    let mut case = Case::new(&w.set.ca.expired);
    // Signed and stamped in 2025, checked in 2026 after expiry.
    case.times = Times {
        validation: signing(),
        claimed: Some(at(2025, 6, 1, 0, 0, 0)),
        proven: Some(at(2025, 6, 1, 0, 0, 5)),
    };
    assert_eq!(case.run().indication, Indication::Passed);
    // The same without the timestamp: nothing proves the claim.
    case.times.proven = None;
    assert_eq!(
        case.run().sub_indication,
        Some(SubIndication::OutOfBoundsNoPoe)
    );
    // A timestamp after expiry with a claim before it: the claim is unproven.
    case.times.proven = Some(signing());
    assert_eq!(
        case.run().sub_indication,
        Some(SubIndication::OutOfBoundsNoPoe)
    );
    // Both after expiry: signed with an expired certificate.
    case.times.claimed = Some(signing());
    assert_eq!(case.run().sub_indication, Some(SubIndication::Expired));
    assert_eq!(case.run().indication, Indication::Failed);
    // A claim alone after expiry stays unproven.
    case.times.proven = None;
    assert_eq!(
        case.run().sub_indication,
        Some(SubIndication::OutOfBoundsNoPoe)
    );
}

#[test]
fn signing_before_the_certificate_existed_fails_on_the_signers_own_claim() {
    let w = world();
    let mut case = Case::new(&w.set.ca.not_yet_valid);
    assert_eq!(case.run().sub_indication, Some(SubIndication::NotYetValid));
    case.times = Times::at(at(2026, 7, 1, 0, 0, 0));
    assert_eq!(
        case.run().indication,
        Indication::Passed,
        "no claim: valid now"
    );
}

#[test]
fn without_a_trust_anchor_or_an_issuer_there_is_no_chain() {
    let w = world();
    let mut case = Case::new(&w.set.ca.person);
    case.anchors = Vec::new();
    let r = case.run();
    assert_eq!(
        (r.indication, r.sub_indication),
        (
            Indication::Indeterminate,
            Some(SubIndication::NoCertificateChainFound)
        )
    );
    assert_eq!(errors(&r), ["certificate.no_trust_anchor"]);
    let mut case = Case::new(&w.set.ca.person);
    case.embedded = Vec::new();
    let r = case.run();
    assert_eq!(
        r.sub_indication,
        Some(SubIndication::NoCertificateChainFound)
    );
    assert!(!r.trust_anchor_reached);
    assert_eq!(r.chain.len(), 1);
    assert!(
        r.findings[0].en.contains("MOTCUA Test Issuing CA"),
        "{}",
        r.findings[0].en
    );
}

#[test]
fn an_impostor_ca_with_the_real_names_does_not_reach_the_root() {
    let w = world();
    let e = &w.extra;
    let mut case = Case::new(&e.impostor_leaf);
    case.embedded = vec![
        &e.impostor_intermediate,
        &e.impostor_root,
        &w.set.ca.intermediate,
    ];
    let r = case.run();
    assert_eq!(
        r.sub_indication,
        Some(SubIndication::NoCertificateChainFound)
    );
    assert!(!r.trust_anchor_reached);
    // The impostor root trusted by mistake is a chain, to that anchor only.
    case.anchors = vec![&e.impostor_root];
    assert_eq!(case.run().indication, Indication::Passed);
}

#[test]
fn a_certificate_whose_signature_was_altered_has_no_chain() {
    let w = world();
    let mut der = w.set.ca.person.der.clone();
    let last = der.len() - 1;
    der[last] ^= 1;
    let signer = Certificate::from_der(&der).expect("still parses");
    let embedded = [cert(&w.set.ca.intermediate)];
    let anchors = [cert(&w.set.ca.root)];
    let r = check(&Input {
        signer: &signer,
        embedded: &embedded,
        intermediates: &[],
        trust_anchors: &anchors,
        crls: &[],
        ocsp: &[],
        times: claimed(signing()),
        purpose: Purpose::DocumentSigning,
        revocation: RevocationPolicy::AcceptUnknown,
    })
    .expect("check");
    assert_eq!(
        r.sub_indication,
        Some(SubIndication::NoCertificateChainFound)
    );
    assert!(codes(&r).contains(&"certificate.issuer_signature_invalid"));
}

#[test]
fn chain_constraints_are_enforced() {
    let w = world();
    let e = &w.extra;
    let cases: [(&Issued, Vec<&Issued>, &str); 3] = [
        (
            &e.under_not_a_ca,
            vec![&e.not_a_ca, &w.set.ca.intermediate],
            "certificate.issuer_not_ca",
        ),
        (
            &e.path_len_leaf,
            vec![&e.path_len_sub, &e.path_len_zero, &w.set.ca.intermediate],
            "certificate.path_length",
        ),
        (
            &e.unknown_critical,
            vec![&w.set.ca.intermediate],
            "certificate.unknown_critical_extension",
        ),
    ];
    for (signer, embedded, code) in cases {
        let mut case = Case::new(signer);
        case.embedded = embedded;
        let r = case.run();
        assert_eq!(
            r.sub_indication,
            Some(SubIndication::ChainConstraintsFailure),
            "{code}"
        );
        assert!(r.trust_anchor_reached, "{code}");
        assert_eq!(errors(&r), [code]);
    }
}

#[test]
fn timestamping_certificates_need_the_time_stamping_purpose() {
    let w = world();
    let mut case = Case::new(&w.set.ca.tsa);
    case.purpose = Purpose::Timestamping;
    assert_eq!(case.run().indication, Indication::Passed);
    let mut case = Case::new(&w.set.ca.person);
    case.purpose = Purpose::Timestamping;
    assert_eq!(errors(&case.run()), ["certificate.timestamping_usage"]);
}

/// Revocation from the issuing CA's CRL (thisUpdate 2026-04-15, nextUpdate 2026-05-15):
/// `revoked` on 2026-02-01, `revoked_later` on 2026-04-10; signing on 2026-03-05.
#[test]
fn revocation_before_and_after_the_signing_time() {
    let w = world();
    let e = &w.extra;
    let checked = at(2026, 4, 20, 0, 0, 0);
    let run = |who: &Issued, times: Times| {
        let mut case = Case::new(who);
        case.crls = vec![e.crl.clone()];
        case.times = times;
        case.run()
    };
    let claim = Times {
        validation: checked,
        claimed: Some(signing()),
        proven: None,
    };
    let proof = Times {
        proven: Some(stamped()),
        ..claim
    };
    let r = run(&e.revoked, claim);
    assert_eq!(
        (r.indication, r.sub_indication),
        (Indication::Failed, Some(SubIndication::Revoked))
    );
    assert_eq!(
        r.chain[0].revocation,
        Revocation::Revoked {
            date: "2026-02-01T00:00:00Z".into(),
            reason: "keyCompromise".into()
        }
    );
    // Revoked after the claimed time: nothing proves the claim.
    let r = run(&e.revoked_later, claim);
    assert_eq!(r.sub_indication, Some(SubIndication::RevokedNoPoe));
    // A timestamp before revocation proves it: the signature stands, with a warning.
    let r = run(&e.revoked_later, proof);
    assert_eq!(r.indication, Indication::Passed);
    assert!(codes(&r).contains(&"certificate.revoked_after_signing"));
    // A certificate the CRL does not list is good; the CRL is later than the signing time, so
    // it still speaks for it after its nextUpdate.
    let r = run(&w.set.ca.person, claim);
    assert_eq!(r.chain[0].revocation, Revocation::Good);
    assert_eq!(r.chain[1].revocation, Revocation::Unknown);
    let r = run(
        &w.set.ca.person,
        Times {
            validation: at(2026, 12, 1, 0, 0, 0),
            ..claim
        },
    );
    assert_eq!(r.chain[0].revocation, Revocation::Good);
    // A CRL from before the signing time that has expired says nothing.
    let r = run(
        &w.set.ca.person,
        Times {
            validation: at(2026, 12, 1, 0, 0, 0),
            claimed: Some(at(2026, 6, 1, 0, 0, 0)),
            proven: None,
        },
    );
    assert_eq!(r.chain[0].revocation, Revocation::Unknown);
    assert!(codes(&r).contains(&"certificate.crl_out_of_date"));
    // A CRL not yet issued at the validation time is not used.
    let r = run(&e.revoked, claimed(signing()));
    assert_eq!(r.chain[0].revocation, Revocation::Unknown);
}

#[test]
fn a_crl_with_a_bad_signature_is_not_used() {
    let w = world();
    let mut crl = w.extra.crl.clone();
    let last = crl.len() - 1;
    crl[last] ^= 1;
    let mut case = Case::new(&w.extra.revoked);
    case.crls = vec![crl];
    case.times.validation = at(2026, 4, 20, 0, 0, 0);
    let r = case.run();
    assert_eq!(r.chain[0].revocation, Revocation::Unknown);
    assert!(codes(&r).contains(&"certificate.crl_not_verified"));
    assert_eq!(r.indication, Indication::Passed);
}

#[test]
fn signers_are_classified_by_the_vietnamese_subject_conventions() {
    let w = world();
    let (ca, e) = (&w.set.ca, &w.extra);
    type Expected<'a> = (&'a Issued, SignerKind, Option<(&'a str, &'a str)>);
    let cases: [Expected<'_>; 9] = [
        (
            &ca.person,
            SignerKind::Person,
            Some(("UID", "CCCD:001088012345")),
        ),
        (
            &ca.person_p256,
            SignerKind::Person,
            Some(("UID", "CMND:142587899")),
        ),
        (
            &ca.organisation,
            SignerKind::Organisation,
            Some(("UID", "MST:0101234567")),
        ),
        (
            &ca.organisation_p384,
            SignerKind::Organisation,
            Some(("UID", "MST:0312345678-001")),
        ),
        (
            &e.employee,
            SignerKind::Person,
            Some(("UID", "CCCD:025199009534")),
        ),
        (
            &e.gov_person,
            SignerKind::Person,
            Some(("T", "CHUYÊN VIÊN")),
        ),
        (
            &e.gov_organisation,
            SignerKind::Organisation,
            Some(("CN", "CỤC THUẾ")),
        ),
        (&e.plain, SignerKind::Unknown, None),
        // The same subject in NFD: classified alike, the basis as written.
        (
            &e.nfd_organisation,
            SignerKind::Organisation,
            Some(("CN", "CU\u{323}C THUE\u{302}\u{301}")),
        ),
    ];
    for (issued, kind, basis) in cases {
        let s = classify(&cert(issued).subject);
        assert_eq!(s.kind, kind, "{:?}", s.common_name);
        assert_eq!(
            s.basis
                .as_ref()
                .map(|b| (b.attribute.as_str(), b.value.as_str())),
            basis
        );
    }
    let employee = classify(&cert(&e.employee).subject);
    let ids: Vec<(&str, &str)> = employee
        .identifiers
        .iter()
        .map(|i| (i.prefix.as_str(), i.value.as_str()))
        .collect();
    assert_eq!(ids, [("MST", "0100686209-199"), ("CCCD", "025199009534")]);
    assert_eq!(employee.organisation.as_deref(), Some("MobiFone IT"));
}

/// A PEM text of `ders` as RFC 7468 writes it, with CRLF line ends and text before the first
/// certificate (both of which a reader must accept, RFC 7468 §2 and §5.2).
fn pem(ders: &[&[u8]]) -> String {
    let mut out = String::from("a comment line\n");
    for der in ders {
        out.push_str(&motcua_forge::pem(der, motcua_forge::LineEnding::CRLF).expect("PEM"));
    }
    out
}

#[test]
fn trust_anchors_are_read_from_pem() {
    let w = world();
    let text = pem(&[&w.set.ca.root.der, &w.set.ca.intermediate.der]);
    let certs = Certificate::from_pem(text.as_bytes()).expect("PEM");
    assert_eq!(certs.len(), 2);
    assert_eq!(certs[0].der(), &w.set.ca.root.der[..]);
    assert_eq!(certs[0].basic_constraints, Some((true, None)));
    assert!(certs[0].is_self_issued());
}

#[test]
fn limits_are_typed_errors() {
    let w = world();
    let signer = cert(&w.set.ca.person);
    let many = vec![cert(&w.set.ca.intermediate); MAX_CANDIDATES + 1];
    let r = check(&Input {
        signer: &signer,
        embedded: &many,
        intermediates: &[],
        trust_anchors: &[],
        crls: &[],
        ocsp: &[],
        times: Times::at(0),
        purpose: Purpose::DocumentSigning,
        revocation: RevocationPolicy::AcceptUnknown,
    });
    assert_eq!(
        r.map(|_| ()),
        Err(CertificateError::TooMany {
            limit: MAX_CANDIDATES
        })
    );
    assert!(matches!(
        Crl::from_der(&w.set.ca.person.der),
        Err(CertificateError::Malformed { .. })
    ));
}

#[test]
fn every_catalog_code_has_a_variant_and_renders() {
    let s = String::from("x");
    let issues = [
        Issue::NoTrustAnchor,
        Issue::NoChain {
            subject: s.clone(),
            issuer: s.clone(),
        },
        Issue::IssuerSignatureInvalid { subject: s.clone() },
        Issue::NotCa { subject: s.clone() },
        Issue::IssuerKeyUsage { subject: s.clone() },
        Issue::PathLength {
            subject: s.clone(),
            limit: 0,
        },
        Issue::UnknownCriticalExtension {
            subject: s.clone(),
            oid: s.clone(),
        },
        Issue::NotYetValid {
            subject: s.clone(),
            not_before: s.clone(),
            time: s.clone(),
        },
        Issue::Expired {
            subject: s.clone(),
            not_after: s.clone(),
            time: s.clone(),
        },
        Issue::OutOfBounds {
            subject: s.clone(),
            not_before: s.clone(),
            not_after: s.clone(),
            time: s.clone(),
        },
        Issue::SignerKeyUsage { usages: s.clone() },
        Issue::NoKeyUsage,
        Issue::ExtendedKeyUsage {
            purposes: s.clone(),
        },
        Issue::TimestampingUsage,
        Issue::WeakRsaKey {
            subject: s.clone(),
            bits: 1024,
        },
        Issue::UnsupportedKey {
            subject: s.clone(),
            key: s.clone(),
        },
        Issue::Sha1Signature { subject: s.clone() },
        Issue::WeakSignatureAlgorithm {
            subject: s.clone(),
            algorithm: s.clone(),
        },
        Issue::Revoked {
            subject: s.clone(),
            date: s.clone(),
            reason: s.clone(),
            sub_indication: SubIndication::Revoked,
        },
        Issue::RevokedAfterSigning {
            subject: s.clone(),
            date: s.clone(),
            reason: s.clone(),
        },
        Issue::RevocationUnknown {
            subject: s.clone(),
            policy: RevocationPolicy::Required,
        },
        Issue::RevocationUnknown {
            subject: s.clone(),
            policy: RevocationPolicy::AcceptUnknown,
        },
        Issue::CrlNotVerified { issuer: s.clone() },
        Issue::CrlOutOfDate {
            issuer: s.clone(),
            this_update: s.clone(),
            next_update: s.clone(),
        },
        Issue::CrlUnsupported {
            issuer: s.clone(),
            what: s.clone(),
        },
        Issue::OcspNotVerified {
            responder: s.clone(),
        },
        Issue::OcspOutOfDate {
            this_update: s.clone(),
            next_update: s.clone(),
        },
    ];
    let errors = [
        CertificateError::TooLarge { limit: 1 },
        CertificateError::TooMany { limit: 1 },
        CertificateError::Malformed { reason: s.clone() },
        CertificateError::TrailingData,
        CertificateError::AlgorithmMismatch,
        CertificateError::BadExtension { reason: s.clone() },
        CertificateError::Pem { reason: s.clone() },
        CertificateError::Unsupported { what: "x" },
        CertificateError::OcspNotSuccessful { status: 3 },
    ];
    let mut codes = std::collections::BTreeSet::new();
    for f in issues
        .iter()
        .map(|i| {
            let f = i.to_finding("");
            // Findings that change the indication are errors, the others warnings.
            let expected = if i.sub_indication().is_some() {
                crate::Severity::Error
            } else {
                crate::Severity::Warning
            };
            assert_eq!(f.severity, expected, "{}", f.code);
            f
        })
        .chain(errors.iter().map(|e| e.to_finding("")))
    {
        assert!(!f.vi.contains('{') && !f.en.contains('{'), "{}", f.code);
        assert!(codes.insert(f.code.clone()), "{} twice", f.code);
    }
    let listed = crate::catalog::entries()
        .filter(|e| e.code.starts_with("certificate."))
        .count();
    assert_eq!(
        listed,
        codes.len(),
        "certificate.json and the variants differ"
    );
}

#[test]
fn the_report_stage_gets_the_verdict_and_the_signer() {
    use crate::signature::format::SignerClass;
    use crate::signature::report::CertificateVerdict;
    let w = world();
    let r = Case::new(&w.set.ca.organisation).run();
    assert_eq!(CertificateVerdict::from(&r), CertificateVerdict::Valid);
    let s = r.report_signer();
    assert_eq!(s.class, SignerClass::Organisation);
    assert_eq!(
        s.common_name.as_deref(),
        Some("SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI")
    );
    let r = Case::new(&w.set.ca.rsa1024).run();
    assert_eq!(
        CertificateVerdict::from(&r),
        CertificateVerdict::CryptoConstraintsNoPoe
    );
    let mut case = Case::new(&w.set.ca.person);
    case.anchors = Vec::new();
    assert_eq!(
        CertificateVerdict::from(&case.run()),
        CertificateVerdict::NoChain
    );
}

/// OCSP responses of the forge (checked with `openssl ocsp` too): `person` good by the issuing
/// CA itself (thisUpdate 2026-03-05T03:00Z, nextUpdate a week later), `revoked` revoked on
/// 2026-02-01 by a responder the CA authorised, and `person` good by a responder nobody
/// authorised.
#[test]
fn ocsp_responses_count_when_the_issuer_or_its_responder_signed_them() {
    let w = world();
    let e = &w.extra;
    let run = |who: &Issued, ocsp: &Vec<u8>, times: Times| {
        let mut case = Case::new(who);
        case.ocsp = vec![ocsp.clone()];
        case.times = times;
        case.run()
    };
    let soon = Times {
        validation: at(2026, 3, 6, 0, 0, 0),
        claimed: Some(signing()),
        proven: None,
    };
    let r = run(&w.set.ca.person, &e.ocsp_person_good, soon);
    assert_eq!(r.chain[0].revocation, Revocation::Good);
    assert_eq!(r.indication, Indication::Passed);
    let later = Times {
        validation: at(2026, 4, 20, 0, 0, 0),
        ..soon
    };
    let r = run(&e.revoked, &e.ocsp_revoked, later);
    assert_eq!(
        (r.indication, r.sub_indication),
        (Indication::Failed, Some(SubIndication::Revoked))
    );
    let r = run(&w.set.ca.person, &e.ocsp_unauthorised, soon);
    assert_eq!(r.chain[0].revocation, Revocation::Unknown);
    assert!(codes(&r).contains(&"certificate.ocsp_not_verified"));
    // Issued before a (claimed) signing time and expired by the validation time.
    let r = run(
        &w.set.ca.person,
        &e.ocsp_person_good,
        Times {
            validation: at(2026, 12, 1, 0, 0, 0),
            claimed: Some(at(2026, 6, 1, 0, 0, 0)),
            proven: None,
        },
    );
    assert_eq!(r.chain[0].revocation, Revocation::Unknown);
    assert!(codes(&r).contains(&"certificate.ocsp_out_of_date"));
    // A response about another certificate says nothing about this one.
    let r = run(&e.revoked_later, &e.ocsp_revoked, later);
    assert_eq!(r.chain[0].revocation, Revocation::Unknown);
    assert!(matches!(
        OcspResponse::from_der(&e.crl),
        Err(CertificateError::Malformed { .. })
    ));
}
