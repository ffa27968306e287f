//! Dossier validation: the parsed-procedure handle (`motcua_procedure_parse`,
//! `motcua_procedure_free`) and `motcua_forms_validate`, mirroring `forms::validate`.

use std::ffi::c_char;

use motcua_core::forms::{self, Report};
use motcua_core::model::{Dossier, InputError, Procedure};
use motcua_core::Date;

use crate::boundary::{boundary, try_ref, try_str, Output};
use crate::strings::{write_input_error, write_json};
use crate::{MotcuaDate, MotcuaStatus};

/// A parsed administrative procedure (the forms and attachments a dossier must have): an opaque
/// handle from `motcua_procedure_parse`, released with `motcua_procedure_free`.
///
/// Parse a procedure once and validate any number of dossiers against it. The handle is
/// immutable: several threads may validate against the same handle at the same time, as long as
/// none frees it meanwhile.
pub struct MotcuaProcedure(Procedure);

// The thread-safety promise above rests on this.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<MotcuaProcedure>();
};

/// Writes the JSON output of a validation: the report, or `{"input_error": <finding>}` with
/// `MOTCUA_STATUS_INVALID_INPUT`.
///
/// # Safety
///
/// As for [`Output::write`].
unsafe fn write_report(
    result: Result<Report, InputError>,
    out_json: Output<*mut c_char>,
) -> Result<(), MotcuaStatus> {
    match result {
        Ok(report) => {
            // SAFETY: forwarded from the caller.
            unsafe { write_json(&report, out_json) };
            Ok(())
        }
        // SAFETY: forwarded from the caller.
        Err(error) => unsafe { write_input_error(error.to_finding(), out_json) },
    }
}

/// Parses the procedure `json` (UTF-8 JSON, `json_len` bytes, no NUL terminator needed) into a
/// handle written to `*out_procedure`.
///
/// Returns `MOTCUA_STATUS_OK` and writes `*out_procedure` (free it with `motcua_procedure_free`).
/// When the JSON cannot be read as a procedure, returns `MOTCUA_STATUS_INVALID_INPUT` and writes
/// `*out_error_json` instead: `{"input_error": <finding>}`, freed with `motcua_string_free`.
/// Otherwise (NULL_ARGUMENT, INVALID_UTF8, INVALID_ARGUMENT) writes nothing.
///
/// # Safety
///
/// `json` must point to `json_len` readable bytes; `out_procedure` and `out_error_json` must be
/// writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_procedure_parse(
    json: *const u8,
    json_len: usize,
    out_procedure: *mut *mut MotcuaProcedure,
    out_error_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let json = unsafe { try_str(json, json_len) }?;
        let out_procedure = Output::new(out_procedure)?;
        let out_error_json = Output::new(out_error_json)?;
        match Procedure::from_json(json) {
            Ok(procedure) => {
                let handle = Box::into_raw(Box::new(MotcuaProcedure(procedure)));
                // SAFETY: writable, as the caller guarantees.
                unsafe { out_procedure.write(handle) };
                Ok(())
            }
            // SAFETY: writable, as the caller guarantees.
            Err(error) => unsafe { write_report(Err(error), out_error_json) },
        }
    })
}

/// Releases a procedure handle from `motcua_procedure_parse`. NULL is accepted and does nothing.
///
/// # Safety
///
/// `procedure` must be NULL or a handle from `motcua_procedure_parse` that has not been freed,
/// and no other thread may be using it.
#[no_mangle]
pub unsafe extern "C" fn motcua_procedure_free(procedure: *mut MotcuaProcedure) {
    boundary(|| {
        if !procedure.is_null() {
            // SAFETY: the handle came from `Box::into_raw` in `motcua_procedure_parse`.
            drop(unsafe { Box::from_raw(procedure) });
        }
    })
}

/// Validates the dossier `dossier_json` (UTF-8 JSON, `dossier_len` bytes) against the parsed
/// `procedure` on the date `today` (`forms::validate`), and writes the report as UTF-8 JSON to
/// `*out_json`.
///
/// Returns `MOTCUA_STATUS_OK` whatever the verdict, with the report `{"valid", "errors",
/// "warnings"}`: every finding has its stable `code`, the JSON pointer `path` of the field in the
/// dossier, messages `vi` and `en`, and `rule`. When the dossier cannot be read, returns
/// `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error": <finding>}` in `*out_json`. Either way
/// the caller frees `*out_json` with `motcua_string_free`. Otherwise (NULL_ARGUMENT,
/// INVALID_UTF8, INVALID_ARGUMENT for an impossible date) writes nothing.
///
/// # Safety
///
/// `procedure` must be a live handle from `motcua_procedure_parse`, `dossier_json` must point to
/// `dossier_len` readable bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_forms_validate(
    procedure: *const MotcuaProcedure,
    dossier_json: *const u8,
    dossier_len: usize,
    today: MotcuaDate,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let procedure = unsafe { try_ref(procedure) }?;
        // SAFETY: forwarded from the caller.
        let dossier_json = unsafe { try_str(dossier_json, dossier_len) }?;
        let today = Date::try_from(today)?;
        let out_json = Output::new(out_json)?;
        let result =
            Dossier::from_json(dossier_json).map(|d| forms::validate(&d, &procedure.0, today));
        // SAFETY: writable, as the caller guarantees.
        unsafe { write_report(result, out_json) }
    })
}

/// Validates the dossier `dossier_json` against the procedure `procedure_json` (both UTF-8 JSON)
/// on the date `today` (`forms::validate_json`): `motcua_procedure_parse` and
/// `motcua_forms_validate` in one call, for a procedure used once.
///
/// Returns and writes as `motcua_forms_validate`; an unreadable procedure is
/// `MOTCUA_STATUS_INVALID_INPUT` too.
///
/// # Safety
///
/// `dossier_json` and `procedure_json` must point to `dossier_len` and `procedure_len` readable
/// bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_forms_validate_json(
    dossier_json: *const u8,
    dossier_len: usize,
    procedure_json: *const u8,
    procedure_len: usize,
    today: MotcuaDate,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let dossier_json = unsafe { try_str(dossier_json, dossier_len) }?;
        // SAFETY: forwarded from the caller.
        let procedure_json = unsafe { try_str(procedure_json, procedure_len) }?;
        let today = Date::try_from(today)?;
        let out_json = Output::new(out_json)?;
        let result = forms::validate_json(dossier_json, procedure_json, today);
        // SAFETY: writable, as the caller guarantees.
        unsafe { write_report(result, out_json) }
    })
}
