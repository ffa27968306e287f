//! Byte-range integrity of a PDF signature (ISO 32000-1 §12.8.1 Table 252 `/ByteRange` and
//! `/Contents`; ETSI EN 319 142-1 §5.1 and §6.2.1 for PAdES): which bytes a signature covers, and
//! the rule that makes that coverage mean "the document as signed".
//!
//! A `/ByteRange` is accepted only when all of these hold (otherwise a typed [`ByteRangeError`],
//! and the signature is never passing):
//! 1. it is exactly four non-negative integers `[a b c d]`, two ranges `a..a+b` and `c..c+d`;
//! 2. the first starts at 0 (`a = 0`);
//! 3. both lie inside the file, and the second starts after the first ends (no overlap);
//! 4. the gap `a+b..c` between them is exactly the `/Contents` hex string, its `<` and `>`
//!    included (§12.8.1: "the byte range shall cover the entire file, including the signature
//!    dictionary but excluding the signature value itself") — so nothing else in the file is
//!    left unsigned (signature wrapping, Mladenov et al. 2019);
//! 5. the second range ends where a revision ends (the end of its `%%EOF` line), and that revision
//!    is the one holding the `/Contents` string: the signature covers its own revision entirely
//!    (incremental saving attack: a signature that stops short of its revision's cross-reference
//!    section and trailer proves nothing about them).
//!
//! The [`Coverage`] names the revision covered; later revisions are the business of the
//! change-detection stage. The digest over the two ranges ([`Ranges::digest`]) is computed
//! straight from the borrowed file, one update per range, without copying it.
//!
//! The arithmetic ([`layout`]) is a pure function of the numbers, the file length and the
//! `/Contents` span, so that it can be checked on arbitrary values (proptest below).

use std::ops::Range;

use serde::Serialize;

use super::crypto::DigestAlgorithm;
use super::pdf::{Document, SignatureDict};
use crate::finding::Diagnostic;

/// Why a signature's byte range does not cover exactly its revision.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ByteRangeError {
    /// No `/ByteRange`, or one whose elements are not all integers.
    #[error("the signature dictionary has no /ByteRange of integers")]
    Missing,
    /// Not exactly two ranges.
    #[error("/ByteRange has {count} numbers, not 4")]
    Count {
        /// How many numbers it has.
        count: usize,
    },
    /// A negative number, or a range past the end of the file.
    #[error("/ByteRange {numbers} goes outside the file of {len} bytes")]
    OutsideFile {
        /// The numbers as written.
        numbers: String,
        /// The file length.
        len: usize,
    },
    /// The first range does not start at 0.
    #[error("/ByteRange starts at {start}, not 0")]
    NotFromZero {
        /// Where it starts.
        start: usize,
    },
    /// The second range starts before the first ends.
    #[error("the ranges of /ByteRange {numbers} overlap or are out of order")]
    Overlap {
        /// The numbers as written.
        numbers: String,
    },
    /// No `/Contents` string, or one not written as a hex string (§12.8.1).
    #[error("the signature dictionary has no /Contents hex string")]
    NoContents,
    /// `/Contents` is inside an object stream, where no byte range can leave it out.
    #[error("/Contents is inside a compressed object stream")]
    ContentsNotInFile,
    /// The unsigned gap is not exactly the `/Contents` string.
    #[error("the unsigned gap {gap_start}..{gap_end} is not the /Contents string at {contents_start}..{contents_end}")]
    GapNotContents {
        /// First byte left out.
        gap_start: usize,
        /// One past the last byte left out.
        gap_end: usize,
        /// Where `/Contents` starts (`<`).
        contents_start: usize,
        /// One past its `>`.
        contents_end: usize,
    },
    /// The second range does not end where any revision ends.
    #[error("/ByteRange ends at byte {end}, where no revision ends")]
    NotRevisionEnd {
        /// Where it ends.
        end: usize,
    },
    /// The ranges end at the end of one revision, but `/Contents` is in another.
    #[error(
        "/ByteRange covers up to revision {covered}, but the signature is in revision {revision}"
    )]
    NotItsRevision {
        /// The revision whose end the range reaches (0 the original).
        covered: usize,
        /// The revision holding `/Contents`.
        revision: usize,
    },
}

impl Diagnostic for ByteRangeError {
    fn code(&self) -> &'static str {
        match self {
            Self::Missing => "byte_range.missing",
            Self::Count { .. } => "byte_range.count",
            Self::OutsideFile { .. } => "byte_range.outside_file",
            Self::NotFromZero { .. } => "byte_range.not_from_zero",
            Self::Overlap { .. } => "byte_range.overlap",
            Self::NoContents => "byte_range.no_contents",
            Self::ContentsNotInFile => "byte_range.contents_not_in_file",
            Self::GapNotContents { .. } => "byte_range.gap_not_contents",
            Self::NotRevisionEnd { .. } => "byte_range.not_revision_end",
            Self::NotItsRevision { .. } => "byte_range.not_its_revision",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Missing | Self::NoContents | Self::ContentsNotInFile => Vec::new(),
            Self::Count { count } => vec![("count", count.to_string())],
            Self::OutsideFile { numbers, len } => {
                vec![("numbers", numbers.clone()), ("len", len.to_string())]
            }
            Self::NotFromZero { start } => vec![("start", start.to_string())],
            Self::Overlap { numbers } => vec![("numbers", numbers.clone())],
            Self::GapNotContents {
                gap_start,
                gap_end,
                contents_start,
                contents_end,
            } => vec![
                ("gap", format!("{gap_start}..{gap_end}")),
                ("contents", format!("{contents_start}..{contents_end}")),
            ],
            Self::NotRevisionEnd { end } => vec![("end", end.to_string())],
            Self::NotItsRevision { covered, revision } => vec![
                ("covered", covered.to_string()),
                ("revision", revision.to_string()),
            ],
        }
    }
}

/// The two signed ranges of a `/ByteRange`, checked against the file and `/Contents`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranges {
    /// `0..b`.
    pub first: Range<usize>,
    /// `c..c+d`.
    pub second: Range<usize>,
}

impl Ranges {
    /// The digest of the bytes the ranges cover in `file`, hashed in place (no copy) and in
    /// bounded pieces ([`crate::signature::crypto::HASH_CHUNK`], for WebAssembly engines), or
    /// `None` when a range is outside `file`.
    pub fn digest(&self, file: &[u8], alg: DigestAlgorithm) -> Option<Vec<u8>> {
        let first = file.get(self.first.clone())?;
        let second = file.get(self.second.clone())?;
        let mut h = alg.hasher();
        h.update(first);
        h.update(second);
        Some(h.finalize())
    }

    /// How many bytes the ranges cover.
    pub fn len(&self) -> usize {
        self.first.len() + self.second.len()
    }

    /// Whether they cover nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `other` (a piece of data, such as a CMS's encapsulated content) is exactly the
    /// bytes the ranges cover in `file`, compared in place.
    pub fn holds(&self, file: &[u8], other: &[u8]) -> bool {
        match (file.get(self.first.clone()), file.get(self.second.clone())) {
            (Some(a), Some(b)) => {
                other.len() == a.len() + b.len()
                    && other.get(..a.len()) == Some(a)
                    && other.get(a.len()..) == Some(b)
            }
            _ => false,
        }
    }
}

/// What a signature's byte range covers: its ranges and the revision they end with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The ranges.
    pub ranges: Ranges,
    /// The revision (0 the original) whose end the second range reaches: the signature's own.
    pub revision: usize,
    /// Whether that is the newest revision and nothing follows it (the signature covers the
    /// whole file but `/Contents`).
    pub whole_file: bool,
}

fn numbers(br: &[i64]) -> String {
    let parts: Vec<String> = br.iter().map(i64::to_string).collect();
    format!("[{}]", parts.join(" "))
}

/// Rules 1–4 of the module: the ranges of `byte_range` in a file of `len` bytes whose
/// `/Contents` string (with `<` and `>`) is at `contents`.
pub fn layout(
    byte_range: &[i64],
    len: usize,
    contents: Range<usize>,
) -> Result<Ranges, ByteRangeError> {
    let &[a, b, c, d] = byte_range else {
        return Err(ByteRangeError::Count {
            count: byte_range.len(),
        });
    };
    let outside = || ByteRangeError::OutsideFile {
        numbers: numbers(byte_range),
        len,
    };
    let to = |n: i64| usize::try_from(n).map_err(|_| outside());
    let (a, b, c, d) = (to(a)?, to(b)?, to(c)?, to(d)?);
    let first_end = a.checked_add(b).ok_or_else(outside)?;
    let second_end = c.checked_add(d).ok_or_else(outside)?;
    if first_end > len || second_end > len {
        return Err(outside());
    }
    if a != 0 {
        return Err(ByteRangeError::NotFromZero { start: a });
    }
    if c < first_end {
        return Err(ByteRangeError::Overlap {
            numbers: numbers(byte_range),
        });
    }
    if first_end != contents.start || c != contents.end {
        return Err(ByteRangeError::GapNotContents {
            gap_start: first_end,
            gap_end: c,
            contents_start: contents.start,
            contents_end: contents.end,
        });
    }
    Ok(Ranges {
        first: a..first_end,
        second: c..second_end,
    })
}

/// Checks the byte range of `sig` in `doc` against every rule of the module.
pub fn check(doc: &Document<'_>, sig: &SignatureDict<'_>) -> Result<Coverage, ByteRangeError> {
    let br = sig.byte_range.as_deref().ok_or(ByteRangeError::Missing)?;
    let contents = sig.contents.as_ref().ok_or(ByteRangeError::NoContents)?;
    if !contents.hex {
        return Err(ByteRangeError::NoContents);
    }
    let span = contents
        .span
        .clone()
        .ok_or(ByteRangeError::ContentsNotInFile)?;
    let file = doc.bytes();
    let ranges = layout(br, file.len(), span.clone())?;
    let end = ranges.second.end;
    let covered = doc
        .revision_ending_at(end)
        .ok_or(ByteRangeError::NotRevisionEnd { end })?
        .index;
    let revision = doc
        .revisions()
        .iter()
        .find(|r| r.start <= span.start && span.start < r.end)
        .map_or(covered, |r| r.index);
    if revision != covered {
        return Err(ByteRangeError::NotItsRevision { covered, revision });
    }
    Ok(Coverage {
        ranges,
        revision: covered,
        whole_file: end == file.len() && covered + 1 == doc.revisions().len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_exact_range_is_accepted() {
        assert_eq!(
            layout(&[0, 10, 20, 5], 25, 10..20),
            Ok(Ranges {
                first: 0..10,
                second: 20..25
            })
        );
    }

    #[test]
    fn each_rule_has_its_error() {
        assert_eq!(
            layout(&[0, 10, 20], 25, 10..20),
            Err(ByteRangeError::Count { count: 3 })
        );
        assert!(matches!(
            layout(&[0, 10, 20, 6], 25, 10..20),
            Err(ByteRangeError::OutsideFile { .. })
        ));
        assert!(matches!(
            layout(&[0, -1, 20, 5], 25, 10..20),
            Err(ByteRangeError::OutsideFile { .. })
        ));
        assert!(matches!(
            layout(&[0, i64::MAX, i64::MAX, i64::MAX], 25, 10..20),
            Err(ByteRangeError::OutsideFile { .. })
        ));
        assert_eq!(
            layout(&[1, 9, 20, 5], 25, 10..20),
            Err(ByteRangeError::NotFromZero { start: 1 })
        );
        assert!(matches!(
            layout(&[0, 15, 12, 13], 25, 10..20),
            Err(ByteRangeError::Overlap { .. })
        ));
        assert!(matches!(
            layout(&[0, 10, 21, 4], 25, 10..20),
            Err(ByteRangeError::GapNotContents { gap_end: 21, .. })
        ));
        assert!(matches!(
            layout(&[0, 0, 0, 0], 25, 10..20),
            Err(ByteRangeError::GapNotContents { .. })
        ));
    }

    #[test]
    fn the_digest_is_over_both_ranges_in_place() {
        let file = b"0123456789<abcd>ABCDE";
        let r = layout(&[0, 10, 16, 5], file.len(), 10..16).expect("layout");
        let d = DigestAlgorithm::Sha256;
        assert_eq!(r.digest(file, d), Some(d.digest(&[b"0123456789ABCDE"])));
        assert!(r.holds(file, b"0123456789ABCDE"));
        assert!(!r.holds(file, b"0123456789ABCDEF"));
        assert_eq!(r.len(), 15);
        assert_eq!(
            Ranges {
                first: 0..10,
                second: 16..99
            }
            .digest(file, d),
            None
        );
    }

    #[test]
    fn every_code_is_in_the_catalog() {
        let numbers = String::from("[0 1 2 3]");
        let all = [
            ByteRangeError::Missing,
            ByteRangeError::Count { count: 2 },
            ByteRangeError::OutsideFile {
                numbers: numbers.clone(),
                len: 9,
            },
            ByteRangeError::NotFromZero { start: 1 },
            ByteRangeError::Overlap { numbers },
            ByteRangeError::NoContents,
            ByteRangeError::ContentsNotInFile,
            ByteRangeError::GapNotContents {
                gap_start: 1,
                gap_end: 2,
                contents_start: 3,
                contents_end: 4,
            },
            ByteRangeError::NotRevisionEnd { end: 5 },
            ByteRangeError::NotItsRevision {
                covered: 0,
                revision: 1,
            },
        ];
        let codes: std::collections::BTreeSet<&str> = all.iter().map(Diagnostic::code).collect();
        assert_eq!(codes.len(), all.len());
        for f in all.iter().map(|e| e.to_finding("")) {
            assert!(!f.vi.contains('{') && !f.en.contains('{'), "{}", f.code);
        }
        let listed: std::collections::BTreeSet<&str> = crate::catalog::entries()
            .filter(|e| e.code.starts_with("byte_range."))
            .map(|e| e.code.as_str())
            .collect();
        assert_eq!(listed, codes);
    }

    proptest! {
        /// Random numbers, file sizes and `/Contents` spans: never a panic; an accepted range
        /// starts at 0, lies inside the file, and leaves out exactly the `/Contents` span.
        #[test]
        fn accepted_ranges_are_inside_and_leave_out_only_contents(
            br in proptest::collection::vec(prop_oneof![
                -3i64..3,
                0i64..2_000,
                any::<i64>(),
            ], 0..6),
            len in 0usize..2_000,
            start in 0usize..2_000,
            width in 0usize..400,
        ) {
            let contents = start..start.saturating_add(width);
            if let Ok(r) = layout(&br, len, contents.clone()) {
                prop_assert_eq!(br.len(), 4);
                prop_assert_eq!(r.first.start, 0);
                prop_assert!(r.first.end <= r.second.start);
                prop_assert!(r.second.end <= len);
                prop_assert_eq!(r.first.end..r.second.start, contents);
                let file = vec![7u8; len];
                prop_assert!(r.digest(&file, DigestAlgorithm::Sha256).is_some());
            }
        }

        /// Ranges built from a valid layout are accepted; moving any number by one is refused.
        #[test]
        fn only_the_exact_layout_is_accepted(
            before in 0usize..1_000,
            width in 2usize..200,
            after in 0usize..1_000,
            which in 0usize..4,
            up in any::<bool>(),
        ) {
            let len = before + width + after;
            let contents = before..before + width;
            let exact = [0, before as i64, (before + width) as i64, after as i64];
            prop_assert!(layout(&exact, len, contents.clone()).is_ok());
            let mut moved = exact;
            if let Some(n) = moved.get_mut(which) {
                *n += if up { 1 } else { -1 };
            }
            // The last number may shrink (a range short of the end is a revision question,
            // checked against the document); every other change breaks the layout.
            if !(which == 3 && !up && after > 0) {
                prop_assert!(layout(&moved, len, contents).is_err(), "{:?}", moved);
            }
        }
    }
}
