//! # motcua-wasm
//!
//! The WebAssembly surface of motcua, for web forms in the browser and for node: the same
//! functions as the Rust core and the C ABI, under their JavaScript names.
//!
//! | Rust (`motcua_core`)           | C                          | JavaScript                    |
//! |--------------------------------|----------------------------|-------------------------------|
//! | `ids::check`                   | `motcua_ids_check`         | `idsCheck(kind, input, today)` |
//! | `ids::is_valid`                | `motcua_ids_is_valid`      | `idsIsValid(kind, input, today)` |
//! | `model::Procedure::from_json`  | `motcua_procedure_parse`   | `Procedure.parse(json)`       |
//! | `forms::validate`              | `motcua_forms_validate`    | `formsValidate(procedure, dossierJson, today)` |
//! | `calendar::lunar::to_lunar`    | `motcua_calendar_to_lunar` | `calendarToLunar(date, reckoning)` |
//! | `calendar::lunar::to_solar`    | `motcua_calendar_to_solar` | `calendarToSolar(lunar, reckoning)` |
//! | `Schedule::day_status`         | `motcua_calendar_day_status` | `calendarDayStatus(date, schedule)` |
//! | `Schedule::is_working_day`     | `motcua_calendar_is_working_day` | `calendarIsWorkingDay(date, schedule)` |
//! | `Schedule::add_working_days`   | `motcua_calendar_add_working_days` | `calendarAddWorkingDays(date, n, schedule)` |
//! | `Schedule::count_working_days` | `motcua_calendar_count_working_days` | `calendarCountWorkingDays(from, to, schedule)` |
//! | `calendar::holidays::holidays` | `motcua_calendar_holidays` | `calendarHolidays(year)`      |
//! | `calendar::request::due_json`  | `motcua_calendar_due_json` | `calendarDue(request)`        |
//! | `lifecycle::replay`            | `motcua_lifecycle_replay`  | `lifecycleReplay(log, policy?)` |
//! | `lifecycle::replay`, as JSON   | `motcua_lifecycle_replay`  | `lifecycleReplayJson(log, policy?)` |
//! | `lifecycle::check_status_log`  | `motcua_lifecycle_check_status_log` | `lifecycleCheckStatusLog(log)` |
//! | `lifecycle::kpi::kpi`          | `motcua_lifecycle_kpi`     | `lifecycleKpi(log, policy?)`  |
//! | `lifecycle::step_json`         | `motcua_lifecycle_step`    | `lifecycleStep(dossier, event, policy?)` |
//! | `signature::verify::verify`    | `motcua_verify`            | `verify(bytes, options)` (package `motcua-signature`) |
//! | `signature::verify::verify_detached` | `motcua_verify_detached` | `verifyDetached(signature, content, options)` (package `motcua-signature`) |
//!
//! The crate holds no rule of its own: it checks the JavaScript arguments (module `args`), calls the
//! core, and hands results back as plain objects built from the core's serde types, so they
//! are JSON-equal to what Rust, C and the CLI give. Errors are thrown as JavaScript `Error`s
//! carrying a finding (module `error`). The TypeScript declarations of the data types come from
//! `spec/schema/` (generated into `types.d.ts` by `bindings-wasm/scripts/gen-types.mjs`).
//!
//! Cargo features choose what the module holds: `full` (the default, the npm package) has every
//! function above; without default features, the "forms only" module of a web form has the
//! identifiers and dossier validation (`idsCheck`, `idsIsValid`, `Procedure.parse`,
//! `formsValidate`); `calendar` and `lifecycle` add theirs. `signature` (without default
//! features) adds `verify` and `verifyDetached`: the signature checker's own module, the npm
//! package `motcua-signature`, loaded apart so that a web form never downloads it (it would
//! double the package). `tests/wasm/size.sh` holds each to its budget and prints the signature
//! module's size.
//!
//! Build: `tests/wasm/build.sh` (cargo for `wasm32-unknown-unknown`, then `wasm-bindgen` for
//! the web into `bindings-wasm/pkg/web/`, under the npm package `motcua` whose node entry point
//! instantiates the same module from its file).

#![forbid(unsafe_code)]

mod args;
#[cfg(feature = "calendar")]
mod calendar;
mod error;
mod forms;
mod ids;
mod js;
#[cfg(feature = "lifecycle")]
mod lifecycle;
#[cfg(feature = "signature")]
mod signature;

use wasm_bindgen::prelude::*;

#[cfg(feature = "calendar")]
pub use calendar::{
    calendar_add_working_days, calendar_count_working_days, calendar_day_status, calendar_due,
    calendar_holidays, calendar_is_working_day, calendar_to_lunar, calendar_to_solar,
};
pub use forms::{forms_validate, Procedure};
pub use ids::{ids_check, ids_is_valid};
#[cfg(feature = "lifecycle")]
pub use lifecycle::{
    lifecycle_check_status_log, lifecycle_kpi, lifecycle_replay, lifecycle_replay_json,
    lifecycle_step,
};
#[cfg(feature = "signature")]
pub use signature::{verify, verify_detached};

/// TypeScript declarations of the data types (IdKind, IdCheck, Finding, Report, ...),
/// generated from `spec/schema/`; `tests/wasm/run.sh` fails when they are stale.
#[wasm_bindgen(typescript_custom_section)]
const DATA_TYPES: &str = include_str!("types.d.ts");

/// TypeScript declaration of the errors thrown (see [`error`]).
#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPE: &str = r#"
/**
 * What every function of motcua throws: a JavaScript `Error` carrying its finding.
 * `name` is "MotcuaArgumentError" for a wrong argument (codes `argument.*`) or
 * "MotcuaInputError" for a document that cannot be read (codes `input.*`, `path` is the JSON
 * pointer of the offending field) or a calendar computation without an answer (codes `lunar.*`,
 * `holidays.*`, `working_days.*`, `due.*`) or a lifecycle log that cannot be read (`input.*`
 * with the pointer within the line, `lifecycle.line_too_long`, `lifecycle.too_many_events`,
 * `lifecycle.too_many_dossiers`) or, in `motcua-signature`, a signed document that cannot be
 * read (`verify.unrecognised_input`, `verify.not_cms`, `pdf.*`) or its options (`input.*`,
 * `certificate.*`). `message` is the English text; `vi` the Vietnamese one.
 */
export interface MotcuaError extends Error, Finding {
  name: "MotcuaArgumentError" | "MotcuaInputError";
  /** The finding this error carries, as a plain object. */
  finding: Finding;
  /** For a document that cannot be read, of a function that reads several: its argument ("log", "dossier", "event", "policy", "bytes", "signature", "options"). */
  argument?: string;
  /** For a line of a lifecycle log that cannot be read: the line, from 1. */
  line?: number;
}
"#;

/// The version of motcua, as in its `Cargo.toml` (semantic versioning).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
