//! The lifecycle: events folded through `lifecycle::step` in memory, and the replay of the same
//! events written as a JSON Lines log (parsing, grouping by dossier, due dates, timeliness).
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use motcua_core::calendar::due::Policy;
use motcua_core::lifecycle::{self, DossierState, LogEvent};

/// Dossiers in the bench log.
const DOSSIERS: usize = 1_000;

/// The usual life of a dossier (7 events: submitted, received, transferred, two hand-overs,
/// processed, returned), dossier `i` received on one of the working days of 2025–2026 under
/// Decree 61/2018 or Decree 118/2025.
fn log() -> String {
    const LIFE: [(&str, usize, &str, &str, &str); 7] = [
        (
            "submitted",
            0,
            "08:00",
            "applicant",
            r#","channel":"online""#,
        ),
        (
            "received",
            0,
            "08:30",
            "one_stop",
            r#","limit":{"unit":"working_days","value":5}"#,
        ),
        ("transferred", 0, "09:00", "one_stop", ""),
        ("handed_over", 1, "09:00", "agency", ""),
        ("handed_over", 2, "09:00", "agency", ""),
        ("processed", 3, "10:00", "agency", ""),
        ("result_returned", 3, "15:00", "one_stop", ""),
    ];
    let mut text = String::new();
    for i in 0..DOSSIERS {
        let (year, month, day) = (2025 + i % 2, 1 + i % 12, 5 + i % 20);
        for (kind, d, hm, actor, extra) in LIFE {
            let at = format!("{year}-{month:02}-{:02}T{hm}:00+07:00", day + d);
            text.push_str(&format!(
                r#"{{"dossier":"G01.01-{i:06}","type":"{kind}","at":"{at}","actor":"{actor}"{extra}}}"#
            ));
            text.push('\n');
        }
    }
    text
}

fn lifecycle(c: &mut Criterion) {
    let log = log();
    let events: Vec<LogEvent> = log
        .lines()
        .map(|l| serde_json::from_str(l).expect("a bench event"))
        .collect();
    let policy = Policy::default();
    let mut g = c.benchmark_group("lifecycle");
    g.throughput(Throughput::Elements(events.len() as u64));
    g.bench_function("step_in_memory", |b| {
        b.iter(|| {
            let mut accepted = 0usize;
            for dossier in events.chunks(7) {
                let mut state = DossierState::default();
                for e in dossier {
                    if let Ok(s) = lifecycle::step(&state, black_box(e), &policy) {
                        state = s.dossier;
                        accepted += 1;
                    }
                }
            }
            assert_eq!(accepted, events.len());
            accepted
        })
    });
    g.bench_function("replay_jsonl", |b| {
        b.iter(|| {
            let replay = lifecycle::replay(black_box(&log), &policy).expect("replays");
            replay.dossiers.len()
        })
    });
    g.finish();
}

criterion_group!(benches, lifecycle);
criterion_main!(benches);
