//! Rust values as plain JavaScript objects, and as JSON text for JavaScript.

use std::io;

use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as the plain JavaScript object `JSON.parse` gives for its serde JSON form: the very
/// JSON text Rust, C and the CLI write (`None` as `null`, maps as plain objects), parsed by the
/// engine.
///
/// One string crossing the boundary and the engine's own `JSON.parse` build a large result (a
/// replay of thousands of events) about a third faster than setting each property from
/// WebAssembly (serde-wasm-bindgen), and take less code.
pub(crate) fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&to_json(value)?)
}

/// `value`'s serde JSON form as text for JavaScript: JSON-equal to the text Rust, C and the
/// CLI write, with every character outside ASCII written as a `\u` escape (RFC 8259 §7, two
/// escapes for a character beyond U+FFFF).
///
/// Why ASCII: a string returned by WebAssembly is decoded from UTF-8 by the engine
/// (`TextDecoder`), which takes about three times as long for text holding Vietnamese letters
/// (every article cited is "…/NĐ-CP") as for ASCII, and the engine keeps ASCII as one byte per
/// character, which `JSON.parse` reads faster (benches/README.md).
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsValue> {
    let mut out = Output(Vec::new());
    serde_json::to_writer(&mut out, value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    // serde_json writes UTF-8; read lossily all the same rather than trusting it.
    let text = String::from_utf8(out.0)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(ascii(text))
}

/// `text` (JSON) with every character outside ASCII written as `\uXXXX` escapes of its UTF-16
/// code units. JSON holds such characters only inside strings, so the text means the same.
/// One pass over the whole text, 32 bytes at a time, costs less than checking each string
/// serde_json writes, or decoding every character.
fn ascii(text: String) -> String {
    let Some(mut at) = non_ascii(&text, 0) else {
        return text;
    };
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut start = 0;
    loop {
        out.push_str(text.get(start..at).unwrap_or_default());
        // `at` starts a character: the first byte of a character that is not ASCII.
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        for unit in c.encode_utf16(&mut [0; 2]).iter() {
            escape_unit(&mut out, *unit);
        }
        start = at + c.len_utf8();
        match non_ascii(&text, start) {
            Some(next) => at = next,
            None => break,
        }
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out
}

/// Where the first byte that is not ASCII lies in `text` from `from` on.
fn non_ascii(text: &str, from: usize) -> Option<usize> {
    const CHUNK: usize = 32;
    let rest = text.as_bytes().get(from..)?;
    let mut offset = from;
    for chunk in rest.chunks(CHUNK) {
        if !chunk.is_ascii() {
            return chunk.iter().position(|b| !b.is_ascii()).map(|p| offset + p);
        }
        offset += chunk.len();
    }
    None
}

/// Appends `\uXXXX` (lowercase hexadecimal, as serde_json writes control characters).
fn escape_unit(out: &mut String, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(char::from(HEX[usize::from((unit >> shift) & 0xf)]));
    }
}

/// The JSON text being written. Most pieces serde_json writes are a few bytes (punctuation, a
/// key, the digits of a number); pushed one by one they cost less than the bulk copy
/// (`memory.copy`) a slice copy compiles to, whose call a WebAssembly engine makes out of line.
struct Output(Vec<u8>);

/// Pieces up to this length are pushed byte by byte.
const SHORT: usize = 16;

impl io::Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        if buf.len() <= SHORT {
            for &byte in buf {
                self.0.push(byte);
            }
        } else {
            self.0.extend_from_slice(buf);
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
