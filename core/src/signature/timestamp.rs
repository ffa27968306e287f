//! RFC 3161 timestamp tokens: signature timestamps (the unsigned attribute
//! `id-aa-signatureTimeStampToken`, RFC 3161 Appendix A, whose message imprint is over the
//! SignerInfo's signature value octets; ETSI EN 319 122-1 §5.3) and document timestamps (a PDF
//! signature dictionary with `/SubFilter /ETSI.RFC3161`, ETSI EN 319 142-1 §5.4 and ISO 32000-2
//! §12.8.5, whose imprint is over the byte ranges).
//!
//! A token is a CMS SignedData whose encapsulated content is a `TSTInfo` (RFC 3161 §2.4.2). It
//! holds when: the token verifies as CMS ([`super::cms`], profile
//! [`super::cms::Profile::TimestampToken`]: signed attributes, message digest over the
//! `TSTInfo`, the TSA's signature value); its content type is `id-ct-TSTInfo`; the `TSTInfo` is
//! version 1 with a message imprint and a `genTime`; and the imprint's digest equals the digest
//! of the imprinted data. `genTime` is then the time the data is proven to have existed.
//!
//! The TSA's certificate and chain are the certificate stage's business (EN 319 102-1 §5.4);
//! this module returns them.

use serde::Serialize;

use super::byte_range::Ranges;
use super::cms::{oid, Cms, CmsError, Content, Profile};
use super::crypto::DigestAlgorithm;
use super::integrity::Integrity;
use super::revocation_data::RevocationData;
use super::time::Instant;
use super::tlv;
use crate::finding::{Diagnostic, Finding};

/// Why a timestamp token does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimestampError {
    /// The token's CMS does not verify.
    #[error(transparent)]
    Cms(#[from] CmsError),
    /// The token encapsulates something other than a `TSTInfo`.
    #[error("the token's content type is {content_type}, not TSTInfo")]
    NotTstInfo {
        /// The type found.
        content_type: String,
    },
    /// The `TSTInfo` cannot be read (RFC 3161 §2.4.2).
    #[error("malformed TSTInfo: {what}")]
    BadTstInfo {
        /// What is wrong.
        what: &'static str,
    },
    /// The message imprint is not the digest of the timestamped data.
    #[error("the message imprint does not match the timestamped data")]
    ImprintMismatch,
}

impl Diagnostic for TimestampError {
    fn code(&self) -> &'static str {
        match self {
            Self::Cms(e) => e.code(),
            Self::NotTstInfo { .. } => "timestamp.not_tst_info",
            Self::BadTstInfo { .. } => "timestamp.bad_tst_info",
            Self::ImprintMismatch => "timestamp.imprint_mismatch",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Cms(e) => e.args(),
            Self::NotTstInfo { content_type } => vec![("content_type", content_type.clone())],
            Self::BadTstInfo { what } => vec![("what", (*what).to_owned())],
            Self::ImprintMismatch => Vec::new(),
        }
    }
}

/// What a timestamp is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimestampKind {
    /// A signature timestamp: over a signature value.
    Signature,
    /// A document timestamp: over a PDF's byte ranges.
    Document,
}

/// The data a timestamp's message imprint must be the digest of.
#[derive(Debug, Clone, Copy)]
pub enum Imprinted<'c> {
    /// Bytes (a signature value).
    Bytes(&'c [u8]),
    /// A PDF's byte ranges.
    Ranges {
        /// The file.
        file: &'c [u8],
        /// The ranges.
        ranges: &'c Ranges,
    },
}

/// One timestamp token, checked.
#[derive(Debug, Clone, Serialize)]
pub struct TimestampCheck {
    /// Signature or document timestamp.
    pub kind: TimestampKind,
    /// Whether the token holds over its data.
    pub integrity: Integrity,
    /// `genTime` (RFC 3161 §2.4.2), when the token could be read.
    pub gen_time: Option<Instant>,
    /// The message imprint's digest algorithm.
    #[serde(serialize_with = "super::integrity::digest_name")]
    pub imprint_algorithm: Option<DigestAlgorithm>,
    /// The TSA's certificate (DER), when found in the token.
    #[serde(skip)]
    pub tsa_certificate: Option<Vec<u8>>,
    /// Every certificate in the token (DER), for the certificate stage.
    #[serde(skip)]
    pub certificates: Vec<Vec<u8>>,
    /// The CRLs and OCSP responses the token carries, for its authority's certificates.
    #[serde(skip)]
    pub revocation: RevocationData,
    /// Warnings about the token.
    pub findings: Vec<Finding>,
}

/// `TSTInfo` fields this module reads.
struct TstInfo {
    imprint_algorithm: DigestAlgorithm,
    imprint: Vec<u8>,
    gen_time: Instant,
}

fn read_tst_info(der: &[u8]) -> Result<TstInfo, TimestampError> {
    let bad = |what| TimestampError::BadTstInfo { what };
    let seq = tlv::read(der).map_err(|_| bad("not DER"))?;
    if seq.tag != 0x30 || seq.raw.len() != der.len() {
        return Err(bad("not one SEQUENCE"));
    }
    let f = seq.children().map_err(|_| bad("not DER"))?;
    // TSTInfo ::= SEQUENCE { version INTEGER { v1(1) }, policy, messageImprint, serialNumber,
    //   genTime GeneralizedTime, ... }
    match f.first() {
        Some(v) if v.tag == 0x02 && v.content == [1] => {}
        _ => return Err(bad("version is not 1")),
    }
    let mi = f
        .get(2)
        .filter(|t| t.tag == 0x30)
        .ok_or(bad("no messageImprint"))?;
    let mi = mi.children().map_err(|_| bad("messageImprint"))?;
    let (Some(alg), Some(hash)) = (mi.first(), mi.get(1)) else {
        return Err(bad("messageImprint"));
    };
    if hash.tag != 0x04 {
        return Err(bad("hashedMessage is not an OCTET STRING"));
    }
    let imprint_algorithm = DigestAlgorithm::from_der(alg.raw).map_err(CmsError::from)?;
    let gen = f
        .get(4)
        .filter(|t| t.tag == 0x18)
        .ok_or(bad("no genTime"))?;
    let gen_time = Instant::from_generalized(gen.content).ok_or(bad("genTime"))?;
    Ok(TstInfo {
        imprint_algorithm,
        imprint: hash.content.to_vec(),
        gen_time,
    })
}

/// Checks the token `der` over `data`.
pub fn check(der: &[u8], kind: TimestampKind, data: Imprinted<'_>) -> TimestampCheck {
    let mut out = TimestampCheck {
        kind,
        integrity: Integrity::Intact,
        gen_time: None,
        imprint_algorithm: None,
        tsa_certificate: None,
        certificates: Vec::new(),
        revocation: RevocationData::default(),
        findings: Vec::new(),
    };
    if let Err(e) = check_into(der, data, &mut out) {
        out.integrity =
            Integrity::from_error(&e, matches!(&e, TimestampError::Cms(c) if c.undetermined()));
    }
    out
}

fn check_into(
    der: &[u8],
    data: Imprinted<'_>,
    out: &mut TimestampCheck,
) -> Result<(), TimestampError> {
    let normalized = super::cms::ber_to_der(der);
    if normalized.is_some() {
        out.findings
            .push(super::cms::CmsFinding::BerEncoded.to_finding(""));
    }
    let cms = Cms::parse(normalized.as_deref().unwrap_or(der))?;
    out.certificates = cms.certificate_ders();
    if cms.content_type != oid::TST_INFO {
        return Err(TimestampError::NotTstInfo {
            content_type: cms.content_type.clone(),
        });
    }
    let info = read_tst_info(cms.content.ok_or(CmsError::NoContent)?)?;
    out.gen_time = Some(info.gen_time);
    out.imprint_algorithm = Some(info.imprint_algorithm);
    if !info.imprint_algorithm.compliant() {
        out.findings
            .push(super::crypto::CryptoFinding::Sha1.to_finding(""));
    }
    if cms.signers.len() != 1 {
        // RFC 3161 §2.4.2: the token is signed by the TSA alone.
        return Err(CmsError::SignerCount {
            count: cms.signers.len(),
        }
        .into());
    }
    let signer = cms.verify_signer(0, Content::Encapsulated, Profile::TimestampToken);
    out.tsa_certificate = signer.signer_certificate.clone();
    out.revocation = signer.revocation.clone();
    for f in signer.findings {
        if !out.findings.iter().any(|g| g.code == f.code) {
            out.findings.push(f);
        }
    }
    signer.outcome?;
    let digest = match data {
        Imprinted::Bytes(b) => Some(info.imprint_algorithm.digest(&[b])),
        Imprinted::Ranges { file, ranges } => ranges.digest(file, info.imprint_algorithm),
    };
    if digest.as_deref() != Some(info.imprint.as_slice()) {
        return Err(TimestampError::ImprintMismatch);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_in_the_catalog() {
        let all = [
            TimestampError::NotTstInfo {
                content_type: "1.2".into(),
            },
            TimestampError::BadTstInfo { what: "x" },
            TimestampError::ImprintMismatch,
        ];
        let codes: std::collections::BTreeSet<&str> = all.iter().map(Diagnostic::code).collect();
        for f in all.iter().map(|e| e.to_finding("")) {
            assert!(!f.vi.contains('{') && !f.en.contains('{'), "{}", f.code);
        }
        let listed: std::collections::BTreeSet<&str> = crate::catalog::entries()
            .filter(|e| e.code.starts_with("timestamp."))
            .map(|e| e.code.as_str())
            .collect();
        assert_eq!(listed, codes);
    }

    #[test]
    fn a_token_that_is_not_cms_is_broken() {
        let c = check(
            b"\x30\x03\x02\x01\x01",
            TimestampKind::Signature,
            Imprinted::Bytes(b"x"),
        );
        assert!(matches!(c.integrity, Integrity::Broken { .. }));
        assert_eq!(c.gen_time, None);
    }

    /// A token by the test TSA carrying the root's CRL.
    fn token(imprint_of: &[u8]) -> Vec<u8> {
        let mut r = motcua_forge::ca::rng();
        let ca = motcua_forge::ca::TestCa::new(&mut r).expect("test CA");
        let crl = motcua_forge::validation::Validation::new(&ca)
            .expect("validation data")
            .root_crl;
        motcua_forge::cms::timestamp_token(
            &ca.tsa,
            &[&ca.intermediate],
            &[crl],
            ((2026, 3, 5, 2, 30, 20), imprint_of),
            7,
            &mut r,
        )
        .expect("token")
    }

    #[test]
    fn a_token_holds_over_its_data_only() {
        let t = token(b"signature value");
        let ok = check(
            &t,
            TimestampKind::Signature,
            Imprinted::Bytes(b"signature value"),
        );
        assert_eq!(ok.integrity, Integrity::Intact, "{:?}", ok.integrity);
        assert_eq!(
            ok.gen_time.map(Instant::rfc3339).as_deref(),
            Some("2026-03-05T02:30:20Z")
        );
        assert_eq!(ok.imprint_algorithm, Some(DigestAlgorithm::Sha256));
        assert!(ok.tsa_certificate.is_some() && ok.certificates.len() == 2);
        // The SignedData's crls (RFC 5652 §10.2.1) are kept for the authority's certificates.
        assert_eq!(ok.revocation.crls.len(), 1);
        assert!(ok.findings.is_empty(), "{:?}", ok.findings);
        let other = check(
            &t,
            TimestampKind::Signature,
            Imprinted::Bytes(b"another value"),
        );
        assert_eq!(other.integrity.code(), Some("timestamp.imprint_mismatch"));
        // A genTime changed after the TSA signed: the TSTInfo no longer has the signed digest.
        let at = t
            .windows(15)
            .position(|w| w == b"20260305023020Z")
            .expect("genTime");
        let mut changed = t.clone();
        changed[at + 9] = b'9';
        let forged = check(
            &changed,
            TimestampKind::Signature,
            Imprinted::Bytes(b"signature value"),
        );
        assert_eq!(forged.integrity.code(), Some("cms.digest_mismatch"));
    }

    #[test]
    fn tst_info_is_read_strictly() {
        assert!(read_tst_info(b"\x30\x00").is_err());
        assert!(read_tst_info(b"\x30\x03\x02\x01\x02").is_err());
    }
}
