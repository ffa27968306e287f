//! The project's test CA: a root, an intermediate, leaf profiles following the Vietnamese subject
//! conventions (signature-standards.md §5: `UID=CCCD:`/`CMND:` for a person, `UID=MST:` for an
//! organisation), a timestamping authority, and the bad profiles a verifier must reject.

use std::str::FromStr;

use der::asn1::{BitString, GeneralizedTime, OctetString, UtcTime};
use der::{DateTime, Encode};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use x509_cert::certificate::{TbsCertificate, Version};
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages,
    SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};
use x509_cert::Certificate;

use crate::keys::{Algorithm, Digest, Key};
use crate::ForgeError;

/// A certificate with its private key.
pub struct Issued {
    /// The certificate.
    pub cert: Certificate,
    /// Its DER encoding.
    pub der: Vec<u8>,
    /// The subject's private key.
    pub key: Key,
}

/// A calendar date-time in UTC.
pub type Instant = (u16, u8, u8, u8, u8, u8);

/// The moment every fixture is signed: 2026-03-05 09:30:15 in Vietnam (02:30:15 UTC).
pub const SIGNING_TIME: Instant = (2026, 3, 5, 2, 30, 15);

/// `instant` as a der date-time.
pub fn date_time(i: Instant) -> Result<DateTime, ForgeError> {
    Ok(DateTime::new(i.0, i.1, i.2, i.3, i.4, i.5)?)
}

/// `instant` as an X.509 time (UTCTime before 2050, as RFC 5280 §4.1.2.5 requires).
pub(crate) fn time(i: Instant) -> Result<Time, ForgeError> {
    let dt = date_time(i)?;
    Ok(if i.0 < 2050 {
        Time::UtcTime(UtcTime::from_date_time(dt)?)
    } else {
        Time::GeneralTime(GeneralizedTime::from_date_time(dt))
    })
}

pub(crate) struct Spec<'a> {
    pub(crate) subject: &'a str,
    pub(crate) serial: u8,
    pub(crate) not_before: Instant,
    pub(crate) not_after: Instant,
    pub(crate) ca: bool,
    pub(crate) usage: KeyUsage,
    pub(crate) eku: Option<ExtendedKeyUsage>,
    pub(crate) digest: Digest,
    /// basicConstraints pathLenConstraint (CA certificates).
    pub(crate) path_len: Option<u8>,
    /// Extensions added after the usual ones.
    pub(crate) extra: Vec<Extension>,
}

pub(crate) fn extension(
    value: &impl Encode,
    oid: &str,
    critical: bool,
) -> Result<Extension, ForgeError> {
    Ok(Extension {
        extn_id: der::asn1::ObjectIdentifier::new_unwrap(oid),
        critical,
        extn_value: OctetString::new(value.to_der()?)?,
    })
}

fn key_id(key: &Key) -> Result<OctetString, ForgeError> {
    let spki = key.spki()?;
    Ok(OctetString::new(
        Digest::Sha1.hash(spki.subject_public_key.raw_bytes()),
    )?)
}

/// Issues a certificate for `key` under `issuer` (self-signed when `None`).
pub(crate) fn issue(
    spec: &Spec<'_>,
    key: Key,
    issuer: Option<&Issued>,
    rng: &mut ChaCha20Rng,
) -> Result<Issued, ForgeError> {
    // Subjects are written in X.500 order (C first); RFC 4514 strings list the last RDN first.
    let rfc4514 = spec.subject.split(',').rev().collect::<Vec<_>>().join(",");
    let subject = Name::from_str(&rfc4514)?;
    let (issuer_name, issuer_key) = match issuer {
        Some(i) => (i.cert.tbs_certificate.subject.clone(), &i.key),
        None => (subject.clone(), &key),
    };
    let alg = Algorithm::plain(spec.digest);
    let mut extensions = vec![
        extension(
            &BasicConstraints {
                ca: spec.ca,
                path_len_constraint: spec.path_len,
            },
            "2.5.29.19",
            true,
        )?,
        extension(&spec.usage, "2.5.29.15", true)?,
        extension(&SubjectKeyIdentifier(key_id(&key)?), "2.5.29.14", false)?,
        extension(
            &AuthorityKeyIdentifier {
                key_identifier: Some(key_id(issuer_key)?),
                authority_cert_issuer: None,
                authority_cert_serial_number: None,
            },
            "2.5.29.35",
            false,
        )?,
    ];
    if let Some(eku) = &spec.eku {
        extensions.push(extension(eku, "2.5.29.37", true)?);
    }
    extensions.extend(spec.extra.iter().cloned());
    let tbs = TbsCertificate {
        version: Version::V3,
        serial_number: SerialNumber::new(&[0x10, spec.serial])?,
        signature: issuer_key.algorithm_identifier(alg)?,
        issuer: issuer_name,
        validity: Validity {
            not_before: time(spec.not_before)?,
            not_after: time(spec.not_after)?,
        },
        subject,
        subject_public_key_info: key.spki()?,
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: Some(extensions),
    };
    let signature = issuer_key.sign(alg, &tbs.to_der()?, rng)?;
    let cert = Certificate {
        signature_algorithm: tbs.signature.clone(),
        tbs_certificate: tbs,
        signature: BitString::from_bytes(&signature)?,
    };
    Ok(Issued {
        der: cert.to_der()?,
        cert,
        key,
    })
}

pub(crate) fn usage(u: impl Into<flagset::FlagSet<KeyUsages>>) -> KeyUsage {
    KeyUsage(u.into())
}

/// Every certificate of the test CA.
pub struct TestCa {
    /// Self-signed root, RSA 2048 (the trust anchor a verifier is given).
    pub root: Issued,
    /// Issuing CA under the root, RSA 2048.
    pub intermediate: Issued,
    /// A person (cá nhân): `UID=CCCD:…`, RSA 2048, digitalSignature + nonRepudiation.
    pub person: Issued,
    /// An organisation (tổ chức): `UID=MST:…`, RSA 2048.
    pub organisation: Issued,
    /// A person with an ECDSA P-256 key (`UID=CMND:…`).
    pub person_p256: Issued,
    /// An organisation with an ECDSA P-384 key.
    pub organisation_p384: Issued,
    /// The timestamping authority: EKU timeStamping (critical), P-256.
    pub tsa: Issued,
    /// A person whose certificate expired before the signing time.
    pub expired: Issued,
    /// A person whose certificate is valid only after the signing time.
    pub not_yet_valid: Issued,
    /// A person whose certificate allows only keyEncipherment.
    pub wrong_usage: Issued,
    /// A person with an RSA 1024 key (below the 2048-bit minimum).
    pub rsa1024: Issued,
    /// A person whose certificate the CA signed with SHA-1.
    pub sha1_signed: Issued,
}

pub(crate) const CA: &str = "C=VN,O=MOTCUA TEST PKI (KHONG DUNG THAT)";
pub(crate) const LEAF_FROM: Instant = (2025, 1, 1, 0, 0, 0);
pub(crate) const LEAF_TO: Instant = (2027, 12, 31, 23, 59, 59);

impl TestCa {
    /// The whole CA from the fixed seed: the same keys and certificates on every run.
    pub fn new(rng: &mut ChaCha20Rng) -> Result<Self, ForgeError> {
        use KeyUsages::{CRLSign, DigitalSignature, KeyCertSign, KeyEncipherment, NonRepudiation};
        let signing = || usage(DigitalSignature | NonRepudiation);
        let leaf = |subject, serial, digest| Spec {
            subject,
            serial,
            not_before: LEAF_FROM,
            not_after: LEAF_TO,
            ca: false,
            usage: signing(),
            eku: None,
            digest,
            path_len: None,
            extra: Vec::new(),
        };
        let root = issue(
            &Spec {
                subject: &format!("CN=MOTCUA Test Root CA,{CA}"),
                serial: 1,
                not_before: (2020, 1, 1, 0, 0, 0),
                not_after: (2045, 1, 1, 0, 0, 0),
                ca: true,
                usage: usage(KeyCertSign | CRLSign),
                eku: None,
                digest: Digest::Sha256,
                path_len: None,
                extra: Vec::new(),
            },
            Key::rsa(rng, 2048)?,
            None,
            rng,
        )?;
        let intermediate = issue(
            &Spec {
                subject: &format!("CN=MOTCUA Test Issuing CA,{CA}"),
                serial: 2,
                not_before: (2021, 1, 1, 0, 0, 0),
                not_after: (2035, 1, 1, 0, 0, 0),
                ca: true,
                usage: usage(KeyCertSign | CRLSign),
                eku: None,
                digest: Digest::Sha256,
                path_len: None,
                extra: Vec::new(),
            },
            Key::rsa(rng, 2048)?,
            Some(&root),
            rng,
        )?;
        let i = Some(&intermediate);
        let person = issue(
            &leaf(
                "C=VN,ST=HÀ NỘI,CN=NGUYỄN VĂN AN,UID=CCCD:001088012345",
                10,
                Digest::Sha256,
            ),
            Key::rsa(rng, 2048)?,
            i,
            rng,
        )?;
        let organisation = issue(
            &leaf("C=VN,ST=HÀ NỘI,L=Quận Ba Đình,O=UỶ BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI,CN=SỞ TƯ PHÁP THÀNH PHỐ HÀ NỘI,UID=MST:0101234567", 11, Digest::Sha256),
            Key::rsa(rng, 2048)?,
            i,
            rng,
        )?;
        let person_p256 = issue(
            &leaf(
                "C=VN,CN=TRẦN THỊ BÌNH,UID=CMND:142587899",
                12,
                Digest::Sha256,
            ),
            Key::p256(rng),
            i,
            rng,
        )?;
        let organisation_p384 = issue(
            &leaf(
                "C=VN,CN=CÔNG TY TNHH THỬ NGHIỆM MỘT CỬA,UID=MST:0312345678-001",
                13,
                Digest::Sha384,
            ),
            Key::p384(rng),
            i,
            rng,
        )?;
        let tsa = issue(
            &Spec {
                subject: &format!("CN=MOTCUA Test TSA,{CA}"),
                serial: 14,
                not_before: (2024, 1, 1, 0, 0, 0),
                not_after: (2029, 1, 1, 0, 0, 0),
                ca: false,
                usage: signing(),
                eku: Some(ExtendedKeyUsage(vec![
                    der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8"),
                ])),
                digest: Digest::Sha256,
                path_len: None,
                extra: Vec::new(),
            },
            Key::p256(rng),
            i,
            rng,
        )?;
        let expired = issue(
            &Spec {
                not_before: (2023, 1, 1, 0, 0, 0),
                not_after: (2025, 12, 31, 23, 59, 59),
                ..leaf(
                    "C=VN,CN=LÊ VĂN CƯỜNG,UID=CCCD:079090001111",
                    15,
                    Digest::Sha256,
                )
            },
            Key::p256(rng),
            i,
            rng,
        )?;
        let not_yet_valid = issue(
            &Spec {
                not_before: (2026, 6, 1, 0, 0, 0),
                not_after: (2029, 5, 31, 23, 59, 59),
                ..leaf(
                    "C=VN,CN=PHẠM THỊ DUNG,UID=CCCD:079090002222",
                    16,
                    Digest::Sha256,
                )
            },
            Key::p256(rng),
            i,
            rng,
        )?;
        let wrong_usage = issue(
            &Spec {
                usage: usage(KeyEncipherment),
                ..leaf(
                    "C=VN,CN=HOÀNG VĂN EM,UID=CCCD:079090003333",
                    17,
                    Digest::Sha256,
                )
            },
            Key::p256(rng),
            i,
            rng,
        )?;
        let rsa1024 = issue(
            &leaf(
                "C=VN,CN=VŨ THỊ GIANG,UID=CCCD:079090004444",
                18,
                Digest::Sha256,
            ),
            Key::rsa(rng, 1024)?,
            i,
            rng,
        )?;
        let sha1_signed = issue(
            &leaf("C=VN,CN=ĐỖ VĂN HẢI,UID=CMND:023456789", 19, Digest::Sha1),
            Key::p256(rng),
            i,
            rng,
        )?;
        Ok(Self {
            root,
            intermediate,
            person,
            organisation,
            person_p256,
            organisation_p384,
            tsa,
            expired,
            not_yet_valid,
            wrong_usage,
            rsa1024,
            sha1_signed,
        })
    }

    /// Every certificate with the file stem it is written under.
    pub fn all(&self) -> [(&'static str, &Issued); 12] {
        [
            ("root", &self.root),
            ("intermediate", &self.intermediate),
            ("person", &self.person),
            ("organisation", &self.organisation),
            ("person-p256", &self.person_p256),
            ("organisation-p384", &self.organisation_p384),
            ("tsa", &self.tsa),
            ("expired", &self.expired),
            ("not-yet-valid", &self.not_yet_valid),
            ("wrong-usage", &self.wrong_usage),
            ("rsa1024", &self.rsa1024),
            ("sha1-signed", &self.sha1_signed),
        ]
    }
}

/// The fixed seed of every key and salt.
pub const SEED: [u8; 32] = *b"motcua-forge test CA seed 2026!!";

/// The seeded generator every run starts from.
pub fn rng() -> ChaCha20Rng {
    ChaCha20Rng::from_seed(SEED)
}
