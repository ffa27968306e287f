//! Signed documents (issue 6): the signature checker vendors embed, built in stages, each one's
//! result a value the next stage needs (docs of the design: `spec/signature/`).
//!
//! So far:
//! - [`pdf`]: a bounded PDF reader — every incremental revision with its byte span, objects as
//!   of any revision, and the signature fields with their signature dictionaries as written;
//! - [`crypto`]: signature values — digest and signature algorithms from their identifiers
//!   (SHA-1/256/384/512, RSA PKCS#1 v1.5, RSA-PSS, ECDSA P-256/P-384) and verification under a
//!   SubjectPublicKeyInfo, shared by the CMS and certificate stages;
//! - [`changes`]: changes after signing — for each signature, what every later revision changed
//!   (signatures, timestamps, DSS, form fields, annotations, pages, catalog, overwritten
//!   objects), each judged against DocMDP, FieldMDP and the PAdES rules (ISO 32000-1 §12.8.2,
//!   ETSI EN 319 142-1 §5.4), and the verdict `modified_after_signing`
//!   (`spec/signature/changes.md`).
//!
//! To come: byte-range integrity and digests, CMS, certificates, and the Decree 30/2020 format
//! rules.

pub mod changes;
pub mod crypto;
pub mod pdf;
