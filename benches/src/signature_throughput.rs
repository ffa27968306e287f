//! Signature verification in process, natively: the motcua side of the in-process comparison in
//! `benches/run-signature-peers.sh`, where pyHanko validates the same file in its own process
//! (`benches/peers/pyhanko_verify.py`).
//!
//! `signature-throughput FILE ROOT.pem INTERMEDIATE.pem TIME RUNS`: each run reads FILE
//! (`std::fs::read`) and verifies it with `signature::verify::verify`, trusting ROOT at TIME
//! (RFC 3339) with INTERMEDIATE to build chains, an unknown revocation status accepted (the
//! forge's files carry none; pyHanko soft-fails), the options read once as pyHanko's validation
//! context is; one run first, then RUNS timed runs. Prints one JSON line `{"tool", "bytes",
//! "runs", "median_ms", "min_ms", "mean_ms", "indication"}`; exits 1 unless the document
//! passes (only a passing verification is timed).

use std::process::ExitCode;
use std::time::Instant;

use motcua_core::model::Timestamp;
use motcua_core::signature::certificate::RevocationPolicy;
use motcua_core::signature::verify::{self, OptionPart, VerifyOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, root, intermediate, at, runs] = &args[..] else {
        eprintln!("usage: signature-throughput FILE ROOT.pem INTERMEDIATE.pem TIME RUNS");
        return ExitCode::from(2);
    };
    match run(file, root, intermediate, at, runs) {
        Ok(passed) if passed => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("signature-throughput: {e}");
            ExitCode::from(2)
        }
    }
}

/// Times the runs and prints the line; whether the document passed.
fn run(
    file: &str,
    root: &str,
    intermediate: &str,
    at: &str,
    runs: &str,
) -> Result<bool, Box<dyn std::error::Error>> {
    let at: Timestamp = at.parse().map_err(|_| "TIME: not an RFC 3339 time")?;
    let runs: usize = runs.parse()?;
    let mut options = VerifyOptions::new(at.unix_instant().0);
    // The forge's files carry no revocation data; pyHanko soft-fails on it (as the CLI's
    // --revocation accept-unknown in run-signature-peers.sh).
    options.revocation = RevocationPolicy::AcceptUnknown;
    options.add_certificates(OptionPart::TrustAnchor, &std::fs::read(root)?)?;
    options.add_certificates(OptionPart::Intermediate, &std::fs::read(intermediate)?)?;
    let one = || -> Result<_, Box<dyn std::error::Error>> {
        Ok(verify::verify(&std::fs::read(file)?, &options)?)
    };
    let report = one()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(one()?);
        times.push(start.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(runs / 2).copied().unwrap_or(f64::NAN);
    let min = times.first().copied().unwrap_or(f64::NAN);
    let mean = times.iter().sum::<f64>() / runs.max(1) as f64;
    println!(
        "{{\"tool\":\"motcua-in-process\",\"bytes\":{},\"runs\":{runs},\"median_ms\":{median:.3},\"min_ms\":{min:.3},\"mean_ms\":{mean:.3},\"indication\":\"{:?}\"}}",
        std::fs::metadata(file)?.len(),
        report.indication,
    );
    Ok(report.passes())
}
