//! The dossier lifecycle: `motcua_lifecycle_*`, mirroring `lifecycle::replay`,
//! `lifecycle::kpi::kpi`, `lifecycle::check_status_log` and `lifecycle::step_json`.
//!
//! A log crosses as UTF-8 JSON Lines text (one event per line, blank lines allowed), a dossier,
//! an event and a policy as UTF-8 JSON, and the answer as JSON. Time is counted with the policy
//! given (`calendar::due::Policy`, the `policy` of a due-date request: `{"working_weekdays",
//! "office_hours", "cutoff", "counting", "supplement"}`, each field optional), or with the
//! default policy when it is NULL (Monday to Friday, 08:00–12:00 and 13:00–17:00, no cut-off, a
//! supplement restarts the limit), as the CLI does without `--policy`. An argument that cannot be
//! read is `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error": <finding>, "argument": <name>}`,
//! plus `"line"` (from 1) for a line of a log; an event the rules forbid is not an error but a
//! rejection inside the answer.

use std::ffi::c_char;

use motcua_core::calendar::due::Policy;
use motcua_core::lifecycle::{self, kpi, ReplayError, StepInputError};
use serde::Serialize;

use crate::boundary::{boundary, try_str, Output};
use crate::strings::{write_input_error_in, write_json};
use crate::MotcuaStatus;

/// Why a lifecycle call has no answer: an argument it could not read (boxed: a finding is large
/// beside the answers it stands in for).
enum Unreadable {
    /// The policy (`calendar::request::PolicyError`'s finding).
    Policy(Box<motcua_core::Finding>),
    /// The log, at a line or as a whole.
    Log(Box<ReplayError>),
    /// The dossier or the event of a step.
    Step(Box<StepInputError>),
}

impl From<ReplayError> for Unreadable {
    fn from(e: ReplayError) -> Self {
        Unreadable::Log(Box::new(e))
    }
}

/// The policy at `policy_json`/`policy_len`, the default one when `policy_json` is NULL.
///
/// # Safety
///
/// `policy_json` must be NULL or point to `policy_len` readable bytes.
unsafe fn policy(
    policy_json: *const u8,
    policy_len: usize,
) -> Result<Result<Policy, Unreadable>, MotcuaStatus> {
    if policy_json.is_null() {
        return Ok(Ok(Policy::default()));
    }
    // SAFETY: forwarded from the caller.
    let text = unsafe { try_str(policy_json, policy_len) }?;
    Ok(Policy::from_json(text).map_err(|e| Unreadable::Policy(Box::new(e.to_finding()))))
}

/// Writes `answer` as JSON to `out_json`, or its input error with `MOTCUA_STATUS_INVALID_INPUT`.
///
/// # Safety
///
/// As for `Output::write`.
unsafe fn respond<T: Serialize>(
    answer: Result<T, Unreadable>,
    out_json: Output<*mut c_char>,
) -> Result<(), MotcuaStatus> {
    let (finding, argument, line) = match answer {
        Ok(value) => {
            // SAFETY: forwarded from the caller.
            unsafe { write_json(&value, out_json) };
            return Ok(());
        }
        Err(Unreadable::Policy(finding)) => (*finding, "policy", None),
        Err(Unreadable::Log(e)) => (e.to_finding(), "log", e.line()),
        Err(Unreadable::Step(e)) => (e.to_finding(), e.argument(), None),
    };
    // SAFETY: forwarded from the caller.
    unsafe { write_input_error_in(finding, Some(argument), line, out_json) }
}

/// Runs `compute` on the log at `log_json`/`log_len` with the policy at
/// `policy_json`/`policy_len` and writes its answer.
///
/// # Safety
///
/// `log_json` must point to `log_len` readable bytes, `policy_json` be NULL or point to
/// `policy_len` readable bytes, and `out_json` must be writable.
unsafe fn answer_log<T: Serialize>(
    log_json: *const u8,
    log_len: usize,
    policy_json: *const u8,
    policy_len: usize,
    out_json: *mut *mut c_char,
    compute: impl FnOnce(&str, &Policy) -> Result<T, ReplayError>,
) -> Result<(), MotcuaStatus> {
    // SAFETY: forwarded from the caller.
    let log = unsafe { try_str(log_json, log_len) }?;
    // SAFETY: forwarded from the caller.
    let policy = unsafe { policy(policy_json, policy_len) }?;
    let out_json = Output::new(out_json)?;
    let answer = policy.and_then(|policy| Ok(compute(log, &policy)?));
    // SAFETY: writable, as the caller guarantees.
    unsafe { respond(answer, out_json) }
}

/// Replays the lifecycle log `log_json` (UTF-8 JSON Lines, `log_len` bytes, each line a
/// `LogEvent` of spec/schema/lifecycle-event.schema.json: `{"dossier", "type", "at", "actor",
/// ...}`) under the rule version in force on the day each dossier was received (Decree 61/2018
/// as amended until 30/6/2025, Decree 118/2025 from 01/7/2025), `lifecycle::replay`, counting
/// time with the policy `policy_json` (UTF-8 JSON, `policy_len` bytes, the `policy` of a due-date
/// request, spec/schema/due-request.schema.json: `{"working_weekdays", "office_hours", "cutoff",
/// "counting", "supplement"}`, each field optional), or with the default policy when
/// `policy_json` is NULL (Monday to Friday, 08:00–12:00 and 13:00–17:00, no cut-off, a
/// supplement restarts the limit).
///
/// Returns `MOTCUA_STATUS_OK` with the `Replay` object in `*out_json`
/// (spec/schema/lifecycle-replay.schema.json): `{"dossiers": [...]}` in order of first
/// appearance, each with its final `state`, `national_status`, `rules`, `due`, `timeliness`
/// (`early`, `on_time`, `late`, `pending`, `not_applicable`), the number of `rejected` events and
/// its `timeline`, where a refused event carries its `rejection` finding (`lifecycle.*`, with
/// the article that forbids it). Returns `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error":
/// <finding>, "argument": "log", "line": <n>}` when the log cannot be read (`input.*` with the
/// pointer within line `n`, or `lifecycle.line_too_long`; `lifecycle.too_many_events` and
/// `lifecycle.too_many_dossiers` have no `line`), or `{"input_error": <finding>, "argument":
/// "policy"}` when the policy cannot be read. Either way the caller frees `*out_json` with
/// `motcua_string_free`. Otherwise (NULL_ARGUMENT, INVALID_UTF8, INVALID_ARGUMENT) writes
/// nothing.
///
/// # Safety
///
/// `log_json` must point to `log_len` readable bytes, `policy_json` must be NULL or point to
/// `policy_len` readable bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_lifecycle_replay(
    log_json: *const u8,
    log_len: usize,
    policy_json: *const u8,
    policy_len: usize,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        unsafe {
            answer_log(
                log_json,
                log_len,
                policy_json,
                policy_len,
                out_json,
                lifecycle::replay,
            )
        }
    })
}

/// The indicators of the lifecycle log `log_json` (as for `motcua_lifecycle_replay`, time counted
/// with the policy `policy_json`, or the default policy when it is NULL), `lifecycle::kpi::kpi`
/// of its replay: how many dossiers were handled early, on time or late, the on-time rate
/// (Decision 766/QĐ-TTg, indicator 2.1) and the share submitted online, overall and by agency,
/// procedure and month of receipt.
///
/// Returns `MOTCUA_STATUS_OK` with the `Kpi` object in `*out_json`
/// (spec/schema/lifecycle-kpi.schema.json): `{"overall", "by_agency", "by_procedure",
/// "by_month"}`, each group's counts `{"dossiers", "received", "early", "on_time", "late",
/// "pending", "not_applicable", "online", "with_channel", "on_time_rate", "online_share"}`.
/// Returns and writes otherwise as `motcua_lifecycle_replay`.
///
/// # Safety
///
/// `log_json` must point to `log_len` readable bytes, `policy_json` must be NULL or point to
/// `policy_len` readable bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_lifecycle_kpi(
    log_json: *const u8,
    log_len: usize,
    policy_json: *const u8,
    policy_len: usize,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        unsafe {
            answer_log(
                log_json,
                log_len,
                policy_json,
                policy_len,
                out_json,
                |log, policy| Ok(kpi::kpi(&lifecycle::replay(log, policy)?)),
            )
        }
    })
}

/// Checks another system's log of portal status changes, `log_json` (UTF-8 JSON Lines,
/// `log_len` bytes, each line a `StatusEvent` of spec/schema/lifecycle-status-event.schema.json:
/// `{"dossier", "status", "at"}`, `status` a National Public Service Portal code, a number or a
/// string of digits), against the lifecycle machine, `lifecycle::check_status_log`. No time is
/// counted, so there is no policy.
///
/// Returns `MOTCUA_STATUS_OK` with the `StatusReport` object in `*out_json`
/// (spec/schema/lifecycle-status-report.schema.json): `{"dossiers": [{"dossier", "statuses",
/// "states", "problems"}]}`, every impossible change a problem `{"line", "rules", "finding"}`
/// (`lifecycle.status_unknown`, `lifecycle.status_impossible`, `lifecycle.no_rules`). Returns
/// `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error": <finding>, "argument": "log", "line": <n>}`
/// when the log cannot be read, and writes otherwise as `motcua_lifecycle_replay`.
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
        // SAFETY: forwarded from the caller; a NULL policy is the default, unused here.
        unsafe {
            answer_log(
                log_json,
                log_len,
                std::ptr::null(),
                0,
                out_json,
                |log, _| lifecycle::check_status_log(log),
            )
        }
    })
}

/// Applies one event to one dossier, `lifecycle::step_json`: the event `event_json` (UTF-8 JSON,
/// `event_len` bytes, one `LogEvent` as a line of a lifecycle log,
/// spec/schema/lifecycle-event.schema.json) to the dossier `dossier_json` (UTF-8 JSON,
/// `dossier_len` bytes, a `DossierState` as a previous call wrote it in its `"dossier"`,
/// spec/schema/lifecycle-dossier.schema.json; NULL for a new dossier), under the rule version in
/// force on the day the dossier was received (before receipt, on the day of the event), counting
/// time with the policy `policy_json` (as for `motcua_lifecycle_replay`; NULL for the default).
///
/// The dossier is read back only if a sequence of events could have produced it under that
/// policy (its state, clock and counts reachable by the transitions of its rule version, its
/// times in order, its rule version the one in force; spec/lifecycle/README.md).
///
/// Returns `MOTCUA_STATUS_OK` with the `StepOutcome` object in `*out_json`
/// (spec/schema/lifecycle-step.schema.json): `{"dossier": <the dossier after the event>, "type",
/// "from", "to", "rules", "article", "form"}` when the event is accepted, or `{"dossier": <the
/// dossier as it was>, "type", "from", "to": null, "rules", "article", "rejection": <finding>}`
/// when the rules forbid it, the finding with its stable code (`lifecycle.*`), its messages in
/// Vietnamese and English and the rule. Pass the returned `"dossier"` to the next call. Returns
/// `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error": <finding>, "argument": "dossier" |
/// "event" | "policy"}` when an argument cannot be read (`input.*` with the JSON pointer of the
/// field, or for the dossier `lifecycle.state_unreachable`, `lifecycle.state_rules`,
/// `lifecycle.state_time_order`, `lifecycle.state_clock_start`,
/// `lifecycle.supplement_notice_late`, `due.*`). Either way the caller frees `*out_json` with
/// `motcua_string_free`. Otherwise (NULL_ARGUMENT, INVALID_UTF8, INVALID_ARGUMENT) writes
/// nothing.
///
/// # Safety
///
/// `dossier_json` must be NULL or point to `dossier_len` readable bytes, `event_json` must point
/// to `event_len` readable bytes, `policy_json` must be NULL or point to `policy_len` readable
/// bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_lifecycle_step(
    dossier_json: *const u8,
    dossier_len: usize,
    event_json: *const u8,
    event_len: usize,
    policy_json: *const u8,
    policy_len: usize,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        let dossier = match dossier_json.is_null() {
            true => None,
            // SAFETY: forwarded from the caller.
            false => Some(unsafe { try_str(dossier_json, dossier_len) }?),
        };
        // SAFETY: forwarded from the caller.
        let event = unsafe { try_str(event_json, event_len) }?;
        // SAFETY: forwarded from the caller.
        let policy = unsafe { policy(policy_json, policy_len) }?;
        let out_json = Output::new(out_json)?;
        let answer = policy.and_then(|policy| {
            lifecycle::step_json(dossier, event, &policy).map_err(|e| Unreadable::Step(Box::new(e)))
        });
        // SAFETY: writable, as the caller guarantees.
        unsafe { respond(answer, out_json) }
    })
}
