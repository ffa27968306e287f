//! What the end-to-end test files share: running the `motcua` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The environment variables that change colouring, removed from every run so that a
/// developer's `CLICOLOR_FORCE=1` cannot change what a test sees; a test sets the ones it needs.
/// `CI` is one: on a terminal, a CI run gets colours even with `TERM=dumb`.
const COLOUR_VARIABLES: [&str; 4] = ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "CI"];

/// `motcua --today today args…`, not started, without the colour variables of the environment.
pub(crate) fn command(today: &str, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_motcua"));
    command.arg("--today").arg(today).args(args);
    without_colour_variables(&mut command);
    command
}

/// Removes the colour variables from the environment of `command`.
pub(crate) fn without_colour_variables(command: &mut Command) {
    for variable in COLOUR_VARIABLES {
        command.env_remove(variable);
    }
}

/// Runs `motcua --today today args…` with `stdin` as standard input.
#[allow(dead_code)] // A test binary may build its commands with `command` alone.
pub(crate) fn run_on(today: &str, args: &[&str], stdin: &[u8]) -> Output {
    run(command(today, args), stdin)
}

/// Runs `command` with `stdin` as standard input and its output piped.
pub(crate) fn run(mut command: Command, stdin: &[u8]) -> Output {
    let mut child = command
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
