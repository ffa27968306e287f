//! Calendar operations per second over a file of inputs, one `YYYY-MM-DD N` per line: the motcua
//! side of `benches/run-calendar-peers.sh`, which runs lunar-vn, holidays and numpy over the same
//! file in the same run.
//!
//! Measures, each for [`MEASURE`], through the public API of `motcua_core::calendar`:
//! - `lunar`: `lunar::to_lunar(date, Reckoning::Vietnam)`;
//! - `working`: `Schedule::default().is_working_day(date)`;
//! - `due`: `Schedule::default().add_working_days(date, N)`.
//!
//! Each pass writes every result to an array (what `numpy.busday_offset` returns), kept alive with
//! `black_box`, so that no call can be left out; the checksum is taken from the array after the
//! timing.
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

/// Runs `one` over every input, writing each result to an array as `numpy.busday_offset` does,
/// until [`MEASURE`] has passed, then prints the JSON line with `check` summed over the array
/// outside the timed loop.
fn measure<T>(
    op: &str,
    inputs: &[(Date, u32)],
    one: impl Fn(Date, u32) -> Result<T, String>,
    check: impl Fn(Date, &T) -> i64,
) {
    let mut out = Vec::with_capacity(inputs.len());
    let pass = |out: &mut Vec<T>| -> Result<(), String> {
        out.clear();
        for &(d, n) in inputs {
            out.push(one(black_box(d), black_box(n))?);
        }
        black_box(&*out);
        Ok(())
    };
    if let Err(e) = pass(&mut out) {
        println!("{{\"tool\":\"motcua\",\"op\":\"{op}\",\"error\":\"{e}\"}}");
        return;
    }
    let check: i64 = inputs
        .iter()
        .zip(&out)
        .map(|(&(d, _), r)| check(d, r))
        .sum();
    let start = Instant::now();
    let mut calls = 0u64;
    while start.elapsed() < MEASURE {
        // The first pass succeeded on the same inputs, so this one does too.
        let _ = pass(&mut out);
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
    measure(
        "lunar",
        &inputs,
        |d, _| lunar::to_lunar(d, Reckoning::Vietnam).map_err(|e| e.to_string()),
        |_, l| {
            i64::from(l.year()) * 10_000
                + i64::from(l.month()) * 100
                + i64::from(l.day())
                + 50 * i64::from(l.leap())
        },
    );
    measure(
        "working",
        &inputs,
        |d, _| schedule.is_working_day(d).map_err(|e| e.to_string()),
        |_, &working| i64::from(working),
    );
    measure(
        "due",
        &inputs,
        |d, n| schedule.add_working_days(d, n).map_err(|e| e.to_string()),
        |d, due| due.to_days() - d.to_days(),
    );
    ExitCode::SUCCESS
}
