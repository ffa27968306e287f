//! Dossier codes (mã hồ sơ): the code printed on the receipt (Mẫu 01) and used to track a
//! dossier. Three patterns are recognised, and [`DossierCodeInfo::pattern`] says which matched:
//!
//! 1. Circular 01/2018/TT-VPCP Art. 19: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`, the receiving
//!    agency's QCVN 102 code, the receipt date and a 4-digit daily sequence
//!    (`000.00.00.H29-250312-0001`).
//! 2. Circular 03/2025/TT-VPCP Art. 13(3), added by Circular 04/2025/TT-VPCP Art. 23(2) and in
//!    force from 25/01/2026 for procedures run on a centralised nationwide system:
//!    `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX`, the processing agency's identifier, the receipt date,
//!    2 digits of the system owner's identifier and a daily sequence of at least 4 digits
//!    (`H29.000.00-260312-220001`). A code of this pattern dated before 25/01/2026 gets the
//!    warning `dossier_code.pattern_not_in_force`.
//! 3. The form observed on the National Public Service Portal (2026), which matches neither
//!    circular: a short agency code, `yyyyMMdd` and a 4- to 7-digit sequence
//!    (`G09.20-20260609-0092637`).
//!
//! In every pattern the date must be a real date (years `YY` are 2000 + YY) and not after today.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::agency_code::AgencyCode;
use super::{validated, IdError, IdInfo, IdKind, IdWarning, Scan, Sink};
use crate::Date;

/// From this day the pattern of Circular 03/2025/TT-VPCP Art. 13(3) applies.
const CENTRALISED_FROM: Date = match Date::new(2026, 1, 25) {
    Ok(d) => d,
    Err(_) => panic!("2026-01-25 is a date"),
};

/// Which pattern a dossier code follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum DossierPattern {
    /// `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`, Circular 01/2018/TT-VPCP Art. 19.
    #[serde(rename = "circular-01-2018")]
    Circular01Of2018,
    /// `MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX`, Circular 03/2025/TT-VPCP Art. 13(3).
    #[serde(rename = "circular-03-2025")]
    Circular03Of2025,
    /// `<short agency code>-yyyyMMdd-<sequence>`, observed on the National Public Service Portal.
    #[serde(rename = "portal-observed")]
    PortalObserved,
}

/// A valid dossier code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DossierCode {
    text: String,
    pattern: DossierPattern,
    date: Date,
}

/// What a dossier code says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DossierCodeInfo {
    /// The pattern that matched.
    pub pattern: DossierPattern,
    /// The agency part as written.
    pub agency: String,
    /// The receipt date.
    pub date: Date,
    /// The daily sequence (for Circular 03/2025, without the two system digits).
    pub sequence: String,
    /// The two digits `AA` of the centralised system's owner (Circular 03/2025 only).
    pub system: Option<String>,
}

fn digits(s: &str, len: core::ops::RangeInclusive<usize>) -> bool {
    len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// `[A-Z]\d{2}\.\d{3}\.\d{2}`: the agency identifier of Circular 03/2025 Art. 13(3).
fn is_centralised_agency(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            0 => c.is_ascii_uppercase(),
            3 | 7 => *c == b'.',
            _ => c.is_ascii_digit(),
        })
}

/// `[A-Z]\d{2}(\.\d{2,3}){0,3}`: a short agency code as the portal writes it (`G09.20`).
fn is_short_agency(s: &str) -> bool {
    let mut groups = s.split('.');
    let head = groups.next().unwrap_or_default().as_bytes();
    let head_ok = head.len() == 3
        && head.iter().enumerate().all(|(i, c)| {
            if i == 0 {
                c.is_ascii_uppercase()
            } else {
                c.is_ascii_digit()
            }
        });
    head_ok && s.split('.').count() <= 4 && groups.all(|g| digits(g, 2..=3))
}

/// The receipt date of `YYMMDD` or `yyyyMMdd`.
fn read_date(s: &str) -> Option<Date> {
    let num = |r: core::ops::Range<usize>| s.get(r)?.parse::<u16>().ok();
    let (year, rest) = match s.len() {
        6 => (2000 + i32::from(num(0..2)?), 2),
        _ => (i32::from(num(0..4)?), 4),
    };
    let month = u8::try_from(num(rest..rest + 2)?).ok()?;
    let day = u8::try_from(num(rest + 2..rest + 4)?).ok()?;
    Date::new(year, month, day).ok()
}

impl DossierCode {
    /// The pattern the code follows.
    pub fn pattern(&self) -> DossierPattern {
        self.pattern
    }

    /// The receipt date.
    pub fn date(&self) -> Date {
        self.date
    }

    fn parts(&self) -> (&str, &str) {
        let mut parts = self.text.splitn(3, '-');
        let agency = parts.next().unwrap_or_default();
        (agency, parts.nth(1).unwrap_or_default())
    }
}

impl Scan for DossierCode {
    const KIND: IdKind = IdKind::DossierCode;

    fn scan(input: &str, today: Option<Date>, sink: &mut impl Sink) -> Option<Self> {
        let text = input.trim();
        let mut parts = text.split('-');
        let (Some(agency), Some(date), Some(sequence), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            sink.error(IdError::DossierCodeFormat);
            return None;
        };
        let pattern = if AgencyCode::has_shape(agency.as_bytes())
            && digits(date, 6..=6)
            && digits(sequence, 4..=4)
        {
            DossierPattern::Circular01Of2018
        } else if is_centralised_agency(agency)
            && digits(date, 6..=6)
            && digits(sequence, 6..=usize::MAX)
        {
            DossierPattern::Circular03Of2025
        } else if is_short_agency(agency) && digits(date, 8..=8) && digits(sequence, 4..=7) {
            DossierPattern::PortalObserved
        } else {
            sink.error(IdError::DossierCodeFormat);
            return None;
        };
        if pattern == DossierPattern::Circular01Of2018 {
            AgencyCode::read(agency.as_bytes(), sink);
        }
        let Some(when) = read_date(date) else {
            sink.error(IdError::DossierDateInvalid {
                date: date.to_owned(),
            });
            return None;
        };
        if let Some(today) = today {
            if when > today {
                sink.error(IdError::DossierDateFuture { date: when, today });
                return None;
            }
        }
        if pattern == DossierPattern::Circular03Of2025 && when < CENTRALISED_FROM {
            sink.warning(IdWarning::DossierPatternNotInForce { date: when });
        }
        Some(DossierCode {
            text: text.to_owned(),
            pattern,
            date: when,
        })
    }

    fn info(&self) -> IdInfo {
        let (agency, tail) = self.parts();
        let (system, sequence) = match self.pattern {
            DossierPattern::Circular03Of2025 => (
                tail.get(..2).map(str::to_owned),
                tail.get(2..).unwrap_or_default(),
            ),
            _ => (None, tail),
        };
        IdInfo::DossierCode(DossierCodeInfo {
            pattern: self.pattern,
            agency: agency.to_owned(),
            date: self.date,
            sequence: sequence.to_owned(),
            system,
        })
    }
}

impl fmt::Display for DossierCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

validated!(DossierCode);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::check;
    use crate::ids::testing::{agrees, error_codes, round_trips, today, warning_codes};
    use proptest::prelude::*;

    fn pattern(input: &str) -> Option<DossierPattern> {
        DossierCode::parse(input, today()).ok().map(|c| c.pattern())
    }

    #[test]
    fn names_the_pattern() {
        assert_eq!(
            pattern("000.00.00.H29-250312-0001"),
            Some(DossierPattern::Circular01Of2018)
        );
        assert_eq!(
            pattern("H29.000.00-260312-220001"),
            Some(DossierPattern::Circular03Of2025)
        );
        assert_eq!(
            pattern("G09.20-20260609-0092637"),
            Some(DossierPattern::PortalObserved)
        );
        assert_eq!(pattern("000.00.00.H29-250312-001"), None);
        assert_eq!(pattern("000.00.00.H29-20250312-0001"), None);
        let c = check(IdKind::DossierCode, "G09.20-20260609-0092637", today());
        let Some(IdInfo::DossierCode(info)) = c.info else {
            panic!("no info")
        };
        assert_eq!(
            (info.agency.as_str(), info.sequence.as_str(), info.system),
            ("G09.20", "0092637", None)
        );
    }

    #[test]
    fn checks_the_date() {
        let codes = |s: &str| error_codes(IdKind::DossierCode, s);
        assert!(codes("000.00.00.H29-240229-0001").is_empty());
        assert_eq!(
            codes("000.00.00.H29-250229-0001"),
            ["dossier_code.date_invalid"]
        );
        assert_eq!(
            codes("000.00.00.H29-261124-0001"),
            ["dossier_code.date_future"]
        );
        assert!(codes("000.00.00.H29-261123-0001").is_empty());
        assert_eq!(
            warning_codes(IdKind::DossierCode, "H29.000.00-260124-220001"),
            ["dossier_code.pattern_not_in_force"]
        );
        assert!(
            "000.00.00.H29-991231-0001".parse::<DossierCode>().is_ok(),
            "FromStr does not know today"
        );
    }

    proptest! {
        #[test]
        fn round_trip(agency in "[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[GH][0-9]{2}", day in 1u8..29, month in 1u8..13, seq in "[0-9]{4}") {
            let text = format!("{agency}-25{month:02}{day:02}-{seq}");
            round_trips::<DossierCode>(&text, &text)?;
        }

        #[test]
        fn never_panics_and_agrees(s in "\\PC{0,30}|[A-Z0-9.]{6,13}-[0-9]{6,8}-[0-9]{4,7}") {
            agrees(IdKind::DossierCode, &s)?;
        }
    }
}
