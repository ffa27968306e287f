//! Administrative procedures ("thủ tục hành chính") as published in the National Database on
//! Administrative Procedures: what a dossier must contain, how long processing takes, the fees.

use serde::{Deserialize, Serialize};

use super::{input, ApplicantKind, Extensions, InputError};
use crate::finding::{pointer, Diagnostic};

/// Level of government that decides the procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuthorityLevel {
    /// A ministry or central agency ("cấp bộ").
    Central,
    /// A province or centrally-run city ("cấp tỉnh").
    Province,
    /// A district ("cấp huyện"); abolished on 01/7/2025 (two-tier local government), kept for
    /// historic dossiers.
    District,
    /// A commune, ward or special zone ("cấp xã").
    Commune,
}

/// A fact about a dossier that decides whether a document is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The applicant is a citizen.
    ApplicantCitizen,
    /// The applicant is an organisation.
    ApplicantOrganisation,
    /// A representative (legal or authorised) acts for the applicant.
    Representative,
    /// An authorised person acts for the applicant.
    AuthorisedRepresentative,
    /// The dossier was submitted in person.
    ChannelInPerson,
    /// The dossier was submitted by post.
    ChannelPost,
    /// The dossier was submitted online.
    ChannelOnline,
}

/// One component of the dossier ("thành phần hồ sơ") the procedure lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RequiredDocument {
    /// Identifier of the component within the procedure (for instance the national component
    /// code); attachments name it in `satisfies`.
    pub id: String,
    /// Name of the component as published.
    pub name: String,
    /// The document is required only when all these conditions hold; empty means always.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_when: Vec<Condition>,
    /// The document may be supplied but is never required.
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    pub optional: bool,
}

/// Unit of a processing time (national field `DonViTinh`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Working days ("ngày làm việc"), the default unit of published procedures.
    WorkingDays,
    /// Calendar days ("ngày").
    CalendarDays,
    /// Hours ("giờ"), for procedures decided within the day.
    Hours,
}

/// How long processing takes, from receipt of a complete dossier (national field
/// `ThoiGianGiaiQuyet`). Zero means the result is returned immediately (Decree 61/2018
/// Art. 17(4)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProcessingTime {
    /// Number of units.
    pub amount: u32,
    /// The unit.
    pub unit: TimeUnit,
}

/// Whether an amount is a fee or a charge (Law on Fees and Charges 97/2015/QH13, Art. 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// "Phí": pays for a public service.
    Fee,
    /// "Lệ phí": charged for a state management act.
    Charge,
}

/// An amount the applicant pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fee {
    /// What the amount is for, as published.
    pub name: String,
    /// Fee or charge.
    pub kind: FeeKind,
    /// Amount in Vietnamese đồng.
    pub amount_vnd: u64,
}

/// Limits on the files of a dossier.
///
/// No national rule fixes a size or count; the defaults are motcua's reading of what a careful
/// vendor configures (see `spec/forms.md`), and a procedure may set its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct AttachmentRules {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Most files in one dossier.
    pub max_files: u32,
    /// Media types accepted (`type/subtype`, compared case-insensitively without parameters).
    pub media_types: Vec<String>,
}

impl AttachmentRules {
    /// Default largest file: 20 MiB.
    pub const DEFAULT_MAX_FILE_BYTES: u64 = 20 << 20;
    /// Default most files: 50.
    pub const DEFAULT_MAX_FILES: u32 = 50;
    /// Default media types: PDF, the format of digitised copies (Circular 01/2023/TT-VPCP
    /// Art. 8(2) referring to Circular 02/2019/TT-BNV), and JPEG and PNG photographs.
    pub const DEFAULT_MEDIA_TYPES: [&'static str; 3] =
        ["application/pdf", "image/jpeg", "image/png"];
}

impl Default for AttachmentRules {
    fn default() -> Self {
        Self {
            max_file_bytes: Self::DEFAULT_MAX_FILE_BYTES,
            max_files: Self::DEFAULT_MAX_FILES,
            media_types: Self::DEFAULT_MEDIA_TYPES
                .iter()
                .map(|t| (*t).to_owned())
                .collect(),
        }
    }
}

/// An administrative procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// National procedure code, e.g. `1.000894`.
    pub code: String,
    /// Name as published.
    pub name: String,
    /// Level of government that decides it.
    pub level: AuthorityLevel,
    /// Who may apply; empty means citizens and organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applicant_kinds: Vec<ApplicantKind>,
    /// Components of the dossier ("thành phần hồ sơ").
    pub documents: Vec<RequiredDocument>,
    /// Processing time.
    pub processing_time: ProcessingTime,
    /// Fees and charges.
    #[serde(default)]
    pub fees: Vec<Fee>,
    /// Limits on files.
    #[serde(default)]
    pub attachment_rules: AttachmentRules,
    /// Legal basis as published (document numbers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<String>,
    /// Vendor data, carried untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}

/// Why a procedure, well-formed as JSON, cannot be applied to dossiers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProcedureError {
    /// A text the procedure needs is empty.
    #[error("the field is empty")]
    FieldEmpty,
    /// Two documents have the same `id`.
    #[error("document id {0:?} is used twice")]
    DuplicateDocumentId(String),
    /// The conditions of a document can never all hold, or it is optional with conditions.
    #[error("the conditions of the document contradict each other")]
    ContradictoryCondition,
    /// A media type is not `type/subtype`.
    #[error("{0:?} is not a media type")]
    MediaType(String),
    /// A limit is zero, so no dossier could ever have files.
    #[error("the limit is zero")]
    ZeroLimit,
}

impl Diagnostic for ProcedureError {
    fn code(&self) -> &'static str {
        match self {
            Self::FieldEmpty => "model.field_empty",
            Self::DuplicateDocumentId(_) => "model.document_id_duplicate",
            Self::ContradictoryCondition => "model.condition_contradictory",
            Self::MediaType(_) => "model.media_type_invalid",
            Self::ZeroLimit => "model.limit_zero",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::DuplicateDocumentId(v) | Self::MediaType(v) => vec![("value", v.clone())],
            Self::FieldEmpty | Self::ContradictoryCondition | Self::ZeroLimit => Vec::new(),
        }
    }
}

/// Whether `s` is a media type `type/subtype` (RFC 6838 §4.2 restricted-name characters),
/// optionally followed by `;` parameters.
pub(crate) fn is_media_type(s: &str) -> bool {
    let essence = s.split(';').next().unwrap_or_default().trim();
    let name_ok = |n: &str| {
        !n.is_empty()
            && n.len() <= 127
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b))
            && n.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
    };
    matches!(essence.split_once('/'), Some((t, st)) if name_ok(t) && name_ok(st))
}

impl Procedure {
    /// Reads a procedure from JSON, at most [`super::MAX_INPUT_BYTES`] long, and checks that it
    /// can be applied (see [`Procedure::check`]).
    pub fn from_json(text: &str) -> Result<Self, InputError> {
        let procedure: Self = input::parse(text)?;
        procedure.check()?;
        Ok(procedure)
    }

    /// Checks what the types cannot express: non-empty code, name and document ids, unique
    /// document ids, satisfiable conditions, valid media types, non-zero limits. The error names
    /// the first offending field.
    pub fn check(&self) -> Result<(), InputError> {
        let fail = |path: String, error: ProcedureError| Err(InputError::Procedure { path, error });
        if self.code.trim().is_empty() {
            return fail("/code".into(), ProcedureError::FieldEmpty);
        }
        if self.name.trim().is_empty() {
            return fail("/name".into(), ProcedureError::FieldEmpty);
        }
        for (i, doc) in self.documents.iter().enumerate() {
            let at = pointer("/documents", &i.to_string());
            if doc.id.trim().is_empty() {
                return fail(pointer(&at, "id"), ProcedureError::FieldEmpty);
            }
            if doc.name.trim().is_empty() {
                return fail(pointer(&at, "name"), ProcedureError::FieldEmpty);
            }
            if self.documents[..i].iter().any(|d| d.id == doc.id) {
                return fail(
                    pointer(&at, "id"),
                    ProcedureError::DuplicateDocumentId(doc.id.clone()),
                );
            }
            if !conditions_satisfiable(&doc.required_when)
                || (doc.optional && !doc.required_when.is_empty())
            {
                return fail(
                    pointer(&at, "required_when"),
                    ProcedureError::ContradictoryCondition,
                );
            }
        }
        let rules = &self.attachment_rules;
        if rules.max_file_bytes == 0 {
            return fail(
                "/attachment_rules/max_file_bytes".into(),
                ProcedureError::ZeroLimit,
            );
        }
        if rules.max_files == 0 {
            return fail(
                "/attachment_rules/max_files".into(),
                ProcedureError::ZeroLimit,
            );
        }
        if rules.media_types.is_empty() {
            return fail(
                "/attachment_rules/media_types".into(),
                ProcedureError::ZeroLimit,
            );
        }
        for (i, t) in rules.media_types.iter().enumerate() {
            if !is_media_type(t) {
                let at = pointer("/attachment_rules/media_types", &i.to_string());
                return fail(at, ProcedureError::MediaType(t.clone()));
            }
        }
        Ok(())
    }
}

/// Whether some dossier satisfies all of `conditions`: at most one applicant kind and at most
/// one channel among them.
fn conditions_satisfiable(conditions: &[Condition]) -> bool {
    use Condition::*;
    let distinct = |set: &[Condition]| set.iter().filter(|c| conditions.contains(c)).count();
    distinct(&[ApplicantCitizen, ApplicantOrganisation]) <= 1
        && distinct(&[ChannelInPerson, ChannelPost, ChannelOnline]) <= 1
}
