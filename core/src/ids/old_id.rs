//! The old identity card number (chứng minh nhân dân, CMND): 9 digits.
//!
//! The first digits are said to relate to the issuing province, but no table is confirmed, so
//! nothing beyond "9 digits" is checked (UNCONFIRMED; see `spec/identifiers.md`). The Law on
//! Identification 26/2023/QH15 Art. 46(1) ends the validity of identity cards on 31/12/2024 at the
//! latest; the number still appears in older dossiers, so it is accepted with the warning
//! `old_id.no_longer_valid` from 01/01/2025.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::digits::DigitRun;
use super::{validated, IdError, IdInfo, IdKind, IdWarning, Scan, Sink};
use crate::Date;

/// The last day an identity card (CMND) can be valid (Law 26/2023/QH15 Art. 46(1)).
const LAST_VALID_DAY: Date = match Date::new(2024, 12, 31) {
    Ok(d) => d,
    Err(_) => panic!("2024-12-31 is a date"),
};

/// A valid old identity card (CMND) number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OldId {
    digits: [u8; 9],
}

/// What an old identity card number says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OldIdInfo {
    /// The last day any identity card can be valid, 2024-12-31 (a card may have expired
    /// earlier; its own expiry date is printed on it, not encoded in the number).
    pub valid_until_at_latest: Date,
}

impl Scan for OldId {
    const KIND: IdKind = IdKind::OldId;

    fn scan(input: &str, today: Option<Date>, sink: &mut impl Sink) -> Option<Self> {
        let run = DigitRun::<9>::read(input);
        if run.count != 9 {
            sink.error(IdError::OldIdLength { found: run.count });
        }
        if let Some(found) = run.bad {
            sink.error(IdError::OldIdNotDigits { found });
        }
        if !run.is_exact() {
            return None;
        }
        if today.is_some_and(|t| t > LAST_VALID_DAY) {
            sink.warning(IdWarning::OldIdNoLongerValid);
        }
        Some(OldId { digits: run.digits })
    }

    fn info(&self) -> IdInfo {
        IdInfo::OldId(OldIdInfo {
            valid_until_at_latest: LAST_VALID_DAY,
        })
    }
}

impl fmt::Display for OldId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.digits
            .iter()
            .try_for_each(|&d| fmt::Write::write_char(f, char::from(b'0' + d)))
    }
}

validated!(OldId);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::check;
    use crate::ids::testing::{agrees, day, round_trips};
    use proptest::prelude::*;

    #[test]
    fn warns_after_2024() {
        let c = check(IdKind::OldId, "025 123 456", day(2025, 1, 1));
        assert!(c.valid);
        assert_eq!(c.normalized.as_deref(), Some("025123456"));
        assert_eq!(c.warnings.len(), 1);
        assert!(check(IdKind::OldId, "025123456", day(2024, 12, 31))
            .warnings
            .is_empty());
        let c = check(IdKind::OldId, "02512345x6", day(2024, 1, 1));
        let codes: Vec<_> = c.errors.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["old_id.length", "old_id.not_digits"]);
    }

    proptest! {
        #[test]
        fn round_trip(text in "[0-9]{9}") {
            round_trips::<OldId>(&text, &text)?;
        }

        #[test]
        fn never_panics_and_agrees(s in "\\PC{0,14}") {
            agrees(IdKind::OldId, &s)?;
        }
    }
}
