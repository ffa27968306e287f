//! Signed documents: `verify` and `verifyDetached`, the JavaScript names of
//! [`motcua_core::signature::verify::verify`] and
//! [`verify_detached`](motcua_core::signature::verify::verify_detached), as C's `motcua_verify`
//! and `motcua_verify_detached`.
//!
//! Only in the module built with the feature `signature` (the npm package `motcua-signature`,
//! loaded apart from `motcua` so that a web form never downloads the checker: bindings-wasm's
//! README). The documents cross as `Uint8Array`s and the options as an object or its JSON text,
//! read by [`VerifyOptions::from_json`] as on the C surface (spec/schema/verify-options.schema.json:
//! the validation time, required — the library has no clock —, PEM trust anchors,
//! intermediates and CRLs, OCSP responses, the legal-format profile). The answer is the
//! `SignatureReport` every surface gives (spec/schema/signature-report.schema.json). A document
//! that is neither a PDF nor a CMS signature, a PDF whose structure the reader refuses, or
//! options that cannot be read throw a `MotcuaInputError` whose `argument` names it (`"bytes"`,
//! `"signature"`, `"options"`), as C's `{"input_error", "argument"}`; a signature that does not
//! pass is not an error but a report whose `indication` says so.

use motcua_core::signature::report::SignatureReport;
use motcua_core::signature::verify::{self, VerifyError, VerifyOptions};
use wasm_bindgen::prelude::*;

use crate::{args, error, js};

/// The argument `options`, read by [`VerifyOptions::from_json`]: a `MotcuaInputError` whose
/// `argument` is `"options"` when it cannot be read; `argument.not_json` for a value JSON cannot
/// write (`undefined` among them: the validation time is required).
fn read_options(value: &JsValue) -> Result<VerifyOptions, JsValue> {
    let text = args::json_text(value, "options").map_err(error::argument)?;
    VerifyOptions::from_json(&text).map_err(|e| error::input_in(&e.to_finding(), "options"))
}

/// The report of `result` as a plain object, or its error thrown as a `MotcuaInputError` whose
/// `argument` is `document`, as C's `{"input_error", "argument"}`.
fn answer(
    result: Result<SignatureReport, VerifyError>,
    document: &str,
) -> Result<JsValue, JsValue> {
    match result {
        Ok(report) => js::to_value(&report),
        Err(e) => Err(error::input_in(&e.to_finding(), document)),
    }
}

/// Verifies the signed document `bytes` (a PDF, or a CMS signature — an attached `.p7m`, or a
/// detached `.p7s`, which without its data is INDETERMINATE/SIGNED_DATA_NOT_FOUND; the kind is
/// told by content): every signature's integrity (byte range, CMS, signature value,
/// timestamps), the changes after signing (DocMDP, FieldMDP, shadow and incremental-saving
/// attacks), the certificate chain to a trust anchor of the options, and the Decree 30/2020
/// legal format when the options ask (`profile: "decree30"`).
///
/// `options` is a `VerifyOptionsJson` object or its JSON text: `{validation_time:
/// "2026-03-05T02:30:15Z", trust_anchors: ["-----BEGIN CERTIFICATE-----…"], intermediates,
/// crls: ["-----BEGIN X509 CRL-----…"], ocsp: [base64 DER], profile: "none" | "decree30", role:
/// "document" | "attachment" | "copy", revocation: "required" | "accept_unknown"}`; only
/// `validation_time` is required. Without a trust anchor no signature passes; without the
/// revocation status of every certificate of a signature's chain (from the file or the options)
/// it is INDETERMINATE/TRY_LATER unless `revocation: "accept_unknown"`.
///
/// Returns the `SignatureReport`: the document `indication` (`TOTAL_PASSED`, `TOTAL_FAILED`,
/// `INDETERMINATE`), its `findings`, every signature with its `indication`, `sub_indication`,
/// `integrity`, `modified_after_signing`, `signer`, `signing_time` and findings, and `format`.
///
/// Throws a `MotcuaArgumentError` when `bytes` is not a `Uint8Array` (`argument.not_bytes`) or
/// `options` a value JSON cannot write (`argument.not_json`); a `MotcuaInputError` whose
/// `argument` is `"options"` when the options cannot be read (`input.*`, or `certificate.*` at
/// `/trust_anchors/N`, `/intermediates/N`, `/crls/N`, `/ocsp/N`), or `"bytes"` when the document
/// is neither a PDF nor CMS (`verify.unrecognised_input`) or its PDF structure is refused
/// (`pdf.*`), as C's `{"input_error", "argument"}`.
#[wasm_bindgen(js_name = verify, unchecked_return_type = "SignatureReport")]
pub fn verify(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "VerifyOptionsJson | string")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    let bytes = args::bytes(bytes, "bytes").map_err(error::argument)?;
    let options = read_options(options)?;
    answer(verify::verify(&bytes, &options), "bytes")
}

/// Verifies the detached CMS signature `signature` (a `.p7s`, as a `Uint8Array`) over `content`
/// (the data it signs, any file, as a `Uint8Array`). Options, answer and errors as `verify`,
/// with `argument` `"signature"` when the signature is not a CMS object (`verify.not_cms`), and
/// `argument.not_bytes` when `signature` or `content` is not a `Uint8Array`.
#[wasm_bindgen(js_name = verifyDetached, unchecked_return_type = "SignatureReport")]
pub fn verify_detached(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] signature: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] content: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "VerifyOptionsJson | string")] options: &JsValue,
) -> Result<JsValue, JsValue> {
    let signature = args::bytes(signature, "signature").map_err(error::argument)?;
    let content = args::bytes(content, "content").map_err(error::argument)?;
    let options = read_options(options)?;
    answer(
        verify::verify_detached(&signature, &content, &options),
        "signature",
    )
}
