//! What the end-to-end test files share: running the `motcua` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `motcua --today today args…` with `stdin` as standard input.
pub(crate) fn run_on(today: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .arg("--today")
        .arg(today)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the motcua binary starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    // Write from another thread: the child may fill its stdout pipe before reading all of stdin.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("motcua runs");
    writer.join().expect("the stdin writer finishes");
    output
}
