//! The tax code (mã số thuế): `N1N2 N3…N9 N10 [-N11N12N13]` (Circular 105/2020/TT-BTC), or, for
//! individuals and household businesses from 01/7/2025, the 12-digit personal identification
//! number (Circular 86/2024/TT-BTC).
//!
//! - N3–N9 is a sequence number and may not be all zero.
//! - N10 is a check digit: with the weights 31, 29, 23, 19, 17, 13, 7, 5, 3 on N1–N9,
//!   S = Σ wᵢ·Nᵢ and r = S mod 11; the check digit is 10 − r (0 when r = 10). When r = 0 no
//!   check digit exists, so no valid code starts with those nine digits (as python-stdnum
//!   `stdnum/vn/mst.py` reads the rule).
//! - N11–N13, after a hyphen, number a dependent unit (branch, representative office), 001–999.
//!   Thirteen digits without the hyphen are accepted and written back with it.
//! - Twelve digits are a personal identification number and are checked as one
//!   ([`PersonalId`]); before 01/7/2025 they carry the warning
//!   `tax_code.personal_id_not_in_force`.
//!
//! Checking never allocates on the way to a yes-or-no answer ([`crate::ids::is_valid`]).

use core::fmt;

use serde::{Deserialize, Serialize};

use super::{
    validated, Counting, IdError, IdInfo, IdKind, IdWarning, PersonalId, PersonalIdInfo, Scan, Sink,
};
use crate::Date;

/// Weights of N1–N9 in the check digit.
const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// From this day a personal identification number replaces the tax code of individuals
/// (Circular 86/2024/TT-BTC).
const PERSONAL_ID_FROM: Date = match Date::new(2025, 7, 1) {
    Ok(d) => d,
    Err(_) => panic!("2025-07-01 is a date"),
};

/// A valid tax code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TaxCode {
    /// Digit values; the first `len` are meaningful.
    digits: [u8; 13],
    len: u8,
}

/// Which of the three forms a tax code has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TaxCodeForm {
    /// 10 digits: an enterprise, organisation, household or individual.
    Main,
    /// 10 + 3 digits: a dependent unit of the taxpayer with the first 10 digits.
    DependentUnit,
    /// 12 digits: a personal identification number used as the tax code.
    PersonalId,
}

/// What a tax code says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaxCodeInfo {
    /// The form.
    pub form: TaxCodeForm,
    /// The 10-digit code of the taxpayer (the head office of a dependent unit); null for a
    /// personal identification number.
    pub head_office: Option<String>,
    /// The dependent unit's number, `001`–`999`.
    pub branch: Option<String>,
    /// What the personal identification number says, for that form.
    pub personal_id: Option<PersonalIdInfo>,
}

impl TaxCode {
    /// The form of the code.
    pub fn form(&self) -> TaxCodeForm {
        match self.len {
            12 => TaxCodeForm::PersonalId,
            13 => TaxCodeForm::DependentUnit,
            _ => TaxCodeForm::Main,
        }
    }

    /// The 10-digit code of the taxpayer or head office; `None` for a personal ID.
    pub fn head_office(&self) -> Option<String> {
        (self.form() != TaxCodeForm::PersonalId).then(|| digits_text(self.digits.get(..10)))
    }

    /// The dependent unit's 3-digit number.
    pub fn branch(&self) -> Option<String> {
        (self.form() == TaxCodeForm::DependentUnit).then(|| digits_text(self.digits.get(10..13)))
    }

    /// The personal identification number, for that form.
    pub fn personal_id(&self) -> Option<PersonalId> {
        if self.form() != TaxCodeForm::PersonalId {
            return None;
        }
        let mut d = [0; 12];
        d.copy_from_slice(self.digits.get(..12)?);
        Some(PersonalId::from_checked(d))
    }
}

fn digits_text(d: Option<&[u8]>) -> String {
    d.unwrap_or_default()
        .iter()
        .map(|&d| char::from(b'0' + d))
        .collect()
}

/// Checks N1–N10 of a 10- or 13-digit code.
fn check_head(d: &[u8; 13], sink: &mut impl Sink) {
    if d[2..9].iter().all(|&x| x == 0) {
        sink.error(IdError::SequenceZero);
    }
    let sum: u32 = WEIGHTS.iter().zip(d).map(|(w, &x)| w * u32::from(x)).sum();
    match sum % 11 {
        0 => {
            let prefix = d[..9].iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
            sink.error(IdError::NoValidCheckDigit { prefix });
        }
        r => {
            // r is 1..=10, so the check digit is 0..=9.
            let expected = (10 - r) as u8;
            if d[9] != expected {
                sink.error(IdError::CheckDigit {
                    expected,
                    found: d[9],
                });
            }
        }
    }
}

/// A tax code as written.
#[derive(Debug, PartialEq, Eq)]
struct Reading {
    /// Digit values, the first 13 kept.
    digits: [u8; 13],
    /// How many digits there are.
    count: usize,
    /// The first character that is neither a digit, a hyphen nor a space.
    bad: Option<char>,
    /// Whether the hyphens are where a dependent unit's number goes: at most one, after the
    /// 10th digit, with digits after it.
    hyphen_ok: bool,
}

/// Reads `text`, by the fast path when it has a plain shape.
fn read(text: &str) -> Reading {
    read_plain(text.as_bytes()).unwrap_or_else(|| read_any(text))
}

/// The hot path of `is_valid`: exactly `d{10}`, `d{12}`, `d{13}` or `d{10}-d{3}`.
fn read_plain(b: &[u8]) -> Option<Reading> {
    let mut digits = [0u8; 13];
    let (head, tail) = match b.len() {
        10 | 12 | 13 => (b, &[][..]),
        14 if b.get(10) == Some(&b'-') => (b.get(..10)?, b.get(11..)?),
        _ => return None,
    };
    for (slot, &c) in digits.iter_mut().zip(head.iter().chain(tail)) {
        *slot = c.wrapping_sub(b'0');
    }
    let count = head.len() + tail.len();
    digits
        .iter()
        .take(count)
        .all(|&d| d < 10)
        .then_some(Reading {
            digits,
            count,
            bad: None,
            hyphen_ok: true,
        })
}

/// Any other text, character by character.
fn read_any(text: &str) -> Reading {
    let mut digits = [0u8; 13];
    let mut count = 0usize;
    let mut bad = None;
    let (mut hyphens, mut hyphen_at) = (0usize, 0usize);
    // A non-ASCII character is reported once, from its first byte.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                if let Some(slot) = digits.get_mut(count) {
                    *slot = b - b'0';
                }
                count += 1;
            }
            b'-' => {
                hyphens += 1;
                hyphen_at = count;
            }
            b' ' => {}
            _ if bad.is_none() => bad = text.get(i..).and_then(|rest| rest.chars().next()),
            _ => {}
        }
    }
    let hyphen_ok = hyphens == 0 || (hyphens == 1 && hyphen_at == 10 && count != 10 && count != 12);
    Reading {
        digits,
        count,
        bad,
        hyphen_ok,
    }
}

/// `input` without surrounding whitespace, skipping the search when it starts and ends with a
/// digit (the usual case).
fn trim(input: &str) -> &str {
    match (input.as_bytes().first(), input.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_digit() && z.is_ascii_digit() => input,
        _ => input.trim(),
    }
}

impl Scan for TaxCode {
    const KIND: IdKind = IdKind::TaxCode;

    fn scan(input: &str, today: Option<Date>, sink: &mut impl Sink) -> Option<Self> {
        let Reading {
            digits,
            count,
            bad,
            hyphen_ok,
        } = read(trim(input));
        let mut ok = true;
        if !matches!(count, 10 | 12 | 13) {
            sink.error(IdError::TaxCodeLength { found: count });
            ok = false;
        }
        if let Some(found) = bad {
            sink.error(IdError::TaxCodeNotDigits { found });
            ok = false;
        }
        if !hyphen_ok {
            sink.error(IdError::TaxCodeHyphen);
            ok = false;
        }
        if bad.is_some() {
            return None;
        }
        match count {
            10 | 13 => {
                let mut head = Counting::new(sink);
                check_head(&digits, &mut head);
                if count == 13 && digits[10..].iter().all(|&x| x == 0) {
                    head.error(IdError::BranchZero);
                }
                ok &= head.errors == 0;
            }
            12 => {
                let mut id = [0; 12];
                id.copy_from_slice(&digits[..12]);
                ok &= PersonalId::check_digits(id, today, sink).is_some();
                if ok && today.is_some_and(|t| t < PERSONAL_ID_FROM) {
                    sink.warning(IdWarning::PersonalIdNotInForce);
                }
            }
            _ => {}
        }
        // count is 10, 12 or 13 when ok.
        ok.then_some(TaxCode {
            digits,
            len: count as u8,
        })
    }

    fn info(&self) -> IdInfo {
        IdInfo::TaxCode(TaxCodeInfo {
            form: self.form(),
            head_office: self.head_office(),
            branch: self.branch(),
            personal_id: self.personal_id().map(|p| p.to_info()),
        })
    }
}

impl fmt::Display for TaxCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, &d) in self.digits.iter().take(usize::from(self.len)).enumerate() {
            if i == 10 && self.len == 13 {
                f.write_str("-")?;
            }
            fmt::Write::write_char(f, char::from(b'0' + d))?;
        }
        Ok(())
    }
}

validated!(TaxCode);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::testing::{agrees, day, error_codes, round_trips, today};
    use crate::ids::{check, is_valid};
    use proptest::prelude::*;

    fn codes(input: &str) -> Vec<String> {
        error_codes(IdKind::TaxCode, input)
    }

    /// The check digit computed the long way, as the rule is written.
    fn reference_check_digit(nine: &str) -> Option<u32> {
        let s: u32 = nine
            .chars()
            .zip(WEIGHTS)
            .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
            .sum();
        match s % 11 {
            0 => None,
            r => Some((10 - r) % 10),
        }
    }

    #[test]
    fn worked_examples_of_the_notes() {
        for good in [
            "0100233488",
            "0314409058",
            "0100112437",
            "0312687878-001",
            "0312687878001",
        ] {
            assert!(is_valid(IdKind::TaxCode, good, today()), "{good}");
        }
        assert_eq!(codes("0100233480"), ["tax_code.check_digit"]);
        let c = check(IdKind::TaxCode, "0100233480", today());
        assert!(
            c.errors[0].en.contains("must be 8, not 0"),
            "{}",
            c.errors[0].en
        );
        assert_eq!(
            check(IdKind::TaxCode, "0312687878001", today())
                .normalized
                .as_deref(),
            Some("0312687878-001")
        );
    }

    #[test]
    fn reports_every_error() {
        assert_eq!(
            codes("0100000000-000"),
            [
                "tax_code.sequence_zero",
                "tax_code.check_digit",
                "tax_code.branch_zero"
            ]
        );
        assert_eq!(codes("01-00233488"), ["tax_code.hyphen"]);
        assert_eq!(codes("0100233488-"), ["tax_code.hyphen"]);
        assert_eq!(
            codes("01002334x"),
            ["tax_code.length", "tax_code.not_digits"]
        );
        assert_eq!(
            codes("003227000001"),
            [
                "personal_id.province_unknown",
                "personal_id.birth_year_future"
            ]
        );
    }

    #[test]
    fn personal_id_form() {
        let c = check(IdKind::TaxCode, "079085012345", today());
        assert!(c.valid && c.warnings.is_empty());
        let c = check(IdKind::TaxCode, "079085012345", day(2025, 6, 30));
        assert!(c.valid);
        assert_eq!(c.warnings[0].code, "tax_code.personal_id_not_in_force");
    }

    proptest! {
        #[test]
        fn agrees_with_the_reference(nine in "[0-9]{9}", last in 0u32..10) {
            let code = format!("{nine}{last}");
            let expected = reference_check_digit(&nine) == Some(last) && &nine[2..9] != "0000000";
            prop_assert_eq!(is_valid(IdKind::TaxCode, &code, today()), expected);
        }

        #[test]
        fn round_trip(nine in "[0-9]{2}[1-9][0-9]{6}", branch in prop::option::of("00[1-9]|[1-9][0-9]{2}")) {
            let Some(check_digit) = reference_check_digit(&nine) else { return Ok(()) };
            let head = format!("{nine}{check_digit}");
            round_trips::<TaxCode>(&head, &head)?;
            if let Some(b) = branch {
                round_trips::<TaxCode>(&format!("{head}{b}"), &format!("{head}-{b}"))?;
            }
        }

        #[test]
        fn fast_path_reads_as_the_general_one(s in "[0-9]{10,14}|[0-9]{10}-[0-9]{3}|[0-9-]{14}|[0-9a]{10}") {
            if let Some(fast) = read_plain(s.as_bytes()) {
                prop_assert_eq!(fast, read_any(&s));
            }
        }

        #[test]
        fn round_trip_personal_id(rest in "[0-3][0-2][0-9]{7}") {
            let text = format!("079{rest}");
            round_trips::<TaxCode>(&text, &text)?;
        }

        #[test]
        fn never_panics_and_agrees(s in "\\PC{0,20}|[0-9 -]{8,16}") {
            agrees(IdKind::TaxCode, &s)?;
        }
    }
}
