//! End-to-end tests of the `motcua` binary: exit codes, output shapes, standard input, languages
//! and unreadable inputs.

mod common;
#[path = "common/examples.rs"]
mod examples;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use common::run_on;
use examples::{AT, DECISION, EVENTS, ROOT, STATUSES};

/// A fixed "today", so that date-dependent rules give the same answer every day.
const TODAY: &str = "2026-11-23";

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    run_on(TODAY, args, stdin)
}

fn run(args: &[&str]) -> Output {
    run_with_stdin(args, b"")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("motcua exits normally")
}

/// The JSON objects printed one per line.
fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line: {l:?}: {e}")))
        .collect()
}

/// A file in this test binary's scratch directory holding `content`.
fn scratch(name: &str, content: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("motcua-cli-tests")
        .join(name);
    std::fs::create_dir_all(path.parent().expect("has a parent")).expect("scratch dir");
    std::fs::write(&path, content).expect("scratch file written");
    path
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Runs `motcua dossier validate dossier --procedure procedure extra…`.
fn validate(dossier: &str, procedure: &str, extra: &[&str]) -> Output {
    let mut args = vec!["dossier", "validate", dossier, "--procedure", procedure];
    args.extend(extra);
    run(&args)
}

// ---- motcua id ---------------------------------------------------------------------------

#[test]
fn valid_values_exit_0_with_a_check_mark() {
    let o = run(&["id", "tax-code", "0100233488", "0314409058"]);
    assert_eq!(code(&o), 0, "stderr: {}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 2, "{out}");
    for line in out.lines() {
        assert!(line.starts_with('✓') && line.contains("hợp lệ"), "{line}");
    }
    assert!(stderr(&o).is_empty());
}

#[test]
fn one_invalid_value_exits_1_and_lists_its_findings() {
    let o = run(&["id", "tax-code", "0100233488", "0100233480"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with('✓'), "{out}");
    assert!(
        lines[1].starts_with('✗') && lines[1].contains("không hợp lệ"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("    lỗi tax_code.check_digit: "),
        "{out}"
    );
}

#[test]
fn every_kind_parses_and_an_unknown_kind_is_a_usage_error() {
    for kind in [
        "personal-id",
        "old-id",
        "tax-code",
        "agency-code",
        "procedure-code",
        "dossier-code",
        "phone",
    ] {
        let o = run(&["id", kind, "x"]);
        assert_eq!(code(&o), 1, "{kind}: {}", stderr(&o));
    }
    let o = run(&["id", "passport", "B1234567"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("personal-id"),
        "the error lists the kinds: {}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn json_prints_one_id_check_per_line() {
    let o = run(&["id", "tax-code", "0100233488", "0100233480", "--json"]);
    assert_eq!(code(&o), 1);
    let lines = json_lines(&o);
    assert_eq!(lines.len(), 2);
    for (line, input) in lines.iter().zip(["0100233488", "0100233480"]) {
        assert_eq!(line["kind"], "tax-code");
        assert_eq!(line["input"], input);
        for key in ["valid", "normalized", "errors", "warnings", "info"] {
            assert!(line.get(key).is_some(), "{key} missing in {line}");
        }
    }
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[0]["normalized"], "0100233488");
    assert!(lines[0]["info"].is_object(), "{}", lines[0]);
    assert_eq!(lines[1]["valid"], false);
    assert!(lines[1]["normalized"].is_null());
    let finding = &lines[1]["errors"][0];
    assert_eq!(finding["code"], "tax_code.check_digit");
    assert_eq!(finding["path"], "");
    assert!(finding["vi"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(finding["en"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn lang_en_prints_english() {
    let o = run(&["--lang", "en", "id", "tax-code", "0100233488", "0100233480"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(
        out.contains(": valid") && out.contains(": invalid"),
        "{out}"
    );
    assert!(out.contains("    error tax_code.check_digit: "), "{out}");
    assert!(!out.contains("hợp lệ") && !out.contains("lỗi"), "{out}");
    // The option is global: it may also follow the subcommand.
    let after = run(&["id", "tax-code", "0100233480", "--lang", "en"]);
    assert_eq!(
        stdout(&after),
        out.lines()
            .skip(1)
            .map(|l| format!("{l}\n"))
            .collect::<String>()
    );
}

#[test]
fn today_decides_date_rules() {
    // Born in 2026 (century code 2, year 26): valid from 2026 on, not before.
    let value = "001226012345";
    let now = run(&["id", "personal-id", value, "--json"]);
    assert_eq!(code(&now), 0, "{}", stdout(&now));
    let before = run_on("2025-06-30", &["id", "personal-id", value, "--json"], b"");
    assert_eq!(code(&before), 1);
    assert_eq!(
        json_lines(&before)[0]["errors"][0]["code"],
        "personal_id.birth_year_future"
    );
    let bad = run_on("2025-02-30", &["id", "personal-id", value], b"");
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("--today"), "{}", stderr(&bad));
    // Without --today the CLI reads the clock; a 2026 birth year is in the past by now.
    let clock = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(["id", "personal-id", value])
        .output();
    assert_eq!(clock.map(|o| code(&o)).ok(), Some(0));
}

#[test]
fn stdin_values_are_streamed_line_by_line() {
    let input = b"0100233488\r\n\r\n   \n0100233480\n0314409058";
    let o = run_with_stdin(&["id", "tax-code", "-", "--json"], input);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let inputs: Vec<Value> = json_lines(&o).iter().map(|l| l["input"].clone()).collect();
    assert_eq!(inputs, ["0100233488", "0100233480", "0314409058"]);

    let all_valid = run_with_stdin(&["id", "tax-code", "0100233488", "-"], b"0314409058\n");
    assert_eq!(code(&all_valid), 0);
    assert_eq!(stdout(&all_valid).lines().count(), 2);
}

#[test]
fn a_large_stdin_is_checked_to_the_end() {
    let input = "0100233488\n".repeat(50_000);
    let o = run_with_stdin(&["id", "tax-code", "-", "--json"], input.as_bytes());
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o).lines().count(), 50_000);
}

#[test]
fn bad_stdin_lines_are_reported_and_skipped_with_exit_2() {
    let mut input = b"0100233488\n".to_vec();
    input.extend(vec![b'1'; 5000]);
    input.extend(b"\n\xff\xfe\n0314409058\n");
    let o = run_with_stdin(&["id", "tax-code", "-"], &input);
    assert_eq!(code(&o), 2);
    assert_eq!(
        stdout(&o).lines().count(),
        2,
        "the good lines are still checked"
    );
    let err = stderr(&o);
    assert!(
        err.contains("dòng 2") && err.contains("dòng quá dài"),
        "{err}"
    );
    assert!(err.contains("dòng 3") && err.contains("UTF-8"), "{err}");
}

#[test]
fn stdin_may_be_named_only_once() {
    let o = run_with_stdin(&["id", "phone", "-", "-"], b"0912345678\n");
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains('-'));
    assert!(stdout(&o).is_empty());
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["id", "tax-code"][..],
        &["id"],
        &[],
        &["frobnicate"],
        &["dossier", "validate", "x.json"],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(!stderr(&o).is_empty(), "{args:?}");
    }
    let o = run(&["--lang", "fr", "id", "tax-code", "0100233488"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn help_and_version_exit_0() {
    let help = run(&["--help"]);
    assert_eq!(code(&help), 0);
    assert!(stdout(&help).contains("dossier") && stdout(&help).contains("--lang"));
    // motcua and every command it runs: what it does, examples, and what each exit status means.
    for command in std::iter::once(String::new()).chain(leaf_commands()) {
        let args: Vec<&str> = command.split_whitespace().chain(["--help"]).collect();
        let o = run(&args);
        assert_eq!(code(&o), 0, "{command}");
        let help = stdout(&o);
        let examples = help
            .split("\nExamples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{command}: no examples: {help}"));
        assert!(
            examples.starts_with(&format!("  motcua {command}").replace("  motcua  ", "  motcua ")),
            "{command}: {examples}"
        );
        assert!(help.contains("\nExit status:\n  0  "), "{command}: {help}");
        assert!(
            help.contains("\n  2  the command line is wrong"),
            "{command}"
        );
    }
    let kinds = stdout(&run(&["id", "--help"]));
    assert!(
        kinds.contains("personal-id") && kinds.contains("dossier-code"),
        "{kinds}"
    );
    let version = run(&["--version"]);
    assert_eq!(code(&version), 0);
    assert_eq!(
        stdout(&version).trim(),
        format!("motcua {}", env!("CARGO_PKG_VERSION"))
    );
}

/// Every command that does something (has no subcommands of its own), as the words after
/// `motcua`, read from the "Commands:" list of each command's help.
fn leaf_commands() -> Vec<String> {
    fn walk(path: &[&str], leaves: &mut Vec<String>) {
        let help = stdout(&run(&[path, &["--help"]].concat()));
        let listed: Vec<String> = help
            .split("\nCommands:\n")
            .nth(1)
            .map(|list| {
                list.lines()
                    .take_while(|l| !l.trim().is_empty())
                    // A command's own line is indented by two; its wrapped help by more.
                    .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
                    .filter_map(|l| l.split_whitespace().next())
                    .filter(|name| *name != "help")
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        if listed.is_empty() {
            leaves.push(path.join(" "));
        }
        for name in &listed {
            walk(&[path, &[name.as_str()]].concat(), leaves);
        }
    }
    let mut leaves = Vec::new();
    walk(&[], &mut leaves);
    leaves.sort();
    leaves
}

#[test]
fn every_command_that_prints_a_result_prints_json() {
    let dossier = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/dossier-birth-registration-valid.json"
    );
    let procedure = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/procedure-birth-registration.json"
    );
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("id", vec!["id", "tax-code", "0100233488"]),
        (
            "dossier validate",
            vec!["dossier", "validate", dossier, "--procedure", procedure],
        ),
        ("calendar lunar", vec!["calendar", "lunar", "2026-02-14"]),
        (
            "calendar solar",
            vec!["calendar", "solar", "2025-06-01", "--leap"],
        ),
        ("calendar holidays", vec!["calendar", "holidays", "2026"]),
        (
            "calendar due",
            vec![
                "calendar",
                "due",
                "--received",
                "2025-04-25T09:00:00+07:00",
                "--days",
                "3",
            ],
        ),
        ("lifecycle replay", vec!["lifecycle", "replay", EVENTS]),
        ("lifecycle status", vec!["lifecycle", "status", STATUSES]),
        ("lifecycle table", vec!["lifecycle", "table"]),
        ("lifecycle paths", vec!["lifecycle", "paths"]),
        ("lifecycle kpi", vec!["lifecycle", "kpi", EVENTS]),
        (
            "verify",
            vec!["verify", DECISION, "--trust", ROOT, "--at", AT],
        ),
    ];
    // The diagram is a drawing; the machine behind it as JSON is `lifecycle table --json`.
    let drawings = ["lifecycle diagram"];
    let mut named: Vec<String> = cases
        .iter()
        .map(|(name, _)| name.to_string())
        .chain(drawings.iter().map(|name| name.to_string()))
        .collect();
    named.sort();
    assert_eq!(
        named,
        leaf_commands(),
        "a command is missing from this test"
    );
    for (name, args) in cases {
        let o = run(&[&args[..], &["--json", "--color", "always"]].concat());
        assert!(code(&o) < 2, "{name}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(!out.contains('\u{1b}'), "{name}: {out}");
        let values: Vec<Value> = serde_json::Deserializer::from_str(&out)
            .into_iter::<Value>()
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{name}: not JSON: {e}: {out}"));
        assert!(
            !values.is_empty() && values.iter().all(Value::is_object),
            "{name}: {out}"
        );
    }
}

#[test]
fn broken_output_pipe_does_not_panic() {
    let input = "0100233488\n".repeat(200_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_motcua"))
        .args(["--today", TODAY, "id", "tax-code", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    drop(child.stdout.take());
    let mut pipe = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let o = child.wait_with_output().expect("runs");
    writer.join().expect("writer");
    assert_eq!(code(&o), 2);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

// ---- motcua dossier validate ----------------------------------------------------------------

#[test]
fn a_missing_file_is_named_with_exit_2() {
    let procedure = scratch("procedure-for-missing.json", b"{}");
    let o = validate("no/such/hoso.json", path_str(&procedure), &[]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("no/such/hoso.json") && err.contains("không tìm thấy tệp"),
        "{err}"
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn a_directory_and_a_non_utf8_file_are_unreadable() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let latin1 = scratch("latin1.json", b"{\"name\": \"Nguy\xeai\"}\n");
    let o = validate(path_str(&latin1), path_str(&dir), &["--lang", "en"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("latin1.json") && err.contains("not UTF-8 text (line 1"),
        "{err}"
    );
    assert!(
        err.contains(path_str(&dir)) && err.contains("cannot read the file"),
        "{err}"
    );
}

#[test]
fn malformed_json_names_the_file_line_and_column() {
    let bad = scratch(
        "truncated.json",
        b"{\n  \"code\": \"H29.22-251123-0001\",\n  \"applicant\": {\n",
    );
    let procedure = scratch("procedure-for-truncated.json", b"{}");
    let o = validate(path_str(&bad), path_str(&procedure), &[]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("truncated.json") && err.contains("input.json_syntax"),
        "{err}"
    );
    assert!(err.contains("dòng 4"), "{err}");
}

#[test]
fn wrong_shape_names_the_json_pointer_and_json_mode_prints_it() {
    let procedure = scratch("procedure-array.json", b"[1, 2]");
    let dossier = scratch("dossier-for-array.json", b"{}");
    let o = validate(path_str(&dossier), path_str(&procedure), &["--json"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("procedure-array.json"),
        "{}",
        stderr(&o)
    );
    let lines = json_lines(&o);
    let error = lines
        .iter()
        .find(|l| {
            l["file"]
                .as_str()
                .is_some_and(|f| f.ends_with("procedure-array.json"))
        })
        .unwrap_or_else(|| panic!("no input_error line for the procedure: {lines:?}"));
    assert_eq!(error["input_error"]["code"], "input.json_shape");
    assert!(error["input_error"]["path"].is_string());
}

#[test]
fn an_oversized_file_is_refused_without_reading_it_all() {
    let big = scratch(
        "big.json",
        &vec![b' '; motcua_core::model::MAX_INPUT_BYTES + 1],
    );
    let o = validate(path_str(&big), path_str(&big), &[]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("input.too_large"), "{}", stderr(&o));
}

#[test]
fn the_examples_get_their_documented_verdicts() {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples");
    for (dossier, procedure, want) in [
        (
            "dossier-birth-registration-valid.json",
            "procedure-birth-registration.json",
            0,
        ),
        (
            "dossier-birth-registration-invalid.json",
            "procedure-birth-registration.json",
            1,
        ),
        (
            "dossier-household-business-valid.json",
            "procedure-household-business.json",
            0,
        ),
        (
            "dossier-household-business-invalid.json",
            "procedure-household-business.json",
            1,
        ),
    ] {
        let (d, p) = (examples.join(dossier), examples.join(procedure));
        let human = validate(path_str(&d), path_str(&p), &[]);
        assert_eq!(
            code(&human),
            want,
            "{dossier}: {}{}",
            stdout(&human),
            stderr(&human)
        );
        let out = stdout(&human);
        let first = out.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(if want == 0 { '✓' } else { '✗' }) && first.contains(dossier),
            "{out}"
        );
        let json = validate(path_str(&d), path_str(&p), &["--json"]);
        let report = json_lines(&json);
        assert_eq!(report.len(), 1);
        assert_eq!(report[0]["valid"], want == 0);
        // One indented line per finding in the human output.
        let findings = report[0]["errors"].as_array().map_or(0, Vec::len)
            + report[0]["warnings"].as_array().map_or(0, Vec::len);
        assert_eq!(
            out.lines()
                .skip(1)
                .filter(|l| l.starts_with("    "))
                .count(),
            findings,
            "{out}"
        );
    }
}

// ---- the conformance vectors, through the CLI ----------------------------------------------

fn vectors(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../spec/vectors")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn codes(findings: &Value) -> Vec<Value> {
    findings
        .as_array()
        .expect("a list of findings")
        .iter()
        .map(|f| f["code"].clone())
        .collect()
}

fn code_and_path(findings: &Value) -> Vec<(Value, Value)> {
    findings
        .as_array()
        .expect("a list of findings")
        .iter()
        .map(|f| (f["code"].clone(), f["path"].clone()))
        .collect()
}

/// Every identifier vector gives the same verdict through `motcua id --json`: the CLI adds
/// nothing and drops nothing.
#[test]
fn identifier_vectors_through_the_cli() {
    let file = vectors("identifiers.json");
    let default_today = file["today"].as_str().expect("today");
    let cases = file["cases"].as_array().expect("cases");
    // One run per (kind, today), values after `--` so that none is taken for an option.
    let mut groups: Vec<((String, String), Vec<&Value>)> = Vec::new();
    for case in cases {
        let key = (
            case["kind"].as_str().expect("kind").to_owned(),
            case.get("today")
                .and_then(Value::as_str)
                .unwrap_or(default_today)
                .to_owned(),
        );
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(case),
            None => groups.push((key, vec![case])),
        }
    }
    let mut checked = 0;
    for ((kind, today), group) in &groups {
        let inputs: Vec<&str> = group
            .iter()
            .map(|c| c["input"].as_str().expect("input"))
            .collect();
        let mut args = vec!["id", kind.as_str(), "--json", "--"];
        args.extend(&inputs);
        let o = run_on(today, &args, b"");
        let lines = json_lines(&o);
        assert_eq!(
            lines.len(),
            group.len(),
            "{kind} at {today}: {}",
            stderr(&o)
        );
        let all_valid = group.iter().all(|c| c["valid"] == true);
        assert_eq!(code(&o), if all_valid { 0 } else { 1 }, "{kind} at {today}");
        for (case, got) in group.iter().zip(&lines) {
            let name = &case["name"];
            assert_eq!(got["kind"], case["kind"], "{name}");
            assert_eq!(got["input"], case["input"], "{name}");
            assert_eq!(got["valid"], case["valid"], "{name}");
            assert_eq!(got["normalized"], case["normalized"], "{name}");
            assert_eq!(
                Value::Array(codes(&got["errors"])),
                case["errors"],
                "{name}"
            );
            assert_eq!(
                Value::Array(codes(&got["warnings"])),
                case["warnings"],
                "{name}"
            );
            if let Some(info) = case.get("info") {
                assert_eq!(&got["info"], info, "{name}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, cases.len());
}

/// Every dossier vector gives the same verdict through `motcua dossier validate --json`, and an
/// input error is exit 2 with the core's code and JSON pointer.
#[test]
fn dossier_vectors_through_the_cli() {
    let file = vectors("dossiers.json");
    let today = file["today"].as_str().expect("today");
    for (i, case) in file["cases"].as_array().expect("cases").iter().enumerate() {
        let name = &case["name"];
        let key = case["procedure"].as_str().expect("procedure key");
        let procedure_json = serde_json::to_vec(&file["procedures"][key]).expect("procedure");
        let procedure = scratch(&format!("vector-{i}-procedure.json"), &procedure_json);
        let dossier_text = match &case["dossier"] {
            Value::String(raw) => raw.as_bytes().to_vec(),
            other => serde_json::to_vec(other).expect("dossier"),
        };
        let dossier = scratch(&format!("vector-{i}-dossier.json"), &dossier_text);
        let o = run_on(
            today,
            &[
                "dossier",
                "validate",
                path_str(&dossier),
                "--procedure",
                path_str(&procedure),
                "--json",
            ],
            b"",
        );
        let lines = json_lines(&o);
        assert_eq!(lines.len(), 1, "{name}: {}", stderr(&o));
        let got = &lines[0];
        if let Some(want) = case.get("input_error") {
            assert_eq!(code(&o), 2, "{name}");
            assert_eq!(got["input_error"]["code"], want["code"], "{name}");
            assert_eq!(got["input_error"]["path"], want["path"], "{name}");
            assert!(!stderr(&o).is_empty(), "{name}");
        } else {
            assert_eq!(
                code(&o),
                if case["valid"] == true { 0 } else { 1 },
                "{name}: {got}"
            );
            assert_eq!(got["valid"], case["valid"], "{name}");
            for severity in ["errors", "warnings"] {
                let want: Vec<(Value, Value)> = code_and_path(&case[severity]);
                assert_eq!(code_and_path(&got[severity]), want, "{name}: {severity}");
            }
        }
    }
}

#[test]
fn what_a_value_says_is_told_in_the_chosen_language() {
    let vi = stdout(&run(&["id", "personal-id", "079305012345"]));
    assert!(
        vi.contains("TP. Hồ Chí Minh (079)")
            && vi.contains("giới tính: nữ")
            && vi.contains("năm sinh: 2005"),
        "{vi}"
    );
    let en = stdout(&run(&["--lang", "en", "id", "personal-id", "079305012345"]));
    assert!(
        en.contains("TP. Hồ Chí Minh (079)")
            && en.contains("sex: female")
            && en.contains("born in: 2005"),
        "{en}"
    );
    let phone = stdout(&run(&["--lang", "en", "id", "phone", "0912345678"]));
    assert!(
        phone.contains("→ +84912345678") && phone.contains("line: mobile"),
        "{phone}"
    );
}

#[test]
fn control_characters_in_the_input_never_reach_the_terminal() {
    let o = run(&["id", "tax-code", "--", "01\u{1b}[2J02", "-0100233488"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("\\u{1b}"), "{out}");
    assert!(
        out.contains("\"-0100233488\""),
        "a value after `--` may begin with '-': {out}"
    );
}
