//! Vietnamese phone numbers, mobile and landline, normalised to E.164 (`+84…`).
//!
//! Input may use the prefixes `+84`, `84`, `0084` or the national `0`, and the separators space,
//! `.`, `-`, `(` and `)`. The national number then decides:
//!
//! - mobile: 10 digits, a 3-digit prefix in use (`spec/tables/mobile-prefixes.json`); the carrier
//!   reported is the network the prefix was allocated to (subscribers may have ported away);
//! - landline: 11 digits, area code `024` or `028` + 8 digits, or `02xx` + 7 digits
//!   (`spec/tables/landline-area-codes.json`, 2017 re-numbering);
//! - an old 11-digit mobile number (`01ab` + 7 digits, converted in 2018) is an **error**
//!   `phone.old_mobile` whose message gives the new number: the old number no longer reaches
//!   anyone, and a record must not silently hold a number the applicant did not write.
//!
//! `84` without `+` is read as the country code only when 11 or 12 digits follow in total, the
//! lengths of a mobile or landline number written that way.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::{tables, validated, IdError, IdInfo, IdKind, Scan, Sink};
use crate::Date;

/// A valid Vietnamese phone number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone {
    /// National form, with the leading 0.
    national: String,
    line: PhoneLine,
    /// Mobile prefix or area code, with the leading 0.
    prefix_len: usize,
}

/// Mobile or landline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum PhoneLine {
    /// A mobile number (10 digits).
    Mobile,
    /// A fixed line (11 digits).
    Landline,
}

/// What a phone number says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PhoneInfo {
    /// Mobile or landline.
    pub line: PhoneLine,
    /// The national form, with the leading 0.
    pub national: String,
    /// The mobile prefix or landline area code, with the leading 0.
    pub prefix: String,
    /// For a mobile, the network the prefix was allocated to, when known.
    pub carrier: Option<String>,
    /// For a landline, the province of the area code (2017 names).
    pub province: Option<String>,
}

impl Phone {
    /// The national form, with the leading 0 (`0912345678`).
    pub fn national(&self) -> &str {
        &self.national
    }

    /// Mobile or landline.
    pub fn line(&self) -> PhoneLine {
        self.line
    }

    /// The mobile prefix or landline area code (`091`, `028`, `0236`).
    pub fn prefix(&self) -> &str {
        self.national.get(..self.prefix_len).unwrap_or_default()
    }
}

/// Removes separators; `Err` holds the first character that is neither a digit, a separator nor
/// a leading `+`. Returns whether a `+` led, and the digits.
fn strip(input: &str) -> Result<(bool, String), char> {
    let mut plus = false;
    let mut digits = String::with_capacity(input.len());
    for c in input.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            '+' if !plus && digits.is_empty() => plus = true,
            _ => return Err(c),
        }
    }
    Ok((plus, digits))
}

/// The national significant number of `digits` (what follows the country code or the 0).
fn national_significant(plus: bool, digits: &str, sink: &mut impl Sink) -> Option<String> {
    let nsn = if plus {
        digits.strip_prefix("84")
    } else if let Some(rest) = digits.strip_prefix("0084") {
        Some(rest)
    } else if digits.starts_with("00") {
        None
    } else if let Some(rest) = digits.strip_prefix('0') {
        Some(rest)
    } else if let Some(rest) = digits
        .strip_prefix("84")
        .filter(|_| matches!(digits.len(), 11 | 12))
    {
        Some(rest)
    } else {
        sink.error(IdError::PhoneNationalPrefix);
        return None;
    };
    if nsn.is_none() {
        sink.error(IdError::PhoneCountryCode);
    }
    nsn.map(str::to_owned)
}

/// Reports an unknown prefix.
fn unknown(prefix: &str, sink: &mut impl Sink) -> Option<Phone> {
    sink.error(IdError::PhonePrefixUnknown {
        prefix: prefix.to_owned(),
    });
    None
}

/// Checks that `national` has `expected` digits.
fn check_length(national: &str, prefix: &str, expected: usize, sink: &mut impl Sink) -> bool {
    let ok = national.len() == expected;
    if !ok {
        sink.error(IdError::PhoneLength {
            prefix: prefix.to_owned(),
            expected,
            found: national.len(),
        });
    }
    ok
}

impl Scan for Phone {
    const KIND: IdKind = IdKind::Phone;

    fn scan(input: &str, _today: Option<Date>, sink: &mut impl Sink) -> Option<Self> {
        let (plus, digits) = match strip(input) {
            Ok(x) => x,
            Err(found) => {
                sink.error(IdError::PhoneNotDigits { found });
                return None;
            }
        };
        let national = format!("0{}", national_significant(plus, &digits, sink)?);
        let head = |n: usize| national.get(..n).unwrap_or(&national);
        match national.as_bytes().get(1) {
            Some(b'2') => {
                let prefix_len = if matches!(head(3), "024" | "028") {
                    3
                } else {
                    4
                };
                let area = head(prefix_len);
                if tables::area_code(area).is_none() {
                    // Report the length too when it cannot be right for any landline.
                    if national.len() > 11 {
                        check_length(&national, "02", 11, sink);
                    }
                    return unknown(area, sink);
                }
                check_length(&national, area, 11, sink).then(|| Phone {
                    national: national.clone(),
                    line: PhoneLine::Landline,
                    prefix_len,
                })
            }
            Some(b'1') => {
                let old = head(4);
                let Some(new_prefix) = tables::old_mobile_prefix(old) else {
                    return unknown(old, sink);
                };
                if check_length(&national, old, 11, sink) {
                    let new = format!("{new_prefix}{}", national.get(4..).unwrap_or_default());
                    sink.error(IdError::PhoneOldMobile {
                        old: old.to_owned(),
                        new,
                    });
                }
                None
            }
            _ => {
                let prefix = head(3);
                if prefix.len() < 3 || tables::mobile_prefix(prefix).is_none() {
                    return unknown(prefix, sink);
                }
                check_length(&national, prefix, 10, sink).then(|| Phone {
                    national: national.clone(),
                    line: PhoneLine::Mobile,
                    prefix_len: 3,
                })
            }
        }
    }

    fn info(&self) -> IdInfo {
        let prefix = self.prefix();
        IdInfo::Phone(PhoneInfo {
            line: self.line,
            national: self.national.clone(),
            prefix: prefix.to_owned(),
            carrier: match self.line {
                PhoneLine::Mobile => tables::mobile_prefix(prefix).flatten().map(str::to_owned),
                PhoneLine::Landline => None,
            },
            province: match self.line {
                PhoneLine::Mobile => None,
                PhoneLine::Landline => tables::area_code(prefix).map(str::to_owned),
            },
        })
    }
}

impl fmt::Display for Phone {
    /// E.164: `+84` and the national number without its 0.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "+84{}", self.national.get(1..).unwrap_or_default())
    }
}

validated!(Phone);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::check;
    use crate::ids::testing::{agrees, error_codes, round_trips, today};
    use proptest::prelude::*;

    fn normal(input: &str) -> Option<String> {
        check(IdKind::Phone, input, today()).normalized
    }

    fn codes(input: &str) -> Vec<String> {
        error_codes(IdKind::Phone, input)
    }

    #[test]
    fn normalises_every_written_form() {
        for s in [
            "0912345678",
            "+84912345678",
            "84912345678",
            "0084912345678",
            "(+84) 91-234.5678",
            "091 234 5678",
        ] {
            assert_eq!(normal(s).as_deref(), Some("+84912345678"), "{s}");
        }
        assert_eq!(normal("028 3829 1234").as_deref(), Some("+842838291234"));
        assert_eq!(normal("0236 382 1234").as_deref(), Some("+842363821234"));
        assert_eq!(normal("842363821234").as_deref(), Some("+842363821234"));
    }

    #[test]
    fn reports_what_is_wrong() {
        assert_eq!(codes("01621234567"), ["phone.old_mobile"]);
        let c = check(IdKind::Phone, "0162 123 4567", today());
        assert!(c.errors[0].en.contains("0321234567"), "{}", c.errors[0].en);
        assert_eq!(codes("0951234567"), ["phone.prefix_unknown"]);
        assert_eq!(codes("091234567"), ["phone.length"]);
        assert_eq!(codes("+1 202 555 0100"), ["phone.country_code"]);
        assert_eq!(codes("912345678"), ["phone.national_prefix"]);
        assert_eq!(codes("0912-345-67x"), ["phone.not_digits"]);
        assert_eq!(codes("09+12345678"), ["phone.not_digits"]);
        assert_eq!(codes(""), ["phone.national_prefix"]);
    }

    proptest! {
        #[test]
        fn round_trip(prefix in prop::sample::select(vec!["032", "091", "099", "087", "056", "0236", "028", "0299"]), rest in "[0-9]{7}") {
            let national = if prefix.len() == 3 && prefix.starts_with("02") { format!("{prefix}{rest}1") } else { format!("{prefix}{rest}") };
            let e164 = format!("+84{}", &national[1..]);
            round_trips::<Phone>(&national, &e164)?;
            round_trips::<Phone>(&e164, &e164)?;
        }

        #[test]
        fn never_panics_and_agrees(s in "\\PC{0,20}|[+0-9 ().-]{8,18}") {
            agrees(IdKind::Phone, &s)?;
        }
    }
}
