//! Reading certificates: DER (RFC 5280 §4.1, as embedded in a CMS `certificates` field) and PEM
//! bundles of trust anchors and intermediates passed by the caller (RFC 7468 §2, §5: the
//! `CERTIFICATE` label), with x509-parser, into an owned [`Certificate`] that keeps what the
//! later checks need. The caller passes bytes: the core reads no file.

use std::ops::Range;

use serde::Serialize;
use x509_parser::certificate::X509Certificate;
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;
use x509_parser::signature_algorithm::RsaSsaPssParams;

use super::der;
use super::error::CertificateError;
use super::name::Name;
use super::{MAX_CERTIFICATE_BYTES, MAX_PEM_BYTES, MAX_PEM_CERTIFICATES};

/// A digest algorithm named by a signature algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Hash {
    /// MD2 or MD5: broken, in no Vietnamese list.
    #[serde(rename = "MD5")]
    Md5,
    /// SHA-1: not in Circular 15/2025/TT-BKHCN's Appendix 1.3.
    #[serde(rename = "SHA-1")]
    Sha1,
    /// SHA-224: not in Circular 15/2025's list either.
    #[serde(rename = "SHA-224")]
    Sha224,
    /// SHA-256.
    #[serde(rename = "SHA-256")]
    Sha256,
    /// SHA-384.
    #[serde(rename = "SHA-384")]
    Sha384,
    /// SHA-512.
    #[serde(rename = "SHA-512")]
    Sha512,
}

impl Hash {
    /// The hash named by the contents of a digest algorithm OID (RFC 5754 §2, RFC 3279 §2.1).
    fn from_digest_oid(oid: &str) -> Option<Self> {
        Some(match oid {
            "1.2.840.113549.2.5" | "1.2.840.113549.2.2" => Self::Md5,
            "1.3.14.3.2.26" => Self::Sha1,
            "2.16.840.1.101.3.4.2.4" => Self::Sha224,
            "2.16.840.1.101.3.4.2.1" => Self::Sha256,
            "2.16.840.1.101.3.4.2.2" => Self::Sha384,
            "2.16.840.1.101.3.4.2.3" => Self::Sha512,
            _ => return None,
        })
    }

    /// Whether Circular 15/2025/TT-BKHCN Appendix 1.3 lists it (SHA-256, SHA-384, SHA-512).
    pub fn is_listed(self) -> bool {
        matches!(self, Self::Sha256 | Self::Sha384 | Self::Sha512)
    }
}

/// How a certificate (or CRL) is signed (RFC 5280 §4.1.1.2; RFC 4055 §3 for RSA-PSS, RFC 5758
/// §3.2 for ECDSA).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "scheme", content = "hash", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SignatureAlgorithm {
    /// RSA PKCS#1 v1.5 (RSASSA-PKCS1-v1_5).
    RsaPkcs1(Hash),
    /// RSASSA-PSS with the hash of its parameters (SHA-1 when absent, RFC 4055 §3.1).
    RsaPss(Hash),
    /// ECDSA.
    Ecdsa(Hash),
    /// Anything else, by its dotted OID.
    Other(String),
}

impl SignatureAlgorithm {
    fn from_x509(alg: &x509_parser::x509::AlgorithmIdentifier<'_>) -> Self {
        let oid = alg.algorithm.to_id_string();
        let hash = |d: &str| Hash::from_digest_oid(d);
        let known = match oid.as_str() {
            "1.2.840.113549.1.1.2" | "1.2.840.113549.1.1.4" => Some(Self::RsaPkcs1(Hash::Md5)),
            "1.2.840.113549.1.1.5" => Some(Self::RsaPkcs1(Hash::Sha1)),
            "1.2.840.113549.1.1.14" => Some(Self::RsaPkcs1(Hash::Sha224)),
            "1.2.840.113549.1.1.11" => Some(Self::RsaPkcs1(Hash::Sha256)),
            "1.2.840.113549.1.1.12" => Some(Self::RsaPkcs1(Hash::Sha384)),
            "1.2.840.113549.1.1.13" => Some(Self::RsaPkcs1(Hash::Sha512)),
            "1.2.840.10045.4.1" => Some(Self::Ecdsa(Hash::Sha1)),
            "1.2.840.10045.4.3.1" => Some(Self::Ecdsa(Hash::Sha224)),
            "1.2.840.10045.4.3.2" => Some(Self::Ecdsa(Hash::Sha256)),
            "1.2.840.10045.4.3.3" => Some(Self::Ecdsa(Hash::Sha384)),
            "1.2.840.10045.4.3.4" => Some(Self::Ecdsa(Hash::Sha512)),
            "1.2.840.113549.1.1.10" => alg
                .parameters
                .as_ref()
                .and_then(|p| RsaSsaPssParams::try_from(p).ok())
                .and_then(|p| hash(&p.hash_algorithm_oid().to_id_string()))
                .map(Self::RsaPss),
            _ => None,
        };
        known.unwrap_or(Self::Other(oid))
    }

    /// The hash, when the algorithm is known.
    pub fn hash(&self) -> Option<Hash> {
        match self {
            Self::RsaPkcs1(h) | Self::RsaPss(h) | Self::Ecdsa(h) => Some(*h),
            Self::Other(_) => None,
        }
    }
}

impl std::fmt::Display for SignatureAlgorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = |h: &Hash| match h {
            Hash::Md5 => "MD5",
            Hash::Sha1 => "SHA-1",
            Hash::Sha224 => "SHA-224",
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
        };
        match self {
            Self::RsaPkcs1(h) => write!(f, "RSA PKCS#1 v1.5 {}", name(h)),
            Self::RsaPss(h) => write!(f, "RSA-PSS {}", name(h)),
            Self::Ecdsa(h) => write!(f, "ECDSA {}", name(h)),
            Self::Other(oid) => write!(f, "{oid}"),
        }
    }
}

/// The public key of a certificate (RFC 5280 §4.1.2.7; RFC 3279 §2.3.1 RSA, RFC 5480 §2 EC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "algorithm", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum KeyInfo {
    /// RSA (`rsaEncryption` or `id-RSASSA-PSS` keys) with its modulus length in bits.
    Rsa {
        /// Modulus length in bits (leading zero bits not counted).
        bits: u32,
    },
    /// An elliptic-curve key on a named curve.
    Ec {
        /// `P-256`, `P-384`, `P-521`, or the curve's dotted OID.
        curve: String,
        /// The curve's size in bits (0 when the curve is not one of the three).
        bits: u32,
    },
    /// Any other key type, by its dotted OID.
    Other {
        /// The SPKI algorithm OID.
        oid: String,
    },
}

/// Contents of the OIDs read from SubjectPublicKeyInfo.
const RSA_ENCRYPTION: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const RSASSA_PSS: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a];
const EC_PUBLIC_KEY: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const CURVES: &[(&[u8], &str, u32)] = &[
    (
        &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
        "P-256",
        256,
    ),
    (&[0x2b, 0x81, 0x04, 0x00, 0x22], "P-384", 384),
    (&[0x2b, 0x81, 0x04, 0x00, 0x23], "P-521", 521),
];

fn dotted(oid: &[u8]) -> String {
    x509_parser::der_parser::oid::Oid::new(oid.into()).to_id_string()
}

impl KeyInfo {
    /// Reads the key of a SubjectPublicKeyInfo; `None` when the SPKI is not well formed.
    fn from_spki(spki: &[u8]) -> Option<Self> {
        let (seq, _) = der::expect(spki, der::SEQUENCE)?;
        let (alg, rest) = der::expect(seq.contents, der::SEQUENCE)?;
        let (oid, params) = der::algorithm(alg.whole)?;
        let (key, _) = der::expect(rest, der::BIT_STRING)?;
        let (_, key) = key.contents.split_first()?;
        if oid == RSA_ENCRYPTION || oid == RSASSA_PSS {
            // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
            let (rsa, _) = der::expect(key, der::SEQUENCE)?;
            let (modulus, _) = der::expect(rsa.contents, 0x02)?;
            let digits = match modulus.contents.iter().position(|&b| b != 0) {
                Some(i) => modulus.contents.get(i..)?,
                None => &[],
            };
            let bits = digits.first().map_or(0, |&top| {
                8 * digits.len() as u64 - u64::from(top.leading_zeros())
            });
            return Some(Self::Rsa {
                bits: u32::try_from(bits).ok()?,
            });
        }
        if oid == EC_PUBLIC_KEY {
            let named = params.filter(|p| p.tag == der::OID)?.contents;
            return Some(match CURVES.iter().find(|(c, _, _)| *c == named) {
                Some((_, name, bits)) => Self::Ec {
                    curve: (*name).to_owned(),
                    bits: *bits,
                },
                None => Self::Ec {
                    curve: dotted(named),
                    bits: 0,
                },
            });
        }
        Some(Self::Other { oid: dotted(oid) })
    }
}

impl std::fmt::Display for KeyInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Rsa { bits } => write!(f, "RSA {bits}"),
            Self::Ec { curve, .. } => write!(f, "EC {curve}"),
            Self::Other { oid } => write!(f, "{oid}"),
        }
    }
}

/// The key usages of RFC 5280 §4.2.1.3, bit 0 first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KeyUsage(pub u16);

impl KeyUsage {
    /// digitalSignature (0).
    pub const DIGITAL_SIGNATURE: u16 = 1;
    /// nonRepudiation / contentCommitment (1).
    pub const NON_REPUDIATION: u16 = 1 << 1;
    /// keyEncipherment (2).
    pub const KEY_ENCIPHERMENT: u16 = 1 << 2;
    /// dataEncipherment (3).
    pub const DATA_ENCIPHERMENT: u16 = 1 << 3;
    /// keyAgreement (4).
    pub const KEY_AGREEMENT: u16 = 1 << 4;
    /// keyCertSign (5).
    pub const KEY_CERT_SIGN: u16 = 1 << 5;
    /// cRLSign (6).
    pub const CRL_SIGN: u16 = 1 << 6;
    const NAMES: [&'static str; 9] = [
        "digitalSignature",
        "nonRepudiation",
        "keyEncipherment",
        "dataEncipherment",
        "keyAgreement",
        "keyCertSign",
        "cRLSign",
        "encipherOnly",
        "decipherOnly",
    ];

    /// Whether every bit of `bits` is set.
    pub fn has(self, bits: u16) -> bool {
        self.0 & bits == bits
    }

    /// The names of the bits set, RFC 5280 spelling.
    pub fn names(self) -> Vec<&'static str> {
        Self::NAMES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, n)| *n)
            .collect()
    }
}

/// Extensions whose meaning the checks know or that carry nothing to enforce, so that their
/// being critical does not stop the certificate (RFC 5280 §4.2: a certificate with an
/// unrecognised critical extension must be rejected): basicConstraints, keyUsage,
/// extKeyUsage, subject/authority key identifiers, subject/issuer alternative names,
/// certificatePolicies, CRL distribution points, freshest CRL, authority and subject
/// information access.
const UNDERSTOOD: &[&str] = &[
    "2.5.29.19",
    "2.5.29.15",
    "2.5.29.37",
    "2.5.29.14",
    "2.5.29.35",
    "2.5.29.17",
    "2.5.29.18",
    "2.5.29.32",
    "2.5.29.31",
    "2.5.29.46",
    "1.3.6.1.5.5.7.1.1",
    "1.3.6.1.5.5.7.1.11",
];

/// A parsed certificate: what chain building, the time checks, the profile checks and the
/// signer classification read, with the DER it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate {
    der: Vec<u8>,
    tbs: Range<usize>,
    algorithm: Range<usize>,
    signature: Range<usize>,
    spki: Range<usize>,
    /// X.509 version (1, 2 or 3).
    pub version: u32,
    /// The serial number as encoded (big-endian, two's complement).
    pub serial: Vec<u8>,
    /// The issuer name.
    pub issuer: Name,
    /// The subject name.
    pub subject: Name,
    /// notBefore, seconds since 1970-01-01T00:00:00Z.
    pub not_before: i64,
    /// notAfter, seconds since 1970-01-01T00:00:00Z.
    pub not_after: i64,
    /// The subject's public key.
    pub key: KeyInfo,
    /// The algorithm the issuer signed with.
    pub signature_algorithm: SignatureAlgorithm,
    /// basicConstraints (RFC 5280 §4.2.1.9): `(cA, pathLenConstraint)`.
    pub basic_constraints: Option<(bool, Option<u32>)>,
    /// keyUsage (§4.2.1.3).
    pub key_usage: Option<KeyUsage>,
    /// extKeyUsage (§4.2.1.12): the purposes as dotted OIDs (anyExtendedKeyUsage is
    /// 2.5.29.37.0), and whether the extension is critical.
    pub extended_key_usage: Option<(Vec<String>, bool)>,
    /// subjectKeyIdentifier (§4.2.1.2).
    pub subject_key_id: Option<Vec<u8>>,
    /// The keyIdentifier of authorityKeyIdentifier (§4.2.1.1).
    pub authority_key_id: Option<Vec<u8>>,
    /// Critical extensions the checks do not understand, as dotted OIDs.
    pub unknown_critical: Vec<String>,
}

/// `inner`'s position inside `outer` (both slices of the same buffer).
fn range_in(outer: &[u8], inner: &[u8]) -> Option<Range<usize>> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    let end = start.checked_add(inner.len())?;
    (end <= outer.len()).then_some(start..end)
}

fn malformed(e: impl std::fmt::Display) -> CertificateError {
    CertificateError::Malformed {
        reason: e.to_string(),
    }
}

impl Certificate {
    /// Reads one DER certificate (RFC 5280 §4.1), which must fill `der` exactly and be at most
    /// [`MAX_CERTIFICATE_BYTES`] long.
    pub fn from_der(der: &[u8]) -> Result<Self, CertificateError> {
        if der.len() > MAX_CERTIFICATE_BYTES {
            return Err(CertificateError::TooLarge {
                limit: MAX_CERTIFICATE_BYTES,
            });
        }
        let (rest, cert) = X509Certificate::from_der(der).map_err(|e| match e {
            x509_parser::nom::Err::Error(e) | x509_parser::nom::Err::Failure(e) => malformed(e),
            x509_parser::nom::Err::Incomplete(_) => malformed("truncated"),
        })?;
        if !rest.is_empty() {
            return Err(CertificateError::TrailingData);
        }
        let (tbs, algorithm, signature) =
            der::signed_parts(der).ok_or_else(|| malformed("signature field"))?;
        // RFC 5280 §4.1.1.2: signatureAlgorithm MUST be the same as TBSCertificate.signature.
        if cert.signature_algorithm != cert.tbs_certificate.signature {
            return Err(CertificateError::AlgorithmMismatch);
        }
        let tbs_cert = &cert.tbs_certificate;
        let spki = tbs_cert.subject_pki.raw;
        let key = KeyInfo::from_spki(spki).ok_or_else(|| malformed("subjectPublicKeyInfo"))?;
        let bad_extension = |e: x509_parser::error::X509Error| CertificateError::BadExtension {
            reason: e.to_string(),
        };
        let basic_constraints = tbs_cert
            .basic_constraints()
            .map_err(bad_extension)?
            .map(|b| (b.value.ca, b.value.path_len_constraint));
        let key_usage = tbs_cert
            .key_usage()
            .map_err(bad_extension)?
            .map(|k| KeyUsage(k.value.flags));
        let extended_key_usage = tbs_cert
            .extended_key_usage()
            .map_err(bad_extension)?
            .map(|e| {
                let v = e.value;
                let mut oids = Vec::new();
                for (set, oid) in [
                    (v.any, "2.5.29.37.0"),
                    (v.server_auth, "1.3.6.1.5.5.7.3.1"),
                    (v.client_auth, "1.3.6.1.5.5.7.3.2"),
                    (v.code_signing, "1.3.6.1.5.5.7.3.3"),
                    (v.email_protection, "1.3.6.1.5.5.7.3.4"),
                    (v.time_stamping, "1.3.6.1.5.5.7.3.8"),
                    (v.ocsp_signing, "1.3.6.1.5.5.7.3.9"),
                ] {
                    if set {
                        oids.push(oid.to_owned());
                    }
                }
                oids.extend(v.other.iter().map(|o| o.to_id_string()));
                (oids, e.critical)
            });
        let mut subject_key_id = None;
        let mut authority_key_id = None;
        let mut unknown_critical = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for ext in tbs_cert.extensions() {
            let oid = ext.oid.to_id_string();
            // RFC 5280 §4.2: a certificate MUST NOT include more than one instance of an extension.
            if !seen.insert(oid.clone()) {
                return Err(CertificateError::BadExtension {
                    reason: format!("extension {oid} appears twice"),
                });
            }
            match ext.parsed_extension() {
                ParsedExtension::SubjectKeyIdentifier(k) => subject_key_id = Some(k.0.to_vec()),
                ParsedExtension::AuthorityKeyIdentifier(a) => {
                    authority_key_id = a.key_identifier.as_ref().map(|k| k.0.to_vec());
                }
                ParsedExtension::ParseError { error } if UNDERSTOOD.contains(&oid.as_str()) => {
                    return Err(CertificateError::BadExtension {
                        reason: format!("extension {oid}: {error}"),
                    });
                }
                _ => {}
            }
            if ext.critical && !UNDERSTOOD.contains(&oid.as_str()) {
                unknown_critical.push(oid);
            }
        }
        let span = |s: &[u8]| range_in(der, s).ok_or_else(|| malformed("layout"));
        Ok(Self {
            tbs: span(tbs)?,
            algorithm: span(algorithm)?,
            signature: span(signature)?,
            spki: span(spki)?,
            version: tbs_cert.version.0 + 1,
            serial: tbs_cert.raw_serial().to_vec(),
            issuer: Name::from_x509(&tbs_cert.issuer),
            subject: Name::from_x509(&tbs_cert.subject),
            not_before: tbs_cert.validity.not_before.timestamp(),
            not_after: tbs_cert.validity.not_after.timestamp(),
            key,
            signature_algorithm: SignatureAlgorithm::from_x509(&cert.signature_algorithm),
            basic_constraints,
            key_usage,
            extended_key_usage,
            subject_key_id,
            authority_key_id,
            unknown_critical,
            der: der.to_vec(),
        })
    }

    /// Reads every `CERTIFICATE` block of a PEM text (RFC 7468 §5; other labels and text
    /// between blocks are skipped), at most [`MAX_PEM_BYTES`] long with at most
    /// [`MAX_PEM_CERTIFICATES`] certificates.
    pub fn from_pem(text: &[u8]) -> Result<Vec<Self>, CertificateError> {
        if text.len() > MAX_PEM_BYTES {
            return Err(CertificateError::TooLarge {
                limit: MAX_PEM_BYTES,
            });
        }
        let text = std::str::from_utf8(text).map_err(|_| CertificateError::Pem {
            reason: "not UTF-8 text".into(),
        })?;
        const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
        const END: &str = "-----END CERTIFICATE-----";
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(at) = rest.find(BEGIN) {
            let body = &rest[at + BEGIN.len()..];
            let end = body.find(END).ok_or_else(|| CertificateError::Pem {
                reason: "a CERTIFICATE block has no END line".into(),
            })?;
            if out.len() == MAX_PEM_CERTIFICATES {
                return Err(CertificateError::TooMany {
                    limit: MAX_PEM_CERTIFICATES,
                });
            }
            let der = base64(&body[..end]).ok_or_else(|| CertificateError::Pem {
                reason: "invalid base64 in a CERTIFICATE block".into(),
            })?;
            out.push(Self::from_der(&der)?);
            rest = &body[end + END.len()..];
        }
        if out.is_empty() {
            return Err(CertificateError::Pem {
                reason: "no CERTIFICATE block".into(),
            });
        }
        Ok(out)
    }

    /// The whole DER encoding.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The signed part, TBSCertificate, as encoded.
    pub fn tbs(&self) -> &[u8] {
        self.der.get(self.tbs.clone()).unwrap_or_default()
    }

    /// The outer signatureAlgorithm AlgorithmIdentifier, as encoded.
    pub fn algorithm_der(&self) -> &[u8] {
        self.der.get(self.algorithm.clone()).unwrap_or_default()
    }

    /// The issuer's signature value (the bits of the BIT STRING).
    pub fn signature(&self) -> &[u8] {
        self.der.get(self.signature.clone()).unwrap_or_default()
    }

    /// SubjectPublicKeyInfo, as encoded.
    pub fn spki(&self) -> &[u8] {
        self.der.get(self.spki.clone()).unwrap_or_default()
    }

    /// The subjectPublicKey bits (RFC 5280 §4.1.2.7), which OCSP hashes (RFC 6960 §4.1.1).
    pub fn public_key_bits(&self) -> &[u8] {
        der::expect(self.spki(), der::SEQUENCE)
            .and_then(|(seq, _)| der::expect(seq.contents, der::SEQUENCE))
            .and_then(|(_, rest)| der::expect(rest, der::BIT_STRING))
            .and_then(|(bits, _)| bits.contents.get(1..))
            .unwrap_or_default()
    }

    /// The serial number in hexadecimal, upper case, leading zero octets dropped.
    pub fn serial_hex(&self) -> String {
        serial_hex(&self.serial)
    }

    /// Whether subject and issuer are the same name (RFC 5280 §6.1: self-issued).
    pub fn is_self_issued(&self) -> bool {
        self.subject.matches(&self.issuer)
    }
}

/// A serial number in hexadecimal without leading zero octets (as CRL entries are compared).
pub(super) fn serial_hex(serial: &[u8]) -> String {
    let start = serial
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(serial.len().saturating_sub(1));
    serial
        .get(start..)
        .unwrap_or_default()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

/// Decodes standard base64 (RFC 4648 §4), white space ignored, padding optional at the end.
pub(crate) fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut n, mut pad) = (0u32, 0u32, 0usize);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                pad += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return None,
        };
        if pad > 0 {
            return None; // data after padding
        }
        acc = (acc << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((acc >> n) as u8);
            acc &= (1 << n) - 1;
        }
    }
    (pad <= 2 && n < 6).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(base64("TWFu").as_deref(), Some(&b"Man"[..]));
        assert_eq!(base64("TWE=\n").as_deref(), Some(&b"Ma"[..]));
        assert_eq!(base64("TQ==").as_deref(), Some(&b"M"[..]));
        assert_eq!(base64("TQ").as_deref(), Some(&b"M"[..]));
        assert_eq!(base64("TQ==TQ"), None);
        assert_eq!(base64("T*=="), None);
        assert_eq!(base64("T"), None);
    }

    #[test]
    fn serials_print_without_leading_zero_octets() {
        assert_eq!(serial_hex(&[0x00, 0x8f, 0x01]), "8F01");
        assert_eq!(serial_hex(&[0x10, 0x0a]), "100A");
        assert_eq!(serial_hex(&[0x00]), "00");
    }

    #[test]
    fn bad_inputs_are_typed_errors() {
        assert!(matches!(
            Certificate::from_der(&[0x30, 0x03, 0x02, 0x01, 0x01]),
            Err(CertificateError::Malformed { .. })
        ));
        assert!(matches!(
            Certificate::from_der(&vec![0u8; MAX_CERTIFICATE_BYTES + 1]),
            Err(CertificateError::TooLarge { .. })
        ));
        assert!(matches!(
            Certificate::from_pem(b"hello"),
            Err(CertificateError::Pem { .. })
        ));
        assert!(matches!(
            Certificate::from_pem(b"-----BEGIN CERTIFICATE-----\nMIIB"),
            Err(CertificateError::Pem { .. })
        ));
        assert!(matches!(
            Certificate::from_pem(b"-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----"),
            Err(CertificateError::Malformed { .. })
        ));
    }
}
