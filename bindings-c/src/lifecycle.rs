//! The dossier lifecycle: `motcua_lifecycle_*`, mirroring `lifecycle::replay`,
//! `lifecycle::check_status_log` and `lifecycle::kpi::kpi`.
//!
//! A log crosses as UTF-8 JSON Lines text (one event per line, blank lines allowed) and the
//! answer as JSON. Time is counted with the default policy (Monday to Friday, 08:00–12:00 and
//! 13:00–17:00, a supplement restarts the limit), as the CLI's `motcua lifecycle replay` does. A
//! log that cannot be read (a line that is not an event, a line over 64 KiB, too many events or
//! dossiers) is `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error": <finding>}`, the same JSON
//! every surface gives; an event the rules forbid is not an error but a rejection inside the
//! answer.

use std::ffi::c_char;

use motcua_core::calendar::due::Policy;
use motcua_core::lifecycle::{self, kpi, Replay, ReplayError};
use serde::Serialize;

use crate::boundary::{boundary, try_str, Output};
use crate::strings::{write_input_error, write_json};
use crate::MotcuaStatus;

/// `lifecycle::replay` of `log`, time counted with the default policy.
fn replay(log: &str) -> Result<Replay, ReplayError> {
    lifecycle::replay(log, &Policy::default())
}

/// Runs `compute` on the log at `log_json`/`log_len` and writes its answer as JSON to
/// `out_json`, or its input error with `MOTCUA_STATUS_INVALID_INPUT`.
///
/// # Safety
///
/// `log_json` must point to `log_len` readable bytes, and `out_json` must be writable.
unsafe fn answer<T: Serialize>(
    log_json: *const u8,
    log_len: usize,
    out_json: *mut *mut c_char,
    compute: impl FnOnce(&str) -> Result<T, ReplayError>,
) -> Result<(), MotcuaStatus> {
    // SAFETY: forwarded from the caller.
    let log = unsafe { try_str(log_json, log_len) }?;
    let out_json = Output::new(out_json)?;
    match compute(log) {
        // SAFETY: writable, as the caller guarantees.
        Ok(value) => unsafe {
            write_json(&value, out_json);
            Ok(())
        },
        // SAFETY: writable, as the caller guarantees.
        Err(e) => unsafe { write_input_error(e.to_finding(), out_json) },
    }
}

/// Replays the lifecycle log `log_json` (UTF-8 JSON Lines, `log_len` bytes, each line a
/// `LogEvent` of spec/schema/lifecycle-event.schema.json: `{"dossier", "type", "at", "actor",
/// ...}`) under the rule version in force on the day each dossier was received (Decree 61/2018
/// as amended until 30/6/2025, Decree 118/2025 from 01/7/2025), `lifecycle::replay`.
///
/// Returns `MOTCUA_STATUS_OK` with the `Replay` object in `*out_json`
/// (spec/schema/lifecycle-replay.schema.json): `{"dossiers": [...]}` in order of first
/// appearance, each with its final `state`, `national_status`, `rules`, `due`, `timeliness`
/// (`early`, `on_time`, `late`, `pending`, `not_applicable`), the number of `rejected` events and
/// its `timeline`, where a refused event carries its `rejection` finding (`lifecycle.*`, with
/// the article that forbids it). Returns `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error":
/// <finding>}` when the log cannot be read (`input.*` with the pointer within the line, or
/// `lifecycle.line_too_long`, `lifecycle.too_many_events`, `lifecycle.too_many_dossiers`).
/// Either way the caller frees `*out_json` with `motcua_string_free`. Otherwise (NULL_ARGUMENT,
/// INVALID_UTF8, INVALID_ARGUMENT) writes nothing.
///
/// # Safety
///
/// `log_json` must point to `log_len` readable bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_lifecycle_replay(
    log_json: *const u8,
    log_len: usize,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        unsafe { answer(log_json, log_len, out_json, replay) }
    })
}

/// The indicators of the lifecycle log `log_json` (as for `motcua_lifecycle_replay`),
/// `lifecycle::kpi::kpi` of its replay: how many dossiers were handled early, on time or late,
/// the on-time rate (Decision 766/QĐ-TTg, indicator 2.1) and the share submitted online, overall
/// and by agency, procedure and month of receipt.
///
/// Returns `MOTCUA_STATUS_OK` with the `Kpi` object in `*out_json`
/// (spec/schema/lifecycle-kpi.schema.json): `{"overall", "by_agency", "by_procedure",
/// "by_month"}`, each group's counts `{"dossiers", "received", "early", "on_time", "late",
/// "pending", "not_applicable", "online", "with_channel", "on_time_rate", "online_share"}`.
/// Returns and writes otherwise as `motcua_lifecycle_replay`.
///
/// # Safety
///
/// `log_json` must point to `log_len` readable bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_lifecycle_kpi(
    log_json: *const u8,
    log_len: usize,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        unsafe {
            answer(log_json, log_len, out_json, |log| {
                Ok(kpi::kpi(&replay(log)?))
            })
        }
    })
}

/// Checks another system's log of portal status changes, `log_json` (UTF-8 JSON Lines,
/// `log_len` bytes, each line a `StatusEvent` of spec/schema/lifecycle-status-event.schema.json:
/// `{"dossier", "status", "at"}`, `status` a National Public Service Portal code), against the
/// lifecycle machine, `lifecycle::check_status_log`.
///
/// Returns `MOTCUA_STATUS_OK` with the `StatusReport` object in `*out_json`
/// (spec/schema/lifecycle-status-report.schema.json): `{"dossiers": [{"dossier", "statuses",
/// "states", "problems"}]}`, every impossible change a problem `{"line", "rules", "finding"}`
/// (`lifecycle.status_unknown`, `lifecycle.status_impossible`, `lifecycle.no_rules`). Returns and
/// writes otherwise as `motcua_lifecycle_replay`.
///
/// # Safety
///
/// `log_json` must point to `log_len` readable bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_lifecycle_check_status_log(
    log_json: *const u8,
    log_len: usize,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        unsafe { answer(log_json, log_len, out_json, lifecycle::check_status_log) }
    })
}
