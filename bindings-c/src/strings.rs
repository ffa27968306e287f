//! Strings that cross the boundary: the JSON outputs the library allocates and the caller frees
//! with `motcua_string_free`, and the static version string.

use std::ffi::{c_char, CStr, CString};

use motcua_core::Finding;
use serde::Serialize;

use crate::boundary::{boundary, Output};
use crate::MotcuaStatus;

/// `value` as a NUL-terminated UTF-8 JSON string owned by the caller (freed by
/// [`motcua_string_free`]), written to `out`.
///
/// # Safety
///
/// As for [`Output::write`].
pub(crate) unsafe fn write_json<T: Serialize>(value: &T, out: Output<*mut c_char>) {
    // The outputs (IdCheck, Report, findings) are plain data with string keys: serializing them
    // cannot fail. serde_json escapes U+0000 as \u0000, so the text has no interior NUL.
    let json = serde_json::to_string(value).expect("motcua results serialize to JSON");
    let text = CString::new(json).expect("JSON text has no interior NUL");
    // SAFETY: forwarded from the caller.
    unsafe { out.write(text.into_raw()) }
}

/// The JSON output of a call that could not read its JSON input: `{"input_error": <finding>}`,
/// the same object every surface reports for it; a function that takes several JSON documents
/// adds the `"argument"` at fault, and one that reads a JSON Lines log the `"line"` (from 1).
#[derive(Serialize)]
struct InputErrorJson<'a> {
    /// The finding of code `input.*`, with the JSON pointer of the offending field.
    input_error: Finding,
    /// The argument the finding is about, for functions with several JSON arguments.
    #[serde(skip_serializing_if = "Option::is_none")]
    argument: Option<&'a str>,
    /// The line of the log the finding is about, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

/// Writes `{"input_error": <finding>}` to `out` and returns `MOTCUA_STATUS_INVALID_INPUT`: what
/// every function with a JSON output does when its input cannot be read or has no answer.
///
/// # Safety
///
/// As for [`Output::write`].
pub(crate) unsafe fn write_input_error(
    input_error: Finding,
    out: Output<*mut c_char>,
) -> Result<(), MotcuaStatus> {
    // SAFETY: forwarded from the caller.
    unsafe { write_input_error_in(input_error, None, None, out) }
}

/// As [`write_input_error`], naming the `argument` at fault and the `line` of a log:
/// `{"input_error": <finding>, "argument": "log", "line": 3}`.
///
/// # Safety
///
/// As for [`Output::write`].
pub(crate) unsafe fn write_input_error_in(
    input_error: Finding,
    argument: Option<&str>,
    line: Option<usize>,
    out: Output<*mut c_char>,
) -> Result<(), MotcuaStatus> {
    let json = InputErrorJson {
        input_error,
        argument,
        line,
    };
    // SAFETY: forwarded from the caller.
    unsafe { write_json(&json, out) };
    Err(MotcuaStatus::InvalidInput)
}

/// Frees a string this library returned through a `char **` output (a JSON result).
///
/// NULL is accepted and does nothing.
///
/// # Safety
///
/// `s` must be NULL or a string returned by this library and not yet freed. Strings from
/// `motcua_version` are static and must not be freed.
#[no_mangle]
pub unsafe extern "C" fn motcua_string_free(s: *mut c_char) {
    boundary(|| {
        if !s.is_null() {
            // SAFETY: `s` came from `CString::into_raw` in `write_json`, as the caller guarantees.
            drop(unsafe { CString::from_raw(s) });
        }
    })
}

const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(v) => v,
        Err(_) => panic!("the package version has no interior NUL"),
    };

/// The version of motcua, such as `"0.1.0"`: a static NUL-terminated string (do not free it).
///
/// It names the version of the library actually loaded; compare it with `MOTCUA_VERSION_*` of the
/// header the program was compiled with.
#[no_mangle]
pub extern "C" fn motcua_version() -> *const c_char {
    boundary(|| VERSION.as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_the_package_version() {
        // SAFETY: a static NUL-terminated string.
        let v = unsafe { CStr::from_ptr(motcua_version()) };
        assert_eq!(v.to_str(), Ok(env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn json_output_round_trips_and_frees() {
        let mut out: *mut c_char = std::ptr::null_mut();
        // SAFETY: `out` is a live local; the string is freed once.
        unsafe {
            write_json(
                &serde_json::json!({"a": "ă\u{0}"}),
                Output::new(&mut out).unwrap(),
            );
            assert_eq!(CStr::from_ptr(out).to_str(), Ok("{\"a\":\"ă\\u0000\"}"));
            motcua_string_free(out);
            motcua_string_free(std::ptr::null_mut());
        }
    }
}
