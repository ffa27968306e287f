//! Building the chain from the signer's certificate to a trust anchor the caller gives (RFC 5280
//! §6.1; ETSI EN 319 102-1 §5.2.6; Circular 15/2025/TT-BKHCN: verification along a trust path
//! to the NEAC root, the Government CA root or another anchor recognised).
//!
//! Candidates are the certificates embedded in the CMS and the intermediates the caller gives.
//! Each link is checked before it is followed: the issuer's subject names the child's issuer
//! (§7.1), their key identifiers agree where both are present (§4.2.1.1, §4.2.1.2), and the
//! issuer's key verifies the child's signature (§6.1.3 (a)(1)). A complete path is then held to
//! the CA constraints: basicConstraints cA (§6.1.4 (k)), keyCertSign (§6.1.4 (n)),
//! pathLenConstraint (§6.1.4 (l), (m)) and no unknown critical extension (§4.2).
//!
//! The search is depth-first and bounded: at most [`MAX_PATH_LENGTH`] certificates in a path,
//! each certificate at most once in a path (so loops cannot happen), and at most
//! [`MAX_SIGNATURE_CHECKS`] signature verifications in all.

use super::issue::Issue;
use super::parse::{Certificate, KeyUsage};
use super::verify::verifies;
use super::{MAX_PATH_LENGTH, MAX_SIGNATURE_CHECKS};

/// Issues, each with the index in the path of the certificate concerned.
type Located = Vec<(Issue, Option<usize>)>;

/// The path found.
#[derive(Debug)]
pub(super) struct Built<'a> {
    /// The signer first, then its issuers; the trust anchor last when `anchored`.
    pub path: Vec<&'a Certificate>,
    /// Whether the path ends at a trust anchor.
    pub anchored: bool,
    /// Why there is no path, or the constraints the path breaks.
    pub issues: Located,
}

/// Whether `issuer` may have issued `child`: names (§7.1) and key identifiers where both exist.
fn links(child: &Certificate, issuer: &Certificate) -> bool {
    issuer.subject.matches(&child.issuer)
        && match (&child.authority_key_id, &issuer.subject_key_id) {
            (Some(a), Some(s)) => a == s,
            _ => true,
        }
}

/// The CA constraints of RFC 5280 §6.1.4 over a path ending at a trust anchor, each issue with
/// the index of the certificate concerned. The anchor's basicConstraints and keyUsage are held
/// to the rule when present; an anchor without them is taken as given (§6.1.1 (d): the trust
/// anchor is an input, not a certificate the path validates).
fn constraints(path: &[&Certificate]) -> Located {
    let mut out = Vec::new();
    let last = path.len().saturating_sub(1);
    for (i, cert) in path.iter().enumerate() {
        let subject = || cert.subject.to_string();
        if i < last || path.len() == 1 {
            for oid in &cert.unknown_critical {
                out.push((
                    Issue::UnknownCriticalExtension {
                        subject: subject(),
                        oid: oid.clone(),
                    },
                    Some(i),
                ));
            }
        }
        if i == 0 {
            continue;
        }
        let is_ca = match cert.basic_constraints {
            Some((ca, _)) => ca,
            None => i == last,
        };
        if !is_ca {
            out.push((Issue::NotCa { subject: subject() }, Some(i)));
        }
        if cert
            .key_usage
            .is_some_and(|ku| !ku.has(KeyUsage::KEY_CERT_SIGN))
        {
            out.push((Issue::IssuerKeyUsage { subject: subject() }, Some(i)));
        }
        if let Some((true, Some(limit))) = cert.basic_constraints {
            let below = path
                .get(1..i)
                .unwrap_or_default()
                .iter()
                .filter(|c| !c.is_self_issued())
                .count();
            if below > limit as usize {
                out.push((
                    Issue::PathLength {
                        subject: subject(),
                        limit,
                    },
                    Some(i),
                ));
            }
        }
    }
    out
}

struct Search<'a> {
    pool: Vec<&'a Certificate>,
    anchors: &'a [Certificate],
    checks_left: usize,
    /// The first anchored path that breaks a constraint, with its issues.
    constrained: Option<(Vec<&'a Certificate>, Located)>,
    /// The longest path verified so far (for the report when no anchor is reached).
    longest: Vec<&'a Certificate>,
    /// Certificates whose signature a name-matching issuer did not verify.
    bad_signatures: Vec<String>,
}

impl<'a> Search<'a> {
    /// Whether the budget allows one more signature check, and whether `issuer` verifies
    /// `child`'s signature.
    fn verified(&mut self, child: &Certificate, issuer: &Certificate) -> Option<bool> {
        self.checks_left = self.checks_left.checked_sub(1)?;
        let ok = verifies(
            issuer.spki(),
            child.algorithm_der(),
            child.tbs(),
            child.signature(),
        )
        .is_ok();
        if !ok {
            let s = child.subject.to_string();
            if !self.bad_signatures.contains(&s) {
                self.bad_signatures.push(s);
            }
        }
        Some(ok)
    }

    /// Extends `path` depth-first; returns a path that ends at an anchor and meets every
    /// constraint.
    fn extend(&mut self, path: &mut Vec<&'a Certificate>) -> Option<Vec<&'a Certificate>> {
        let current = *path.last()?;
        let anchors = self.anchors;
        for anchor in anchors {
            let candidate = if anchor.der() == current.der() {
                path.clone()
            } else if links(current, anchor) && self.verified(current, anchor)? {
                let mut p = path.clone();
                p.push(anchor);
                p
            } else {
                continue;
            };
            let issues = constraints(&candidate);
            if issues.is_empty() {
                return Some(candidate);
            }
            if self.constrained.is_none() {
                self.constrained = Some((candidate, issues));
            }
        }
        if path.len() + 1 >= MAX_PATH_LENGTH {
            return None;
        }
        for i in 0..self.pool.len() {
            let next = *self.pool.get(i)?;
            if path.iter().any(|c| c.der() == next.der()) || !links(current, next) {
                continue;
            }
            if !self.verified(current, next)? {
                continue;
            }
            path.push(next);
            if path.len() > self.longest.len() {
                self.longest = path.clone();
            }
            if let Some(found) = self.extend(path) {
                return Some(found);
            }
            path.pop();
        }
        None
    }
}

/// Builds the path from `signer` through `candidates` to one of `anchors`.
pub(super) fn build<'a>(
    signer: &'a Certificate,
    candidates: impl Iterator<Item = &'a Certificate>,
    anchors: &'a [Certificate],
) -> Built<'a> {
    if anchors.is_empty() {
        return Built {
            path: vec![signer],
            anchored: false,
            issues: vec![(Issue::NoTrustAnchor, None)],
        };
    }
    let mut pool: Vec<&Certificate> = Vec::new();
    for c in candidates {
        let known = pool.iter().any(|p| p.der() == c.der())
            || anchors.iter().any(|a| a.der() == c.der())
            || c.der() == signer.der();
        if !known {
            pool.push(c);
        }
    }
    let mut search = Search {
        pool,
        anchors,
        checks_left: MAX_SIGNATURE_CHECKS,
        constrained: None,
        longest: vec![signer],
        bad_signatures: Vec::new(),
    };
    if let Some(path) = search.extend(&mut vec![signer]) {
        return Built {
            path,
            anchored: true,
            issues: Vec::new(),
        };
    }
    if let Some((path, issues)) = search.constrained {
        return Built {
            path,
            anchored: true,
            issues,
        };
    }
    let last = search.longest.last().copied().unwrap_or(signer);
    let mut issues = vec![(
        Issue::NoChain {
            subject: last.subject.to_string(),
            issuer: last.issuer.to_string(),
        },
        None,
    )];
    issues.extend(
        search
            .bad_signatures
            .into_iter()
            .map(|subject| (Issue::IssuerSignatureInvalid { subject }, None)),
    );
    Built {
        path: search.longest,
        anchored: false,
        issues,
    }
}
