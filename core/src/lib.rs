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
//! - [`signature`]: signed documents: [`signature::verify`] runs every stage and gives the
//!   report ([`signature::report`]); the stages include the bounded PDF reader
//!   [`signature::pdf`] and the Decree 30/2020 legal-format profile [`signature::format`].
//!
//! Cargo features choose what a build holds; all are on by default (native builds: C, the CLI):
//! `calendar`, `lifecycle` (needs `calendar`) and `signature`. Without any, the crate holds the
//! identifiers, the data model and dossier validation: the "forms only" WebAssembly module of a
//! web form (`bindings-wasm`, `tests/wasm/size.sh`). `schema` derives the JSON Schemas of
//! `spec/schema/`.
//!
//! # A tour
//!
//! Check an identifier, validate a dossier against its procedure, compute a due date, apply a
//! lifecycle event and replay a log, and verify a signed PDF, with the files of `examples/`
//! (`examples/README.md` says what each holds and what it should give):
//!
//! ```
//! use motcua_core::{forms, ids, Date};
//!
//! // Core has no clock: "today" is a parameter.
//! let today = Date::new(2026, 11, 23)?;
//!
//! // An identifier: every problem, each a finding with a stable code and a message in two
//! // languages (Circular 105/2020/TT-BTC: the tenth digit of a tax code is a check digit).
//! let tax_code = ids::check(ids::IdKind::TaxCode, "0100233480", today);
//! assert!(!tax_code.valid);
//! assert_eq!(tax_code.errors[0].code, "tax_code.check_digit");
//! assert!(tax_code.errors[0].en.contains("must be 8, not 0"));
//!
//! // A dossier against the procedure it is filed under: every finding at its JSON pointer.
//! let procedure = include_str!("../../examples/procedure-birth-registration.json");
//! let dossier = include_str!("../../examples/dossier-birth-registration-invalid.json");
//! let report = forms::validate_json(dossier, procedure, today)?;
//! assert_eq!((report.valid, report.errors.len(), report.warnings.len()), (false, 6, 1));
//! assert_eq!(report.errors[0].code, "forms.birth_year_mismatch");
//! assert_eq!(report.errors[0].path, "/applicant/date_of_birth");
//!
//! # #[cfg(all(feature = "lifecycle", feature = "signature"))] {
//! use motcua_core::calendar::{due::Policy, request};
//! use motcua_core::lifecycle::{self, State, Timeliness};
//! use motcua_core::model::Timestamp;
//! use motcua_core::signature::report::Indication;
//! use motcua_core::signature::verify::{verify, OptionPart, VerifyOptions};
//!
//! // A due date: three working days from Friday 25 April 2025. Saturday 26 April was a working
//! // day (swapped for the 30/4 holidays), 27 April a Sunday, 30 April and 1 May days off.
//! let due = request::due_json(
//!     r#"{"received": "2025-04-25T09:00:00+07:00", "limit": {"unit": "working_days", "value": 3}}"#,
//! )?;
//! assert_eq!(due.due.map(|t| t.to_string()).as_deref(), Some("2025-04-29T17:00:00+07:00"));
//!
//! // One lifecycle event applied to a dossier kept as JSON (None: a new dossier), then one the
//! // rules refuse: a dossier cannot be processed before the one-stop shop has received it.
//! let policy = Policy::default();
//! let submitted = lifecycle::step_json(
//!     None,
//!     r#"{"dossier": "G01.01-250702-0003", "type": "submitted", "at": "2025-07-02T21:40:00+07:00",
//!         "actor": "applicant", "channel": "online"}"#,
//!     &policy,
//! )?;
//! assert_eq!(submitted.to, Some(State::Submitted));
//! let kept = serde_json::to_string(&submitted.dossier)?;
//! let refused = lifecycle::step_json(
//!     Some(&kept),
//!     r#"{"dossier": "G01.01-250702-0003", "type": "processed", "at": "2025-07-03T09:00:00+07:00",
//!         "actor": "agency"}"#,
//!     &policy,
//! )?;
//! assert_eq!(refused.to, None);
//! assert_eq!(refused.rejection.map(|f| f.code).as_deref(), Some("lifecycle.event_not_allowed"));
//!
//! // A whole log replayed: per dossier its final state, due date and timeliness.
//! let replay = lifecycle::replay(include_str!("../../examples/lifecycle-log.jsonl"), &policy)?;
//! let judged: Vec<_> = replay.dossiers.iter().map(|d| (d.state, d.timeliness)).collect();
//! assert_eq!(
//!     judged,
//!     [
//!         (State::Returned, Timeliness::Early),
//!         (State::ResultReady, Timeliness::OnTime),
//!         (State::Refused, Timeliness::NotApplicable),
//!     ]
//! );
//!
//! // A signed PDF: the caller gives the trust anchors and the validation time.
//! let at = "2026-03-05T02:30:15Z".parse::<Timestamp>()?;
//! let mut options = VerifyOptions::new(at.unix_instant().0);
//! let root = include_bytes!("../../examples/signature-test-root.pem");
//! options.add_certificates(OptionPart::TrustAnchor, root)?;
//! let report = verify(include_bytes!("../../examples/signed-decision.pdf"), &options)?;
//! assert_eq!(report.indication, Indication::TotalPassed);
//! assert_eq!(report.signatures.len(), 2);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]

#[cfg(feature = "calendar")]
pub mod calendar;
pub mod catalog;
mod date;
mod finding;
pub mod forms;
pub mod ids;
#[cfg(feature = "lifecycle")]
pub mod lifecycle;
pub mod model;
#[cfg(feature = "signature")]
pub mod signature;

pub use catalog::Lang;
pub use date::{days_in_month, is_leap_year, Date, DateError, MAX_YEAR, MIN_YEAR};
pub use finding::{pointer, Diagnostic, Finding, Severity};
