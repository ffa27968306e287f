//! Identifier checks: `idsCheck` and `idsIsValid`, the JavaScript names of
//! [`motcua_core::ids::check`] and [`motcua_core::ids::is_valid`].

use motcua_core::ids::{self, IdKind};
use motcua_core::Date;
use wasm_bindgen::prelude::*;

use crate::{args, error, js};

/// Checks `input` as an identifier of `kind`, on the date `today` ("YYYY-MM-DD"), and returns
/// every finding, the canonical form and what the identifier says (`info`) when it is valid.
///
/// Throws a `MotcuaArgumentError` (see `MotcuaError`) when `kind` is not an `IdKind`, when
/// `today` is not an existing date written YYYY-MM-DD, or when an argument is not a string.
#[wasm_bindgen(js_name = idsCheck, unchecked_return_type = "IdCheck")]
pub fn ids_check(
    #[wasm_bindgen(unchecked_param_type = "IdKind")] kind: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] input: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] today: &JsValue,
) -> Result<JsValue, JsValue> {
    let (kind, input, today) = arguments(kind, input, today)?;
    js::to_value(&ids::check(kind, &input, today))
}

/// Whether `input` is a valid identifier of `kind` on the date `today` ("YYYY-MM-DD"): the
/// same verdict as `idsCheck(kind, input, today).valid`, without building the findings.
///
/// Throws a `MotcuaArgumentError` for the same wrong arguments as `idsCheck`.
#[wasm_bindgen(js_name = idsIsValid)]
pub fn ids_is_valid(
    #[wasm_bindgen(unchecked_param_type = "IdKind")] kind: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] input: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] today: &JsValue,
) -> Result<bool, JsValue> {
    let (kind, input, today) = arguments(kind, input, today)?;
    Ok(ids::is_valid(kind, &input, today))
}

/// The arguments `(kind, input, today)` shared by both functions, checked in that order.
fn arguments(
    kind: &JsValue,
    input: &JsValue,
    today: &JsValue,
) -> Result<(IdKind, String, Date), JsValue> {
    let kind = args::id_kind(kind).map_err(error::argument)?;
    let input = args::text(input, "input").map_err(error::argument)?;
    let today = args::date(today, "today").map_err(error::argument)?;
    Ok((kind, input, today))
}
