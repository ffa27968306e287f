//! What form validation finds, one variant per catalog code (`spec/findings/forms.json`).

use crate::Diagnostic;

/// A problem found in a dossier by [`super::validate`].
///
/// Identifier problems are not here: they come from [`crate::ids`] with their own codes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormsError {
    /// A text the form requires is empty or blank.
    #[error("the field is empty")]
    FieldEmpty,
    /// A citizen applicant gives neither a personal ID nor an old ID number.
    #[error("the applicant gives no personal identification number")]
    ApplicantIdMissing,
    /// An organisation gives no tax code.
    #[error("the organisation gives no tax code")]
    TaxCodeMissing,
    /// The birth year encoded in the personal ID is not the year of the date of birth.
    #[error("the personal ID encodes birth year {encoded}, the date of birth says {declared}")]
    BirthYearMismatch {
        /// Year encoded in the personal ID.
        encoded: i32,
        /// Year of the declared date of birth.
        declared: i32,
    },
    /// The sex encoded in the personal ID is not the declared sex.
    #[error("the personal ID encodes a different sex from the one declared")]
    SexMismatch,
    /// The date of birth is after today.
    #[error("the date of birth {0} is after today")]
    BirthDateFuture(crate::Date),
    /// The e-mail address is not an address.
    #[error("not an e-mail address")]
    EmailInvalid,
    /// The representative gives no personal identification number.
    #[error("the representative gives no personal identification number")]
    RepresentativeIdMissing,
    /// An authorised person acts without a reference to the authorising document.
    #[error("the authorised person gives no authorisation document")]
    AuthorisationMissing,
    /// The procedure is not open to this kind of applicant.
    #[error("the procedure is not open to this kind of applicant")]
    ApplicantKindNotAllowed,
    /// A required document has no attachment.
    #[error("required document {id:?} ({name}) is missing")]
    DocumentMissing {
        /// Id of the document in the procedure.
        id: String,
        /// Its name.
        name: String,
    },
    /// An attachment names a document the procedure does not list.
    #[error("the procedure lists no document {0:?}")]
    DocumentUnknown(String),
    /// An attachment answers a document that is not required for this dossier.
    #[error("document {0:?} is not required for this dossier")]
    DocumentNotApplicable(String),
    /// An attachment answers no document of the procedure.
    #[error("the attachment answers no document of the procedure")]
    AttachmentUnassigned,
    /// An attachment is larger than the procedure allows.
    #[error("{size} bytes, more than the {limit} allowed")]
    AttachmentTooLarge {
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// An attachment is empty.
    #[error("the file is empty")]
    AttachmentEmpty,
    /// The media type is not one the procedure accepts.
    #[error("media type {value:?} is not accepted ({allowed})")]
    MediaTypeNotAllowed {
        /// The media type given.
        value: String,
        /// The accepted ones, comma-separated.
        allowed: String,
    },
    /// The digest is not 64 hexadecimal digits.
    #[error("not a SHA-256 digest")]
    Sha256Invalid,
    /// The same file is attached twice.
    #[error("same file as {first}")]
    AttachmentDuplicate {
        /// JSON pointer of the first attachment with this digest.
        first: String,
    },
    /// More attachments than the procedure allows.
    #[error("{count} files, more than the {limit} allowed")]
    TooManyAttachments {
        /// Number of attachments.
        count: usize,
        /// The limit.
        limit: u32,
    },
    /// The dossier is filed under a different procedure code.
    #[error("dossier filed under {dossier}, validated against {procedure}")]
    ProcedureMismatch {
        /// The dossier's procedure code.
        dossier: String,
        /// The procedure's code.
        procedure: String,
    },
    /// A timestamp lies after today.
    #[error("{0} is after today")]
    TimestampFuture(crate::Date),
    /// An event is recorded before the one preceding it (or before submission).
    #[error("the event is earlier than the one before it")]
    EventsOutOfOrder,
    /// An appointment lies before the event that set it.
    #[error("the appointment is before the event that set it")]
    DueBeforeEvent,
    /// The result date was re-set more than once.
    #[error("more than one apology and new appointment")]
    ApologyRepeated,
    /// The cited form does not exist in the circular.
    #[error("form {number} does not exist in Circular {circular}")]
    FormUnknown {
        /// The circular, as written.
        circular: &'static str,
        /// The number cited.
        number: u8,
    },
    /// The cited form is not the one the circular prescribes for this event.
    #[error("form {number} is not the form for this event ({expected})")]
    FormMismatch {
        /// The number cited.
        number: u8,
        /// The prescribed form, or "none".
        expected: String,
    },
}

impl Diagnostic for FormsError {
    fn code(&self) -> &'static str {
        match self {
            Self::FieldEmpty => "forms.field_empty",
            Self::ApplicantIdMissing => "forms.applicant_id_missing",
            Self::TaxCodeMissing => "forms.tax_code_missing",
            Self::BirthYearMismatch { .. } => "forms.birth_year_mismatch",
            Self::SexMismatch => "forms.sex_mismatch",
            Self::BirthDateFuture(_) => "forms.birth_date_future",
            Self::EmailInvalid => "forms.email_invalid",
            Self::RepresentativeIdMissing => "forms.representative_id_missing",
            Self::AuthorisationMissing => "forms.authorisation_missing",
            Self::ApplicantKindNotAllowed => "forms.applicant_kind_not_allowed",
            Self::DocumentMissing { .. } => "forms.document_missing",
            Self::DocumentUnknown(_) => "forms.document_unknown",
            Self::DocumentNotApplicable(_) => "forms.document_not_applicable",
            Self::AttachmentUnassigned => "forms.attachment_unassigned",
            Self::AttachmentTooLarge { .. } => "forms.attachment_too_large",
            Self::AttachmentEmpty => "forms.attachment_empty",
            Self::MediaTypeNotAllowed { .. } => "forms.media_type_not_allowed",
            Self::Sha256Invalid => "forms.sha256_invalid",
            Self::AttachmentDuplicate { .. } => "forms.attachment_duplicate",
            Self::TooManyAttachments { .. } => "forms.too_many_attachments",
            Self::ProcedureMismatch { .. } => "dossier.procedure_mismatch",
            Self::TimestampFuture(_) => "dossier.timestamp_future",
            Self::EventsOutOfOrder => "dossier.events_out_of_order",
            Self::DueBeforeEvent => "dossier.due_before_event",
            Self::ApologyRepeated => "dossier.apology_repeated",
            Self::FormUnknown { .. } => "dossier.form_unknown",
            Self::FormMismatch { .. } => "dossier.form_mismatch",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::BirthYearMismatch { encoded, declared } => {
                vec![
                    ("encoded", encoded.to_string()),
                    ("declared", declared.to_string()),
                ]
            }
            Self::BirthDateFuture(date) | Self::TimestampFuture(date) => {
                vec![("date", date.to_string())]
            }
            Self::DocumentMissing { id, name } => vec![("id", id.clone()), ("name", name.clone())],
            Self::DocumentUnknown(id) | Self::DocumentNotApplicable(id) => vec![("id", id.clone())],
            Self::AttachmentTooLarge { size, limit } => {
                vec![("size", size.to_string()), ("limit", limit.to_string())]
            }
            Self::MediaTypeNotAllowed { value, allowed } => {
                vec![("value", value.clone()), ("allowed", allowed.clone())]
            }
            Self::AttachmentDuplicate { first } => vec![("first", first.clone())],
            Self::TooManyAttachments { count, limit } => {
                vec![("count", count.to_string()), ("limit", limit.to_string())]
            }
            Self::ProcedureMismatch { dossier, procedure } => {
                vec![
                    ("dossier", dossier.clone()),
                    ("procedure", procedure.clone()),
                ]
            }
            Self::FormUnknown { circular, number } => {
                vec![
                    ("circular", (*circular).to_owned()),
                    ("number", number.to_string()),
                ]
            }
            Self::FormMismatch { number, expected } => {
                vec![
                    ("number", number.to_string()),
                    ("expected", expected.clone()),
                ]
            }
            Self::FieldEmpty
            | Self::ApplicantIdMissing
            | Self::TaxCodeMissing
            | Self::SexMismatch
            | Self::EmailInvalid
            | Self::RepresentativeIdMissing
            | Self::AuthorisationMissing
            | Self::ApplicantKindNotAllowed
            | Self::AttachmentUnassigned
            | Self::AttachmentEmpty
            | Self::Sha256Invalid
            | Self::EventsOutOfOrder
            | Self::DueBeforeEvent
            | Self::ApologyRepeated => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Date;

    #[test]
    fn every_code_is_in_the_catalog_with_its_placeholders_filled() {
        let date = Date::new(2026, 11, 23).unwrap_or_else(|e| panic!("{e}"));
        let s = || "x".to_owned();
        let all = [
            FormsError::FieldEmpty,
            FormsError::ApplicantIdMissing,
            FormsError::TaxCodeMissing,
            FormsError::BirthYearMismatch {
                encoded: 1995,
                declared: 1996,
            },
            FormsError::SexMismatch,
            FormsError::BirthDateFuture(date),
            FormsError::EmailInvalid,
            FormsError::RepresentativeIdMissing,
            FormsError::AuthorisationMissing,
            FormsError::ApplicantKindNotAllowed,
            FormsError::DocumentMissing { id: s(), name: s() },
            FormsError::DocumentUnknown(s()),
            FormsError::DocumentNotApplicable(s()),
            FormsError::AttachmentUnassigned,
            FormsError::AttachmentTooLarge { size: 2, limit: 1 },
            FormsError::AttachmentEmpty,
            FormsError::MediaTypeNotAllowed {
                value: s(),
                allowed: s(),
            },
            FormsError::Sha256Invalid,
            FormsError::AttachmentDuplicate { first: s() },
            FormsError::TooManyAttachments { count: 2, limit: 1 },
            FormsError::ProcedureMismatch {
                dossier: s(),
                procedure: s(),
            },
            FormsError::TimestampFuture(date),
            FormsError::EventsOutOfOrder,
            FormsError::DueBeforeEvent,
            FormsError::ApologyRepeated,
            FormsError::FormUnknown {
                circular: "01/2018/TT-VPCP",
                number: 9,
            },
            FormsError::FormMismatch {
                number: 2,
                expected: s(),
            },
        ];
        let mut codes = std::collections::HashSet::new();
        for e in &all {
            let f = e.to_finding("/x");
            assert!(codes.insert(f.code.clone()), "{} used twice", f.code);
            assert!(
                !f.vi.contains('{') && !f.en.contains('{'),
                "{}: unfilled placeholder",
                f.code
            );
        }
        let catalogued = crate::catalog::entries()
            .filter(|e| e.code.starts_with("forms.") || e.code.starts_with("dossier."))
            .count();
        assert_eq!(
            codes.len(),
            catalogued,
            "every forms.*/dossier.* catalog code has a variant"
        );
    }
}
