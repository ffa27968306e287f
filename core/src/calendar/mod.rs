//! The calendar of Vietnamese administration: the Vietnamese lunar calendar ([`lunar`]), on which
//! the lunar public holidays (Tết, Hùng Kings' day) depend.
//!
//! The rules and their sources are in `spec/calendar/`.

pub mod due;
pub mod holidays;
pub mod lunar;
pub mod schedule;
