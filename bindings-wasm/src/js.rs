//! Rust values as plain JavaScript objects.

use serde::Serialize;
use wasm_bindgen::JsValue;

/// `value` as the plain JavaScript object `JSON.parse` gives for its serde JSON form: the very
/// JSON text Rust, C and the CLI write (`None` as `null`, maps as plain objects), parsed by the
/// engine.
///
/// One string crossing the boundary and the engine's own `JSON.parse` build a large result (a
/// replay of thousands of events) about a third faster than setting each property from
/// WebAssembly (serde-wasm-bindgen), and take less code.
pub(crate) fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}
