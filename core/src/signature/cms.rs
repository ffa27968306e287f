//! CMS SignedData (RFC 5652 §5), as in a PDF signature's `/Contents` (ISO 32000-1 §12.8.3.3,
//! ETSI EN 319 142-1 §6.3), a detached `.p7s` or attached `.p7m` (ETSI EN 319 122-1), and an
//! RFC 3161 timestamp token (§2.4.2): parsed, its signer found, its signed attributes checked and
//! its signature value verified.
//!
//! Parsing ([`Cms::parse`]): one DER `ContentInfo` of type `id-signedData` (the `cms` crate's
//! types), followed by nothing or zero bytes only (a PDF reserves `/Contents` and pads it with
//! zeros; the padding is reported in [`Cms::padding`], anything else after the DER is the
//! warning `cms.trailing_data`). BER (indefinite lengths) is refused: RFC 5652 §5.3 requires the
//! signed attributes in DER and the project reads DER only (spec/signature/integrity.md). The
//! structure is bounded before decoding ([`MAX_DEPTH`], [`MAX_SET_MEMBERS`]). The exact bytes of
//! each certificate and of each signer's signed attributes are kept as received.
//!
//! Checking one signer ([`Cms::verify_signer`]), each failure its own [`CmsError`]:
//! 1. the digest algorithm is known ([`super::crypto`]);
//! 2. the signer's certificate is among the embedded ones, by `IssuerAndSerialNumber` (issuer
//!    and serial compared as encoded) or `SubjectKeyIdentifier` (RFC 5652 §5.3);
//! 3. the content: the bytes given (a PDF's byte ranges, a `.p7s`'s data file) or the
//!    encapsulated content; when both exist they must be the same bytes. For `adbe.pkcs7.sha1`
//!    (ISO 32000-1 §12.8.3.3.1; deprecated by ISO 32000-2) the encapsulated content must be the
//!    SHA-1 digest of the byte ranges, and is the content signed;
//! 4. with signed attributes (RFC 5652 §5.3, §11): they are DER as received; `content-type`
//!    is present once and equals `eContentType`; `message-digest` is present once and equals the
//!    digest of the content; `signing-time` is read; ESS `signing-certificate-v2` (RFC 5035 §3)
//!    or `signing-certificate` (RFC 2634 §5.4) names the signer's certificate by its hash — for
//!    PAdES (EN 319 142-1 §5.2.2.x via EN 319 122-1 §5.2.2.3) and timestamp tokens (RFC 3161
//!    §2.4.2, RFC 5816) its absence is the warning `cms.no_signing_certificate`; the signature
//!    value is verified over the DER of the attributes with the SET OF tag 0x31 (§5.4);
//! 5. without signed attributes (allowed for `id-data`, §5.3): the signature value is verified
//!    over the content digest itself.

use ::cms::content_info::ContentInfo;
use ::cms::signed_data::{EncapsulatedContentInfo, SignerInfo};
use der::{Decode, Encode};

use super::byte_range::Ranges;
use super::crypto::{CryptoError, DigestAlgorithm, SignatureAlgorithm};
use super::revocation_data::{self, RevocationData};
use super::time::Instant;
use super::tlv::{self, Bounds, BoundsError, Tlv};
use crate::finding::{Diagnostic, Finding};

/// Deepest nesting of DER elements accepted.
pub const MAX_DEPTH: usize = 48;
/// Most members of one SET OF (signer infos, certificates, attributes, attribute values):
/// decoding sorts each set, so the bound keeps it fast on hostile input.
pub const MAX_SET_MEMBERS: usize = 512;

/// Object identifiers of RFC 5652, RFC 2634, RFC 5035 and RFC 3161 (dotted).
pub mod oid {
    /// id-data (RFC 5652 §4).
    pub const DATA: &str = "1.2.840.113549.1.7.1";
    /// id-signedData (RFC 5652 §5.1).
    pub const SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
    /// id-ct-TSTInfo (RFC 3161 §2.4.2).
    pub const TST_INFO: &str = "1.2.840.113549.1.9.16.1.4";
    /// id-contentType (RFC 5652 §11.1).
    pub const CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
    /// id-messageDigest (RFC 5652 §11.2).
    pub const MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
    /// id-signingTime (RFC 5652 §11.3).
    pub const SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
    /// id-aa-signingCertificate (RFC 2634 §5.4).
    pub const SIGNING_CERTIFICATE: &str = "1.2.840.113549.1.9.16.2.12";
    /// id-aa-signingCertificateV2 (RFC 5035 §3).
    pub const SIGNING_CERTIFICATE_V2: &str = "1.2.840.113549.1.9.16.2.47";
    /// id-aa-signatureTimeStampToken (RFC 3161 Appendix A).
    pub const SIGNATURE_TIME_STAMP: &str = "1.2.840.113549.1.9.16.2.14";
}

/// Why a CMS object, or one of its signers, does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CmsError {
    /// Empty: a `/Contents` of zeros or nothing (a placeholder never signed).
    #[error("no CMS object: the signature is empty")]
    Empty,
    /// Not a DER `ContentInfo` with `SignedData` (RFC 5652 §3, §5.1).
    #[error("not a CMS SignedData: {what}")]
    Malformed {
        /// What is wrong.
        what: String,
    },
    /// Deeper or wider than [`MAX_DEPTH`] / [`MAX_SET_MEMBERS`].
    #[error("the CMS structure exceeds the reader's limits")]
    TooComplex,
    /// A `ContentInfo` of another type than `id-signedData`.
    #[error("the CMS content type is {content_type}, not signed data")]
    NotSignedData {
        /// The type found.
        content_type: String,
    },
    /// A PDF signature holds a number of signers other than one (ISO 32000-1 §12.8.3.3.1).
    #[error("the CMS has {count} signers; a PDF signature has exactly one")]
    SignerCount {
        /// How many.
        count: usize,
    },
    /// The signer's certificate is not among the embedded certificates.
    #[error("the signer's certificate is not in the CMS")]
    SignerNotFound,
    /// The signed attributes are not DER as received (RFC 5652 §5.3: "MUST be DER encoded").
    #[error("the signed attributes are not DER encoded")]
    SignedAttributesNotDer,
    /// A signer without signed attributes over content other than `id-data` (RFC 5652 §5.3).
    #[error("signed attributes are required for content type {content_type}")]
    SignedAttributesRequired {
        /// The content type.
        content_type: String,
    },
    /// A required attribute is missing, repeated or has other than one value (RFC 5652 §11).
    #[error("signed attribute {attribute} is missing, repeated or malformed")]
    BadAttribute {
        /// Its name.
        attribute: &'static str,
    },
    /// `content-type` differs from the encapsulated content type (RFC 5652 §11.1).
    #[error("the content-type attribute {found} differs from the content type {expected}")]
    ContentTypeMismatch {
        /// The attribute's value.
        found: String,
        /// The `eContentType`.
        expected: String,
    },
    /// `message-digest` differs from the digest of the content (RFC 5652 §11.2): the signed
    /// bytes were changed.
    #[error("the message digest does not match the signed content")]
    DigestMismatch,
    /// The ESS signing-certificate attribute names another certificate (RFC 5035 §3).
    #[error("the signing-certificate attribute names another certificate")]
    SigningCertificateMismatch,
    /// No content to check: a detached CMS without its data file.
    #[error("the CMS is detached and no signed content was given")]
    NoContent,
    /// The encapsulated content differs from the bytes the signature must cover.
    #[error("the encapsulated content is not the signed bytes")]
    ContentMismatch,
    /// The signature value (or its algorithms) does not verify.
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}

impl CmsError {
    /// Whether the error leaves the signature's integrity undetermined rather than broken: an
    /// algorithm or key this checker does not implement, or a signer certificate it cannot find
    /// (EN 319 102-1 §5.2.7 INDETERMINATE).
    pub fn undetermined(&self) -> bool {
        matches!(
            self,
            Self::SignerNotFound
                | Self::Crypto(
                    CryptoError::UnsupportedAlgorithm { .. } | CryptoError::UnsupportedKey { .. }
                )
        )
    }
}

impl Diagnostic for CmsError {
    fn code(&self) -> &'static str {
        match self {
            Self::Empty => "cms.empty",
            Self::Malformed { .. } => "cms.malformed",
            Self::TooComplex => "cms.too_complex",
            Self::NotSignedData { .. } => "cms.not_signed_data",
            Self::SignerCount { .. } => "cms.signer_count",
            Self::SignerNotFound => "cms.signer_not_found",
            Self::SignedAttributesNotDer => "cms.signed_attributes_not_der",
            Self::SignedAttributesRequired { .. } => "cms.signed_attributes_required",
            Self::BadAttribute { .. } => "cms.bad_attribute",
            Self::ContentTypeMismatch { .. } => "cms.content_type_mismatch",
            Self::DigestMismatch => "cms.digest_mismatch",
            Self::SigningCertificateMismatch => "cms.signing_certificate_mismatch",
            Self::NoContent => "cms.no_content",
            Self::ContentMismatch => "cms.content_mismatch",
            Self::Crypto(e) => e.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Malformed { what } => vec![("what", what.clone())],
            Self::NotSignedData { content_type }
            | Self::SignedAttributesRequired { content_type } => {
                vec![("content_type", content_type.clone())]
            }
            Self::SignerCount { count } => vec![("count", count.to_string())],
            Self::BadAttribute { attribute } => vec![("attribute", (*attribute).to_owned())],
            Self::ContentTypeMismatch { found, expected } => {
                vec![("found", found.clone()), ("expected", expected.clone())]
            }
            Self::Crypto(e) => e.args(),
            _ => Vec::new(),
        }
    }
}

/// What a CMS object or signer does not comply with, though it verifies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CmsFinding {
    /// Non-zero bytes follow the DER.
    TrailingData {
        /// How many bytes.
        bytes: usize,
    },
    /// No ESS signing-certificate(-v2) attribute where the profile requires one.
    NoSigningCertificate,
    /// A PAdES signature without signed attributes (EN 319 142-1 requires them).
    NoSignedAttributes,
    /// A PAdES signature with a `signing-time` attribute (EN 319 142-1 §5.2: the claimed time is
    /// `/M`).
    SigningTimeAttribute,
    /// `adbe.pkcs7.sha1`, deprecated by ISO 32000-2 §12.8.3.3.
    DeprecatedSubFilter,
    /// A detached signature whose CMS also encapsulates the signed bytes.
    EncapsulatedContent,
    /// The CMS is BER-encoded (read as its DER equivalent, [`ber_to_der`]).
    BerEncoded,
}

impl Diagnostic for CmsFinding {
    fn code(&self) -> &'static str {
        match self {
            Self::TrailingData { .. } => "cms.trailing_data",
            Self::NoSigningCertificate => "cms.no_signing_certificate",
            Self::NoSignedAttributes => "cms.no_signed_attributes",
            Self::SigningTimeAttribute => "cms.signing_time_attribute",
            Self::DeprecatedSubFilter => "cms.deprecated_sub_filter",
            Self::EncapsulatedContent => "cms.encapsulated_content",
            Self::BerEncoded => "cms.ber_encoded",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::TrailingData { bytes } => vec![("bytes", bytes.to_string())],
            _ => Vec::new(),
        }
    }
}

/// Which rules a signer is checked under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// PAdES: `/SubFilter /ETSI.CAdES.detached` (EN 319 142-1): ESS signing certificate
    /// expected, no `signing-time`.
    Pades,
    /// `adbe.pkcs7.detached` (ISO 32000-1 §12.8.3.3).
    Pkcs7Detached,
    /// `adbe.pkcs7.sha1` (ISO 32000-1 §12.8.3.3.1): the SHA-1 digest of the ranges encapsulated.
    Pkcs7Sha1,
    /// A CMS file (`.p7s` / `.p7m`, EN 319 122-1 or plain PKCS#7).
    File,
    /// The SignedData of an RFC 3161 timestamp token (ESS signing certificate expected).
    TimestampToken,
}

/// An embedded certificate, as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certificate<'a> {
    /// Its DER.
    pub der: &'a [u8],
    issuer: Option<&'a [u8]>,
    serial: Option<&'a [u8]>,
    spki: Option<&'a [u8]>,
    ski: Option<&'a [u8]>,
}

const SKI_OID: &[u8] = &[0x06, 0x03, 0x55, 0x1d, 0x0e];

impl<'a> Certificate<'a> {
    /// Reads the fields used to find a signer: issuer, serial, key and key identifier
    /// (RFC 5280 §4.1). A certificate that cannot be read keeps only its DER.
    fn new(der: &'a [u8]) -> Self {
        let mut c = Self {
            der,
            issuer: None,
            serial: None,
            spki: None,
            ski: None,
        };
        let tbs = tlv::read(der)
            .and_then(|t| t.children())
            .ok()
            .and_then(|ch| ch.into_iter().next())
            .and_then(|tbs| tbs.children().ok());
        let Some(tbs) = tbs else { return c };
        let mut it = tbs.into_iter().peekable();
        if it.peek().is_some_and(|t| t.tag == 0xa0) {
            it.next();
        }
        let fields: Vec<Tlv<'a>> = it.collect();
        let field = |i: usize, tag: u8| fields.get(i).filter(|t| t.tag == tag).copied();
        c.serial = field(0, 0x02).map(|t| t.content);
        c.issuer = field(2, 0x30).map(|t| t.raw);
        c.spki = field(5, 0x30).map(|t| t.raw);
        c.ski = fields
            .iter()
            .find(|t| t.tag == 0xa3)
            .and_then(|ext| ext.children().ok())
            .and_then(|seq| seq.into_iter().next())
            .and_then(|seq| seq.children().ok())
            .and_then(|exts| {
                exts.into_iter().find_map(|e| {
                    let parts = e.children().ok()?;
                    if parts.first()?.raw != SKI_OID {
                        return None;
                    }
                    let value = parts.last().filter(|v| v.tag == 0x04)?;
                    let inner = tlv::read(value.content).ok()?;
                    (inner.tag == 0x04).then_some(inner.content)
                })
            });
        c
    }

    /// Its SubjectPublicKeyInfo, DER.
    pub fn spki(&self) -> Option<&'a [u8]> {
        self.spki
    }
}

/// One SignerInfo.
#[derive(Debug, Clone)]
pub struct Signer<'a> {
    /// Its DER, as received.
    pub der: &'a [u8],
    /// Decoded.
    pub info: SignerInfo,
    signed_attrs: Option<&'a [u8]>,
    sid_issuer: Option<&'a [u8]>,
    sid_serial: Option<&'a [u8]>,
    sid_ski: Option<&'a [u8]>,
}

/// A parsed CMS SignedData.
#[derive(Debug, Clone)]
pub struct Cms<'a> {
    /// The DER of the `ContentInfo`, without what follows it.
    pub der: &'a [u8],
    /// Zero bytes after the DER (a PDF's reserve).
    pub padding: usize,
    /// Non-zero bytes after the DER (reported as `cms.trailing_data`).
    pub trailing: usize,
    /// `eContentType`, dotted.
    pub content_type: String,
    /// The encapsulated content's octets, if any.
    pub content: Option<&'a [u8]>,
    /// The embedded certificates (X.509 `Certificate` choices only), as received.
    pub certificates: Vec<Certificate<'a>>,
    /// The signers, in the order received.
    pub signers: Vec<Signer<'a>>,
    /// The CRLs and OCSP responses of the `crls` field (RFC 5652 §10.2.1).
    pub revocation: RevocationData,
}

/// The DER equivalent of a BER-encoded CMS object (indefinite lengths made definite, constructed
/// OCTET STRINGs joined; X.690 §10), followed by the bytes after it unchanged, or `None` when it
/// is DER already (or not readable as BER either, which [`Cms::parse`] then reports). Signers
/// such as Adobe Acrobat and BouncyCastle-based tools write the outer structure in BER; RFC 5652
/// §5.3 only requires the signed attributes in DER, which [`Cms::verify_signer`] still checks.
pub fn ber_to_der(bytes: &[u8]) -> Option<Vec<u8>> {
    tlv::ber_to_der(bytes, MAX_DEPTH).ok().flatten()
}

fn malformed(what: impl Into<String>) -> CmsError {
    CmsError::Malformed { what: what.into() }
}

fn tlv_err(e: tlv::TlvError) -> CmsError {
    malformed(e.to_string())
}

impl<'a> Cms<'a> {
    /// Parses `bytes`: one DER `ContentInfo` holding `SignedData`, then only zero bytes (or
    /// other bytes, counted in [`Cms::trailing`]).
    pub fn parse(bytes: &'a [u8]) -> Result<Self, CmsError> {
        if bytes.iter().all(|b| *b == 0) {
            return Err(CmsError::Empty);
        }
        let outer = tlv::read(bytes).map_err(tlv_err)?;
        if outer.tag != 0x30 {
            return Err(malformed("not a SEQUENCE"));
        }
        let rest = bytes.get(outer.raw.len()..).unwrap_or_default();
        let trailing = rest.iter().filter(|b| **b != 0).count();
        let padding = if trailing == 0 { rest.len() } else { 0 };
        let trailing = if trailing == 0 { 0 } else { rest.len() };
        tlv::check_bounds(
            &outer,
            Bounds {
                depth: MAX_DEPTH,
                set_members: MAX_SET_MEMBERS,
            },
        )
        .map_err(|e| match e {
            BoundsError::Tlv(t) => tlv_err(t),
            BoundsError::TooDeep | BoundsError::TooManyMembers => CmsError::TooComplex,
        })?;
        let info =
            ContentInfo::from_der(outer.raw).map_err(|e| malformed(format!("ContentInfo: {e}")))?;
        let content_type = info.content_type.to_string();
        if content_type != oid::SIGNED_DATA {
            return Err(CmsError::NotSignedData { content_type });
        }
        // ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT SignedData }
        let parts = outer.children().map_err(tlv_err)?;
        let explicit = parts.get(1).ok_or_else(|| malformed("no content"))?;
        let sd = tlv::read(explicit.content).map_err(tlv_err)?;
        let fields = sd.children().map_err(tlv_err)?;
        // SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
        //   [0] certificates OPTIONAL, [1] crls OPTIONAL, signerInfos SET }
        let (Some(encap), Some(signer_set)) = (fields.get(2), fields.last()) else {
            return Err(malformed("SignedData has too few fields"));
        };
        if sd.tag != 0x30 || signer_set.tag != 0x31 || fields.len() < 4 {
            return Err(malformed(
                "SignedData is not a SEQUENCE ending with signerInfos",
            ));
        }
        let encap_info = EncapsulatedContentInfo::from_der(encap.raw)
            .map_err(|e| malformed(format!("EncapsulatedContentInfo: {e}")))?;
        let content = match encap.children().map_err(tlv_err)?.get(1) {
            None => None,
            Some(wrapper) => {
                let octets = tlv::read(wrapper.content).map_err(tlv_err)?;
                if octets.tag != 0x04 {
                    return Err(malformed("eContent is not an OCTET STRING"));
                }
                Some(octets.content)
            }
        };
        let mut certificates = Vec::new();
        for f in fields.iter().skip(3).filter(|f| f.tag == 0xa0) {
            for c in f.children().map_err(tlv_err)? {
                if c.tag == 0x30 {
                    certificates.push(Certificate::new(c.raw));
                }
            }
        }
        let mut revocation = RevocationData::default();
        for f in fields.iter().skip(3).filter(|f| f.tag == 0xa1) {
            revocation.add_revocation_info_choices(f);
        }
        let mut signers = Vec::new();
        for s in signer_set.children().map_err(tlv_err)? {
            let info =
                SignerInfo::from_der(s.raw).map_err(|e| malformed(format!("SignerInfo: {e}")))?;
            let parts = s.children().map_err(tlv_err)?;
            let sid = parts
                .get(1)
                .ok_or_else(|| malformed("SignerInfo without sid"))?;
            let (sid_issuer, sid_serial, sid_ski) = match sid.tag {
                0x30 => {
                    let ias = sid.children().map_err(tlv_err)?;
                    (
                        ias.first().map(|t| t.raw),
                        ias.get(1).map(|t| t.content),
                        None,
                    )
                }
                _ => (None, None, Some(sid.content)),
            };
            signers.push(Signer {
                der: s.raw,
                info,
                signed_attrs: parts.iter().find(|t| t.tag == 0xa0).map(|t| t.raw),
                sid_issuer,
                sid_serial,
                sid_ski,
            });
        }
        Ok(Self {
            der: outer.raw,
            padding,
            trailing,
            content_type: encap_info.econtent_type.to_string(),
            content,
            certificates,
            signers,
            revocation,
        })
    }

    /// The DER of every embedded certificate, for the certificate stage.
    pub fn certificate_ders(&self) -> Vec<Vec<u8>> {
        self.certificates.iter().map(|c| c.der.to_vec()).collect()
    }

    /// The embedded certificate that `signer` names.
    pub fn signer_certificate(&self, signer: &Signer<'_>) -> Option<&Certificate<'a>> {
        self.certificates.iter().find(|c| {
            match (signer.sid_issuer, signer.sid_serial, signer.sid_ski) {
                (Some(i), Some(s), _) => c.issuer == Some(i) && c.serial == Some(s),
                (_, _, Some(k)) => c.ski == Some(k),
                _ => false,
            }
        })
    }

    /// Checks signer `index` over `content` under `profile` (steps 1–5 of the module).
    pub fn verify_signer(
        &self,
        index: usize,
        content: Content<'_>,
        profile: Profile,
    ) -> SignerCheck {
        let mut check = SignerCheck::default();
        if self.trailing > 0 {
            check.push(&CmsFinding::TrailingData {
                bytes: self.trailing,
            });
        }
        let Some(signer) = self.signers.get(index) else {
            check.outcome = Err(CmsError::SignerCount {
                count: self.signers.len(),
            });
            return check;
        };
        check.signature_value = signer.info.signature.as_bytes().to_vec();
        check.timestamp_tokens = unsigned_timestamps(&signer.info);
        check.revocation = self.revocation_data(signer);
        check.outcome = self.verify_inner(signer, content, profile, &mut check);
        check
    }

    fn verify_inner(
        &self,
        signer: &Signer<'_>,
        content: Content<'_>,
        profile: Profile,
        check: &mut SignerCheck,
    ) -> Result<(), CmsError> {
        let info = &signer.info;
        let digest = DigestAlgorithm::from_der(&info.digest_alg.to_der().map_err(der_err)?)?;
        check.digest_algorithm = Some(digest);
        if !digest.compliant() {
            check.push(&super::crypto::CryptoFinding::Sha1);
        }
        let attrs = match &info.signed_attrs {
            Some(a) => Some(SignedAttrs::read(a)?),
            None => None,
        };
        if let Some(a) = &attrs {
            check.signing_time = a.signing_time;
            if a.signing_time.is_some() && profile == Profile::Pades {
                check.push(&CmsFinding::SigningTimeAttribute);
            }
        }
        let cert = self.signer_certificate(signer);
        check.signer_certificate = cert.map(|c| c.der.to_vec());
        // The content signed, its digest, and the signed attributes that bind it (the
        // integrity of the signed bytes), before the signature value.
        let computed = self.content_digest(content, profile, digest, check)?;
        let signed_der = match (&info.signed_attrs, &attrs) {
            (Some(set), Some(a)) => {
                let der = set.to_der().map_err(der_err)?;
                // §5.3: the attributes as received must be DER (the tag aside: [0] IMPLICIT on
                // the wire, SET OF 0x31 when signed).
                if signer.signed_attrs.and_then(|r| r.get(1..)) != der.get(1..) {
                    return Err(CmsError::SignedAttributesNotDer);
                }
                if a.content_type.as_deref() != Some(self.content_type.as_str()) {
                    return Err(match &a.content_type {
                        None => CmsError::BadAttribute {
                            attribute: "content-type",
                        },
                        Some(found) => CmsError::ContentTypeMismatch {
                            found: found.clone(),
                            expected: self.content_type.clone(),
                        },
                    });
                }
                let md = a.message_digest.as_ref().ok_or(CmsError::BadAttribute {
                    attribute: "message-digest",
                })?;
                if *md != computed {
                    return Err(CmsError::DigestMismatch);
                }
                Some(der)
            }
            _ => {
                if self.content_type != oid::DATA {
                    return Err(CmsError::SignedAttributesRequired {
                        content_type: self.content_type.clone(),
                    });
                }
                None
            }
        };
        let sig_alg_der = info.signature_algorithm.to_der().map_err(der_err)?;
        let alg = SignatureAlgorithm::from_der(&sig_alg_der, Some(digest))?;
        check.signature_algorithm = Some(alg);
        let cert = cert.ok_or(CmsError::SignerNotFound)?;
        let spki = cert.spki().ok_or(CmsError::SignerNotFound)?;
        let signature = info.signature.as_bytes();
        let ess = attrs.as_ref().and_then(|a| a.signing_certificate.as_ref());
        match ess {
            Some((alg, hash)) if alg.digest(&[cert.der]) != *hash => {
                return Err(CmsError::SigningCertificateMismatch);
            }
            Some(_) => {}
            None if matches!(profile, Profile::Pades | Profile::TimestampToken) => {
                check.push(&CmsFinding::NoSigningCertificate);
            }
            None => {}
        }
        let verified = match signed_der {
            Some(der) => super::crypto::verify(spki, alg, &der, signature)?,
            None => {
                if matches!(profile, Profile::Pades | Profile::TimestampToken) {
                    check.push(&CmsFinding::NoSignedAttributes);
                }
                super::crypto::verify_digest(spki, alg, &computed, signature)?
            }
        };
        for f in &verified.findings {
            check.push(f);
        }
        Ok(())
    }

    /// The digest of the content the signer signed (step 3).
    fn content_digest(
        &self,
        content: Content<'_>,
        profile: Profile,
        digest: DigestAlgorithm,
        check: &mut SignerCheck,
    ) -> Result<Vec<u8>, CmsError> {
        if profile == Profile::Pkcs7Sha1 {
            check.push(&CmsFinding::DeprecatedSubFilter);
            let inner = self.content.ok_or(CmsError::NoContent)?;
            let sha1 = match content {
                Content::Ranges { file, ranges } => ranges.digest(file, DigestAlgorithm::Sha1),
                Content::Bytes(b) => Some(DigestAlgorithm::Sha1.digest(&[b])),
                Content::Encapsulated => None,
            }
            .ok_or(CmsError::NoContent)?;
            if sha1 != inner {
                return Err(CmsError::DigestMismatch);
            }
            return Ok(digest.digest(&[inner]));
        }
        match (content, self.content) {
            (Content::Encapsulated, Some(e)) => Ok(digest.digest(&[e])),
            (Content::Encapsulated, None) => Err(CmsError::NoContent),
            (Content::Bytes(b), e) => {
                if e.is_some_and(|e| e != b) {
                    return Err(CmsError::ContentMismatch);
                }
                Ok(digest.digest(&[b]))
            }
            (Content::Ranges { file, ranges }, e) => {
                if let Some(e) = e {
                    if !ranges.holds(file, e) {
                        return Err(CmsError::ContentMismatch);
                    }
                    check.push(&CmsFinding::EncapsulatedContent);
                }
                ranges.digest(file, digest).ok_or(CmsError::NoContent)
            }
        }
    }
}

fn der_err(e: der::Error) -> CmsError {
    malformed(e.to_string())
}

/// What a signer signed.
#[derive(Debug, Clone, Copy)]
pub enum Content<'c> {
    /// Byte ranges of a PDF file.
    Ranges {
        /// The file.
        file: &'c [u8],
        /// The ranges (checked by [`super::byte_range`]).
        ranges: &'c Ranges,
    },
    /// A data file (a detached `.p7s`'s content).
    Bytes(&'c [u8]),
    /// The encapsulated content itself (an attached `.p7m`, a timestamp token).
    Encapsulated,
}

/// The attributes of step 4, read.
struct SignedAttrs {
    content_type: Option<String>,
    message_digest: Option<Vec<u8>>,
    signing_time: Option<Instant>,
    /// The ESS certificate hash: its algorithm and value.
    signing_certificate: Option<(DigestAlgorithm, Vec<u8>)>,
}

impl SignedAttrs {
    fn read(attrs: &x509_cert::attr::Attributes) -> Result<Self, CmsError> {
        let single = |name: &'static str, o: &str| -> Result<Option<Vec<u8>>, CmsError> {
            let mut found = attrs.iter().filter(|a| a.oid.to_string() == o);
            let Some(a) = found.next() else {
                return Ok(None);
            };
            let bad = CmsError::BadAttribute { attribute: name };
            if found.next().is_some() || a.values.len() != 1 {
                return Err(bad);
            }
            let v = a.values.get(0).ok_or(bad)?;
            Ok(Some(v.to_der().map_err(der_err)?))
        };
        let content_type = match single("content-type", oid::CONTENT_TYPE)? {
            None => None,
            Some(der) => Some(
                der::asn1::ObjectIdentifier::from_der(&der)
                    .map_err(|_| CmsError::BadAttribute {
                        attribute: "content-type",
                    })?
                    .to_string(),
            ),
        };
        let message_digest = match single("message-digest", oid::MESSAGE_DIGEST)? {
            None => None,
            Some(der) => Some(
                der::asn1::OctetString::from_der(&der)
                    .map_err(|_| CmsError::BadAttribute {
                        attribute: "message-digest",
                    })?
                    .into_bytes(),
            ),
        };
        let signing_time = match single("signing-time", oid::SIGNING_TIME)? {
            None => None,
            Some(der) => {
                let t =
                    x509_cert::time::Time::from_der(&der).map_err(|_| CmsError::BadAttribute {
                        attribute: "signing-time",
                    })?;
                let secs = t.to_unix_duration().as_secs();
                Some(Instant {
                    unix_seconds: i64::try_from(secs).unwrap_or(i64::MAX),
                })
            }
        };
        let v2 = single("signing-certificate-v2", oid::SIGNING_CERTIFICATE_V2)?;
        let v1 = single("signing-certificate", oid::SIGNING_CERTIFICATE)?;
        let signing_certificate = match (v2, v1) {
            (Some(der), _) => Some(ess_cert_id(&der, true)?),
            (None, Some(der)) => Some(ess_cert_id(&der, false)?),
            (None, None) => None,
        };
        Ok(Self {
            content_type,
            message_digest,
            signing_time,
            signing_certificate,
        })
    }
}

/// The first `ESSCertIDv2` (RFC 5035 §4: `hashAlgorithm` DEFAULT SHA-256, `certHash`) or
/// `ESSCertID` (RFC 2634 §5.4.1: a SHA-1 `certHash`) of a SigningCertificate(V2): it names the
/// signer's certificate (EN 319 122-1 §5.2.2.3).
fn ess_cert_id(der: &[u8], v2: bool) -> Result<(DigestAlgorithm, Vec<u8>), CmsError> {
    let attribute = if v2 {
        "signing-certificate-v2"
    } else {
        "signing-certificate"
    };
    let bad = || CmsError::BadAttribute { attribute };
    let outer = tlv::read(der).map_err(|_| bad())?;
    let certs = outer.children().map_err(|_| bad())?;
    let list = certs.first().filter(|t| t.tag == 0x30).ok_or_else(bad)?;
    let first = list.children().map_err(|_| bad())?;
    let id = first.first().filter(|t| t.tag == 0x30).ok_or_else(bad)?;
    let parts = id.children().map_err(|_| bad())?;
    let (alg, hash) = match parts.as_slice() {
        [alg, hash, ..] if v2 && alg.tag == 0x30 && hash.tag == 0x04 => {
            (DigestAlgorithm::from_der(alg.raw)?, hash)
        }
        [hash, ..] if hash.tag == 0x04 => (
            if v2 {
                DigestAlgorithm::Sha256
            } else {
                DigestAlgorithm::Sha1
            },
            hash,
        ),
        _ => return Err(bad()),
    };
    Ok((alg, hash.content.to_vec()))
}

/// The DER of each `signature-time-stamp` token among the unsigned attributes (RFC 3161
/// Appendix A).
fn unsigned_timestamps(info: &SignerInfo) -> Vec<Vec<u8>> {
    info.unsigned_attrs
        .iter()
        .flat_map(|set| set.iter())
        .filter(|a| a.oid.to_string() == oid::SIGNATURE_TIME_STAMP)
        .flat_map(|a| a.values.iter())
        .filter_map(|v| v.to_der().ok())
        .collect()
}

impl Cms<'_> {
    /// The revocation data for `signer`: the `crls` field's, its signed `adbe-revocationInfoArchival`
    /// and its unsigned `revocation-values` ([`revocation_data`]).
    fn revocation_data(&self, signer: &Signer<'_>) -> RevocationData {
        let mut out = self.revocation.clone();
        let values = |set: &Option<x509_cert::attr::Attributes>, wanted: &dyn Fn(&[u8]) -> bool| {
            set.iter()
                .flat_map(|s| s.iter())
                .filter(|a| a.oid.to_der().is_ok_and(|o| wanted(&o)))
                .flat_map(|a| a.values.iter())
                .filter_map(|v| v.to_der().ok())
                .collect::<Vec<_>>()
        };
        let archival = |o: &[u8]| o == revocation_data::ADBE_REVOCATION_INFO_ARCHIVAL;
        for v in values(&signer.info.signed_attrs, &archival) {
            out.add_archival(&v);
        }
        let cades = |o: &[u8]| {
            der::asn1::ObjectIdentifier::from_der(o)
                .is_ok_and(|o| o.to_string() == revocation_data::REVOCATION_VALUES)
        };
        for v in values(&signer.info.unsigned_attrs, &cades) {
            out.add_archival(&v);
        }
        out
    }
}

/// The result of checking one signer: what was learnt, and the outcome.
#[derive(Debug, Clone)]
pub struct SignerCheck {
    /// The signer's digest algorithm, when known.
    pub digest_algorithm: Option<DigestAlgorithm>,
    /// Its signature algorithm, when known.
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// The signer's certificate (DER), when found.
    pub signer_certificate: Option<Vec<u8>>,
    /// The `signing-time` attribute (claimed by the signer, not proven).
    pub signing_time: Option<Instant>,
    /// The signature value's octets (what a signature timestamp's imprint covers).
    pub signature_value: Vec<u8>,
    /// The signature timestamp tokens (DER) among the unsigned attributes.
    pub timestamp_tokens: Vec<Vec<u8>>,
    /// CRLs and OCSP responses the CMS carries for this signer.
    pub revocation: RevocationData,
    /// Warnings: what the signer does not comply with.
    pub findings: Vec<Finding>,
    /// `Ok` when the signature verifies over the content.
    pub outcome: Result<(), CmsError>,
}

impl Default for SignerCheck {
    fn default() -> Self {
        Self {
            digest_algorithm: None,
            signature_algorithm: None,
            signer_certificate: None,
            signing_time: None,
            signature_value: Vec::new(),
            timestamp_tokens: Vec::new(),
            revocation: RevocationData::default(),
            findings: Vec::new(),
            outcome: Err(CmsError::NoContent),
        }
    }
}

impl SignerCheck {
    fn push(&mut self, d: &dyn Diagnostic) {
        if !self.findings.iter().any(|f| f.code == d.code()) {
            self.findings.push(d.to_finding(""));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use motcua_forge::ca::{rng, TestCa, SIGNING_TIME};
    use motcua_forge::cms::{detached, Signing};
    use motcua_forge::keys::{Algorithm, Digest};
    use std::sync::OnceLock;

    fn ca() -> &'static TestCa {
        static CA: OnceLock<TestCa> = OnceLock::new();
        CA.get_or_init(|| TestCa::new(&mut rng()).expect("test CA"))
    }

    const DATA: &[u8] = b"Ho so so 000.00.01.H26-260305-0001\n";

    /// A detached CAdES signature by the person over `DATA`.
    fn signed(ess: bool) -> Vec<u8> {
        let ca = ca();
        let chain = [&ca.intermediate];
        let s = Signing {
            signer: &ca.person,
            chain: &chain,
            algorithm: Algorithm::plain(Digest::Sha256),
            signing_time: Some(SIGNING_TIME),
            signing_certificate_v2: ess,
            timestamp: None,
            revocation: None,
            token_crls: &[],
        };
        detached(&s, &[DATA], &mut rng()).expect("sign")
    }

    fn outcome(der: &[u8], content: &[u8], profile: Profile) -> SignerCheck {
        Cms::parse(der)
            .expect("parse")
            .verify_signer(0, Content::Bytes(content), profile)
    }

    #[test]
    fn a_signature_verifies_and_names_its_signer() {
        let der = signed(true);
        let cms = Cms::parse(&der).expect("parse");
        assert_eq!((cms.padding, cms.trailing), (0, 0));
        assert_eq!(cms.content_type, oid::DATA);
        assert_eq!(cms.content, None);
        assert_eq!(cms.certificates.len(), 2);
        let check = cms.verify_signer(0, Content::Bytes(DATA), Profile::Pades);
        assert_eq!(check.outcome, Ok(()));
        assert_eq!(
            check.signer_certificate.as_deref(),
            Some(&ca().person.der[..])
        );
        assert_eq!(
            check.signing_time.map(Instant::rfc3339).as_deref(),
            Some("2026-03-05T02:30:15Z")
        );
        // PAdES puts the claimed time in /M, not in a signing-time attribute.
        let codes: Vec<&str> = check.findings.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["cms.signing_time_attribute"]);
        assert_eq!(check.digest_algorithm, Some(DigestAlgorithm::Sha256));
    }

    #[test]
    fn padding_is_counted_and_other_trailing_bytes_reported() {
        let mut der = signed(true);
        let len = der.len();
        der.extend([0u8; 100]);
        let cms = Cms::parse(&der).expect("padded");
        assert_eq!((cms.der.len(), cms.padding, cms.trailing), (len, 100, 0));
        der[len + 50] = 1;
        let cms = Cms::parse(&der).expect("trailing");
        assert_eq!((cms.padding, cms.trailing), (0, 100));
        let check = cms.verify_signer(0, Content::Bytes(DATA), Profile::File);
        assert_eq!(check.outcome, Ok(()));
        assert!(check.findings.iter().any(|f| f.code == "cms.trailing_data"));
    }

    #[test]
    fn changed_content_is_a_digest_mismatch() {
        let der = signed(true);
        let check = outcome(&der, b"Ho so so 000.00.01.H26-260305-0002\n", Profile::File);
        assert_eq!(check.outcome, Err(CmsError::DigestMismatch));
        let cms = Cms::parse(&der).expect("parse");
        assert_eq!(
            cms.verify_signer(0, Content::Encapsulated, Profile::File)
                .outcome,
            Err(CmsError::NoContent)
        );
        assert!(matches!(
            cms.verify_signer(1, Content::Bytes(DATA), Profile::File)
                .outcome,
            Err(CmsError::SignerCount { count: 1 })
        ));
    }

    #[test]
    fn a_changed_signature_value_is_invalid() {
        let mut der = signed(true);
        let n = der.len();
        // The signature value is the SignerInfo's last field, at the end of the DER.
        der[n - 10] ^= 0x55;
        let check = outcome(&der, DATA, Profile::File);
        assert_eq!(
            check.outcome,
            Err(CmsError::Crypto(CryptoError::Invalid)),
            "{:?}",
            check.outcome
        );
    }

    #[test]
    fn without_ess_pades_has_a_finding_and_a_file_none() {
        let der = signed(false);
        let pades = outcome(&der, DATA, Profile::Pades);
        assert_eq!(pades.outcome, Ok(()));
        assert!(pades
            .findings
            .iter()
            .any(|f| f.code == "cms.no_signing_certificate"));
        let file = outcome(&der, DATA, Profile::File);
        assert!(file.findings.is_empty(), "{:?}", file.findings);
    }

    #[test]
    fn a_signer_missing_from_the_certificates_is_not_found() {
        let der = signed(true);
        // Replace the signer's certificate by the intermediate's everywhere it appears: same
        // length is not needed, so rebuild through the cms crate's types instead.
        let info = ContentInfo::from_der(&der).expect("ci");
        let mut sd: ::cms::signed_data::SignedData = info.content.decode_as().expect("sd");
        let certs = sd.certificates.as_mut().expect("certs");
        let kept: Vec<_> = certs
            .0
            .iter()
            .filter(|c| match c {
                ::cms::cert::CertificateChoices::Certificate(c) => {
                    c.to_der().ok().as_deref() != Some(&ca().person.der[..])
                }
                _ => true,
            })
            .cloned()
            .collect();
        certs.0 = der::asn1::SetOfVec::try_from(kept).expect("set");
        let rebuilt = ContentInfo {
            content_type: info.content_type,
            content: der::Any::encode_from(&sd).expect("any"),
        }
        .to_der()
        .expect("der");
        let check = outcome(&rebuilt, DATA, Profile::File);
        assert_eq!(check.outcome, Err(CmsError::SignerNotFound));
        assert!(CmsError::SignerNotFound.undetermined());
        assert!(!CmsError::DigestMismatch.undetermined());
    }

    #[test]
    fn signed_attributes_out_of_der_order_are_refused() {
        let der = signed(true);
        // Swap the first two signed attributes in place (same bytes, other order).
        let cms = Cms::parse(&der).expect("parse");
        let raw = cms.signers[0].signed_attrs.expect("attrs");
        let start = raw.as_ptr() as usize - der.as_ptr() as usize;
        let attrs = tlv::read(raw).expect("tlv").children().expect("children");
        let (a, b) = (attrs[0].raw.to_vec(), attrs[1].raw.to_vec());
        let header = raw.len() - attrs.iter().map(|t| t.raw.len()).sum::<usize>();
        let mut swapped = der.clone();
        let at = start + header;
        swapped[at..at + b.len()].copy_from_slice(&b);
        swapped[at + b.len()..at + b.len() + a.len()].copy_from_slice(&a);
        let check = outcome(&swapped, DATA, Profile::File);
        assert_eq!(check.outcome, Err(CmsError::SignedAttributesNotDer));
    }

    #[test]
    fn what_is_not_signed_data_is_refused() {
        assert_eq!(Cms::parse(&[0; 64]).map(|_| ()), Err(CmsError::Empty));
        assert_eq!(Cms::parse(&[]).map(|_| ()), Err(CmsError::Empty));
        assert!(matches!(
            Cms::parse(b"\x30\x03\x02\x01\x01").map(|_| ()),
            Err(CmsError::Malformed { .. })
        ));
        // ContentInfo of id-data.
        let data = ContentInfo {
            content_type: der::asn1::ObjectIdentifier::new_unwrap(oid::DATA),
            content: der::Any::encode_from(&der::asn1::OctetString::new(*b"x").expect("os"))
                .expect("any"),
        }
        .to_der()
        .expect("der");
        assert_eq!(
            Cms::parse(&data).map(|_| ()),
            Err(CmsError::NotSignedData {
                content_type: oid::DATA.to_owned()
            })
        );
        // A set wider than the limit.
        let mut wide = vec![0x30, 0x82, 0x04, 0x06, 0x31, 0x82, 0x04, 0x02];
        wide.extend([0x05, 0x00].repeat(MAX_SET_MEMBERS + 1));
        assert_eq!(Cms::parse(&wide).map(|_| ()), Err(CmsError::TooComplex));
        // BER is read as its DER equivalent.
        assert_eq!(ber_to_der(&signed(true)), None);
    }

    #[test]
    fn every_code_is_in_the_catalog() {
        let s = String::from("1.2");
        let errors = [
            CmsError::Empty,
            CmsError::Malformed { what: s.clone() },
            CmsError::TooComplex,
            CmsError::NotSignedData {
                content_type: s.clone(),
            },
            CmsError::SignerCount { count: 2 },
            CmsError::SignerNotFound,
            CmsError::SignedAttributesNotDer,
            CmsError::SignedAttributesRequired {
                content_type: s.clone(),
            },
            CmsError::BadAttribute {
                attribute: "message-digest",
            },
            CmsError::ContentTypeMismatch {
                found: s.clone(),
                expected: s,
            },
            CmsError::DigestMismatch,
            CmsError::SigningCertificateMismatch,
            CmsError::NoContent,
            CmsError::ContentMismatch,
        ];
        let findings = [
            CmsFinding::TrailingData { bytes: 3 },
            CmsFinding::NoSigningCertificate,
            CmsFinding::NoSignedAttributes,
            CmsFinding::SigningTimeAttribute,
            CmsFinding::DeprecatedSubFilter,
            CmsFinding::EncapsulatedContent,
            CmsFinding::BerEncoded,
        ];
        let all: Vec<&dyn Diagnostic> = errors
            .iter()
            .map(|e| e as &dyn Diagnostic)
            .chain(findings.iter().map(|f| f as &dyn Diagnostic))
            .collect();
        let codes: std::collections::BTreeSet<&str> = all.iter().map(|d| d.code()).collect();
        assert_eq!(codes.len(), all.len());
        for f in all.iter().map(|d| d.to_finding("")) {
            assert!(!f.vi.contains('{') && !f.en.contains('{'), "{}", f.code);
        }
        let listed: std::collections::BTreeSet<&str> = crate::catalog::entries()
            .filter(|e| e.code.starts_with("cms."))
            .map(|e| e.code.as_str())
            .collect();
        assert_eq!(listed, codes);
    }
}
