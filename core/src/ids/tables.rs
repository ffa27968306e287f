//! The code tables of `spec/tables/`, compiled in and parsed once.
//!
//! Each file names its source and date; the unit tests below check that every file parses, has no
//! duplicate, and agrees with the shape its rule gives (for example, that the old 11-digit mobile
//! prefixes convert to prefixes in use).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

const PROVINCES: &str = include_str!("../../../spec/tables/personal-id-provinces.json");
const MOBILE: &str = include_str!("../../../spec/tables/mobile-prefixes.json");
const LANDLINE: &str = include_str!("../../../spec/tables/landline-area-codes.json");
const AGENCIES: &str = include_str!("../../../spec/tables/agency-level1.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvinceFile {
    #[serde(rename = "$comment")]
    _comment: String,
    // Read by the tests, which check that every table names its source and date.
    #[cfg_attr(not(test), allow(dead_code))]
    source: String,
    #[cfg_attr(not(test), allow(dead_code))]
    date: String,
    entries: Vec<Province>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Province {
    code: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MobileFile {
    #[serde(rename = "$comment")]
    _comment: String,
    // Read by the tests, which check that every table names its source and date.
    #[cfg_attr(not(test), allow(dead_code))]
    source: String,
    #[cfg_attr(not(test), allow(dead_code))]
    date: String,
    prefixes: Vec<MobilePrefix>,
    old_11_digit: Vec<OldMobilePrefix>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MobilePrefix {
    prefix: String,
    carrier: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OldMobilePrefix {
    old: String,
    new: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LandlineFile {
    #[serde(rename = "$comment")]
    _comment: String,
    // Read by the tests, which check that every table names its source and date.
    #[cfg_attr(not(test), allow(dead_code))]
    source: String,
    #[cfg_attr(not(test), allow(dead_code))]
    date: String,
    entries: Vec<AreaCode>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaCode {
    code: String,
    province: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgencyFile {
    #[serde(rename = "$comment")]
    _comment: String,
    // Read by the tests, which check that every table names its source and date.
    #[cfg_attr(not(test), allow(dead_code))]
    source: String,
    #[cfg_attr(not(test), allow(dead_code))]
    date: String,
    groups: Vec<AgencyGroupEntry>,
    entries: Vec<Level1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AgencyGroupEntry {
    letter: char,
    group: super::AgencyGroup,
}

/// A known level-1 unit of QCVN 102:2016/BTTTT.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Level1 {
    /// The code, such as `H29`.
    pub(crate) code: String,
    /// The unit's name.
    pub(crate) name: String,
    /// The group its letter stands for (checked against `groups` by the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) group: super::AgencyGroup,
    /// `active`, or `merged` when the unit was merged on 01/7/2025.
    pub(crate) status: Level1Status,
}

/// Whether a level-1 unit still exists as such.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Level1Status {
    /// The unit exists.
    Active,
    /// The unit was merged into another on 01/7/2025 (Resolution 202/2025/QH15).
    Merged,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    // The files are compiled in and checked by the unit tests below: a broken table cannot be
    // released, so a failure here is a build defect, not bad input.
    serde_json::from_str(text).unwrap_or_else(|e| panic!("spec/tables/{name} is invalid: {e}"))
}

/// Province names indexed by the 3-digit code of the personal ID (0–999).
fn provinces() -> &'static [Option<String>] {
    static TABLE: OnceLock<Vec<Option<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let file: ProvinceFile = parse("personal-id-provinces.json", PROVINCES);
        let mut table = vec![None; 1000];
        for p in file.entries {
            if let Some(slot) = p.code.parse::<usize>().ok().and_then(|i| table.get_mut(i)) {
                *slot = Some(p.name);
            }
        }
        table
    })
}

/// The name of the province with the personal-ID code `code`, if it is one.
pub(crate) fn province(code: u16) -> Option<&'static str> {
    provinces().get(usize::from(code))?.as_deref()
}

struct Mobile {
    carriers: HashMap<String, Option<String>>,
    old: HashMap<String, String>,
}

fn mobile() -> &'static Mobile {
    static TABLE: OnceLock<Mobile> = OnceLock::new();
    TABLE.get_or_init(|| {
        let file: MobileFile = parse("mobile-prefixes.json", MOBILE);
        Mobile {
            carriers: file
                .prefixes
                .into_iter()
                .map(|p| (p.prefix, p.carrier))
                .collect(),
            old: file
                .old_11_digit
                .into_iter()
                .map(|p| (p.old, p.new))
                .collect(),
        }
    })
}

/// For a 3-digit mobile prefix in use (`"091"`): `Some(carrier)`, the carrier being known or not.
pub(crate) fn mobile_prefix(prefix: &str) -> Option<Option<&'static str>> {
    mobile().carriers.get(prefix).map(Option::as_deref)
}

/// For an old 4-digit mobile prefix (`"0162"`), the 3-digit prefix it became in 2018.
pub(crate) fn old_mobile_prefix(prefix: &str) -> Option<&'static str> {
    mobile().old.get(prefix).map(String::as_str)
}

fn landline() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let file: LandlineFile = parse("landline-area-codes.json", LANDLINE);
        file.entries
            .into_iter()
            .map(|a| (a.code, a.province))
            .collect()
    })
}

/// The province of the landline area code `code` (`"028"`, `"0236"`).
pub(crate) fn area_code(code: &str) -> Option<&'static str> {
    landline().get(code).map(String::as_str)
}

struct Agencies {
    groups: HashMap<char, super::AgencyGroup>,
    level1: HashMap<String, Level1>,
}

fn agencies() -> &'static Agencies {
    static TABLE: OnceLock<Agencies> = OnceLock::new();
    TABLE.get_or_init(|| {
        let file: AgencyFile = parse("agency-level1.json", AGENCIES);
        Agencies {
            groups: file
                .groups
                .into_iter()
                .map(|g| (g.letter, g.group))
                .collect(),
            level1: file
                .entries
                .into_iter()
                .map(|e| (e.code.clone(), e))
                .collect(),
        }
    })
}

/// The confirmed group of level-1 units whose codes start with `letter`.
pub(crate) fn agency_group(letter: char) -> Option<super::AgencyGroup> {
    agencies().groups.get(&letter).copied()
}

/// The known level-1 unit `code` (`"H29"`).
pub(crate) fn level1(code: &str) -> Option<&'static Level1> {
    agencies().level1.get(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn dated(source: &str, date: &str) {
        assert!(!source.trim().is_empty(), "a table without its source");
        assert!(
            date.parse::<crate::Date>().is_ok(),
            "table date {date:?} is not YYYY-MM-DD"
        );
    }

    fn unique<'a>(codes: impl Iterator<Item = &'a str>) -> usize {
        let mut seen = HashSet::new();
        for c in codes {
            assert!(seen.insert(c), "duplicate code {c}");
        }
        seen.len()
    }

    #[test]
    fn provinces_are_the_63_codes_of_decision_124() {
        let file: ProvinceFile = parse("personal-id-provinces.json", PROVINCES);
        dated(&file.source, &file.date);
        assert_eq!(unique(file.entries.iter().map(|p| p.code.as_str())), 63);
        for p in &file.entries {
            assert!(
                p.code.len() == 3 && p.code.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                p.code
            );
            assert!(
                p.code.starts_with('0'),
                "{} is not 0 + a 2-digit code",
                p.code
            );
        }
        assert_eq!(province(1), Some("Hà Nội"));
        assert_eq!(province(79), Some("TP. Hồ Chí Minh"));
        assert_eq!(province(96), Some("Cà Mau"));
        for gap in [
            0, 3, 5, 7, 9, 13, 16, 18, 21, 23, 28, 29, 32, 39, 41, 43, 47, 50, 53, 55, 57, 59,
        ] {
            assert_eq!(province(gap), None, "{gap:03} is a gap");
        }
        for gap in [61, 63, 65, 69, 71, 73, 76, 78, 81, 85, 88, 90, 97, 100, 999] {
            assert_eq!(province(gap), None, "{gap:03} is a gap");
        }
    }

    #[test]
    fn mobile_prefixes_and_conversions_agree() {
        let file: MobileFile = parse("mobile-prefixes.json", MOBILE);
        dated(&file.source, &file.date);
        assert_eq!(unique(file.prefixes.iter().map(|p| p.prefix.as_str())), 36);
        for p in &file.prefixes {
            let b = p.prefix.as_bytes();
            assert!(b.len() == 3 && b.first() == Some(&b'0'), "{}", p.prefix);
            assert!(
                matches!(b.get(1), Some(b'3' | b'5' | b'7' | b'8' | b'9')),
                "{}",
                p.prefix
            );
        }
        assert_eq!(unique(file.old_11_digit.iter().map(|p| p.old.as_str())), 21);
        for p in &file.old_11_digit {
            assert!(p.old.len() == 4 && p.old.starts_with("01"), "{}", p.old);
            assert!(
                mobile_prefix(&p.new).is_some(),
                "{} converts to {}, not in use",
                p.old,
                p.new
            );
        }
        assert_eq!(mobile_prefix("095"), None);
        assert_eq!(mobile_prefix("091"), Some(Some("VinaPhone")));
        assert_eq!(mobile_prefix("087"), Some(None));
        assert_eq!(old_mobile_prefix("0121"), Some("079"));
    }

    #[test]
    fn area_codes_have_the_2017_shape() {
        let file: LandlineFile = parse("landline-area-codes.json", LANDLINE);
        dated(&file.source, &file.date);
        assert_eq!(unique(file.entries.iter().map(|a| a.code.as_str())), 63);
        for a in &file.entries {
            let three = a.code == "024" || a.code == "028";
            assert!(
                three || (a.code.len() == 4 && a.code.starts_with("02")),
                "{}",
                a.code
            );
            // No 4-digit code may start with a 3-digit one, or reading would be ambiguous.
            assert!(
                three || !(a.code.starts_with("024") || a.code.starts_with("028")),
                "{}",
                a.code
            );
        }
        assert_eq!(area_code("028"), Some("TP. Hồ Chí Minh"));
        assert_eq!(area_code("0299"), Some("Sóc Trăng"));
        assert_eq!(area_code("0217"), None);
    }

    #[test]
    fn level1_codes_match_their_group() {
        let file: AgencyFile = parse("agency-level1.json", AGENCIES);
        dated(&file.source, &file.date);
        unique(file.entries.iter().map(|e| e.code.as_str()));
        for e in &file.entries {
            let b = e.code.as_bytes();
            assert!(
                b.len() == 3 && b.iter().skip(1).all(u8::is_ascii_digit),
                "{}",
                e.code
            );
            let letter = e.code.chars().next().unwrap_or_default();
            assert_eq!(agency_group(letter), Some(e.group), "{}", e.code);
        }
        assert_eq!(level1("H30").map(|l| l.status), Some(Level1Status::Merged));
        assert_eq!(
            level1("G22").map(|l| l.name.as_str()),
            Some("Văn phòng Chính phủ")
        );
    }
}
