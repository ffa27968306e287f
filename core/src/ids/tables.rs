//! The code tables of `spec/tables/`, compiled in and parsed once.
//!
//! Each file names its source and date; the unit tests below check that every file parses, has no
//! duplicate, and agrees with the shape its rule gives (for example, that the old 11-digit mobile
//! prefixes convert to prefixes in use).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// A table file compiled in: (file name, text).
type Source = (&'static str, &'static str);

macro_rules! table {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../spec/tables/", $name)))
    };
}

const PROVINCES: Source = table!("personal-id-provinces.json");
const MOBILE: Source = table!("mobile-prefixes.json");
const OLD_MOBILE: Source = table!("mobile-11-digit-conversion.json");
const LANDLINE: Source = table!("landline-area-codes.json");
const GROUPS: Source = table!("agency-groups.json");
const LEVEL1: Source = table!("agency-level1.json");

/// Every table file: what it is, where it comes from and when it was read, and its entries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile<T> {
    #[serde(rename = "$comment")]
    _comment: String,
    // Read by the tests, which check that every table names its source and date.
    #[cfg_attr(not(test), allow(dead_code))]
    source: String,
    #[cfg_attr(not(test), allow(dead_code))]
    date: String,
    entries: Vec<T>,
}

/// The entries of a table.
fn load<T: serde::de::DeserializeOwned>((name, text): Source) -> Vec<T> {
    // The files are compiled in and checked by the unit tests below: a broken table cannot be
    // released, so a failure here is a build defect, not bad input.
    serde_json::from_str::<TableFile<T>>(text)
        .unwrap_or_else(|e| panic!("spec/tables/{name} is invalid: {e}"))
        .entries
}

/// A table as a map, each entry giving its key and value through `pair`.
fn keyed<T, K, V>(source: Source, pair: impl Fn(T) -> (K, V)) -> HashMap<K, V>
where
    T: serde::de::DeserializeOwned,
    K: Eq + core::hash::Hash,
{
    load::<T>(source).into_iter().map(pair).collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Province {
    code: String,
    name: String,
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
struct AreaCode {
    code: String,
    province: String,
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
    /// The group its letter stands for (checked against the groups table by the tests).
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

/// Province names indexed by the 3-digit code of the personal ID (0–999).
fn provinces() -> &'static [Option<String>] {
    static TABLE: OnceLock<Vec<Option<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![None; 1000];
        for p in load::<Province>(PROVINCES) {
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

/// For a 3-digit mobile prefix in use (`"091"`): `Some(carrier)`, the carrier being known or not.
pub(crate) fn mobile_prefix(prefix: &str) -> Option<Option<&'static str>> {
    static TABLE: OnceLock<HashMap<String, Option<String>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| keyed(MOBILE, |p: MobilePrefix| (p.prefix, p.carrier)));
    table.get(prefix).map(Option::as_deref)
}

/// For an old 4-digit mobile prefix (`"0162"`), the 3-digit prefix it became in 2018.
pub(crate) fn old_mobile_prefix(prefix: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    let table = TABLE.get_or_init(|| keyed(OLD_MOBILE, |p: OldMobilePrefix| (p.old, p.new)));
    table.get(prefix).map(String::as_str)
}

/// The province of the landline area code `code` (`"028"`, `"0236"`).
pub(crate) fn area_code(code: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    let table = TABLE.get_or_init(|| keyed(LANDLINE, |a: AreaCode| (a.code, a.province)));
    table.get(code).map(String::as_str)
}

/// The confirmed group of level-1 units whose codes start with `letter`.
pub(crate) fn agency_group(letter: char) -> Option<super::AgencyGroup> {
    static TABLE: OnceLock<HashMap<char, super::AgencyGroup>> = OnceLock::new();
    let table = TABLE.get_or_init(|| keyed(GROUPS, |g: AgencyGroupEntry| (g.letter, g.group)));
    table.get(&letter).copied()
}

/// The known level-1 unit `code` (`"H29"`).
pub(crate) fn level1(code: &str) -> Option<&'static Level1> {
    static TABLE: OnceLock<HashMap<String, Level1>> = OnceLock::new();
    let table = TABLE.get_or_init(|| keyed(LEVEL1, |e: Level1| (e.code.clone(), e)));
    table.get(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The codes of a table, checked to be unique.
    fn unique_codes<T: serde::de::DeserializeOwned>(
        source: Source,
        code: impl Fn(&T) -> String,
    ) -> Vec<String> {
        let codes: Vec<String> = load::<T>(source).iter().map(code).collect();
        let mut seen = HashSet::new();
        for c in &codes {
            assert!(seen.insert(c), "duplicate code {c} in {}", source.0);
        }
        codes
    }

    #[test]
    fn every_table_names_its_source_and_date() {
        for (name, text) in [PROVINCES, MOBILE, OLD_MOBILE, LANDLINE, GROUPS, LEVEL1] {
            let file: TableFile<serde_json::Value> =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!file.source.trim().is_empty(), "{name} has no source");
            assert!(
                file.date.parse::<crate::Date>().is_ok(),
                "{name}: date {:?} is not YYYY-MM-DD",
                file.date
            );
            assert!(!file.entries.is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn provinces_are_the_63_codes_of_decision_124() {
        let codes = unique_codes::<Province>(PROVINCES, |p| p.code.clone());
        assert_eq!(codes.len(), 63);
        for c in &codes {
            assert!(
                c.len() == 3 && c.starts_with('0') && c.bytes().all(|b| b.is_ascii_digit()),
                "{c}"
            );
        }
        assert_eq!(province(1), Some("Hà Nội"));
        assert_eq!(province(79), Some("TP. Hồ Chí Minh"));
        assert_eq!(province(96), Some("Cà Mau"));
        let gaps = [
            0, 3, 5, 7, 9, 13, 16, 18, 21, 23, 28, 29, 32, 39, 41, 43, 47, 50, 53, 55, 57, 59,
        ];
        let more = [61, 63, 65, 69, 71, 73, 76, 78, 81, 85, 88, 90, 97, 100, 999];
        for gap in gaps.into_iter().chain(more) {
            assert_eq!(province(gap), None, "{gap:03} is a gap");
        }
    }

    #[test]
    fn mobile_prefixes_and_conversions_agree() {
        let prefixes = unique_codes::<MobilePrefix>(MOBILE, |p| p.prefix.clone());
        assert_eq!(prefixes.len(), 36);
        for p in &prefixes {
            let b = p.as_bytes();
            assert!(b.len() == 3 && b.first() == Some(&b'0'), "{p}");
            assert!(
                matches!(b.get(1), Some(b'3' | b'5' | b'7' | b'8' | b'9')),
                "{p}"
            );
        }
        assert_eq!(
            unique_codes::<OldMobilePrefix>(OLD_MOBILE, |p| p.old.clone()).len(),
            21
        );
        for p in load::<OldMobilePrefix>(OLD_MOBILE) {
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
        let codes = unique_codes::<AreaCode>(LANDLINE, |a| a.code.clone());
        assert_eq!(codes.len(), 63);
        for c in &codes {
            let three = c == "024" || c == "028";
            assert!(three || (c.len() == 4 && c.starts_with("02")), "{c}");
            // No 4-digit code may start with a 3-digit one, or reading would be ambiguous.
            assert!(
                three || !(c.starts_with("024") || c.starts_with("028")),
                "{c}"
            );
        }
        assert_eq!(area_code("028"), Some("TP. Hồ Chí Minh"));
        assert_eq!(area_code("0299"), Some("Sóc Trăng"));
        assert_eq!(area_code("0217"), None);
    }

    #[test]
    fn level1_codes_match_their_group() {
        unique_codes::<AgencyGroupEntry>(GROUPS, |g| g.letter.to_string());
        unique_codes::<Level1>(LEVEL1, |e| e.code.clone());
        for e in load::<Level1>(LEVEL1) {
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
