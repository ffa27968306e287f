//! The calendar: lunar conversion both ways, working-day lookups, +N working days
//! (`Schedule::add_working_days`, the operation `run-calendar-peers.sh` compares with numpy) and a
//! dossier's whole due date with its explanation (`due::due`, which no peer computes).
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use motcua_core::calendar::due::{self, Clock, Limit, LocalTime, Policy};
use motcua_core::calendar::lunar::{self, Reckoning};
use motcua_core::calendar::schedule::Schedule;
use motcua_core::Date;

/// Dates around the holidays of 2025–2026 (Tết, 30/4–1/5, National Day, a swapped Saturday)
/// and ordinary days, so that lookups meet every kind of day.
const DATES: [(i32, u8, u8); 8] = [
    (2025, 1, 28),
    (2025, 4, 26),
    (2025, 5, 2),
    (2025, 9, 1),
    (2025, 11, 20),
    (2026, 1, 2),
    (2026, 2, 17),
    (2026, 7, 15),
];

fn dates() -> Vec<Date> {
    DATES
        .iter()
        .map(|&(y, m, d)| Date::new(y, m, d).expect("a valid date"))
        .collect()
}

fn lunar_conversion(c: &mut Criterion) {
    let dates = dates();
    let lunar_dates: Vec<_> = dates
        .iter()
        .map(|&d| lunar::to_lunar(d, Reckoning::Vietnam).expect("in range"))
        .collect();
    let mut g = c.benchmark_group("lunar");
    g.throughput(Throughput::Elements(dates.len() as u64));
    g.bench_function("to_lunar", |b| {
        b.iter(|| {
            dates
                .iter()
                .filter_map(|&d| lunar::to_lunar(black_box(d), Reckoning::Vietnam).ok())
                .map(|l| u32::from(l.day()))
                .sum::<u32>()
        })
    });
    g.bench_function("to_solar", |b| {
        b.iter(|| {
            lunar_dates
                .iter()
                .filter_map(|l| {
                    lunar::to_solar(
                        black_box(l.year()),
                        l.month(),
                        l.day(),
                        l.leap(),
                        Reckoning::Vietnam,
                    )
                    .ok()
                })
                .map(|d| d.to_days())
                .sum::<i64>()
        })
    });
    g.finish();
}

fn working_days(c: &mut Criterion) {
    let dates = dates();
    let schedule = Schedule::default();
    let mut g = c.benchmark_group("working_days");
    g.throughput(Throughput::Elements(dates.len() as u64));
    g.bench_function("is_working_day", |b| {
        b.iter(|| {
            dates
                .iter()
                .filter(|&&d| schedule.is_working_day(black_box(d)) == Ok(true))
                .count()
        })
    });
    g.bench_function("add_working_days_15", |b| {
        b.iter(|| {
            dates
                .iter()
                .filter_map(|&d| schedule.add_working_days(black_box(d), 15).ok())
                .map(|d| d.to_days())
                .sum::<i64>()
        })
    });
    let policy = Policy::default();
    let clocks: Vec<Clock> = dates
        .iter()
        .map(|&d| Clock {
            received: LocalTime::new(d, 10, 30).expect("a valid time"),
            limit: Limit::WorkingDays(15),
            supplements: Vec::new(),
            extension: None,
        })
        .collect();
    g.bench_function("due_working_days_15", |b| {
        b.iter(|| {
            clocks
                .iter()
                .filter_map(|c| due::due(black_box(c), &policy).ok())
                .map(|d| d.steps.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, lunar_conversion, working_days);
criterion_main!(benches);
