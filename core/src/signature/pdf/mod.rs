//! A bounded PDF reader (ISO 32000-1 §7.2–§7.5 syntax and file structure, §12.7 forms, §12.8
//! signatures) for the signature checker.
//!
//! It reads a borrowed `&[u8]` and never copies the file: later stages hash byte ranges straight
//! from [`Document::bytes`]. It never reads outside the buffer, never panics on input, and stops
//! at the named limits below, each with its own [`PdfError`] variant, so reference loops and
//! decompression bombs end in a typed error quickly and within a bounded amount of memory.
//! Where a file is damaged it does not repair it: no section or object is searched for when it
//! is not at the offset the file gives (a verifier must not silently read a document other than
//! the one signed; spec/signature/pdf.md).
//!
//! The public interface is:
//! - [`Document::parse`], [`Document`]: header, every [`Revision`] (oldest first, with its byte
//!   span `start..end`, the end being the end of its `%%EOF` line, and the objects it defines),
//!   and [`Document::view`] / [`Document::latest`] giving a [`View`] as of one revision;
//!   [`Document::tail`] (bytes after the last revision), [`Document::revision_ending_at`],
//!   [`Document::decode_stream`];
//! - [`View`]: [`View::get`], [`View::resolve`], [`View::entry`], [`View::catalog`],
//!   [`View::pages`], [`View::signatures`], [`View::dss`] ([`Dss`], the document security store);
//! - the objects: [`Object`], [`Dict`], [`Name`], [`PdfString`], [`Stream`], [`ObjRef`], and
//!   the cross-reference [`Entry`] and [`XrefKind`];
//! - signatures: [`Signatures`], [`SignatureField`], [`SignatureDict`], [`SignatureKind`],
//!   [`Contents`], [`SigReference`], [`Widget`];
//! - [`PdfError`] and the limits.
//!
//! The module lives under `signature/` because it serves the signature checker only; it reads
//! what a verifier needs (structure, forms, signatures), not page content.

mod document;
mod dss;
mod error;
mod fields;
mod filter;
pub(crate) mod lexer;
mod object;
mod xref;

#[cfg(test)]
pub(crate) mod testpdf;
#[cfg(test)]
mod tests;

pub use document::{Document, View};
pub use dss::Dss;
pub use error::PdfError;
pub use fields::{
    Contents, SigReference, SignatureDict, SignatureField, SignatureKind, Signatures, Widget,
};
pub use object::{decode_text, Dict, Name, ObjRef, Object, PdfString, Stream};
pub use xref::{Entry, Revision, XrefKind};

/// Deepest nesting of arrays and dictionaries in one object (also the deepest field tree).
pub const MAX_DEPTH: usize = 64;
/// Most values (array elements, dictionary keys and values) in one parsed object.
pub const MAX_OBJECT_NODES: usize = 250_000;
/// Highest object number plus one, and most objects in one object stream (ISO 32000-1 Annex C:
/// at most 8 388 607 indirect objects).
pub const MAX_OBJECTS: usize = 8_388_608;
/// Most cross-reference entries over all sections of a file (each costs about 30 bytes of
/// memory, so the entries of a hostile file stay near 15 MB).
pub const MAX_XREF_ENTRIES: usize = 500_000;
/// Most incremental revisions.
pub const MAX_REVISIONS: usize = 1_000;
/// Longest string, in decoded bytes (a `/Contents` of a large CMS with embedded revocation data
/// fits easily; the corpus's largest is about 2 MB).
pub const MAX_STRING_BYTES: usize = 16 * 1024 * 1024;
/// Longest stream, as stored.
pub const MAX_STREAM_BYTES: usize = 256 * 1024 * 1024;
/// Most bytes one stream may decode to (a cross-reference stream of all `MAX_XREF_ENTRIES`
/// entries at 7 bytes each fits).
pub const MAX_DECODED_STREAM_BYTES: usize = 8 * 1024 * 1024;
/// Most bytes all the streams decoded for one document may decode to.
pub const MAX_DECODED_TOTAL_BYTES: usize = 24 * 1024 * 1024;
/// Longest chain of references followed to reach a direct object.
pub const MAX_REF_CHAIN: usize = 32;
/// Most form fields and widgets visited in the field tree.
pub const MAX_FIELDS: usize = 10_000;
/// Most page tree nodes visited.
pub const MAX_PAGES: usize = 100_000;
