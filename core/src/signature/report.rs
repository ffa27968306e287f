//! The verification report (issue 6 point 6), in the spirit of ETSI EN 319 102-1: per signature
//! an `indication` (§5.1.3 Table 4: `TOTAL_PASSED`, `TOTAL_FAILED`, `INDETERMINATE`) and a
//! `sub_indication` (§5.1.3 Tables 5–6), the integrity, the changes after signing, the signer,
//! the signing time, the certificate findings and the legal-format findings; and a document-level
//! `indication`. Rules and readings: `spec/signature/report.md`; JSON Schema:
//! `spec/schema/signature-report.schema.json`.
//!
//! The indication is a pure function of the stage results ([`Stages`]), [`signature_indication`]:
//! every stage result is a small enum that the stage (integrity, CMS, certificates, changes)
//! produces, with an explicit "not checked". **A false valid is the worst bug this project can
//! have**, so `TOTAL_PASSED` is only reachable when every stage says it passed; a stage that did
//! not run makes the signature `INDETERMINATE`, never passed.
//!
//! The public interface is [`Stages`] and its stage enums, [`signature_indication`],
//! [`SignatureInput`] → [`SignatureResult`] ([`SignatureResult::new`]), [`SignatureReport::new`]
//! (document level, with the optional [`FormatReport`]) and [`SignatureReport::passes`].

use serde::{Deserialize, Serialize};

use crate::catalog;
use crate::finding::Finding;
use crate::signature::changes::{Change, Modification, SignatureChanges};
use crate::signature::format::{
    Decree30Role, FormatFinding, FormatReport, FormatVerdict, ManualCheck, SignerClass,
    SigningTimes, TimeSource,
};
use crate::signature::integrity::{Integrity as IntegrityResult, SignatureIntegrity};

/// The main status of a validation (ETSI EN 319 102-1 §5.1.3 Table 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Indication {
    /// Every check passed.
    TotalPassed,
    /// A check proved the signature invalid.
    TotalFailed,
    /// The available information does not establish validity either way.
    Indeterminate,
}

impl Indication {
    /// Badness for the document-level worst-of: failed over indeterminate over passed.
    fn rank(self) -> u8 {
        match self {
            Self::TotalPassed => 0,
            Self::Indeterminate => 1,
            Self::TotalFailed => 2,
        }
    }
}

/// Why a signature is not `TOTAL_PASSED` (ETSI EN 319 102-1 §5.1.3: Table 5 for `TOTAL_FAILED`,
/// Table 6 for `INDETERMINATE`); only the ones this checker can reach are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SubIndication {
    /// TOTAL_FAILED: the signature is not conformant to its base standard (a byte range that
    /// breaks ISO 32000-1 §12.8.1, a `/Contents` holding no SignedData).
    FormatFailure,
    /// TOTAL_FAILED: the digest of the signed data does not match.
    HashFailure,
    /// TOTAL_FAILED: the signature value does not verify with the signer's public key.
    SigCryptoFailure,
    /// TOTAL_FAILED: the signer's certificate was revoked before the (proven) signing time.
    Revoked,
    /// TOTAL_FAILED: the signing time is proven after the certificate's notAfter.
    Expired,
    /// TOTAL_FAILED: the signing time is before the certificate's notBefore.
    NotYetValid,
    /// INDETERMINATE: the signer's certificate cannot be identified.
    NoSigningCertificateFound,
    /// INDETERMINATE: the signed data (the content of a detached CMS) is not available.
    SignedDataNotFound,
    /// INDETERMINATE: no chain to a trust anchor.
    NoCertificateChainFound,
    /// INDETERMINATE: the chain does not meet the constraints (key usage, path constraints).
    ChainConstraintsFailure,
    /// INDETERMINATE: the signature does not meet the signature constraints.
    SigConstraintsFailure,
    /// INDETERMINATE: an algorithm or key size is below the required level.
    CryptoConstraintsFailure,
    /// INDETERMINATE: an algorithm or key size is below the required level and nothing proves
    /// the signature existed while it was still acceptable.
    CryptoConstraintsFailureNoPoe,
    /// INDETERMINATE: the certificate is revoked, and nothing proves the signature existed before.
    RevokedNoPoe,
    /// INDETERMINATE: the signing time is outside the certificate's validity and nothing proves
    /// when the signature existed.
    OutOfBoundsNoPoe,
    /// INDETERMINATE: revocation status unknown for now (no CRL or OCSP response available).
    TryLater,
}

/// Whether the signed bytes are those the signature was made over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Integrity {
    /// Byte range well formed and digest matching.
    Intact,
    /// Byte range malformed, no SignedData, digest mismatch, or a signature value that does not
    /// verify.
    Broken,
}

/// The changes after a signature, and their verdict (the change-detection stage's
/// [`Modification`] and [`Change`]s, `spec/signature/changes.md`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ModifiedAfterSigning {
    /// `none`, `allowed` or `disallowed`.
    pub status: Modification,
    /// Every change, allowed or not.
    pub changes: Vec<Change>,
}

/// The integrity stage's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntegrityVerdict {
    /// The byte range is well formed and the digest matches.
    Intact,
    /// The byte range breaks the layout rule, or `/Contents` holds no SignedData.
    FormatFailure,
    /// The digest over the byte range does not match `messageDigest`.
    HashFailure,
    /// The stage did not run.
    NotChecked,
}

/// The cryptographic stage's result (CMS, signature value, algorithms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CryptoVerdict {
    /// The signature value verifies with acceptable algorithms.
    Verified,
    /// The signature value does not verify.
    SignatureInvalid,
    /// An algorithm is below the required level (e.g. SHA-1), and no proof of earlier existence.
    CryptoConstraintsNoPoe,
    /// An algorithm is below the required level.
    CryptoConstraints,
    /// The signer's certificate is not in the CMS or does not match the signer identifier.
    NoSigningCertificate,
    /// The content a detached CMS signs was not supplied.
    SignedDataNotFound,
    /// A signed attribute breaks a constraint (content type, ESS signing-certificate-v2).
    SigConstraints,
    /// The stage did not run.
    NotChecked,
}

/// The certificate stage's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertificateVerdict {
    /// Chain to a trust anchor, valid at the signing time, acceptable key usage and key size.
    Valid,
    /// Revoked before the proven signing time.
    Revoked,
    /// Expired before the proven signing time.
    Expired,
    /// Not yet valid at the signing time.
    NotYetValid,
    /// Revoked, with no proof the signature existed before.
    RevokedNoPoe,
    /// Outside its validity at validation time, with no proof of when the signature existed.
    OutOfBoundsNoPoe,
    /// No chain to a trust anchor.
    NoChain,
    /// The chain breaks a constraint (key usage, basic constraints).
    ChainConstraints,
    /// A key or algorithm in the chain is below the required level, no proof of earlier existence.
    CryptoConstraintsNoPoe,
    /// Revocation status cannot be established now.
    TryLater,
    /// The stage did not run.
    NotChecked,
}

/// The change-detection stage's result.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangesVerdict {
    /// No revision after the signature's.
    None,
    /// Later revisions made only allowed changes.
    Allowed(Vec<Change>),
    /// A later revision made a disallowed change (the list holds every change).
    Disallowed(Vec<Change>),
    /// The stage did not run.
    NotChecked,
}

/// The integrity stage's findings for the report: the reason a signature is not intact, then its
/// warnings.
pub fn integrity_findings(i: &SignatureIntegrity) -> Vec<Finding> {
    let mut out = Vec::new();
    if let IntegrityResult::Broken { reason } | IntegrityResult::Undetermined { reason } =
        &i.integrity
    {
        out.push(reason.clone());
    }
    out.extend(i.findings.iter().cloned());
    out
}

impl From<&SignatureChanges> for ChangesVerdict {
    /// The verdict of [`crate::signature::changes::analyse`] for one signature.
    fn from(c: &SignatureChanges) -> Self {
        match c.modified_after_signing {
            Modification::None => Self::None,
            Modification::Allowed => Self::Allowed(c.changes.clone()),
            Modification::Disallowed => Self::Disallowed(c.changes.clone()),
        }
    }
}

/// Every stage's result for one signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Stages {
    /// Byte range and digest.
    pub integrity: IntegrityVerdict,
    /// CMS and signature value.
    pub crypto: CryptoVerdict,
    /// Certificate chain and validity.
    pub certificate: CertificateVerdict,
    /// Changes after signing.
    pub changes: ChangesVerdict,
}

/// The indication and sub-indication of one signature from its stage results.
///
/// Precedence (spec/signature/report.md; ETSI EN 319 102-1 §5.3, where a `FAILED` of any step
/// makes the whole `FAILED` even when an earlier step was `INDETERMINATE`):
/// 1. `TOTAL_FAILED`, with the first that applies of `FORMAT_FAILURE`, `HASH_FAILURE`,
///    `SIG_CRYPTO_FAILURE`, `REVOKED`, `EXPIRED`, `NOT_YET_VALID`, then a disallowed change after
///    signing (no sub-indication: EN 319 102-1 has none for it; the reason is in
///    `modified_after_signing`);
/// 2. else `INDETERMINATE`, with the first of `NO_SIGNING_CERTIFICATE_FOUND`,
///    `SIGNED_DATA_NOT_FOUND`, `NO_CERTIFICATE_CHAIN_FOUND`, `CHAIN_CONSTRAINTS_FAILURE`,
///    `REVOKED_NO_POE`, `OUT_OF_BOUNDS_NO_POE`, `CRYPTO_CONSTRAINTS_FAILURE_NO_POE`,
///    `CRYPTO_CONSTRAINTS_FAILURE`, `SIG_CONSTRAINTS_FAILURE`, `TRY_LATER`, then any stage not
///    checked (no sub-indication);
/// 3. else `TOTAL_PASSED`: integrity intact, signature verified, certificate valid, and no
///    disallowed change.
pub fn signature_indication(stages: &Stages) -> (Indication, Option<SubIndication>) {
    use SubIndication as S;
    let failed = [
        (stages.integrity == IntegrityVerdict::FormatFailure).then_some(S::FormatFailure),
        (stages.integrity == IntegrityVerdict::HashFailure).then_some(S::HashFailure),
        (stages.crypto == CryptoVerdict::SignatureInvalid).then_some(S::SigCryptoFailure),
        (stages.certificate == CertificateVerdict::Revoked).then_some(S::Revoked),
        (stages.certificate == CertificateVerdict::Expired).then_some(S::Expired),
        (stages.certificate == CertificateVerdict::NotYetValid).then_some(S::NotYetValid),
    ];
    if let Some(sub) = failed.into_iter().flatten().next() {
        return (Indication::TotalFailed, Some(sub));
    }
    if matches!(stages.changes, ChangesVerdict::Disallowed(_)) {
        return (Indication::TotalFailed, None);
    }
    let indeterminate = [
        (stages.crypto == CryptoVerdict::NoSigningCertificate)
            .then_some(S::NoSigningCertificateFound),
        (stages.crypto == CryptoVerdict::SignedDataNotFound).then_some(S::SignedDataNotFound),
        (stages.certificate == CertificateVerdict::NoChain).then_some(S::NoCertificateChainFound),
        (stages.certificate == CertificateVerdict::ChainConstraints)
            .then_some(S::ChainConstraintsFailure),
        (stages.certificate == CertificateVerdict::RevokedNoPoe).then_some(S::RevokedNoPoe),
        (stages.certificate == CertificateVerdict::OutOfBoundsNoPoe).then_some(S::OutOfBoundsNoPoe),
        (stages.crypto == CryptoVerdict::CryptoConstraintsNoPoe
            || stages.certificate == CertificateVerdict::CryptoConstraintsNoPoe)
            .then_some(S::CryptoConstraintsFailureNoPoe),
        (stages.crypto == CryptoVerdict::CryptoConstraints).then_some(S::CryptoConstraintsFailure),
        (stages.crypto == CryptoVerdict::SigConstraints).then_some(S::SigConstraintsFailure),
        (stages.certificate == CertificateVerdict::TryLater).then_some(S::TryLater),
    ];
    if let Some(sub) = indeterminate.into_iter().flatten().next() {
        return (Indication::Indeterminate, Some(sub));
    }
    let all_passed = stages.integrity == IntegrityVerdict::Intact
        && stages.crypto == CryptoVerdict::Verified
        && stages.certificate == CertificateVerdict::Valid
        && matches!(
            stages.changes,
            ChangesVerdict::None | ChangesVerdict::Allowed(_)
        );
    if all_passed {
        (Indication::TotalPassed, None)
    } else {
        (Indication::Indeterminate, None)
    }
}

/// What a signature entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// A signature (PDF `/Type /Sig`, or a detached CMS).
    #[default]
    Signature,
    /// A document timestamp (`/Type /DocTimeStamp`, `/SubFilter /ETSI.RFC3161`).
    DocumentTimestamp,
}

/// Who signed, as the certificate stage reads the signer's certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Signer {
    /// The subject distinguished name (RFC 4514).
    pub subject: String,
    /// The subject's common name.
    pub common_name: Option<String>,
    /// Person, organisation or unknown (signature-standards.md §5).
    pub class: SignerClass,
}

/// When the signature was made, and how far that is proven.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SigningTime {
    /// RFC 3339 in Vietnam time (`+07:00`).
    pub time: String,
    /// Where it comes from.
    pub source: TimeSource,
    /// Whether it is proven by a verified timestamp; otherwise it is the signer's claim
    /// ("thời gian ký do người ký khai báo", signature-standards.md §6.3).
    pub trusted: bool,
}

impl SigningTime {
    /// The best time of `times` (timestamp, then CMS signingTime, then `/M`), if any.
    pub fn from_times(times: &SigningTimes) -> Option<Self> {
        times.best().map(|(t, source)| Self {
            time: t.to_rfc3339_vietnam(),
            source,
            trusted: source == TimeSource::Timestamp,
        })
    }
}

/// What the stages produced for one signature, to build its [`SignatureResult`].
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureInput {
    /// The signature field's name (PDF), or a name for a detached CMS.
    pub field: String,
    /// Signature or document timestamp.
    pub kind: EntryKind,
    /// The stage results.
    pub stages: Stages,
    /// The signer, if the certificate was found.
    pub signer: Option<Signer>,
    /// The signing time, if any.
    pub signing_time: Option<SigningTime>,
    /// The integrity stage's findings ([`integrity_findings`]).
    pub integrity_findings: Vec<Finding>,
    /// The certificate stage's findings.
    pub certificate_findings: Vec<Finding>,
}

/// The result for one signature.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignatureResult {
    /// The signature field's name.
    pub field: String,
    /// Signature or document timestamp.
    pub kind: EntryKind,
    /// ETSI EN 319 102-1 indication.
    pub indication: Indication,
    /// ETSI EN 319 102-1 sub-indication, when not passed and one applies.
    pub sub_indication: Option<SubIndication>,
    /// `intact` or `broken`; null when the integrity stage did not run.
    pub integrity: Option<Integrity>,
    /// The changes after signing; null when the change stage did not run.
    pub modified_after_signing: Option<ModifiedAfterSigning>,
    /// The signer.
    pub signer: Option<Signer>,
    /// The signing time.
    pub signing_time: Option<SigningTime>,
    /// Findings of the integrity stage: why the signature is not intact, and warnings (byte
    /// range, CMS, algorithms, timestamps).
    pub integrity_findings: Vec<Finding>,
    /// Findings on the signer's certificate and chain.
    pub certificate_findings: Vec<Finding>,
    /// Legal-format findings about this signature (empty when no profile is applied).
    pub format_findings: Vec<FormatFinding>,
}

impl SignatureResult {
    /// The result of `input`: its indication from [`signature_indication`].
    pub fn new(input: SignatureInput) -> Self {
        let (indication, sub_indication) = signature_indication(&input.stages);
        // Intact means the digest matched *and* the signature value over it verified: a value
        // that does not verify leaves the signed attributes, message digest included,
        // unauthenticated (broken), and one that could not be checked (an unsupported algorithm
        // or key, no signer certificate) establishes nothing (null).
        let integrity = match (input.stages.integrity, input.stages.crypto) {
            (IntegrityVerdict::FormatFailure | IntegrityVerdict::HashFailure, _)
            | (_, CryptoVerdict::SignatureInvalid) => Some(Integrity::Broken),
            (
                IntegrityVerdict::Intact,
                CryptoVerdict::Verified
                | CryptoVerdict::CryptoConstraintsNoPoe
                | CryptoVerdict::SigConstraints,
            ) => Some(Integrity::Intact),
            _ => None,
        };
        let modified_after_signing = match input.stages.changes {
            ChangesVerdict::None => Some(ModifiedAfterSigning {
                status: Modification::None,
                changes: Vec::new(),
            }),
            ChangesVerdict::Allowed(changes) => Some(ModifiedAfterSigning {
                status: Modification::Allowed,
                changes,
            }),
            ChangesVerdict::Disallowed(changes) => Some(ModifiedAfterSigning {
                status: Modification::Disallowed,
                changes,
            }),
            ChangesVerdict::NotChecked => None,
        };
        Self {
            field: input.field,
            kind: input.kind,
            indication,
            sub_indication,
            integrity,
            modified_after_signing,
            signer: input.signer,
            signing_time: input.signing_time,
            integrity_findings: input.integrity_findings,
            certificate_findings: input.certificate_findings,
            format_findings: Vec::new(),
        }
    }
}

/// The legal-format profile's result at document level: the verdict, the findings about no one
/// signature, and the manual checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FormatSummary {
    /// The profile applied (`decree30_2020`).
    pub profile: String,
    /// What the document was checked as.
    pub role: Decree30Role,
    /// The profile's verdict (it never changes `indication`; see [`SignatureReport::passes`]).
    pub verdict: FormatVerdict,
    /// Findings about the document as a whole (the others are in each signature's
    /// `format_findings`).
    pub findings: Vec<FormatFinding>,
    /// Rules left to a person.
    pub manual_checks: Vec<ManualCheck>,
}

/// The report on one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignatureReport {
    /// The worst indication over the signatures; `TOTAL_FAILED` for a document without any
    /// signature (spec/signature/report.md).
    pub indication: Indication,
    /// Findings about the document (`signature.unsigned`).
    pub findings: Vec<Finding>,
    /// Every signature and document timestamp, in signing order.
    pub signatures: Vec<SignatureResult>,
    /// The legal-format profile's result; null when no profile was applied.
    pub format: Option<FormatSummary>,
}

/// The code of the finding for a document without a signature.
pub const UNSIGNED: &str = "signature.unsigned";

impl SignatureReport {
    /// The document report: the worst indication of `signatures` (`TOTAL_FAILED`, then
    /// `INDETERMINATE`, then `TOTAL_PASSED`), `TOTAL_FAILED` with [`UNSIGNED`] when no entry is
    /// a signature (a document timestamp alone proves existence, not signing), and the format
    /// findings moved to the signature they name.
    pub fn new(mut signatures: Vec<SignatureResult>, format: Option<FormatReport>) -> Self {
        let mut findings = Vec::new();
        let signed = signatures.iter().any(|s| s.kind == EntryKind::Signature);
        let indication = if signed {
            signatures
                .iter()
                .map(|s| s.indication)
                .max_by_key(|i| i.rank())
                .unwrap_or(Indication::TotalFailed)
        } else {
            let entry = catalog::entry(UNSIGNED);
            findings.push(Finding {
                code: UNSIGNED.to_owned(),
                severity: entry.severity,
                path: String::new(),
                vi: entry.vi.clone(),
                en: entry.en.clone(),
                rule: entry.rule.clone(),
            });
            Indication::TotalFailed
        };
        let format = format.map(|f| {
            let mut document = Vec::new();
            for finding in f.findings {
                let target = finding
                    .signature
                    .as_deref()
                    .and_then(|name| signatures.iter_mut().find(|s| s.field == name));
                match target {
                    Some(s) => s.format_findings.push(finding),
                    None => document.push(finding),
                }
            }
            FormatSummary {
                profile: f.profile,
                role: f.role,
                verdict: f.verdict,
                findings: document,
                manual_checks: f.manual_checks,
            }
        });
        Self {
            indication,
            findings,
            signatures,
            format,
        }
    }

    /// Whether the document passes: every signature `TOTAL_PASSED` and, when a format profile
    /// was applied, its machine rules passed ([`FormatVerdict::MachineChecksPassed`]; manual
    /// checks stay listed for a person). The profile never changes `indication`
    /// (spec/signature/report.md).
    pub fn passes(&self) -> bool {
        self.indication == Indication::TotalPassed
            && self
                .format
                .as_ref()
                .is_none_or(|f| f.verdict == FormatVerdict::MachineChecksPassed)
    }
}

#[cfg(test)]
mod tests;
