//! Signed documents: `motcua_verify` and `motcua_verify_detached`, mirroring
//! `signature::verify::verify` and `verify_detached`.
//!
//! The document crosses as bytes and the options as JSON (`VerifyOptions::from_json`,
//! spec/schema/verify-options.schema.json: the validation time — the library has no clock —,
//! PEM trust anchors, intermediates and CRLs, the legal-format profile). The answer is the
//! `SignatureReport` JSON every surface gives (spec/schema/signature-report.schema.json). A
//! document that is neither a PDF nor a CMS signature, a PDF whose structure the reader refuses,
//! or options that cannot be read are `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error":
//! <finding>, "argument": "bytes" | "signature" | "options"}`; a signature that does not pass is
//! not an error but a report whose `"indication"` says so.

use std::ffi::c_char;

use motcua_core::signature::verify::{self, VerifyError, VerifyOptions};

use crate::boundary::{boundary, try_bytes, try_str, Output};
use crate::strings::{write_input_error_in, write_json};
use crate::MotcuaStatus;

/// Reads the options, runs `run` with them and writes the report or the input error.
///
/// # Safety
///
/// `options_json` must point to `options_len` readable bytes, `out_json` must be writable.
unsafe fn answer(
    options_json: *const u8,
    options_len: usize,
    out_json: *mut *mut c_char,
    document: &'static str,
    run: impl FnOnce(
        &VerifyOptions,
    ) -> Result<motcua_core::signature::report::SignatureReport, VerifyError>,
) -> Result<(), MotcuaStatus> {
    // SAFETY: forwarded from the caller.
    let text = unsafe { try_str(options_json, options_len) }?;
    let out_json = Output::new(out_json)?;
    let options = match VerifyOptions::from_json(text) {
        Ok(o) => o,
        // SAFETY: writable, as the caller guarantees.
        Err(e) => {
            return unsafe { write_input_error_in(e.to_finding(), Some("options"), None, out_json) }
        }
    };
    match run(&options) {
        // SAFETY: writable, as the caller guarantees.
        Ok(report) => unsafe {
            write_json(&report, out_json);
            Ok(())
        },
        // SAFETY: writable, as the caller guarantees.
        Err(e) => unsafe { write_input_error_in(e.to_finding(), Some(document), None, out_json) },
    }
}

/// Verifies the signed document `bytes` (`len` bytes: a PDF, or a CMS signature — an attached
/// `.p7m`, or a detached `.p7s`, which without its data is INDETERMINATE/SIGNED_DATA_NOT_FOUND;
/// the kind is told by content), `signature::verify::verify`: every signature's integrity (byte
/// range, CMS, signature value, timestamps), the changes after signing (DocMDP, FieldMDP, shadow
/// and incremental-saving attacks), the certificate chain to a trust anchor of the options, and
/// the Decree 30/2020 legal format when the options ask (`"profile": "decree30"`).
///
/// `options_json` (UTF-8, `options_len` bytes) is the options object
/// (spec/schema/verify-options.schema.json): `{"validation_time": "2026-03-05T02:30:15Z",
/// "trust_anchors": ["-----BEGIN CERTIFICATE-----…"], "intermediates": [...], "crls": ["-----BEGIN
/// X509 CRL-----…"], "ocsp": [base64 DER], "profile": "none" | "decree30", "role": "document" |
/// "attachment" | "copy", "revocation": "required" | "accept_unknown"}`;
/// only `validation_time` is required. Without a trust anchor no signature passes; without the
/// revocation status of every certificate of a signature's chain (from the file or the options)
/// it is INDETERMINATE/TRY_LATER unless `"revocation": "accept_unknown"`.
///
/// Returns `MOTCUA_STATUS_OK` with the `SignatureReport` in `*out_json`
/// (spec/schema/signature-report.schema.json): the document `indication` (`TOTAL_PASSED`,
/// `TOTAL_FAILED`, `INDETERMINATE`), its `findings`, every signature with its `indication`,
/// `sub_indication`, `integrity`, `modified_after_signing`, `signer`, `signing_time` and findings,
/// and `format`. Returns `MOTCUA_STATUS_INVALID_INPUT` with `{"input_error": <finding>,
/// "argument": "bytes"}` when the document is neither a PDF nor CMS (`verify.unrecognised_input`)
/// or its PDF structure is refused (`pdf.*`), or `"argument": "options"` for options that cannot
/// be read (`input.*`, or `certificate.*` at `/trust_anchors/N`, `/intermediates/N`, `/crls/N`).
/// Either way the caller frees `*out_json` with `motcua_string_free`. Otherwise (NULL_ARGUMENT,
/// INVALID_UTF8 for options, INVALID_ARGUMENT) writes nothing.
///
/// # Safety
///
/// `bytes` must point to `len` readable bytes, `options_json` to `options_len` readable bytes,
/// and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_verify(
    bytes: *const u8,
    len: usize,
    options_json: *const u8,
    options_len: usize,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { try_bytes(bytes, len) }?;
        // SAFETY: forwarded from the caller.
        unsafe {
            answer(options_json, options_len, out_json, "bytes", |o| {
                verify::verify(bytes, o)
            })
        }
    })
}

/// Verifies the detached CMS signature `signature` (`signature_len` bytes, a `.p7s`) over
/// `content` (`content_len` bytes, the data it signs, any file),
/// `signature::verify::verify_detached`. Options, answer and errors as `motcua_verify`, with
/// `"argument": "signature"` when the signature is not a CMS object (`verify.not_cms`).
///
/// # Safety
///
/// `signature` must point to `signature_len` readable bytes, `content` to `content_len` readable
/// bytes, `options_json` to `options_len` readable bytes, and `out_json` must be writable.
#[no_mangle]
pub unsafe extern "C" fn motcua_verify_detached(
    signature: *const u8,
    signature_len: usize,
    content: *const u8,
    content_len: usize,
    options_json: *const u8,
    options_len: usize,
    out_json: *mut *mut c_char,
) -> MotcuaStatus {
    boundary(|| {
        // SAFETY: forwarded from the caller.
        let signature = unsafe { try_bytes(signature, signature_len) }?;
        // SAFETY: forwarded from the caller.
        let content = unsafe { try_bytes(content, content_len) }?;
        // SAFETY: forwarded from the caller.
        unsafe {
            answer(options_json, options_len, out_json, "signature", |o| {
                verify::verify_detached(signature, content, o)
            })
        }
    })
}
