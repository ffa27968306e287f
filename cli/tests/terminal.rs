//! End-to-end tests of what `motcua` does for a person at a terminal: colours (`--color`,
//! `NO_COLOR`) and none when piped. The terminal is a real pseudo-terminal made by util-linux
//! `script` (Debian's essential package bsdutils; scripts/setup installs it where it is missing).

mod common;
#[path = "common/examples.rs"]
mod examples;

use std::process::{Command, Output, Stdio};

use common::{command, run, without_colour_variables};
use examples::{AT, DECISION, EVENTS, OVERLAID, ROOT, STATUSES};

const TODAY: &str = "2026-11-23";
const ESC: char = '\u{1b}';
const GREEN: &str = "\u{1b}[32m";
const RED: &str = "\u{1b}[31m";
const YELLOW: &str = "\u{1b}[33m";
const BOLD_RED: &str = "\u{1b}[1m\u{1b}[31m";

/// A valid and an invalid tax code: a green and a red verdict.
const IDS: [&str; 4] = ["id", "tax-code", "0100233488", "0100233480"];

/// Commands whose text output holds verdicts: passing, failing, with warnings.
fn verdict_commands() -> Vec<Vec<&'static str>> {
    vec![
        IDS.to_vec(),
        // Three months after signing, the CRLs the examples carry are out of date: accepting an
        // unknown revocation status, the decision passes with warnings (printed in yellow).
        vec![
            "verify",
            DECISION,
            OVERLAID,
            "--trust",
            ROOT,
            "--at",
            "2026-06-05T02:30:15Z",
            "--revocation",
            "accept-unknown",
        ],
        vec!["lifecycle", "replay", EVENTS],
        vec!["lifecycle", "status", STATUSES],
    ]
}

fn piped(args: &[&str]) -> Output {
    run(command(TODAY, args), b"")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A word quoted for the shell.
fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// Runs `motcua --today TODAY args… redirect` in a pseudo-terminal (stdin, stdout and stderr on
/// it, but what `redirect`, shell syntax, sends elsewhere), with the colour variables removed,
/// then `env` set; returns the exit code and what the terminal showed.
fn in_terminal_with(args: &[&str], env: &[(&str, &str)], redirect: &str) -> (i32, String) {
    let mut line: Vec<String> = [env!("CARGO_BIN_EXE_motcua"), "--today", TODAY]
        .iter()
        .chain(args)
        .map(|a| quote(a))
        .collect();
    line.push(redirect.to_owned());
    let mut script = Command::new("script");
    // -q: no start and end banners; -e: exit with the command's status; -c: the command.
    script.args(["-qec", &line.join(" "), "/dev/null"]);
    without_colour_variables(&mut script);
    script
        .env("TERM", "xterm-256color")
        .envs(env.iter().copied());
    let o = script
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("util-linux `script` runs (scripts/setup installs bsdutils)");
    assert!(o.stderr.is_empty(), "script: {}", text(&o.stderr));
    (o.status.code().expect("script exits"), text(&o.stdout))
}

/// [`in_terminal_with`] with nothing redirected.
fn in_terminal(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    in_terminal_with(args, env, "")
}

/// A path in this test binary's scratch directory.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("motcua-terminal-tests");
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir.join(name)
}

/// `motcua verify` of the passing example `n` times.
fn verify_many(n: usize) -> Vec<&'static str> {
    let mut args = vec!["verify"];
    args.extend(std::iter::repeat_n(DECISION, n));
    args.extend(["--trust", ROOT, "--at", AT]);
    args
}

#[test]
fn piped_output_has_no_escape_codes() {
    let mut commands = verdict_commands();
    // Messages on standard error, and clap's usage errors and help.
    commands.push(vec!["verify", "/no/such/file.pdf"]);
    commands.push(vec!["id", "no-such-kind", "1"]);
    commands.push(vec!["--help"]);
    commands.push(vec!["verify", "--help"]);
    for args in commands {
        let o = piped(&args);
        for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
            let shown = text(bytes);
            assert!(!shown.contains(ESC), "{args:?} {stream}: {shown:?}");
        }
        assert!(!o.stdout.is_empty() || !o.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn color_always_paints_verdicts_and_messages_into_a_pipe() {
    let o = piped(&[&["--color", "always"], &IDS[..]].concat());
    let out = text(&o.stdout);
    assert!(out.contains(&format!("{GREEN}✓")), "{out:?}");
    assert!(out.contains(&format!("{RED}✗")), "{out:?}");

    let verify = verdict_commands()[1].clone();
    let o = piped(&[&["--color", "always"], &verify[..]].concat());
    let out = text(&o.stdout);
    assert!(out.contains(&format!("{GREEN}TOTAL_PASSED")), "{out:?}");
    assert!(out.contains(&format!("{RED}TOTAL_FAILED")), "{out:?}");
    assert!(out.contains(YELLOW), "warnings in yellow: {out:?}");

    let o = piped(&["--color=always", "verify", "/no/such/file.pdf"]);
    let err = text(&o.stderr);
    assert!(
        err.starts_with(&format!("{BOLD_RED}motcua: lỗi")),
        "{err:?}"
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn json_has_no_escape_codes_even_with_color_always() {
    let o = piped(&[&["--color", "always"], &IDS[..], &["--json"]].concat());
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(!out.contains(ESC), "{out:?}");
}

#[test]
fn a_terminal_gets_colours_unless_no_color_or_color_never() {
    let (code, shown) = in_terminal(&IDS, &[]);
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains(&format!("{GREEN}✓")), "{shown:?}");
    assert!(shown.contains(&format!("{RED}✗")), "{shown:?}");

    for (args, env) in [
        (vec!["--color", "never"], vec![]),
        (vec![], vec![("NO_COLOR", "1")]),
        (vec![], vec![("TERM", "dumb")]),
    ] {
        let (code, shown) = in_terminal(&[&args[..], &IDS[..]].concat(), &env);
        assert_eq!(code, 1, "{shown}");
        assert!(shown.contains("✗ \"0100233480\""), "{shown:?}");
        assert!(!shown.contains(ESC), "{args:?} {env:?}: {shown:?}");
    }

    // clap's help follows --color too, read before clap parses the command line.
    let (_, help) = in_terminal(&["--help"], &[]);
    assert!(help.contains(ESC), "{help:?}");
    let (_, help) = in_terminal(&["--color", "never", "--help"], &[]);
    assert!(!help.contains(ESC), "{help:?}");
    let help = piped(&["--color=always", "verify", "--help"]);
    assert!(text(&help.stdout).contains(ESC));

    // The option given on purpose wins over the environment.
    let (_, shown) = in_terminal(
        &[&["--color", "always"], &IDS[..]].concat(),
        &[("NO_COLOR", "1")],
    );
    assert!(shown.contains(&format!("{RED}✗")), "{shown:?}");
}

#[test]
fn error_messages_on_a_terminal_are_red() {
    let (code, shown) = in_terminal(&["verify", "/no/such/file.pdf"], &[]);
    assert_eq!(code, 2);
    assert!(
        shown.contains(&format!("{BOLD_RED}motcua: lỗi")),
        "{shown:?}"
    );
    let (_, shown) = in_terminal(&["verify", "/no/such/file.pdf"], &[("NO_COLOR", "1")]);
    assert!(!shown.contains(ESC), "{shown:?}");
}

#[test]
fn bulk_work_on_a_terminal_shows_progress_on_stderr_and_the_same_results() {
    let verify = verify_many(4);
    let replay = vec!["lifecycle", "replay", EVENTS];
    let kpi = vec!["lifecycle", "kpi", EVENTS];
    let status = vec!["lifecycle", "status", STATUSES];
    for (args, words) in [
        (&verify, &["đang kiểm tra chữ ký", "/4 ["][..]),
        (&replay, &["đang đọc", "đang phát lại nhật ký"][..]),
        (&kpi, &["đang đọc", "đang phát lại nhật ký"][..]),
        (&status, &["đang đọc", "đang kiểm tra nhật ký"][..]),
    ] {
        let results = scratch("results.txt");
        let redirect = format!("> {}", quote(results.to_str().expect("UTF-8 path")));
        let (code, shown) = in_terminal_with(args, &[], &redirect);
        for word in words {
            assert!(shown.contains(word), "{args:?}: no {word:?} in {shown:?}");
        }
        // The bar is erased at the end: the last thing drawn clears the line.
        assert!(shown.ends_with("\r\u{1b}[2K"), "{args:?}: {shown:?}");
        let o = piped(args);
        assert_eq!(Some(code), o.status.code(), "{args:?}");
        let written = std::fs::read(&results).expect("the results");
        assert_eq!(text(&written), text(&o.stdout), "{args:?}");
        std::fs::remove_file(&results).ok();
    }

    // Results written to the terminal too are whole lines, not cut by the bar.
    let (code, shown) = in_terminal(&verify, &[("NO_COLOR", "1")]);
    assert_eq!(code, 0, "{shown}");
    let passed = "✓ \"".to_owned() + DECISION + "\": đạt — TOTAL_PASSED\r\n";
    assert_eq!(shown.matches(&passed).count(), 4, "{shown:?}");
}

#[test]
fn no_progress_when_stderr_is_piped_or_json_goes_elsewhere() {
    for args in [
        verify_many(4),
        vec!["lifecycle", "replay", EVENTS],
        vec!["lifecycle", "kpi", EVENTS, "--json"],
        vec!["lifecycle", "status", STATUSES],
    ] {
        let o = piped(&args);
        assert!(!o.stdout.is_empty(), "{args:?}");
        assert!(o.stderr.is_empty(), "{args:?}: {}", text(&o.stderr));
    }

    // JSON into a pipe or a file is for a program: nothing on the terminal.
    let json = [&verify_many(4)[..], &["--json"]].concat();
    let results = scratch("results.jsonl");
    let path = quote(results.to_str().expect("UTF-8 path"));
    for redirect in [format!("> {path}"), format!("| cat > {path}")] {
        let (code, shown) = in_terminal_with(&json, &[], &redirect);
        assert_eq!(code, 0);
        assert_eq!(shown, "", "{redirect}");
        let written = std::fs::read(&results).expect("the results");
        assert_eq!(text(&written).lines().count(), 4, "{redirect}");
    }
    std::fs::remove_file(&results).ok();

    // One file is not bulk work.
    let (_, shown) = in_terminal_with(&verify_many(1), &[], "> /dev/null");
    assert_eq!(shown, "");
}
