//! Cross-reference sections (ISO 32000-1 §7.5.4 tables, §7.5.5 trailer, §7.5.8 streams and
//! hybrid files) and the incremental revisions they form (§7.5.6), following `/Prev` from the
//! last `startxref`. Offsets are taken as written: the reader never searches the file for an
//! object or a section that is not where the file says (see spec/signature/pdf.md).

use std::collections::{BTreeMap, BTreeSet};

use super::filter::{decode, Budget};
use super::lexer::{is_white, Lexer};
use super::object::{Dict, Object};
use super::{PdfError, MAX_OBJECTS, MAX_REVISIONS, MAX_XREF_ENTRIES};

/// Where a cross-reference entry puts an object (§7.5.4, §7.5.8.3 Table 18).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The object number is free (deleted) with the generation to use next.
    Free {
        /// Generation number.
        generation: u16,
    },
    /// The object is in the file at `offset`.
    InFile {
        /// Byte offset of its `num gen obj`.
        offset: usize,
        /// Generation number.
        generation: u16,
    },
    /// The object is the `index`-th object of object stream `stream` (generation 0).
    InStream {
        /// Object number of the object stream.
        stream: u32,
        /// Index within it.
        index: u32,
    },
}

/// How a revision's cross-reference section is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XrefKind {
    /// A classic `xref` table and `trailer` (§7.5.4).
    Table,
    /// A cross-reference stream (§7.5.8).
    Stream,
    /// A table whose trailer also names a cross-reference stream with `/XRefStm` (§7.5.8.4).
    Hybrid,
}

/// One cross-reference section as read.
#[derive(Debug)]
pub(crate) struct Section<'a> {
    pub(crate) offset: usize,
    pub(crate) kind: XrefKind,
    pub(crate) entries: BTreeMap<u32, Entry>,
    pub(crate) trailer: Dict<'a>,
    /// The end of the section (after the trailer dictionary or the stream object).
    pub(crate) end: usize,
}

impl Section<'_> {
    fn int(&self, key: &str) -> Option<i64> {
        self.trailer.get(key).and_then(Object::as_int)
    }
}

fn offset_of(v: i64, at: usize) -> Result<usize, PdfError> {
    usize::try_from(v).map_err(|_| PdfError::NumberRange { offset: at })
}

/// Counts entries against [`MAX_XREF_ENTRIES`] over the whole file.
pub(crate) struct EntryCount(usize);

impl EntryCount {
    pub(crate) fn new() -> Self {
        Self(0)
    }

    fn add(&mut self, n: usize) -> Result<(), PdfError> {
        self.0 = self.0.saturating_add(n);
        if self.0 > MAX_XREF_ENTRIES {
            return Err(PdfError::TooManyXrefEntries {
                limit: MAX_XREF_ENTRIES,
            });
        }
        Ok(())
    }
}

fn check_range(start: u64, count: u64) -> Result<(), PdfError> {
    if start.saturating_add(count) > MAX_OBJECTS as u64 {
        return Err(PdfError::TooManyObjects { limit: MAX_OBJECTS });
    }
    Ok(())
}

/// Reads the section at `offset`: a table (`xref`) or a stream (`num gen obj <</Type/XRef …>>`).
/// Leading whitespace is skipped; anything else at the offset is [`PdfError::BadXrefOffset`].
pub(crate) fn read_section<'a>(
    buf: &'a [u8],
    offset: usize,
    budget: &Budget,
    count: &mut EntryCount,
) -> Result<Section<'a>, PdfError> {
    if offset >= buf.len() {
        return Err(PdfError::BadXrefOffset { offset });
    }
    let mut lx = Lexer::new(buf, offset, true);
    if lx.eat_keyword(b"xref") {
        return read_table(lx, offset, budget, count);
    }
    let mut lx = Lexer::new(buf, offset, true);
    if lx.obj_header().is_err() {
        return Err(PdfError::BadXrefOffset { offset });
    }
    let Object::Stream(stream) = lx.indirect_body(None)? else {
        return Err(PdfError::BadXrefOffset { offset });
    };
    if !stream.dict.has_name("Type", "XRef") {
        return Err(PdfError::BadXrefOffset { offset });
    }
    let entries = read_stream_entries(&stream.dict, &decode(&stream, budget)?, offset, count)?;
    Ok(Section {
        offset,
        kind: XrefKind::Stream,
        entries,
        trailer: stream.dict,
        end: lx.pos,
    })
}

fn read_table<'a>(
    mut lx: Lexer<'a>,
    offset: usize,
    budget: &Budget,
    count: &mut EntryCount,
) -> Result<Section<'a>, PdfError> {
    let bad = |what| PdfError::BadXref { offset, what };
    let mut entries = BTreeMap::new();
    loop {
        if lx.eat_keyword(b"trailer") {
            break;
        }
        let start = lx
            .unsigned()
            .map_err(|_| bad("expected a subsection or `trailer`"))?;
        let n = lx
            .unsigned()
            .map_err(|_| bad("expected a subsection count"))?;
        check_range(start, n)?;
        count.add(n as usize)?;
        for num in start..start + n {
            let at = lx.pos;
            let field1 = lx.unsigned().map_err(|_| bad("malformed entry"))?;
            let generation = lx.unsigned().map_err(|_| bad("malformed entry"))?;
            let generation =
                u16::try_from(generation).map_err(|_| PdfError::NumberRange { offset: at })?;
            let entry = if lx.eat_keyword(b"n") {
                Entry::InFile {
                    offset: usize::try_from(field1)
                        .map_err(|_| PdfError::NumberRange { offset: at })?,
                    generation,
                }
            } else if lx.eat_keyword(b"f") {
                Entry::Free { generation }
            } else {
                return Err(bad("entry is neither `n` nor `f`"));
            };
            // check_range bounded `num` by MAX_OBJECTS, which fits u32.
            entries.insert(num as u32, entry);
        }
    }
    lx.skip_ws();
    let trailer = match lx.object()? {
        Object::Dict(d) => d,
        _ => return Err(bad("the trailer is not a dictionary")),
    };
    let mut section = Section {
        offset,
        kind: XrefKind::Table,
        entries,
        trailer,
        end: lx.pos,
    };
    if let Some(stm) = section.int("XRefStm") {
        let stm = offset_of(stm, offset)?;
        let hidden = read_section(lx.buf(), stm, budget, count)?;
        if hidden.kind != XrefKind::Stream {
            return Err(bad("/XRefStm does not point to a cross-reference stream"));
        }
        // §7.5.8.4: an object not found in the table (or free there) is looked up in the stream.
        for (num, e) in hidden.entries {
            match section.entries.get(&num) {
                None | Some(Entry::Free { .. }) => {
                    section.entries.insert(num, e);
                }
                Some(_) => {}
            }
        }
        section.kind = XrefKind::Hybrid;
    }
    Ok(section)
}

/// The entries of a cross-reference stream (§7.5.8.2–3): `/W`, `/Index` (default `[0 Size]`).
fn read_stream_entries(
    dict: &Dict<'_>,
    data: &[u8],
    offset: usize,
    count: &mut EntryCount,
) -> Result<BTreeMap<u32, Entry>, PdfError> {
    let bad = |what| PdfError::BadXref { offset, what };
    let widths: Vec<usize> = dict
        .get("W")
        .and_then(Object::as_array)
        .ok_or(bad("no /W"))?
        .iter()
        .map(|w| {
            w.as_int()
                .and_then(|w| usize::try_from(w).ok())
                .filter(|&w| w <= 8)
        })
        .collect::<Option<_>>()
        .ok_or(bad("/W widths must be integers 0..=8"))?;
    let [w0, w1, w2] = widths[..] else {
        return Err(bad("/W must have three widths"));
    };
    let row = w0 + w1 + w2;
    if row == 0 {
        return Err(bad("/W widths are all zero"));
    }
    let size = dict
        .get("Size")
        .and_then(Object::as_int)
        .ok_or(bad("no /Size"))?;
    let index: Vec<i64> = match dict.get("Index") {
        None => vec![0, size],
        Some(Object::Array(a)) => a
            .iter()
            .map(Object::as_int)
            .collect::<Option<_>>()
            .ok_or(bad("/Index must hold integers"))?,
        Some(_) => return Err(bad("/Index is not an array")),
    };
    if index.len() % 2 != 0 {
        return Err(bad("/Index must hold pairs"));
    }
    let mut entries = BTreeMap::new();
    let mut rows = data.chunks_exact(row);
    for pair in index.chunks_exact(2) {
        let start = u64::try_from(pair[0]).map_err(|_| bad("negative /Index"))?;
        let n = u64::try_from(pair[1]).map_err(|_| bad("negative /Index"))?;
        check_range(start, n)?;
        count.add(n as usize)?;
        for num in start..start + n {
            let r = rows
                .next()
                .ok_or(bad("the stream holds fewer entries than /Index"))?;
            let field = |from: usize, width: usize| {
                r[from..from + width]
                    .iter()
                    .fold(0u64, |acc, &b| acc << 8 | u64::from(b))
            };
            let kind = if w0 == 0 { 1 } else { field(0, w0) };
            let (f2, f3) = (field(w0, w1), field(w0 + w1, w2));
            let entry = match kind {
                0 => Entry::Free {
                    generation: u16::try_from(f3).unwrap_or(u16::MAX),
                },
                1 => Entry::InFile {
                    offset: usize::try_from(f2).map_err(|_| PdfError::NumberRange { offset })?,
                    generation: u16::try_from(f3).map_err(|_| PdfError::NumberRange { offset })?,
                },
                2 => Entry::InStream {
                    stream: u32::try_from(f2).map_err(|_| PdfError::NumberRange { offset })?,
                    index: u32::try_from(f3).map_err(|_| PdfError::NumberRange { offset })?,
                },
                // Other types are reserved and read as the null object (§7.5.8.3).
                _ => continue,
            };
            entries.insert(num as u32, entry);
        }
    }
    Ok(entries)
}

/// The offset given by the last `startxref` keyword of the file that is followed by an offset
/// and a `%%EOF` marker (§7.5.5). Bytes after that marker's line belong to no revision: they are
/// never read as one (an appended update without a proper end is how an incremental saving
/// attack hides), and [`super::Document::tail`] reports them.
pub(crate) fn last_startxref(buf: &[u8]) -> Result<usize, PdfError> {
    let mut end = buf.len();
    while let Some(at) = rfind(&buf[..end], b"startxref") {
        let mut lx = Lexer::new(buf, at + b"startxref".len(), true);
        if let Ok(offset) = lx.unsigned() {
            if eof_line_end(buf, lx.pos).is_some() {
                return usize::try_from(offset).map_err(|_| PdfError::NoStartxref);
            }
        }
        end = at;
    }
    Err(PdfError::NoStartxref)
}

/// After whitespace from `pos`, a `%%EOF` marker: the offset just past it and its end of line
/// (CRLF, LF or CR, if any).
fn eof_line_end(buf: &[u8], mut pos: usize) -> Option<usize> {
    while buf.get(pos).is_some_and(|&b| is_white(b)) {
        pos += 1;
    }
    let rest = buf.get(pos..)?;
    if !rest.starts_with(b"%%EOF") {
        return None;
    }
    pos += 5;
    match (buf.get(pos), buf.get(pos + 1)) {
        (Some(b'\r'), Some(b'\n')) => Some(pos + 2),
        (Some(b'\r' | b'\n'), _) => Some(pos + 1),
        _ => Some(pos),
    }
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// One incremental revision: the file from `start` to `end` (§7.5.6).
#[derive(Debug)]
pub struct Revision<'a> {
    /// Position of this revision, 0 the original document.
    pub index: usize,
    /// First byte of the revision (0, or the previous revision's end).
    pub start: usize,
    /// One past its last byte: the end of its `%%EOF` line, end-of-line included. A signature
    /// covering this revision has a byte range ending here.
    pub end: usize,
    /// Offset of its cross-reference section(s), newest first (two for a linearized original).
    pub xref_offsets: Vec<usize>,
    /// The offset its own `startxref` gives, when the revision has one before its `%%EOF`.
    pub startxref: Option<usize>,
    /// How its (newest) section is written.
    pub kind: XrefKind,
    /// Its trailer (for a stream section, the stream's dictionary).
    pub trailer: Dict<'a>,
    /// The objects this revision defines (or frees), by number.
    pub entries: BTreeMap<u32, Entry>,
}

/// The revisions of `buf`, oldest first, from the last `startxref` back along `/Prev`.
///
/// Sections are grouped into revisions by file order: a section listed after (older than) a
/// section that sits earlier in the file belongs to the same revision, which is how a linearized
/// file's first-page section and main section read (Annex F.3). A revision's end is the first
/// `%%EOF` line after its last section; ends must increase from one revision to the next.
pub(crate) fn revisions<'a>(buf: &'a [u8], budget: &Budget) -> Result<Vec<Revision<'a>>, PdfError> {
    let mut count = EntryCount::new();
    let mut seen = BTreeSet::new();
    let mut chain: Vec<Section<'a>> = Vec::new();
    let mut next = Some(last_startxref(buf)?);
    while let Some(offset) = next {
        if !seen.insert(offset) {
            return Err(PdfError::PrevLoop { offset });
        }
        if chain.len() >= MAX_REVISIONS * 2 {
            return Err(PdfError::TooManyRevisions {
                limit: MAX_REVISIONS,
            });
        }
        let section = read_section(buf, offset, budget, &mut count)?;
        next = section
            .int("Prev")
            .map(|p| offset_of(p, offset))
            .transpose()?;
        chain.push(section);
    }
    // Group newest first: a section older in the chain but later in the file joins the newer one.
    let mut groups: Vec<Vec<Section<'a>>> = Vec::new();
    for section in chain {
        match groups.last_mut() {
            Some(g) if g.last().is_some_and(|newer| newer.offset < section.offset) => {
                g.push(section);
            }
            _ => groups.push(vec![section]),
        }
    }
    if groups.len() > MAX_REVISIONS {
        return Err(PdfError::TooManyRevisions {
            limit: MAX_REVISIONS,
        });
    }
    groups.reverse();
    let mut out: Vec<Revision<'a>> = Vec::with_capacity(groups.len());
    for (index, group) in groups.into_iter().enumerate() {
        let last_end = group.iter().map(|s| s.end).max().unwrap_or(0);
        let marker =
            find(buf, b"%%EOF", last_end).ok_or(PdfError::BadRevisionEnd { offset: last_end })?;
        let end = eof_line_end(buf, marker).ok_or(PdfError::BadRevisionEnd { offset: marker })?;
        let start = out.last().map_or(0, |r| r.end);
        if end <= start || group.iter().any(|s| s.offset < start) {
            return Err(PdfError::BadRevisionEnd { offset: end });
        }
        let startxref = rfind(&buf[last_end..marker], b"startxref").and_then(|p| {
            let mut lx = Lexer::new(buf, last_end + p + b"startxref".len(), true);
            lx.unsigned().ok().and_then(|v| usize::try_from(v).ok())
        });
        let xref_offsets = group.iter().map(|s| s.offset).collect();
        let mut sections = group.into_iter();
        let Some(newest) = sections.next() else {
            continue;
        };
        let mut entries = newest.entries;
        for older in sections {
            for (num, e) in older.entries {
                entries.entry(num).or_insert(e);
            }
        }
        out.push(Revision {
            index,
            start,
            end,
            xref_offsets,
            startxref,
            kind: newest.kind,
            trailer: newest.trailer,
            entries,
        });
    }
    Ok(out)
}
