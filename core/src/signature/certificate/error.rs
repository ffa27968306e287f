//! Why certificate input could not be read: one typed error per failure, each limit with its own
//! variant, codes in `spec/findings/certificate.json`.

use crate::finding::Diagnostic;

/// Certificate, CRL or revocation input the checker refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertificateError {
    /// The input is larger than the named limit in bytes.
    #[error("the input is larger than {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// More certificates (or CRLs) than the named limit.
    #[error("more than {limit} certificates or CRLs")]
    TooMany {
        /// The limit.
        limit: usize,
    },
    /// Not a DER certificate or CRL of RFC 5280 §4.1 / §5.1.
    #[error("not a well-formed X.509 structure: {reason}")]
    Malformed {
        /// What the parser reported.
        reason: String,
    },
    /// Bytes follow the certificate or CRL.
    #[error("bytes follow the DER structure")]
    TrailingData,
    /// `signatureAlgorithm` differs from the `signature` field of the signed part (RFC 5280
    /// §4.1.1.2, §5.1.1.2).
    #[error("the outer signature algorithm differs from the one inside the signed part")]
    AlgorithmMismatch,
    /// An extension is duplicated or cannot be read (RFC 5280 §4.2).
    #[error("bad extension: {reason}")]
    BadExtension {
        /// Which extension and why.
        reason: String,
    },
    /// The PEM text is not a set of `CERTIFICATE` blocks (RFC 7468 §2, §5).
    #[error("bad PEM: {reason}")]
    Pem {
        /// What is wrong.
        reason: String,
    },
    /// An OCSP response whose responseStatus is not successful (RFC 6960 §4.2.1).
    #[error("the OCSP response's status is {status}, not successful")]
    OcspNotSuccessful {
        /// The responseStatus.
        status: u32,
    },
    /// A revocation format the core does not read yet.
    #[error("unsupported revocation input: {what}")]
    Unsupported {
        /// What was given.
        what: &'static str,
    },
}

impl Diagnostic for CertificateError {
    fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "certificate.too_large",
            Self::TooMany { .. } => "certificate.too_many",
            Self::Malformed { .. } => "certificate.malformed",
            Self::TrailingData => "certificate.trailing_data",
            Self::AlgorithmMismatch => "certificate.algorithm_mismatch",
            Self::BadExtension { .. } => "certificate.bad_extension",
            Self::Pem { .. } => "certificate.bad_pem",
            Self::OcspNotSuccessful { .. } => "certificate.ocsp_not_successful",
            Self::Unsupported { .. } => "certificate.unsupported_input",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::TooLarge { limit } | Self::TooMany { limit } => {
                vec![("limit", limit.to_string())]
            }
            Self::Malformed { reason } | Self::BadExtension { reason } | Self::Pem { reason } => {
                vec![("reason", reason.clone())]
            }
            Self::Unsupported { what } => vec![("what", (*what).to_owned())],
            Self::OcspNotSuccessful { status } => vec![("status", status.to_string())],
            Self::TrailingData | Self::AlgorithmMismatch => Vec::new(),
        }
    }
}
