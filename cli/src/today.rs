//! Today's date in Vietnam, read from the system clock.
//!
//! The core has no clock: the CLI decides what "today" is. Vietnam keeps one time zone,
//! Indochina Time (UTC+7), with no daylight saving time since 1975, so today's date there is
//! the UTC instant shifted by seven hours.

use std::time::{SystemTime, UNIX_EPOCH};

use motcua_core::Date;

/// Offset of Vietnam's time zone from UTC, in seconds.
const VIETNAM_UTC_OFFSET_SECS: i64 = 7 * 3600;

const SECS_PER_DAY: i64 = 86_400;

/// The date in Vietnam at `now`, or `None` if the clock is outside the years a [`Date`] holds.
pub(crate) fn in_vietnam(now: SystemTime) -> Option<Date> {
    let secs = match now.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).ok()?,
        Err(before) => 0i64.checked_sub_unsigned(before.duration().as_secs())?,
    };
    let local = secs.checked_add(VIETNAM_UTC_OFFSET_SECS)?;
    Date::from_days(local.div_euclid(SECS_PER_DAY)).ok()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn at(secs: u64) -> Option<String> {
        in_vietnam(UNIX_EPOCH + Duration::from_secs(secs)).map(|d| d.to_string())
    }

    #[test]
    fn the_date_turns_at_midnight_in_hanoi() {
        // 2026-11-22T16:59:59Z is 23:59:59 in Hà Nội; one second later it is the 23rd there.
        assert_eq!(at(1_795_366_799).as_deref(), Some("2026-11-22"));
        assert_eq!(at(1_795_366_800).as_deref(), Some("2026-11-23"));
    }

    #[test]
    fn before_the_epoch() {
        let d = in_vietnam(UNIX_EPOCH - Duration::from_secs(8 * 3600)).map(|d| d.to_string());
        assert_eq!(d.as_deref(), Some("1969-12-31"));
    }
}
