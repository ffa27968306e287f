//! The calendar of Vietnamese administration, by which one-stop shops count their time limits:
//! - [`lunar`]: the Vietnamese lunar calendar (UTC+7), on which Tết and Hùng Kings' day depend;
//! - [`holidays`]: public holidays (Labor Code 2019 Art. 112, Labor Code 2012 Art. 115 before
//!   2021), compensatory days, and the yearly civil-service decisions that move working days;
//! - [`schedule`]: an agency's working days, and working-day arithmetic;
//! - [`due`]: due dates of a dossier from its receipt, with pauses, restarts and extensions;
//! - [`request`]: the due-date request as JSON, which every surface reads the same way.
//!
//! The rules and their sources are in `spec/calendar/`.
//!
//! # Example
//!
//! ```
//! use motcua_core::calendar::holidays::{holidays, Exception};
//! use motcua_core::calendar::lunar::{to_lunar, to_solar, Reckoning};
//! use motcua_core::calendar::schedule::Schedule;
//! use motcua_core::Date;
//!
//! // Tết Bính Ngọ: 17 February 2026 is day 1 of lunar month 1 of 2026.
//! let tet = to_lunar(Date::new(2026, 2, 17)?, Reckoning::Vietnam)?;
//! assert_eq!((tet.year(), tet.month(), tet.day(), tet.leap()), (2026, 1, 1, false));
//! // 2025 has a leap sixth month; its first day is 25 July.
//! assert_eq!(to_solar(2025, 6, 1, true, Reckoning::Vietnam)?, Date::new(2025, 7, 25)?);
//!
//! // 2026: Friday 2 January off, swapped with Saturday 10 January, a working day.
//! let year = holidays(2026)?;
//! let day = |d: Date| year.days.iter().find(|h| h.date == d).map(|h| &h.exception);
//! assert!(matches!(day(Date::new(2026, 1, 2)?), Some(Exception::Off(_))));
//! assert!(matches!(day(Date::new(2026, 1, 10)?), Some(Exception::SwappedWorking(_))));
//!
//! // Working days: Monday to Friday, minus the days off, plus the swapped Saturdays. The third
//! // working day after Friday 25 April 2025 is Tuesday 29 April: Saturday 26 April was worked.
//! let week = Schedule::default();
//! assert_eq!(week.add_working_days(Date::new(2025, 4, 25)?, 3)?, Date::new(2025, 4, 29)?);
//! assert!(!week.is_working_day(Date::new(2025, 4, 30)?)?);
//! // Counted in (from, to]: after Monday 28 April, 29 April and 5 May (30 April to 4 May off).
//! assert_eq!(week.count_working_days(Date::new(2025, 4, 28)?, Date::new(2025, 5, 5)?)?, 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod due;
pub mod holidays;
pub mod lunar;
pub mod request;
pub mod schedule;
