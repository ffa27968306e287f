//! `MotcuaDate`, the C form of [`motcua_core::Date`].

use motcua_core::Date;

use crate::MotcuaStatus;

/// A calendar date (proleptic Gregorian), passed by value; mirrors the Rust `Date`.
///
/// motcua has no clock: wherever a rule needs "today" (a birth year cannot lie in the future,
/// a deadline), the caller passes it. A date that does not exist (2023-02-29, month 0 or 13,
/// a year outside 1–9999) is refused with `MOTCUA_STATUS_INVALID_ARGUMENT`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MotcuaDate {
    /// The year, 1 to 9999.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl TryFrom<MotcuaDate> for Date {
    type Error = MotcuaStatus;

    fn try_from(d: MotcuaDate) -> Result<Date, MotcuaStatus> {
        Date::new(d.year, d.month, d.day).map_err(|_| MotcuaStatus::InvalidArgument)
    }
}

impl From<Date> for MotcuaDate {
    fn from(d: Date) -> MotcuaDate {
        MotcuaDate {
            year: d.year(),
            month: d.month(),
            day: d.day(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_are_invalid_arguments() {
        let date = |year, month, day| Date::try_from(MotcuaDate { year, month, day });
        assert_eq!(date(2024, 2, 29), Ok(Date::new(2024, 2, 29).unwrap()));
        assert_eq!(date(2023, 2, 29), Err(MotcuaStatus::InvalidArgument));
        assert_eq!(date(2023, 13, 1), Err(MotcuaStatus::InvalidArgument));
        assert_eq!(date(0, 1, 1), Err(MotcuaStatus::InvalidArgument));
    }
}
