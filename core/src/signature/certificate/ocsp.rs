//! OCSP responses the caller passes (RFC 6960), read with RustCrypto's `x509-ocsp` 0.2 (the der
//! 0.7 generation of the CMS stage). The core sends no request: the caller passes the DER of an
//! `OCSPResponse` it holds (from the document's DSS or CAdES `revocationValues`, or its own).
//!
//! A response speaks for a certificate only when (RFC 6960 §4.2.2.2, §3.2) a SingleResponse's
//! CertID names it (the hash of its issuer's name and key, its serial number), the response is
//! signed by the issuer itself or by a responder certificate in the response that the issuer
//! signed and that has extKeyUsage id-kp-OCSPSigning, and it is timely as a CRL must be
//! ([`super::revocation`]): thisUpdate not after the validation time, and either nextUpdate not
//! passed or thisUpdate at or after the signing time.

use der::{Decode, Encode};
use x509_ocsp::{BasicOcspResponse, CertStatus, OcspResponseStatus, ResponderId};

use super::der as tlv;
use super::error::CertificateError;
use super::parse::{serial_hex, Certificate};
use super::MAX_CANDIDATES;
use crate::signature::crypto::DigestAlgorithm;

/// Largest OCSP response read.
pub const MAX_OCSP_BYTES: usize = 1024 * 1024;
/// id-pkix-ocsp-basic (RFC 6960 §4.2.1).
const OCSP_BASIC: &str = "1.3.6.1.5.5.7.48.1.1";
/// id-kp-OCSPSigning (RFC 6960 §4.2.2.2).
pub(super) const OCSP_SIGNING: &str = "1.3.6.1.5.5.7.3.9";

/// The status a SingleResponse gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OcspStatus {
    /// good.
    Good,
    /// revoked, at this time (seconds since the epoch), with this CRL reason.
    Revoked {
        /// revocationTime.
        time: i64,
        /// revocationReason.
        reason: Option<u8>,
    },
    /// unknown.
    Unknown,
}

/// One SingleResponse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SingleStatus {
    hash: DigestAlgorithm,
    name_hash: Vec<u8>,
    key_hash: Vec<u8>,
    /// The serial number, hexadecimal.
    pub serial: String,
    /// The status.
    pub status: OcspStatus,
    /// thisUpdate.
    pub this_update: i64,
    /// nextUpdate.
    pub next_update: Option<i64>,
}

/// Who signed the response (RFC 6960 §4.2.1 ResponderID).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Responder {
    /// The DER of the responder's name.
    ByName(Vec<u8>),
    /// The SHA-1 of the responder's public key.
    ByKey(Vec<u8>),
}

/// A parsed BasicOCSPResponse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OcspResponse {
    tbs: Vec<u8>,
    algorithm: Vec<u8>,
    signature: Vec<u8>,
    responder: Responder,
    /// Certificates the response carries (a delegated responder's).
    pub certificates: Vec<Certificate>,
    /// producedAt.
    pub produced_at: i64,
    /// The SingleResponses whose CertID hash the checker knows.
    pub responses: Vec<SingleStatus>,
}

fn malformed(e: impl std::fmt::Display) -> CertificateError {
    CertificateError::Malformed {
        reason: format!("OCSP: {e}"),
    }
}

fn unix(t: &x509_ocsp::OcspGeneralizedTime) -> i64 {
    i64::try_from(t.0.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
}

impl OcspResponse {
    /// Reads the DER of an `OCSPResponse` (RFC 6960 §4.2.1) with a successful status and a
    /// basic response, at most [`MAX_OCSP_BYTES`] long.
    pub fn from_der(der: &[u8]) -> Result<Self, CertificateError> {
        if der.len() > MAX_OCSP_BYTES {
            return Err(CertificateError::TooLarge {
                limit: MAX_OCSP_BYTES,
            });
        }
        let raw = x509_ocsp::OcspResponse::from_der(der).map_err(malformed)?;
        if raw.response_status != OcspResponseStatus::Successful {
            return Err(CertificateError::OcspNotSuccessful {
                status: raw.response_status as u32,
            });
        }
        let bytes = raw
            .response_bytes
            .ok_or_else(|| malformed("a successful response without responseBytes"))?;
        if bytes.response_type.to_string() != OCSP_BASIC {
            return Err(CertificateError::Unsupported {
                what: "an OCSP response type other than id-pkix-ocsp-basic",
            });
        }
        Self::from_basic_der(bytes.response.as_bytes())
    }

    /// Reads the DER of a `BasicOCSPResponse` (RFC 6960 §4.2.1), as CAdES `revocation-values`
    /// carries it (ETSI EN 319 122-1 §5.5.2), at most [`MAX_OCSP_BYTES`] long.
    pub fn from_basic_der(inner: &[u8]) -> Result<Self, CertificateError> {
        if inner.len() > MAX_OCSP_BYTES {
            return Err(CertificateError::TooLarge {
                limit: MAX_OCSP_BYTES,
            });
        }
        let basic = BasicOcspResponse::from_der(inner).map_err(malformed)?;
        // The signed bytes exactly as encoded: BasicOCSPResponse ::= SEQUENCE { tbsResponseData,
        // signatureAlgorithm, signature BIT STRING, certs [0] EXPLICIT OPTIONAL }.
        let (outer, _) = tlv::expect(inner, tlv::SEQUENCE).ok_or_else(|| malformed("layout"))?;
        let (tbs, rest) =
            tlv::expect(outer.contents, tlv::SEQUENCE).ok_or_else(|| malformed("layout"))?;
        let (alg, rest) = tlv::expect(rest, tlv::SEQUENCE).ok_or_else(|| malformed("layout"))?;
        let (sig, _) = tlv::expect(rest, tlv::BIT_STRING).ok_or_else(|| malformed("layout"))?;
        let signature = match sig.contents.split_first() {
            Some((0, bits)) => bits.to_vec(),
            _ => return Err(malformed("signature bits")),
        };
        let mut certificates = Vec::new();
        for c in basic.certs.iter().flatten().take(MAX_CANDIDATES) {
            let der = c.to_der().map_err(malformed)?;
            certificates.push(Certificate::from_der(&der)?);
        }
        let data = &basic.tbs_response_data;
        let responder = match &data.responder_id {
            ResponderId::ByName(n) => Responder::ByName(n.to_der().map_err(malformed)?),
            ResponderId::ByKey(k) => Responder::ByKey(k.as_bytes().to_vec()),
        };
        let mut responses = Vec::new();
        for single in &data.responses {
            let Ok(hash) = DigestAlgorithm::from_oid(&single.cert_id.hash_algorithm.oid) else {
                continue;
            };
            let status = match &single.cert_status {
                CertStatus::Good(_) => OcspStatus::Good,
                CertStatus::Revoked(info) => OcspStatus::Revoked {
                    time: unix(&info.revocation_time),
                    reason: info.revocation_reason.map(|r| r as u8),
                },
                CertStatus::Unknown(_) => OcspStatus::Unknown,
            };
            responses.push(SingleStatus {
                hash,
                name_hash: single.cert_id.issuer_name_hash.as_bytes().to_vec(),
                key_hash: single.cert_id.issuer_key_hash.as_bytes().to_vec(),
                serial: serial_hex(single.cert_id.serial_number.as_bytes()),
                status,
                this_update: unix(&single.this_update),
                next_update: single.next_update.as_ref().map(unix),
            });
        }
        Ok(Self {
            tbs: tbs.whole.to_vec(),
            algorithm: alg.whole.to_vec(),
            signature,
            responder,
            certificates,
            produced_at: unix(&data.produced_at),
            responses,
        })
    }

    /// The SingleResponse about `cert` issued by `issuer`, if any (RFC 6960 §4.1.1 CertID).
    pub(super) fn about(&self, cert: &Certificate, issuer: &Certificate) -> Option<&SingleStatus> {
        let serial = serial_hex(&cert.serial);
        self.responses.iter().find(|s| {
            s.serial == serial
                && s.name_hash == s.hash.digest(&[issuer.subject.der()])
                && s.key_hash == s.hash.digest(&[issuer.public_key_bits()])
        })
    }

    /// Whether `c` is the responder the response names.
    fn names(&self, c: &Certificate) -> bool {
        match &self.responder {
            Responder::ByName(der) => der.as_slice() == c.subject.der(),
            Responder::ByKey(hash) => *hash == DigestAlgorithm::Sha1.digest(&[c.public_key_bits()]),
        }
    }

    /// Whether the response is signed by `issuer` or by a responder `issuer` authorised
    /// (RFC 6960 §4.2.2.2), and the signature verifies.
    pub(super) fn signed_for(&self, issuer: &Certificate) -> bool {
        let verify = |key: &Certificate| {
            super::verify::verifies(key.spki(), &self.algorithm, &self.tbs, &self.signature).is_ok()
        };
        if self.names(issuer) {
            return verify(issuer);
        }
        self.certificates.iter().any(|r| {
            self.names(r)
                && r.issuer.matches(&issuer.subject)
                && r.extended_key_usage
                    .as_ref()
                    .is_some_and(|(p, _)| p.iter().any(|p| p == OCSP_SIGNING))
                && super::verify::verifies(issuer.spki(), r.algorithm_der(), r.tbs(), r.signature())
                    .is_ok()
                && verify(r)
        })
    }

    /// The responder as text, for findings.
    pub(super) fn responder_text(&self) -> String {
        match &self.responder {
            Responder::ByName(_) => self
                .certificates
                .iter()
                .find(|c| self.names(c))
                .map_or_else(|| "(by name)".to_owned(), |c| c.subject.to_string()),
            Responder::ByKey(k) => k.iter().map(|b| format!("{b:02X}")).collect(),
        }
    }
}
