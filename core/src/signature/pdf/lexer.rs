//! The lexer and object parser (ISO 32000-1 §7.2 lexical conventions, §7.3 objects, §7.3.10
//! indirect objects). Works on a borrowed buffer, never reads past its end, and stops at the
//! limits [`MAX_DEPTH`], [`MAX_OBJECT_NODES`] and [`MAX_STRING_BYTES`], [`MAX_STREAM_BYTES`].

use std::borrow::Cow;

use super::object::{Dict, Name, ObjRef, Object, PdfString, Stream};
use super::{PdfError, MAX_DEPTH, MAX_OBJECT_NODES, MAX_STREAM_BYTES, MAX_STRING_BYTES};

/// Whitespace characters (§7.2.2, Table 1).
pub(crate) fn is_white(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 0x0C | b'\r' | b' ')
}

/// Delimiter characters (§7.2.2, Table 2).
fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delim(b)
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Resolves an indirect `/Length` of a stream to its integer value.
pub(crate) type LengthResolver<'r> = &'r dyn Fn(ObjRef) -> Result<i64, PdfError>;

/// A cursor over a buffer. When `in_file` is true, the buffer is the whole file and offsets are
/// file offsets (strings record their span); otherwise it is decoded stream data.
pub(crate) struct Lexer<'a> {
    buf: &'a [u8],
    pub(crate) pos: usize,
    in_file: bool,
    nodes: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer at `pos` of `buf`.
    pub(crate) fn new(buf: &'a [u8], pos: usize, in_file: bool) -> Self {
        Self {
            buf,
            pos: pos.min(buf.len()),
            in_file,
            nodes: 0,
        }
    }

    /// The buffer read.
    pub(crate) fn buf(&self) -> &'a [u8] {
        self.buf
    }

    fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    fn syntax(&self, what: &'static str) -> PdfError {
        PdfError::Syntax {
            offset: self.pos,
            what,
        }
    }

    fn end(&self) -> PdfError {
        PdfError::UnexpectedEnd { offset: self.pos }
    }

    /// Skips whitespace and comments.
    pub(crate) fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\r' || c == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The run of regular characters at the cursor, without moving it.
    fn word(&self) -> &'a [u8] {
        let rest = &self.buf[self.pos..];
        let len = rest
            .iter()
            .position(|&b| !is_regular(b))
            .unwrap_or(rest.len());
        &rest[..len]
    }

    /// After whitespace, consumes the keyword `kw` if it is there as a whole word.
    pub(crate) fn eat_keyword(&mut self, kw: &[u8]) -> bool {
        self.skip_ws();
        if self.word() == kw {
            self.pos += kw.len();
            true
        } else {
            false
        }
    }

    /// After whitespace, an unsigned integer as a whole word.
    pub(crate) fn unsigned(&mut self) -> Result<u64, PdfError> {
        self.skip_ws();
        let w = self.word();
        if w.is_empty() || !w.iter().all(u8::is_ascii_digit) {
            return Err(self.syntax("expected an unsigned integer"));
        }
        let mut v: u64 = 0;
        for &d in w {
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d - b'0')))
                .ok_or(PdfError::NumberRange { offset: self.pos })?;
        }
        self.pos += w.len();
        Ok(v)
    }

    /// Tries `num gen R` at the cursor (after an integer was seen); restores the cursor if the
    /// input is not a reference.
    fn try_ref(&mut self, num: i64) -> Option<ObjRef> {
        let save = self.pos;
        let result = (|| {
            let generation = self.unsigned().ok()?;
            if !self.eat_keyword(b"R") {
                return None;
            }
            Some(ObjRef {
                num: u32::try_from(num).ok()?,
                generation: u16::try_from(generation).ok()?,
            })
        })();
        if result.is_none() {
            self.pos = save;
        }
        result
    }

    fn count_node(&mut self) -> Result<(), PdfError> {
        self.nodes += 1;
        if self.nodes > MAX_OBJECT_NODES {
            return Err(PdfError::TooManyValues {
                limit: MAX_OBJECT_NODES,
            });
        }
        Ok(())
    }

    /// Parses one direct object (no stream) at the cursor.
    pub(crate) fn object(&mut self) -> Result<Object<'a>, PdfError> {
        self.nodes = 0;
        self.value(0)
    }

    fn value(&mut self, depth: usize) -> Result<Object<'a>, PdfError> {
        self.count_node()?;
        self.skip_ws();
        let Some(b) = self.peek() else {
            return Err(self.end());
        };
        match b {
            b'[' => {
                if depth >= MAX_DEPTH {
                    return Err(PdfError::TooDeep { limit: MAX_DEPTH });
                }
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_ws();
                    match self.peek() {
                        None => return Err(self.end()),
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Object::Array(items));
                        }
                        Some(_) => items.push(self.value(depth + 1)?),
                    }
                }
            }
            b'<' if self.buf.get(self.pos + 1) == Some(&b'<') => {
                if depth >= MAX_DEPTH {
                    return Err(PdfError::TooDeep { limit: MAX_DEPTH });
                }
                self.pos += 2;
                Ok(Object::Dict(self.dict_body(depth)?))
            }
            b'<' => self.hex_string().map(Object::String),
            b'(' => self.literal_string().map(Object::String),
            b'/' => self.name().map(Object::Name),
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let start = self.pos;
                let word = self.word();
                self.pos += word.len();
                match parse_number(word).ok_or(PdfError::Syntax {
                    offset: start,
                    what: "malformed number",
                })? {
                    Number::Int(i) => Ok(self.try_ref(i).map_or(Object::Int(i), Object::Ref)),
                    Number::Real(r) => Ok(Object::Real(r)),
                    Number::Overflow => Err(PdfError::NumberRange { offset: start }),
                }
            }
            _ => {
                let word = self.word();
                let obj = match word {
                    b"null" => Object::Null,
                    b"true" => Object::Bool(true),
                    b"false" => Object::Bool(false),
                    _ => return Err(self.syntax("expected an object")),
                };
                self.pos += word.len();
                Ok(obj)
            }
        }
    }

    /// The entries of a dictionary after its `<<`, through its `>>`.
    fn dict_body(&mut self, depth: usize) -> Result<Dict<'a>, PdfError> {
        let mut entries = Vec::new();
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Err(self.end()),
                Some(b'>') if self.buf.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Ok(Dict { entries });
                }
                Some(b'/') => {
                    self.count_node()?;
                    let key = self.name()?;
                    let value = self.value(depth + 1)?;
                    entries.push((key, value));
                }
                Some(_) => return Err(self.syntax("expected a name as dictionary key")),
            }
        }
    }

    /// A name after its `/` (§7.3.5); `#xx` decoded, a `#` not followed by two hex digits kept.
    fn name(&mut self) -> Result<Name<'a>, PdfError> {
        self.pos += 1; // the '/'
        let raw = self.word();
        self.pos += raw.len();
        if !raw.contains(&b'#') {
            return Ok(Name(Cow::Borrowed(raw)));
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let escaped = match (raw[i], raw.get(i + 1), raw.get(i + 2)) {
                (b'#', Some(&h), Some(&l)) => hex_val(h).zip(hex_val(l)).map(|(h, l)| h << 4 | l),
                _ => None,
            };
            if let Some(v) = escaped {
                out.push(v);
                i += 3;
            } else {
                out.push(raw[i]);
                i += 1;
            }
        }
        Ok(Name(Cow::Owned(out)))
    }

    fn string_span(&self, start: usize) -> Option<std::ops::Range<usize>> {
        self.in_file.then_some(start..self.pos)
    }

    fn check_string_len(&self, start: usize, len: usize) -> Result<(), PdfError> {
        if len > MAX_STRING_BYTES {
            return Err(PdfError::StringTooLong {
                offset: start,
                limit: MAX_STRING_BYTES,
            });
        }
        Ok(())
    }

    /// A hexadecimal string `< … >` (§7.3.4.3); whitespace ignored, an odd last digit padded 0.
    fn hex_string(&mut self) -> Result<PdfString<'a>, PdfError> {
        let start = self.pos;
        self.pos += 1;
        // Scanned once, digit by digit: a missing `>` costs one pass to the first non-hex byte.
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.end());
            };
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if is_white(b) {
                continue;
            }
            let v = hex_val(b).ok_or(PdfError::Syntax {
                offset: self.pos - 1,
                what: "not a hex digit in a hex string",
            })?;
            match high.take() {
                Some(h) => {
                    self.check_string_len(start, out.len() + 1)?;
                    out.push(h << 4 | v);
                }
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        Ok(PdfString {
            bytes: Cow::Owned(out),
            hex: true,
            span: self.string_span(start),
        })
    }

    /// A literal string `( … )` (§7.3.4.2) with balanced parentheses and escapes; an end of line
    /// inside it reads as one line feed.
    fn literal_string(&mut self) -> Result<PdfString<'a>, PdfError> {
        let start = self.pos;
        self.pos += 1;
        let body_start = self.pos;
        let mut depth = 0usize;
        let mut out: Option<Vec<u8>> = None;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.end());
            };
            let len = out.as_ref().map_or(self.pos - body_start, Vec::len);
            self.check_string_len(start, len)?;
            match b {
                b')' if depth == 0 => break,
                b'(' | b')' => {
                    depth = if b == b'(' { depth + 1 } else { depth - 1 };
                    if let Some(o) = out.as_mut() {
                        o.push(b);
                    }
                    self.pos += 1;
                }
                b'\\' | b'\r' => {
                    let o = out.get_or_insert_with(|| self.buf[body_start..self.pos].to_vec());
                    self.pos += 1;
                    if b == b'\r' {
                        if self.peek() == Some(b'\n') {
                            self.pos += 1;
                        }
                        o.push(b'\n');
                        continue;
                    }
                    let Some(e) = self.buf.get(self.pos).copied() else {
                        return Err(PdfError::UnexpectedEnd { offset: self.pos });
                    };
                    self.pos += 1;
                    match e {
                        b'n' => o.push(b'\n'),
                        b'r' => o.push(b'\r'),
                        b't' => o.push(b'\t'),
                        b'b' => o.push(0x08),
                        b'f' => o.push(0x0C),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            // High-order overflow is ignored (§7.3.4.2).
                            o.push((v & 0xFF) as u8);
                        }
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        // `\(`, `\)`, `\\`, and any other character stands for itself.
                        other => o.push(other),
                    }
                }
                _ => {
                    if let Some(o) = out.as_mut() {
                        o.push(b);
                    }
                    self.pos += 1;
                }
            }
        }
        let body_end = self.pos;
        self.pos += 1;
        let bytes = match out {
            Some(o) => Cow::Owned(o),
            None => Cow::Borrowed(&self.buf[body_start..body_end]),
        };
        Ok(PdfString {
            bytes,
            hex: false,
            span: self.string_span(start),
        })
    }

    /// The header `num gen obj` at the cursor.
    pub(crate) fn obj_header(&mut self) -> Result<ObjRef, PdfError> {
        let at = self.pos;
        let num = self.unsigned()?;
        let generation = self.unsigned()?;
        if !self.eat_keyword(b"obj") {
            return Err(PdfError::Syntax {
                offset: at,
                what: "expected `num gen obj`",
            });
        }
        Ok(ObjRef {
            num: u32::try_from(num).map_err(|_| PdfError::NumberRange { offset: at })?,
            generation: u16::try_from(generation)
                .map_err(|_| PdfError::NumberRange { offset: at })?,
        })
    }

    /// The body of an indirect object after its header: an object, and when it is a dictionary
    /// followed by `stream`, the stream's data of `/Length` bytes (resolved by `length` when it
    /// is indirect; `None` refuses an indirect length) followed by `endstream` (§7.3.8.1).
    pub(crate) fn indirect_body(
        &mut self,
        length: Option<LengthResolver<'_>>,
    ) -> Result<Object<'a>, PdfError> {
        let obj = self.object()?;
        let Object::Dict(dict) = obj else {
            return Ok(obj);
        };
        let save = self.pos;
        if !self.eat_keyword(b"stream") {
            self.pos = save;
            return Ok(Object::Dict(dict));
        }
        // The keyword is followed by CRLF or LF (a lone CR is tolerated: it cannot hide bytes).
        match (self.peek(), self.buf.get(self.pos + 1)) {
            (Some(b'\r'), Some(b'\n')) => self.pos += 2,
            (Some(b'\n' | b'\r'), _) => self.pos += 1,
            _ => return Err(self.syntax("expected an end of line after `stream`")),
        }
        let data_offset = self.pos;
        let len = match dict.get("Length") {
            Some(Object::Int(n)) => *n,
            Some(Object::Ref(r)) => match length {
                Some(resolve) => resolve(*r)?,
                None => {
                    return Err(PdfError::StreamLength {
                        offset: data_offset,
                    })
                }
            },
            _ => {
                return Err(PdfError::StreamLength {
                    offset: data_offset,
                })
            }
        };
        let len = usize::try_from(len).map_err(|_| PdfError::StreamLength {
            offset: data_offset,
        })?;
        if len > MAX_STREAM_BYTES {
            return Err(PdfError::StreamTooLong {
                offset: data_offset,
                limit: MAX_STREAM_BYTES,
            });
        }
        let end = data_offset
            .checked_add(len)
            .filter(|&e| e <= self.buf.len())
            .ok_or(PdfError::StreamLength {
                offset: data_offset,
            })?;
        self.pos = end;
        if !self.eat_keyword(b"endstream") {
            return Err(PdfError::StreamLength {
                offset: data_offset,
            });
        }
        Ok(Object::Stream(Stream {
            dict,
            data: &self.buf[data_offset..end],
            data_offset,
        }))
    }
}

/// A number token's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    Int(i64),
    Real(f64),
    Overflow,
}

/// Parses a numeric token (§7.3.3): `[+-]digits` is an integer, with one `.` a real; `None` if
/// the token is not a number.
pub(crate) fn parse_number(word: &[u8]) -> Option<Number> {
    let (neg, digits) = match word.first()? {
        b'-' => (true, &word[1..]),
        b'+' => (false, &word[1..]),
        _ => (false, word),
    };
    let dots = digits.iter().filter(|&&b| b == b'.').count();
    let valid = !digits.is_empty()
        && dots <= 1
        && digits.iter().any(u8::is_ascii_digit)
        && digits.iter().all(|&b| b.is_ascii_digit() || b == b'.');
    if !valid {
        return None;
    }
    if dots == 0 {
        let mut v: i64 = 0;
        for &d in digits {
            let d = i64::from(d - b'0');
            let next = v.checked_mul(10).and_then(|v| {
                if neg {
                    v.checked_sub(d)
                } else {
                    v.checked_add(d)
                }
            });
            match next {
                Some(n) => v = n,
                None => return Some(Number::Overflow),
            }
        }
        return Some(Number::Int(v));
    }
    // Only digits and one dot remain: ASCII, and a form f64's parser accepts.
    let text = std::str::from_utf8(digits).ok()?;
    let v: f64 = text.parse().ok()?;
    Some(Number::Real(if neg { -v } else { v }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(s: &str) -> Result<Object<'_>, PdfError> {
        Lexer::new(s.as_bytes(), 0, true).object()
    }

    #[test]
    fn scalars() {
        assert_eq!(parse("null"), Ok(Object::Null));
        assert_eq!(parse(" true"), Ok(Object::Bool(true)));
        assert_eq!(parse("%c\nfalse"), Ok(Object::Bool(false)));
        assert_eq!(parse("-17"), Ok(Object::Int(-17)));
        assert_eq!(parse("+4."), Ok(Object::Real(4.0)));
        assert_eq!(parse("-.5"), Ok(Object::Real(-0.5)));
        assert_eq!(
            parse("12 0 R"),
            Ok(Object::Ref(ObjRef {
                num: 12,
                generation: 0
            }))
        );
        assert!(matches!(parse("1--2"), Err(PdfError::Syntax { .. })));
        assert!(matches!(
            parse("99999999999999999999"),
            Err(PdfError::NumberRange { .. })
        ));
        assert!(matches!(parse("endobj"), Err(PdfError::Syntax { .. })));
    }

    #[test]
    fn an_integer_followed_by_an_integer_is_not_a_reference_without_r() {
        let mut lx = Lexer::new(b"[1 2 3 0 R]", 0, true);
        let Ok(Object::Array(items)) = lx.object() else {
            panic!("not an array")
        };
        assert_eq!(items.len(), 3);
        assert_eq!(items[0], Object::Int(1));
        assert!(matches!(items[2], Object::Ref(ObjRef { num: 3, .. })));
    }

    #[test]
    fn strings_and_names() {
        let Ok(Object::String(s)) = parse("(a\\(b\\)c\\101\\\nd(e)\r\n)") else {
            panic!("not a string")
        };
        assert_eq!(&*s.bytes, b"a(b)cAd(e)\n");
        assert_eq!(s.span, Some(0..21));
        let Ok(Object::String(s)) = parse("(plain)") else {
            panic!("not a string")
        };
        assert!(matches!(s.bytes, Cow::Borrowed(b"plain")));
        let Ok(Object::String(h)) = parse("<48 65 6C6C 6F7>") else {
            panic!("not a hex string")
        };
        assert_eq!(&*h.bytes, b"Hellop");
        assert!(h.hex);
        assert_eq!(h.span, Some(0..16));
        assert!(matches!(parse("<4G>"), Err(PdfError::Syntax { .. })));
        let Ok(Object::Name(n)) = parse("/A#20B#2") else {
            panic!("not a name")
        };
        assert_eq!(&*n.0, b"A B#2");
    }

    #[test]
    fn dictionaries_nest_up_to_the_limit() {
        let Ok(Object::Dict(d)) = parse("<</Type/Sig/ByteRange[0 10 20 30]/V<</P 2>>>>") else {
            panic!("not a dict")
        };
        assert!(d.has_name("Type", "Sig"));
        assert_eq!(
            d.get("ByteRange")
                .and_then(Object::as_array)
                .map(<[_]>::len),
            Some(4)
        );
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep), Err(PdfError::TooDeep { limit: MAX_DEPTH }));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        assert!(matches!(parse("<</A 1 2>>"), Err(PdfError::Syntax { .. })));
    }

    #[test]
    fn too_many_values_in_one_object() {
        let big = format!("[{}]", "0 ".repeat(MAX_OBJECT_NODES + 1));
        assert_eq!(
            parse(&big),
            Err(PdfError::TooManyValues {
                limit: MAX_OBJECT_NODES
            })
        );
    }

    #[test]
    fn streams_with_direct_and_indirect_length() {
        let src = b"<</Length 5>>stream\r\nhello\nendstream";
        let mut lx = Lexer::new(src, 0, true);
        let Ok(Object::Stream(s)) = lx.indirect_body(None) else {
            panic!("not a stream")
        };
        assert_eq!(s.data, b"hello");
        assert_eq!(s.data_offset, 21);
        let src = b"<</Length 9 0 R>>stream\nhello\nendstream";
        let five = |_: ObjRef| Ok(5);
        let mut lx = Lexer::new(src, 0, true);
        assert!(matches!(
            lx.indirect_body(Some(&five)),
            Ok(Object::Stream(_))
        ));
        let mut lx = Lexer::new(src, 0, true);
        assert!(matches!(
            lx.indirect_body(None),
            Err(PdfError::StreamLength { .. })
        ));
        let four = |_: ObjRef| Ok(4);
        let mut lx = Lexer::new(src, 0, true);
        assert!(matches!(
            lx.indirect_body(Some(&four)),
            Err(PdfError::StreamLength { .. })
        ));
    }

    proptest! {
        #[test]
        fn integers_round_trip(i in any::<i64>()) {
            prop_assert_eq!(parse_number(i.to_string().as_bytes()), Some(Number::Int(i)));
        }

        #[test]
        fn reals_parse_as_written(i in -1_000_000i64..1_000_000, frac in 0u32..1000) {
            let text = format!("{i}.{frac:03}");
            let Some(Number::Real(r)) = parse_number(text.as_bytes()) else {
                return Err(TestCaseError::fail("not a real"));
            };
            let expected: f64 = text.parse().unwrap_or(f64::NAN);
            prop_assert!((r - expected).abs() < 1e-9);
        }

        #[test]
        fn any_bytes_give_an_object_or_a_typed_error(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let mut lx = Lexer::new(&bytes, 0, true);
            let before = lx.pos;
            if lx.object().is_ok() {
                prop_assert!(lx.pos > before && lx.pos <= bytes.len());
            }
        }
    }
}
