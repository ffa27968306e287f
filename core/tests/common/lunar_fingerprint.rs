//! A fingerprint of the lunar calendar: FNV-1a over the lunar date (year, month, day, leap) of
//! every day 1900-2199 in one reckoning. `core/tests/lunar_props.rs` checks it natively and
//! `tests/calendar/wasm-fingerprint/` computes it in WebAssembly, so that a difference in
//! floating-point between the two builds that moves a single day is caught.

use motcua_core::calendar::lunar::{self, Reckoning, FIRST_YEAR, LAST_YEAR};
use motcua_core::Date;

/// The fingerprint of `reckoning`, or `None` if a day of the range fails to convert.
pub(crate) fn fingerprint(reckoning: Reckoning) -> Option<u64> {
    let first = Date::new(FIRST_YEAR, 1, 1).ok()?.to_days();
    let last = Date::new(LAST_YEAR, 12, 31).ok()?.to_days();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for days in first..=last {
        let l = lunar::to_lunar(Date::from_days(days).ok()?, reckoning).ok()?;
        for value in [
            l.year() as u64,
            l.month().into(),
            l.day().into(),
            l.leap().into(),
        ] {
            hash = (hash ^ value).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    Some(hash)
}
