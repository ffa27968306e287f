//! Agency identifier codes of QCVN 102:2016/BTTTT (Circular 10/2016/TT-BTTTT, amended by
//! Circular 01/2022/TT-BTTTT): `L4.L3.L2.L1`, written `ddd.dd.dd.Ldd`, read right to left.
//!
//! - L1, a capital letter and two digits, is the level-1 unit: `G` for Government bodies and `H`
//!   for provinces are confirmed; other letters are accepted with the warning
//!   `agency_code.group_unconfirmed`. Known level-1 codes are data
//!   (`spec/tables/agency-level1.json`); a unit merged on 01/7/2025 gets
//!   `agency_code.level1_merged`.
//! - L2 (2 digits), L3 (2 digits) and L4 (3 digits) number the units below; zero means none. A
//!   unit under a zero parent (`000.05.00.H29`) gets the warning `agency_code.level_gap`.
//!
//! Example: `000.00.18.G12` is level-2 unit 18 of level-1 unit G12.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::tables::{self, Level1Status};
use super::{validated, IdError, IdInfo, IdKind, IdWarning, Scan, Sink};
use crate::Date;

/// Length of `ddd.dd.dd.Ldd`.
pub(crate) const LEN: usize = 13;

/// A valid agency identifier code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AgencyCode {
    /// ASCII text of the code.
    text: [u8; LEN],
}

/// The group of level-1 units a letter stands for (only the confirmed ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum AgencyGroup {
    /// `G`: ministries, ministerial-level agencies and other Government bodies.
    Government,
    /// `H`: provinces and centrally-run cities.
    Province,
}

/// What an agency code says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgencyCodeInfo {
    /// The level-1 unit (`"H29"`).
    pub level1: String,
    /// Its group, when the letter's group is confirmed.
    pub group: Option<AgencyGroup>,
    /// Its name, when it is in motcua's (partial) list.
    pub level1_name: Option<String>,
    /// Whether it was merged on 01/7/2025, when it is in the list.
    pub level1_merged: Option<bool>,
    /// The level-2 number (`"00"` = none).
    pub level2: String,
    /// The level-3 number (`"00"` = none).
    pub level3: String,
    /// The level-4 number (`"000"` = none).
    pub level4: String,
    /// The deepest level with a unit, 1 to 4.
    pub level: u8,
}

impl AgencyCode {
    fn part(&self, range: core::ops::Range<usize>) -> &str {
        self.text
            .get(range)
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        self.part(0..LEN)
    }

    /// The level-1 unit (`"H29"`).
    pub fn level1(&self) -> &str {
        self.part(10..13)
    }

    /// The level-2, level-3 and level-4 numbers.
    pub fn lower_levels(&self) -> (&str, &str, &str) {
        (self.part(7..9), self.part(4..6), self.part(0..3))
    }

    /// The deepest level with a unit, 1 to 4.
    pub fn level(&self) -> u8 {
        let (l2, l3, l4) = self.lower_levels();
        [(l4, 4), (l3, 3), (l2, 2)]
            .into_iter()
            .find(|(l, _)| l.bytes().any(|b| b != b'0'))
            .map_or(1, |(_, n)| n)
    }

    /// Whether `b` has the shape `ddd.dd.dd.Ldd`.
    pub(crate) fn has_shape(b: &[u8]) -> bool {
        b.len() == LEN
            && b.iter().enumerate().all(|(i, c)| match i {
                3 | 6 | 9 => *c == b'.',
                10 => c.is_ascii_uppercase(),
                _ => c.is_ascii_digit(),
            })
    }

    /// Reads `b` as an agency code, reporting the warnings it deserves; `None` when the shape
    /// is wrong (nothing is reported then: the caller names the error).
    pub(crate) fn read(b: &[u8], sink: &mut impl Sink) -> Option<Self> {
        if !Self::has_shape(b) {
            return None;
        }
        let mut text = [0; LEN];
        text.copy_from_slice(b.get(..LEN)?);
        let code = AgencyCode { text };
        let letter = char::from(text[10]);
        if tables::agency_group(letter).is_none() {
            sink.warning(IdWarning::AgencyGroupUnconfirmed { letter });
        }
        if let Some(unit) = tables::level1(code.level1()) {
            if unit.status == Level1Status::Merged {
                sink.warning(IdWarning::AgencyLevel1Merged {
                    code: code.level1().to_owned(),
                    name: unit.name.as_str(),
                });
            }
        }
        let (l2, l3, l4) = code.lower_levels();
        let present = |s: &str| s.bytes().any(|b| b != b'0');
        if present(l3) && !present(l2) {
            sink.warning(IdWarning::AgencyLevelGap { level: 3 });
        }
        if present(l4) && !present(l3) {
            sink.warning(IdWarning::AgencyLevelGap { level: 4 });
        }
        Some(code)
    }

    /// What the code says.
    pub fn to_info(&self) -> AgencyCodeInfo {
        let unit = tables::level1(self.level1());
        let (l2, l3, l4) = self.lower_levels();
        AgencyCodeInfo {
            level1: self.level1().to_owned(),
            group: tables::agency_group(char::from(self.text[10])),
            level1_name: unit.map(|u| u.name.clone()),
            level1_merged: unit.map(|u| u.status == Level1Status::Merged),
            level2: l2.to_owned(),
            level3: l3.to_owned(),
            level4: l4.to_owned(),
            level: self.level(),
        }
    }
}

impl Scan for AgencyCode {
    const KIND: IdKind = IdKind::AgencyCode;

    fn scan(input: &str, _today: Option<Date>, sink: &mut impl Sink) -> Option<Self> {
        let b = input.trim().as_bytes();
        let code = AgencyCode::read(b, sink);
        if code.is_none() {
            sink.error(IdError::AgencyCodeFormat);
        }
        code
    }

    fn info(&self) -> IdInfo {
        IdInfo::AgencyCode(self.to_info())
    }
}

impl fmt::Display for AgencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

validated!(AgencyCode);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::is_valid;
    use crate::ids::testing::{agrees, round_trips, today, warning_codes};
    use proptest::prelude::*;

    fn warnings(input: &str) -> Vec<String> {
        warning_codes(IdKind::AgencyCode, input)
    }

    #[test]
    fn reads_levels() {
        let code: AgencyCode = "000.00.18.G12".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((code.level1(), code.level()), ("G12", 2));
        assert_eq!(code.lower_levels(), ("18", "00", "000"));
        let info = code.to_info();
        assert_eq!(info.group, Some(AgencyGroup::Government));
        assert_eq!(info.level1_name.as_deref(), Some("Bộ Tài chính"));
        assert_eq!(
            "000.00.00.H29"
                .parse::<AgencyCode>()
                .map(|c| c.level())
                .ok(),
            Some(1)
        );
    }

    #[test]
    fn warns_and_rejects() {
        assert!(warnings("000.00.00.H29").is_empty());
        assert_eq!(warnings("000.00.00.A01"), ["agency_code.group_unconfirmed"]);
        assert_eq!(warnings("000.00.00.H30"), ["agency_code.level1_merged"]);
        assert_eq!(warnings("001.02.00.H29"), ["agency_code.level_gap"]);
        assert_eq!(warnings("001.00.00.H29"), ["agency_code.level_gap"]);
        assert_eq!(warnings("000.02.00.H29"), ["agency_code.level_gap"]);
        for bad in [
            "000.00.00.h29",
            "000.00.00.H2",
            "00.000.00.H29",
            "000.00.00.H29.",
            "H29",
            "",
            "000,00,00,H29",
        ] {
            assert!(!is_valid(IdKind::AgencyCode, bad, today()), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn round_trip(text in "[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}") {
            round_trips::<AgencyCode>(&text, &text)?;
        }

        #[test]
        fn never_panics_and_agrees(s in "\\PC{0,16}") {
            agrees(IdKind::AgencyCode, &s)?;
        }
    }
}
