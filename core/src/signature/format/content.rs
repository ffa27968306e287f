//! What a signature widget's appearance shows (ISO 32000-1 §12.5.5 appearance streams, §8.10
//! form XObjects, §8.9 images, §9.4 text objects), read from its content without rendering:
//! raster images and whether they carry transparency (`/SMask`, `/Mask` or a stencil
//! `/ImageMask`), the text strings shown with their font, size and fill colour.
//!
//! Bounded: streams are decoded with the document's budget ([`Document::decode_stream`]), at most
//! [`MAX_OPERATIONS`] operators over all nested forms, [`MAX_FORM_DEPTH`] levels of nested form
//! XObjects, and [`MAX_TEXT_CHARS`] characters of text are read; past a limit the facts say they
//! are incomplete, and the rules that need them ask a person instead of passing.
//!
//! [`Document::decode_stream`]: crate::signature::pdf::Document::decode_stream

use std::collections::BTreeMap;
use std::rc::Rc;

use super::cmap::ToUnicode;
use crate::signature::pdf::lexer::{is_white, Lexer};
use crate::signature::pdf::{decode_text, Dict, ObjRef, Object, PdfError, View};

/// Most content-stream operators read for one appearance, nested forms included.
pub const MAX_OPERATIONS: usize = 20_000;
/// Deepest nesting of form XObjects followed from an appearance (the appearance itself is 1).
pub const MAX_FORM_DEPTH: usize = 4;
/// Most characters of text kept from one appearance.
pub const MAX_TEXT_CHARS: usize = 4_096;
/// Deepest `q` nesting tracked (ISO 32000-1 Annex C suggests 28).
const MAX_SAVE_DEPTH: usize = 64;

/// A raster image drawn by the appearance.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageFact {
    /// `/Width` in samples.
    pub width: Option<i64>,
    /// `/Height` in samples.
    pub height: Option<i64>,
    /// Whether it has a transparency: a soft mask (`/SMask`, what a PNG with an alpha channel
    /// becomes), a `/Mask`, or it is itself a stencil mask (`/ImageMask true`).
    pub transparent: bool,
    /// Whether it is an inline image (`BI … ID … EI`), which cannot carry a soft mask.
    pub inline: bool,
}

/// A run of text shown (`Tj`, `TJ`, `'`, `"`), with the state it was shown in.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// The text: through the font's `/ToUnicode` CMap when it has one (ISO 32000-1 §9.10.2),
    /// else a simple font's bytes read as PDFDocEncoding; empty for a composite font without one.
    pub text: String,
    /// The font's `/BaseFont`.
    pub base_font: Option<String>,
    /// Whether the font is composite (`/Subtype /Type0`): its codes are read only through a
    /// `/ToUnicode` CMap.
    pub composite: bool,
    /// The size in points: the `Tf` size scaled by the text matrix and the transformations.
    pub size: f64,
    /// The fill colour as RGB components 0–1, when set by a device colour operator (`g`, `rg`,
    /// `k`, or `sc`/`scn` with 1, 3 or 4 operands); black is the initial fill (§8.6.8).
    pub fill: Option<[f64; 3]>,
}

/// What one appearance stream (`/AP /N`) shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppearanceFacts {
    /// Raster images drawn, nested forms included.
    pub images: Vec<ImageFact>,
    /// Text runs shown.
    pub runs: Vec<TextRun>,
    /// Whether every operator was read within the limits and every string decoded as text.
    pub complete: bool,
}

impl AppearanceFacts {
    /// All text shown, runs joined by a space (at most [`MAX_TEXT_CHARS`] characters).
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.runs.iter().map(|r| r.text.as_str()).collect();
        parts.join(" ")
    }
}

#[derive(Clone, Copy)]
struct Gs {
    fill: Option<[f64; 3]>,
    scale: f64,
}

struct Scan<'v, 'd, 'a> {
    view: &'v View<'d, 'a>,
    facts: AppearanceFacts,
    ops: usize,
    chars: usize,
    cmaps: BTreeMap<ObjRef, Rc<ToUnicode>>,
}

/// The font selected by `Tf`.
#[derive(Default)]
struct Font {
    base: Option<String>,
    composite: bool,
    size: f64,
    to_unicode: Option<Rc<ToUnicode>>,
}

fn cmyk([c, m, y, k]: [f64; 4]) -> [f64; 3] {
    [
        (1.0 - c) * (1.0 - k),
        (1.0 - m) * (1.0 - k),
        (1.0 - y) * (1.0 - k),
    ]
}

fn device_colour(nums: &[f64]) -> Option<[f64; 3]> {
    match *nums {
        [g] => Some([g, g, g]),
        [r, g, b] => Some([r, g, b]),
        [c, m, y, k] => Some(cmyk([c, m, y, k])),
        _ => None,
    }
}

impl<'d, 'a: 'd> Scan<'_, 'd, 'a> {
    fn dict_in(&self, dict: &Dict<'d>, key: &str) -> Result<Option<Dict<'d>>, PdfError> {
        match dict.get(key) {
            Some(v) => Ok(self.view.resolve(v)?.as_dict().cloned()),
            None => Ok(None),
        }
    }

    fn named(
        &self,
        resources: &Dict<'d>,
        category: &str,
        name: &str,
    ) -> Result<Option<Object<'d>>, PdfError> {
        let Some(cat) = self.dict_in(resources, category)? else {
            return Ok(None);
        };
        match cat.get(name) {
            Some(v) => Ok(Some(self.view.resolve(v)?)),
            None => Ok(None),
        }
    }

    /// The font's `/ToUnicode` CMap, read once per stream object.
    fn unicode_map(&mut self, font: &Dict<'d>) -> Result<Option<Rc<ToUnicode>>, PdfError> {
        let Some(entry) = font.get("ToUnicode") else {
            return Ok(None);
        };
        let key = entry.as_ref();
        if let Some(cached) = key.and_then(|k| self.cmaps.get(&k)) {
            return Ok(Some(Rc::clone(cached)));
        }
        let Object::Stream(s) = self.view.resolve(entry)? else {
            return Ok(None);
        };
        let data = self.view.document().decode_stream(&s)?;
        let cmap = Rc::new(ToUnicode::parse(&data)?);
        if let Some(k) = key {
            self.cmaps.insert(k, Rc::clone(&cmap));
        }
        Ok((!cmap.is_empty()).then_some(cmap))
    }

    /// Reads one content stream with `resources`, at nesting `depth`.
    fn content(&mut self, data: &[u8], resources: &Dict<'d>, depth: usize) -> Result<(), PdfError> {
        let mut lx = Lexer::new(data, 0, false);
        let mut operands: Vec<Object<'_>> = Vec::new();
        let mut stack: Vec<Gs> = Vec::new();
        let mut gs = Gs {
            fill: Some([0.0, 0.0, 0.0]),
            scale: 1.0,
        };
        let mut font = Font::default();
        let mut tm_scale = 1.0;
        loop {
            lx.skip_ws();
            let buf = lx.buf();
            let Some(&b) = buf.get(lx.pos) else { break };
            let is_operator = !matches!(b, b'[' | b'<' | b'(' | b'/' | b'+' | b'-' | b'.')
                && !b.is_ascii_digit()
                && !matches!(b, b']' | b'>' | b')' | b'{' | b'}');
            if !is_operator {
                if operands.len() >= 64 {
                    return Err(PdfError::Syntax {
                        offset: lx.pos,
                        what: "too many operands in an appearance stream",
                    });
                }
                operands.push(lx.object()?);
                continue;
            }
            let start = lx.pos;
            let len = buf[start..]
                .iter()
                .position(|&c| {
                    is_white(c)
                        || matches!(c, b'[' | b'<' | b'(' | b'/' | b']' | b'>' | b')' | b'%')
                })
                .unwrap_or(buf.len() - start);
            if len == 0 {
                return Err(PdfError::Syntax {
                    offset: start,
                    what: "unexpected delimiter in an appearance stream",
                });
            }
            lx.pos += len;
            let op = &buf[start..start + len];
            self.ops += 1;
            if self.ops > MAX_OPERATIONS {
                self.facts.complete = false;
                return Ok(());
            }
            let nums: Vec<f64> = operands.iter().filter_map(Object::as_number).collect();
            match op {
                b"q" if stack.len() < MAX_SAVE_DEPTH => stack.push(gs),
                b"Q" => {
                    if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                b"cm" => {
                    if let [a, b, c, d, _, _] = nums[..] {
                        gs.scale *= (a * d - b * c).abs().sqrt();
                    }
                }
                b"g" | b"rg" | b"k" => gs.fill = device_colour(&nums),
                b"sc" | b"scn" => gs.fill = device_colour(&nums),
                // A new colour space's initial colour is black for the device spaces; other
                // spaces (separations, patterns) are not read.
                b"cs" => {
                    let device = operands.first().and_then(Object::as_name).is_some_and(|n| {
                        n.is("DeviceGray") || n.is("DeviceRGB") || n.is("DeviceCMYK")
                    });
                    gs.fill = device.then_some([0.0, 0.0, 0.0]);
                }
                b"BT" => tm_scale = 1.0,
                b"Tm" => {
                    if let [a, b, c, d, _, _] = nums[..] {
                        tm_scale = (a * d - b * c).abs().sqrt();
                    }
                }
                b"Tf" => {
                    font = Font {
                        size: nums.last().copied().unwrap_or(0.0),
                        ..Font::default()
                    };
                    if let Some(name) = operands.first().and_then(Object::as_name) {
                        if let Some(f) = self.named(resources, "Font", &name.text())? {
                            if let Some(fd) = f.as_dict() {
                                font.base = fd
                                    .get("BaseFont")
                                    .and_then(Object::as_name)
                                    .map(|n| n.text());
                                font.composite = fd.has_name("Subtype", "Type0");
                                font.to_unicode = self.unicode_map(fd)?;
                            }
                        }
                    }
                }
                b"Tj" | b"'" | b"\"" | b"TJ" => {
                    let mut bytes = Vec::new();
                    for o in &operands {
                        match o {
                            Object::String(s) => bytes.extend_from_slice(&s.bytes),
                            Object::Array(items) => {
                                for i in items {
                                    if let Object::String(s) = i {
                                        bytes.extend_from_slice(&s.bytes);
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    let decoded = match &font.to_unicode {
                        Some(cmap) => {
                            let (t, all) = cmap.decode(&bytes);
                            if !all {
                                self.facts.complete = false;
                            }
                            Some(t)
                        }
                        None if font.composite => {
                            self.facts.complete = false;
                            None
                        }
                        None => Some(decode_text(&bytes)),
                    };
                    let text = match decoded {
                        Some(mut t) => {
                            let room = MAX_TEXT_CHARS.saturating_sub(self.chars);
                            if t.chars().count() > room {
                                self.facts.complete = false;
                                t = t.chars().take(room).collect();
                            }
                            self.chars += t.chars().count();
                            t
                        }
                        None => String::new(),
                    };
                    self.facts.runs.push(TextRun {
                        text,
                        base_font: font.base.clone(),
                        composite: font.composite,
                        size: font.size * tm_scale * gs.scale,
                        fill: gs.fill,
                    });
                }
                b"Do" => {
                    if let Some(name) = operands.first().and_then(Object::as_name) {
                        if let Some(x) = self.named(resources, "XObject", &name.text())? {
                            self.xobject(&x, resources, depth)?;
                        }
                    }
                }
                b"BI" => {
                    self.inline_image(&mut lx)?;
                }
                _ => {}
            }
            operands.clear();
        }
        Ok(())
    }

    /// An inline image (§8.9.7): its dictionary up to `ID`, then data up to `EI` standing alone.
    fn inline_image(&mut self, lx: &mut Lexer<'_>) -> Result<(), PdfError> {
        let mut width = None;
        let mut height = None;
        let mut stencil = false;
        loop {
            lx.skip_ws();
            if lx.eat_keyword(b"ID") {
                break;
            }
            let key = lx.object()?;
            let value = lx.object()?;
            match key.as_name() {
                Some(n) if n.is("W") || n.is("Width") => width = value.as_int(),
                Some(n) if n.is("H") || n.is("Height") => height = value.as_int(),
                Some(n) if n.is("IM") || n.is("ImageMask") => {
                    stencil = value == Object::Bool(true);
                }
                Some(_) => {}
                None => {
                    return Err(PdfError::Syntax {
                        offset: lx.pos,
                        what: "inline image dictionary key is not a name",
                    })
                }
            }
        }
        let buf = lx.buf();
        let data_start = lx.pos + 1;
        let end = buf
            .get(data_start..)
            .and_then(|rest| {
                rest.windows(4)
                    .position(|w| is_white(w[0]) && w[1] == b'E' && w[2] == b'I' && is_white(w[3]))
            })
            .map(|p| data_start + p + 3)
            .or_else(|| buf.ends_with(b"EI").then_some(buf.len()))
            .ok_or(PdfError::Syntax {
                offset: lx.pos,
                what: "inline image without EI",
            })?;
        lx.pos = end;
        self.facts.images.push(ImageFact {
            width,
            height,
            transparent: stencil,
            inline: true,
        });
        Ok(())
    }

    fn xobject(
        &mut self,
        x: &Object<'d>,
        parent_resources: &Dict<'d>,
        depth: usize,
    ) -> Result<(), PdfError> {
        let Object::Stream(s) = x else { return Ok(()) };
        if s.dict.has_name("Subtype", "Image") {
            let transparent = s.dict.get("SMask").is_some_and(|m| *m != Object::Null)
                || s.dict.get("Mask").is_some_and(|m| *m != Object::Null)
                || s.dict.get("ImageMask") == Some(&Object::Bool(true));
            let int = |k| s.dict.get(k).and_then(Object::as_int);
            self.facts.images.push(ImageFact {
                width: int("Width"),
                height: int("Height"),
                transparent,
                inline: false,
            });
            return Ok(());
        }
        // The appearance itself is read as a form even when its /Subtype is missing.
        if depth > 0 && !s.dict.has_name("Subtype", "Form") {
            return Ok(());
        }
        if depth >= MAX_FORM_DEPTH {
            self.facts.complete = false;
            return Ok(());
        }
        let resources = self
            .dict_in(&s.dict, "Resources")?
            .unwrap_or_else(|| parent_resources.clone());
        let data = self.view.document().decode_stream(s)?;
        self.content(&data, &resources, depth + 1)
    }
}

/// Reads the appearance stream `ap` (a form XObject, already resolved) of a widget.
pub fn scan<'d, 'a: 'd>(view: &View<'d, 'a>, ap: &Object<'d>) -> Result<AppearanceFacts, PdfError> {
    let mut scan = Scan {
        view,
        facts: AppearanceFacts {
            complete: true,
            ..AppearanceFacts::default()
        },
        ops: 0,
        chars: 0,
        cmaps: BTreeMap::new(),
    };
    scan.xobject(ap, &Dict::default(), 0)?;
    Ok(scan.facts)
}
