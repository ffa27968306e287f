//! Administrative procedure codes of the National Database on Administrative Procedures:
//! `d.dddddd` (`1.000656`), optionally followed by the agency code that published the procedure
//! locally (`1.000656.000.00.00.H29`) and then a 2-digit online-service suffix
//! (`2.000815.000.00.00.H55.02`, observed as `MaDVC`).
//!
//! The meaning of the leading digit is UNCONFIRMED and not derived; only 1, 2 and 3 have been
//! observed, so another digit gets the warning `procedure_code.leading_digit`. The width of the
//! service suffix is known from one observed value (2 digits) and is checked as such.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::agency_code::{self, AgencyCode};
use super::{validated, IdError, IdInfo, IdKind, IdWarning, Scan, Sink};
use crate::Date;

/// Length of the national part `d.dddddd`.
const NATIONAL_LEN: usize = 8;

/// A valid administrative procedure code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProcedureCode {
    national: String,
    agency: Option<AgencyCode>,
    service: Option<String>,
}

/// What a procedure code says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProcedureCodeInfo {
    /// The national code, `d.dddddd` (the `MaTTHC` of the sync API).
    pub national: String,
    /// The publishing agency's code, if given.
    pub agency: Option<String>,
    /// The online-service suffix, if given.
    pub service: Option<String>,
}

impl ProcedureCode {
    /// The national code, `d.dddddd`.
    pub fn national(&self) -> &str {
        &self.national
    }

    /// The publishing agency's code.
    pub fn agency(&self) -> Option<AgencyCode> {
        self.agency
    }

    /// The online-service suffix.
    pub fn service(&self) -> Option<&str> {
        self.service.as_deref()
    }
}

fn is_national(b: &[u8]) -> bool {
    b.len() == NATIONAL_LEN
        && b.iter().enumerate().all(|(i, c)| {
            if i == 1 {
                *c == b'.'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Splits `text` into the national part, the agency part and the service suffix, by shape.
fn split(text: &str) -> Option<(&str, Option<&str>, Option<&str>)> {
    let national = text
        .get(..NATIONAL_LEN)
        .filter(|n| is_national(n.as_bytes()))?;
    let rest = text.get(NATIONAL_LEN..)?;
    if rest.is_empty() {
        return Some((national, None, None));
    }
    let rest = rest.strip_prefix('.')?;
    let agency = rest.get(..agency_code::LEN)?;
    let service = match rest.get(agency_code::LEN..)? {
        "" => None,
        s => Some(
            s.strip_prefix('.')
                .filter(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))?,
        ),
    };
    Some((national, Some(agency), service))
}

impl Scan for ProcedureCode {
    const KIND: IdKind = IdKind::ProcedureCode;

    fn scan(input: &str, _today: Option<Date>, sink: &mut impl Sink) -> Option<Self> {
        let parts = split(input.trim());
        let agency = match parts {
            Some((_, Some(a), _)) => AgencyCode::read(a.as_bytes(), sink).map(Some),
            Some((_, None, _)) => Some(None),
            None => None,
        };
        let (Some((national, _, service)), Some(agency)) = (parts, agency) else {
            sink.error(IdError::ProcedureCodeFormat);
            return None;
        };
        let lead = national.chars().next().unwrap_or_default();
        if !matches!(lead, '1' | '2' | '3') {
            sink.warning(IdWarning::ProcedureLeadingDigit { digit: lead });
        }
        Some(ProcedureCode {
            national: national.to_owned(),
            agency,
            service: service.map(str::to_owned),
        })
    }

    fn info(&self) -> IdInfo {
        IdInfo::ProcedureCode(ProcedureCodeInfo {
            national: self.national.clone(),
            agency: self.agency.map(|a| a.to_string()),
            service: self.service.clone(),
        })
    }
}

impl fmt::Display for ProcedureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.national)?;
        if let Some(agency) = &self.agency {
            write!(f, ".{agency}")?;
        }
        if let Some(service) = &self.service {
            write!(f, ".{service}")?;
        }
        Ok(())
    }
}

validated!(ProcedureCode);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::is_valid;
    use crate::ids::testing::{agrees, round_trips, today, warning_codes};
    use proptest::prelude::*;

    #[test]
    fn reads_the_three_parts() {
        let code: ProcedureCode = "2.000815.000.00.00.H55.02"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(code.national(), "2.000815");
        assert_eq!(
            code.agency().map(|a| a.to_string()).as_deref(),
            Some("000.00.00.H55")
        );
        assert_eq!(code.service(), Some("02"));
        let code: ProcedureCode = "1.000656.000.00.00.H29"
            .parse()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (code.service(), code.to_string().as_str()),
            (None, "1.000656.000.00.00.H29")
        );
        let bad = [
            "1.00065",
            "1000656",
            "1.000656.",
            "1.000656.000.00.00.H29.",
            "1.000656.000.00.00.H29.2",
            "1.000656.000.00.00.H29.002",
            "1.000656.H29",
            "B-BTP-123456-TT",
            "1.000656.000.00.00.h29",
        ];
        for bad in bad {
            assert!(!is_valid(IdKind::ProcedureCode, bad, today()), "{bad}");
        }
        assert_eq!(
            warning_codes(IdKind::ProcedureCode, "9.000001.000.00.00.X01"),
            [
                "agency_code.group_unconfirmed",
                "procedure_code.leading_digit"
            ]
        );
    }

    proptest! {
        #[test]
        fn round_trip(text in "[1-3]\\.[0-9]{6}(\\.[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[GH][0-9]{2}(\\.[0-9]{2})?)?") {
            round_trips::<ProcedureCode>(&text, &text)?;
        }

        #[test]
        fn never_panics_and_agrees(s in "\\PC{0,30}|[0-9.]{8,26}") {
            agrees(IdKind::ProcedureCode, &s)?;
        }
    }
}
