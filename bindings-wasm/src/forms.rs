//! Dossier validation: the `Procedure` handle and `formsValidate`, the JavaScript names of
//! [`motcua_core::model::Procedure`] and [`motcua_core::forms::validate`].

use motcua_core::{forms, model};
use wasm_bindgen::prelude::*;

use crate::{args, error, js};

/// An administrative procedure ("thủ tục hành chính") read once from its JSON, to validate any
/// number of dossiers against.
///
/// The procedure lives in WebAssembly memory: call `free()` when it is no longer needed (or use
/// `using procedure = Procedure.parse(json)` where explicit resource management is available).
#[wasm_bindgen]
pub struct Procedure {
    inner: model::Procedure,
}

#[wasm_bindgen]
impl Procedure {
    /// Reads a procedure from its JSON text, a `ProcedureJson` document.
    ///
    /// Throws a `MotcuaInputError` (see `MotcuaError`) when the text is not JSON, does not have
    /// the shape of a procedure, or cannot be applied (codes `model.*`), with `path` naming the
    /// field, or when it is too large; a `MotcuaArgumentError` when `json` is not a string.
    pub fn parse(
        #[wasm_bindgen(unchecked_param_type = "string")] json: &JsValue,
    ) -> Result<Procedure, JsValue> {
        let json = args::text(json, "json").map_err(error::argument)?;
        model::Procedure::from_json(&json)
            .map(|inner| Procedure { inner })
            .map_err(|e| error::input(&e.to_finding()))
    }
}

/// Validates the dossier in `dossierJson` (a `Dossier` document) against `procedure` on the date `today`
/// ("YYYY-MM-DD") and returns every finding; the dossier is valid when `report.valid` is true.
///
/// Throws a `MotcuaInputError` (see `MotcuaError`) when the dossier text cannot be read as a
/// dossier: not JSON, wrong shape (`path` names the field) or too large. Throws a
/// `MotcuaArgumentError` when `today` is not an existing date or an argument is not a string.
#[wasm_bindgen(js_name = formsValidate, unchecked_return_type = "Report")]
pub fn forms_validate(
    procedure: &Procedure,
    #[wasm_bindgen(js_name = dossierJson, unchecked_param_type = "string")] dossier_json: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] today: &JsValue,
) -> Result<JsValue, JsValue> {
    let dossier_json = args::text(dossier_json, "dossierJson").map_err(error::argument)?;
    let today = args::date(today, "today").map_err(error::argument)?;
    let dossier =
        model::Dossier::from_json(&dossier_json).map_err(|e| error::input(&e.to_finding()))?;
    js::to_value(&forms::validate(&dossier, &procedure.inner, today))
}
