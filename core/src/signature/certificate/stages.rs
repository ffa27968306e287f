//! The certificate stage's result as the other stages take it: the verdict of
//! [`crate::signature::report::Stages`], the signer of the report, the signer class of the
//! Decree 30 profile ([`crate::signature::format::SignatureFacts`]), and the times of
//! [`Times`] from the signing times the CMS stage and the PDF give.

use super::issue::SubIndication;
use super::{CertificateReport, SignerKind, Times};
use crate::signature::format::{SignerClass, SigningTimes};
use crate::signature::report::{CertificateVerdict, Signer};

impl From<&CertificateReport> for CertificateVerdict {
    /// The sub-indication as the report's verdict. REVOKED_CA_NO_POE has no verdict of its own
    /// there and becomes RevokedNoPoe: INDETERMINATE either way, never a pass.
    fn from(r: &CertificateReport) -> Self {
        match r.sub_indication {
            None => Self::Valid,
            Some(SubIndication::NoCertificateChainFound) => Self::NoChain,
            Some(SubIndication::Revoked) => Self::Revoked,
            Some(SubIndication::Expired) => Self::Expired,
            Some(SubIndication::NotYetValid) => Self::NotYetValid,
            Some(SubIndication::ChainConstraintsFailure) => Self::ChainConstraints,
            Some(SubIndication::RevokedNoPoe | SubIndication::RevokedCaNoPoe) => Self::RevokedNoPoe,
            Some(SubIndication::OutOfBoundsNoPoe) => Self::OutOfBoundsNoPoe,
            Some(SubIndication::CryptoConstraintsFailureNoPoe) => Self::CryptoConstraintsNoPoe,
            Some(SubIndication::TryLater) => Self::TryLater,
        }
    }
}

impl From<SignerKind> for SignerClass {
    fn from(k: SignerKind) -> Self {
        match k {
            SignerKind::Person => Self::Person,
            SignerKind::Organisation => Self::Organisation,
            SignerKind::Unknown => Self::Unknown,
        }
    }
}

impl CertificateReport {
    /// The signer as the report shows it: subject, common name and class.
    pub fn report_signer(&self) -> Signer {
        Signer {
            subject: self
                .chain
                .first()
                .map(|c| c.subject.clone())
                .unwrap_or_default(),
            common_name: self.signer.common_name.clone(),
            class: self.signer.kind.into(),
        }
    }
}

impl Times {
    /// The times to judge certificates at: `validation` (the caller's now), the verified
    /// signature timestamp's genTime as the proven time, and CMS signingTime, else `/M` with
    /// its offset, as the claimed time.
    pub fn from_signing_times(times: &SigningTimes, validation: i64) -> Self {
        Self {
            validation,
            proven: times.timestamp.map(|t| t.unix),
            claimed: times.cms_signing_time.map(|t| t.unix).or_else(|| {
                times
                    .pdf_m
                    .as_ref()
                    .and_then(|m| m.as_ref().ok())
                    .and_then(|m| m.instant())
                    .map(|t| t.unix)
            }),
        }
    }
}
