//! # motcua-core
//!
//! The conformance core shared by every Vietnamese one-stop-shop ("bộ phận một cửa") system that
//! embeds motcua: the data model of dossiers of administrative procedures, the identifiers on a
//! form, the validation of a dossier against its procedure, and the calendar (lunar dates,
//! holidays, working days) by which its time limits are counted.
//!
//! The crate is pure Rust: no I/O, no clock ("today" is always a parameter), no C dependencies;
//! it builds for `wasm32-unknown-unknown`. Every rule cites its article in `spec/`, and every
//! result is a list of [`Finding`]s with a stable code, the JSON pointer of the field, and
//! messages in Vietnamese and English.
//!
//! The public interface is:
//! - [`Date`]: a calendar date, for "today" and dates of birth;
//! - [`Finding`], [`Severity`], [`Diagnostic`], [`catalog`]: findings and their messages;
//! - [`ids`]: the identifiers (personal ID, old ID, tax code, agency code, procedure code,
//!   dossier code, phone);
//! - [`model`]: dossiers, applicants, agencies, procedures, attachments, events;
//! - [`forms`]: validation of a dossier against its procedure;
//! - [`calendar`]: the Vietnamese lunar calendar, holidays, working days and due dates;
//! - [`lifecycle`]: the dossier lifecycle as a state machine (data in `spec/lifecycle/`), its
//!   event-by-event [`lifecycle::step`] and the [`lifecycle::replay`] of a JSON Lines log;
//! - [`signature`]: signed documents: the bounded PDF reader [`signature::pdf`], the Decree
//!   30/2020 legal-format profile [`signature::format`] and the report [`signature::report`].

#![forbid(unsafe_code)]

pub mod calendar;
pub mod catalog;
mod date;
mod finding;
pub mod forms;
pub mod ids;
pub mod lifecycle;
pub mod model;
pub mod signature;

pub use catalog::Lang;
pub use date::{days_in_month, is_leap_year, Date, DateError, MAX_YEAR, MIN_YEAR};
pub use finding::{pointer, Diagnostic, Finding, Severity};
