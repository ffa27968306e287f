//! Identifier checks: the fast yes/no path and the full check with findings.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use motcua_core::ids::{self, IdKind};
use motcua_core::Date;

const TODAY: Date = match Date::new(2026, 11, 23) {
    Ok(d) => d,
    Err(_) => panic!("a valid date"),
};

/// Valid and invalid tax codes in the shapes met on forms.
const TAX_CODES: [&str; 8] = [
    "0100233488",
    "0314409058",
    "0100112437",
    "0100233480",
    "0312687878-001",
    "0100233488-000",
    "01002334",
    "010023348a",
];

fn tax_code(c: &mut Criterion) {
    let mut g = c.benchmark_group("tax_code");
    g.throughput(Throughput::Elements(TAX_CODES.len() as u64));
    g.bench_function("is_valid", |b| {
        b.iter(|| {
            TAX_CODES
                .iter()
                .filter(|s| ids::is_valid(IdKind::TaxCode, black_box(s), TODAY))
                .count()
        })
    });
    g.bench_function("check", |b| {
        b.iter(|| {
            TAX_CODES
                .iter()
                .map(|s| {
                    ids::check(IdKind::TaxCode, black_box(s), TODAY)
                        .errors
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

fn every_kind(c: &mut Criterion) {
    let samples = [
        (IdKind::PersonalId, "001085012345"),
        (IdKind::OldId, "012345678"),
        (IdKind::AgencyCode, "000.00.00.H29"),
        (IdKind::ProcedureCode, "1.000656.000.00.00.H29"),
        (IdKind::DossierCode, "000.00.00.H29-250701-0001"),
        (IdKind::Phone, "+84 912 345 678"),
    ];
    let mut g = c.benchmark_group("is_valid");
    for (kind, input) in samples {
        g.bench_function(kind.as_str(), |b| {
            b.iter(|| ids::is_valid(kind, black_box(input), TODAY))
        });
    }
    g.finish();
}

criterion_group!(benches, tax_code, every_kind);
criterion_main!(benches);
