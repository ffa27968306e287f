//! Validation of a dossier against its procedure.
//!
//! [`validate`] reports every finding, never only the first: identifiers of the applicant and
//! the representative (through [`crate::ids::check_at`], at each field's JSON pointer), fields
//! that contradict each other, required documents without a file, files that answer no
//! document, limits on files, and the dates and forms of the history. The rules and the
//! articles they come from are listed in `spec/forms.md`; codes and messages are in
//! `spec/findings/forms.json`.
//!
//! # Example
//!
//! ```
//! use motcua_core::model::{Dossier, Procedure};
//! use motcua_core::{forms, Date};
//!
//! let today = Date::new(2026, 11, 23)?;
//! let procedure = Procedure::from_json(include_str!("../../../examples/procedure-household-business.json"))?;
//!
//! let valid = Dossier::from_json(include_str!("../../../examples/dossier-household-business-valid.json"))?;
//! assert!(forms::validate(&valid, &procedure, today).valid);
//!
//! // Every finding, never only the first: wrong procedure code, bad phone and tax code, no
//! // authorisation, a file over the procedure's limit; warnings do not make a dossier invalid.
//! let invalid = Dossier::from_json(include_str!("../../../examples/dossier-household-business-invalid.json"))?;
//! let report = forms::validate(&invalid, &procedure, today);
//! let at = |list: &[motcua_core::Finding]| -> Vec<(String, String)> {
//!     list.iter().map(|f| (f.code.clone(), f.path.clone())).collect()
//! };
//! assert!(!report.valid);
//! assert_eq!(
//!     at(&report.errors),
//!     [
//!         ("dossier.procedure_mismatch".into(), "/procedure_code".into()),
//!         ("phone.length".into(), "/applicant/phone".into()),
//!         ("tax_code.check_digit".into(), "/applicant/tax_code".into()),
//!         ("forms.authorisation_missing".into(), "/representative/authorisation".into()),
//!         ("forms.attachment_too_large".into(), "/attachments/1/size".into()),
//!     ]
//! );
//! assert_eq!(
//!     at(&report.warnings),
//!     [
//!         ("forms.attachment_duplicate".into(), "/attachments/2/sha256".into()),
//!         ("dossier.events_out_of_order".into(), "/events/3/at".into()),
//!     ]
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod documents;
mod events;
mod issue;
mod parties;
mod report;

pub use issue::FormsError;
pub use report::Report;

use crate::ids::{self, IdKind};
use crate::model::{Agency, Dossier, InputError, Procedure};
use crate::{Date, Diagnostic, Finding};

/// Validates `dossier` against `procedure` on the date `today`.
///
/// Findings come in the order the checks run: procedure and dossier codes, agencies, applicant,
/// representative, documents, attachments, dates and history.
pub fn validate(dossier: &Dossier, procedure: &Procedure, today: Date) -> Report {
    let mut out = Findings(Vec::new());
    // The dossier is checked against the procedure it names (Decree 61/2018 Art. 17(1): the
    // officer checks the dossier against the published procedure).
    if dossier.procedure_code != procedure.code {
        let e = FormsError::ProcedureMismatch {
            dossier: dossier.procedure_code.clone(),
            procedure: procedure.code.clone(),
        };
        out.push(e, "/procedure_code".to_owned());
    }
    out.id(
        IdKind::ProcedureCode,
        &dossier.procedure_code,
        today,
        "/procedure_code".to_owned(),
    );
    if let Some(code) = &dossier.code {
        out.id(IdKind::DossierCode, code, today, "/code".to_owned());
    }
    agency(
        dossier.receiving_agency.as_ref(),
        "/receiving_agency",
        today,
        &mut out,
    );
    agency(
        dossier.processing_agency.as_ref(),
        "/processing_agency",
        today,
        &mut out,
    );
    parties::applicant(&dossier.applicant, procedure, today, &mut out);
    if let Some(r) = &dossier.representative {
        parties::representative(r, today, &mut out);
    }
    documents::documents(dossier, procedure, &mut out);
    documents::attachments(&dossier.attachments, &procedure.attachment_rules, &mut out);
    events::events(dossier, today, &mut out);
    Report::from_findings(out.0)
}

/// Reads `procedure_json` then `dossier_json` and validates the dossier.
///
/// The procedure is read first: without a usable procedure no verdict on the dossier means
/// anything. The error's path is a JSON pointer into the document that failed.
pub fn validate_json(
    dossier_json: &str,
    procedure_json: &str,
    today: Date,
) -> Result<Report, InputError> {
    let procedure = Procedure::from_json(procedure_json)?;
    let dossier = Dossier::from_json(dossier_json)?;
    Ok(validate(&dossier, &procedure, today))
}

/// Checks an agency's code (QCVN 102:2016/BTTTT) and name.
fn agency(agency: Option<&Agency>, at: &str, today: Date, out: &mut Findings) {
    if let Some(a) = agency {
        out.id(
            IdKind::AgencyCode,
            &a.code,
            today,
            crate::pointer(at, "code"),
        );
        if a.name.trim().is_empty() {
            out.push(FormsError::FieldEmpty, crate::pointer(at, "name"));
        }
    }
}

/// Findings in the order they are made.
struct Findings(Vec<Finding>);

impl Findings {
    /// Records `e` about the field at `path`.
    fn push(&mut self, e: FormsError, path: String) {
        self.0.push(e.to_finding(&path));
    }

    /// Records every error and warning of the identifier `input` of `kind` at `path`.
    fn id(&mut self, kind: IdKind, input: &str, today: Date, path: String) {
        let check = ids::check_at(kind, input, today, &path);
        self.0.extend(check.errors);
        self.0.extend(check.warnings);
    }
}
