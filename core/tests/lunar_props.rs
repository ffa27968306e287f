//! Properties of the lunar calendar over its whole range: every day 1900-2199 converts to a lunar
//! date and back, consecutive days are consecutive lunar days, and random days round-trip.

#[path = "common/lunar_fingerprint.rs"]
mod lunar_fingerprint;

use motcua_core::calendar::lunar::{self, LunarDate, Reckoning, FIRST_YEAR, LAST_YEAR};
use motcua_core::Date;
use proptest::prelude::*;

const RECKONINGS: [Reckoning; 3] = [Reckoning::Vietnam, Reckoning::Historical, Reckoning::China];

/// The fingerprints of the Vietnam, Historical and China reckonings, as computed by the
/// WebAssembly build under node (tests/calendar/wasm-fingerprint/run.sh reads this line).
const FINGERPRINTS: [u64; 3] = [
    0x0cde_bef0_288e_ac7d,
    0xebf5_813a_23fe_2fce,
    0xce23_66de_6201_17df,
];

/// Native and WebAssembly builds compute the same calendar for every day 1900-2199 (their `sin`
/// may differ in the last bit, which must not move a day).
#[test]
fn fingerprints_match_the_webassembly_build() {
    let native = RECKONINGS.map(lunar_fingerprint::fingerprint);
    assert_eq!(native, FINGERPRINTS.map(Some));
}

fn first_day() -> i64 {
    Date::new(FIRST_YEAR, 1, 1).unwrap().to_days()
}

fn last_day() -> i64 {
    Date::new(LAST_YEAR, 12, 31).unwrap().to_days()
}

fn back(l: LunarDate, reckoning: Reckoning) -> Date {
    lunar::to_solar(l.year(), l.month(), l.day(), l.leap(), reckoning).unwrap()
}

/// Every day of 1900-2199 in every reckoning: the round trip holds, the next day is the next
/// lunar day or day 1 of the next month, months have 29 or 30 days, and a year has 12 or 13
/// months with at most one leap month.
#[test]
fn every_day_round_trips_and_follows_the_previous() {
    for reckoning in RECKONINGS {
        let mut previous: Option<LunarDate> = None;
        for days in first_day()..=last_day() {
            let date = Date::from_days(days).unwrap();
            let l = lunar::to_lunar(date, reckoning).unwrap();
            assert_eq!(back(l, reckoning), date, "{reckoning:?} {date}");
            if let Some(p) = previous {
                let next_day = l.day() == p.day() + 1
                    && (l.year(), l.month(), l.leap()) == (p.year(), p.month(), p.leap());
                let new_month = l.day() == 1 && (p.day() == 29 || p.day() == 30);
                assert!(
                    next_day || new_month,
                    "{reckoning:?} {date}: {p:?} then {l:?}"
                );
                if new_month {
                    let length = lunar::month_length(p.year(), p.month(), p.leap(), reckoning);
                    if (FIRST_YEAR..=LAST_YEAR).contains(&p.year()) {
                        assert_eq!(length, Ok(p.day()), "{reckoning:?} {p:?}");
                    }
                }
            }
            previous = Some(l);
        }
        for year in FIRST_YEAR..=LAST_YEAR {
            let leap = lunar::leap_month(year, reckoning).unwrap();
            let months: Vec<(u8, bool)> = (1..=12)
                .flat_map(|m| [(m, false), (m, true)])
                .filter(|&(m, leap)| lunar::month_length(year, m, leap, reckoning).is_ok())
                .collect();
            assert_eq!(months.len(), 12 + usize::from(leap.is_some()), "{year}");
        }
    }
}

/// In 1900-2199 the UTC+7 calendar has a leap month in 7 years out of 19 on average.
#[test]
fn leap_years_follow_the_metonic_rate() {
    let leap_years = (FIRST_YEAR..=LAST_YEAR)
        .filter(|&y| lunar::leap_month(y, Reckoning::Vietnam).unwrap().is_some())
        .count();
    // 300 years × 7/19 ≈ 110.5.
    assert!((109..=112).contains(&leap_years), "{leap_years}");
}

/// The Historical reckoning is the Chinese one before 1968-01-01 and the Vietnamese one after.
#[test]
fn historical_is_china_then_vietnam() {
    let switch = Date::new(1968, 1, 1).unwrap().to_days();
    // The month in progress on 1968-01-01 started under UTC+8; check from the next Tết.
    let after = Date::new(1968, 1, 29).unwrap().to_days();
    for days in (first_day()..switch).chain(after..=last_day()).step_by(7) {
        let date = Date::from_days(days).unwrap();
        let expected = if days < switch {
            Reckoning::China
        } else {
            Reckoning::Vietnam
        };
        assert_eq!(
            lunar::to_lunar(date, Reckoning::Historical),
            lunar::to_lunar(date, expected),
            "{date}"
        );
    }
}

proptest! {
    #[test]
    fn random_days_round_trip(days in first_day()..=last_day(), r in 0usize..3) {
        let reckoning = RECKONINGS[r];
        let date = Date::from_days(days).unwrap();
        let l = lunar::to_lunar(date, reckoning).unwrap();
        prop_assert_eq!(back(l, reckoning), date);
    }

    #[test]
    fn any_lunar_input_is_a_date_or_a_typed_error(
        year in 1800i32..2300, month in 0u8..15, day in 0u8..33, leap: bool, r in 0usize..3
    ) {
        let reckoning = RECKONINGS[r];
        if let Ok(date) = lunar::to_solar(year, month, day, leap, reckoning) {
            let l = lunar::to_lunar(date, reckoning).unwrap();
            prop_assert_eq!((l.year(), l.month(), l.day(), l.leap()), (year, month, day, leap));
        }
    }
}
