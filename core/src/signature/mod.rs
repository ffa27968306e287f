//! Signed documents (issue 6): the signature checker vendors embed, built in stages, each one's
//! result a value the next stage needs (docs of the design: `spec/signature/`).
//!
//! - [`pdf`]: a bounded PDF reader — every incremental revision with its byte span, objects as
//!   of any revision, and the signature fields with their signature dictionaries as written;
//! - [`crypto`]: signature values — digest and signature algorithms from their identifiers
//!   (SHA-1/256/384/512, RSA PKCS#1 v1.5, RSA-PSS, ECDSA P-256/P-384) and verification under a
//!   SubjectPublicKeyInfo, shared by the CMS and certificate stages;
//! - [`byte_range`]: which bytes a PDF signature covers, and the rule that it is exactly its
//!   revision but `/Contents` (ISO 32000-1 §12.8.1), with the digest over the ranges in place;
//! - [`cms`]: CMS SignedData (RFC 5652) — signer, signed attributes (content type, message
//!   digest, signing time, ESS signing certificate), signature value;
//! - [`timestamp`]: RFC 3161 tokens, signature timestamps and document timestamps;
//! - [`revocation_data`]: the CRLs and OCSP responses a signature or a PDF's DSS carries;
//! - [`integrity`]: the integrity of each signature of a PDF or CMS file
//!   ([`integrity::SignatureIntegrity`]), assembled from the stages above;
//! - [`changes`]: changes after signing — for each signature, what every later revision changed
//!   (signatures, timestamps, DSS, form fields, annotations, pages, catalog, overwritten
//!   objects), each judged against DocMDP, FieldMDP and the PAdES rules (ISO 32000-1 §12.8.2,
//!   ETSI EN 319 142-1 §5.4), and the verdict `modified_after_signing`
//!   (`spec/signature/changes.md`);
//! - [`format`](mod@format): the legal format, the Decree 30/2020/NĐ-CP Appendix I profile (switched on by
//!   the caller): each machine-checkable rule a finding with its article and checklist row, the
//!   rules only a person can check listed as manual checks (`spec/signature/format.md`);
//! - [`report`]: the report in the spirit of ETSI EN 319 102-1, per signature an indication and
//!   sub-indication from the stage results by one pure precedence rule, and a document-level
//!   indication (`spec/signature/report.md`);
//! - [`certificate`]: the certificates of a signature — the chain to a trust anchor the caller
//!   gives, validity at the signing time, key usage, key sizes and algorithms, revocation from
//!   CRLs and OCSP responses the file carries or the caller passes, and the signer as a person or an organisation
//!   (`spec/signature/certificate.md`).
//!
//! The results of [`integrity`], [`changes`] and [`certificate`] are the inputs of
//! [`report::Stages`] and the certificate-, CMS- and change-side facts of
//! [`format::SignatureFacts`].
//!
//! # Example
//!
//! [`verify::verify`] runs every stage; each can also be run alone. A decision signed by the
//! competent person, its number filled in, then countersigned by the organisation:
//!
//! ```
//! use motcua_core::signature::changes::{self, Modification};
//! use motcua_core::signature::{integrity, pdf::Document};
//!
//! let doc = Document::parse(include_bytes!("../../../examples/signed-decision.pdf"))?;
//! let fields = doc.latest().signatures()?.fields;
//! let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
//! assert_eq!(names, ["chu_ky_1", "chu_ky_2"]);
//! // The document as drafted, then one incremental update per step: signed, numbered, countersigned.
//! assert_eq!(doc.revisions().len(), 4);
//!
//! // Both signatures cover their revision but `/Contents`, and their digests match.
//! let checked = integrity::check_document(&doc)?;
//! assert!(checked.iter().all(|s| s.integrity.is_intact()));
//!
//! // After the first signature: a form field filled and a signature added, both allowed.
//! let after = changes::analyse(&doc)?;
//! assert_eq!(after[0].modified_after_signing, Modification::Allowed);
//! let codes: Vec<&str> = after[0].changes.iter().map(|c| c.code).collect();
//! assert_eq!(codes, ["changes.form_filled", "changes.signature_added"]);
//! assert_eq!(after[1].modified_after_signing, Modification::None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod byte_range;
pub mod certificate;
pub mod changes;
pub mod cms;
pub mod crypto;
pub mod format;
pub mod integrity;
pub mod pdf;
pub mod report;
pub mod revocation_data;
pub mod time;
pub mod timestamp;
mod tlv;
pub mod verify;
