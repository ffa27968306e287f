//! The integrity of each signature of a document: for a PDF, every signed field's byte range
//! ([`super::byte_range`]), its CMS ([`super::cms`]) or, for a document timestamp, its RFC 3161
//! token ([`super::timestamp`]), and the signature timestamps of each signer; for a CMS file
//! (`.p7s` / `.p7m`), each signer over the data. The result per signature,
//! [`SignatureIntegrity`], is what the report stage assembles (ETSI EN 319 102-1 §5.2.7
//! cryptographic verification and §5.2.8 signature acceptance building blocks; the indication is
//! the report's).
//!
//! Integrity is [`Integrity::Intact`] only when every rule holds: the byte range covers exactly
//! its revision but `/Contents`, the CMS verifies over those bytes, and its signed attributes
//! hold. A rule broken is [`Integrity::Broken`] with the first reason (in the order byte range,
//! CMS structure, content digest, signature value); an algorithm or key this checker does not
//! implement, or a signer certificate absent from the CMS, is [`Integrity::Undetermined`]. The
//! readings chosen are in `spec/signature/integrity.md`.
//!
//! Sub-filters (ISO 32000-1 §12.8.3, ETSI EN 319 142-1 §6.3): `ETSI.CAdES.detached` (PAdES),
//! `adbe.pkcs7.detached`, `adbe.pkcs7.sha1` (deprecated, ISO 32000-2) and `ETSI.RFC3161`
//! (document timestamp) are checked; any other (`adbe.x509.rsa_sha1`, none) is undetermined.

use serde::{Serialize, Serializer};

use super::byte_range::{self, Coverage, Ranges};
use super::cms::{Cms, CmsError, CmsFinding, Content, Profile};
use super::crypto::{DigestAlgorithm, SignatureAlgorithm};
use super::pdf::{Document, PdfError, SignatureDict, SignatureKind};
use super::report::{CryptoVerdict, IntegrityVerdict};
use super::revocation_data::RevocationData;
use super::time::Instant;
use super::timestamp::{self, Imprinted, TimestampCheck, TimestampKind};
use crate::finding::{Diagnostic, Finding};

/// Why a signature's integrity cannot be decided beyond the other stages' errors.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IntegrityError {
    /// A `/SubFilter` this checker does not implement.
    #[error("sub-filter {sub_filter} is not supported")]
    UnsupportedSubFilter {
        /// The sub-filter, or `(none)`.
        sub_filter: String,
    },
}

impl Diagnostic for IntegrityError {
    fn code(&self) -> &'static str {
        match self {
            Self::UnsupportedSubFilter { .. } => "integrity.unsupported_sub_filter",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::UnsupportedSubFilter { sub_filter } => vec![("sub_filter", sub_filter.clone())],
        }
    }
}

/// What a signature's integrity stage notes beside an intact result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntegrityFinding {
    /// The signature dictionary was rewritten after signing; the signed version was checked.
    SignatureDictionaryRewritten,
}

impl Diagnostic for IntegrityFinding {
    fn code(&self) -> &'static str {
        match self {
            Self::SignatureDictionaryRewritten => "integrity.signature_dictionary_rewritten",
        }
    }
}

/// Whether the signed bytes are those the signer signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Integrity {
    /// Every rule holds.
    Intact,
    /// A rule is broken: the signature is not a signature of this document as it stands.
    Broken {
        /// The first rule broken.
        reason: Finding,
    },
    /// Neither confirmed nor refuted (unsupported algorithm or key, signer certificate absent).
    Undetermined {
        /// Why.
        reason: Finding,
    },
}

impl Integrity {
    /// Broken, or undetermined when `undetermined`, for `e`.
    pub fn from_error(e: &dyn Diagnostic, undetermined: bool) -> Self {
        let reason = e.to_finding("");
        if undetermined {
            Self::Undetermined { reason }
        } else {
            Self::Broken { reason }
        }
    }

    /// Whether intact.
    pub fn is_intact(&self) -> bool {
        matches!(self, Self::Intact)
    }

    /// The reason's code, when not intact.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Intact => None,
            Self::Broken { reason } | Self::Undetermined { reason } => Some(&reason.code),
        }
    }
}

/// What kind of signature a result is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignedKind {
    /// A PDF signature.
    PdfSignature,
    /// A PDF document timestamp.
    DocumentTimestamp,
    /// A signer of a CMS file.
    Cms,
}

pub(crate) fn digest_name<S: Serializer>(
    d: &Option<DigestAlgorithm>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(d.name()),
        None => s.serialize_none(),
    }
}

fn signature_name<S: Serializer>(a: &Option<SignatureAlgorithm>, s: S) -> Result<S::Ok, S::Error> {
    match a {
        Some(a) => s.serialize_str(&a.name()),
        None => s.serialize_none(),
    }
}

/// The integrity of one signature.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureIntegrity {
    /// The PDF field's full name (none for a CMS file).
    pub field: Option<String>,
    /// What it is.
    pub kind: SignedKind,
    /// The `/SubFilter` (PDF).
    pub sub_filter: Option<String>,
    /// Intact, broken or undetermined, with the reason.
    pub integrity: Integrity,
    /// What the byte range covers, when it obeys the rules (PDF).
    pub coverage: Option<Coverage>,
    /// The signer's digest algorithm.
    #[serde(serialize_with = "digest_name")]
    pub digest_algorithm: Option<DigestAlgorithm>,
    /// The signature algorithm.
    #[serde(serialize_with = "signature_name")]
    pub signature_algorithm: Option<SignatureAlgorithm>,
    /// The signer's (or TSA's) certificate, DER, when found in the CMS.
    #[serde(skip)]
    pub signer_certificate: Option<Vec<u8>>,
    /// Every certificate embedded in the CMS, DER, for the certificate stage.
    #[serde(skip)]
    pub certificates: Vec<Vec<u8>>,
    /// The `signing-time` attribute: claimed by the signer, proven by nothing.
    pub signing_time: Option<Instant>,
    /// Signature timestamps (or, for a document timestamp, the token itself).
    pub timestamps: Vec<TimestampCheck>,
    /// The CRLs and OCSP responses the CMS carries (`crls`, `adbe-revocationInfoArchival`,
    /// `revocation-values`).
    #[serde(skip)]
    pub revocation: RevocationData,
    /// Warnings: what the signature does not comply with though intact.
    pub findings: Vec<Finding>,
}

impl SignatureIntegrity {
    fn new(field: Option<String>, kind: SignedKind, sub_filter: Option<String>) -> Self {
        Self {
            field,
            kind,
            sub_filter,
            integrity: Integrity::Intact,
            coverage: None,
            digest_algorithm: None,
            signature_algorithm: None,
            signer_certificate: None,
            certificates: Vec::new(),
            signing_time: None,
            timestamps: Vec::new(),
            revocation: RevocationData::default(),
            findings: Vec::new(),
        }
    }

    /// Keeps the first reason the signature is not intact.
    fn fail(&mut self, e: &dyn Diagnostic, undetermined: bool) {
        if self.integrity.is_intact() {
            self.integrity = Integrity::from_error(e, undetermined);
        }
    }

    fn note(&mut self, f: Finding) {
        if !self.findings.iter().any(|g| g.code == f.code) {
            self.findings.push(f);
        }
    }
}

impl SignatureIntegrity {
    /// The integrity stage's verdict for the report ([`super::report::Stages`]): byte range,
    /// CMS structure and the digest of the signed bytes (ETSI EN 319 102-1 §5.2.7: a layout or
    /// structure failure is `FORMAT_FAILURE`, a digest that does not match `HASH_FAILURE`). Not
    /// checked when the digest could not be computed (an unsupported digest or sub-filter, a
    /// detached CMS without its content).
    pub fn integrity_verdict(&self) -> IntegrityVerdict {
        let Some(code) = self.integrity.code() else {
            return IntegrityVerdict::Intact;
        };
        match code {
            "cms.digest_mismatch" | "cms.content_mismatch" | "timestamp.imprint_mismatch" => {
                IntegrityVerdict::HashFailure
            }
            "cms.no_content" | "integrity.unsupported_sub_filter" => IntegrityVerdict::NotChecked,
            c if c.starts_with("byte_range.")
                || c.starts_with("timestamp.")
                || c.starts_with("cms.")
                    && !matches!(
                        c,
                        "cms.signer_not_found" | "cms.signing_certificate_mismatch"
                    ) =>
            {
                IntegrityVerdict::FormatFailure
            }
            // The digest algorithm itself is not supported: nothing was hashed.
            _ if self.digest_algorithm.is_none() => IntegrityVerdict::NotChecked,
            // Failures of the signature value, its algorithms or the signer's certificate come
            // after the digest matched.
            _ => IntegrityVerdict::Intact,
        }
    }

    /// The cryptographic stage's verdict for the report: the signature value under the
    /// signer's key, its algorithms (SHA-1 is `CRYPTO_CONSTRAINTS_FAILURE_NO_POE`: no proof of
    /// existence before SHA-1 stopped being acceptable is evaluated), and the signer's
    /// certificate as the CMS identifies it. Not checked when the integrity stage failed first.
    pub fn crypto_verdict(&self) -> CryptoVerdict {
        let Some(code) = self.integrity.code() else {
            return if self.findings.iter().any(|f| f.code == "crypto.sha1") {
                CryptoVerdict::CryptoConstraintsNoPoe
            } else {
                CryptoVerdict::Verified
            };
        };
        if self.integrity_verdict() != IntegrityVerdict::Intact {
            return match code {
                "cms.no_content" => CryptoVerdict::SignedDataNotFound,
                "crypto.unsupported_algorithm" | "integrity.unsupported_sub_filter" => {
                    CryptoVerdict::CryptoConstraints
                }
                _ => CryptoVerdict::NotChecked,
            };
        }
        match code {
            "cms.signer_not_found" | "cms.signing_certificate_mismatch" => {
                CryptoVerdict::NoSigningCertificate
            }
            "crypto.unsupported_algorithm" | "crypto.unsupported_key" => {
                CryptoVerdict::CryptoConstraints
            }
            _ => CryptoVerdict::SignatureInvalid,
        }
    }
}

/// Every signed signature field of `doc` (as of its newest revision), checked.
///
/// A signature dictionary rewritten by a later revision (its `/Reason` replaced, say) no longer
/// has its `/Contents` where the byte range leaves a gap; the version checked is then the one,
/// in an earlier revision, whose byte range obeys the rules — the signed one — with the warning
/// `integrity.signature_dictionary_rewritten`, and the rewrite is a change after signing for the
/// change-detection stage to judge. A dictionary no version of which obeys the rules is broken.
pub fn check_document(doc: &Document<'_>) -> Result<Vec<SignatureIntegrity>, PdfError> {
    let sigs = doc.latest().signatures()?;
    let mut out = Vec::new();
    for f in &sigs.fields {
        let Some(sig) = &f.signature else { continue };
        let mut result = check_signature(doc, Some(f.name.clone()), sig);
        let layout_broken = result
            .integrity
            .code()
            .is_some_and(|c| c.starts_with("byte_range."));
        if let (true, Some(object)) = (layout_broken, sig.object) {
            if let Some(signed) = signed_version(doc, object, sig)? {
                result = check_signature(doc, Some(f.name.clone()), &signed);
                result.note(IntegrityFinding::SignatureDictionaryRewritten.to_finding(""));
            }
        }
        out.push(result);
    }
    Ok(out)
}

/// The newest earlier version of the signature dictionary `object` whose byte range obeys the
/// rules, if `latest` is not it.
fn signed_version<'d>(
    doc: &'d Document<'_>,
    object: super::pdf::ObjRef,
    latest: &SignatureDict<'_>,
) -> Result<Option<SignatureDict<'d>>, PdfError> {
    for index in (0..doc.revisions().len().saturating_sub(1)).rev() {
        let view = doc.view(index)?;
        let Ok(sigs) = view.signatures() else {
            continue;
        };
        let found = sigs
            .fields
            .into_iter()
            .filter_map(|f| f.signature)
            .find(|s| s.object == Some(object) && s.contents != latest.contents);
        if let Some(s) = found {
            if byte_range::check(doc, &s).is_ok() {
                return Ok(Some(s));
            }
        }
    }
    Ok(None)
}

/// The ranges `/ByteRange` names, when they lie inside the file (whatever the layout rules say),
/// so that the CMS can still be checked over the bytes it claims to sign.
fn named_ranges(sig: &SignatureDict<'_>, len: usize) -> Option<Ranges> {
    let &[a, b, c, d] = sig.byte_range.as_deref()? else {
        return None;
    };
    let to = |n: i64| usize::try_from(n).ok();
    let (a, b, c, d) = (to(a)?, to(b)?, to(c)?, to(d)?);
    let first = a..a.checked_add(b)?;
    let second = c..c.checked_add(d)?;
    (first.end <= len && second.end <= len).then_some(Ranges { first, second })
}

/// One signature dictionary of `doc`, checked.
pub fn check_signature(
    doc: &Document<'_>,
    field: Option<String>,
    sig: &SignatureDict<'_>,
) -> SignatureIntegrity {
    let timestamp = sig.kind == SignatureKind::DocTimeStamp;
    let kind = if timestamp {
        SignedKind::DocumentTimestamp
    } else {
        SignedKind::PdfSignature
    };
    let mut out = SignatureIntegrity::new(field, kind, sig.sub_filter.clone());
    match byte_range::check(doc, sig) {
        Ok(c) => out.coverage = Some(c),
        Err(e) => out.fail(&e, false),
    }
    let file = doc.bytes();
    let ranges = match &out.coverage {
        Some(c) => Some(c.ranges.clone()),
        None => named_ranges(sig, file.len()),
    };
    let contents: &[u8] = sig.contents.as_ref().map_or(&[], |c| &c.bytes);
    if timestamp {
        let data = match &ranges {
            Some(r) => Imprinted::Ranges { file, ranges: r },
            None => Imprinted::Bytes(&[]),
        };
        let ts = timestamp::check(contents, TimestampKind::Document, data);
        out.digest_algorithm = ts.imprint_algorithm;
        out.certificates.clone_from(&ts.certificates);
        out.signer_certificate.clone_from(&ts.tsa_certificate);
        for f in &ts.findings {
            out.note(f.clone());
        }
        if let Integrity::Broken { reason } | Integrity::Undetermined { reason } = &ts.integrity {
            let undetermined = matches!(ts.integrity, Integrity::Undetermined { .. });
            if out.integrity.is_intact() {
                out.integrity = if undetermined {
                    Integrity::Undetermined {
                        reason: reason.clone(),
                    }
                } else {
                    Integrity::Broken {
                        reason: reason.clone(),
                    }
                };
            }
        }
        out.timestamps.push(ts);
        return out;
    }
    let profile = match sig.sub_filter.as_deref() {
        Some("ETSI.CAdES.detached") => Profile::Pades,
        Some("adbe.pkcs7.detached") => Profile::Pkcs7Detached,
        Some("adbe.pkcs7.sha1") => Profile::Pkcs7Sha1,
        other => {
            let e = IntegrityError::UnsupportedSubFilter {
                sub_filter: other.unwrap_or("(none)").to_owned(),
            };
            out.fail(&e, true);
            return out;
        }
    };
    let normalized = super::cms::ber_to_der(contents);
    if normalized.is_some() {
        out.note(CmsFinding::BerEncoded.to_finding(""));
    }
    let cms = match Cms::parse(normalized.as_deref().unwrap_or(contents)) {
        Ok(c) => c,
        Err(e) => {
            out.fail(&e, false);
            return out;
        }
    };
    out.certificates = cms.certificate_ders();
    if cms.signers.len() != 1 {
        // ISO 32000-1 §12.8.3.3.1: "only a single signer shall be present".
        out.fail(
            &CmsError::SignerCount {
                count: cms.signers.len(),
            },
            false,
        );
    }
    let content = match &ranges {
        Some(r) => Content::Ranges { file, ranges: r },
        None => Content::Bytes(&[]),
    };
    let check = cms.verify_signer(0, content, profile);
    apply_signer(&mut out, check);
    out
}

fn apply_signer(out: &mut SignatureIntegrity, check: super::cms::SignerCheck) {
    out.digest_algorithm = check.digest_algorithm;
    out.signature_algorithm = check.signature_algorithm;
    out.signer_certificate = check.signer_certificate;
    out.signing_time = check.signing_time;
    out.revocation = check.revocation;
    for f in check.findings {
        out.note(f);
    }
    if let Err(e) = &check.outcome {
        out.fail(e, e.undetermined());
    }
    for token in &check.timestamp_tokens {
        out.timestamps.push(timestamp::check(
            token,
            TimestampKind::Signature,
            Imprinted::Bytes(&check.signature_value),
        ));
    }
}

/// Every signer of the CMS file `der` over `content` (the data file of a detached `.p7s`; `None`
/// for an attached `.p7m`, whose encapsulated content is then what was signed).
pub fn check_cms(der: &[u8], content: Option<&[u8]>) -> Vec<SignatureIntegrity> {
    let normalized = super::cms::ber_to_der(der);
    let cms = match Cms::parse(normalized.as_deref().unwrap_or(der)) {
        Ok(c) => c,
        Err(e) => {
            let mut out = SignatureIntegrity::new(None, SignedKind::Cms, None);
            out.fail(&e, false);
            return vec![out];
        }
    };
    if cms.signers.is_empty() {
        let mut out = SignatureIntegrity::new(None, SignedKind::Cms, None);
        out.fail(&CmsError::SignerCount { count: 0 }, false);
        return vec![out];
    }
    let content = content.map_or(Content::Encapsulated, Content::Bytes);
    (0..cms.signers.len())
        .map(|i| {
            let mut out = SignatureIntegrity::new(None, SignedKind::Cms, None);
            out.certificates = cms.certificate_ders();
            if normalized.is_some() {
                out.note(CmsFinding::BerEncoded.to_finding(""));
            }
            apply_signer(&mut out, cms.verify_signer(i, content, Profile::File));
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_in_the_catalog() {
        let e = IntegrityError::UnsupportedSubFilter {
            sub_filter: "adbe.x509.rsa_sha1".into(),
        };
        let f = e.to_finding("");
        assert!(!f.en.contains('{'));
        let listed: Vec<&str> = crate::catalog::entries()
            .filter(|e| e.code.starts_with("integrity."))
            .map(|e| e.code.as_str())
            .collect();
        let mut listed = listed;
        listed.sort_unstable();
        assert_eq!(
            listed,
            [
                IntegrityFinding::SignatureDictionaryRewritten.code(),
                e.code()
            ]
        );
    }

    #[test]
    fn a_cms_file_that_is_not_cms_is_broken() {
        let r = check_cms(b"not a cms", None);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].integrity.code(), Some("cms.malformed"));
        let r = check_cms(&[0; 16], None);
        assert_eq!(r[0].integrity.code(), Some("cms.empty"));
    }
}
