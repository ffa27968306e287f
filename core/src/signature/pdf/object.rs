//! PDF objects (ISO 32000-1 §7.3): null, booleans, integers, reals, strings, names, arrays,
//! dictionaries, streams and indirect references. Values borrow from the file (or from a decoded
//! object stream) wherever no escape had to be undone.

use std::borrow::Cow;
use std::ops::Range;

/// An indirect reference `num gen R` (§7.3.10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjRef {
    /// Object number.
    pub num: u32,
    /// Generation number.
    pub generation: u16,
}

/// A string object (§7.3.4), literal `( … )` or hexadecimal `< … >`.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfString<'a> {
    /// The string's bytes, escapes and hex digits decoded.
    pub bytes: Cow<'a, [u8]>,
    /// Whether it was written in hexadecimal.
    pub hex: bool,
    /// The bytes it occupies in the file, delimiters included (`<` … `>`), when the string was
    /// read from the file itself; `None` inside an object stream's decoded data.
    pub span: Option<Range<usize>>,
}

impl PdfString<'_> {
    /// The string as a text string (§7.9.2.2): UTF-16BE with its byte order mark, UTF-8 with its
    /// mark (ISO 32000-2 §7.9.2.2.1), else PDFDocEncoding (Annex D).
    pub fn text(&self) -> String {
        decode_text(&self.bytes)
    }
}

/// A name object (§7.3.5) with `#xx` escapes decoded, without its `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name<'a>(pub Cow<'a, [u8]>);

impl Name<'_> {
    /// Whether this is the name `key` (given without `/`).
    pub fn is(&self, key: &str) -> bool {
        *self.0 == *key.as_bytes()
    }

    /// The name as text (names are UTF-8 by convention, §7.3.5); invalid bytes are replaced.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0).into_owned()
    }
}

/// A dictionary (§7.3.7), its entries in file order. A key written twice keeps its first value
/// for [`Dict::get`], as the later stages must see what most readers see; both are kept here.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dict<'a> {
    /// The entries, in order.
    pub entries: Vec<(Name<'a>, Object<'a>)>,
}

impl<'a> Dict<'a> {
    /// The value of `key` (given without `/`).
    pub fn get(&self, key: &str) -> Option<&Object<'a>> {
        self.entries.iter().find(|(k, _)| k.is(key)).map(|(_, v)| v)
    }

    /// The value of `key` if it is the name `value`.
    pub fn has_name(&self, key: &str, value: &str) -> bool {
        matches!(self.get(key), Some(Object::Name(n)) if n.is(value))
    }
}

/// A stream (§7.3.8): its dictionary and its data as stored (not decoded).
#[derive(Debug, Clone, PartialEq)]
pub struct Stream<'a> {
    /// The stream dictionary.
    pub dict: Dict<'a>,
    /// The stored data, exactly `/Length` bytes.
    pub data: &'a [u8],
    /// Offset of the data's first byte in the buffer it was read from.
    pub data_offset: usize,
}

/// A PDF object.
#[derive(Debug, Clone, PartialEq)]
pub enum Object<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real number.
    Real(f64),
    /// A string.
    String(PdfString<'a>),
    /// A name.
    Name(Name<'a>),
    /// An array.
    Array(Vec<Object<'a>>),
    /// A dictionary.
    Dict(Dict<'a>),
    /// A stream.
    Stream(Stream<'a>),
    /// An indirect reference.
    Ref(ObjRef),
}

impl<'a> Object<'a> {
    /// The integer, if this is one.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Self::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The dictionary, also a stream's dictionary.
    pub fn as_dict(&self) -> Option<&Dict<'a>> {
        match self {
            Self::Dict(d) => Some(d),
            Self::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// The array, if this is one.
    pub fn as_array(&self) -> Option<&[Object<'a>]> {
        match self {
            Self::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The name, if this is one.
    pub fn as_name(&self) -> Option<&Name<'a>> {
        match self {
            Self::Name(n) => Some(n),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_string(&self) -> Option<&PdfString<'a>> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// The reference, if this is one.
    pub fn as_ref(&self) -> Option<ObjRef> {
        match self {
            Self::Ref(r) => Some(*r),
            _ => None,
        }
    }

    /// A number as `f64` (integers too).
    pub fn as_number(&self) -> Option<f64> {
        match self {
            // Rect coordinates: precision loss above 2^53 does not matter for positions.
            Self::Int(i) => Some(*i as f64),
            Self::Real(r) => Some(*r),
            _ => None,
        }
    }
}

/// PDFDocEncoding's code points for bytes 0x18–0x1F and 0x80–0xAD where they differ from
/// Latin-1 (ISO 32000-1 Annex D, Table D.2); `'\u{FFFD}'` where the byte is undefined.
const PDFDOC_18: [char; 8] = [
    '\u{02D8}', '\u{02C7}', '\u{02C6}', '\u{02D9}', '\u{02DD}', '\u{02DB}', '\u{02DA}', '\u{02DC}',
];
const PDFDOC_80: [char; 46] = [
    '\u{2022}', '\u{2020}', '\u{2021}', '\u{2026}', '\u{2014}', '\u{2013}', '\u{0192}', '\u{2044}',
    '\u{2039}', '\u{203A}', '\u{2212}', '\u{2030}', '\u{201E}', '\u{201C}', '\u{201D}', '\u{2018}',
    '\u{2019}', '\u{201A}', '\u{2122}', '\u{FB01}', '\u{FB02}', '\u{0141}', '\u{0152}', '\u{0160}',
    '\u{0178}', '\u{017D}', '\u{0131}', '\u{0142}', '\u{0153}', '\u{0161}', '\u{017E}', '\u{FFFD}',
    '\u{20AC}', '\u{00A1}', '\u{00A2}', '\u{00A3}', '\u{00A4}', '\u{00A5}', '\u{00A6}', '\u{00A7}',
    '\u{00A8}', '\u{00A9}', '\u{00AA}', '\u{00AB}', '\u{00AC}', '\u{FFFD}',
];

/// Decodes a text string (§7.9.2.2).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]));
        return char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes
        .iter()
        .map(|&b| match b {
            0x18..=0x1F => PDFDOC_18[usize::from(b - 0x18)],
            0x80..=0xAD => PDFDOC_80[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_decode_each_encoding() {
        assert_eq!(decode_text(b"Ha Noi"), "Ha Noi");
        assert_eq!(
            decode_text(&[0xFE, 0xFF, 0x00, 0x48, 0x1E, 0xA1]),
            "H\u{1EA1}"
        );
        assert_eq!(decode_text("\u{FEFF}Hà".as_bytes()), "Hà");
        assert_eq!(decode_text(&[0x80, 0xA0, 0xE9]), "\u{2022}\u{20AC}é");
    }

    #[test]
    fn dict_get_keeps_the_first_of_a_repeated_key() {
        let d = Dict {
            entries: vec![
                (Name(Cow::Borrowed(b"A")), Object::Int(1)),
                (Name(Cow::Borrowed(b"A")), Object::Int(2)),
            ],
        };
        assert_eq!(d.get("A"), Some(&Object::Int(1)));
        assert_eq!(d.get("B"), None);
    }
}
