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

mod attachment;
mod dossier;
mod event;
pub(crate) mod input;
mod party;
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
