//! End-to-end tests of `motcua lifecycle`: the bundled example logs through the binary, their
//! JSON shapes, the languages and the logs that exit 2.

mod common;
#[path = "common/examples.rs"]
mod examples;
#[path = "common/text.rs"]
mod text;

use examples::{EVENTS, STATUSES};
use motcua_core::lifecycle::{machine, RuleSet};
use text::{json_lines, motcua};

#[test]
fn replay_of_the_example_log() {
    let (code, out, err) = motcua(&["lifecycle", "replay", EVENTS], "");
    assert_eq!(code, 1, "an event of the example is refused: {err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with(
            "✓ Hồ sơ \"000.00.01.H26-250616-0001\": Đã trả kết quả (mã trạng thái 10)"
        ),
        "{out}"
    );
    assert_eq!(lines[1], "    hạn giải quyết 2025-06-23 17:00; trước hạn");
    assert!(
        out.contains(
            "dòng 14: sự kiện apology_issued bị từ chối: lifecycle.apology_repeated tại /type"
        ),
        "{out}"
    );
    let (_, en, _) = motcua(&["--lang", "en", "lifecycle", "replay", EVENTS], "");
    assert!(en.contains("    due 2025-07-16 17:00; on time; return date re-set by an apology; result not collected"), "{en}");
}

#[test]
fn replay_json_is_one_dossier_per_line() {
    let (code, out, _) = motcua(&["lifecycle", "replay", EVENTS, "--json"], "");
    assert_eq!(code, 1);
    let dossiers = json_lines(&out);
    assert_eq!(dossiers.len(), 3);
    assert_eq!(dossiers[0]["state"], "returned");
    assert_eq!(dossiers[0]["national_status"], 10);
    assert_eq!(dossiers[0]["rules"], "decree-61-2018");
    assert_eq!(dossiers[1]["timeliness"], "on_time");
    assert_eq!(
        dossiers[2]["timeline"][2]["rejection"]["code"],
        "lifecycle.terminal"
    );
}

#[test]
fn status_log_reports_impossible_changes() {
    let (code, out, err) = motcua(&["lifecycle", "status", STATUSES], "");
    assert_eq!(code, 1, "{err}");
    assert!(
        out.starts_with("✓ \"000.00.01.H26-250616-0001\": 1 → 2 → 9 → 10\n"),
        "{out}"
    );
    assert!(
        out.contains("    dòng 10: lifecycle.status_impossible tại /status"),
        "{out}"
    );
    let (_, json, _) = motcua(&["lifecycle", "status", STATUSES, "--json"], "");
    let checks = json_lines(&json);
    assert_eq!(checks.len(), 3);
    assert_eq!(checks[2]["problems"][0]["line"], 13);
    assert_eq!(checks[2]["states"], serde_json::json!(["received"]));
}

#[test]
fn unreadable_logs_exit_2_with_the_line() {
    let dir = std::env::temp_dir().join(format!("motcua-lifecycle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "\n{\"dossier\":\"a\"}\n").expect("write");
    let bad = bad.to_str().expect("UTF-8 path");
    let (code, out, err) = motcua(&["--lang", "en", "lifecycle", "replay", bad], "");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("line 2: input.json_shape at /type"), "{err}");
    for command in ["replay", "kpi"] {
        let (code, out, err) = motcua(&["lifecycle", command, bad, "--json"], "");
        assert_eq!(code, 2, "{err}");
        let lines = json_lines(&out);
        assert_eq!(lines.len(), 1, "{out}");
        assert_eq!(lines[0]["file"], bad);
        assert_eq!(lines[0]["line"], 2);
        assert_eq!(lines[0]["input_error"]["code"], "input.json_shape");
        assert_eq!(lines[0]["input_error"]["path"], "/type");
    }
    let (code, _, err) = motcua(&["lifecycle", "status", "/no/such/log.jsonl"], "");
    assert_eq!(code, 2);
    assert!(err.contains("không tìm thấy tệp"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn table_and_diagram_are_the_committed_exports() {
    let exports = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/lifecycle/exports");
    let cases = [
        (vec!["lifecycle", "table"], "decree-118-2025.md"),
        (
            vec![
                "lifecycle",
                "table",
                "--format",
                "csv",
                "--rules",
                "decree-61-2018",
            ],
            "decree-61-2018.csv",
        ),
        (
            vec!["lifecycle", "table", "--format", "json"],
            "decree-118-2025.json",
        ),
        (vec!["lifecycle", "table", "--json"], "decree-118-2025.json"),
        (vec!["lifecycle", "diagram"], "decree-118-2025.mmd"),
        (
            vec![
                "lifecycle",
                "diagram",
                "--format",
                "dot",
                "--rules",
                "decree-61-2018",
            ],
            "decree-61-2018.dot",
        ),
    ];
    for (args, file) in cases {
        let (code, out, err) = motcua(&args, "");
        assert_eq!(code, 0, "{args:?}: {err}");
        let expected = std::fs::read_to_string(format!("{exports}/{file}")).expect("the export");
        assert_eq!(out, expected, "{args:?}");
    }
    // Today decides the default version: 2024 is under Decree 61/2018.
    let o = common::run_on(
        "2024-05-02",
        &["lifecycle", "table", "--format", "csv"],
        b"",
    );
    let expected = std::fs::read_to_string(format!("{exports}/decree-61-2018.csv")).expect("csv");
    assert_eq!(String::from_utf8(o.stdout).expect("UTF-8"), expected);
}

#[test]
fn paths_are_the_committed_ones() {
    let exports = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/lifecycle/exports");
    let (code, out, _) = motcua(
        &["lifecycle", "paths", "--json", "--rules", "decree-61-2018"],
        "",
    );
    assert_eq!(code, 0);
    let expected =
        std::fs::read_to_string(format!("{exports}/decree-61-2018.paths.json")).expect("paths");
    assert_eq!(out, expected);
    let (code, out, _) = motcua(&["lifecycle", "paths"], "");
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l == "shortest returned: submitted/applicant → received/one_stop → transferred/one_stop → processed/agency → result_returned/one_stop"), "{out}");
}

#[test]
fn kpi_of_the_example_log() {
    let (code, out, err) = motcua(&["lifecycle", "kpi", EVENTS], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Tất cả: 3 hồ sơ, 1 trước hạn, 1 đúng hạn, 0 quá hạn, 0 đang giải quyết; tỉ lệ đúng hạn 100.0%, nộp trực tuyến 33.3%\n"), "{out}");
    let (_, json, _) = motcua(&["lifecycle", "kpi", EVENTS, "--json"], "");
    let kpi = &json_lines(&json)[0];
    assert_eq!(kpi["by_procedure"]["1.001612"]["dossiers"], 2);
    assert_eq!(kpi["by_month"]["2025-07"]["on_time"], 1);
}

#[test]
fn replay_and_kpi_with_a_policy_file() {
    let dir = std::env::temp_dir().join(format!("motcua-policy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let saturdays = dir.join("saturdays.json");
    std::fs::write(
        &saturdays,
        r#"{"working_weekdays": [true, true, true, true, true, true, false]}"#,
    )
    .expect("written");
    let policy = saturdays.to_str().expect("UTF-8 path");
    // Received Mon 16/6/2025 with 5 working days: Mon 23/6 by default, Sat 21/6 when Saturdays
    // are worked.
    let (_, json, _) = motcua(&["lifecycle", "replay", EVENTS, "--json"], "");
    assert_eq!(json_lines(&json)[0]["due"], "2025-06-23T17:00:00+07:00");
    let (_, json, err) = motcua(
        &["lifecycle", "replay", EVENTS, "--json", "--policy", policy],
        "",
    );
    assert_eq!(
        json_lines(&json)[0]["due"],
        "2025-06-21T17:00:00+07:00",
        "{err}"
    );
    let (code, _, err) = motcua(&["lifecycle", "kpi", EVENTS, "--policy", policy], "");
    assert_eq!(code, 0, "{err}");
    // A policy that cannot be read is an unreadable input: exit 2, with the calendar's finding.
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"office_hours": "17:00-08:00"}"#).expect("written");
    let bad = bad.to_str().expect("UTF-8 path");
    let (code, _, err) = motcua(&["lifecycle", "replay", EVENTS, "--policy", bad], "");
    assert_eq!(code, 2);
    assert!(err.contains("bad.json"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Whether Graphviz's `dot` can be run from `PATH`.
fn graphviz_installed() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn svg_diagram_is_drawn_by_graphviz_with_every_state() {
    if !graphviz_installed() {
        eprintln!(
            "SKIPPED svg_diagram_is_drawn_by_graphviz_with_every_state: Graphviz `dot` is not on \
             PATH (scripts/setup installs the Debian package graphviz)"
        );
        return;
    }
    for (name, set) in [
        ("decree-61-2018", RuleSet::Decree61_2018),
        ("decree-118-2025", RuleSet::Decree118_2025),
    ] {
        let args = ["lifecycle", "diagram", "--format", "svg", "--rules", name];
        let (code, out, err) = motcua(&args, "");
        assert_eq!(code, 0, "{err}");
        assert!(err.is_empty(), "{err}");
        // Graphviz writes the SVG 1.1 DOCTYPE; no entity of it is used.
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        };
        let svg = roxmltree::Document::parse_with_options(&out, options)
            .unwrap_or_else(|e| panic!("{name}: the SVG is not well-formed XML: {e}"));
        let root = svg.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        let texts: Vec<&str> = svg
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        let rules = machine::rules(set);
        assert!(!rules.states.is_empty());
        for state in &rules.states {
            for label in [&state.vi, &state.en] {
                assert!(
                    texts.contains(&label.as_str()),
                    "{name}: no text {label:?} in the SVG"
                );
            }
        }
    }
}

#[test]
fn svg_diagram_without_graphviz_names_the_package_to_install() {
    let empty = std::env::temp_dir().join(format!("motcua-no-graphviz-{}", std::process::id()));
    std::fs::create_dir_all(&empty).expect("an empty directory");
    for (lang, words) in [
        ("vi", "hãy cài gói graphviz"),
        ("en", "install the package graphviz"),
    ] {
        let mut command = common::command(
            "2026-11-23",
            &["--lang", lang, "lifecycle", "diagram", "--format", "svg"],
        );
        command.env("PATH", &empty);
        let o = common::run(command, b"");
        let err = String::from_utf8(o.stderr).expect("UTF-8");
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(o.stdout.is_empty());
        assert!(err.contains(words) && err.contains("`dot`"), "{err}");
    }
    std::fs::remove_dir_all(&empty).ok();
}
