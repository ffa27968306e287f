//! A small, explicit PDF writer: one page, a text form field, incremental updates with classic
//! cross-reference tables or cross-reference streams, and signature fields whose `/ByteRange` is
//! patched after layout and whose `/Contents` hex string is zero-padded.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::ForgeError;

/// Object numbers of the fixed objects of every document.
const CATALOG: u32 = 1;
const PAGES: u32 = 2;
const PAGE: u32 = 3;
/// The page's first content stream.
pub const CONTENT: u32 = 4;
const ACROFORM: u32 = 5;
const FONT: u32 = 6;
/// Times New Roman, for the information-only signatures of attachments and copies.
const FONT_TNR: u32 = 8;
/// The text field "so_ky_hieu" (document number and symbol), filled after the person signs.
pub const NUMBER_FIELD: u32 = 7;

/// The width reserved for each `/ByteRange` number.
const BR_PLACEHOLDER: &str = "[0 0000000000 0000000000 0000000000]";

/// How a signature's `/ByteRange` is laid out; everything but `Exact` is a manipulation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteRangeMode {
    /// `[0 a b len-b]`, the hole exactly the `/Contents` hex string.
    Exact,
    /// The first range starts at 1 instead of 0.
    NotFromZero,
    /// 16 bytes after `/Contents` are left out too.
    Gap,
    /// The second range starts inside the `/Contents` string (its zero padding).
    OverlapContents,
    /// The second range stops before the revision's cross-reference section.
    ShortOfRevision,
    /// `[0 0 0 0]`.
    Zero,
}

/// The kind of a signature dictionary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubFilter {
    /// `adbe.pkcs7.detached` (PKCS#7, what many Vietnamese tools emit).
    Pkcs7Detached,
    /// `ETSI.CAdES.detached` (PAdES, ETSI EN 319 142-1).
    CadesDetached,
    /// `ETSI.RFC3161`: a document timestamp.
    DocTimestamp,
}

impl SubFilter {
    fn name(self) -> &'static str {
        match self {
            Self::Pkcs7Detached => "adbe.pkcs7.detached",
            Self::CadesDetached => "ETSI.CAdES.detached",
            Self::DocTimestamp => "ETSI.RFC3161",
        }
    }
}

/// A signature to add in a new revision.
pub struct SigField<'a> {
    /// Field name (`/T`).
    pub name: &'a str,
    /// `/SubFilter`.
    pub sub_filter: SubFilter,
    /// Widget rectangle; `None` for an invisible signature (`[0 0 0 0]`).
    pub rect: Option<[i32; 4]>,
    /// A visible appearance.
    pub appearance: Option<Appearance<'a>>,
    /// `/M` (a PDF date string).
    pub m: Option<&'a str>,
    /// A certification signature with DocMDP `/P` (1, 2 or 3).
    pub doc_mdp: Option<u8>,
    /// Bytes reserved for `/Contents` (0 writes `<>`).
    pub reserve: usize,
    /// The byte range layout.
    pub byte_range: ByteRangeMode,
    /// Write this revision's cross-reference as a stream instead of a table.
    pub xref_stream: bool,
    /// A field lock dictionary (ISO 32000-1 §12.7.4.5 Table 233) locking these fields
    /// (`/Action /Include`) once the field is signed.
    pub lock: Option<&'a [&'a str]>,
}

/// How the first revision's cross-reference information is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstRevision {
    /// A classic cross-reference table (ISO 32000-1 §7.5.4).
    Table,
    /// A cross-reference stream (§7.5.8).
    XrefStream,
    /// Every dictionary in an object stream, listed by a cross-reference stream (§7.5.7).
    ObjectStream,
    /// A hybrid-reference file: classic table plus `/XRefStm` (§7.5.8.4).
    Hybrid,
}

/// What a visible signature shows.
#[derive(Clone, Copy)]
pub struct Appearance<'a> {
    /// The text line.
    pub text: &'a str,
    /// Its colour, `r g b`.
    pub rgb: &'a str,
    /// A framed box standing for the signature or seal image (Helvetica 8); without it, the text
    /// alone in Times New Roman 10 (the information-only form of Appendix I item 8).
    pub frame: bool,
}

/// A PDF under construction: its bytes and the current body of each object.
pub struct Pdf {
    /// The file so far.
    pub bytes: Vec<u8>,
    objects: BTreeMap<u32, Vec<u8>>,
    last_xref: usize,
    annots: Vec<u32>,
    fields: Vec<u32>,
    perms: Option<u32>,
    dss: Option<u32>,
    content: u32,
}

/// Makes the `/Contents` bytes (a CMS SignedData) from the signed byte ranges.
pub type MakeContents<'a> = &'a mut dyn FnMut(&[&[u8]]) -> Result<Vec<u8>, ForgeError>;

/// Where the last signature's pieces ended up in the file.
pub struct Placed {
    /// `[start, length]` pairs as written in `/ByteRange`.
    pub ranges: [usize; 4],
    /// Offset of `<` of `/Contents`.
    pub contents_start: usize,
    /// Offset just past `>` of `/Contents`.
    pub contents_end: usize,
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

fn refs(list: &[u32]) -> String {
    list.iter()
        .map(|n| format!("{n} 0 R"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Result<usize, ForgeError> {
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
        .ok_or(ForgeError::Layout("placeholder not found"))
}

/// A page content stream drawing `lines` (x, y, size, text) in Helvetica.
pub fn page_text(lines: &[(i32, i32, i32, &str)]) -> Vec<u8> {
    let mut s = String::from("BT\n");
    for (x, y, size, text) in lines {
        let _ = writeln!(s, "/F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj");
    }
    s.push_str("ET");
    s.into_bytes()
}

impl Pdf {
    /// A one-page document with `content` as its page content, the number field empty.
    pub fn new(content: &[u8], xref_stream: bool) -> Result<Self, ForgeError> {
        let form = if xref_stream {
            FirstRevision::XrefStream
        } else {
            FirstRevision::Table
        };
        Self::with_first_revision(content, form)
    }

    /// A one-page document whose first revision is written as `form`.
    pub fn with_first_revision(content: &[u8], form: FirstRevision) -> Result<Self, ForgeError> {
        let mut pdf = Self {
            bytes: b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(),
            objects: BTreeMap::new(),
            last_xref: 0,
            annots: vec![NUMBER_FIELD],
            fields: vec![NUMBER_FIELD],
            perms: None,
            dss: None,
            content: CONTENT,
        };
        let mut all = vec![
            (CATALOG, pdf.catalog()),
            (PAGES, format!("<< /Type /Pages /Kids [{PAGE} 0 R] /Count 1 >>").into_bytes()),
            (PAGE, pdf.page()),
            (CONTENT, stream("", content)),
            (ACROFORM, pdf.acroform(false)),
            (FONT, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec()),
            (NUMBER_FIELD, pdf.number_field(None)),
            (FONT_TNR, b"<< /Type /Font /Subtype /TrueType /BaseFont /TimesNewRomanPSMT /Encoding /WinAnsiEncoding >>".to_vec()),
        ];
        match form {
            FirstRevision::Table | FirstRevision::XrefStream => {
                pdf.append(all, form == FirstRevision::XrefStream)?;
            }
            FirstRevision::ObjectStream => {
                let compressed: Vec<_> =
                    all.iter().filter(|(n, _)| *n != CONTENT).cloned().collect();
                all.retain(|(n, _)| *n == CONTENT);
                pdf.append_compressed(all, compressed, false)?;
            }
            FirstRevision::Hybrid => {
                let compressed: Vec<_> = all
                    .iter()
                    .filter(|(n, _)| [FONT, NUMBER_FIELD, FONT_TNR].contains(n))
                    .cloned()
                    .collect();
                all.retain(|(n, _)| ![FONT, NUMBER_FIELD, FONT_TNR].contains(n));
                pdf.append_compressed(all, compressed, true)?;
            }
        }
        Ok(pdf)
    }

    /// The first revision with `compressed` in one (unfiltered) object stream (ISO 32000-1
    /// §7.5.7). Without `hybrid`, a cross-reference stream lists every object; with it, a classic
    /// table lists the plain objects (the compressed ones are absent from it) and
    /// the trailer's `/XRefStm` points at a cross-reference stream for the rest (§7.5.8.4).
    fn append_compressed(
        &mut self,
        plain: Vec<(u32, Vec<u8>)>,
        compressed: Vec<(u32, Vec<u8>)>,
        hybrid: bool,
    ) -> Result<(), ForgeError> {
        let objstm = FONT_TNR + 1;
        let xref = objstm + 1;
        let mut header = String::new();
        let mut data = Vec::new();
        for (n, body) in &compressed {
            let _ = write!(header, "{n} {} ", data.len());
            data.extend_from_slice(body);
            data.push(b'\n');
            self.objects.insert(*n, body.clone());
        }
        let first = header.len();
        let mut stm = header.into_bytes();
        stm.extend_from_slice(&data);
        let stm = stream(
            &format!("/Type /ObjStm /N {} /First {first}", compressed.len()),
            &stm,
        );
        let mut offsets: BTreeMap<u32, usize> = BTreeMap::new();
        for (n, body) in plain.into_iter().chain(std::iter::once((objstm, stm))) {
            offsets.insert(n, self.bytes.len());
            self.write_object(n, body);
        }
        let xref_at = self.bytes.len();
        offsets.insert(xref, xref_at);
        let mut entries = vec![0u8, 0, 0, 0, 0, 0xff, 0xff];
        for n in 1..=xref {
            let entry = match (
                offsets.get(&n),
                compressed.iter().position(|(c, _)| *c == n),
            ) {
                (Some(off), _) => [
                    vec![1],
                    u32::try_from(*off)
                        .map_err(|_| ForgeError::Layout("offset"))?
                        .to_be_bytes()
                        .to_vec(),
                    vec![0, 0],
                ]
                .concat(),
                (None, Some(i)) => [
                    vec![2],
                    objstm.to_be_bytes().to_vec(),
                    u16::try_from(i)
                        .map_err(|_| ForgeError::Layout("index"))?
                        .to_be_bytes()
                        .to_vec(),
                ]
                .concat(),
                (None, None) => vec![0; 7],
            };
            entries.extend(entry);
        }
        let size = xref + 1;
        let body = stream(
            &format!("/Type /XRef /Size {size} /Root {CATALOG} 0 R /W [1 4 2] /Index [0 {size}]"),
            &entries,
        );
        self.write_object(xref, body);
        let startxref = if hybrid {
            let table_at = self.bytes.len();
            let mut t = String::from("xref\n0 1\n0000000000 65535 f \n");
            // The compressed objects and the stream itself are left out: a reader that knows
            // /XRefStm finds them there (poppler does not let a free entry be overridden).
            for (n, off) in offsets.iter().filter(|(n, _)| **n != xref) {
                let _ = write!(t, "{n} 1\n{off:010} 00000 n \n");
            }
            let _ = write!(
                t,
                "trailer\n<< /Size {size} /Root {CATALOG} 0 R /XRefStm {xref_at} >>\n"
            );
            self.bytes.extend_from_slice(t.as_bytes());
            table_at
        } else {
            xref_at
        };
        self.bytes
            .extend_from_slice(format!("startxref\n{startxref}\n%%EOF\n").as_bytes());
        self.last_xref = startxref;
        Ok(())
    }

    fn write_object(&mut self, n: u32, body: Vec<u8>) {
        self.bytes
            .extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        self.bytes.extend_from_slice(&body);
        self.bytes.extend_from_slice(b"\nendobj\n");
        self.objects.insert(n, body);
    }

    fn catalog(&self) -> Vec<u8> {
        let perms = self
            .perms
            .map(|p| format!(" /Perms << /DocMDP {p} 0 R >>"))
            .unwrap_or_default();
        let dss = self
            .dss
            .map(|d| format!(" /DSS {d} 0 R"))
            .unwrap_or_default();
        format!("<< /Type /Catalog /Pages {PAGES} 0 R /AcroForm {ACROFORM} 0 R{perms}{dss} >>")
            .into_bytes()
    }

    fn page(&self) -> Vec<u8> {
        format!(
            "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {FONT} 0 R >> >> /Contents {} 0 R /Annots [{}] >>",
            self.content,
            refs(&self.annots)
        )
        .into_bytes()
    }

    fn acroform(&self, signed: bool) -> Vec<u8> {
        let flags = if signed { " /SigFlags 3" } else { "" };
        format!(
            "<< /Fields [{}] /DA (/F1 0 Tf 0 g) /DR << /Font << /F1 {FONT} 0 R >> >>{flags} >>",
            refs(&self.fields)
        )
        .into_bytes()
    }

    fn number_field(&self, value: Option<(&str, u32)>) -> Vec<u8> {
        let v = value
            .map(|(v, ap)| format!(" /V ({v}) /AP << /N {ap} 0 R >>"))
            .unwrap_or_default();
        format!("<< /Type /Annot /Subtype /Widget /FT /Tx /T (so_ky_hieu) /Rect [60 740 260 760] /P {PAGE} 0 R /F 4 /DA (/F1 10 Tf 0 g){v} >>").into_bytes()
    }

    /// A fresh object number.
    pub fn alloc(&self) -> u32 {
        self.objects.keys().next_back().map_or(1, |n| n + 1)
    }

    /// The current body of object `n`.
    pub fn object(&self, n: u32) -> &[u8] {
        self.objects.get(&n).map_or(&[], Vec::as_slice)
    }

    /// Appends one revision holding `objects`, with its cross-reference section and trailer.
    /// Returns the offset the revision starts at.
    pub fn append(
        &mut self,
        objects: Vec<(u32, Vec<u8>)>,
        xref_stream: bool,
    ) -> Result<usize, ForgeError> {
        let start = self.bytes.len();
        let mut offsets = Vec::new();
        for (n, body) in objects {
            offsets.push((n, self.bytes.len()));
            self.write_object(n, body);
        }
        let first = self.last_xref == 0;
        let prev = if first {
            String::new()
        } else {
            format!(" /Prev {}", self.last_xref)
        };
        let xref_at = self.bytes.len();
        if xref_stream {
            let n = self.alloc();
            offsets.push((n, xref_at));
            let size = n + 1;
            let mut data = Vec::new();
            let mut index = String::new();
            if first {
                data.extend_from_slice(&[0, 0, 0, 0, 0, 0xff, 0xff]);
                index.push_str("0 1 ");
            }
            offsets.sort_by_key(|(n, _)| *n);
            for (n, off) in &offsets {
                data.push(1);
                data.extend_from_slice(
                    &u32::try_from(*off)
                        .map_err(|_| ForgeError::Layout("offset"))?
                        .to_be_bytes(),
                );
                data.extend_from_slice(&[0, 0]);
                let _ = write!(index, "{n} 1 ");
            }
            let dict = format!(
                "/Type /XRef /Size {size} /Root {CATALOG} 0 R{prev} /W [1 4 2] /Index [{}]",
                index.trim_end()
            );
            let body = stream(&dict, &data);
            self.write_object(n, body);
        } else {
            let mut s = String::from("xref\n");
            if first {
                s.push_str("0 1\n0000000000 65535 f \n");
            }
            offsets.sort_by_key(|(n, _)| *n);
            for (n, off) in &offsets {
                let _ = write!(s, "{n} 1\n{off:010} 00000 n \n");
            }
            let _ = write!(
                s,
                "trailer\n<< /Size {} /Root {CATALOG} 0 R{prev} >>\n",
                self.alloc()
            );
            self.bytes.extend_from_slice(s.as_bytes());
        }
        self.bytes
            .extend_from_slice(format!("startxref\n{xref_at}\n%%EOF\n").as_bytes());
        self.last_xref = xref_at;
        Ok(start)
    }

    /// A new revision holding `data` in one stream object that nothing refers to (ISO 32000-1
    /// §7.3.10 lets an object go unused), the bulk of a large file such as a scanned attachment.
    pub fn add_filler(&mut self, data: &[u8]) -> Result<(), ForgeError> {
        let n = self.alloc();
        self.append(vec![(n, stream("", data))], false)?;
        Ok(())
    }

    /// A new revision filling the number field with `value` (an allowed change under DocMDP 2 and 3).
    pub fn fill_number(&mut self, value: &str, xref_stream: bool) -> Result<(), ForgeError> {
        let ap = self.alloc();
        let appearance = stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /F1 {FONT} 0 R >> >>"),
            format!("/Tx BMC BT /F1 10 Tf 0 g 2 6 Td ({value}) Tj ET EMC").as_bytes(),
        );
        let field = self.number_field(Some((value, ap)));
        self.append(vec![(NUMBER_FIELD, field), (ap, appearance)], xref_stream)?;
        Ok(())
    }

    /// A new revision adding a sticky-note annotation to the page (allowed only under DocMDP 3).
    pub fn add_annotation(&mut self, text: &str) -> Result<(), ForgeError> {
        let n = self.alloc();
        self.annots.push(n);
        let annot = format!("<< /Type /Annot /Subtype /Text /Rect [500 780 520 800] /P {PAGE} 0 R /Contents ({text}) /F 4 >>").into_bytes();
        let page = self.page();
        self.append(vec![(PAGE, page), (n, annot)], false)?;
        Ok(())
    }

    /// A new revision adding an opaque white box annotation over `rect` (shadow attack, hide via
    /// overlay: the annotation covers signed text).
    pub fn add_overlay(&mut self, rect: [i32; 4]) -> Result<(), ForgeError> {
        let n = self.alloc();
        let ap = n + 1;
        self.annots.push(n);
        let (w, h) = (rect[2] - rect[0], rect[3] - rect[1]);
        let annot = format!("<< /Type /Annot /Subtype /Square /Rect [{} {} {} {}] /P {PAGE} 0 R /IC [1 1 1] /C [1 1 1] /F 4 /AP << /N {ap} 0 R >> >>", rect[0], rect[1], rect[2], rect[3]).into_bytes();
        let appearance = stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 {w} {h}]"),
            format!("1 1 1 rg 0 0 {w} {h} re f").as_bytes(),
        );
        let page = self.page();
        self.append(vec![(PAGE, page), (n, annot), (ap, appearance)], false)?;
        Ok(())
    }

    /// A new revision rewriting the page's font object (shadow attack, replace via overwrite:
    /// the same object number, another font).
    pub fn overwrite_font(&mut self) -> Result<(), ForgeError> {
        let font =
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
                .to_vec();
        self.append(vec![(FONT, font)], false)?;
        Ok(())
    }

    /// A new revision giving the number field another appearance showing `shown` while its
    /// value stays `value` (shadow attack, replace via form field appearance).
    pub fn replace_number_appearance(
        &mut self,
        value: &str,
        shown: &str,
    ) -> Result<(), ForgeError> {
        let ap = self.alloc();
        let appearance = stream(
            &format!("/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /F1 {FONT} 0 R >> >>"),
            format!("/Tx BMC BT /F1 10 Tf 0 g 2 6 Td ({shown}) Tj ET EMC").as_bytes(),
        );
        let field = self.number_field(Some((value, ap)));
        self.append(vec![(NUMBER_FIELD, field), (ap, appearance)], false)?;
        Ok(())
    }

    /// A new revision adding a document security store (ISO 32000-2 §12.8.4.3, PAdES B-LT):
    /// `/Certs`, `/CRLs` and `/OCSPs`, each DER in its own stream (an allowed change).
    pub fn add_dss(
        &mut self,
        certs: &[&[u8]],
        crls: &[&[u8]],
        ocsps: &[&[u8]],
    ) -> Result<(), ForgeError> {
        let mut next = self.alloc();
        let mut objects = Vec::new();
        let mut arrays = Vec::new();
        for (key, items) in [("Certs", certs), ("CRLs", crls), ("OCSPs", ocsps)] {
            let mut list = Vec::new();
            for der in items {
                objects.push((next, stream("", der)));
                list.push(next);
                next += 1;
            }
            arrays.push(format!("/{key} [{}]", refs(&list)));
        }
        self.dss = Some(next);
        objects.push((next, format!("<< {} >>", arrays.join(" ")).into_bytes()));
        objects.push((CATALOG, self.catalog()));
        objects.sort_by_key(|(n, _)| *n);
        self.append(objects, false)?;
        Ok(())
    }

    /// A new revision appending a second page showing `content`.
    pub fn add_page(&mut self, content: &[u8]) -> Result<(), ForgeError> {
        let page = self.alloc();
        let body = page + 1;
        let dict = format!("<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {FONT} 0 R >> >> /Contents {body} 0 R >>").into_bytes();
        let pages =
            format!("<< /Type /Pages /Kids [{PAGE} 0 R {page} 0 R] /Count 2 >>").into_bytes();
        self.append(
            vec![(PAGES, pages), (page, dict), (body, stream("", content))],
            false,
        )?;
        Ok(())
    }

    /// A new revision replacing the page's content stream body (never allowed after signing).
    pub fn replace_content(&mut self, content: &[u8]) -> Result<(), ForgeError> {
        self.append(vec![(self.content, stream("", content))], false)?;
        Ok(())
    }

    /// Adds an object nobody references (the hidden content of a shadow attack) in the next
    /// revision's objects; returns its number.
    pub fn hidden_content(&mut self, content: &[u8]) -> Result<u32, ForgeError> {
        let n = self.alloc();
        self.append(vec![(n, stream("", content))], false)?;
        Ok(n)
    }

    /// A new revision pointing the page at content stream `n` instead (the shadow attack's reveal).
    pub fn point_page_at(&mut self, n: u32) -> Result<(), ForgeError> {
        self.content = n;
        let page = self.page();
        self.append(vec![(PAGE, page)], false)?;
        Ok(())
    }

    /// Adds a signature in a new revision. `contents` makes the `/Contents` bytes from the signed
    /// ranges (`None` leaves it zeroed).
    pub fn sign(
        &mut self,
        f: &SigField<'_>,
        contents: Option<MakeContents<'_>>,
    ) -> Result<Placed, ForgeError> {
        let v = self.alloc();
        let field = v + 1;
        let ap = v + 2;
        let mut objects = Vec::new();
        let kind = if f.sub_filter == SubFilter::DocTimestamp {
            "/DocTimeStamp"
        } else {
            "/Sig"
        };
        let m = f.m.map(|m| format!(" /M ({m})")).unwrap_or_default();
        let reference = f
            .doc_mdp
            .map(|p| format!(" /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P {p} /V /1.2 >> >>]"))
            .unwrap_or_default();
        let zeros = "0".repeat(f.reserve * 2);
        objects.push((
            v,
            format!("<< /Type {kind} /Filter /Adobe.PPKLite /SubFilter /{} /ByteRange {BR_PLACEHOLDER} /Contents <{zeros}>{m}{reference} >>", f.sub_filter.name()).into_bytes(),
        ));
        let rect = f.rect.unwrap_or([0, 0, 0, 0]);
        let lock = f
            .lock
            .map(|names| {
                let list: Vec<String> = names.iter().map(|n| format!("({n})")).collect();
                format!(
                    " /Lock << /Type /SigFieldLock /Action /Include /Fields [{}] >>",
                    list.join(" ")
                )
            })
            .unwrap_or_default();
        let (ap_entry, ap_object) = match f.appearance {
            Some(a) => {
                let (w, h) = (rect[2] - rect[0], rect[3] - rect[1]);
                let rgb = a.rgb;
                let body = if a.frame {
                    format!(
                        "{rgb} RG 2 w 1 1 {} {} re S BT {rgb} rg /F1 8 Tf 4 {} Td ({}) Tj ET",
                        w - 2,
                        h - 2,
                        h / 2,
                        a.text
                    )
                } else {
                    format!(
                        "BT {rgb} rg /F2 10 Tf 2 {} Td ({}) Tj ET",
                        h / 2 - 3,
                        a.text
                    )
                };
                let dict = format!("/Type /XObject /Subtype /Form /BBox [0 0 {w} {h}] /Resources << /Font << /F1 {FONT} 0 R /F2 {FONT_TNR} 0 R >> >>");
                (
                    format!(" /AP << /N {ap} 0 R >>"),
                    Some((ap, stream(&dict, body.as_bytes()))),
                )
            }
            None => (String::new(), None),
        };
        objects.push((
            field,
            format!(
                "<< /Type /Annot /Subtype /Widget /FT /Sig /T ({}) /V {v} 0 R /Rect [{} {} {} {}] /P {PAGE} 0 R /F 132{ap_entry}{lock} >>",
                f.name, rect[0], rect[1], rect[2], rect[3]
            )
            .into_bytes(),
        ));
        objects.extend(ap_object);
        self.annots.push(field);
        self.fields.push(field);
        objects.push((PAGE, self.page()));
        objects.push((ACROFORM, self.acroform(true)));
        if f.doc_mdp.is_some() {
            self.perms = Some(v);
            objects.push((CATALOG, self.catalog()));
        }
        objects.sort_by_key(|(n, _)| *n);
        let start = self.append(objects, f.xref_stream)?;
        let xref_at = self.last_xref;

        let br_at = find(&self.bytes, BR_PLACEHOLDER.as_bytes(), start)?;
        let contents_start = find(&self.bytes, b"/Contents <", br_at)? + b"/Contents ".len();
        let contents_end = contents_start + zeros.len() + 2;
        let len = self.bytes.len();
        let ranges = match f.byte_range {
            ByteRangeMode::Exact => [0, contents_start, contents_end, len - contents_end],
            ByteRangeMode::NotFromZero => [1, contents_start - 1, contents_end, len - contents_end],
            ByteRangeMode::Gap => [
                0,
                contents_start,
                contents_end + 16,
                len - contents_end - 16,
            ],
            ByteRangeMode::OverlapContents => [
                0,
                contents_start,
                contents_end - 21,
                len - contents_end + 21,
            ],
            ByteRangeMode::ShortOfRevision => {
                [0, contents_start, contents_end, xref_at - contents_end]
            }
            ByteRangeMode::Zero => [0, 0, 0, 0],
        };
        let mut br = format!("[{} {} {} {}]", ranges[0], ranges[1], ranges[2], ranges[3]);
        if br.len() > BR_PLACEHOLDER.len() {
            return Err(ForgeError::Layout("byte range too wide"));
        }
        while br.len() < BR_PLACEHOLDER.len() {
            br.push(' ');
        }
        self.bytes[br_at..br_at + br.len()].copy_from_slice(br.as_bytes());
        if let Some(make) = contents {
            let parts = [
                &self.bytes[ranges[0]..ranges[0] + ranges[1]],
                &self.bytes[ranges[2]..ranges[2] + ranges[3]],
            ];
            let cms = make(&parts)?;
            let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
            if hex.len() > zeros.len() {
                return Err(ForgeError::Layout("/Contents reserve too small"));
            }
            self.bytes[contents_start + 1..contents_start + 1 + hex.len()]
                .copy_from_slice(hex.as_bytes());
        }
        Ok(Placed {
            ranges,
            contents_start,
            contents_end,
        })
    }
}
