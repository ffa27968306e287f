//! `motcua lifecycle replay|status LOG.jsonl` and `motcua lifecycle table|diagram`.

use std::io::{self, Write};

use motcua_core::calendar::due::Policy;
use motcua_core::lifecycle::{
    self, machine, DossierReplay, ReplayError, RuleSet, State, StatusCheck, Timeliness,
};
use motcua_core::model::Timestamp;
use motcua_core::Lang;
use serde::Serialize;

use crate::args::{
    DiagramArgs, DiagramFormat, LogArgs, PathsArgs, ReplayArgs, RulesArg, TableArgs, TableFormat,
};
use crate::failure::Failure;
use crate::files;
use crate::graphviz;
use crate::json;
use crate::labels::{fill, Labels};
use crate::paint::Paint;
use crate::progress::Progress;
use crate::render;
use crate::status::Status;
use crate::Context;

/// Largest log file read: 256 MiB (the core bounds a log to a million events besides).
const MAX_LOG_BYTES: usize = 256 << 20;

/// Replays the log and prints each dossier; invalid when an event was refused.
pub(crate) fn replay(args: &ReplayArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    let replay = match replayed(args, cx) {
        Ok(r) => r,
        Err(failure) => return cx.fail_as(out, args.log.json, &failure),
    };
    let mut status = Status::Valid;
    for d in &replay.dossiers {
        status = status.max(Status::of(d.rejected == 0));
        if args.log.json {
            json::line(out, d)?;
        } else {
            out.write_all(dossier(d, cx.lang, cx.paint).as_bytes())?;
        }
    }
    Ok(status)
}

/// Replays the log and prints its indicators.
pub(crate) fn kpi(args: &ReplayArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    let replay = match replayed(args, cx) {
        Ok(r) => r,
        Err(failure) => return cx.fail_as(out, args.log.json, &failure),
    };
    let kpi = lifecycle::kpi::kpi(&replay);
    if args.log.json {
        json::line(out, &kpi)?;
        return Ok(Status::Valid);
    }
    let l = Labels::of(cx.lang).lifecycle;
    let line = |group: &str, c: &lifecycle::kpi::Counts| {
        let percent = |r: Option<f64>| r.map_or("—".to_owned(), |r| format!("{:.1}%", r * 100.0));
        fill(
            l.kpi,
            &[
                group,
                &c.dossiers.to_string(),
                &c.early.to_string(),
                &c.on_time.to_string(),
                &c.late.to_string(),
                &c.pending.to_string(),
                &percent(c.on_time_rate),
                &percent(c.online_share),
            ],
        ) + "\n"
    };
    out.write_all(line(l.overall, &kpi.overall).as_bytes())?;
    for (title, groups) in [
        (l.by_agency, &kpi.by_agency),
        (l.by_procedure, &kpi.by_procedure),
        (l.by_month, &kpi.by_month),
    ] {
        writeln!(out, "{title}")?;
        for (group, counts) in groups {
            out.write_all(format!("    {}", line(group, counts)).as_bytes())?;
        }
    }
    Ok(Status::Valid)
}

/// Checks the status log and prints each dossier; invalid when a change is impossible.
pub(crate) fn status(args: &LogArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    let progress = Progress::for_person(args.json);
    let checked = read(args, &progress, cx).and_then(|text| {
        progress.working(Labels::of(cx.lang).progress_checking);
        lifecycle::check_status_log(&text).map_err(|e| log_failure(args, &e))
    });
    drop(progress);
    let report = match checked {
        Ok(r) => r,
        Err(failure) => return cx.fail_as(out, args.json, &failure),
    };
    let mut status = Status::Valid;
    for check in &report.dossiers {
        status = status.max(Status::of(check.problems.is_empty()));
        if args.json {
            json::line(out, check)?;
        } else {
            out.write_all(status_check(check, cx.lang, cx.paint).as_bytes())?;
        }
    }
    Ok(status)
}

/// Prints the transition table of the chosen rule version.
pub(crate) fn table(args: &TableArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    let rules = chosen(args.rules, cx);
    let format = if args.json {
        TableFormat::Json
    } else {
        args.format
    };
    let text = match format {
        TableFormat::Md => lifecycle::export::markdown(rules),
        TableFormat::Csv => lifecycle::export::csv(rules),
        TableFormat::Json => lifecycle::export::json(rules),
    };
    out.write_all(text.as_bytes())?;
    Ok(Status::Valid)
}

/// Prints the state diagram of the chosen rule version.
pub(crate) fn diagram(
    args: &DiagramArgs,
    cx: &Context,
    out: &mut impl Write,
) -> io::Result<Status> {
    let rules = chosen(args.rules, cx);
    let drawing = match args.format {
        DiagramFormat::Mermaid => lifecycle::export::mermaid(rules).into_bytes(),
        DiagramFormat::Dot => lifecycle::export::dot(rules).into_bytes(),
        DiagramFormat::Svg => match graphviz::svg(&lifecycle::export::dot(rules)) {
            Ok(svg) => svg,
            Err(e) => return Ok(cx.fail(out, &Failure::Graphviz(e))),
        },
    };
    out.write_all(&drawing)?;
    Ok(Status::Valid)
}

/// Prints the test paths of the chosen rule version.
pub(crate) fn paths(args: &PathsArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    let rules = chosen(args.rules, cx);
    if args.json {
        out.write_all(lifecycle::paths::json(rules).as_bytes())?;
        return Ok(Status::Valid);
    }
    let paths = lifecycle::paths::paths(rules);
    for (kind, list) in [
        ("shortest", &paths.shortest),
        ("edge_cover", &paths.edge_cover),
    ] {
        for p in list {
            let steps: Vec<String> = p
                .steps
                .iter()
                .map(|s| format!("{}/{}", name(&s.event), name(&s.actor)))
                .collect();
            writeln!(out, "{kind} {}: {}", p.target, steps.join(" → "))?;
        }
    }
    Ok(Status::Valid)
}

/// The name of a value as written in the data.
fn name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The rule version asked for, or the one in force today (the latest before 21/6/2018).
fn chosen(arg: Option<RulesArg>, cx: &Context) -> &'static machine::Rules {
    match arg {
        Some(RulesArg::Decree61) => machine::rules(RuleSet::Decree61_2018),
        Some(RulesArg::Decree118) => machine::rules(RuleSet::Decree118_2025),
        None => machine::rules_on(cx.today).unwrap_or(&machine::all()[0]),
    }
}

/// Largest policy file read: 64 KiB (a policy is a few hundred bytes).
const MAX_POLICY_BYTES: usize = 64 << 10;

/// The log of `args` replayed with the policy of `--policy`, or the default calendar policy; the
/// reading and the replay shown on a progress bar, erased before this returns.
fn replayed(args: &ReplayArgs, cx: &Context) -> Result<lifecycle::Replay, Failure> {
    let policy = match &args.policy {
        None => Policy::default(),
        Some(path) => {
            let text = files::read_text(path, MAX_POLICY_BYTES)?;
            Policy::from_json(&text).map_err(|e| Failure::Json {
                path: path.clone(),
                finding: Box::new(e.to_finding()),
            })?
        }
    };
    let progress = Progress::for_person(args.log.json);
    let text = read(&args.log, &progress, cx)?;
    progress.working(Labels::of(cx.lang).progress_replaying);
    lifecycle::replay(&text, &policy).map_err(|e| log_failure(&args.log, &e))
}

/// The log file of `args`, its reading shown on `progress`.
fn read(args: &LogArgs, progress: &Progress, cx: &Context) -> Result<String, Failure> {
    let what = Labels::of(cx.lang).progress_reading;
    Ok(files::read_text_shown(
        &args.log,
        MAX_LOG_BYTES,
        progress,
        what,
    )?)
}

fn log_failure(args: &LogArgs, e: &ReplayError) -> Failure {
    Failure::Log {
        path: args.log.clone(),
        line: e.line(),
        finding: Box::new(e.to_finding()),
    }
}

/// The name of `state` in `lang`, from the machine's data.
fn state_name(state: State, rules: Option<RuleSet>, lang: Lang) -> &'static str {
    let rules = rules.map_or_else(|| &machine::all()[0], machine::rules);
    rules
        .states
        .iter()
        .find(|s| s.id == state)
        .map_or("?", |s| match lang {
            Lang::Vi => s.vi.as_str(),
            Lang::En => s.en.as_str(),
        })
}

/// A timestamp in Vietnam's time as printed: `YYYY-MM-DD HH:MM`.
fn time(t: &Timestamp) -> String {
    let text = t.to_string();
    text.get(..16).unwrap_or(&text).replacen('T', " ", 1)
}

/// One replayed dossier as text.
fn dossier(d: &DossierReplay, lang: Lang, paint: Paint) -> String {
    let l = Labels::of(lang).lifecycle;
    let code = d
        .national_status
        .map_or("—".to_owned(), |c| c.0.to_string());
    let mark = if d.rejected == 0 { "✓" } else { "✗" };
    let mut text = format!("{} ", paint.verdict(d.rejected == 0, mark));
    text += &fill(
        l.dossier,
        &[
            &format!("{:?}", d.dossier),
            state_name(d.state, d.rules, lang),
            &code,
        ],
    );
    match d.rules {
        Some(r) => {
            text.push_str(", ");
            text.push_str(&fill(l.rules, &[&machine::rules(r).title]));
        }
        None => {
            text.push_str(", ");
            text.push_str(l.no_rules);
        }
    }
    text.push('\n');
    let mut facts = Vec::new();
    if let Some(due) = &d.due {
        facts.push(fill(l.due, &[&time(due)]));
    }
    let [early, on_time, late, pending, not_applicable] = l.timeliness;
    facts.push(match d.timeliness {
        Timeliness::Early => paint.pass(early).to_string(),
        Timeliness::OnTime => paint.pass(on_time).to_string(),
        Timeliness::Late => paint.fail(late).to_string(),
        Timeliness::Pending => pending.to_owned(),
        Timeliness::NotApplicable => not_applicable.to_owned(),
    });
    if d.extended {
        facts.push(l.extended.to_owned());
    }
    if d.uncollected {
        facts.push(l.uncollected.to_owned());
    }
    text.push_str("    ");
    text.push_str(&facts.join("; "));
    text.push('\n');
    for e in &d.timeline {
        if let Some(finding) = &e.rejection {
            let kind = name(&e.kind);
            let refused = fill(l.refused, &[&e.line.to_string(), &kind]);
            text.push_str("    ");
            text.push_str(&paint.fail(&refused).to_string());
            text.push_str(": ");
            render::located(&mut text, finding, lang);
            text.push_str(&format!(" ({})\n", e.article));
        }
    }
    text
}

/// One dossier of a status log as text.
fn status_check(check: &StatusCheck, lang: Lang, paint: Paint) -> String {
    let l = Labels::of(lang).lifecycle;
    let codes: Vec<String> = check.statuses.iter().map(|c| c.0.to_string()).collect();
    let states: Vec<&str> = check
        .states
        .iter()
        .map(|s| state_name(*s, None, lang))
        .collect();
    let fine = check.problems.is_empty();
    let mark = paint.verdict(fine, if fine { "✓" } else { "✗" });
    let mut text = format!("{mark} {:?}: {}\n    ", check.dossier, codes.join(" → "));
    text.push_str(&fill(l.may_be, &[&states.join(", ")]));
    text.push('\n');
    for p in &check.problems {
        let problem = fill(l.problem, &[&p.line.to_string()]);
        text.push_str("    ");
        text.push_str(&paint.fail(&problem).to_string());
        text.push_str(": ");
        render::located(&mut text, &p.finding, lang);
        text.push('\n');
    }
    text
}
