//! What the certificate checks find, one variant per code of `spec/findings/certificate.json`,
//! and the ETSI EN 319 102-1 §5.1.3 indication each one leads to.

use serde::Serialize;

use super::revocation::RevocationPolicy;
use crate::finding::Diagnostic;

/// The outcome of the certificate building blocks (ETSI EN 319 102-1 §5.1.3: identification
/// of the signing certificate, X.509 certificate validation §5.2.6, cryptographic
/// verification of the chain, revocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Indication {
    /// Every check passed.
    Passed,
    /// A check failed for certain (expired or not yet valid at a proven or claimed time,
    /// revoked before signing).
    Failed,
    /// The checks could not conclude (no chain to a trust anchor, constraints, algorithms,
    /// times without proof).
    Indeterminate,
}

/// The EN 319 102-1 §5.1.3 sub-indications the certificate checks give (Table 5 and 6), in
/// the order a report picks one when several apply: no chain first (nothing else about an
/// unanchored certificate can be relied on), then the TOTAL_FAILED ones, then the others in the
/// order of EN 319 102-1 §5.2.6 (constraints, revocation, validity interval) and §5.2.8
/// (cryptographic constraints).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SubIndication {
    /// INDETERMINATE: no chain from the signing certificate to a trust anchor.
    NoCertificateChainFound,
    /// TOTAL_FAILED: the signing certificate was revoked before the signing time.
    Revoked,
    /// TOTAL_FAILED: the signature was made after the signing certificate expired.
    Expired,
    /// TOTAL_FAILED: the signing time lies before the certificate's notBefore.
    NotYetValid,
    /// INDETERMINATE: the chain breaks a constraint (cA, keyUsage, path length, critical
    /// extension) or the signer's key usage does not allow signing.
    ChainConstraintsFailure,
    /// INDETERMINATE: revoked, and no proof that the signature was made before revocation.
    RevokedNoPoe,
    /// INDETERMINATE: a CA certificate of the chain is revoked, without proof of time.
    RevokedCaNoPoe,
    /// INDETERMINATE: outside its validity at the time checked, without proof that the
    /// signature was made inside it.
    OutOfBoundsNoPoe,
    /// INDETERMINATE: an algorithm or key size below the mandatory standards.
    CryptoConstraintsFailureNoPoe,
    /// INDETERMINATE: the revocation status of a certificate of the chain cannot be established
    /// from the data given (EN 319 102-1 §5.2.6, Table 6 TRY_LATER). Last: any other reason is
    /// more telling.
    TryLater,
}

impl SubIndication {
    /// The indication this sub-indication belongs to.
    pub fn indication(self) -> Indication {
        match self {
            Self::Revoked | Self::Expired | Self::NotYetValid => Indication::Failed,
            _ => Indication::Indeterminate,
        }
    }
}

/// One thing found about the certificates of a signature. `subject` fields name the
/// certificate concerned; times are RFC 3339 in UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// The caller gave no trust anchor (EN 319 102-1 §5.2.6; Circular 15/2025/TT-BKHCN: a
    /// trust path to the NEAC or Government CA root).
    NoTrustAnchor,
    /// No chain from the signer to any trust anchor given; `subject` is the last certificate
    /// reached, whose issuer is missing.
    NoChain {
        /// The last certificate reached.
        subject: String,
        /// Its issuer.
        issuer: String,
    },
    /// A certificate named as issuer did not verify the signature of the one below it.
    IssuerSignatureInvalid {
        /// The certificate whose signature failed.
        subject: String,
    },
    /// An issuer in the chain is not a CA (RFC 5280 §4.2.1.9, §6.1.4 (k)).
    NotCa {
        /// The issuer.
        subject: String,
    },
    /// An issuer's keyUsage lacks keyCertSign (RFC 5280 §4.2.1.3, §6.1.4 (n)).
    IssuerKeyUsage {
        /// The issuer.
        subject: String,
    },
    /// More CA certificates below an issuer than its pathLenConstraint allows (§4.2.1.9,
    /// §6.1.4 (l), (m)).
    PathLength {
        /// The issuer.
        subject: String,
        /// Its pathLenConstraint.
        limit: u32,
    },
    /// A critical extension the checker does not understand (RFC 5280 §4.2).
    UnknownCriticalExtension {
        /// The certificate.
        subject: String,
        /// The extension's OID.
        oid: String,
    },
    /// The signing time lies before notBefore.
    NotYetValid {
        /// The certificate.
        subject: String,
        /// Its notBefore.
        not_before: String,
        /// The time it was checked at.
        time: String,
    },
    /// The signature was made after notAfter.
    Expired {
        /// The certificate.
        subject: String,
        /// Its notAfter.
        not_after: String,
        /// The time it was checked at.
        time: String,
    },
    /// Outside its validity at the time checked, without proof of an earlier signing time.
    OutOfBounds {
        /// The certificate.
        subject: String,
        /// Its notBefore.
        not_before: String,
        /// Its notAfter.
        not_after: String,
        /// The time it was checked at.
        time: String,
    },
    /// The signer's keyUsage has neither digitalSignature nor nonRepudiation.
    SignerKeyUsage {
        /// The usages the certificate allows.
        usages: String,
    },
    /// The signer's certificate has no keyUsage extension.
    NoKeyUsage,
    /// The signer's extKeyUsage names only purposes unrelated to signing documents.
    ExtendedKeyUsage {
        /// The purposes.
        purposes: String,
    },
    /// A timestamping certificate whose extKeyUsage is not timeStamping alone and critical.
    TimestampingUsage,
    /// An RSA key below 2048 bits.
    WeakRsaKey {
        /// The certificate.
        subject: String,
        /// Its modulus length.
        bits: u32,
    },
    /// A key that is neither RSA nor EC on P-256 or P-384.
    UnsupportedKey {
        /// The certificate.
        subject: String,
        /// The key.
        key: String,
    },
    /// The certificate is signed with SHA-1.
    Sha1Signature {
        /// The certificate.
        subject: String,
    },
    /// The certificate is signed with an algorithm outside the mandatory list (MD5, SHA-224,
    /// unknown).
    WeakSignatureAlgorithm {
        /// The certificate.
        subject: String,
        /// The algorithm.
        algorithm: String,
    },
    /// A CRL lists the certificate as revoked (or on hold).
    Revoked {
        /// The certificate.
        subject: String,
        /// The revocation date.
        date: String,
        /// The CRL reason.
        reason: String,
        /// REVOKED, REVOKED_NO_POE or REVOKED_CA_NO_POE.
        sub_indication: SubIndication,
    },
    /// Revoked after a proven signing time: the signature stands.
    RevokedAfterSigning {
        /// The certificate.
        subject: String,
        /// The revocation date.
        date: String,
        /// The CRL reason.
        reason: String,
    },
    /// No usable revocation information for the certificate: TRY_LATER when the caller requires
    /// it, a warning otherwise.
    RevocationUnknown {
        /// The certificate.
        subject: String,
        /// What the caller requires.
        policy: RevocationPolicy,
    },
    /// A CRL naming the issuer whose signature does not verify with the issuer's key, or whose
    /// issuer may not sign CRLs.
    CrlNotVerified {
        /// The CRL's issuer.
        issuer: String,
    },
    /// A CRL that was not yet issued at the validation time, or that expired before it and
    /// was issued before the signing time.
    CrlOutOfDate {
        /// The CRL's issuer.
        issuer: String,
        /// thisUpdate.
        this_update: String,
        /// nextUpdate, or `-`.
        next_update: String,
    },
    /// An OCSP response about the certificate not signed by its issuer or an authorised
    /// responder.
    OcspNotVerified {
        /// The responder.
        responder: String,
    },
    /// An OCSP response about the certificate that is not timely.
    OcspOutOfDate {
        /// thisUpdate.
        this_update: String,
        /// nextUpdate, or `-`.
        next_update: String,
    },
    /// A CRL with a feature not supported (delta CRL, unknown critical extension).
    CrlUnsupported {
        /// The CRL's issuer.
        issuer: String,
        /// What.
        what: String,
    },
}

impl Issue {
    /// The sub-indication the issue leads to; `None` for warnings.
    pub fn sub_indication(&self) -> Option<SubIndication> {
        Some(match self {
            Self::NoTrustAnchor | Self::NoChain { .. } => SubIndication::NoCertificateChainFound,
            Self::NotCa { .. }
            | Self::IssuerKeyUsage { .. }
            | Self::PathLength { .. }
            | Self::UnknownCriticalExtension { .. }
            | Self::SignerKeyUsage { .. }
            | Self::TimestampingUsage => SubIndication::ChainConstraintsFailure,
            Self::NotYetValid { .. } => SubIndication::NotYetValid,
            Self::Expired { .. } => SubIndication::Expired,
            Self::OutOfBounds { .. } => SubIndication::OutOfBoundsNoPoe,
            Self::WeakRsaKey { .. }
            | Self::UnsupportedKey { .. }
            | Self::Sha1Signature { .. }
            | Self::WeakSignatureAlgorithm { .. } => SubIndication::CryptoConstraintsFailureNoPoe,
            Self::Revoked { sub_indication, .. } => *sub_indication,
            Self::RevocationUnknown {
                policy: RevocationPolicy::Required,
                ..
            } => SubIndication::TryLater,
            Self::IssuerSignatureInvalid { .. }
            | Self::NoKeyUsage
            | Self::ExtendedKeyUsage { .. }
            | Self::RevokedAfterSigning { .. }
            | Self::RevocationUnknown {
                policy: RevocationPolicy::AcceptUnknown,
                ..
            }
            | Self::CrlNotVerified { .. }
            | Self::CrlOutOfDate { .. }
            | Self::OcspNotVerified { .. }
            | Self::OcspOutOfDate { .. }
            | Self::CrlUnsupported { .. } => return None,
        })
    }
}

impl Diagnostic for Issue {
    fn code(&self) -> &'static str {
        match self {
            Self::NoTrustAnchor => "certificate.no_trust_anchor",
            Self::NoChain { .. } => "certificate.no_chain",
            Self::IssuerSignatureInvalid { .. } => "certificate.issuer_signature_invalid",
            Self::NotCa { .. } => "certificate.issuer_not_ca",
            Self::IssuerKeyUsage { .. } => "certificate.issuer_key_usage",
            Self::PathLength { .. } => "certificate.path_length",
            Self::UnknownCriticalExtension { .. } => "certificate.unknown_critical_extension",
            Self::NotYetValid { .. } => "certificate.not_yet_valid",
            Self::Expired { .. } => "certificate.expired",
            Self::OutOfBounds { .. } => "certificate.out_of_bounds",
            Self::SignerKeyUsage { .. } => "certificate.signer_key_usage",
            Self::NoKeyUsage => "certificate.no_key_usage",
            Self::ExtendedKeyUsage { .. } => "certificate.extended_key_usage",
            Self::TimestampingUsage => "certificate.timestamping_usage",
            Self::WeakRsaKey { .. } => "certificate.weak_rsa_key",
            Self::UnsupportedKey { .. } => "certificate.unsupported_key",
            Self::Sha1Signature { .. } => "certificate.sha1_signature",
            Self::WeakSignatureAlgorithm { .. } => "certificate.weak_signature_algorithm",
            Self::Revoked { .. } => "certificate.revoked",
            Self::RevokedAfterSigning { .. } => "certificate.revoked_after_signing",
            Self::RevocationUnknown {
                policy: RevocationPolicy::Required,
                ..
            } => "certificate.revocation_unknown",
            Self::RevocationUnknown {
                policy: RevocationPolicy::AcceptUnknown,
                ..
            } => "certificate.revocation_unknown_accepted",
            Self::CrlNotVerified { .. } => "certificate.crl_not_verified",
            Self::CrlOutOfDate { .. } => "certificate.crl_out_of_date",
            Self::CrlUnsupported { .. } => "certificate.crl_unsupported",
            Self::OcspNotVerified { .. } => "certificate.ocsp_not_verified",
            Self::OcspOutOfDate { .. } => "certificate.ocsp_out_of_date",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        let s = |v: &String| v.clone();
        match self {
            Self::NoTrustAnchor | Self::NoKeyUsage | Self::TimestampingUsage => Vec::new(),
            Self::NoChain { subject, issuer } => {
                vec![("subject", s(subject)), ("issuer", s(issuer))]
            }
            Self::IssuerSignatureInvalid { subject }
            | Self::NotCa { subject }
            | Self::IssuerKeyUsage { subject }
            | Self::Sha1Signature { subject }
            | Self::RevocationUnknown { subject, .. } => vec![("subject", s(subject))],
            Self::PathLength { subject, limit } => {
                vec![("subject", s(subject)), ("limit", limit.to_string())]
            }
            Self::UnknownCriticalExtension { subject, oid } => {
                vec![("subject", s(subject)), ("oid", s(oid))]
            }
            Self::NotYetValid {
                subject,
                not_before,
                time,
            } => vec![
                ("subject", s(subject)),
                ("not_before", s(not_before)),
                ("time", s(time)),
            ],
            Self::Expired {
                subject,
                not_after,
                time,
            } => vec![
                ("subject", s(subject)),
                ("not_after", s(not_after)),
                ("time", s(time)),
            ],
            Self::OutOfBounds {
                subject,
                not_before,
                not_after,
                time,
            } => vec![
                ("subject", s(subject)),
                ("not_before", s(not_before)),
                ("not_after", s(not_after)),
                ("time", s(time)),
            ],
            Self::SignerKeyUsage { usages } => vec![("usages", s(usages))],
            Self::ExtendedKeyUsage { purposes } => vec![("purposes", s(purposes))],
            Self::WeakRsaKey { subject, bits } => {
                vec![("subject", s(subject)), ("bits", bits.to_string())]
            }
            Self::UnsupportedKey { subject, key } => vec![("subject", s(subject)), ("key", s(key))],
            Self::WeakSignatureAlgorithm { subject, algorithm } => {
                vec![("subject", s(subject)), ("algorithm", s(algorithm))]
            }
            Self::Revoked {
                subject,
                date,
                reason,
                ..
            }
            | Self::RevokedAfterSigning {
                subject,
                date,
                reason,
            } => vec![
                ("subject", s(subject)),
                ("date", s(date)),
                ("reason", s(reason)),
            ],
            Self::CrlNotVerified { issuer } => vec![("issuer", s(issuer))],
            Self::OcspNotVerified { responder } => vec![("responder", s(responder))],
            Self::OcspOutOfDate {
                this_update,
                next_update,
            } => vec![
                ("this_update", s(this_update)),
                ("next_update", s(next_update)),
            ],
            Self::CrlOutOfDate {
                issuer,
                this_update,
                next_update,
            } => vec![
                ("issuer", s(issuer)),
                ("this_update", s(this_update)),
                ("next_update", s(next_update)),
            ],
            Self::CrlUnsupported { issuer, what } => {
                vec![("issuer", s(issuer)), ("what", s(what))]
            }
        }
    }
}
