//! Lifecycle replays per second, natively: the native side of `benches/run-lifecycle-wasm.sh`,
//! which replays the same log through the WebAssembly build under node
//! (`benches/lifecycle-wasm.mjs`) in the same run.
//!
//! - `lifecycle-throughput log [DOSSIERS]` prints the bench log (`src/lifecycle_log.rs`, 1,000
//!   dossiers of 7 events by default) as JSON Lines;
//! - `lifecycle-throughput replay LOG` replays the log at `LOG` with `lifecycle::replay` and the
//!   default policy, warm (after [`WARM`] replays), again and again for [`MEASURE`], and prints one
//!   JSON line `{"tool", "op", "events", "dossiers", "replays", "seconds", "events_per_second",
//!   "ms_per_replay", "check"}`; then the same for the replay written as JSON text (op
//!   `replay_json`, what the C surface returns) and for the log's indicators (op `kpi`,
//!   `lifecycle::kpi` after the replay: a small answer). `check` sums up the answer (dossiers by
//!   timeliness, events refused) so that the script can compare it with the WebAssembly build's.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use motcua_core::calendar::due::Policy;
use motcua_core::lifecycle::kpi::{kpi, Counts, Kpi};
use motcua_core::lifecycle::{self, Replay, Timeliness};

mod lifecycle_log;

/// How long to replay; long enough for a stable figure, short enough for a bench run.
const MEASURE: Duration = Duration::from_secs(3);
/// Replays before the timing, as the WebAssembly side does to let its engine compile.
const WARM: usize = 5;

/// The dossiers of `replay` by timeliness and its refused events:
/// `early/on_time/late/pending/not_applicable/refused`.
fn check(replay: &Replay) -> String {
    let mut counts = [0usize; 6];
    for d in &replay.dossiers {
        let i = match d.timeliness {
            Timeliness::Early => 0,
            Timeliness::OnTime => 1,
            Timeliness::Late => 2,
            Timeliness::Pending => 3,
            Timeliness::NotApplicable => 4,
        };
        counts[i] += 1;
        counts[5] += d.rejected;
    }
    counts.map(|c| c.to_string()).join("/")
}

/// The dossiers by timeliness in the log's indicators, as `lifecycle-wasm.mjs` writes them for
/// `lifecycleKpi`.
fn kpi_check(c: &Counts) -> String {
    [c.early, c.on_time, c.late, c.pending, c.not_applicable]
        .map(|n| n.to_string())
        .join("/")
}

/// Runs `one` on `log` [`WARM`] times, then for [`MEASURE`], and prints the JSON line, with the
/// number of dossiers and the check that `summary` gives of the answer.
fn measure<T>(
    op: &str,
    log: &str,
    one: impl Fn(&str) -> T,
    summary: impl Fn(&T) -> (usize, String),
) {
    let events = log.lines().filter(|l| !l.trim().is_empty()).count();
    let mut last = None;
    for _ in 0..WARM {
        last = Some(one(black_box(log)));
    }
    let start = Instant::now();
    let mut replays = 0u64;
    while start.elapsed() < MEASURE {
        black_box(one(black_box(log)));
        replays += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    let (dossiers, check) = summary(&last.unwrap_or_else(|| one(log)));
    let per_second = events as f64 * replays as f64 / seconds;
    println!(
        "{{\"tool\":\"native\",\"op\":\"{op}\",\"events\":{events},\"dossiers\":{dossiers},\"replays\":{replays},\"seconds\":{seconds:.3},\"events_per_second\":{per_second:.0},\"ms_per_replay\":{:.3},\"check\":\"{check}\"}}",
        seconds * 1e3 / replays as f64,
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["log"] | ["log", _] => {
            let dossiers = match args.get(1).map(|n| n.parse()) {
                None => lifecycle_log::DOSSIERS,
                Some(Ok(n)) => n,
                Some(Err(e)) => {
                    eprintln!("lifecycle-throughput: DOSSIERS: {e}");
                    return ExitCode::from(2);
                }
            };
            print!("{}", lifecycle_log::log(dossiers));
            ExitCode::SUCCESS
        }
        ["replay", path] => {
            let log = match std::fs::read_to_string(path) {
                Ok(log) => log,
                Err(e) => {
                    eprintln!("lifecycle-throughput: {path}: {e}");
                    return ExitCode::from(2);
                }
            };
            let policy = Policy::default();
            if let Err(e) = lifecycle::replay(&log, &policy) {
                eprintln!("lifecycle-throughput: {path}: {e}");
                return ExitCode::FAILURE;
            }
            // Checked just above: the same log replays again.
            let replay = |log: &str| lifecycle::replay(log, &policy).expect("replayed once");
            let of_replay = |r: &Replay| (r.dossiers.len(), check(r));
            measure("replay", &log, replay, of_replay);
            measure(
                "replay_json",
                &log,
                |log| {
                    let r = replay(log);
                    black_box(serde_json::to_string(&r).expect("a replay serializes"));
                    r
                },
                of_replay,
            );
            // The indicators of the log: the same replay, a small answer.
            measure(
                "kpi",
                &log,
                |log| kpi(&replay(log)),
                |k: &Kpi| (k.overall.dossiers, kpi_check(&k.overall)),
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: lifecycle-throughput log [DOSSIERS] | replay LOG");
            ExitCode::from(2)
        }
    }
}
