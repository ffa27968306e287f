//! `--json` output: one JSON value per line, in the shape of the core's own types.

use std::io::{self, Write};

use serde::Serialize;

/// Prints `value` as one line of JSON.
pub(crate) fn line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}
