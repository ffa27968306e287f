//! The personal identification number (số định danh cá nhân), printed on the citizen identity
//! card (CCCD): 12 digits `PPP G YY RRRRRR` (Decree 137/2015/NĐ-CP; Law on Identification
//! 26/2023/QH15 Art. 12; code tables of Circular 07/2016/TT-BCA Art. 7, then Circular
//! 59/2021/TT-BCA).
//!
//! - `PPP`: the province (Decision 124/2004/QĐ-TTg code with a leading 0) where the birth was
//!   registered; unknown codes are rejected (`spec/tables/personal-id-provinces.json`).
//! - `G`: century and sex: 0/1 = 1900–1999 male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s,
//!   8/9 = 2300s.
//! - `YY`: the last two digits of the birth year, which may not be after the current year.
//! - `RRRRRR`: a random range; there is no check digit.
//!
//! Input may be grouped with spaces (`079 205 012 345`).

use core::fmt;

use serde::{Deserialize, Serialize};

use super::digits::DigitRun;
use super::{tables, validated, IdError, IdInfo, IdKind, Scan, Sink};
use crate::Date;

/// A valid personal identification number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PersonalId {
    digits: [u8; 12],
}

/// Sex as coded in the 4th digit of the personal identification number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    /// Even century codes.
    Male,
    /// Odd century codes.
    Female,
}

/// What a personal identification number says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonalIdInfo {
    /// Code of the province where the birth was registered (`"079"`).
    pub province_code: String,
    /// That province's name at the time (the 63 provinces before 01/7/2025).
    pub province: String,
    /// Sex.
    pub sex: Sex,
    /// Year of birth.
    pub birth_year: i32,
}

impl PersonalId {
    /// The 3-digit code of the province where the birth was registered (`"079"`).
    pub fn province_code(&self) -> String {
        self.digits
            .iter()
            .take(3)
            .map(|&d| char::from(b'0' + d))
            .collect()
    }

    /// The name of that province (before the 2025 re-arrangement).
    pub fn province(&self) -> &'static str {
        tables::province(province_number(&self.digits)).unwrap_or_default()
    }

    /// Sex, from the 4th digit.
    pub fn sex(&self) -> Sex {
        if self.digits[3] % 2 == 0 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// Year of birth, from the 4th to 6th digits.
    pub fn birth_year(&self) -> i32 {
        century_start(self.digits[3]) + i32::from(self.digits[4]) * 10 + i32::from(self.digits[5])
    }

    /// The number with these digits, already checked by the caller.
    pub(crate) fn from_checked(digits: [u8; 12]) -> Self {
        PersonalId { digits }
    }

    /// Checks 12 digits whose length and characters are already known to be right.
    pub(crate) fn check_digits(
        digits: [u8; 12],
        today: Option<Date>,
        sink: &mut impl Sink,
    ) -> Option<Self> {
        let mut ok = true;
        let code = province_number(&digits);
        if tables::province(code).is_none() {
            sink.error(IdError::ProvinceUnknown { code });
            ok = false;
        }
        let id = PersonalId { digits };
        if let Some(today) = today {
            let from = century_start(digits[3]);
            if from > today.year() {
                sink.error(IdError::CenturyCode {
                    code: digits[3],
                    from,
                });
                ok = false;
            } else if id.birth_year() > today.year() {
                sink.error(IdError::BirthYearFuture {
                    year: id.birth_year(),
                    current: today.year(),
                });
                ok = false;
            }
        }
        ok.then_some(id)
    }

    /// What the number says.
    pub fn to_info(&self) -> PersonalIdInfo {
        PersonalIdInfo {
            province_code: self.province_code(),
            province: self.province().to_owned(),
            sex: self.sex(),
            birth_year: self.birth_year(),
        }
    }
}

fn province_number(d: &[u8; 12]) -> u16 {
    u16::from(d[0]) * 100 + u16::from(d[1]) * 10 + u16::from(d[2])
}

/// First year of the century named by the century-and-sex digit (0–9).
fn century_start(code: u8) -> i32 {
    1900 + 100 * i32::from(code / 2)
}

impl Scan for PersonalId {
    const KIND: IdKind = IdKind::PersonalId;

    fn scan(input: &str, today: Option<Date>, sink: &mut impl Sink) -> Option<Self> {
        let run = DigitRun::<12>::read(input);
        if run.count != 12 {
            sink.error(IdError::PersonalIdLength { found: run.count });
        }
        if let Some(found) = run.bad {
            sink.error(IdError::PersonalIdNotDigits { found });
        }
        if !run.is_exact() {
            return None;
        }
        PersonalId::check_digits(run.digits, today, sink)
    }

    fn info(&self) -> IdInfo {
        IdInfo::PersonalId(self.to_info())
    }
}

impl fmt::Display for PersonalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.digits
            .iter()
            .try_for_each(|&d| fmt::Write::write_char(f, char::from(b'0' + d)))
    }
}

validated!(PersonalId);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::testing::{agrees, error_codes, round_trips, today};
    use proptest::prelude::*;

    fn codes(input: &str) -> Vec<String> {
        error_codes(IdKind::PersonalId, input)
    }

    #[test]
    fn reads_what_the_number_says() {
        let id = PersonalId::parse("001085012345", today()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (id.province_code().as_str(), id.province()),
            ("001", "Hà Nội")
        );
        assert_eq!((id.sex(), id.birth_year()), (Sex::Male, 1985));
        let id = PersonalId::parse("079 305 012 345", today()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (id.sex(), id.birth_year(), id.to_string().as_str()),
            (Sex::Female, 2005, "079305012345")
        );
    }

    #[test]
    fn reports_every_error() {
        assert_eq!(
            codes("003227000001"),
            [
                "personal_id.province_unknown",
                "personal_id.birth_year_future"
            ]
        );
        assert_eq!(codes("001400000001"), ["personal_id.century_code"]);
        assert_eq!(
            codes("12a"),
            ["personal_id.length", "personal_id.not_digits"]
        );
        assert_eq!(codes(""), ["personal_id.length"]);
    }

    #[test]
    fn from_str_skips_only_the_rules_of_the_date() {
        assert!("001400000001".parse::<PersonalId>().is_ok());
        let e = "003085012345".parse::<PersonalId>().err().map(|e| e.errors);
        assert_eq!(e, Some(vec![IdError::ProvinceUnknown { code: 3 }]));
    }

    proptest! {
        #[test]
        fn round_trip(p in prop::sample::select(vec!["001", "079", "096", "038"]), g in 0u8..10, rest in "[0-9]{8}") {
            let text = format!("{p}{g}{rest}");
            round_trips::<PersonalId>(&text, &text)?;
            let grouped = format!("{} {} {} {}", &text[..3], &text[3..6], &text[6..9], &text[9..]);
            round_trips::<PersonalId>(&grouped, &text)?;
        }

        #[test]
        fn never_panics_and_agrees(s in "\\PC{0,20}|[0-9 ]{10,16}") {
            agrees(IdKind::PersonalId, &s)?;
        }
    }
}
