//! What the test files that read text output share: the binary's exit code and output as text,
//! and `--json` output as JSON values. Included with `#[path]` next to `mod common`.

use serde_json::Value;

use crate::common;

/// Runs `motcua --today 2026-11-23 args…` with `stdin` as standard input; returns the exit code,
/// standard output and standard error.
pub(crate) fn motcua(args: &[&str], stdin: &str) -> (i32, String, String) {
    let o = common::run_on("2026-11-23", args, stdin.as_bytes());
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (
        o.status.code().expect("motcua exits normally"),
        text(o.stdout),
        text(o.stderr),
    )
}

/// The JSON objects printed one per line.
pub(crate) fn json_lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line: {l:?}: {e}")))
        .collect()
}
