//! Instants read from signatures: a CMS `signing-time` (RFC 5652 §11.3: UTCTime or
//! GeneralizedTime) and an RFC 3161 `genTime` (§2.4.2: GeneralizedTime, fractions of a second
//! allowed), as seconds since 1970-01-01T00:00:00Z.

use serde::Serialize;

/// A UTC instant, whole seconds (a fraction of a second in a `genTime` is dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix_seconds: i64,
}

/// Days from 1970-01-01 to `y-m-d` (proleptic Gregorian; H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

impl Instant {
    /// The instant of a civil UTC date and time, if the fields are in range.
    pub fn from_utc(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> Option<Self> {
        let ok = (1..=12).contains(&mo)
            && (1..=31).contains(&d)
            && (0..=23).contains(&h)
            && (0..=59).contains(&mi)
            && (0..=60).contains(&s);
        ok.then(|| Self {
            unix_seconds: days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s,
        })
    }

    /// A GeneralizedTime's text as RFC 3161 §2.4.2 writes it: `YYYYMMDDhhmmss[.f…]Z`.
    pub fn from_generalized(text: &[u8]) -> Option<Self> {
        let digits = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = text.get(r)?;
            if !part.iter().all(u8::is_ascii_digit) {
                return None;
            }
            part.iter()
                .try_fold(0i64, |acc, b| Some(acc * 10 + i64::from(b - b'0')))
        };
        let rest = text.get(14..)?;
        let valid_rest = match rest {
            [b'Z'] => true,
            [b'.', frac @ .., b'Z'] => !frac.is_empty() && frac.iter().all(u8::is_ascii_digit),
            _ => false,
        };
        if !valid_rest {
            return None;
        }
        Self::from_utc(
            digits(0..4)?,
            digits(4..6)?,
            digits(6..8)?,
            digits(8..10)?,
            digits(10..12)?,
            digits(12..14)?,
        )
    }

    /// RFC 3339 in UTC, `2026-03-05T02:30:15Z`.
    pub fn rfc3339(self) -> String {
        let days = self.unix_seconds.div_euclid(86_400);
        let secs = self.unix_seconds.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

impl Serialize for Instant {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.rfc3339())
    }
}

impl std::fmt::Display for Instant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.rfc3339())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_instants() {
        let t = Instant::from_generalized(b"20260305023015Z").expect("time");
        assert_eq!(t.unix_seconds, 1_772_677_815);
        assert_eq!(t.rfc3339(), "2026-03-05T02:30:15Z");
        assert_eq!(Instant::from_generalized(b"20260305023015.123Z"), Some(t));
        for bad in [
            &b"20260305023015"[..],
            b"20260305023015.Z",
            b"2026030502301Z",
            b"20261305023015Z",
            b"2026030502301xZ",
            b"20260305023015+0700",
        ] {
            assert_eq!(Instant::from_generalized(bad), None, "{bad:?}");
        }
        assert_eq!(
            Instant::from_utc(1970, 1, 1, 0, 0, 0).map(|t| t.unix_seconds),
            Some(0)
        );
        assert_eq!(
            Instant::from_utc(2000, 2, 29, 23, 59, 59).map(Instant::rfc3339),
            Some("2000-02-29T23:59:59Z".to_owned())
        );
    }
}
