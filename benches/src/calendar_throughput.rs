//! Calendar operations per second over a file of inputs, one `YYYY-MM-DD N` per line: the motcua
//! side of `benches/run-calendar-peers.sh`, which runs lunar-vn, holidays and numpy over the same
//! file in the same run.
//!
//! Measures, each for [`MEASURE`], through the public API of `motcua_core::calendar`:
//! - `lunar`: `lunar::to_lunar(date, Reckoning::Vietnam)`;
//! - `working`: `Schedule::default().is_working_day(date)`;
//! - `due`: `Schedule::default().add_working_days(date, N)`.
//!
//! Prints one JSON line per operation: `{"tool", "op", "inputs", "check", "calls", "seconds",
//! "per_second", "ns_per_call"}`. `check` lets the script compare the tools' answers: the sum of
//! `year*10000 + month*100 + day + 50*leap` of the lunar dates, the number of working days, the
//! sum of the due dates' distances in days from their start dates.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use motcua_core::calendar::lunar::{self, Reckoning};
use motcua_core::calendar::schedule::Schedule;
use motcua_core::Date;

/// How long to run each operation; long enough for a stable figure, short enough for a bench run.
const MEASURE: Duration = Duration::from_secs(2);

/// Runs `one` over every input until [`MEASURE`] has passed and prints the JSON line.
fn measure(op: &str, inputs: &[(Date, u32)], one: impl Fn(Date, u32) -> Result<i64, String>) {
    let total = |inputs: &[(Date, u32)]| -> Result<i64, String> {
        inputs.iter().try_fold(0i64, |sum, &(d, n)| {
            Ok(sum + one(black_box(d), black_box(n))?)
        })
    };
    let check = match total(inputs) {
        Ok(c) => c,
        Err(e) => {
            println!("{{\"tool\":\"motcua\",\"op\":\"{op}\",\"error\":\"{e}\"}}");
            return;
        }
    };
    let start = Instant::now();
    let mut calls = 0u64;
    while start.elapsed() < MEASURE {
        let _ = black_box(total(inputs));
        calls += inputs.len() as u64;
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{{\"tool\":\"motcua\",\"op\":\"{op}\",\"inputs\":{},\"check\":{check},\"calls\":{calls},\"seconds\":{seconds:.3},\"per_second\":{:.0},\"ns_per_call\":{:.2}}}",
        inputs.len(),
        calls as f64 / seconds,
        seconds * 1e9 / calls as f64
    );
}

fn parse(line: &str) -> Result<(Date, u32), String> {
    let (date, n) = line
        .split_once(' ')
        .ok_or_else(|| format!("not `YYYY-MM-DD N`: {line:?}"))?;
    let date: Date = date.parse().map_err(|e| format!("{line:?}: {e}"))?;
    let n = n.parse().map_err(|e| format!("{line:?}: {e}"))?;
    Ok((date, n))
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: calendar-throughput INPUTS.txt");
        return ExitCode::from(2);
    };
    let inputs = match std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {path}: {e}"))
        .and_then(|text| text.lines().filter(|l| !l.is_empty()).map(parse).collect())
    {
        Ok(inputs) => inputs,
        Err(e) => {
            eprintln!("calendar-throughput: {e}");
            return ExitCode::from(2);
        }
    };
    let inputs: Vec<(Date, u32)> = inputs;
    if inputs.is_empty() {
        eprintln!("calendar-throughput: {path} holds no inputs");
        return ExitCode::from(2);
    }
    let schedule = Schedule::default();
    measure("lunar", &inputs, |d, _| {
        let l = lunar::to_lunar(d, Reckoning::Vietnam).map_err(|e| e.to_string())?;
        Ok(i64::from(l.year()) * 10_000
            + i64::from(l.month()) * 100
            + i64::from(l.day())
            + 50 * i64::from(l.leap()))
    });
    measure("working", &inputs, |d, _| {
        Ok(i64::from(
            schedule.is_working_day(d).map_err(|e| e.to_string())?,
        ))
    });
    measure("due", &inputs, |d, n| {
        let due = schedule.add_working_days(d, n).map_err(|e| e.to_string())?;
        Ok(due.to_days() - d.to_days())
    });
    ExitCode::SUCCESS
}
