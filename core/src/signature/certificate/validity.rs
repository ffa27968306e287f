//! Validity of a certificate at the signing time (RFC 5280 §4.1.2.5, §6.1.3 (a)(2); ETSI EN
//! 319 102-1 §5.2.6 and §5.5.4; Decree 23/2025/NĐ-CP Art. 3 cl. 3: a valid certificate "chưa
//! hết hạn"). The core has no clock: every time is passed by the caller.
//!
//! Readings (spec/signature/certificate.md §Time):
//! - a *proven* time is a proof of existence (the genTime of a verified signature timestamp):
//!   the signature existed then, so it was made at or before it;
//! - a *claimed* time (CMS signingTime, PDF `/M`) is the signer's word;
//! - the validation time is the caller's "now".

use super::issue::Issue;
use super::parse::Certificate;
use super::time::rfc3339;

/// The times a certificate is judged at, seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Times {
    /// The caller's current time (ETSI's validation time).
    pub validation: i64,
    /// The signing time the signer claims (CMS signingTime or PDF `/M`), if any.
    pub claimed: Option<i64>,
    /// The earliest proof of existence of the signature (a verified signature timestamp's
    /// genTime), if any.
    pub proven: Option<i64>,
}

impl Times {
    /// Checked at `validation` only, with no signing time.
    pub fn at(validation: i64) -> Self {
        Self {
            validation,
            claimed: None,
            proven: None,
        }
    }

    /// The best signing time known: the proof of existence, else the claim, else the
    /// validation time.
    pub fn best(&self) -> i64 {
        self.proven.or(self.claimed).unwrap_or(self.validation)
    }
}

/// Whether `cert` was valid when the signature was made, as far as `times` show
/// (spec/signature/certificate.md §Time, one row per case):
///
/// | proof `p` | claim `c` | result |
/// |---|---|---|
/// | `p` < notBefore | any | NOT_YET_VALID (signer) / OUT_OF_BOUNDS_NO_POE (CA) |
/// | `p` in validity | any | valid: the signature existed while the certificate was |
/// | `p` > notAfter | `c` > notAfter | EXPIRED (signer) / OUT_OF_BOUNDS_NO_POE (CA) |
/// | `p` > notAfter | none or `c` ≤ notAfter | OUT_OF_BOUNDS_NO_POE |
/// | none | `c` < notBefore | NOT_YET_VALID (signer) / OUT_OF_BOUNDS_NO_POE (CA) |
/// | none | `c` > notAfter | OUT_OF_BOUNDS_NO_POE |
/// | none | `c` in validity, or none | valid if the validation time is in validity, else OUT_OF_BOUNDS_NO_POE |
pub(super) fn check(cert: &Certificate, times: &Times, signer: bool) -> Option<Issue> {
    let (nb, na) = (cert.not_before, cert.not_after);
    let subject = || cert.subject.to_string();
    let not_yet_valid = |t: i64| {
        if signer {
            Issue::NotYetValid {
                subject: subject(),
                not_before: rfc3339(nb),
                time: rfc3339(t),
            }
        } else {
            out_of_bounds(cert, t)
        }
    };
    match (times.proven, times.claimed) {
        (Some(p), _) if p < nb => Some(not_yet_valid(p)),
        (Some(p), _) if p <= na => None,
        (Some(p), Some(c)) if c > na && signer => Some(Issue::Expired {
            subject: subject(),
            not_after: rfc3339(na),
            time: rfc3339(p),
        }),
        (Some(p), _) => Some(out_of_bounds(cert, p)),
        (None, Some(c)) if c < nb => Some(not_yet_valid(c)),
        (None, Some(c)) if c > na => Some(out_of_bounds(cert, c)),
        (None, _) => {
            let v = times.validation;
            (v < nb || v > na).then(|| out_of_bounds(cert, v))
        }
    }
}

fn out_of_bounds(cert: &Certificate, t: i64) -> Issue {
    Issue::OutOfBounds {
        subject: cert.subject.to_string(),
        not_before: rfc3339(cert.not_before),
        not_after: rfc3339(cert.not_after),
        time: rfc3339(t),
    }
}
