//! Values given on the command line or read from standard input, one per line, with a bounded
//! line length.
//!
//! Lines are streamed: memory use is bounded by [`MAX_LINE_BYTES`] whatever the input size. A
//! line ends with LF or CRLF; a UTF-8 byte order mark before the first line is dropped; lines
//! holding only white space are skipped.

use std::io::{self, BufRead, IsTerminal, Write};

use crate::failure::Failure;
use crate::status::Status;
use crate::Context;

/// The value that stands for "one value per line from standard input".
const FROM_STDIN: &str = "-";

/// Calls `each` on every value of `values`, and on every non-blank line of standard input in
/// place of a `-`, streaming; returns the highest status. A line that is too long or not UTF-8
/// is reported and skipped, and the run then ends with status 2; `-` given twice is an error.
pub(crate) fn each_value<W: Write>(
    values: &[String],
    cx: &Context,
    out: &mut W,
    mut each: impl FnMut(&str, &mut W) -> io::Result<Status>,
) -> io::Result<Status> {
    if values.iter().filter(|v| *v == FROM_STDIN).count() > 1 {
        return Ok(cx.fail(out, &Failure::StdinTwice));
    }
    let mut status = Status::Valid;
    for value in values {
        let outcome = if value == FROM_STDIN {
            stdin(cx, out, &mut each)?
        } else {
            each(value, out)?
        };
        status = status.max(outcome);
    }
    Ok(status)
}

/// Calls `each` on each non-blank line of standard input.
fn stdin<W: Write>(
    cx: &Context,
    out: &mut W,
    each: &mut impl FnMut(&str, &mut W) -> io::Result<Status>,
) -> io::Result<Status> {
    let stdin = io::stdin();
    // Someone typing values expects each answer at once; a pipe gets buffered output.
    let interactive = stdin.is_terminal() || io::stdout().is_terminal();
    let mut status = Status::Valid;
    for line in Lines::new(stdin.lock()) {
        let outcome = match line {
            Ok((_, Line::Value(value))) => each(&value, out)?,
            Ok((line, Line::TooLong)) => cx.fail(out, &Failure::LineTooLong { line }),
            Ok((line, Line::NotUtf8)) => cx.fail(out, &Failure::LineNotUtf8 { line }),
            Err(e) => return Ok(cx.fail(out, &Failure::Stdin(e))),
        };
        status = status.max(outcome);
        if interactive {
            out.flush()?;
        }
    }
    Ok(status)
}

/// The longest line accepted, in bytes, not counting the line ending. Identifiers are a few
/// dozen characters; a longer line is not a value but a wrong input.
pub(crate) const MAX_LINE_BYTES: usize = 1024;

const BOM: &str = "\u{feff}";

/// One non-blank line of input.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// The text of the line, without its line ending.
    Value(String),
    /// The line is longer than [`MAX_LINE_BYTES`]; its bytes were skipped.
    TooLong,
    /// The line is not UTF-8 text.
    NotUtf8,
}

/// Iterator over the non-blank lines of a reader, each with its 1-based line number.
#[derive(Debug)]
pub(crate) struct Lines<R> {
    reader: R,
    number: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`.
    pub(crate) fn new(reader: R) -> Self {
        Self {
            reader,
            number: 0,
            buf: Vec::new(),
        }
    }

    /// Reads one raw line into `self.buf`; `Ok(None)` at the end of input, `Ok(Some(false))`
    /// when the line was longer than the limit (and was skipped).
    fn read_raw(&mut self) -> io::Result<Option<bool>> {
        self.buf.clear();
        let mut fits = true;
        let mut read_any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(read_any.then_some(fits));
            }
            read_any = true;
            let (chunk, ends_line) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (&available[..i], true),
                None => (available, false),
            };
            // One byte of slack for the CR of a CRLF ending.
            if fits && self.buf.len() + chunk.len() <= MAX_LINE_BYTES + 1 {
                self.buf.extend_from_slice(chunk);
            } else {
                fits = false;
                self.buf.clear();
            }
            let used = chunk.len() + usize::from(ends_line);
            self.reader.consume(used);
            if ends_line {
                return Ok(Some(fits));
            }
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<(usize, Line)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let fits = match self.read_raw() {
                Ok(Some(fits)) => fits,
                Ok(None) => return None,
                Err(e) => return Some(Err(e)),
            };
            self.number += 1;
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
            let line = if !fits || self.buf.len() > MAX_LINE_BYTES {
                Line::TooLong
            } else {
                match std::str::from_utf8(&self.buf) {
                    Ok(text) => {
                        let text = if self.number == 1 {
                            text.strip_prefix(BOM).unwrap_or(text)
                        } else {
                            text
                        };
                        if text.trim().is_empty() {
                            continue;
                        }
                        Line::Value(text.to_owned())
                    }
                    Err(_) => Line::NotUtf8,
                }
            };
            return Some(Ok((self.number, line)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<(usize, Line)> {
        // A tiny buffer exercises lines split across reads.
        let reader = io::BufReader::with_capacity(3, input);
        Lines::new(reader).map(|l| l.unwrap()).collect()
    }

    fn value(s: &str) -> Line {
        Line::Value(s.to_owned())
    }

    #[test]
    fn splits_on_lf_and_crlf_and_skips_blank_lines() {
        let got = lines(b"\xef\xbb\xbfone\r\ntwo\n\n  \r\n\tthree \nlast");
        assert_eq!(
            got,
            vec![
                (1, value("one")),
                (2, value("two")),
                (5, value("\tthree ")),
                (6, value("last"))
            ]
        );
    }

    #[test]
    fn empty_input_has_no_lines() {
        assert!(lines(b"").is_empty());
        assert!(lines(b"\n\r\n").is_empty());
    }

    #[test]
    fn long_lines_are_skipped_and_reported() {
        let mut input = vec![b'1'; MAX_LINE_BYTES];
        input.extend_from_slice(b"\r\n");
        input.extend(vec![b'2'; MAX_LINE_BYTES + 1]);
        input.extend_from_slice(b"\nok\n");
        input.extend(vec![b'3'; 10 * MAX_LINE_BYTES]);
        let got = lines(&input);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], (1, Line::Value("1".repeat(MAX_LINE_BYTES))));
        assert_eq!(got[1], (2, Line::TooLong));
        assert_eq!(got[2], (3, value("ok")));
        assert_eq!(got[3], (4, Line::TooLong));
    }

    #[test]
    fn invalid_utf8_is_reported_per_line() {
        let got = lines(b"a\n\xff\xfe\nb");
        assert_eq!(
            got,
            vec![(1, value("a")), (2, Line::NotUtf8), (3, value("b"))]
        );
    }
}
