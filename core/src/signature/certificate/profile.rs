//! The certificate profile checks: the signer's key usage and extended key usage, and the key
//! sizes and signature algorithms of every certificate of the chain against the mandatory
//! standards (Circular 15/2025/TT-BKHCN Appendix, rows 1.2 and 1.3; signature-standards.md §1.4).

use super::issue::Issue;
use super::parse::{Certificate, Hash, KeyInfo, KeyUsage};

/// What the signer's certificate is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Purpose {
    /// Signing documents (PDF signatures, detached CMS): keyUsage digitalSignature or
    /// nonRepudiation.
    #[default]
    DocumentSigning,
    /// Signing RFC 3161 timestamp tokens: extKeyUsage timeStamping only, critical (RFC 3161
    /// §2.3), and keyUsage digitalSignature or nonRepudiation.
    Timestamping,
}

/// Smallest RSA modulus (Circular 15/2025/TT-BKHCN Appendix 1.2: "Độ dài khóa tối thiểu là 2048
/// bit").
pub const MIN_RSA_BITS: u32 = 2048;

/// Purposes that say the key may sign documents or messages: anyExtendedKeyUsage, clientAuth,
/// emailProtection, Microsoft Document Signing, Adobe Authentic Documents Trust, and
/// id-kp-documentSigning (RFC 9336). Vietnamese CAs put clientAuth and emailProtection or the
/// Microsoft OID (signature-standards.md §4), so none is required; only an extKeyUsage
/// without any of them is reported.
const SIGNING_PURPOSES: &[&str] = &[
    "2.5.29.37.0",
    "1.3.6.1.5.5.7.3.2",
    "1.3.6.1.5.5.7.3.4",
    "1.3.6.1.4.1.311.10.3.12",
    "1.2.840.113583.1.1.5",
    "1.3.6.1.5.5.7.3.36",
];
/// id-kp-timeStamping (RFC 3161 §2.3).
const TIME_STAMPING: &str = "1.3.6.1.5.5.7.3.8";

/// The signer's key usage and extended key usage for `purpose` (RFC 5280 §4.2.1.3, §4.2.1.12;
/// signature-standards.md §7 step 4: keyUsage contains digitalSignature or nonRepudiation).
pub(super) fn signer_usage(cert: &Certificate, purpose: Purpose, out: &mut Vec<Issue>) {
    match cert.key_usage {
        None => out.push(Issue::NoKeyUsage),
        Some(ku) if !ku.has(KeyUsage::DIGITAL_SIGNATURE) && !ku.has(KeyUsage::NON_REPUDIATION) => {
            out.push(Issue::SignerKeyUsage {
                usages: ku.names().join(", "),
            });
        }
        Some(_) => {}
    }
    match purpose {
        Purpose::DocumentSigning => {
            if let Some((purposes, _)) = &cert.extended_key_usage {
                if !purposes
                    .iter()
                    .any(|p| SIGNING_PURPOSES.contains(&p.as_str()))
                {
                    out.push(Issue::ExtendedKeyUsage {
                        purposes: purposes.join(", "),
                    });
                }
            }
        }
        Purpose::Timestamping => {
            let ok = matches!(&cert.extended_key_usage,
                Some((purposes, true)) if purposes.len() == 1 && purposes.iter().all(|p| p == TIME_STAMPING));
            if !ok {
                out.push(Issue::TimestampingUsage);
            }
        }
    }
}

/// The key of `cert`: RSA of at least [`MIN_RSA_BITS`], or ECDSA on P-256 or P-384 (Circular
/// 15/2025/TT-BKHCN Appendix 1.2: RSA ≥ 2048 bits, ECDSA ≥ 256 bits; the curves the signature
/// primitive verifies).
pub(super) fn key(cert: &Certificate, out: &mut Vec<Issue>) {
    let subject = || cert.subject.to_string();
    match &cert.key {
        KeyInfo::Rsa { bits } if *bits < MIN_RSA_BITS => out.push(Issue::WeakRsaKey {
            subject: subject(),
            bits: *bits,
        }),
        KeyInfo::Rsa { .. } => {}
        KeyInfo::Ec { curve, .. } if curve == "P-256" || curve == "P-384" => {}
        other => out.push(Issue::UnsupportedKey {
            subject: subject(),
            key: other.to_string(),
        }),
    }
}

/// The algorithm the issuer signed `cert` with: its hash must be in Circular 15/2025/TT-BKHCN
/// Appendix 1.3 (SHA-256, SHA-384, SHA-512); SHA-1 has its own code because old Vietnamese
/// certificates still use it (signature-standards.md §4).
pub(super) fn algorithm(cert: &Certificate, out: &mut Vec<Issue>) {
    let alg = &cert.signature_algorithm;
    match alg.hash() {
        Some(h) if h.is_listed() => {}
        Some(Hash::Sha1) => out.push(Issue::Sha1Signature {
            subject: cert.subject.to_string(),
        }),
        _ => out.push(Issue::WeakSignatureAlgorithm {
            subject: cert.subject.to_string(),
            algorithm: alg.to_string(),
        }),
    }
}
