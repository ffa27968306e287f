//! The calendar of Vietnamese administration, by which one-stop shops count their time limits:
//! - [`lunar`]: the Vietnamese lunar calendar (UTC+7), on which Tết and Hùng Kings' day depend;
//! - [`holidays`]: public holidays (Labor Code 2019 Art. 112, Labor Code 2012 Art. 115 before
//!   2021), compensatory days, and the yearly civil-service decisions that move working days;
//! - [`schedule`]: an agency's working days, and working-day arithmetic;
//! - [`due`]: due dates of a dossier from its receipt, with pauses, restarts and extensions;
//! - [`request`]: the due-date request as JSON, which every surface reads the same way.
//!
//! The rules and their sources are in `spec/calendar/`.

pub mod due;
pub mod holidays;
pub mod lunar;
pub mod request;
pub mod schedule;
