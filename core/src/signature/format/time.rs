//! Times for the format profile: the PDF date of a signature's `/M` (ISO 32000-1 §7.9.4), instants
//! with the offset they were written in, and the times a visible appearance shows
//! (signature-format.md §6 row 6: ISO 8601 and the common Vietnamese tool forms).

use crate::Date;

/// The offset of Vietnam time from UTC, in minutes (UTC+7, no daylight saving time).
pub const VIETNAM_OFFSET_MINUTES: i32 = 7 * 60;

/// A moment, and the offset from UTC it was written in when the source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instant {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
    /// The offset it was written with, in minutes east of UTC (`Some(0)` for `Z`/UTC).
    pub offset_minutes: i32,
}

impl Instant {
    /// The instant of a local date and time written at `offset_minutes` east of UTC.
    pub fn from_local(fields: LocalTime, offset_minutes: i32) -> Result<Self, PdfDateError> {
        let date = Date::new(fields.year, fields.month, fields.day)
            .map_err(|_| PdfDateError::OutOfRange { field: "day" })?;
        let secs = date.to_days() * 86_400
            + i64::from(fields.hour) * 3_600
            + i64::from(fields.minute) * 60
            + i64::from(fields.second);
        Ok(Self {
            unix: secs - i64::from(offset_minutes) * 60,
            offset_minutes,
        })
    }

    /// The instant as RFC 3339 in Vietnam time (`2026-03-05T09:30:15+07:00`), as the report
    /// shows every time (Circular 01/2019/TT-BNV: the Vietnam time zone, ISO 8601).
    pub fn to_rfc3339_vietnam(self) -> String {
        let local = self.unix + i64::from(VIETNAM_OFFSET_MINUTES) * 60;
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        match Date::from_days(days) {
            Ok(d) => format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+07:00",
                d.year(),
                d.month(),
                d.day(),
                secs / 3_600,
                secs % 3_600 / 60,
                secs % 60
            ),
            // Outside years 1–9999: no RFC 3339 form; say so rather than invent one.
            Err(_) => format!("unrepresentable ({} s since 1970)", self.unix),
        }
    }
}

/// A date and time of day as written, before any offset is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59.
    pub second: u8,
}

/// A PDF date (ISO 32000-1 §7.9.4): the local time written and, when the string has one, its
/// offset from UT. Without an offset "the relationship to UT shall be considered unknown".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PdfDate {
    /// The fields written (absent ones take the defaults of §7.9.4: month and day 01, others 0).
    pub local: LocalTime,
    /// Minutes east of UT (`Some(0)` for `Z`), `None` when the string gives no offset.
    pub offset_minutes: Option<i32>,
}

impl PdfDate {
    /// The instant, when the offset is known.
    pub fn instant(&self) -> Option<Instant> {
        self.offset_minutes
            .and_then(|o| Instant::from_local(self.local, o).ok())
    }
}

/// Why a PDF date string could not be read (ISO 32000-1 §7.9.4).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfDateError {
    /// The string does not start with `D:` followed by the four digits of the year.
    #[error("a PDF date starts with D: and a four-digit year")]
    NoPrefix,
    /// A field is not two (or, for the year, four) ASCII digits.
    #[error("the {field} field is not made of digits")]
    NotDigits {
        /// Which field.
        field: &'static str,
    },
    /// A field's value is out of its range (month 13, hour 24, 30 February, …).
    #[error("the {field} field is out of range")]
    OutOfRange {
        /// Which field.
        field: &'static str,
    },
    /// The offset is not `Z`, or `+`/`-` with `HH'mm`.
    #[error("the offset from UT is malformed")]
    BadOffset,
    /// Characters follow the date.
    #[error("characters follow the date")]
    Trailing,
}

fn digits(s: &[u8], n: usize, field: &'static str) -> Result<u32, PdfDateError> {
    let part = s.get(..n).ok_or(PdfDateError::NotDigits { field })?;
    if !part.iter().all(u8::is_ascii_digit) {
        return Err(PdfDateError::NotDigits { field });
    }
    Ok(part
        .iter()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0')))
}

fn ranged(v: u32, lo: u32, hi: u32, field: &'static str) -> Result<u8, PdfDateError> {
    if (lo..=hi).contains(&v) {
        u8::try_from(v).map_err(|_| PdfDateError::OutOfRange { field })
    } else {
        Err(PdfDateError::OutOfRange { field })
    }
}

/// Reads a PDF date `D:YYYYMMDDHHmmSSOHH'mm` (ISO 32000-1 §7.9.4). Every field after the year is
/// optional, but only when the ones before it are present; `O` is `+`, `-` or `Z`. The apostrophe
/// after the offset's minutes that PDF 1.7 and earlier writers add is accepted, as is `Z`
/// followed by `00'00`, which many writers emit. Anything else is a typed error: the date is
/// not guessed.
pub fn parse_pdf_date(text: &str) -> Result<PdfDate, PdfDateError> {
    let s = text.trim().as_bytes();
    let s = s.strip_prefix(b"D:").ok_or(PdfDateError::NoPrefix)?;
    let year = digits(s, 4, "year").map_err(|_| PdfDateError::NoPrefix)?;
    let mut rest = &s[4..];
    let mut local = LocalTime {
        year: i32::try_from(year).map_err(|_| PdfDateError::OutOfRange { field: "year" })?,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
    };
    if local.year < 1 {
        return Err(PdfDateError::OutOfRange { field: "year" });
    }
    let fields: [(&'static str, u32, u32); 5] = [
        ("month", 1, 12),
        ("day", 1, 31),
        ("hour", 0, 23),
        ("minute", 0, 59),
        ("second", 0, 59),
    ];
    for (i, (field, lo, hi)) in fields.into_iter().enumerate() {
        if !rest.first().is_some_and(u8::is_ascii_digit) {
            break;
        }
        let v = ranged(digits(rest, 2, field)?, lo, hi, field)?;
        match i {
            0 => local.month = v,
            1 => local.day = v,
            2 => local.hour = v,
            3 => local.minute = v,
            _ => local.second = v,
        }
        rest = &rest[2..];
    }
    if local.day > crate::days_in_month(local.year, local.month) {
        return Err(PdfDateError::OutOfRange { field: "day" });
    }
    let offset_minutes = match rest.first() {
        None => None,
        Some(b'Z') => {
            rest = &rest[1..];
            // "Z00'00'" as some writers put it: the same offset, written out.
            if let Some(r) = rest.strip_prefix(b"00'00") {
                rest = r.strip_prefix(b"'").unwrap_or(r);
            }
            Some(0)
        }
        Some(sign @ (b'+' | b'-')) => {
            let negative = *sign == b'-';
            rest = &rest[1..];
            let hh = ranged(
                digits(rest, 2, "offset hour").map_err(|_| PdfDateError::BadOffset)?,
                0,
                23,
                "offset hour",
            )?;
            rest = &rest[2..];
            let mut mm = 0;
            if let Some(r) = rest.strip_prefix(b"'") {
                rest = r;
                if rest.first().is_some_and(u8::is_ascii_digit) {
                    mm = ranged(
                        digits(rest, 2, "offset minute").map_err(|_| PdfDateError::BadOffset)?,
                        0,
                        59,
                        "offset minute",
                    )?;
                    rest = &rest[2..];
                    rest = rest.strip_prefix(b"'").unwrap_or(rest);
                }
            }
            let minutes = i32::from(hh) * 60 + i32::from(mm);
            Some(if negative { -minutes } else { minutes })
        }
        Some(_) => return Err(PdfDateError::Trailing),
    };
    if !rest.is_empty() {
        return Err(PdfDateError::Trailing);
    }
    Ok(PdfDate {
        local,
        offset_minutes,
    })
}

/// A time shown in an appearance's text: the local time and the offset written beside it, if
/// any (`None`: no zone shown, read as Vietnam time by the comparisons).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownTime {
    /// The date and time shown.
    pub local: LocalTime,
    /// The offset shown (`Z` is 0), in minutes east of UTC.
    pub offset_minutes: Option<i32>,
}

impl ShownTime {
    /// The instant, reading a time without a zone as Vietnam time.
    pub fn instant(&self) -> Option<Instant> {
        Instant::from_local(
            self.local,
            self.offset_minutes.unwrap_or(VIETNAM_OFFSET_MINUTES),
        )
        .ok()
    }
}

/// Reads `n` ASCII digits at `at`.
fn num(s: &[char], at: usize, n: usize) -> Option<u32> {
    let part = s.get(at..at + n)?;
    part.iter()
        .try_fold(0u32, |acc, c| Some(acc * 10 + c.to_digit(10)?))
}

fn at_char(s: &[char], at: usize, c: char) -> bool {
    s.get(at) == Some(&c)
}

/// The offset written at `at` (`Z`, `+07:00`, `+0700`, `+07`, optionally after one space or a
/// `GMT`/`UTC` prefix), and the position after it.
fn offset_at(s: &[char], mut at: usize) -> Option<(i32, usize)> {
    if at_char(s, at, ' ') {
        at += 1;
    }
    for prefix in ["GMT", "UTC"] {
        let p: Vec<char> = prefix.chars().collect();
        if s.get(at..at + 3) == Some(&p[..]) {
            at += 3;
        }
    }
    match s.get(at) {
        Some('Z') => Some((0, at + 1)),
        Some(sign @ ('+' | '-')) => {
            let hh = num(s, at + 1, 2)?;
            let (mm, end) = if at_char(s, at + 3, ':') {
                (num(s, at + 4, 2)?, at + 6)
            } else if let Some(mm) = num(s, at + 3, 2) {
                (mm, at + 5)
            } else {
                (0, at + 3)
            };
            if hh > 23 || mm > 59 {
                return None;
            }
            let minutes = i32::try_from(hh * 60 + mm).ok()?;
            Some((if *sign == '-' { -minutes } else { minutes }, end))
        }
        _ => None,
    }
}

/// Reads a time of day `HH:MM:SS` at `at`.
fn hms(s: &[char], at: usize) -> Option<(u8, u8, u8)> {
    let h = num(s, at, 2)?;
    let m = num(s, at + 3, 2)?;
    let sec = num(s, at + 6, 2)?;
    if !at_char(s, at + 2, ':') || !at_char(s, at + 5, ':') || h > 23 || m > 59 || sec > 59 {
        return None;
    }
    Some((
        u8::try_from(h).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(sec).ok()?,
    ))
}

fn local(y: u32, mo: u32, d: u32, (hour, minute, second): (u8, u8, u8)) -> Option<LocalTime> {
    let year = i32::try_from(y).ok()?;
    let month = u8::try_from(mo).ok()?;
    let day = u8::try_from(d).ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > crate::days_in_month(year, month) {
        return None;
    }
    Some(LocalTime {
        year,
        month,
        day,
        hour,
        minute,
        second,
    })
}

/// The times shown in `text` with seconds: ISO 8601 `YYYY-MM-DDTHH:MM:SS` (or a space for `T`)
/// with an optional zone, and the tool forms `dd/MM/yyyy HH:mm:ss` and `dd.MM.yyyy HH:mm:ss`
/// with an optional zone (signature-format.md §4(d), §6 row 6). A date without a time of day
/// is not a signing time and is not returned.
pub fn shown_times(text: &str) -> Vec<ShownTime> {
    let s: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let boundary = i == 0 || !s.get(i - 1).is_some_and(char::is_ascii_digit);
        let found = if boundary { time_at(&s, i) } else { None };
        match found {
            Some((t, end)) => {
                out.push(t);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

fn time_at(s: &[char], i: usize) -> Option<(ShownTime, usize)> {
    // ISO 8601: YYYY-MM-DD[T ]HH:MM:SS
    if let (Some(y), true, Some(mo), true, Some(d)) = (
        num(s, i, 4),
        at_char(s, i + 4, '-'),
        num(s, i + 5, 2),
        at_char(s, i + 7, '-'),
        num(s, i + 8, 2),
    ) {
        if at_char(s, i + 10, 'T') || at_char(s, i + 10, ' ') {
            let t = hms(s, i + 11)?;
            let local = local(y, mo, d, t)?;
            let (offset_minutes, end) = match offset_at(s, i + 19) {
                Some((o, end)) => (Some(o), end),
                None => (None, i + 19),
            };
            return Some((
                ShownTime {
                    local,
                    offset_minutes,
                },
                end,
            ));
        }
        return None;
    }
    // dd/MM/yyyy or dd.MM.yyyy, then one or more spaces (or a comma) and HH:mm:ss.
    let d = num(s, i, 2)?;
    let sep = *s.get(i + 2)?;
    if !(sep == '/' || sep == '.' || sep == '-') || !at_char(s, i + 5, sep) {
        return None;
    }
    let mo = num(s, i + 3, 2)?;
    let y = num(s, i + 6, 4)?;
    let mut at = i + 10;
    let mut gap = 0;
    while matches!(s.get(at), Some(' ' | ',')) && gap < 3 {
        at += 1;
        gap += 1;
    }
    if gap == 0 {
        return None;
    }
    let t = hms(s, at)?;
    let local = local(y, mo, d, t)?;
    let (offset_minutes, end) = match offset_at(s, at + 8) {
        Some((o, end)) => (Some(o), end),
        None => (None, at + 8),
    };
    Some((
        ShownTime {
            local,
            offset_minutes,
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lt(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> LocalTime {
        LocalTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
        }
    }

    #[test]
    fn pdf_dates_read_every_form_of_section_7_9_4() {
        let d = parse_pdf_date("D:20260305093015+07'00'").expect("full form");
        assert_eq!(d.local, lt(2026, 3, 5, 9, 30, 15));
        assert_eq!(d.offset_minutes, Some(420));
        assert_eq!(
            d.instant().map(Instant::to_rfc3339_vietnam).as_deref(),
            Some("2026-03-05T09:30:15+07:00")
        );
        let z = parse_pdf_date("D:20260305023015Z").expect("UTC");
        assert_eq!(z.instant().map(|i| i.unix), d.instant().map(|i| i.unix));
        assert_eq!(parse_pdf_date("D:20260305023015Z00'00'"), Ok(z));
        let neg = parse_pdf_date("D:199812231952-08'00").expect("ISO example, no final '");
        assert_eq!(neg.offset_minutes, Some(-480));
        let year = parse_pdf_date("D:2026").expect("year only");
        assert_eq!(year.local, lt(2026, 1, 1, 0, 0, 0));
        assert_eq!(year.offset_minutes, None);
        assert_eq!(year.instant(), None);
        assert_eq!(
            parse_pdf_date("D:20260305093015+07")
                .expect("hour offset")
                .offset_minutes,
            Some(420)
        );
    }

    #[test]
    fn malformed_pdf_dates_are_typed_errors() {
        assert_eq!(
            parse_pdf_date("20260305093015"),
            Err(PdfDateError::NoPrefix)
        );
        assert_eq!(parse_pdf_date("D:26"), Err(PdfDateError::NoPrefix));
        assert_eq!(
            parse_pdf_date("D:20261305"),
            Err(PdfDateError::OutOfRange { field: "month" })
        );
        assert_eq!(
            parse_pdf_date("D:20260230"),
            Err(PdfDateError::OutOfRange { field: "day" })
        );
        assert_eq!(
            parse_pdf_date("D:2026030524"),
            Err(PdfDateError::OutOfRange { field: "hour" })
        );
        assert_eq!(
            parse_pdf_date("D:202603051"),
            Err(PdfDateError::NotDigits { field: "hour" })
        );
        assert_eq!(
            parse_pdf_date("D:20260305093015+7"),
            Err(PdfDateError::BadOffset)
        );
        assert_eq!(
            parse_pdf_date("D:20260305093015 GMT"),
            Err(PdfDateError::Trailing)
        );
        assert_eq!(
            parse_pdf_date("D:20260305093015+07'00'x"),
            Err(PdfDateError::Trailing)
        );
    }

    #[test]
    fn shown_times_read_iso_and_tool_forms() {
        let t = shown_times("SO TU PHAP 2026-03-05T09:30:15+07:00");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].local, lt(2026, 3, 5, 9, 30, 15));
        assert_eq!(t[0].offset_minutes, Some(420));
        let t = shown_times("SAO Y;\nAn;\nThời gian ký: 05.03.2020  09:30:15 +07:00;");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].local, lt(2020, 3, 5, 9, 30, 15));
        assert_eq!(t[0].offset_minutes, Some(420));
        let t = shown_times("Ngày ký: 05/03/2020 09:30:15");
        assert_eq!(t[0].offset_minutes, None);
        assert_eq!(
            t[0].instant().map(Instant::to_rfc3339_vietnam).as_deref(),
            Some("2020-03-05T09:30:15+07:00")
        );
        let t = shown_times("2026-03-05 02:30:15Z");
        assert_eq!(t[0].offset_minutes, Some(0));
        assert!(shown_times("ngày 05 tháng 3 năm 2026, số 123/QĐ-UBND").is_empty());
        assert!(shown_times("2026-03-05").is_empty());
        assert!(shown_times("2026-13-05T09:30:15").is_empty());
        assert!(shown_times("12026-03-05T09:30:15").is_empty());
    }
}
