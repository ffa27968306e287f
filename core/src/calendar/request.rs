//! The due-date request as JSON: what the C, WebAssembly and CLI surfaces pass to
//! [`due`](crate::calendar::due::due), so that every surface reads the same document the same way.
//!
//! ```json
//! {"received": "2025-04-25T09:00:00+07:00",
//!  "limit": {"unit": "working_days", "value": 3},
//!  "policy": {"cutoff": 900, "counting": "dates", "supplement": "restart",
//!             "working_weekdays": [true, true, true, true, true, false, false],
//!             "office_hours": "08:00-12:00,13:00-17:00"},
//!  "supplements": [{"requested": "2025-04-28T09:00:00+07:00", "supplied": null}],
//!  "extension": null}
//! ```
//!
//! Times are RFC 3339 with their offset and are counted in Vietnamese time (UTC+07:00,
//! calendar.md §1); every field but `received` and `limit` may be left out for its default.
//! Unknown fields are refused, so that a misspelt setting is never silently ignored. This is also
//! the form of a case of the `due` section of `spec/vectors/calendar.json`, without its `name`
//! and its expectation (`due` or `error`).

use serde::Deserialize;

use crate::calendar::due::{
    self, Clock, Counting, Due, DueError, Limit, OfficeHours, Policy, SupplementRule,
};
use crate::calendar::schedule::Schedule;
use crate::model::{InputError, Timestamp};
use crate::{Diagnostic, Finding};

/// A request for the due time of a dossier: its receipt, the procedure's time limit, the
/// agency's counting policy, and what happened since (supplement requests, the apology slip).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DueRequest {
    /// When the dossier was received (accepted), RFC 3339 with its offset.
    pub received: Timestamp,
    /// The procedure's time limit ("Thời hạn giải quyết").
    pub limit: Limit,
    /// The agency's counting policy; each field left out takes its default.
    #[serde(default)]
    pub policy: PolicyRequest,
    /// Supplement requests during processing (Decree 61/2018/NĐ-CP Art. 19(4)), in order.
    #[serde(default)]
    pub supplements: Vec<SupplementRequest>,
    /// The new appointment of the apology slip (Art. 19(9)), when one was issued.
    #[serde(default)]
    pub extension: Option<Timestamp>,
}

/// The counting policy of a [`DueRequest`]: the agency's [`Policy`] as a request writes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PolicyRequest {
    /// Receipt after this minute of the day (0–1439; 15:00 = 900, 17:00 = 1020) counts from the
    /// next working day; `null` for no cut-off.
    pub cutoff: Option<u16>,
    /// Whether a limit in working days is counted by dates or as working hours.
    pub counting: Counting,
    /// What a supplement request does: restart the limit (the default) or pause it.
    pub supplement: SupplementRule,
    /// The working weekdays, Monday first; Monday to Friday when left out.
    pub working_weekdays: Option<[bool; 7]>,
    /// Office hours written `HH:MM-HH:MM,…` (e.g. `07:30-11:30,13:30-17:00`); 08:00–12:00 and
    /// 13:00–17:00 when left out.
    pub office_hours: Option<String>,
}

impl PolicyRequest {
    /// The policy: office hours that cannot be read are [`DueError::OfficeHours`] or
    /// [`DueError::NoSuchTime`], as [`OfficeHours`] reads them.
    pub fn policy(&self) -> Result<Policy, DueError> {
        Ok(Policy {
            schedule: self
                .working_weekdays
                .map_or_else(Schedule::default, |working_weekdays| Schedule {
                    working_weekdays,
                }),
            office_hours: match &self.office_hours {
                Some(text) => text.parse()?,
                None => OfficeHours::default(),
            },
            cutoff: self.cutoff,
            counting: self.counting,
            supplement: self.supplement,
        })
    }
}

/// A supplement request of a [`DueRequest`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupplementRequest {
    /// When the request for supplement was sent.
    pub requested: Timestamp,
    /// When the complete dossier came back; `null` (or left out) while waiting.
    #[serde(default)]
    pub supplied: Option<Timestamp>,
}

/// Why a due-date request has no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// The text is not a due-date request (`input.*`, with the JSON pointer of the field).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The request is readable but its due time cannot be computed (`due.*`, `working_days.*`,
    /// `holidays.*`, `lunar.*`).
    #[error(transparent)]
    Due(#[from] DueError),
}

impl RequestError {
    /// This error as a [`Finding`]; an input error carries the path of the offending field.
    pub fn to_finding(&self) -> Finding {
        match self {
            RequestError::Input(e) => e.to_finding(),
            RequestError::Due(e) => e.to_finding(""),
        }
    }
}

impl DueRequest {
    /// Reads a request from its JSON text (at most [`crate::model::MAX_INPUT_BYTES`]).
    pub fn from_json(text: &str) -> Result<Self, InputError> {
        crate::model::input::parse(text)
    }

    /// The dossier's clock in Vietnamese local time.
    pub fn clock(&self) -> Result<Clock, DueError> {
        let supplements: Vec<_> = self
            .supplements
            .iter()
            .map(|s| (s.requested, s.supplied))
            .collect();
        Clock::from_timestamps(
            &self.received,
            self.limit,
            &supplements,
            self.extension.as_ref(),
        )
    }

    /// The due time and its explanation ([`due::due`]).
    pub fn due(&self) -> Result<Due, DueError> {
        due::due(&self.clock()?, &self.policy.policy()?)
    }
}

/// The due time of the request `text` (a [`DueRequest`] as JSON), and how it was counted.
pub fn due_json(text: &str) -> Result<Due, RequestError> {
    Ok(DueRequest::from_json(text)?.due()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> (String, String) {
        let f = due_json(text).unwrap_err().to_finding();
        (f.code, f.path)
    }

    #[test]
    fn defaults_fill_what_is_left_out() {
        let due = due_json(
            r#"{"received":"2025-04-25T10:00:00+07:00","limit":{"unit":"working_days","value":3}}"#,
        )
        .unwrap();
        let at = due.due.unwrap();
        assert_eq!(
            (at.date.to_string(), at.minute),
            ("2025-04-29".into(), 1020)
        );
        let saturday = due_json(
            r#"{"received":"2025-05-09T10:00:00+07:00","limit":{"unit":"working_days","value":1},
                "policy":{"working_weekdays":[true,true,true,true,true,true,false]}}"#,
        )
        .unwrap();
        assert_eq!(saturday.due.unwrap().date.to_string(), "2025-05-10");
    }

    #[test]
    fn errors_are_findings_with_their_field() {
        let limit = r#""limit":{"unit":"working_days","value":3}"#;
        assert_eq!(
            code(&format!(r#"{{"received":"2025-04-25",{limit}}}"#)),
            ("input.json_shape".into(), "/received".into())
        );
        assert_eq!(
            code(&format!(
                r#"{{"received":"2025-04-25T10:00:00Z",{limit},"policy":{{"cut_off":900}}}}"#
            )),
            ("input.json_shape".into(), "/policy/cut_off".into())
        );
        assert_eq!(
            code(&format!(
                r#"{{"received":"2025-04-25T10:00:00Z",{limit},"policy":{{"office_hours":"12:00-08:00"}}}}"#
            )),
            ("due.office_hours".into(), "".into())
        );
        assert_eq!(code("{"), ("input.json_syntax".into(), "".into()));
        assert_eq!(
            code(
                r#"{"received":"2009-04-25T10:00:00Z","limit":{"unit":"working_days","value":3}}"#
            ),
            ("holidays.no_statute".into(), "".into())
        );
    }
}
