//! The lifecycle log the benches replay: shared by the criterion bench (`benches/lifecycle.rs`)
//! and `lifecycle-throughput` (`benches/run-lifecycle-wasm.sh`), so that native and WebAssembly
//! figures are taken on the same log.

/// Dossiers in the bench log.
pub(crate) const DOSSIERS: usize = 1_000;

/// Events of each dossier.
pub(crate) const EVENTS_PER_DOSSIER: usize = 7;

/// The usual life of a dossier (7 events: submitted, received, transferred, two hand-overs,
/// processed, returned), dossier `i` received on one of the working days of 2025–2026 under
/// Decree 61/2018 or Decree 118/2025; `dossiers` dossiers, one after another, as JSON Lines.
pub(crate) fn log(dossiers: usize) -> String {
    const LIFE: [(&str, usize, &str, &str, &str); EVENTS_PER_DOSSIER] = [
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
    for i in 0..dossiers {
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
