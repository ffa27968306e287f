//! More certificates of the test CA, for the certificate checks of the verifier (issue 6 point
//! 4): subjects by the other Vietnamese conventions (signature-standards.md §5: Government CA
//! subjects without `UID`, an employee with both `MST:` and `CCCD:`), chains a verifier must
//! refuse (an issuer that is not a CA, an impostor CA with the real names, an unknown critical
//! extension, a path-length constraint broken), a CRL of the issuing CA, and OCSP responses
//! (RFC 6960) by the CA itself, by a responder it authorised, and by one it did not.
//!
//! They come from their own seed, after and apart from [`TestCa`], so the existing fixtures
//! keep their bytes.

use der::asn1::OctetString;
use der::Encode;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::pkix::crl::CrlReason;
use x509_cert::ext::pkix::{ExtendedKeyUsage, KeyUsages};
use x509_cert::serial_number::SerialNumber;
use x509_cert::Version;
use x509_ocsp::{
    BasicOcspResponse, CertId, CertStatus, OcspGeneralizedTime, OcspResponse, OcspResponseStatus,
    ResponderId, ResponseBytes, ResponseData, RevokedInfo, SingleResponse,
};

use crate::ca::{
    extension, issue, time, usage, Instant, Issued, Spec, TestCa, CA, LEAF_FROM, LEAF_TO,
};
use crate::keys::{Algorithm, Digest, Key};
use crate::ForgeError;

/// The seed of the extra certificates.
pub const EXTRA_SEED: [u8; 32] = *b"motcua-forge extra certs 2026!!!";

/// When the CRL was issued: after the signing time (2026-03-05), so it tells the status then.
pub const CRL_THIS_UPDATE: Instant = (2026, 4, 15, 0, 0, 0);
/// When the next CRL is due.
pub const CRL_NEXT_UPDATE: Instant = (2026, 5, 15, 0, 0, 0);
/// `revoked` was revoked (keyCompromise) before the signing time.
pub const REVOKED_AT: Instant = (2026, 2, 1, 0, 0, 0);
/// `revoked_later` was revoked (superseded) after the signing time.
pub const REVOKED_LATER_AT: Instant = (2026, 4, 10, 0, 0, 0);

/// The extra certificates and the CRL.
pub struct ExtraCa {
    /// Government CA style person: no `UID`, `title` (T) and `CN` a person's name, `O`/`OU` the
    /// agency.
    pub gov_person: Issued,
    /// Government CA style organisation: no `UID`, `CN=CỤC THUẾ, O=BỘ TÀI CHÍNH`.
    pub gov_organisation: Issued,
    /// An employee: `UID=MST:` of the company and `UID=CCCD:` of the person.
    pub employee: Issued,
    /// A subject that says nothing about its kind: only `C` and `CN`.
    pub plain: Issued,
    /// An end-entity certificate (cA false) that nevertheless issued `under_not_a_ca`.
    pub not_a_ca: Issued,
    /// A person issued by `not_a_ca`.
    pub under_not_a_ca: Issued,
    /// A root with the test root's name but another key (not trusted).
    pub impostor_root: Issued,
    /// An issuing CA with the real issuing CA's name, under `impostor_root`.
    pub impostor_intermediate: Issued,
    /// A person under `impostor_intermediate`.
    pub impostor_leaf: Issued,
    /// A person whose certificate has an unknown critical extension.
    pub unknown_critical: Issued,
    /// A CA under the intermediate with pathLenConstraint 0.
    pub path_len_zero: Issued,
    /// A CA under `path_len_zero` (one CA too many).
    pub path_len_sub: Issued,
    /// A person under `path_len_sub`.
    pub path_len_leaf: Issued,
    /// A person revoked (keyCompromise) on [`REVOKED_AT`].
    pub revoked: Issued,
    /// A person revoked (superseded) on [`REVOKED_LATER_AT`].
    pub revoked_later: Issued,
    /// The issuing CA's CRL listing `revoked` and `revoked_later` (DER).
    pub crl: Vec<u8>,
    /// An OCSP responder the issuing CA authorised (extKeyUsage id-kp-OCSPSigning).
    pub ocsp_responder: Issued,
    /// OCSP: `person` good, signed by the issuing CA itself (thisUpdate 2026-03-05T03:00Z).
    pub ocsp_person_good: Vec<u8>,
    /// OCSP: `revoked` revoked on [`REVOKED_AT`], signed by `ocsp_responder` (thisUpdate
    /// 2026-04-15).
    pub ocsp_revoked: Vec<u8>,
    /// OCSP: `person` good, signed by `plain`, which nobody authorised.
    pub ocsp_unauthorised: Vec<u8>,
    /// `gov_organisation`'s subject with its diacritics as combining marks (NFD), as some tools
    /// write them.
    pub nfd_organisation: Issued,
}

/// An OCSP response (RFC 6960 §4.2.1) about `cert` under `issuer`, signed by `signer`, the
/// responder named by its name; nextUpdate a week after `this_update`.
pub(crate) fn ocsp(
    issuer: &Issued,
    cert: &Issued,
    signer: &Issued,
    status: CertStatus,
    this_update: Instant,
    rng: &mut ChaCha20Rng,
) -> Result<Vec<u8>, ForgeError> {
    let sha1 = Digest::Sha1;
    let issuer_spki = issuer.key.spki()?;
    let cert_id = CertId {
        hash_algorithm: sha1.algorithm_identifier(),
        issuer_name_hash: OctetString::new(
            sha1.hash(&issuer.cert.tbs_certificate.subject.to_der()?),
        )?,
        issuer_key_hash: OctetString::new(sha1.hash(issuer_spki.subject_public_key.raw_bytes()))?,
        serial_number: cert.cert.tbs_certificate.serial_number.clone(),
    };
    let (y, mo, d, h, mi, s) = this_update;
    let at = |i: Instant| -> Result<OcspGeneralizedTime, ForgeError> {
        Ok(OcspGeneralizedTime::from(crate::ca::date_time(i)?))
    };
    let data = ResponseData {
        version: x509_ocsp::Version::V1,
        responder_id: ResponderId::ByName(signer.cert.tbs_certificate.subject.clone()),
        produced_at: at((y, mo, d, h, mi, s))?,
        responses: vec![SingleResponse {
            cert_id,
            cert_status: status,
            this_update: at(this_update)?,
            next_update: Some(at((y, mo, d.saturating_add(7).min(28), h, mi, s))?),
            single_extensions: None,
        }],
        response_extensions: None,
    };
    let alg = Algorithm::plain(Digest::Sha256);
    let signature = signer.key.sign(alg, &data.to_der()?, rng)?;
    let basic = BasicOcspResponse {
        tbs_response_data: data,
        signature_algorithm: signer.key.algorithm_identifier(alg)?,
        signature: der::asn1::BitString::from_bytes(&signature)?,
        certs: Some(vec![signer.cert.clone()]),
    };
    let response = OcspResponse {
        response_status: OcspResponseStatus::Successful,
        response_bytes: Some(ResponseBytes {
            response_type: der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.1"),
            response: OctetString::new(basic.to_der()?)?,
        }),
    };
    Ok(response.to_der()?)
}

fn leaf(subject: &str, serial: u8) -> Spec<'_> {
    Spec {
        subject,
        serial,
        not_before: LEAF_FROM,
        not_after: LEAF_TO,
        ca: false,
        usage: usage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation),
        eku: None,
        digest: Digest::Sha256,
        path_len: None,
        extra: Vec::new(),
    }
}

fn ca_spec(subject: &str, serial: u8, path_len: Option<u8>) -> Spec<'_> {
    Spec {
        not_before: (2021, 1, 1, 0, 0, 0),
        not_after: (2035, 1, 1, 0, 0, 0),
        ca: true,
        usage: usage(KeyUsages::KeyCertSign | KeyUsages::CRLSign),
        path_len,
        ..leaf(subject, serial)
    }
}

/// The CRL entry of the certificate with serial `0x10 serial`, revoked at `at` for `reason`.
pub(crate) fn revoked_cert(
    serial: u8,
    at: Instant,
    reason: CrlReason,
) -> Result<RevokedCert, ForgeError> {
    Ok(RevokedCert {
        serial_number: SerialNumber::new(&[0x10, serial])?,
        revocation_date: time(at)?,
        crl_entry_extensions: Some(vec![extension(&reason, "2.5.29.21", false)?]),
    })
}

/// The CRL of `issuer` listing `revoked`, issued at `this_update` (thisUpdate, nextUpdate).
pub(crate) fn crl(
    issuer: &Issued,
    revoked: Vec<RevokedCert>,
    (this_update, next_update): (Instant, Instant),
    rng: &mut ChaCha20Rng,
) -> Result<Vec<u8>, ForgeError> {
    let alg = Algorithm::plain(Digest::Sha256);
    let tbs = TbsCertList {
        version: Version::V2,
        signature: issuer.key.algorithm_identifier(alg)?,
        issuer: issuer.cert.tbs_certificate.subject.clone(),
        this_update: time(this_update)?,
        next_update: Some(time(next_update)?),
        revoked_certificates: (!revoked.is_empty()).then_some(revoked),
        crl_extensions: Some(vec![extension(
            &der::asn1::Uint::new(&[7])?,
            "2.5.29.20",
            false,
        )?]),
    };
    let signature = issuer.key.sign(alg, &tbs.to_der()?, rng)?;
    let list = CertificateList {
        signature_algorithm: tbs.signature.clone(),
        tbs_cert_list: tbs,
        signature: der::asn1::BitString::from_bytes(&signature)?,
    };
    Ok(list.to_der()?)
}

impl ExtraCa {
    /// The extra certificates under `ca`, from [`EXTRA_SEED`].
    pub fn new(ca: &TestCa) -> Result<Self, ForgeError> {
        let mut rng = ChaCha20Rng::from_seed(EXTRA_SEED);
        let rng = &mut rng;
        let i = Some(&ca.intermediate);
        let gov_person = issue(
            &leaf(
                "C=VN,O=BỘ TÀI CHÍNH,OU=CỤC THUẾ,2.5.4.12=CHUYÊN VIÊN,CN=LÊ THỊ HOA",
                40,
            ),
            Key::p256(rng),
            i,
            rng,
        )?;
        let gov_organisation = issue(
            &leaf("C=VN,L=Hà Nội,O=BỘ TÀI CHÍNH,CN=CỤC THUẾ", 41),
            Key::p256(rng),
            i,
            rng,
        )?;
        let employee = issue(
            &leaf(
                "C=VN,O=MobiFone IT,UID=MST:0100686209-199,UID=CCCD:025199009534,CN=NGUYEN HONG NHUNG",
                42,
            ),
            Key::p256(rng),
            i,
            rng,
        )?;
        let plain = issue(&leaf("C=VN,CN=TRẦN VĂN BA", 43), Key::p256(rng), i, rng)?;
        let not_a_ca = issue(
            &Spec {
                usage: usage(
                    KeyUsages::DigitalSignature
                        | KeyUsages::NonRepudiation
                        | KeyUsages::KeyCertSign,
                ),
                ..leaf("C=VN,CN=NGƯỜI KÝ KHÔNG PHẢI CA,UID=CCCD:001088000001", 44)
            },
            Key::p256(rng),
            i,
            rng,
        )?;
        let under_not_a_ca = issue(
            &leaf("C=VN,CN=ĐINH VĂN CON,UID=CCCD:001088000002", 45),
            Key::p256(rng),
            Some(&not_a_ca),
            rng,
        )?;
        let impostor_root = issue(
            &Spec {
                not_before: (2020, 1, 1, 0, 0, 0),
                not_after: (2045, 1, 1, 0, 0, 0),
                ..ca_spec(&format!("CN=MOTCUA Test Root CA,{CA}"), 46, None)
            },
            Key::p256(rng),
            None,
            rng,
        )?;
        let impostor_intermediate = issue(
            &ca_spec(&format!("CN=MOTCUA Test Issuing CA,{CA}"), 47, None),
            Key::p256(rng),
            Some(&impostor_root),
            rng,
        )?;
        let impostor_leaf = issue(
            &leaf("C=VN,CN=KẺ MẠO DANH,UID=CCCD:001088000003", 48),
            Key::p256(rng),
            Some(&impostor_intermediate),
            rng,
        )?;
        let unknown_critical = issue(
            &Spec {
                extra: vec![extension(
                    &OctetString::new(vec![1u8])?,
                    "1.3.6.1.4.1.55555.1",
                    true,
                )?],
                ..leaf("C=VN,CN=PHAN VĂN LẠ,UID=CCCD:001088000004", 49)
            },
            Key::p256(rng),
            i,
            rng,
        )?;
        let path_len_zero = issue(
            &ca_spec(&format!("CN=MOTCUA Test CA pathLen 0,{CA}"), 50, Some(0)),
            Key::p256(rng),
            i,
            rng,
        )?;
        let path_len_sub = issue(
            &ca_spec(&format!("CN=MOTCUA Test Sub CA,{CA}"), 51, None),
            Key::p256(rng),
            Some(&path_len_zero),
            rng,
        )?;
        let path_len_leaf = issue(
            &leaf("C=VN,CN=QUÁ XA GỐC,UID=CCCD:001088000005", 52),
            Key::p256(rng),
            Some(&path_len_sub),
            rng,
        )?;
        let revoked = issue(
            &leaf("C=VN,CN=TÔ THỊ THU HỒI,UID=CCCD:001088000006", 53),
            Key::p256(rng),
            i,
            rng,
        )?;
        let revoked_later = issue(
            &leaf("C=VN,CN=LÝ VĂN SAU,UID=CCCD:001088000007", 54),
            Key::p256(rng),
            i,
            rng,
        )?;
        let crl = crl(
            &ca.intermediate,
            vec![
                revoked_cert(53, REVOKED_AT, CrlReason::KeyCompromise)?,
                revoked_cert(54, REVOKED_LATER_AT, CrlReason::Superseded)?,
            ],
            (CRL_THIS_UPDATE, CRL_NEXT_UPDATE),
            rng,
        )?;
        let ocsp_responder = issue(
            &Spec {
                eku: Some(ExtendedKeyUsage(vec![
                    der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.9"),
                ])),
                ..leaf(&format!("CN=MOTCUA Test OCSP Responder,{CA}"), 55)
            },
            Key::p256(rng),
            i,
            rng,
        )?;
        let ocsp_person_good = ocsp(
            &ca.intermediate,
            &ca.person,
            &ca.intermediate,
            CertStatus::good(),
            (2026, 3, 5, 3, 0, 0),
            rng,
        )?;
        let ocsp_revoked = ocsp(
            &ca.intermediate,
            &revoked,
            &ocsp_responder,
            CertStatus::revoked(RevokedInfo {
                revocation_time: OcspGeneralizedTime::from(crate::ca::date_time(REVOKED_AT)?),
                revocation_reason: Some(CrlReason::KeyCompromise),
            }),
            CRL_THIS_UPDATE,
            rng,
        )?;
        let ocsp_unauthorised = ocsp(
            &ca.intermediate,
            &ca.person,
            &plain,
            CertStatus::good(),
            (2026, 3, 5, 3, 0, 0),
            rng,
        )?;
        let nfd_organisation = issue(
            &leaf("C=VN,L=Ha\u{300} No\u{323}\u{302}i,O=BO\u{323}\u{302} TA\u{300}I CHI\u{301}NH,CN=CU\u{323}C THUE\u{302}\u{301}", 56),
            Key::p256(rng),
            i,
            rng,
        )?;
        Ok(Self {
            gov_person,
            gov_organisation,
            employee,
            plain,
            not_a_ca,
            under_not_a_ca,
            impostor_root,
            impostor_intermediate,
            impostor_leaf,
            unknown_critical,
            path_len_zero,
            path_len_sub,
            path_len_leaf,
            revoked,
            revoked_later,
            crl,
            ocsp_responder,
            ocsp_person_good,
            ocsp_revoked,
            ocsp_unauthorised,
            nfd_organisation,
        })
    }

    /// Every certificate with the file stem it is written under (in `ca/extra/`).
    pub fn all(&self) -> [(&'static str, &Issued); 17] {
        [
            ("gov-person", &self.gov_person),
            ("gov-organisation", &self.gov_organisation),
            ("employee", &self.employee),
            ("plain", &self.plain),
            ("not-a-ca", &self.not_a_ca),
            ("under-not-a-ca", &self.under_not_a_ca),
            ("impostor-root", &self.impostor_root),
            ("impostor-intermediate", &self.impostor_intermediate),
            ("impostor-leaf", &self.impostor_leaf),
            ("unknown-critical", &self.unknown_critical),
            ("path-len-zero", &self.path_len_zero),
            ("path-len-sub", &self.path_len_sub),
            ("path-len-leaf", &self.path_len_leaf),
            ("revoked", &self.revoked),
            ("revoked-later", &self.revoked_later),
            ("ocsp-responder", &self.ocsp_responder),
            ("nfd-organisation", &self.nfd_organisation),
        ]
    }
}
