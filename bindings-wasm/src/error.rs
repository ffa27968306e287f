//! Errors thrown to JavaScript.
//!
//! Every error motcua throws is a JavaScript `Error` that carries its finding: the own properties
//! `code`, `severity`, `path`, `vi`, `en` and `rule` of the [`Finding`], and the finding itself
//! as `finding`. Its `name` tells the two families apart:
//! - `MotcuaArgumentError`: the caller passed a wrong argument (codes `argument.*`);
//! - `MotcuaInputError`: a document could not be read (codes `input.*`, with the JSON pointer
//!   of the offending field in `path`), or a calendar computation has no answer for its input
//!   (codes `lunar.*`, `holidays.*`, `working_days.*`, `due.*`), or a lifecycle log cannot be
//!   read (`input.*` within a line, `lifecycle.line_too_long`, `lifecycle.too_many_*`), or a
//!   signed document or its verification options cannot be read (`verify.*`, `pdf.*`,
//!   `input.*`, `certificate.*`).
//!
//! The `message` is the English text; the Vietnamese one is in `vi`.

use js_sys::{Object, Reflect};
use motcua_core::{Diagnostic, Finding};
use wasm_bindgen::{JsCast, JsValue};

use crate::args::ArgumentError;
use crate::js;

/// `name` of errors about the caller's arguments.
const ARGUMENT_ERROR: &str = "MotcuaArgumentError";
/// `name` of errors about a document that cannot be read.
const INPUT_ERROR: &str = "MotcuaInputError";

/// The value to throw for a refused argument.
pub(crate) fn argument(error: ArgumentError) -> JsValue {
    throwable(ARGUMENT_ERROR, &error.to_finding(""))
}

/// The value to throw for a document that cannot be read, or a computation without an answer,
/// described by `finding`.
pub(crate) fn input(finding: &Finding) -> JsValue {
    throwable(INPUT_ERROR, finding)
}

#[cfg_attr(
    not(any(feature = "lifecycle", feature = "signature")),
    allow(dead_code)
)]
/// As [`input`], for a function that reads several documents: the error's `argument` names the
/// one that cannot be read.
pub(crate) fn input_in(finding: &Finding, argument: &str) -> JsValue {
    let error = input(finding);
    match Reflect::set(
        &error,
        &JsValue::from_str("argument"),
        &JsValue::from_str(argument),
    ) {
        Ok(_) => error,
        Err(e) => e,
    }
}

#[cfg_attr(not(feature = "lifecycle"), allow(dead_code))]
/// As [`input_in`] for a lifecycle log: `argument` is `"log"`, and `line` (from 1) names the line
/// that cannot be read when the error is about one line, as the `{"input_error", "argument",
/// "line"}` of the C surface.
pub(crate) fn input_in_log(finding: &Finding, line: Option<usize>) -> JsValue {
    let error = input_in(finding, "log");
    let Some(line) = line else {
        return error;
    };
    // A line number is far below 2^53: exact as a JavaScript number.
    match Reflect::set(
        &error,
        &JsValue::from_str("line"),
        &JsValue::from_f64(line as f64),
    ) {
        Ok(_) => error,
        Err(e) => e,
    }
}

/// An `Error` named `name` whose message is the English text of `finding`, carrying the finding.
fn throwable(name: &str, finding: &Finding) -> JsValue {
    let error = js_sys::Error::new(&finding.en);
    error.set_name(name);
    let fields = match js::to_value(finding) {
        Ok(fields) => fields,
        // Serializing a Finding (strings and a unit enum) cannot fail; if it ever did, the
        // serializer's own error is still a thrown value, never a panic.
        Err(e) => return e,
    };
    Object::assign(&error, fields.unchecked_ref());
    match Reflect::set(&error, &JsValue::from_str("finding"), &fields) {
        Ok(_) => error.into(),
        Err(e) => e,
    }
}
