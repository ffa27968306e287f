//! Where a page draws text, roughly: enough to tell whether an annotation added after signing
//! lies over signed text (the shadow attack's hide via overlay, Mainka et al. 2021), without
//! rendering. Text-showing operators (ISO 32000-1 §9.4.3 `Tj`, `TJ`, `'`, `"`) are placed with
//! the text matrix (§9.4.2 `Tm`, `Td`, `TD`, `T*`, `TL`) and the current transformation matrix
//! (§8.4.4 `cm`, `q`, `Q`); each string gets a box from its origin, half the font size per byte
//! wide, from 0.2 below to 0.75 of the size above the baseline. Glyph widths are not read: the
//! box is an estimate, so the check is a strong hint, not a proof.

use super::graph::Work;
use super::ChangesError;
use crate::signature::pdf::{Document, Object, PdfError, View};

/// A rectangle `[llx, lly, urx, ury]`.
pub(super) type Rect = [f64; 4];

/// Whether two rectangles overlap with a positive area.
pub(super) fn overlaps(a: &Rect, b: &Rect) -> bool {
    a[0].min(a[2]) < b[0].max(b[2])
        && b[0].min(b[2]) < a[0].max(a[2])
        && a[1].min(a[3]) < b[1].max(b[3])
        && b[1].min(b[3]) < a[1].max(a[3])
}

type Matrix = [f64; 6];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// A token of a content stream.
enum Tok {
    Num(f64),
    /// A string operand with its length in bytes.
    Str(usize),
    /// An array operand: total string bytes in it.
    Array(usize),
    Op(Vec<u8>),
    Other,
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_white(b: u8) -> bool {
    matches!(b, 0 | 9 | 10 | 12 | 13 | 32)
}

struct Tokens<'b> {
    data: &'b [u8],
    pos: usize,
}

impl Tokens<'_> {
    /// Length in bytes of a literal string starting after `(`; moves past its `)`.
    fn literal(&mut self) -> usize {
        let (mut depth, mut len) = (1usize, 0usize);
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            match b {
                b'\\' => {
                    self.pos += 1;
                    len += 1;
                }
                b'(' => {
                    depth += 1;
                    len += 1;
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    len += 1;
                }
                _ => len += 1,
            }
        }
        len
    }

    fn hex(&mut self) -> usize {
        let mut digits: usize = 0;
        while let Some(&b) = self.data.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if b.is_ascii_hexdigit() {
                digits += 1;
            }
        }
        digits.div_ceil(2)
    }

    fn next(&mut self) -> Option<Tok> {
        loop {
            let &b = self.data.get(self.pos)?;
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self
                    .data
                    .get(self.pos)
                    .is_some_and(|c| *c != b'\n' && *c != b'\r')
                {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
        let b = self.data[self.pos];
        self.pos += 1;
        Some(match b {
            b'(' => Tok::Str(self.literal()),
            b'<' if self.data.get(self.pos) == Some(&b'<') => {
                self.pos += 1;
                Tok::Other
            }
            b'<' => Tok::Str(self.hex()),
            b'>' => {
                if self.data.get(self.pos) == Some(&b'>') {
                    self.pos += 1;
                }
                Tok::Other
            }
            b'[' => {
                let mut total = 0;
                while let Some(t) = self.next() {
                    match t {
                        Tok::Str(n) => total += n,
                        Tok::Op(o) if o == b"]" => break,
                        _ => {}
                    }
                }
                Tok::Array(total)
            }
            b']' => Tok::Op(b"]".to_vec()),
            b'/' => {
                while self
                    .data
                    .get(self.pos)
                    .is_some_and(|c| !is_white(*c) && !is_delim(*c))
                {
                    self.pos += 1;
                }
                Tok::Other
            }
            _ => {
                let start = self.pos - 1;
                while self
                    .data
                    .get(self.pos)
                    .is_some_and(|c| !is_white(*c) && !is_delim(*c))
                {
                    self.pos += 1;
                }
                let word = &self.data[start..self.pos];
                match std::str::from_utf8(word)
                    .ok()
                    .and_then(|w| w.parse::<f64>().ok())
                {
                    Some(n) if n.is_finite() => Tok::Num(n),
                    _ => Tok::Op(word.to_vec()),
                }
            }
        })
    }
}

/// Most text boxes collected for one page.
const MAX_BOXES: usize = 100_000;

/// The boxes where `data` (a content stream, decoded) shows text.
fn boxes_in(data: &[u8], out: &mut Vec<Rect>, work: &Work) -> Result<(), ChangesError> {
    let mut toks = Tokens { data, pos: 0 };
    let mut operands: Vec<Tok> = Vec::new();
    let mut ctm = IDENTITY;
    let mut stack: Vec<Matrix> = Vec::new();
    let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
    let (mut size, mut leading) = (12.0_f64, 0.0_f64);
    let num = |ops: &[Tok], i: usize| -> f64 {
        match ops.get(i) {
            Some(Tok::Num(n)) => *n,
            _ => 0.0,
        }
    };
    while let Some(t) = toks.next() {
        work.spend(1)?;
        let op = match t {
            Tok::Op(o) => o,
            other => {
                if operands.len() < 16 {
                    operands.push(other);
                }
                continue;
            }
        };
        let n = operands.len();
        let args = |k: usize| -> Vec<f64> {
            (0..k)
                .map(|i| num(&operands, (n + i).saturating_sub(k)))
                .collect()
        };
        let mut shown = None;
        match op.as_slice() {
            b"q" if stack.len() < 64 => stack.push(ctm),
            b"Q" => ctm = stack.pop().unwrap_or(IDENTITY),
            b"cm" => {
                let a = args(6);
                ctm = mul(&[a[0], a[1], a[2], a[3], a[4], a[5]], &ctm);
            }
            b"BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            b"Tf" => size = num(&operands, n.saturating_sub(1)),
            b"TL" => leading = num(&operands, n.saturating_sub(1)),
            b"Tm" => {
                let a = args(6);
                tm = [a[0], a[1], a[2], a[3], a[4], a[5]];
                tlm = tm;
            }
            b"Td" | b"TD" => {
                let a = args(2);
                if op == b"TD" {
                    leading = -a[1];
                }
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, a[0], a[1]], &tlm);
                tm = tlm;
            }
            b"T*" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tm = tlm;
            }
            b"Tj" | b"TJ" | b"'" | b"\"" => {
                if op != b"Tj" && op != b"TJ" {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                    tm = tlm;
                }
                shown = operands.iter().rev().find_map(|t| match t {
                    Tok::Str(l) | Tok::Array(l) => Some(*l),
                    _ => None,
                });
            }
            b"BI" => {
                // Inline image: skip to `EI` after `ID`.
                let rest = &data[toks.pos.min(data.len())..];
                let skip = rest
                    .windows(3)
                    .position(|w| w[0].is_ascii_whitespace() && &w[1..] == b"EI");
                toks.pos = toks.pos.saturating_add(skip.map_or(rest.len(), |s| s + 3));
            }
            _ => {}
        }
        if let Some(len) = shown {
            let m = mul(&tm, &ctm);
            #[allow(clippy::cast_precision_loss)]
            let width = size * 0.5 * len as f64;
            let corners = [
                apply(&m, 0.0, -0.2 * size),
                apply(&m, width, -0.2 * size),
                apply(&m, 0.0, 0.75 * size),
                apply(&m, width, 0.75 * size),
            ];
            let xs = corners.iter().map(|c| c.0);
            let ys = corners.iter().map(|c| c.1);
            let r = [
                xs.clone().fold(f64::INFINITY, f64::min),
                ys.clone().fold(f64::INFINITY, f64::min),
                xs.fold(f64::NEG_INFINITY, f64::max),
                ys.fold(f64::NEG_INFINITY, f64::max),
            ];
            if out.len() < MAX_BOXES && r.iter().all(|v| v.is_finite()) {
                out.push(r);
            }
            // The next string starts after this one (an estimate).
            tm = mul(&[1.0, 0.0, 0.0, 1.0, width, 0.0], &tm);
        }
        operands.clear();
    }
    Ok(())
}

/// Where the page `page` (a dictionary as of `view`) shows text: `None` when its content
/// cannot be decoded (an unsupported filter), which the caller must treat as "anywhere".
pub(super) fn text_boxes<'d, 'a: 'd>(
    doc: &'d Document<'a>,
    view: &View<'d, 'a>,
    contents: Option<&Object<'d>>,
    work: &Work,
) -> Result<Option<Vec<Rect>>, ChangesError> {
    let Some(contents) = contents else {
        return Ok(Some(Vec::new()));
    };
    let streams = match view.resolve(contents)? {
        Object::Array(a) => a,
        other => vec![other],
    };
    let mut out = Vec::new();
    for s in streams.iter().take(1000) {
        let Object::Stream(s) = view.resolve(s)? else {
            continue;
        };
        work.spend(s.data.len() / 64 + 1)?;
        let data = match doc.decode_stream(&s) {
            Ok(d) => d,
            Err(PdfError::UnsupportedFilter { .. } | PdfError::Predictor { .. }) => {
                return Ok(None)
            }
            Err(e) => return Err(e.into()),
        };
        boxes_in(&data, &mut out, work)?;
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_placed_with_its_matrices() {
        let work = Work::new(1_000_000);
        let mut out = Vec::new();
        let content = b"q 2 0 0 2 10 10 cm BT /F1 10 Tf 1 0 0 1 30 40 Tm (abcd) Tj 0 -20 Td [(ef) 3 (gh)] TJ ET Q BT /F1 12 Tf 72 700 Td (x\\)y) Tj ET";
        boxes_in(content, &mut out, &work).expect("read");
        assert_eq!(out.len(), 3);
        // (abcd): origin (30,40) scaled by 2 and moved by 10: x 70, width 4*5*2 = 40.
        assert_eq!(out[0], [70.0, 86.0, 110.0, 105.0]);
        assert_eq!(out[1][0], 70.0);
        assert_eq!(out[1][1], 46.0);
        let want = [72.0, 697.6, 90.0, 709.0];
        assert!(
            out[2].iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-9),
            "{:?}",
            out[2]
        );
        assert!(overlaps(&out[2], &[80.0, 695.0, 100.0, 720.0]));
        assert!(!overlaps(&out[2], &[91.0, 695.0, 100.0, 720.0]));
    }

    #[test]
    fn junk_gives_boxes_or_nothing_but_never_panics() {
        let work = Work::new(1_000_000);
        for junk in [
            &b"((((("[..],
            b"<<<>>>]]][[[",
            b"Tj TJ ' \" Td Tm cm Q Q Q",
            b"BI /W 1 ID \x00\x01",
            b"1e308 1e308 1e308 1e308 1e308 1e308 cm (a) Tj",
        ] {
            let mut out = Vec::new();
            boxes_in(junk, &mut out, &work).expect("read");
        }
    }
}
