//! The lifecycle: events folded through `lifecycle::step` in memory, and the replay of the same
//! events written as a JSON Lines log (parsing, grouping by dossier, due dates, timeliness).
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use motcua_core::calendar::due::Policy;
use motcua_core::lifecycle::{self, DossierState, LogEvent};

#[path = "src/lifecycle_log.rs"]
mod lifecycle_log;

fn lifecycle(c: &mut Criterion) {
    let log = lifecycle_log::log(lifecycle_log::DOSSIERS);
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
            for dossier in events.chunks(lifecycle_log::EVENTS_PER_DOSSIER) {
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
