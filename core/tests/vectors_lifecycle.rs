//! Runs the lifecycle conformance vectors, `spec/vectors/lifecycle.json`, through
//! `lifecycle::replay` and its status logs through `lifecycle::check_status_log`; checks that every transition of every rule version is taken by a case and
//! every rejection code of `spec/findings/lifecycle.json` is exercised; writes
//! `rust-lifecycle.jsonl` under `MOTCUA_SURFACE_OUT` when set. The transition cases also run one
//! event at a time through `lifecycle::step_json`, the dossier kept as JSON between events, and
//! `rust-lifecycle-step.jsonl` holds the outcome of each case's last event.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use motcua_core::calendar::due::Policy;
use motcua_core::lifecycle::{self, machine, DossierReplay};
use serde::Deserialize;
use serde_json::Value;

const VECTORS: &str = include_str!("../../spec/vectors/lifecycle.json");
const CATALOG: &str = include_str!("../../spec/findings/lifecycle.json");

/// Codes about a whole log rather than one event, checked by the unit tests of
/// `core/src/lifecycle/replay.rs` (a vector would need a 64 KiB line or a million events).
const LOG_CODES: [&str; 3] = [
    "lifecycle.line_too_long",
    "lifecycle.too_many_events",
    "lifecycle.too_many_dossiers",
];

/// Codes about a dossier state read back from JSON rather than an event
/// (`core/src/lifecycle/state.rs`); a vector's dossier is always one `step` produced.
const STATE_CODES: [&str; 4] = [
    "lifecycle.state_unreachable",
    "lifecycle.state_rules",
    "lifecycle.state_time_order",
    "lifecycle.state_clock_start",
];

/// The step cases run one event at a time through `lifecycle::step_json`, as the C and
/// WebAssembly surfaces' `lifecycle_step` run them: a new dossier for the first event, then the
/// dossier as the previous outcome wrote it. Each case's line is the outcome of its last event;
/// the outcome must say what the replay of the same log says of that event.
fn steps(cases: &[Case], failures: &mut String) -> String {
    let policy = Policy::default();
    let mut lines = String::new();
    for case in cases {
        let name = &case.name;
        let mut dossier: Option<String> = None;
        let mut last = None;
        for line in jsonl(&case.log).lines() {
            match lifecycle::step_json(dossier.as_deref(), line, &policy) {
                Ok(outcome) => {
                    dossier = Some(serde_json::to_string(&outcome.dossier).expect("serializes"));
                    last = Some(outcome);
                }
                Err(e) => {
                    writeln!(failures, "{name}: step_json: {e} ({})", e.argument()).ok();
                    last = None;
                    break;
                }
            }
        }
        let (Some(outcome), Ok(replayed)) = (last, run(&case.log)) else {
            continue;
        };
        record(&mut lines, &outcome);
        let entry = replayed.timeline.last();
        let agrees = entry.is_some_and(|e| {
            (e.from, e.to, e.rules, e.article, e.form, &e.rejection)
                == (
                    outcome.from,
                    outcome.to,
                    outcome.rules,
                    outcome.article,
                    outcome.form,
                    &outcome.rejection,
                )
        });
        if !agrees {
            writeln!(
                failures,
                "{name}: step {outcome:?} differs from replay {entry:?}"
            )
            .ok();
        }
    }
    lines
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "$comment")]
    _comment: String,
    cases: Vec<Case>,
    replays: Vec<ReplayCase>,
    status_logs: Vec<StatusCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusCase {
    name: String,
    log: Vec<serde_json::Map<String, Value>>,
    problems: Vec<Problem>,
    states: Vec<String>,
}

#[derive(Deserialize, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Problem {
    line: usize,
    code: String,
    path: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    rules: Option<String>,
    log: Vec<serde_json::Map<String, Value>>,
    to: Option<String>,
    form: Option<Value>,
    rejected: Option<Expected>,
}

#[derive(Deserialize, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: String,
    path: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplayCase {
    name: String,
    log: Vec<serde_json::Map<String, Value>>,
    expect: Value,
}

/// The JSON Lines log of dossier "D".
fn jsonl(log: &[serde_json::Map<String, Value>]) -> String {
    log.iter()
        .map(|event| {
            let mut line = serde_json::Map::new();
            line.insert("dossier".to_owned(), Value::from("D"));
            line.extend(event.clone());
            Value::Object(line).to_string() + "\n"
        })
        .collect()
}

/// Replays `log` and returns its one dossier.
fn run(log: &[serde_json::Map<String, Value>]) -> Result<DossierReplay, String> {
    let replay = lifecycle::replay(&jsonl(log), &Policy::default()).map_err(|e| e.to_string())?;
    match <[DossierReplay; 1]>::try_from(replay.dossiers) {
        Ok([one]) => Ok(one),
        Err(all) => Err(format!("{} dossiers", all.len())),
    }
}

/// Appends `value` as one JSON line of this surface's results.
fn record<T: serde::Serialize>(lines: &mut String, value: &T) {
    lines.push_str(&serde_json::to_string(value).expect("a result serializes"));
    lines.push('\n');
}

fn name_of<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[test]
fn lifecycle_vectors() {
    let file: File = serde_json::from_str(VECTORS).expect("spec/vectors/lifecycle.json");
    assert!(
        file.cases.len() + file.replays.len() >= 150,
        "at least 150 cases"
    );
    let mut failures = String::new();
    let mut lines = String::new();
    let mut taken = BTreeSet::new();
    let mut codes = BTreeSet::new();
    for case in &file.cases {
        let name = &case.name;
        let dossier = match run(&case.log) {
            Ok(d) => d,
            Err(e) => {
                writeln!(failures, "{name}: {e}").ok();
                continue;
            }
        };
        record(&mut lines, &dossier);
        let Some((last, before)) = dossier.timeline.split_last() else {
            writeln!(failures, "{name}: empty timeline").ok();
            continue;
        };
        if let Some(e) = before.iter().find(|e| e.rejection.is_some()) {
            writeln!(
                failures,
                "{name}: prefix event on line {} refused: {:?}",
                e.line, e.rejection
            )
            .ok();
        }
        common::check_rendered(name, last.rejection.iter(), &mut failures);
        let rules = last.rules.map(|r| name_of(&r));
        if rules != case.rules {
            writeln!(
                failures,
                "{name}: judged by {rules:?}, expected {:?}",
                case.rules
            )
            .ok();
        }
        let got_form = last
            .form
            .map(|f| serde_json::to_value(f).expect("serializes"));
        match (&case.to, &case.rejected, &last.rejection) {
            (Some(to), None, None) => {
                let got = last.to.map(|s| name_of(&s));
                if got.as_deref() != Some(to.as_str()) || got_form != case.form {
                    writeln!(
                        failures,
                        "{name}: went to {got:?} with form {got_form:?}, expected {to} with {:?}",
                        case.form
                    )
                    .ok();
                }
                if let Some(r) = last.rules {
                    taken.insert((name_of(&r), name_of(&last.from), name_of(&last.kind)));
                }
            }
            (None, Some(expected), Some(finding)) => {
                codes.insert(finding.code.clone());
                let got = Expected {
                    code: finding.code.clone(),
                    path: finding.path.clone(),
                };
                if &got != expected {
                    writeln!(
                        failures,
                        "{name}: refused with {got:?}, expected {expected:?}"
                    )
                    .ok();
                }
            }
            (Some(to), None, Some(f)) => {
                writeln!(
                    failures,
                    "{name}: expected {to}, refused with {} ({})",
                    f.code, f.en
                )
                .ok();
            }
            (None, Some(expected), None) => {
                writeln!(
                    failures,
                    "{name}: expected {expected:?}, went to {:?}",
                    last.to
                )
                .ok();
            }
            _ => {
                writeln!(failures, "{name}: give either `to` or `rejected`").ok();
            }
        }
    }
    for case in &file.replays {
        let name = &case.name;
        match run(&case.log) {
            Ok(d) => {
                record(&mut lines, &d);
                let got = serde_json::json!({
                    "state": d.state,
                    "national_status": d.national_status,
                    "rules": d.rules,
                    "due": d.due,
                    "timeliness": d.timeliness,
                    "rejected": d.rejected,
                    "uncollected": d.uncollected,
                });
                if got != case.expect {
                    writeln!(
                        failures,
                        "{name}:\n  expected {}\n  got      {got}",
                        case.expect
                    )
                    .ok();
                }
            }
            Err(e) => {
                writeln!(failures, "{name}: {e}").ok();
            }
        }
    }
    for case in &file.status_logs {
        let name = &case.name;
        let report = match lifecycle::check_status_log(&jsonl(&case.log)) {
            Ok(r) => r,
            Err(e) => {
                writeln!(failures, "{name}: {e}").ok();
                continue;
            }
        };
        record(&mut lines, &report);
        let [check] = &report.dossiers[..] else {
            writeln!(failures, "{name}: {} dossiers", report.dossiers.len()).ok();
            continue;
        };
        let problems: Vec<Problem> = check
            .problems
            .iter()
            .map(|p| Problem {
                line: p.line,
                code: p.finding.code.clone(),
                path: p.finding.path.clone(),
            })
            .collect();
        codes.extend(problems.iter().map(|p| p.code.clone()));
        common::check_rendered(
            name,
            check.problems.iter().map(|p| &p.finding),
            &mut failures,
        );
        let states: Vec<String> = check.states.iter().map(name_of).collect();
        if problems != case.problems || states != case.states {
            writeln!(
                failures,
                "{name}:\n  expected {:?} ending in {:?}\n  got      {problems:?} ending in {states:?}",
                case.problems, case.states
            )
            .ok();
        }
    }
    common::write_surface_out("lifecycle", &lines);
    common::write_surface_out("lifecycle-step", &steps(&file.cases, &mut failures));

    for rules in machine::all() {
        for t in &rules.transitions {
            let key = (name_of(&rules.id), name_of(&t.from), name_of(&t.event));
            if !taken.contains(&key) {
                writeln!(failures, "no case takes transition {key:?}").ok();
            }
        }
    }
    // The codes about a whole log are exercised by the unit tests of replay.rs, those about a
    // dossier state read back by the unit tests of state.rs and the C ABI tests.
    codes.extend(LOG_CODES.iter().map(|c| (*c).to_owned()));
    codes.extend(STATE_CODES.iter().map(|c| (*c).to_owned()));
    common::check_coverage(CATALOG, &codes, &mut failures);
    assert!(failures.is_empty(), "lifecycle vectors failed:\n{failures}");
}
