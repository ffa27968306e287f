//! RFC 3339 date-times that keep their UTC offset.
//!
//! Events of a dossier are recorded in the local time of the office that made them (Vietnam is
//! UTC+07:00, but a vendor may store UTC). The offset is part of the record: the Circular 01/2018
//! forms print "giờ, phút, ngày" in local time, so a timestamp without an offset is ambiguous and
//! is rejected, as is RFC 3339's "unknown local offset" `-00:00` (RFC 3339 §4.3).

use core::fmt;
use core::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::{write_digits, DATE_TEXT_LEN};
use crate::Date;

/// A date-time with its UTC offset, as written in RFC 3339 §5.6 (`2025-07-01T08:30:00+07:00`).
///
/// Fractional seconds are kept with their number of digits, so printing gives back the text that
/// was parsed (apart from the case of `T` and `Z`, always printed upper case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timestamp {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    /// Fraction of a second as written: (value, number of digits), digits 0..=9.
    fraction: (u32, u8),
    /// `None` for `Z`, otherwise the numeric offset in minutes east of UTC.
    offset: Option<i16>,
}

/// Why a text is not an RFC 3339 date-time with an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimestampError {
    /// Not of the form `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    #[error("a timestamp must be written YYYY-MM-DDTHH:MM:SS with an offset (RFC 3339 §5.6), e.g. 2025-07-01T08:30:00+07:00")]
    Syntax,
    /// The date part is not a calendar date.
    #[error("the date of the timestamp does not exist")]
    NoSuchDay,
    /// Hour, minute or second out of range (leap seconds are not accepted).
    #[error("the time of day is out of range")]
    NoSuchTime,
    /// The offset is missing.
    #[error("the timestamp has no UTC offset; write Z or ±HH:MM (RFC 3339 §5.6)")]
    MissingOffset,
    /// `-00:00`, which RFC 3339 §4.3 reserves for an unknown local offset.
    #[error(
        "the offset -00:00 means an unknown local offset (RFC 3339 §4.3); write the real offset"
    )]
    UnknownOffset,
    /// More than 9 fractional digits.
    #[error("at most 9 fractional digits are accepted")]
    FractionTooLong,
}

impl Timestamp {
    /// The calendar date in the timestamp's own offset (the date printed on the form).
    pub const fn date(&self) -> Date {
        self.date
    }

    /// Minutes since midnight of [`Timestamp::date`], as written (seconds left out).
    pub const fn minute_of_day(&self) -> u16 {
        self.hour as u16 * 60 + self.minute as u16
    }

    /// Offset east of UTC in minutes (`Z` is 0).
    pub fn offset_minutes(&self) -> i16 {
        self.offset.unwrap_or(0)
    }

    /// Nanoseconds since 1970-01-01T00:00:00Z, for ordering timestamps written in different
    /// offsets. Fits in `i128` for every year 1–9999.
    pub fn unix_nanos(&self) -> i128 {
        let (seconds, nanos) = self.unix_instant();
        i128::from(seconds) * 1_000_000_000 + i128::from(nanos)
    }

    /// The same instant as [`Timestamp::unix_nanos`], as whole seconds since
    /// 1970-01-01T00:00:00Z and the nanoseconds after them: tuples of it order timestamps written
    /// in different offsets, without 128-bit arithmetic.
    pub fn unix_instant(&self) -> (i64, u32) {
        let seconds = self.date.to_days() * 86_400
            + i64::from(self.hour) * 3_600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset_minutes()) * 60;
        // Parsing keeps at most 9 digits, so the scale is 10^0 to 10^9.
        const SCALE: [u32; 10] = [
            1_000_000_000,
            100_000_000,
            10_000_000,
            1_000_000,
            100_000,
            10_000,
            1_000,
            100,
            10,
            1,
        ];
        let (value, digits) = self.fraction;
        let scale = SCALE.get(usize::from(digits)).copied().unwrap_or(1);
        (seconds, value * scale)
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() < 19 || !matches!(b.get(10), Some(b'T' | b't')) {
            return Err(TimestampError::Syntax);
        }
        let (date_text, rest) = s.split_at(10);
        let date: Date = date_text.parse().map_err(|e| match e {
            crate::DateError::Syntax => TimestampError::Syntax,
            _ => TimestampError::NoSuchDay,
        })?;
        let rest = &rest.as_bytes()[1..];
        let two = |i: usize| -> Result<u8, TimestampError> {
            match (rest.get(i), rest.get(i + 1)) {
                (Some(a @ b'0'..=b'9'), Some(b @ b'0'..=b'9')) => Ok((a - b'0') * 10 + (b - b'0')),
                _ => Err(TimestampError::Syntax),
            }
        };
        if rest.get(2) != Some(&b':') || rest.get(5) != Some(&b':') {
            return Err(TimestampError::Syntax);
        }
        let (hour, minute, second) = (two(0)?, two(3)?, two(6)?);
        if hour > 23 || minute > 59 || second > 59 {
            return Err(TimestampError::NoSuchTime);
        }
        let mut i = 8;
        let mut fraction = (0u32, 0u8);
        if rest.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while let Some(d @ b'0'..=b'9') = rest.get(i) {
                if i - start == 9 {
                    return Err(TimestampError::FractionTooLong);
                }
                fraction = (fraction.0 * 10 + u32::from(d - b'0'), fraction.1 + 1);
                i += 1;
            }
            if i == start {
                return Err(TimestampError::Syntax);
            }
        }
        let offset = match rest.get(i..) {
            Some([]) | None => return Err(TimestampError::MissingOffset),
            Some([b'Z' | b'z']) => None,
            Some(&[sign @ (b'+' | b'-'), ..]) if rest.len() == i + 6 && rest[i + 3] == b':' => {
                let (h, m) = (two(i + 1)?, two(i + 4)?);
                if h > 23 || m > 59 {
                    return Err(TimestampError::NoSuchTime);
                }
                let minutes = i16::from(h) * 60 + i16::from(m);
                if sign == b'-' && minutes == 0 {
                    return Err(TimestampError::UnknownOffset);
                }
                Some(if sign == b'-' { -minutes } else { minutes })
            }
            Some(_) => return Err(TimestampError::Syntax),
        };
        Ok(Self {
            date,
            hour,
            minute,
            second,
            fraction,
            offset,
        })
    }
}

/// The longest timestamp text: `YYYY-MM-DDTHH:MM:SS.fffffffff+HH:MM`.
const MAX_TEXT_LEN: usize = DATE_TEXT_LEN + 9 + 10 + 6;

impl Timestamp {
    /// Writes the timestamp as written (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, ASCII) into
    /// `out` and returns its length; digit by digit, as [`Date::write_ascii`] and for the same
    /// reason.
    fn write_ascii(&self, out: &mut [u8; MAX_TEXT_LEN]) -> usize {
        let mut date = [0; DATE_TEXT_LEN];
        self.date.write_ascii(&mut date);
        out[..DATE_TEXT_LEN].copy_from_slice(&date);
        let mut at = DATE_TEXT_LEN;
        for (sep, n) in [(b'T', self.hour), (b':', self.minute), (b':', self.second)] {
            out[at] = sep;
            write_digits(&mut out[at + 1..at + 3], u32::from(n));
            at += 3;
        }
        let (value, digits) = self.fraction;
        if digits > 0 {
            // At most 9 digits (FromStr), so `value` < 10^digits fits.
            let digits = usize::from(digits.min(9));
            out[at] = b'.';
            write_digits(&mut out[at + 1..=at + digits], value);
            at += 1 + digits;
        }
        match self.offset {
            None => {
                out[at] = b'Z';
                at + 1
            }
            Some(m) => {
                out[at] = if m < 0 { b'-' } else { b'+' };
                let m = u32::from(m.unsigned_abs());
                write_digits(&mut out[at + 1..at + 3], m / 60);
                out[at + 3] = b':';
                write_digits(&mut out[at + 4..at + 6], m % 60);
                at + 6
            }
        }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = [0; MAX_TEXT_LEN];
        let len = self.write_ascii(&mut text);
        // ASCII: always UTF-8.
        f.write_str(core::str::from_utf8(&text[..len]).map_err(|_| fmt::Error)?)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut text = [0; MAX_TEXT_LEN];
        let len = self.write_ascii(&mut text);
        // ASCII: always UTF-8.
        let text = core::str::from_utf8(&text[..len]).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(text)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::input::from_text(deserializer, str::parse)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Timestamp {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
            "description": "An RFC 3339 date-time with its UTC offset (Z or ±HH:MM, not -00:00), e.g. 2025-07-01T08:30:00+07:00."
        })
    }
}

#[cfg(test)]
mod tests {
    /// The text written digit by digit is what the formatting machinery writes, for every
    /// shape of fraction and offset.
    #[test]
    fn text_is_the_formatted_timestamp() {
        let fractions = [(0, 0), (5, 1), (7, 3), (123_456_789, 9), (1, 9), (0, 2)];
        let offsets = [
            None,
            Some(0),
            Some(420),
            Some(-330),
            Some(23 * 60 + 59),
            Some(-1),
        ];
        for (date, (hour, minute, second)) in [
            ("0001-01-01", (0, 0, 0)),
            ("2025-07-01", (8, 30, 5)),
            ("9999-12-31", (23, 59, 59)),
        ] {
            for fraction in fractions {
                for offset in offsets {
                    let t = Timestamp {
                        date: date.parse().unwrap(),
                        hour,
                        minute,
                        second,
                        fraction,
                        offset,
                    };
                    let mut expected = format!("{date}T{hour:02}:{minute:02}:{second:02}");
                    if fraction.1 > 0 {
                        expected += &format!(".{:0w$}", fraction.0, w = usize::from(fraction.1));
                    }
                    expected += &match offset {
                        None => "Z".to_owned(),
                        Some(m) => format!(
                            "{}{:02}:{:02}",
                            if m < 0 { '-' } else { '+' },
                            m.unsigned_abs() / 60,
                            m.unsigned_abs() % 60
                        ),
                    };
                    assert_eq!(t.to_string(), expected);
                    assert_eq!(
                        serde_json::to_string(&t).unwrap(),
                        format!("\"{expected}\"")
                    );
                    assert_eq!(expected.parse::<Timestamp>(), Ok(t));
                }
            }
        }
    }

    use super::*;

    #[test]
    fn keeps_the_offset() {
        for text in [
            "2025-07-01T08:30:00+07:00",
            "2025-07-01T01:30:00Z",
            "2025-07-01T08:30:00.120+07:00",
            "1999-12-31T23:59:59.000000001-05:30",
        ] {
            let t: Timestamp = text.parse().unwrap();
            assert_eq!(t.to_string(), text);
        }
        let local: Timestamp = "2025-07-01T08:30:00+07:00".parse().unwrap();
        let utc: Timestamp = "2025-07-01T01:30:00z".parse().unwrap();
        assert_eq!(local.unix_nanos(), utc.unix_nanos());
        assert_eq!(local.unix_instant(), utc.unix_instant());
        let half: Timestamp = "1969-12-31T23:59:59.5Z".parse().unwrap();
        assert_eq!(half.unix_instant(), (-1, 500_000_000));
        assert_eq!(half.unix_nanos(), -500_000_000);
        let nine: Timestamp = "1970-01-01T00:00:00.000000001Z".parse().unwrap();
        assert_eq!(nine.unix_instant(), (0, 1));
        assert_eq!(local.offset_minutes(), 420);
        assert_eq!(local.date().to_string(), "2025-07-01");
    }

    #[test]
    fn rejects_what_rfc_3339_rejects() {
        use TimestampError::*;
        for (text, err) in [
            ("2025-07-01T08:30:00", MissingOffset),
            ("2025-07-01 08:30:00+07:00", Syntax),
            ("2025-07-01T08:30+07:00", Syntax),
            ("2025-07-01T08:30:00-00:00", UnknownOffset),
            ("2025-07-01T24:00:00Z", NoSuchTime),
            ("2025-07-01T23:59:60Z", NoSuchTime),
            ("2025-02-30T08:00:00Z", NoSuchDay),
            ("2025-07-01T08:30:00.Z", Syntax),
            ("2025-07-01T08:30:00.1234567890Z", FractionTooLong),
            ("2025-07-01T08:30:00+0700", Syntax),
            ("2025-07-01T08:30:00+24:00", NoSuchTime),
            ("2025-07-01T08:30:00+07:00 ", Syntax),
            ("2025-07-01T08:30:00ZZ", Syntax),
            ("", Syntax),
        ] {
            assert_eq!(text.parse::<Timestamp>(), Err(err), "{text}");
        }
    }
}
