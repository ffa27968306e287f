//! The status every fallible function of the C ABI returns.

/// What a call of the C ABI did. Every fallible function returns one.
///
/// The numbers are stable: a status keeps its number forever, and a removed status leaves its
/// number unused. Outputs are written only when the status is `MOTCUA_STATUS_OK`, except where a
/// function says it writes its JSON output with `MOTCUA_STATUS_INVALID_INPUT` too.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MotcuaStatus {
    /// The call succeeded and wrote its outputs. For a check or a validation this says nothing
    /// about the verdict, which is in the JSON output (`"valid"`).
    Ok = 0,
    /// A pointer argument was NULL. Nothing was written.
    NullArgument = 1,
    /// A text argument was not valid UTF-8. Nothing was written.
    InvalidUtf8 = 2,
    /// A non-pointer argument was out of range: an identifier kind that is not one of
    /// `MOTCUA_ID_KIND_*`, a reckoning that is not one of `MOTCUA_RECKONING_*`, a schedule with
    /// bit 7 set, a date that does not exist (2023-02-29, month 13, year 0), or a length larger
    /// than `PTRDIFF_MAX`. Nothing was written.
    InvalidArgument = 3,
    /// A JSON document (a procedure, a dossier, a due-date request) could not be read, or a
    /// calendar computation has no answer for its input (a date outside 1900–2199, a lunar day
    /// that does not exist, a year whose days off are not known). The function's JSON output
    /// (or its `out_error_json`) holds `{"input_error": <finding>}`: the finding's code
    /// (`input.json_syntax`, `input.json_shape`, `input.too_large`, a `model.*` code for a
    /// procedure that cannot be applied, or a calendar code `lunar.*`, `holidays.*`,
    /// `working_days.*`, `due.*`), the JSON pointer of the offending field, and the messages in
    /// Vietnamese and English. No other output was written.
    InvalidInput = 4,
    /// motcua hit an internal error (a Rust panic) and stopped it at the C boundary. Nothing was
    /// written. This is a bug in motcua: please report it with the input that caused it.
    Panic = 5,
}
