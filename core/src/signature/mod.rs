//! Signed documents (issue 6): the signature checker vendors embed, built in stages, each one's
//! result a value the next stage needs (docs of the design: `spec/signature/`).
//!
//! So far the first stage:
//! - [`pdf`]: a bounded PDF reader — every incremental revision with its byte span, objects as
//!   of any revision, and the signature fields with their signature dictionaries as written.
//!
//! To come: byte-range integrity and digests, CMS, certificates, changes after signing, and the
//! Decree 30/2020 format rules.

pub mod pdf;
