//! Signed documents (issue 6): the signature checker vendors embed, built in stages, each one's
//! result a value the next stage needs (docs of the design: `spec/signature/`).
//!
//! So far:
//! - [`pdf`]: a bounded PDF reader — every incremental revision with its byte span, objects as
//!   of any revision, and the signature fields with their signature dictionaries as written;
//! - [`crypto`]: signature values — digest and signature algorithms from their identifiers
//!   (SHA-1/256/384/512, RSA PKCS#1 v1.5, RSA-PSS, ECDSA P-256/P-384) and verification under a
//!   SubjectPublicKeyInfo, shared by the CMS and certificate stages.
//!
//! To come: byte-range integrity and digests, CMS, certificates, changes after signing, and the
//! Decree 30/2020 format rules.

pub mod crypto;
pub mod pdf;
