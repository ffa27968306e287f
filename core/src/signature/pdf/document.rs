//! A parsed PDF: its revisions, and views that resolve objects as of one revision (ISO 32000-1
//! §7.5.6: an update's cross-reference section overrides the earlier ones for the objects it
//! lists). Object streams (§7.5.7) are decoded on first use, within the document's budget.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::filter::{decode, Budget};
use super::lexer::Lexer;
use super::object::{Dict, ObjRef, Object};
use super::xref::{revisions, Entry, Revision};
use super::{PdfError, MAX_OBJECTS, MAX_REF_CHAIN};

/// A decoded object stream: its data and, per index, the object number and offset in the data.
#[derive(Debug)]
struct ObjStm {
    data: Vec<u8>,
    first: usize,
    index: Vec<(u32, usize)>,
}

/// A PDF file read from a borrowed buffer.
#[derive(Debug)]
pub struct Document<'a> {
    buf: &'a [u8],
    header_offset: usize,
    version: String,
    revisions: Vec<Revision<'a>>,
    encrypted: bool,
    budget: Budget,
    /// Object streams by (revision whose entry points to them, stream number).
    objstms: BTreeMap<(usize, u32), OnceLock<Result<ObjStm, PdfError>>>,
}

impl<'a> Document<'a> {
    /// Reads the file structure of `buf`: header, every revision's cross-reference section and
    /// trailer. Objects are parsed when asked for.
    pub fn parse(buf: &'a [u8]) -> Result<Self, PdfError> {
        let head = &buf[..buf.len().min(1024)];
        let header_offset = head
            .windows(5)
            .position(|w| w == b"%PDF-")
            .ok_or(PdfError::NoHeader)?;
        let version: String = buf[header_offset + 5..]
            .iter()
            .take(8)
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .map(|&b| char::from(b))
            .collect();
        let budget = Budget::new();
        let revisions = revisions(buf, &budget)?;
        let encrypted = revisions
            .last()
            .and_then(|r| r.trailer.get("Encrypt"))
            .is_some_and(|e| *e != Object::Null);
        let mut objstms = BTreeMap::new();
        for rev in &revisions {
            for e in rev.entries.values() {
                if let Entry::InStream { stream, .. } = e {
                    objstms
                        .entry((rev.index, *stream))
                        .or_insert_with(OnceLock::new);
                }
            }
        }
        Ok(Self {
            buf,
            header_offset,
            version,
            revisions,
            encrypted,
            budget,
            objstms,
        })
    }

    /// The whole file.
    pub fn bytes(&self) -> &'a [u8] {
        self.buf
    }

    /// Offset of `%PDF-` (0 in a well-formed file; up to 1023 bytes of junk are tolerated).
    pub fn header_offset(&self) -> usize {
        self.header_offset
    }

    /// The version in the header, e.g. `"1.7"`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Whether the newest trailer has `/Encrypt`: strings other than signature `/Contents` are
    /// then encrypted (§7.6.1) and returned as stored; object streams cannot be read.
    pub fn encrypted(&self) -> bool {
        self.encrypted
    }

    /// The bytes after the newest revision's `%%EOF` line, if any: data no revision accounts for
    /// (an update appended without a valid cross-reference section and `%%EOF`, or trailing
    /// junk). They are never read as objects; a signature cannot cover them and still end at a
    /// revision's end, which the integrity stage must report.
    pub fn tail(&self) -> Option<std::ops::Range<usize>> {
        let end = self.revisions.last().map_or(0, |r| r.end);
        (end < self.buf.len()).then_some(end..self.buf.len())
    }

    /// A stream's data decoded (FlateDecode with its predictor, or no filter), within the
    /// document's limits [`super::MAX_DECODED_STREAM_BYTES`] and
    /// [`super::MAX_DECODED_TOTAL_BYTES`], which every stream decoded for this document shares.
    pub fn decode_stream(&self, stream: &super::Stream<'_>) -> Result<Vec<u8>, PdfError> {
        decode(stream, &self.budget)
    }

    /// The revision whose span ends at byte `end` (where a signature covering it ends its
    /// `/ByteRange`), if one does.
    pub fn revision_ending_at(&self, end: usize) -> Option<&Revision<'a>> {
        self.revisions.iter().find(|r| r.end == end)
    }

    /// The revisions, oldest first; never empty.
    pub fn revisions(&self) -> &[Revision<'a>] {
        &self.revisions
    }

    /// The document as of revision `index`.
    pub fn view(&self, index: usize) -> Result<View<'_, 'a>, PdfError> {
        if index >= self.revisions.len() {
            return Err(PdfError::NoRevision { index });
        }
        Ok(View {
            doc: self,
            rev: index,
        })
    }

    /// The document as of its newest revision.
    pub fn latest(&self) -> View<'_, 'a> {
        View {
            doc: self,
            rev: self.revisions.len().saturating_sub(1),
        }
    }

    fn objstm(&self, rev: usize, num: u32) -> Result<&ObjStm, PdfError> {
        let bad = |what| PdfError::BadObjectStream { num, what };
        let cell = self.objstms.get(&(rev, num)).ok_or(bad("not listed"))?;
        cell.get_or_init(|| {
            if self.encrypted {
                return Err(PdfError::Encrypted { num });
            }
            let view = View { doc: self, rev };
            let r = match view.entry(num) {
                Some((_, Entry::InFile { generation, .. })) => ObjRef { num, generation },
                _ => return Err(bad("not an object in the file")),
            };
            let Object::Stream(s) = view.get_inner(r, true)? else {
                return Err(bad("not a stream"));
            };
            let int = |k| s.dict.get(k).and_then(Object::as_int);
            let n = int("N")
                .and_then(|n| usize::try_from(n).ok())
                .filter(|&n| n <= MAX_OBJECTS)
                .ok_or(bad("/N missing or out of range"))?;
            let first = int("First")
                .and_then(|f| usize::try_from(f).ok())
                .ok_or(bad("/First missing or negative"))?;
            let data = decode(&s, &self.budget)?;
            if first > data.len() {
                return Err(bad("/First is past the data"));
            }
            let mut lx = Lexer::new(&data[..first], 0, false);
            let mut index = Vec::with_capacity(n.min(data.len() / 4 + 1));
            for _ in 0..n {
                let obj = lx.unsigned().map_err(|_| bad("malformed offset table"))?;
                let off = lx.unsigned().map_err(|_| bad("malformed offset table"))?;
                let obj = u32::try_from(obj).map_err(|_| bad("object number out of range"))?;
                let off = usize::try_from(off)
                    .ok()
                    .filter(|o| first.saturating_add(*o) <= data.len())
                    .ok_or(bad("offset past the data"))?;
                index.push((obj, off));
            }
            Ok(ObjStm { data, first, index })
        })
        .as_ref()
        .map_err(Clone::clone)
    }
}

/// The document as of one revision.
#[derive(Debug, Clone, Copy)]
pub struct View<'d, 'a> {
    doc: &'d Document<'a>,
    rev: usize,
}

impl<'d, 'a: 'd> View<'d, 'a> {
    /// The revision this view reads.
    pub fn revision(&self) -> &'d Revision<'a> {
        &self.doc.revisions[self.rev]
    }

    /// The document.
    pub fn document(&self) -> &'d Document<'a> {
        self.doc
    }

    /// The cross-reference entry of object `num` as of this revision, and the revision that
    /// wrote it.
    pub fn entry(&self, num: u32) -> Option<(usize, Entry)> {
        self.doc.revisions[..=self.rev]
            .iter()
            .rev()
            .find_map(|r| r.entries.get(&num).map(|e| (r.index, *e)))
    }

    /// The trailer of this revision.
    pub fn trailer(&self) -> &'d Dict<'a> {
        &self.revision().trailer
    }

    /// The document catalog (`/Root`, §7.7.2).
    pub fn catalog(&self) -> Result<Dict<'d>, PdfError> {
        let root = self.trailer().get("Root").ok_or(PdfError::NoCatalog)?;
        match self.resolve(root)? {
            Object::Dict(d) => Ok(d),
            _ => Err(PdfError::NoCatalog),
        }
    }

    /// `obj` itself, or the object it refers to, following at most [`MAX_REF_CHAIN`] references.
    pub fn resolve(&self, obj: &Object<'d>) -> Result<Object<'d>, PdfError> {
        let mut current = obj.clone();
        for _ in 0..MAX_REF_CHAIN {
            match current {
                Object::Ref(r) => current = self.get(r)?,
                other => return Ok(other),
            }
        }
        Err(PdfError::RefChain {
            num: obj.as_ref().map_or(0, |r| r.num),
            limit: MAX_REF_CHAIN,
        })
    }

    /// The indirect object `r` as of this revision: `Null` when it is free or not defined
    /// (§7.3.10). The object may itself be a reference; [`View::resolve`] follows those.
    pub fn get(&self, r: ObjRef) -> Result<Object<'d>, PdfError> {
        self.get_inner(r, false)
    }

    /// [`View::get`]; `nested` is set while an object stream is being decoded, when a stream's
    /// indirect `/Length` may only be an object in the file (so that no object stream is ever
    /// needed to decode itself).
    fn get_inner(&self, r: ObjRef, nested: bool) -> Result<Object<'d>, PdfError> {
        match self.entry(r.num) {
            None | Some((_, Entry::Free { .. })) => Ok(Object::Null),
            Some((_, Entry::InFile { offset, generation })) => {
                if generation != r.generation {
                    return Ok(Object::Null);
                }
                let length = |len: ObjRef| {
                    let value = match self.entry(len.num) {
                        Some((
                            _,
                            Entry::InFile {
                                offset: at,
                                generation,
                            },
                        )) if generation == len.generation => self.in_file(len, at, None)?,
                        Some((_, Entry::InStream { .. })) if !nested => {
                            self.get_inner(len, true)?
                        }
                        _ => Object::Null,
                    };
                    value.as_int().ok_or(PdfError::StreamLength { offset })
                };
                self.in_file(r, offset, Some(&length))
            }
            Some((rev, Entry::InStream { stream, index })) => {
                if r.generation != 0 {
                    return Ok(Object::Null);
                }
                let stm = self.doc.objstm(rev, stream)?;
                let bad = |what| PdfError::BadObjectStream { num: stream, what };
                let &(num, off) = usize::try_from(index)
                    .ok()
                    .and_then(|i| stm.index.get(i))
                    .ok_or(bad("index past /N"))?;
                if num != r.num {
                    return Err(bad("the index names another object"));
                }
                Lexer::new(&stm.data, stm.first + off, false).object()
            }
        }
    }

    /// The object `r` at `offset` of the file: `num gen obj` must be there (after whitespace).
    fn in_file(
        &self,
        r: ObjRef,
        offset: usize,
        length: Option<super::lexer::LengthResolver<'_>>,
    ) -> Result<Object<'a>, PdfError> {
        let mismatch = PdfError::ObjectMismatch {
            num: r.num,
            generation: r.generation,
            offset,
        };
        if offset >= self.doc.buf.len() {
            return Err(mismatch);
        }
        let mut lx = Lexer::new(self.doc.buf, offset, true);
        match lx.obj_header() {
            Ok(h) if h == r => lx.indirect_body(length),
            _ => Err(mismatch),
        }
    }
}
