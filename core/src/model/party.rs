//! The parties to a dossier: the applicant, the person acting for them, and the agencies.

use serde::{Deserialize, Serialize};

use super::Extensions;
use crate::ids::Sex;
use crate::Date;

/// Who the applicant is (Decree 61/2018 Art. 3 and Decree 118/2025 Art. 2: "tổ chức, cá nhân").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApplicantKind {
    /// A natural person ("công dân", "cá nhân"), identified by the personal ID.
    Citizen,
    /// An organisation ("tổ chức": enterprise, agency, association), identified by the tax code.
    Organisation,
}

/// The applicant ("chủ hồ sơ"): the person or organisation whose request the dossier is.
///
/// One flat record for both kinds, so that a field filled for the wrong kind, or missing for the
/// right one, is a finding at its own JSON pointer rather than an unreadable document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Applicant {
    /// Citizen or organisation.
    pub kind: ApplicantKind,
    /// Full name of the person, or name of the organisation.
    pub name: String,
    /// 12-digit personal identification number ("số định danh cá nhân"), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_id: Option<String>,
    /// Old 9-digit identity card number ("CMND"), as written; historic dossiers only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_id: Option<String>,
    /// Tax code ("mã số thuế"), as written; required for an organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_code: Option<String>,
    /// Date of birth (citizens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<Date>,
    /// Declared sex (citizens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Phone number, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Postal address (residence or head office).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Vendor data, carried untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}

/// In what capacity a representative acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RepresentativeRole {
    /// Representative at law ("đại diện theo pháp luật"), e.g. the director of an enterprise or
    /// the parent of a child (Civil Code 2015 Arts. 136–137).
    Legal,
    /// Authorised person ("người được ủy quyền"), acting under a written authorisation
    /// (Civil Code 2015 Art. 138; Decree 61/2018 Art. 16 and Decree 118/2025 Art. 15(2):
    /// submission through an authorised person).
    Authorised,
}

/// The person who submits or acts for the applicant ("người nộp hồ sơ", "người đại diện").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Representative {
    /// Legal representative or authorised person.
    pub role: RepresentativeRole,
    /// Full name.
    pub name: String,
    /// 12-digit personal identification number, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_id: Option<String>,
    /// Old 9-digit identity card number, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_id: Option<String>,
    /// Date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<Date>,
    /// Declared sex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// Phone number, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Reference of the authorising document ("văn bản ủy quyền": number, date, issuer);
    /// required when `role` is `authorised` (Circular 03/2025/TT-VPCP, Mẫu 01).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorisation: Option<String>,
    /// Vendor data, carried untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}

/// An agency or unit: the one-stop shop that receives, or the agency competent to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Electronic identifier code of the agency (QCVN 102:2016/BTTTT), as written.
    pub code: String,
    /// Name of the agency.
    pub name: String,
}
