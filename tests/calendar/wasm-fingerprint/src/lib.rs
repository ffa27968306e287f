//! Exports `fingerprint(reckoning)` (0 Vietnam, 1 Historical, 2 China; 0 on failure) from a
//! WebAssembly build of motcua-core, for tests/calendar/wasm-fingerprint/run.sh.

use motcua_core::calendar::lunar::Reckoning;

#[path = "../../../../core/tests/common/lunar_fingerprint.rs"]
mod lunar_fingerprint;

/// The fingerprint of reckoning number `reckoning`, 0 if it is unknown or a day fails.
#[no_mangle]
pub extern "C" fn fingerprint(reckoning: u32) -> u64 {
    let reckoning = match reckoning {
        0 => Reckoning::Vietnam,
        1 => Reckoning::Historical,
        2 => Reckoning::China,
        _ => return 0,
    };
    lunar_fingerprint::fingerprint(reckoning).unwrap_or(0)
}
