//! The astronomy behind the lunar calendar, after Hồ Ngọc Đức, "Computing the Vietnamese lunar
//! calendar" (<https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_en.html>): the truncated
//! series of Jean Meeus, *Astronomical Algorithms*, for the instant of a new moon (ch. 49) and the
//! apparent longitude of the Sun (ch. 25, low accuracy). Their error (minutes) is far below the
//! resolution of a calendar day except for events within minutes of local midnight, and the
//! published calendar of Hồ Ngọc Đức is itself computed with them; spec/calendar/lunar.md.
//!
//! Days are counted as in [`crate::Date::to_days`] (0 = 1970-01-01); a Julian date is
//! `days + JD_UNIX_EPOCH` at 00:00 UT of that day minus half a day.

use core::f64::consts::PI;

/// Julian day number of 1970-01-01 (day 0 of [`crate::Date::to_days`]).
const JDN_UNIX_EPOCH: i64 = 2_440_588;

/// Mean length of the synodic month, in days (Meeus 49.1).
const SYNODIC_MONTH: f64 = 29.530_588_853;

const DEG: f64 = PI / 180.0;

/// Julian date (UT) of the new moon `k` lunations after that of 1900-01-01 13:51 UT.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    // Mean phase (Meeus 49.1, with the older epoch of the published algorithm).
    let mut jd = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * DEG).sin();
    // Mean anomalies of the Sun (m) and the Moon (mp), the Moon's argument of latitude (f).
    let m = 359.224_2 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mp = 306.025_3 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.296_4 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    let s = |deg: f64| (deg * DEG).sin();
    // Periodic terms of the new moon (Meeus table 49.A, truncated).
    let c = (0.173_4 - 0.000_393 * t) * s(m) + 0.002_1 * s(2.0 * m) - 0.406_8 * s(mp)
        + 0.016_1 * s(2.0 * mp)
        - 0.000_4 * s(3.0 * mp)
        + 0.010_4 * s(2.0 * f)
        - 0.005_1 * s(m + mp)
        - 0.007_4 * s(m - mp)
        + 0.000_4 * s(2.0 * f + m)
        - 0.000_4 * s(2.0 * f - m)
        - 0.000_6 * s(2.0 * f + mp)
        + 0.001_0 * s(2.0 * f - mp)
        + 0.000_5 * s(2.0 * mp + m);
    // ΔT (TT − UT) in days, as a polynomial in t.
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd + c - delta_t
}

/// Apparent longitude of the Sun at Julian date `jd`, in radians in `[0, 2π)`.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let centre = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (m * DEG).sin()
        + (0.019_993 - 0.000_101 * t) * (2.0 * m * DEG).sin()
        + 0.000_290 * (3.0 * m * DEG).sin();
    ((l0 + centre) * DEG).rem_euclid(2.0 * PI)
}

/// The local calendar day (as in [`crate::Date::to_days`]) of new moon `k` at UTC+`tz` hours.
pub(super) fn new_moon_day(k: i64, tz: f64) -> i64 {
    (new_moon(k) + 0.5 + tz / 24.0).floor() as i64 - JDN_UNIX_EPOCH
}

/// The 30° sector (0–11) of the Sun's longitude at local midnight starting `day` at UTC+`tz`;
/// sector `s` begins at the major solar term ("trung khí") of longitude `30·s`°, so month 11
/// (sector 9, the December solstice at 270°) is the month in which sector 9 begins.
pub(super) fn sun_sector(day: i64, tz: f64) -> u8 {
    let jd = (day + JDN_UNIX_EPOCH) as f64 - 0.5 - tz / 24.0;
    // `rem_euclid` may round up to exactly 2π; that instant belongs to sector 0.
    ((sun_longitude(jd) / PI * 6.0).floor() as u8) % 12
}

/// The lunation number `k` of the new moon that starts month 11 (the month in which the December
/// solstice falls) for the solstice of the Gregorian year whose 31 December is `dec31`: the last
/// new moon before that day, or the one before it if the Sun has already reached the solstice
/// sector at that new moon's local midnight.
pub(super) fn month_11(dec31: i64, tz: f64) -> i64 {
    let k = (((dec31 + JDN_UNIX_EPOCH) as f64 - 2_415_021.0) / SYNODIC_MONTH).floor() as i64;
    if sun_sector(new_moon_day(k, tz), tz) >= 9 {
        k - 1
    } else {
        k
    }
}
