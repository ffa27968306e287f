//! Why a PDF could not be read: one typed error per failure, each limit with its own variant, so
//! that a caller (and the report built later) can say exactly what was refused and where.

use crate::finding::Diagnostic;

/// A PDF the reader refuses. `offset` is a byte offset in the file (or, for an object inside an
/// object stream, in that stream's decoded data).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The file does not start with `%PDF-` within its first 1024 bytes (ISO 32000-1 §7.5.2).
    #[error("no %PDF- header in the first 1024 bytes")]
    NoHeader,
    /// No `startxref` keyword followed by an offset and `%%EOF` at the end of the file (§7.5.5).
    #[error("no startxref and %%EOF at the end of the file")]
    NoStartxref,
    /// A cross-reference section is not at the offset given by `startxref`, `/Prev` or `/XRefStm`
    /// (§7.5.4, §7.5.8). The reader does not search the file for another one (spec/signature/pdf.md).
    #[error("no cross-reference section at offset {offset}")]
    BadXrefOffset {
        /// The offset given.
        offset: usize,
    },
    /// A cross-reference table or stream is malformed.
    #[error("malformed cross-reference section at offset {offset}: {what}")]
    BadXref {
        /// Where.
        offset: usize,
        /// What is wrong.
        what: &'static str,
    },
    /// Two revisions' cross-reference sections are at the same offset (`/Prev` loop).
    #[error("the /Prev chain loops back to offset {offset}")]
    PrevLoop {
        /// The offset seen twice.
        offset: usize,
    },
    /// A revision's `%%EOF` is not after its cross-reference section, or revisions overlap.
    #[error("revision ending at {offset} overlaps the next one or has no %%EOF")]
    BadRevisionEnd {
        /// Where the problem was seen.
        offset: usize,
    },
    /// A syntax error in an object.
    #[error("syntax error at offset {offset}: {what}")]
    Syntax {
        /// Where.
        offset: usize,
        /// What was expected or found.
        what: &'static str,
    },
    /// The input ended inside an object.
    #[error("unexpected end of data at offset {offset}")]
    UnexpectedEnd {
        /// Where.
        offset: usize,
    },
    /// An integer does not fit in 64 bits, or an offset or length is negative or out of range.
    #[error("number out of range at offset {offset}")]
    NumberRange {
        /// Where.
        offset: usize,
    },
    /// The object at an xref offset is not `num gen obj` with the expected numbers.
    #[error("object {num} {generation} is not at offset {offset}")]
    ObjectMismatch {
        /// Object number looked for.
        num: u32,
        /// Generation looked for.
        generation: u16,
        /// Offset the cross-reference section gave.
        offset: usize,
    },
    /// A stream's data does not end with `endstream` after `/Length` bytes.
    #[error("stream at offset {offset} does not end where its /Length says")]
    StreamLength {
        /// Offset of the stream data.
        offset: usize,
    },
    /// A filter other than FlateDecode on a stream the reader must decode (xref or object stream).
    #[error("unsupported filter on the stream at offset {offset}")]
    UnsupportedFilter {
        /// Offset of the stream data.
        offset: usize,
    },
    /// FlateDecode data is corrupt.
    #[error("corrupt FlateDecode data in the stream at offset {offset}")]
    Inflate {
        /// Offset of the stream data.
        offset: usize,
    },
    /// Predictor parameters the reader does not support or data that does not fit them.
    #[error("unsupported or inconsistent predictor in the stream at offset {offset}")]
    Predictor {
        /// Offset of the stream data.
        offset: usize,
    },
    /// An object stream is malformed (`/N`, `/First` or its offset table).
    #[error("malformed object stream {num}: {what}")]
    BadObjectStream {
        /// The object stream's number.
        num: u32,
        /// What is wrong.
        what: &'static str,
    },
    /// A reference chain (`1 0 obj 2 0 R endobj` …) is longer than [`super::MAX_REF_CHAIN`]
    /// or loops.
    #[error("reference chain longer than {limit} (or a loop) at object {num}")]
    RefChain {
        /// The object where it was cut.
        num: u32,
        /// The limit.
        limit: usize,
    },
    /// The trailer has no `/Root` catalog dictionary.
    #[error("the trailer has no /Root catalog")]
    NoCatalog,
    /// A revision index or object number outside the document.
    #[error("no revision {index}")]
    NoRevision {
        /// The index asked for.
        index: usize,
    },
    /// The file is encrypted with a security handler the reader does not handle for this object.
    #[error("object {num} needs decryption, which the reader does not do")]
    Encrypted {
        /// The object.
        num: u32,
    },
    /// Nesting of arrays and dictionaries deeper than [`super::MAX_DEPTH`].
    #[error("objects nested deeper than {limit}")]
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// More than [`super::MAX_OBJECT_NODES`] values in one object.
    #[error("one object holds more than {limit} values")]
    TooManyValues {
        /// The limit.
        limit: usize,
    },
    /// More than [`super::MAX_OBJECTS`] object numbers in a cross-reference section.
    #[error("object number or count above {limit}")]
    TooManyObjects {
        /// The limit.
        limit: usize,
    },
    /// More than [`super::MAX_XREF_ENTRIES`] cross-reference entries in the whole file.
    #[error("more than {limit} cross-reference entries")]
    TooManyXrefEntries {
        /// The limit.
        limit: usize,
    },
    /// More than [`super::MAX_REVISIONS`] revisions.
    #[error("more than {limit} revisions")]
    TooManyRevisions {
        /// The limit.
        limit: usize,
    },
    /// A string longer than [`super::MAX_STRING_BYTES`].
    #[error("string longer than {limit} bytes at offset {offset}")]
    StringTooLong {
        /// Where it starts.
        offset: usize,
        /// The limit.
        limit: usize,
    },
    /// A stream longer than [`super::MAX_STREAM_BYTES`] (as stored).
    #[error("stream longer than {limit} bytes at offset {offset}")]
    StreamTooLong {
        /// Where its data starts.
        offset: usize,
        /// The limit.
        limit: usize,
    },
    /// One stream decodes to more than [`super::MAX_DECODED_STREAM_BYTES`].
    #[error("stream at offset {offset} decodes to more than {limit} bytes")]
    StreamDecodeLimit {
        /// Where its data starts.
        offset: usize,
        /// The limit.
        limit: usize,
    },
    /// The streams decoded for one document exceed [`super::MAX_DECODED_TOTAL_BYTES`].
    #[error("the document's streams decode to more than {limit} bytes")]
    DocumentDecodeLimit {
        /// The limit.
        limit: usize,
    },
    /// More than [`super::MAX_FIELDS`] form fields or widgets, or a field tree deeper than
    /// [`super::MAX_DEPTH`].
    #[error("more than {limit} form fields (or a field tree loop)")]
    TooManyFields {
        /// The limit.
        limit: usize,
    },
    /// More than [`super::MAX_PAGES`] page tree nodes, or a page tree loop.
    #[error("more than {limit} page tree nodes (or a page tree loop)")]
    TooManyPages {
        /// The limit.
        limit: usize,
    },
}

impl Diagnostic for PdfError {
    fn code(&self) -> &'static str {
        match self {
            Self::NoHeader => "pdf.no_header",
            Self::NoStartxref => "pdf.no_startxref",
            Self::BadXrefOffset { .. } => "pdf.bad_xref_offset",
            Self::BadXref { .. } => "pdf.bad_xref",
            Self::PrevLoop { .. } => "pdf.prev_loop",
            Self::BadRevisionEnd { .. } => "pdf.bad_revision_end",
            Self::Syntax { .. } => "pdf.syntax",
            Self::UnexpectedEnd { .. } => "pdf.unexpected_end",
            Self::NumberRange { .. } => "pdf.number_range",
            Self::ObjectMismatch { .. } => "pdf.object_mismatch",
            Self::StreamLength { .. } => "pdf.stream_length",
            Self::UnsupportedFilter { .. } => "pdf.unsupported_filter",
            Self::Inflate { .. } => "pdf.inflate",
            Self::Predictor { .. } => "pdf.predictor",
            Self::BadObjectStream { .. } => "pdf.bad_object_stream",
            Self::RefChain { .. } => "pdf.ref_chain",
            Self::NoCatalog => "pdf.no_catalog",
            Self::NoRevision { .. } => "pdf.no_revision",
            Self::Encrypted { .. } => "pdf.encrypted",
            Self::TooDeep { .. } => "pdf.too_deep",
            Self::TooManyValues { .. } => "pdf.too_many_values",
            Self::TooManyObjects { .. } => "pdf.too_many_objects",
            Self::TooManyXrefEntries { .. } => "pdf.too_many_xref_entries",
            Self::TooManyRevisions { .. } => "pdf.too_many_revisions",
            Self::StringTooLong { .. } => "pdf.string_too_long",
            Self::StreamTooLong { .. } => "pdf.stream_too_long",
            Self::StreamDecodeLimit { .. } => "pdf.stream_decode_limit",
            Self::DocumentDecodeLimit { .. } => "pdf.document_decode_limit",
            Self::TooManyFields { .. } => "pdf.too_many_fields",
            Self::TooManyPages { .. } => "pdf.too_many_pages",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        let mut args = Vec::new();
        match self {
            Self::NoHeader | Self::NoStartxref | Self::NoCatalog => {}
            Self::BadXrefOffset { offset }
            | Self::PrevLoop { offset }
            | Self::BadRevisionEnd { offset }
            | Self::UnexpectedEnd { offset }
            | Self::NumberRange { offset }
            | Self::StreamLength { offset }
            | Self::UnsupportedFilter { offset }
            | Self::Inflate { offset }
            | Self::Predictor { offset } => args.push(("offset", offset.to_string())),
            Self::BadXref { offset, what } | Self::Syntax { offset, what } => {
                args.push(("offset", offset.to_string()));
                args.push(("what", (*what).to_owned()));
            }
            Self::ObjectMismatch {
                num,
                generation,
                offset,
            } => {
                args.push(("object", format!("{num} {generation}")));
                args.push(("offset", offset.to_string()));
            }
            Self::BadObjectStream { num, what } => {
                args.push(("object", num.to_string()));
                args.push(("what", (*what).to_owned()));
            }
            Self::RefChain { num, limit } => {
                args.push(("object", num.to_string()));
                args.push(("limit", limit.to_string()));
            }
            Self::NoRevision { index } => args.push(("index", index.to_string())),
            Self::Encrypted { num } => args.push(("object", num.to_string())),
            Self::TooDeep { limit }
            | Self::TooManyValues { limit }
            | Self::TooManyObjects { limit }
            | Self::TooManyXrefEntries { limit }
            | Self::TooManyRevisions { limit }
            | Self::DocumentDecodeLimit { limit }
            | Self::TooManyFields { limit }
            | Self::TooManyPages { limit } => args.push(("limit", limit.to_string())),
            Self::StringTooLong { offset, limit }
            | Self::StreamTooLong { offset, limit }
            | Self::StreamDecodeLimit { offset, limit } => {
                args.push(("offset", offset.to_string()));
                args.push(("limit", limit.to_string()));
            }
        }
        args
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_in_the_catalog_with_its_placeholders_filled() {
        let (offset, limit, what, num) = (7, 9, "x", 3);
        let all = [
            PdfError::NoHeader,
            PdfError::NoStartxref,
            PdfError::BadXrefOffset { offset },
            PdfError::BadXref { offset, what },
            PdfError::PrevLoop { offset },
            PdfError::BadRevisionEnd { offset },
            PdfError::Syntax { offset, what },
            PdfError::UnexpectedEnd { offset },
            PdfError::NumberRange { offset },
            PdfError::ObjectMismatch {
                num,
                generation: 0,
                offset,
            },
            PdfError::StreamLength { offset },
            PdfError::UnsupportedFilter { offset },
            PdfError::Inflate { offset },
            PdfError::Predictor { offset },
            PdfError::BadObjectStream { num, what },
            PdfError::RefChain { num, limit },
            PdfError::NoCatalog,
            PdfError::NoRevision { index: 2 },
            PdfError::Encrypted { num },
            PdfError::TooDeep { limit },
            PdfError::TooManyValues { limit },
            PdfError::TooManyObjects { limit },
            PdfError::TooManyXrefEntries { limit },
            PdfError::TooManyRevisions { limit },
            PdfError::StringTooLong { offset, limit },
            PdfError::StreamTooLong { offset, limit },
            PdfError::StreamDecodeLimit { offset, limit },
            PdfError::DocumentDecodeLimit { limit },
            PdfError::TooManyFields { limit },
            PdfError::TooManyPages { limit },
        ];
        let codes: std::collections::BTreeSet<_> = all.iter().map(Diagnostic::code).collect();
        assert_eq!(codes.len(), all.len(), "two variants share a code");
        for e in &all {
            let f = e.to_finding("");
            assert!(
                !f.vi.contains('{') && !f.en.contains('{'),
                "{}: unfilled placeholder",
                f.code
            );
        }
        let listed = crate::catalog::entries()
            .filter(|e| e.code.starts_with("pdf."))
            .count();
        assert_eq!(
            listed,
            all.len(),
            "spec/findings/pdf.json lists a code no error has"
        );
    }
}
