//! Where in a JSON text a document stops having the shape of its type: the RFC 6901 pointer of
//! the value serde_json was reading when it reported a data error (`input.json_shape`).
//!
//! serde_json reports the line and column where it stopped: just after the value it could not
//! take (a string, a number, a closed object that lacks a field), at the first character of a
//! value of the wrong kind, or just after an unknown key. [`pointer_at`] walks the text up to
//! that position, one token at a time, keeping the keys and indices of the values it is inside,
//! so that the pointer is the value's. It reads each document once only when it fails, and is
//! not generic: tracking the path while deserializing (a wrapper around every value of every
//! type, as the `serde_path_to_error` crate does) costs a second copy of every type's reading
//! code, a quarter of the WebAssembly module's code, and a fifth of the time of a log's replay.

use crate::finding::pointer;

/// Where the walk is: inside an object (with the key whose value it is in, if any) or an array
/// (at the index of the value it is in).
enum Frame {
    Object(Option<String>),
    Array(usize),
}

/// The byte offset of `line` (from 1) and `column` (bytes from the start of the line), as
/// serde_json counts them; the end of the text when past it.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start = match line.checked_sub(2) {
        None => 0,
        Some(newlines) => text
            .match_indices('\n')
            .nth(newlines)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    start.saturating_add(column).min(text.len())
}

/// The index just after the string that opens at `start` (a `"`), escapes skipped; the end of
/// the text when it is not closed.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The RFC 6901 pointer of the value being read at `line` and `column` of `text` (serde_json's
/// position of a data error): the keys and indices of the values the position is inside, and
/// the key just read when the position follows a key.
pub(crate) fn pointer_at(text: &str, line: usize, column: usize) -> String {
    let end = offset(text, line, column);
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let Some(&b) = bytes.get(i).filter(|_| i < end) else {
            break;
        };
        match b {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b'"' => {
                let close = string_end(bytes, i);
                if let Some(Frame::Object(key @ None)) = stack.last_mut() {
                    let quoted = text.get(i..close).unwrap_or_default();
                    // A key that serde_json has read is a valid string.
                    *key = Some(serde_json::from_str(quoted).unwrap_or_default());
                }
                i = close;
                continue;
            }
            // `:`, and the characters of numbers, `true`, `false` and `null`.
            _ => {}
        }
        i += 1;
    }
    stack.iter().fold(String::new(), |acc, frame| match frame {
        Frame::Object(Some(key)) => pointer(&acc, key),
        Frame::Object(None) => acc,
        Frame::Array(index) => pointer(&acc, &index.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pointer serde_json's data error on `text` as a `T` names.
    fn at<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err();
        assert!(e.is_data(), "{e}");
        pointer_at(text, e.line(), e.column())
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        n: u8,
        s: Option<String>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        list: Vec<Inner>,
        #[serde(default)]
        one: Option<Inner>,
    }

    #[test]
    fn the_value_read_when_the_error_came() {
        assert_eq!(at::<Outer>(r#"{"list":[{"n":1},{"n":300}]}"#), "/list/1/n");
        assert_eq!(at::<Outer>(r#"{"list":[{"n":1},{"s":"x"}]}"#), "/list/1");
        assert_eq!(
            at::<Outer>(r#"{"list":[{"n":1,"a/b~":2}]}"#),
            "/list/0/a~1b~0"
        );
        assert_eq!(at::<Outer>(r#"{"list":[{"n":1, "s" : {}}]}"#), "/list/0/s");
        assert_eq!(at::<Outer>(r#"{"list":[ {"n":"1"}]}"#), "/list/0/n");
        assert_eq!(at::<Outer>(r#"{"list":[ 7 ]}"#), "/list/0");
        assert_eq!(at::<Outer>(r#"{"list":{}}"#), "/list");
        assert_eq!(at::<Outer>(r#"{"one":{"n":1}}"#), "");
        assert_eq!(
            at::<Outer>("{\"list\":[],\n \"one\":\n{\"n\":\n-1}}"),
            "/one/n"
        );
        assert_eq!(
            at::<Outer>(r#"{"list":[],"o\u006ee":{"n":2,"s":5}}"#),
            "/one/s"
        );
        assert_eq!(
            at::<Outer>(r#"{"list":[{"n":1,"s":"a\"}"},{"n":1,"s":"\\"},"x"]}"#),
            "/list/2"
        );
    }

    #[test]
    fn any_position_of_any_text_gives_a_pointer() {
        for text in [
            "",
            "{",
            "[[",
            r#"{"a"#,
            r#"{"a\"#,
            "]]}}",
            r#"{"a":[1,"#,
            "\"\\",
        ] {
            for line in 0..3 {
                for column in 0..8 {
                    pointer_at(text, line, column);
                }
            }
        }
        assert_eq!(pointer_at(r#"{"a":[1,2,"#, 1, 99), "/a/2");
    }
}
