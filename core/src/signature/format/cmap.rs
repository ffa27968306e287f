//! A font's `/ToUnicode` CMap (ISO 32000-1 §9.10.3): from character codes to Unicode text, so
//! that text shown in a composite font (`/Type0`, `Identity-H`, how Vietnamese signing tools
//! embed fonts) can be read. Only the mapping operators are read (`begincodespacerange`,
//! `beginbfchar`, `beginbfrange`); codes have the byte length of the code space's first range.
//!
//! Bounded: at most [`MAX_CMAP_ENTRIES`] codes (ranges expanded) and [`MAX_CMAP_OPERANDS`]
//! operands before an operator; beyond, a typed error.

use std::collections::BTreeMap;

use crate::signature::pdf::lexer::{is_white, Lexer};
use crate::signature::pdf::{Object, PdfError};

/// Most codes one CMap maps (every 2-byte code).
pub const MAX_CMAP_ENTRIES: usize = 65_536;
/// Most operands before a CMap operator (a `bfchar` block holds at most 100 pairs, §9.10.3; writers
/// exceed it).
pub const MAX_CMAP_OPERANDS: usize = 10_000;

/// A code-to-Unicode map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ToUnicode {
    /// Bytes per code (1–4).
    width: usize,
    map: BTreeMap<u32, String>,
}

fn utf16(bytes: &[u8]) -> String {
    let units = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or('\u{FFFD}'))
        .collect()
}

fn code(bytes: &[u8]) -> Option<u32> {
    (1..=4)
        .contains(&bytes.len())
        .then(|| bytes.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b)))
}

fn too_big(offset: usize) -> PdfError {
    PdfError::Syntax {
        offset,
        what: "ToUnicode CMap beyond its limits",
    }
}

impl ToUnicode {
    /// Reads a decoded `/ToUnicode` stream.
    pub fn parse(data: &[u8]) -> Result<Self, PdfError> {
        let mut out = Self::default();
        let mut lx = Lexer::new(data, 0, false);
        let mut operands: Vec<Object<'_>> = Vec::new();
        loop {
            lx.skip_ws();
            let buf = lx.buf();
            let Some(&b) = buf.get(lx.pos) else { break };
            let keyword = b.is_ascii_alphabetic();
            if !keyword {
                if matches!(b, b'{' | b'}' | b')' | b'>' | b']') {
                    lx.pos += 1;
                    continue;
                }
                if operands.len() >= MAX_CMAP_OPERANDS {
                    return Err(too_big(lx.pos));
                }
                operands.push(lx.object()?);
                continue;
            }
            let start = lx.pos;
            let len = buf[start..]
                .iter()
                .position(|&c| is_white(c) || b"[]<>()/{}%".contains(&c))
                .unwrap_or(buf.len() - start);
            lx.pos += len;
            let strings: Vec<&[u8]> = operands
                .iter()
                .filter_map(|o| o.as_string().map(|s| &*s.bytes))
                .collect();
            match &buf[start..start + len] {
                b"endcodespacerange" if out.width == 0 => {
                    out.width = strings.first().map_or(0, |s| s.len()).min(4);
                }
                b"endbfchar" => {
                    for pair in strings.chunks_exact(2) {
                        out.note_width(pair[0]);
                        if let Some(c) = code(pair[0]) {
                            out.insert(c, utf16(pair[1]), start)?;
                        }
                    }
                }
                b"endbfrange" => {
                    let mut i = 0;
                    while i + 2 < operands.len() {
                        let (Some(lo), Some(hi)) = (
                            operands[i].as_string().map(|s| s.bytes.to_vec()),
                            operands[i + 1].as_string().map(|s| s.bytes.to_vec()),
                        ) else {
                            break;
                        };
                        let Some(dst) = operands.get(i + 2) else {
                            break;
                        };
                        out.note_width(&lo);
                        let (Some(lo), Some(hi)) = (code(&lo), code(&hi)) else {
                            break;
                        };
                        if hi < lo || (hi - lo) as usize >= MAX_CMAP_ENTRIES {
                            return Err(too_big(start));
                        }
                        match dst {
                            Object::String(s) => {
                                // Consecutive codes map to consecutive values: the last
                                // UTF-16 unit is incremented (§9.10.3).
                                let base = s.bytes.to_vec();
                                for (n, c) in (lo..=hi).enumerate() {
                                    let mut v = base.clone();
                                    let k = v.len();
                                    if k >= 2 {
                                        let last = u16::from_be_bytes([v[k - 2], v[k - 1]])
                                            .wrapping_add(n as u16);
                                        v[k - 2..].copy_from_slice(&last.to_be_bytes());
                                    }
                                    out.insert(c, utf16(&v), start)?;
                                }
                            }
                            Object::Array(items) => {
                                for (c, item) in (lo..=hi).zip(items) {
                                    if let Some(s) = item.as_string() {
                                        out.insert(c, utf16(&s.bytes), start)?;
                                    }
                                }
                            }
                            _ => {}
                        }
                        i += 3;
                    }
                }
                _ => {}
            }
            operands.clear();
        }
        Ok(out)
    }

    fn note_width(&mut self, src: &[u8]) {
        if self.width == 0 {
            self.width = src.len().min(4);
        }
    }

    fn insert(&mut self, code: u32, text: String, offset: usize) -> Result<(), PdfError> {
        if self.map.len() >= MAX_CMAP_ENTRIES && !self.map.contains_key(&code) {
            return Err(too_big(offset));
        }
        self.map.insert(code, text);
        Ok(())
    }

    /// The text of the codes in `bytes`, and whether every code was mapped.
    pub fn decode(&self, bytes: &[u8]) -> (String, bool) {
        let width = self.width.max(1);
        let mut all = true;
        let text = bytes
            .chunks(width)
            .map(|c| match code(c).and_then(|c| self.map.get(&c)) {
                Some(t) => t.clone(),
                None => {
                    all = false;
                    '\u{FFFD}'.to_string()
                }
            })
            .collect();
        (text, all)
    }

    /// Whether it maps nothing.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0003> <0020> <0024> <0041> <01A1> <1EDF> endbfchar
2 beginbfrange <0010> <0012> <0030> <0050> <0051> [<0053> <0110>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn bfchar_and_bfrange_map_codes_to_text() {
        let m = ToUnicode::parse(CMAP.as_bytes()).expect("parses");
        // "Sở" then " 012" then "Đ".
        let (text, all) = m.decode(&[
            0x00, 0x50, 0x01, 0xA1, 0x00, 0x03, 0x00, 0x10, 0x00, 0x11, 0x00, 0x12, 0x00, 0x51,
        ]);
        assert_eq!(text, "Sở 012Đ");
        assert!(all);
        let (text, all) = m.decode(&[0x00, 0x24, 0x09, 0x99]);
        assert_eq!(text, "A\u{FFFD}");
        assert!(!all);
    }

    #[test]
    fn hostile_cmaps_are_typed_errors() {
        let huge = "1 beginbfrange <00000000> <7FFFFFFF> <0041> endbfrange";
        assert!(ToUnicode::parse(huge.as_bytes()).is_err());
        let unterminated = "1 beginbfchar <0003> <0020";
        assert!(ToUnicode::parse(unterminated.as_bytes()).is_err());
        assert!(ToUnicode::parse(b"").expect("empty").is_empty());
    }
}
