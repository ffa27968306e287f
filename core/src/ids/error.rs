//! What the identifier checks report: [`IdError`] (the value is invalid) and [`IdWarning`] (the
//! value is accepted but deserves attention). Codes, messages and rules are in
//! `spec/findings/ids.json`; the English message is also the `Display` text.

use crate::catalog;
use crate::{Date, Diagnostic};

use super::IdKind;

/// A rule an identifier breaks. Each variant is one code of `spec/findings/ids.json`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
#[error("{}", english(self))]
pub enum IdError {
    /// `personal_id.length`: not 12 characters once spaces are removed.
    PersonalIdLength {
        /// Number of characters found.
        found: usize,
    },
    /// `personal_id.not_digits`: a character other than a digit or a space.
    PersonalIdNotDigits {
        /// The first such character.
        found: char,
    },
    /// `personal_id.province_unknown`: digits 1–3 are not a province code.
    ProvinceUnknown {
        /// The three digits, as a number.
        code: u16,
    },
    /// `personal_id.century_code`: digit 4 names a century that has not begun.
    CenturyCode {
        /// Digit 4.
        code: u8,
        /// First year of the century it names.
        from: i32,
    },
    /// `personal_id.birth_year_future`: the birth year is after the current year.
    BirthYearFuture {
        /// The birth year.
        year: i32,
        /// The current year.
        current: i32,
    },
    /// `old_id.length`: not 9 characters once spaces are removed.
    OldIdLength {
        /// Number of characters found.
        found: usize,
    },
    /// `old_id.not_digits`: a character other than a digit or a space.
    OldIdNotDigits {
        /// The first such character.
        found: char,
    },
    /// `tax_code.length`: not 10, 12 or 13 digits.
    TaxCodeLength {
        /// Number of digits found.
        found: usize,
    },
    /// `tax_code.not_digits`: a character other than a digit, a space or a hyphen.
    TaxCodeNotDigits {
        /// The first such character.
        found: char,
    },
    /// `tax_code.hyphen`: a hyphen elsewhere than between the 10th digit and a 3-digit branch.
    TaxCodeHyphen,
    /// `tax_code.check_digit`: the 10th digit is not the check digit of the first nine.
    CheckDigit {
        /// The check digit the first nine digits call for.
        expected: u8,
        /// The 10th digit given.
        found: u8,
    },
    /// `tax_code.no_valid_check_digit`: the weighted sum of the first nine digits is divisible
    /// by 11, so no check digit exists.
    NoValidCheckDigit {
        /// The first nine digits, as a number.
        prefix: u32,
    },
    /// `tax_code.sequence_zero`: digits 3–9 are all zero.
    SequenceZero,
    /// `tax_code.branch_zero`: the dependent-unit number is `000`.
    BranchZero,
    /// `agency_code.format`: not `ddd.dd.dd.Ldd`.
    AgencyCodeFormat,
    /// `procedure_code.format`: not `d.dddddd[.agency code[.dd]]`.
    ProcedureCodeFormat,
    /// `dossier_code.format`: no known pattern matches.
    DossierCodeFormat,
    /// `dossier_code.date_invalid`: the date part is not a real date.
    DossierDateInvalid {
        /// The date part as written.
        date: String,
    },
    /// `dossier_code.date_future`: the date part is after today.
    DossierDateFuture {
        /// The receipt date.
        date: Date,
        /// The current date.
        today: Date,
    },
    /// `phone.not_digits`: a character other than digits, a leading `+` and separators.
    PhoneNotDigits {
        /// The first such character.
        found: char,
    },
    /// `phone.country_code`: an international number outside Viet Nam.
    PhoneCountryCode,
    /// `phone.national_prefix`: a national number that does not start with 0.
    PhoneNationalPrefix,
    /// `phone.length`: the wrong number of digits for its prefix.
    PhoneLength {
        /// The prefix or area code, with the leading 0.
        prefix: String,
        /// Digits expected, with the leading 0.
        expected: usize,
        /// Digits found, with the leading 0.
        found: usize,
    },
    /// `phone.prefix_unknown`: neither a mobile prefix nor a landline area code in use.
    PhonePrefixUnknown {
        /// The prefix, with the leading 0.
        prefix: String,
    },
    /// `phone.old_mobile`: an 11-digit mobile number from before the 2018 conversion.
    PhoneOldMobile {
        /// The old 4-digit prefix.
        old: String,
        /// The number after conversion, national form.
        new: String,
    },
}

/// Something about an accepted identifier that deserves attention. Each variant is one code of
/// `spec/findings/ids.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdWarning {
    /// `old_id.no_longer_valid`: identity cards ceased to be valid on 01/01/2025.
    OldIdNoLongerValid,
    /// `tax_code.personal_id_not_in_force`: a personal ID used as a tax code before 01/7/2025.
    PersonalIdNotInForce,
    /// `agency_code.group_unconfirmed`: a level-1 letter other than G or H.
    AgencyGroupUnconfirmed {
        /// The letter.
        letter: char,
    },
    /// `agency_code.level1_merged`: a level-1 unit merged on 01/7/2025.
    AgencyLevel1Merged {
        /// The level-1 code.
        code: String,
        /// The unit's name.
        name: &'static str,
    },
    /// `agency_code.level_gap`: a unit given at a level whose parent level is zero.
    AgencyLevelGap {
        /// The level given (3 or 4).
        level: u8,
    },
    /// `procedure_code.leading_digit`: a leading digit other than 1, 2 or 3.
    ProcedureLeadingDigit {
        /// The digit.
        digit: char,
    },
    /// `dossier_code.pattern_not_in_force`: the pattern of Circular 03/2025 Art. 13(3) with a
    /// receipt date before 25/01/2026.
    DossierPatternNotInForce {
        /// The receipt date.
        date: Date,
    },
}

/// An identifier that breaks at least one rule: the error of `FromStr` and `parse`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {kind}: {}", list(errors))]
pub struct InvalidId {
    /// What the text was read as.
    pub kind: IdKind,
    /// Every rule it breaks (never empty).
    pub errors: Vec<IdError>,
}

fn english(d: &impl Diagnostic) -> String {
    catalog::render(&catalog::entry(d.code()).en, &d.args())
}

fn list(errors: &[IdError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl Diagnostic for IdError {
    fn code(&self) -> &'static str {
        match self {
            IdError::PersonalIdLength { .. } => "personal_id.length",
            IdError::PersonalIdNotDigits { .. } => "personal_id.not_digits",
            IdError::ProvinceUnknown { .. } => "personal_id.province_unknown",
            IdError::CenturyCode { .. } => "personal_id.century_code",
            IdError::BirthYearFuture { .. } => "personal_id.birth_year_future",
            IdError::OldIdLength { .. } => "old_id.length",
            IdError::OldIdNotDigits { .. } => "old_id.not_digits",
            IdError::TaxCodeLength { .. } => "tax_code.length",
            IdError::TaxCodeNotDigits { .. } => "tax_code.not_digits",
            IdError::TaxCodeHyphen => "tax_code.hyphen",
            IdError::CheckDigit { .. } => "tax_code.check_digit",
            IdError::NoValidCheckDigit { .. } => "tax_code.no_valid_check_digit",
            IdError::SequenceZero => "tax_code.sequence_zero",
            IdError::BranchZero => "tax_code.branch_zero",
            IdError::AgencyCodeFormat => "agency_code.format",
            IdError::ProcedureCodeFormat => "procedure_code.format",
            IdError::DossierCodeFormat => "dossier_code.format",
            IdError::DossierDateInvalid { .. } => "dossier_code.date_invalid",
            IdError::DossierDateFuture { .. } => "dossier_code.date_future",
            IdError::PhoneNotDigits { .. } => "phone.not_digits",
            IdError::PhoneCountryCode => "phone.country_code",
            IdError::PhoneNationalPrefix => "phone.national_prefix",
            IdError::PhoneLength { .. } => "phone.length",
            IdError::PhonePrefixUnknown { .. } => "phone.prefix_unknown",
            IdError::PhoneOldMobile { .. } => "phone.old_mobile",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            IdError::PersonalIdLength { found }
            | IdError::OldIdLength { found }
            | IdError::TaxCodeLength { found } => vec![("found", found.to_string())],
            IdError::PersonalIdNotDigits { found }
            | IdError::OldIdNotDigits { found }
            | IdError::TaxCodeNotDigits { found }
            | IdError::PhoneNotDigits { found } => vec![("found", found.to_string())],
            IdError::ProvinceUnknown { code } => vec![("code", format!("{code:03}"))],
            IdError::CenturyCode { code, from } => vec![
                ("code", code.to_string()),
                ("from", from.to_string()),
                ("to", (from + 99).to_string()),
            ],
            IdError::BirthYearFuture { year, current } => {
                vec![("year", year.to_string()), ("current", current.to_string())]
            }
            IdError::CheckDigit { expected, found } => {
                vec![
                    ("expected", expected.to_string()),
                    ("found", found.to_string()),
                ]
            }
            IdError::NoValidCheckDigit { prefix } => vec![("prefix", format!("{prefix:09}"))],
            IdError::DossierDateInvalid { date } => vec![("date", date.clone())],
            IdError::DossierDateFuture { date, today } => {
                vec![("date", date.to_string()), ("today", today.to_string())]
            }
            IdError::PhoneLength {
                prefix,
                expected,
                found,
            } => vec![
                ("prefix", prefix.clone()),
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
            IdError::PhonePrefixUnknown { prefix } => vec![("prefix", prefix.clone())],
            IdError::PhoneOldMobile { old, new } => {
                vec![("old", old.clone()), ("new", new.clone())]
            }
            IdError::TaxCodeHyphen
            | IdError::SequenceZero
            | IdError::BranchZero
            | IdError::AgencyCodeFormat
            | IdError::ProcedureCodeFormat
            | IdError::DossierCodeFormat
            | IdError::PhoneCountryCode
            | IdError::PhoneNationalPrefix => Vec::new(),
        }
    }
}

impl Diagnostic for IdWarning {
    fn code(&self) -> &'static str {
        match self {
            IdWarning::OldIdNoLongerValid => "old_id.no_longer_valid",
            IdWarning::PersonalIdNotInForce => "tax_code.personal_id_not_in_force",
            IdWarning::AgencyGroupUnconfirmed { .. } => "agency_code.group_unconfirmed",
            IdWarning::AgencyLevel1Merged { .. } => "agency_code.level1_merged",
            IdWarning::AgencyLevelGap { .. } => "agency_code.level_gap",
            IdWarning::ProcedureLeadingDigit { .. } => "procedure_code.leading_digit",
            IdWarning::DossierPatternNotInForce { .. } => "dossier_code.pattern_not_in_force",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            IdWarning::OldIdNoLongerValid | IdWarning::PersonalIdNotInForce => Vec::new(),
            IdWarning::AgencyGroupUnconfirmed { letter } => vec![("letter", letter.to_string())],
            IdWarning::AgencyLevel1Merged { code, name } => {
                vec![("code", code.clone()), ("name", (*name).to_owned())]
            }
            IdWarning::AgencyLevelGap { level } => {
                vec![
                    ("level", level.to_string()),
                    ("parent", (level - 1).to_string()),
                ]
            }
            IdWarning::ProcedureLeadingDigit { digit } => vec![("digit", digit.to_string())],
            IdWarning::DossierPatternNotInForce { date } => vec![("date", date.to_string())],
        }
    }
}

impl core::fmt::Display for IdWarning {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&english(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    /// One instance of every variant, so that the catalog can be checked against them.
    pub(crate) fn every_error() -> Vec<IdError> {
        let d = Date::new(2026, 1, 1).unwrap_or_else(|e| panic!("{e}"));
        vec![
            IdError::PersonalIdLength { found: 3 },
            IdError::PersonalIdNotDigits { found: 'x' },
            IdError::ProvinceUnknown { code: 3 },
            IdError::CenturyCode {
                code: 4,
                from: 2100,
            },
            IdError::BirthYearFuture {
                year: 2027,
                current: 2026,
            },
            IdError::OldIdLength { found: 3 },
            IdError::OldIdNotDigits { found: 'x' },
            IdError::TaxCodeLength { found: 3 },
            IdError::TaxCodeNotDigits { found: 'x' },
            IdError::TaxCodeHyphen,
            IdError::CheckDigit {
                expected: 8,
                found: 0,
            },
            IdError::NoValidCheckDigit {
                prefix: 100_000_000,
            },
            IdError::SequenceZero,
            IdError::BranchZero,
            IdError::AgencyCodeFormat,
            IdError::ProcedureCodeFormat,
            IdError::DossierCodeFormat,
            IdError::DossierDateInvalid {
                date: "260230".into(),
            },
            IdError::DossierDateFuture { date: d, today: d },
            IdError::PhoneNotDigits { found: 'x' },
            IdError::PhoneCountryCode,
            IdError::PhoneNationalPrefix,
            IdError::PhoneLength {
                prefix: "091".into(),
                expected: 10,
                found: 9,
            },
            IdError::PhonePrefixUnknown {
                prefix: "095".into(),
            },
            IdError::PhoneOldMobile {
                old: "0162".into(),
                new: "0321234567".into(),
            },
        ]
    }

    fn every_warning() -> Vec<IdWarning> {
        let d = Date::new(2026, 1, 1).unwrap_or_else(|e| panic!("{e}"));
        vec![
            IdWarning::OldIdNoLongerValid,
            IdWarning::PersonalIdNotInForce,
            IdWarning::AgencyGroupUnconfirmed { letter: 'A' },
            IdWarning::AgencyLevel1Merged {
                code: "H30".into(),
                name: "Hậu Giang",
            },
            IdWarning::AgencyLevelGap { level: 3 },
            IdWarning::ProcedureLeadingDigit { digit: '9' },
            IdWarning::DossierPatternNotInForce { date: d },
        ]
    }

    #[test]
    fn catalog_matches_the_variants() {
        let mut codes = std::collections::BTreeSet::new();
        for e in every_error() {
            let f = e.to_finding("");
            assert_eq!(f.severity, Severity::Error, "{}", f.code);
            assert!(
                !f.vi.contains('{') && !f.en.contains('{'),
                "unfilled placeholder in {}",
                f.code
            );
            assert_eq!(e.to_string(), f.en);
            codes.insert(f.code);
        }
        for w in every_warning() {
            let f = w.to_finding("");
            assert_eq!(f.severity, Severity::Warning, "{}", f.code);
            assert!(
                !f.vi.contains('{') && !f.en.contains('{'),
                "unfilled placeholder in {}",
                f.code
            );
            codes.insert(f.code);
        }
        let catalog: std::collections::BTreeSet<String> = catalog::entries()
            .map(|e| e.code.clone())
            .filter(|c| {
                [
                    "personal_id.",
                    "old_id.",
                    "tax_code.",
                    "agency_code.",
                    "procedure_code.",
                    "dossier_code.",
                    "phone.",
                ]
                .iter()
                .any(|p| c.starts_with(p))
            })
            .collect();
        assert_eq!(codes, catalog, "variants and spec/findings/ids.json differ");
    }

    #[test]
    fn invalid_id_lists_every_error() {
        let e = InvalidId {
            kind: IdKind::TaxCode,
            errors: vec![IdError::SequenceZero, IdError::BranchZero],
        };
        let text = e.to_string();
        assert!(text.starts_with("invalid tax-code: "), "{text}");
        assert!(text.contains("; "), "{text}");
    }
}
