//! Revocation from CRLs the caller passes (RFC 5280 §5, §6.3; Decree 23/2025/NĐ-CP Art. 3 cl. 3:
//! a valid certificate is "không bị tạm dừng hoặc bị thu hồi"; Art. 15 cl. 1 b: the issuing CA's
//! certificate is checked too). The core never fetches a CRL: the caller passes DER bytes, from
//! the document (PAdES DSS, CAdES revocationValues) or from its own store.
//!
//! A CRL is used for a certificate only when its issuer is the certificate's issuer (§6.3.3 (b)),
//! its signature verifies with that issuer's key and the issuer may sign CRLs (§6.3.3 (f), (g)),
//! it covers the certificate (issuingDistributionPoint, §5.2.5), and it is timely: issued
//! before the validation time and either still current (nextUpdate not passed) or issued after
//! the signing time. OCSP responses ([`super::ocsp`]) are held to the same times and, when they
//! name the certificate and are signed by its issuer or an authorised responder, count as a
//! source beside the CRLs.
//!
//! Readings for a revoked certificate (spec/signature/certificate.md §Revocation), with `r` the
//! revocationDate, `p` the proven signing time and `c` the claimed one:
//! - `p` < `r`: the signature was made before revocation; it stands (a warning);
//! - otherwise, `c` ≥ `r` (or `p` ≥ `r` and `c` ≥ `r`): signed after revocation by the signer's
//!   own statement: TOTAL_FAILED/REVOKED;
//! - otherwise: INDETERMINATE/REVOKED_NO_POE (REVOKED_CA_NO_POE for a CA certificate).
//!
//! `certificateHold` (a suspension, "tạm dừng") counts as revoked; `removeFromCRL` entries (delta
//! CRLs only) are ignored.

use serde::{Deserialize, Serialize};
use x509_parser::extensions::ParsedExtension;
use x509_parser::prelude::FromDer;
use x509_parser::revocation_list::CertificateRevocationList;

use super::der;
use super::error::CertificateError;
use super::issue::{Issue, SubIndication};
use super::name::Name;
use super::ocsp::{OcspResponse, OcspStatus};
use super::parse::{serial_hex, Certificate, KeyUsage};
use super::time::rfc3339;
use super::validity::Times;
use super::verify::verifies;
use super::MAX_CRL_BYTES;

/// One entry of a CRL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevokedEntry {
    /// The serial number, hexadecimal without leading zero octets.
    pub serial: String,
    /// revocationDate, seconds since the epoch.
    pub date: i64,
    /// The reasonCode (RFC 5280 §5.3.1), if any.
    pub reason: Option<u8>,
}

/// A parsed CRL (RFC 5280 §5.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crl {
    der: Vec<u8>,
    tbs: std::ops::Range<usize>,
    algorithm: std::ops::Range<usize>,
    signature: std::ops::Range<usize>,
    /// The issuer.
    pub issuer: Name,
    /// thisUpdate, seconds since the epoch.
    pub this_update: i64,
    /// nextUpdate, if given.
    pub next_update: Option<i64>,
    /// The revoked certificates.
    pub entries: Vec<RevokedEntry>,
    /// Only end-entity certificates are covered (issuingDistributionPoint).
    only_user: bool,
    /// Only CA certificates are covered.
    only_ca: bool,
    /// Why the CRL cannot be relied on by this checker, if so.
    pub unsupported: Option<String>,
}

/// CRL extensions read (authorityKeyIdentifier, issuerAltName, cRLNumber,
/// issuingDistributionPoint, freshestCRL, authorityInfoAccess).
const CRL_UNDERSTOOD: &[&str] = &[
    "2.5.29.35",
    "2.5.29.18",
    "2.5.29.20",
    "2.5.29.28",
    "2.5.29.46",
    "1.3.6.1.5.5.7.1.1",
];

/// The name of a reasonCode (RFC 5280 §5.3.1).
pub fn reason_name(code: Option<u8>) -> &'static str {
    match code {
        None | Some(0) => "unspecified",
        Some(1) => "keyCompromise",
        Some(2) => "cACompromise",
        Some(3) => "affiliationChanged",
        Some(4) => "superseded",
        Some(5) => "cessationOfOperation",
        Some(6) => "certificateHold",
        Some(8) => "removeFromCRL",
        Some(9) => "privilegeWithdrawn",
        Some(10) => "aACompromise",
        Some(_) => "unknown",
    }
}

fn malformed(e: impl std::fmt::Display) -> CertificateError {
    CertificateError::Malformed {
        reason: e.to_string(),
    }
}

fn range_in(outer: &[u8], inner: &[u8]) -> Option<std::ops::Range<usize>> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    let end = start.checked_add(inner.len())?;
    (end <= outer.len()).then_some(start..end)
}

impl Crl {
    /// Reads a DER CRL (RFC 5280 §5.1), at most [`MAX_CRL_BYTES`] long.
    pub fn from_der(der: &[u8]) -> Result<Self, CertificateError> {
        if der.len() > MAX_CRL_BYTES {
            return Err(CertificateError::TooLarge {
                limit: MAX_CRL_BYTES,
            });
        }
        let (rest, crl) = CertificateRevocationList::from_der(der).map_err(|e| match e {
            x509_parser::nom::Err::Error(e) | x509_parser::nom::Err::Failure(e) => malformed(e),
            x509_parser::nom::Err::Incomplete(_) => malformed("truncated"),
        })?;
        if !rest.is_empty() {
            return Err(CertificateError::TrailingData);
        }
        if crl.signature_algorithm != crl.tbs_cert_list.signature {
            return Err(CertificateError::AlgorithmMismatch);
        }
        let (tbs, algorithm, signature) =
            der::signed_parts(der).ok_or_else(|| malformed("signature field"))?;
        let mut unsupported = None;
        let (mut only_user, mut only_ca) = (false, false);
        for ext in crl.extensions() {
            let oid = ext.oid.to_id_string();
            match ext.parsed_extension() {
                ParsedExtension::IssuingDistributionPoint(idp) => {
                    only_user = idp.only_contains_user_certs;
                    only_ca = idp.only_contains_ca_certs;
                    if idp.indirect_crl {
                        unsupported = Some("indirect CRL".to_owned());
                    } else if idp.only_some_reasons.is_some() {
                        unsupported = Some("CRL for some reasons only".to_owned());
                    } else if idp.only_contains_attribute_certs {
                        unsupported = Some("CRL of attribute certificates".to_owned());
                    } else if idp.distribution_point.is_some() {
                        unsupported = Some("partitioned CRL (distribution point)".to_owned());
                    }
                }
                ParsedExtension::ParseError { .. } if oid == "2.5.29.28" => {
                    unsupported = Some("unreadable issuingDistributionPoint".to_owned());
                }
                _ => {}
            }
            if oid == "2.5.29.27" {
                unsupported = Some("delta CRL".to_owned());
            } else if ext.critical && !CRL_UNDERSTOOD.contains(&oid.as_str()) {
                unsupported = Some(format!("critical extension {oid}"));
            }
        }
        let mut entries = Vec::new();
        for e in crl.iter_revoked_certificates() {
            if e.extensions()
                .iter()
                .any(|x| x.critical && x.oid.to_id_string() != "2.5.29.21")
            {
                unsupported = Some("critical CRL entry extension".to_owned());
            }
            entries.push(RevokedEntry {
                serial: serial_hex(e.raw_serial()),
                date: e.revocation_date.timestamp(),
                reason: e.reason_code().map(|(_, r)| r.0),
            });
        }
        let span = |s: &[u8]| range_in(der, s).ok_or_else(|| malformed("layout"));
        Ok(Self {
            tbs: span(tbs)?,
            algorithm: span(algorithm)?,
            signature: span(signature)?,
            issuer: Name::from_x509(crl.issuer()),
            this_update: crl.last_update().timestamp(),
            next_update: crl.next_update().map(|t| t.timestamp()),
            entries,
            only_user,
            only_ca,
            unsupported,
            der: der.to_vec(),
        })
    }

    fn part(&self, r: &std::ops::Range<usize>) -> &[u8] {
        self.der.get(r.clone()).unwrap_or_default()
    }

    /// Whether the CRL's signature verifies with `issuer`'s key and `issuer` may sign CRLs.
    fn signed_by(&self, issuer: &Certificate) -> bool {
        issuer.key_usage.is_none_or(|ku| ku.has(KeyUsage::CRL_SIGN))
            && verifies(
                issuer.spki(),
                self.part(&self.algorithm),
                self.part(&self.tbs),
                self.part(&self.signature),
            )
            .is_ok()
    }
}

/// What the caller requires of revocation data (ETSI EN 319 102-1 §5.2.6: the X.509 validation
/// building block returns INDETERMINATE/TRY_LATER when the revocation status of a certificate
/// of the chain cannot be established; signature-standards.md §7 step 6: "Missing data →
/// indeterminate").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RevocationPolicy {
    /// Every certificate of the path but the trust anchor needs a usable CRL or OCSP response;
    /// without one the certificate stage is INDETERMINATE/TRY_LATER
    /// (`certificate.revocation_unknown`). The default.
    #[default]
    Required,
    /// A status that cannot be established is reported (`certificate.revocation_unknown_accepted`,
    /// a warning) and does not stop the signature from passing: for a caller that checks
    /// revocation elsewhere, or an offline test run. A revoked certificate still fails.
    AcceptUnknown,
}

/// The revocation status of one certificate of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Revocation {
    /// A timely CRL of its issuer does not list it.
    Good,
    /// A CRL lists it.
    Revoked {
        /// revocationDate, RFC 3339.
        date: String,
        /// The reasonCode's name.
        reason: String,
    },
    /// No usable CRL.
    Unknown,
    /// A trust anchor: trusted as given, not checked.
    NotChecked,
}

/// Whether revocation information issued at `this_update`, valid to `next_update`, tells the
/// status at the times checked: issued by the validation time, and still current or issued at
/// or after the best signing time.
fn timely(this_update: i64, next_update: Option<i64>, times: &Times) -> bool {
    let current = next_update.is_none_or(|n| n >= times.validation);
    this_update <= times.validation && (current || this_update >= times.best())
}

/// The issue and status of `cert` revoked at `r` for `reason` (the readings in the module
/// documentation).
fn revoked(
    cert: &Certificate,
    signer: bool,
    r: i64,
    reason: Option<u8>,
    times: &Times,
) -> (Issue, Revocation) {
    let reason = reason_name(reason).to_owned();
    let subject = cert.subject.to_string();
    let date = rfc3339(r);
    let issue = if times.proven.is_some_and(|p| p < r) {
        Issue::RevokedAfterSigning {
            subject,
            date: date.clone(),
            reason: reason.clone(),
        }
    } else {
        Issue::Revoked {
            subject,
            date: date.clone(),
            reason: reason.clone(),
            sub_indication: match (signer, times.claimed.is_some_and(|c| c >= r)) {
                (true, true) => SubIndication::Revoked,
                (true, false) => SubIndication::RevokedNoPoe,
                (false, _) => SubIndication::RevokedCaNoPoe,
            },
        }
    };
    (issue, Revocation::Revoked { date, reason })
}

/// The revocation data a status is looked up in, and what the caller requires of it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sources<'a> {
    pub(super) crls: &'a [Crl],
    pub(super) ocsp: &'a [OcspResponse],
    pub(super) policy: RevocationPolicy,
}

/// The status of `cert`, issued by `issuer`, from the CRLs and OCSP responses of `sources`;
/// issues found are appended. A revocation in any usable source wins; good needs one usable
/// source that does not list it; with neither, the status is unknown, which the policy makes
/// TRY_LATER or a warning.
pub(super) fn status(
    cert: &Certificate,
    issuer: &Certificate,
    signer: bool,
    sources: Sources<'_>,
    times: &Times,
    out: &mut Vec<Issue>,
) -> Revocation {
    let Sources { crls, ocsp, policy } = sources;
    let is_ca = !signer && cert.basic_constraints.is_some_and(|(ca, _)| ca);
    let serial = serial_hex(&cert.serial);
    let mut usable = false;
    for crl in crls.iter().filter(|c| c.issuer.matches(&cert.issuer)) {
        let issuer_name = crl.issuer.to_string();
        if let Some(what) = &crl.unsupported {
            out.push(Issue::CrlUnsupported {
                issuer: issuer_name,
                what: what.clone(),
            });
            continue;
        }
        if (crl.only_user && is_ca) || (crl.only_ca && !is_ca) {
            continue;
        }
        if !crl.signed_by(issuer) {
            out.push(Issue::CrlNotVerified {
                issuer: issuer_name,
            });
            continue;
        }
        if !timely(crl.this_update, crl.next_update, times) {
            out.push(Issue::CrlOutOfDate {
                issuer: issuer_name,
                this_update: rfc3339(crl.this_update),
                next_update: crl.next_update.map_or_else(|| "-".to_owned(), rfc3339),
            });
            continue;
        }
        usable = true;
        if let Some(entry) = crl
            .entries
            .iter()
            .find(|e| e.serial == serial && e.reason != Some(8))
        {
            let (issue, status) = revoked(cert, signer, entry.date, entry.reason, times);
            out.push(issue);
            return status;
        }
    }
    for response in ocsp {
        let Some(single) = response.about(cert, issuer) else {
            continue;
        };
        if !response.signed_for(issuer) {
            out.push(Issue::OcspNotVerified {
                responder: response.responder_text(),
            });
            continue;
        }
        if !timely(single.this_update, single.next_update, times) {
            out.push(Issue::OcspOutOfDate {
                this_update: rfc3339(single.this_update),
                next_update: single.next_update.map_or_else(|| "-".to_owned(), rfc3339),
            });
            continue;
        }
        match single.status {
            OcspStatus::Good => usable = true,
            OcspStatus::Revoked { time, reason } => {
                let (issue, status) = revoked(cert, signer, time, reason, times);
                out.push(issue);
                return status;
            }
            OcspStatus::Unknown => {}
        }
    }
    if usable {
        Revocation::Good
    } else {
        out.push(Issue::RevocationUnknown {
            subject: cert.subject.to_string(),
            policy,
        });
        Revocation::Unknown
    }
}
