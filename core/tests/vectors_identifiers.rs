//! Runs the identifier conformance vectors, `spec/vectors/identifiers.json`, through
//! `ids::check` (and `ids::is_valid`), checks that every identifier code of the catalog
//! `spec/findings/ids.json` is exercised, and writes `rust-identifiers.jsonl` under
//! `MOTCUA_SURFACE_OUT` when set.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::BTreeSet;
use std::fmt::Write as _;

use motcua_core::ids::{self, IdKind};
use motcua_core::Date;
use serde::Deserialize;
use serde_json::Value;

const VECTORS: &str = include_str!("../../spec/vectors/identifiers.json");
const CATALOG: &str = include_str!("../../spec/findings/ids.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "$comment")]
    _comment: String,
    today: Date,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    kind: IdKind,
    input: String,
    today: Option<Date>,
    valid: bool,
    normalized: Option<String>,
    errors: Vec<String>,
    warnings: Vec<String>,
    info: Option<Value>,
}

#[test]
fn identifier_vectors() {
    let file: File =
        serde_json::from_str(VECTORS).expect("spec/vectors/identifiers.json is readable");
    assert!(
        file.cases.len() >= 400,
        "at least 400 cases, found {}",
        file.cases.len()
    );
    let mut failures = String::new();
    let mut lines = String::new();
    let mut exercised = BTreeSet::new();
    let mut names = BTreeSet::new();
    for case in &file.cases {
        if !names.insert(case.name.as_str()) {
            writeln!(failures, "{}: duplicate case name", case.name).ok();
        }
        let today = case.today.unwrap_or(file.today);
        let got = ids::check(case.kind, &case.input, today);
        let json = serde_json::to_value(&got).expect("an IdCheck serializes");
        writeln!(lines, "{json}").expect("writing to a string");
        let back: ids::IdCheck = serde_json::from_value(json).expect("an IdCheck deserializes");
        if back != got {
            writeln!(
                failures,
                "{}: the IdCheck does not survive a JSON round trip",
                case.name
            )
            .ok();
        }

        let errors: Vec<String> = got.errors.iter().map(|f| f.code.clone()).collect();
        let warnings: Vec<String> = got.warnings.iter().map(|f| f.code.clone()).collect();
        exercised.extend(errors.iter().chain(&warnings).cloned());
        if got.valid != case.valid
            || got.normalized != case.normalized
            || errors != case.errors
            || warnings != case.warnings
        {
            writeln!(
                failures,
                "{} ({:?}):\n  expected valid={} normalized={:?} errors={:?} warnings={:?}\n  got      valid={} normalized={:?} errors={errors:?} warnings={warnings:?}",
                case.name, case.input, case.valid, case.normalized, case.errors, case.warnings, got.valid, got.normalized
            )
            .ok();
        }
        if let Some(info) = &case.info {
            let got_info = serde_json::to_value(&got.info).expect("info serializes");
            if &got_info != info {
                writeln!(
                    failures,
                    "{}:\n  expected info {info}\n  got      info {got_info}",
                    case.name
                )
                .ok();
            }
        }
        if ids::is_valid(case.kind, &case.input, today) != got.valid {
            writeln!(failures, "{}: is_valid disagrees with check", case.name).ok();
        }
        common::check_rendered(
            &case.name,
            got.errors.iter().chain(&got.warnings),
            &mut failures,
        );
        for f in got.errors.iter().chain(&got.warnings) {
            if !f.path.is_empty() {
                writeln!(
                    failures,
                    "{}: finding {} has path {:?}, expected \"\"",
                    case.name, f.code, f.path
                )
                .ok();
            }
        }
    }

    common::check_coverage(CATALOG, &exercised, &mut failures);
    common::write_surface_out("identifiers", &lines);
    assert!(
        failures.is_empty(),
        "identifier vectors failed:\n{failures}"
    );
}

#[test]
fn check_at_carries_the_path() {
    let today = Date::new(2026, 11, 23).expect("a date");
    let c = ids::check_at(IdKind::TaxCode, "0100233480", today, "/applicant/tax_code");
    assert_eq!(c.errors.len(), 1);
    assert_eq!(c.errors[0].path, "/applicant/tax_code");
}

/// Counts the allocations of the current thread, to check that `is_valid` on tax codes never
/// allocates (tests run on several threads at once, so the count is per thread).
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// The only unsafe code of the tests: a global allocator must implement an unsafe trait. It forwards
// every call unchanged to the system allocator.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

#[test]
fn tax_code_is_valid_never_allocates() {
    let today = Date::new(2026, 11, 23).expect("a date");
    let inputs = [
        "0100233488",
        "0312687878-001",
        "0312687878001",
        "0100233480",
        "0100000000-000",
        "01-00233488",
        "079085012345",
        "003227000001",
        "079585012345",
        " 0100 233 488 ",
        "010023348A",
        "0100.233.488",
        "",
        "0312687878--001",
        "０１００２３３４８８",
        "01002334881234567890",
    ];
    // The first call may build the code tables, once per process.
    for input in inputs {
        ids::is_valid(IdKind::TaxCode, input, today);
    }
    let before = ALLOCATIONS.with(Cell::get);
    let valid = inputs
        .iter()
        .filter(|i| ids::is_valid(IdKind::TaxCode, i, today))
        .count();
    assert_eq!(
        ALLOCATIONS.with(Cell::get),
        before,
        "is_valid(TaxCode) allocated"
    );
    assert_eq!(valid, 5);
}
