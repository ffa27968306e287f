//! The data model: dossiers of administrative procedures, the procedures they are filed under,
//! the parties (applicant, representative, agencies), attachments and lifecycle events.
//!
//! Every type round-trips through JSON without loss. Unknown fields are rejected
//! (`deny_unknown_fields`, reported as `input.json_shape` with the JSON pointer of the field),
//! except inside the explicit `extensions` objects, which carry vendor data untouched. Identifier
//! fields (personal ID, tax code, phone, agency and procedure codes) are kept as strings, so that a
//! dossier with a wrong identifier still parses and [`crate::forms::validate`] reports the finding
//! at the field's JSON pointer. See `spec/model.md` for the choices and the articles behind them.
//!
//! The public interface is:
//! - [`Dossier`] with [`Applicant`], [`Representative`], [`Agency`], [`Attachment`], [`Event`];
//! - [`Procedure`] with [`RequiredDocument`], [`Condition`], [`ProcessingTime`], [`Fee`],
//!   [`AttachmentRules`];
//! - [`Timestamp`], an RFC 3339 date-time that keeps its UTC offset;
//! - [`InputError`] and [`MAX_INPUT_BYTES`] for parsing untrusted JSON.
//!
//! # Example
//!
//! ```
//! use motcua_core::model::{Channel, Dossier, Procedure};
//!
//! let text = include_str!("../../../examples/dossier-birth-registration-valid.json");
//! let dossier = Dossier::from_json(text)?;
//! assert_eq!((dossier.procedure_code.as_str(), dossier.channel), ("1.000894", Channel::Online));
//! assert_eq!(dossier.attachments.len(), 2);
//! // Written back and read again, it is the same dossier.
//! assert_eq!(Dossier::from_json(&serde_json::to_string(&dossier)?)?, dossier);
//!
//! // A field the model does not know is refused, at its JSON pointer; vendor data goes in
//! // `extensions`.
//! let mut json = serde_json::to_value(&dossier)?;
//! json["applicant"]["nickname"] = "Lan".into();
//! let error = Dossier::from_json(&json.to_string()).unwrap_err();
//! let finding = error.to_finding();
//! assert_eq!((finding.code.as_str(), finding.path.as_str()), ("input.json_shape", "/applicant/nickname"));
//!
//! let procedure = Procedure::from_json(include_str!("../../../examples/procedure-birth-registration.json"))?;
//! let documents: Vec<&str> = procedure.documents.iter().map(|d| d.id.as_str()).collect();
//! assert_eq!(documents, ["to-khai", "giay-chung-sinh", "van-ban-uy-quyen"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod attachment;
mod dossier;
mod event;
pub(crate) mod input;
mod party;
mod position;
mod procedure;
mod timestamp;

pub use crate::ids::Sex;
pub use attachment::Attachment;
pub use dossier::{Channel, Dossier};
pub use event::{Circular, Event, EventType, FormRef};
pub use input::{InputError, MAX_INPUT_BYTES};
pub use party::{Agency, Applicant, ApplicantKind, Representative, RepresentativeRole};
pub(crate) use procedure::is_media_type;
pub use procedure::{
    AttachmentRules, AuthorityLevel, Condition, Fee, FeeKind, Procedure, ProcedureError,
    ProcessingTime, RequiredDocument, TimeUnit,
};
pub use timestamp::{Timestamp, TimestampError};

/// Vendor data carried through untouched: any JSON object.
///
/// This is the one place where unknown content is accepted; motcua never reads it.
pub type Extensions = serde_json::Map<String, serde_json::Value>;
