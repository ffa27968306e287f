//! The dossier ("hồ sơ thủ tục hành chính").

use serde::{Deserialize, Serialize};

use super::{
    input, Agency, Applicant, Attachment, Event, Extensions, InputError, Representative, Timestamp,
};

/// How a dossier is submitted or its result returned (Decree 61/2018 Art. 16; Decree 118/2025
/// Art. 15); national code `KenhThucHien` 1, 3, 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// In person at the one-stop shop ("trực tiếp").
    InPerson,
    /// Through the public postal service ("qua dịch vụ bưu chính công ích").
    Post,
    /// Online, through the National Public Service Portal or a ministry/provincial portal.
    Online,
}

/// A dossier: the applicant's request under one procedure, with its files and history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// Dossier code ("mã hồ sơ", Decree 61/2018 Art. 26; Circular 03/2025 Art. 13), assigned at
    /// receipt; absent before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// National procedure code of the procedure the dossier is filed under, e.g. `1.000894`.
    pub procedure_code: String,
    /// The one-stop shop that receives the dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving_agency: Option<Agency>,
    /// The agency competent to decide (differs from the receiving one under Decree 118/2025
    /// Art. 14(2), province-wide receipt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_agency: Option<Agency>,
    /// How the dossier was submitted.
    pub channel: Channel,
    /// When it was submitted.
    pub submitted_at: Timestamp,
    /// Where the applicant registered to receive the result (Mẫu 01 "Đăng ký nhận kết quả tại").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_channel: Option<Channel>,
    /// The applicant.
    pub applicant: Applicant,
    /// The person acting for the applicant, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<Representative>,
    /// Files of the dossier.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// History, in the order recorded.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Vendor data, carried untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}

impl Dossier {
    /// Reads a dossier from JSON, at most [`super::MAX_INPUT_BYTES`] long.
    pub fn from_json(text: &str) -> Result<Self, InputError> {
        input::parse(text)
    }
}
