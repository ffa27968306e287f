//! Certificates of signed documents (issue 6 point 4): the chain from the signer's certificate
//! to a trust anchor, validity at the signing time, key usage, key sizes and algorithms against
//! the mandatory standards, revocation from CRLs and OCSP responses the caller passes, and whether the signer is a
//! person or an organisation. Design and readings: `spec/signature/certificate.md`; codes:
//! `spec/findings/certificate.json`.
//!
//! Sources: RFC 5280 (certificate and CRL profile, path validation §6); ETSI EN 319 102-1 §5.1.3
//! (indications and sub-indications), §5.2.6 (X.509 certificate validation); Decree 23/2025/NĐ-CP
//! Art. 3 cl. 3 (a valid certificate: not expired, suspended or revoked) and Art. 15 cl. 1 (the
//! issuing CA's certificate is checked too); Circular 15/2025/TT-BKHCN (verification along a trust
//! path; Appendix 1.2 RSA ≥ 2048 bits, ECDSA ≥ 256 bits; 1.3 SHA-256/384/512); Circulars 16/2019
//! and 28/2025 (X.509 v3, RFC 5280); the subject conventions of signature-standards.md §5.
//!
//! The core has no I/O and no clock: certificates, trust anchors, CRLs and every time are passed
//! by the caller. Without a trust anchor, or when none is reached, the outcome is INDETERMINATE
//! with NO_CERTIFICATE_CHAIN_FOUND, never a pass.
//!
//! The public interface is:
//! - [`Certificate::from_der`], [`Certificate::from_pem`], [`Certificate`] and what it holds
//!   ([`Name`], [`KeyInfo`], [`KeyUsage`], [`SignatureAlgorithm`], [`Hash`](enum@Hash));
//! - [`Crl::from_der`], [`Crl`], [`OcspResponse::from_der`], [`OcspResponse`], [`Revocation`],
//!   [`RevocationPolicy`];
//! - [`check`] with its [`Input`], [`Times`] and [`Purpose`], giving a [`CertificateReport`]
//!   ([`ChainEntry`], [`Role`], [`Indication`], [`SubIndication`], [`Signer`]);
//! - [`classify`] ([`SignerKind`], [`Basis`], [`Identifier`]);
//! - [`Issue`] (each finding, typed) and [`CertificateError`] (input refused), and the limits;
//! - for the other stages: `From<&CertificateReport>` for the report's
//!   [`CertificateVerdict`](crate::signature::report::CertificateVerdict),
//!   [`CertificateReport::report_signer`], `From<SignerKind>` for the format profile's
//!   [`SignerClass`](crate::signature::format::SignerClass), [`Times::from_signing_times`].

mod chain;
mod classify;
mod der;
mod error;
mod issue;
mod name;
mod nfc;
mod ocsp;
mod parse;
mod profile;
mod revocation;
mod stages;
mod time;
mod validity;
mod verify;

#[cfg(test)]
mod tests;

use serde::Serialize;

pub use classify::{classify, Basis, Identifier, Signer, SignerKind};
pub use error::CertificateError;
pub use issue::{Indication, Issue, SubIndication};
pub use name::{Attribute, Name, OID_CN, OID_O, OID_TITLE, OID_UID};
pub use ocsp::{OcspResponse, OcspStatus, SingleStatus, MAX_OCSP_BYTES};
pub(crate) use parse::base64;
pub use parse::{Certificate, Hash, KeyInfo, KeyUsage, SignatureAlgorithm};
pub use profile::{Purpose, MIN_RSA_BITS};
pub use revocation::{reason_name, Crl, Revocation, RevocationPolicy, RevokedEntry};
pub use time::rfc3339;
pub use validity::Times;

use crate::finding::{Diagnostic, Finding};

/// Largest DER certificate read (real ones are 1–3 KB; a few extensions more stay far below).
pub const MAX_CERTIFICATE_BYTES: usize = 64 * 1024;
/// Largest PEM text of trust anchors or intermediates.
pub const MAX_PEM_BYTES: usize = 4 * 1024 * 1024;
/// Most certificates in one PEM text.
pub const MAX_PEM_CERTIFICATES: usize = 1000;
/// Most candidate certificates (embedded plus intermediates) and most trust anchors.
pub const MAX_CANDIDATES: usize = 1000;
/// Most CRLs, and most OCSP responses.
pub const MAX_CRLS: usize = 64;
/// Largest DER CRL (a national CA's CRL of some 100 000 entries is 3–4 MB).
pub const MAX_CRL_BYTES: usize = 16 * 1024 * 1024;
/// Most certificates in a path, signer and trust anchor included.
pub const MAX_PATH_LENGTH: usize = 8;
/// Most signature verifications while building one path (each costs 13–45 µs).
pub const MAX_SIGNATURE_CHECKS: usize = 64;

/// What a certificate of the chain is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The signer's certificate.
    Signer,
    /// A CA between the signer and the anchor.
    Intermediate,
    /// The trust anchor the caller gave.
    TrustAnchor,
}

/// One certificate of the chain, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChainEntry {
    /// Signer, intermediate or trust anchor.
    pub role: Role,
    /// The subject, attributes in encoded order (`C=VN, …, CN=…, UID=…`).
    pub subject: String,
    /// The issuer.
    pub issuer: String,
    /// The serial number, hexadecimal.
    pub serial: String,
    /// notBefore, RFC 3339 UTC.
    pub not_before: String,
    /// notAfter, RFC 3339 UTC.
    pub not_after: String,
    /// The public key.
    pub key: KeyInfo,
    /// How its issuer signed it.
    pub signature_algorithm: SignatureAlgorithm,
    /// Revocation status.
    pub revocation: Revocation,
}

/// The result of the certificate checks of one signature, for the report stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CertificateReport {
    /// PASSED, FAILED or INDETERMINATE.
    pub indication: Indication,
    /// The sub-indication of the first failure, by EN 319 102-1's order of checks.
    pub sub_indication: Option<SubIndication>,
    /// The signer first; the trust anchor last when reached.
    pub chain: Vec<ChainEntry>,
    /// Whether the chain ends at a trust anchor the caller gave.
    pub trust_anchor_reached: bool,
    /// Person, organisation or unknown, with the attribute that decided.
    pub signer: Signer,
    /// The signer's key.
    pub key: KeyInfo,
    /// Every finding; `path` is `/chain/N` for the certificate concerned, `""` for the chain.
    pub findings: Vec<Finding>,
    /// The same findings, typed.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub issues: Vec<Issue>,
}

/// What [`check`] is given.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The signer's certificate.
    pub signer: &'a Certificate,
    /// The other certificates the signature carries (CMS `certificates`, RFC 5652 §5.1).
    pub embedded: &'a [Certificate],
    /// Intermediate CA certificates the caller adds.
    pub intermediates: &'a [Certificate],
    /// The trust anchors (e.g. the NEAC root and the Government CA root).
    pub trust_anchors: &'a [Certificate],
    /// CRLs (from the document or the caller).
    pub crls: &'a [Crl],
    /// OCSP responses (from the document or the caller).
    pub ocsp: &'a [OcspResponse],
    /// The validation time and the signing times.
    pub times: Times,
    /// What the signer's key is used for.
    pub purpose: Purpose,
    /// Whether a status that cannot be established stops the certificate from passing.
    pub revocation: RevocationPolicy,
}

/// Checks the certificates of one signature: builds the chain, then holds every certificate
/// of it to the time, profile and revocation rules, and classifies the signer. Refuses only
/// inputs over the limits; everything else is a finding.
pub fn check(input: &Input<'_>) -> Result<CertificateReport, CertificateError> {
    if input.embedded.len() + input.intermediates.len() > MAX_CANDIDATES
        || input.trust_anchors.len() > MAX_CANDIDATES
    {
        return Err(CertificateError::TooMany {
            limit: MAX_CANDIDATES,
        });
    }
    if input.crls.len() > MAX_CRLS || input.ocsp.len() > MAX_CRLS {
        return Err(CertificateError::TooMany { limit: MAX_CRLS });
    }
    let built = chain::build(
        input.signer,
        input.embedded.iter().chain(input.intermediates),
        input.trust_anchors,
    );
    let mut found: Vec<(Issue, Option<usize>)> = built.issues;
    let last = built.path.len().saturating_sub(1);
    let mut chain = Vec::with_capacity(built.path.len());
    for (i, cert) in built.path.iter().enumerate() {
        let anchor = built.anchored && i == last;
        let signer = i == 0;
        let mut here = Vec::new();
        if signer {
            profile::signer_usage(cert, input.purpose, &mut here);
        }
        if !anchor {
            here.extend(validity::check(cert, &input.times, signer));
            profile::algorithm(cert, &mut here);
        }
        profile::key(cert, &mut here);
        let revocation = match (anchor, built.path.get(i + 1)) {
            (true, _) => Revocation::NotChecked,
            (false, Some(issuer)) => revocation::status(
                cert,
                issuer,
                signer,
                revocation::Sources {
                    crls: input.crls,
                    ocsp: input.ocsp,
                    policy: input.revocation,
                },
                &input.times,
                &mut here,
            ),
            (false, None) => Revocation::Unknown,
        };
        found.extend(here.into_iter().map(|issue| (issue, Some(i))));
        chain.push(ChainEntry {
            role: if signer {
                Role::Signer
            } else if anchor {
                Role::TrustAnchor
            } else {
                Role::Intermediate
            },
            subject: cert.subject.to_string(),
            issuer: cert.issuer.to_string(),
            serial: cert.serial_hex(),
            not_before: rfc3339(cert.not_before),
            not_after: rfc3339(cert.not_after),
            key: cert.key.clone(),
            signature_algorithm: cert.signature_algorithm.clone(),
            revocation,
        });
    }
    let sub_indication = found.iter().filter_map(|(i, _)| i.sub_indication()).min();
    let findings = found
        .iter()
        .map(|(issue, at)| {
            issue.to_finding(&at.map_or_else(String::new, |i| format!("/chain/{i}")))
        })
        .collect();
    Ok(CertificateReport {
        indication: sub_indication.map_or(Indication::Passed, SubIndication::indication),
        sub_indication,
        chain,
        trust_anchor_reached: built.anchored,
        signer: classify(&input.signer.subject),
        key: input.signer.key.clone(),
        findings,
        issues: found.into_iter().map(|(i, _)| i).collect(),
    })
}
