//! Seconds since the Unix epoch written as RFC 3339 in UTC, the form the report shows
//! certificate times in.

use crate::Date;

/// `secs` as `YYYY-MM-DDTHH:MM:SSZ`; years outside 1–9999 print as the number of seconds.
pub fn rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    match Date::from_days(days) {
        Ok(d) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            d.year(),
            d.month(),
            d.day(),
            rest / 3600,
            rest % 3600 / 60,
            rest % 60
        ),
        Err(_) => format!("{secs}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_signing_time() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_772_677_815), "2026-03-05T02:30:15Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
    }
}
