//! Tax-code checks per second over a file of codes, one per line: the motcua side of
//! `benches/run-peers.sh`, which runs python-stdnum over the same file in the same run.
//!
//! Prints one JSON line: `{"tool", "codes", "valid", "checks", "seconds", "per_second", "ns_per_check"}`.
//! `valid` lets the script check that both tools agree on every verdict count.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use motcua_core::ids::{self, IdKind};
use motcua_core::Date;

/// How long to keep checking; long enough for a stable figure, short enough for a bench run.
const MEASURE: Duration = Duration::from_secs(2);

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tax-code-throughput CODES.txt");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("tax-code-throughput: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let codes: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    if codes.is_empty() {
        eprintln!("tax-code-throughput: {path} holds no codes");
        return ExitCode::from(2);
    }
    // Tax codes do not depend on the date; any valid date will do.
    let today = Date::new(2026, 11, 23).expect("a valid date");
    let count = |codes: &[&str]| {
        codes
            .iter()
            .filter(|c| ids::is_valid(IdKind::TaxCode, std::hint::black_box(c), today))
            .count()
    };
    let valid = count(&codes);
    let start = Instant::now();
    let mut checks = 0u64;
    while start.elapsed() < MEASURE {
        std::hint::black_box(count(&codes));
        checks += codes.len() as u64;
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{{\"tool\":\"motcua\",\"codes\":{},\"valid\":{},\"checks\":{},\"seconds\":{:.3},\"per_second\":{:.0},\"ns_per_check\":{:.2}}}",
        codes.len(),
        valid,
        checks,
        seconds,
        checks as f64 / seconds,
        seconds * 1e9 / checks as f64
    );
    ExitCode::SUCCESS
}
