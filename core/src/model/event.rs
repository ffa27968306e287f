//! Lifecycle events of a dossier, with the forms that record them.

use serde::{Deserialize, Serialize};

use super::{Extensions, Timestamp};

/// What happened to a dossier.
///
/// The steps of Decree 61/2018 Arts. 17–20 (dossiers received until 30/6/2025) and of Decree
/// 118/2025 Arts. 17–22 (from 01/7/2025); the national status each one leads to is listed in
/// `spec/model.md` (status codes of the National Public Service Portal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// The applicant submitted the dossier (online: national status 1 "Mới đăng ký").
    Submitted,
    /// The one-stop shop accepted it and issued the receipt and appointment (Mẫu 01).
    Received,
    /// The one-stop shop refused it (Mẫu 03).
    Refused,
    /// Supplement requested, at receipt or after appraisal (Mẫu 02).
    SupplementRequested,
    /// The applicant supplied the supplement.
    Supplemented,
    /// Transferred to the competent agency (Decree 61/2018 Art. 18; Decree 118/2025 Art. 18).
    Transferred,
    /// Sent to co-ordinating agencies for an inter-agency procedure ("liên thông"), with the
    /// transfer slip stating each agency's part and time limit (Decree 61/2018 Art. 19(5)–(7);
    /// Decree 118/2025 Art. 20).
    InterAgencySent,
    /// A co-ordinating agency returned its part to the lead agency (same articles).
    InterAgencyReturned,
    /// Handed over between officers or agencies, one row of the control slip
    /// (Mẫu 05 of Circular 01/2018; Mẫu 06 of Circular 03/2025).
    HandedOver,
    /// Financial obligations (fees, charges, taxes) requested.
    PaymentRequested,
    /// Financial obligations paid.
    Paid,
    /// Late: apology and new appointment (Mẫu 04; Decree 61/2018 Art. 19(9)).
    ApologyIssued,
    /// The applicant asked to withdraw or stop (Decree 118/2025 Art. 21).
    WithdrawalRequested,
    /// Processing stopped (Circular 03/2025 Mẫu 05 "Thông báo dừng giải quyết hồ sơ").
    Stopped,
    /// Processing finished, result ready (national status 9).
    Processed,
    /// Result handed to the applicant (Decree 61/2018 Art. 20; national status 10).
    ResultReturned,
}

impl EventType {
    /// Every event type, in the order of the steps.
    pub const ALL: [EventType; 16] = [
        Self::Submitted,
        Self::Received,
        Self::Refused,
        Self::SupplementRequested,
        Self::Supplemented,
        Self::Transferred,
        Self::InterAgencySent,
        Self::InterAgencyReturned,
        Self::HandedOver,
        Self::PaymentRequested,
        Self::Paid,
        Self::ApologyIssued,
        Self::WithdrawalRequested,
        Self::Stopped,
        Self::Processed,
        Self::ResultReturned,
    ];
}

/// The circular whose forms an event cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Circular {
    /// Circular 01/2018/TT-VPCP, Art. 9: Mẫu 01–06 (dossiers under Decree 61/2018).
    #[serde(rename = "01/2018/TT-VPCP")]
    Tt01_2018,
    /// Circular 03/2025/TT-VPCP, Phụ lục I: Mẫu 01–07 (dossiers under Decree 118/2025).
    #[serde(rename = "03/2025/TT-VPCP")]
    Tt03_2025,
}

impl Circular {
    /// Number of forms the circular defines.
    pub const fn form_count(self) -> u8 {
        match self {
            Self::Tt01_2018 => 6,
            Self::Tt03_2025 => 7,
        }
    }

    /// The form this circular prescribes for `event`, if any.
    ///
    /// Circular 01/2018 Art. 9: 01 receipt, 02 supplement, 03 refusal, 04 apology, 05 control
    /// slip, 06 register. Circular 03/2025 Phụ lục I: 01 receipt, 02 supplement, 03 refusal,
    /// 04 apology and extension, 05 stop notice, 06 control slip, 07 register (numbers 04 and
    /// 05 are UNCONFIRMED, see `spec/model.md`).
    pub const fn prescribed_form(self, event: EventType) -> Option<u8> {
        match (self, event) {
            (_, EventType::Received) => Some(1),
            (_, EventType::SupplementRequested) => Some(2),
            (_, EventType::Refused) => Some(3),
            (_, EventType::ApologyIssued) => Some(4),
            (Self::Tt01_2018, EventType::HandedOver) => Some(5),
            (Self::Tt03_2025, EventType::Stopped) => Some(5),
            (Self::Tt03_2025, EventType::HandedOver) => Some(6),
            _ => None,
        }
    }
}

/// A form ("mẫu") of one of the circulars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormRef {
    /// The circular.
    pub circular: Circular,
    /// The form's number in it ("Mẫu số 01" is 1).
    pub number: u8,
}

/// One step in the life of a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// What happened.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// When, with the offset of the clock that recorded it.
    pub at: Timestamp,
    /// Who did it (officer, agency or system), free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// The form issued for this step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    /// Appointment for the result: on `received` the date on Mẫu 01, on `apology_issued` the new
    /// date (at most one re-appointment, Decree 61/2018 Art. 19(9)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<Timestamp>,
    /// Reason or remark (reason for refusal, supplement, delay).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Vendor data, carried untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}
