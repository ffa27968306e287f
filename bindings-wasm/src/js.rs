//! Rust values as plain JavaScript objects.

use serde::Serialize;
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::JsValue;

/// `value` as the plain JavaScript object `JSON.parse` would give for its serde JSON form.
///
/// The JSON-compatible serializer writes `None` as `null` and maps as plain objects, so a result
/// seen from JavaScript is JSON-equal to the same result serialized by Rust, C or the CLI.
pub(crate) fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&Serializer::json_compatible())
        .map_err(JsValue::from)
}
