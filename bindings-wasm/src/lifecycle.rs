//! The dossier lifecycle: `lifecycleReplay` (and `lifecycleReplayJson`, its answer as JSON
//! text), `lifecycleCheckStatusLog`, `lifecycleKpi` and `lifecycleStep`, the JavaScript names of
//! [`motcua_core::lifecycle::replay`],
//! [`check_status_log`](motcua_core::lifecycle::check_status_log),
//! [`kpi`](motcua_core::lifecycle::kpi::kpi) of a replay and
//! [`step_json`](motcua_core::lifecycle::step_json).
//!
//! A log is passed as its JSON Lines text (one event per line, blank lines allowed), the text the
//! C surface and the CLI read. Time is counted with the agency's counting policy, the
//! [`Policy`](motcua_core::calendar::due::Policy) of a due-date request; left out, the default policy (Monday to Friday,
//! 08:00–12:00 and 13:00–17:00, a supplement restarts the limit), as the C surface and the CLI
//! count it. A log that cannot be read (a line that is not an event, a line over 64 KiB, too many
//! events or dossiers) throws a `MotcuaInputError` carrying the finding the other surfaces put in
//! `{"input_error": …}`; an event the rules forbid is not an error but a rejection inside the
//! answer.

use motcua_core::calendar::due::Policy;
use motcua_core::lifecycle::{self, kpi, ReplayError};
use wasm_bindgen::prelude::*;

use crate::{args, error, js};

/// The log argument's text (`argument.not_string` when it is not a string).
///
/// Copied into the module as the bytes of the engine's `TextEncoder`, which encodes a large
/// text about three times faster than the character-by-character copy wasm-bindgen makes of a
/// string argument (benches/README.md); both write a lone surrogate as U+FFFD.
fn log_text(log: &JsValue) -> Result<String, JsValue> {
    if !log.is_string() {
        return args::text(log, "log").map_err(error::argument);
    }
    // The encoder writes UTF-8 only; read lossily all the same rather than trusting it.
    Ok(String::from_utf8(TextEncoder::new().encode(log).to_vec())
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

#[wasm_bindgen]
extern "C" {
    /// The engine's UTF-8 encoder (WHATWG Encoding), global in browsers and node.
    type TextEncoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;

    /// `text` as UTF-8 bytes.
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &JsValue) -> js_sys::Uint8Array;
}

/// The argument `policy`: the agency's counting policy as an object or its JSON text, read by
/// [`Policy::from_json`](motcua_core::calendar::due::Policy::from_json) as on the C surface;
/// `undefined` or `null` for the default policy, the one the C surface (a NULL policy) and the
/// CLI count with. A policy that cannot be read throws a `MotcuaInputError` whose `argument` is
/// `"policy"` (`input.*` with the pointer of the field, `due.office_hours`), as C's
/// `{"input_error", "argument": "policy"}`; a value JSON cannot write, `argument.not_json`.
fn read_policy(value: &JsValue) -> Result<Policy, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Policy::default());
    }
    let text = args::json_text(value, "policy").map_err(error::argument)?;
    Policy::from_json(&text).map_err(|e| error::input_in(&e.to_finding(), "policy"))
}

/// The replay of the arguments `log` and `policy`, or the error to throw.
fn replayed(log: &JsValue, policy: &JsValue) -> Result<lifecycle::Replay, JsValue> {
    let log = log_text(log)?;
    let policy = read_policy(policy)?;
    answer(lifecycle::replay(&log, &policy))
}

/// The value of a computation on a log, or its input error thrown as a `MotcuaInputError` whose
/// `argument` is `"log"` and `line` the line that cannot be read, as in C.
fn answer<T>(result: Result<T, ReplayError>) -> Result<T, JsValue> {
    result.map_err(|e| error::input_in_log(&e.to_finding(), e.line()))
}

/// Replays the lifecycle log `log` (JSON Lines text, each line a `LogEvent`: `{"dossier",
/// "type", "at", "actor", ...}`) under the rule version in force on the day each dossier was
/// received (Decree 61/2018 as amended until 30/6/2025, Decree 118/2025 from 01/7/2025), time
/// counted with `policy` (a `Policy` object or its JSON text; the default policy when left out
/// or `null`).
///
/// Returns the `Replay`: `{dossiers: [...]}` in order of first appearance, each with its final
/// `state`, `national_status`, `rules`, `due`, `timeliness` (`early`, `on_time`, `late`,
/// `pending`, `not_applicable`), the number of `rejected` events and its `timeline`, where a
/// refused event carries its `rejection` finding (`lifecycle.*`, with the article that forbids
/// it).
///
/// Throws a `MotcuaArgumentError` when `log` is not a string (`argument.not_string`) or `policy`
/// a value JSON cannot write (`argument.not_json`); a `MotcuaInputError` whose `argument` is
/// `"policy"` when the policy cannot be read (`input.*`, `due.office_hours`), or `"log"`
/// when the log cannot be read, with the `line` (from 1) for `input.*` (the pointer within the
/// line) and `lifecycle.line_too_long`, without for `lifecycle.too_many_events` and
/// `lifecycle.too_many_dossiers`, as C's `{"input_error", "argument", "line"}`.
#[wasm_bindgen(js_name = lifecycleReplay, unchecked_return_type = "Replay")]
pub fn lifecycle_replay(
    #[wasm_bindgen(unchecked_param_type = "string")] log: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | string | null")] policy: &JsValue,
) -> Result<JsValue, JsValue> {
    js::to_value(&replayed(log, policy)?)
}

/// The replay of the lifecycle log `log` as JSON text, for a caller that passes it on (a server
/// answering a request, a worker posting it, a file) rather than reading it: what
/// `lifecycleReplay` returns, written as JSON instead of built as an object, which saves the
/// engine's `JSON.parse` of a large answer. The text is JSON-equal to the `Replay` the C
/// surface and the CLI write (`JSON.parse` of it gives what `lifecycleReplay` returns), with
/// every character outside ASCII written as a `\u` escape. Arguments and errors as for
/// `lifecycleReplay`.
#[wasm_bindgen(js_name = lifecycleReplayJson)]
pub fn lifecycle_replay_json(
    #[wasm_bindgen(unchecked_param_type = "string")] log: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | string | null")] policy: &JsValue,
) -> Result<String, JsValue> {
    js::to_json(&replayed(log, policy)?)
}

/// The indicators of the lifecycle log `log` (as for `lifecycleReplay`, time counted with
/// `policy`), of its replay: how many dossiers were handled early, on time or late, the on-time
/// rate (Decision 766/QĐ-TTg, indicator 2.1) and the share submitted online, overall and by
/// agency, procedure and month of receipt.
///
/// Returns the `Kpi`: `{overall, by_agency, by_procedure, by_month}`, each group's counts
/// `{dossiers, received, early, on_time, late, pending, not_applicable, online, with_channel,
/// on_time_rate, online_share}`. Throws as `lifecycleReplay`.
#[wasm_bindgen(js_name = lifecycleKpi, unchecked_return_type = "Kpi")]
pub fn lifecycle_kpi(
    #[wasm_bindgen(unchecked_param_type = "string")] log: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | string | null")] policy: &JsValue,
) -> Result<JsValue, JsValue> {
    js::to_value(&kpi::kpi(&replayed(log, policy)?))
}

/// Checks another system's log of portal status changes, `log` (JSON Lines text, each line a
/// `StatusEvent`: `{"dossier", "status", "at"}`, `status` a National Public Service Portal
/// code), against the lifecycle machine.
///
/// Returns the `StatusReport`: `{dossiers: [{dossier, statuses, states, problems}]}`, every
/// impossible change a problem `{line, rules, finding}` (`lifecycle.status_unknown`,
/// `lifecycle.status_impossible`, `lifecycle.no_rules`). Throws a `MotcuaArgumentError` when
/// `log` is not a string; a `MotcuaInputError` when it cannot be read, as `lifecycleReplay`.
#[wasm_bindgen(js_name = lifecycleCheckStatusLog, unchecked_return_type = "StatusReport")]
pub fn lifecycle_check_status_log(
    #[wasm_bindgen(unchecked_param_type = "string")] log: &JsValue,
) -> Result<JsValue, JsValue> {
    let log = log_text(log)?;
    js::to_value(&answer(lifecycle::check_status_log(&log))?)
}

/// Applies one event to one dossier: the event `event` (a `LogEvent`, one line of a lifecycle
/// log, as an object or its JSON text) to the dossier `dossier` (a `DossierState` as a previous
/// call returned it in its `dossier`, as an object or its JSON text; `null` or left out for a new
/// dossier), under the rule version in force on the day the dossier was received (before
/// receipt, on the day of the event), time counted with `policy` (as for `lifecycleReplay`).
///
/// The dossier is read back only if a sequence of events could have produced it under that
/// policy (its state, clock and counts reachable by the transitions of its rule version, its
/// times in order, its rule version the one in force).
///
/// Returns the `StepOutcome`: `{dossier, type, from, to, rules, article, form}` with the dossier
/// after the event when it is accepted, or `{dossier, type, from, to: null, rules, article,
/// rejection}` with the dossier as it was when the rules forbid it (`rejection` a finding with
/// its stable code `lifecycle.*`, messages in Vietnamese and English and the rule). Pass the
/// returned `dossier` to the next call.
///
/// Throws a `MotcuaArgumentError` when `event` or `dossier` is neither JSON text nor a value JSON
/// can write (`argument.not_json`); a `MotcuaInputError` whose `argument` is `"policy"` when the
/// policy cannot be read (as for `lifecycleReplay`), or `"dossier"` or `"event"` when that document cannot be
/// read (`input.*` with the JSON pointer of the field, or for the dossier
/// `lifecycle.state_unreachable`, `lifecycle.state_rules`, `lifecycle.state_time_order`,
/// `lifecycle.state_clock_start`, `lifecycle.supplement_notice_late`, `due.*`).
#[wasm_bindgen(js_name = lifecycleStep, unchecked_return_type = "StepOutcome")]
pub fn lifecycle_step(
    #[wasm_bindgen(unchecked_param_type = "DossierState | string | null")] dossier: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "LogEvent | string")] event: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Policy | string | null")] policy: &JsValue,
) -> Result<JsValue, JsValue> {
    let dossier = match dossier.is_null() || dossier.is_undefined() {
        true => None,
        false => Some(args::json_text(dossier, "dossier").map_err(error::argument)?),
    };
    let event = args::json_text(event, "event").map_err(error::argument)?;
    let policy = read_policy(policy)?;
    let outcome = lifecycle::step_json(dossier.as_deref(), &event, &policy)
        .map_err(|e| error::input_in(&e.to_finding(), e.argument()))?;
    js::to_value(&outcome)
}
