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
//!
//! # Example
//!
//! ```
//! use motcua_core::calendar::due::Step;
//! use motcua_core::calendar::request::due_json;
//!
//! // Three working hours from 10:30, office hours 07:30-11:30 and 13:30-17:00: one hour before
//! // noon, two after, due at 15:30 the same day.
//! let due = due_json(
//!     r#"{"received": "2025-05-19T10:30:00+07:00", "limit": {"unit": "working_hours", "value": 3},
//!         "policy": {"office_hours": "07:30-11:30,13:30-17:00", "cutoff": 900}}"#,
//! )?;
//! assert_eq!(due.due.map(|t| t.to_string()).as_deref(), Some("2025-05-19T15:30:00+07:00"));
//!
//! // Received at 16:30, after a 15:00 cut-off: counting starts on the next working day.
//! let late = due_json(
//!     r#"{"received": "2025-05-19T16:30:00+07:00", "limit": {"unit": "working_days", "value": 3},
//!         "policy": {"cutoff": 900}}"#,
//! )?;
//! assert!(matches!(late.steps[1], Step::ReceivedAfterCutoff { .. }));
//! assert_eq!(late.due.map(|t| t.to_string()).as_deref(), Some("2025-05-23T17:00:00+07:00"));
//!
//! // While a supplement is awaited the clock stands still: no due time.
//! let waiting = due_json(
//!     r#"{"received": "2025-05-19T09:00:00+07:00", "limit": {"unit": "working_days", "value": 3},
//!         "supplements": [{"requested": "2025-05-20T09:00:00+07:00", "supplied": null}]}"#,
//! )?;
//! assert_eq!(waiting.due, None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Deserialize;

use crate::calendar::due::{self, Clock, Due, DueError, Limit, OfficeHours, Policy};
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
    pub policy: Policy,
    /// Supplement requests during processing (Decree 61/2018/NĐ-CP Art. 19(4)), in order.
    #[serde(default)]
    pub supplements: Vec<SupplementRequest>,
    /// The new appointment of the apology slip (Art. 19(9)), when one was issued.
    #[serde(default)]
    pub extension: Option<Timestamp>,
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

/// The JSON pointer of the office hours in a request.
const OFFICE_HOURS: &str = "/policy/office_hours";

/// Why a due-date request has no answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// The text is not a due-date request (`input.*`, with the JSON pointer of the field).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The office hours of the policy are text that cannot be read as office hours
    /// (`due.office_hours`, `due.no_such_time`, at `/policy/office_hours`).
    #[error("{OFFICE_HOURS}: {0}")]
    OfficeHours(DueError),
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
            RequestError::OfficeHours(e) => e.to_finding(OFFICE_HOURS),
            RequestError::Due(e) => e.to_finding(""),
        }
    }
}

impl DueRequest {
    /// Reads a request from its JSON text (at most [`crate::model::MAX_INPUT_BYTES`]).
    ///
    /// Office hours that cannot be read are the calendar's own finding, as on the command line
    /// (`--office-hours`), at their pointer, rather than a shape error:
    /// [`RequestError::OfficeHours`].
    pub fn from_json(text: &str) -> Result<Self, RequestError> {
        crate::model::input::parse(text).map_err(|e| {
            match office_hours_error(text, &e, OFFICE_HOURS) {
                Some(error) => RequestError::OfficeHours(error),
                None => e.into(),
            }
        })
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
        due::due(&self.clock()?, &self.policy)
    }
}

/// The calendar's own error for the office hours at `pointer` of `text`, when `error` is about
/// them and they are text that cannot be read as office hours (rather than a shape error).
fn office_hours_error(text: &str, error: &InputError, pointer: &str) -> Option<DueError> {
    if error.path() != pointer {
        return None;
    }
    // Read the text again for the typed error; only a string reaches `FromStr`.
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value
        .pointer(pointer)?
        .as_str()?
        .parse::<OfficeHours>()
        .err()
}

/// The JSON pointer of the office hours in a policy alone.
const POLICY_OFFICE_HOURS: &str = "/office_hours";

/// Why a policy given alone cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// The text is not a policy (`input.*`, with the JSON pointer of the field).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The office hours are text that cannot be read as office hours (`due.office_hours`,
    /// `due.no_such_time`, at `/office_hours`).
    #[error("{POLICY_OFFICE_HOURS}: {0}")]
    OfficeHours(DueError),
}

impl PolicyError {
    /// This error as a [`Finding`], with the path of the offending field.
    pub fn to_finding(&self) -> Finding {
        match self {
            PolicyError::Input(e) => e.to_finding(),
            PolicyError::OfficeHours(e) => e.to_finding(POLICY_OFFICE_HOURS),
        }
    }
}

impl Policy {
    /// Reads a policy given alone (the policy argument of the lifecycle's replay, indicators and
    /// step on every surface): the document a [`DueRequest`]'s `policy` is, every field
    /// optional; office hours that cannot be read are the calendar's own finding at
    /// `/office_hours`, as in a request.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        crate::model::input::parse(text).map_err(|e| {
            match office_hours_error(text, &e, POLICY_OFFICE_HOURS) {
                Some(error) => PolicyError::OfficeHours(error),
                None => e.into(),
            }
        })
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
        assert_eq!(
            serde_json::to_value(&due).unwrap()["due"],
            "2025-04-29T17:00:00+07:00"
        );
        let saturday = due_json(
            r#"{"received":"2025-05-09T10:00:00+07:00","limit":{"unit":"working_days","value":1},
                "policy":{"working_weekdays":[true,true,true,true,true,true,false]}}"#,
        )
        .unwrap();
        assert_eq!(saturday.due.unwrap().date.to_string(), "2025-05-10");
    }

    #[test]
    fn a_policy_alone_reads_as_in_a_request() {
        assert_eq!(Policy::from_json("{}"), Ok(Policy::default()));
        let policy = Policy::from_json(r#"{"cutoff": 900, "counting": "hours"}"#).unwrap();
        assert_eq!(
            (policy.cutoff, policy.counting),
            (Some(900), due::Counting::Hours)
        );
        let f = Policy::from_json(r#"{"office_hours": "17:00-08:00"}"#)
            .unwrap_err()
            .to_finding();
        assert_eq!(
            (f.code.as_str(), f.path.as_str()),
            ("due.office_hours", "/office_hours")
        );
        let f = Policy::from_json(r#"{"cut_off": 900}"#)
            .unwrap_err()
            .to_finding();
        assert_eq!(f.code, "input.json_shape");
    }

    /// The policy a result echoes is a policy a request reads (the CLI's `calendar due --json`).
    #[test]
    fn a_policy_echoed_is_a_request_again() {
        let text = r#"{"received":"2025-05-19T10:30:00+07:00","limit":{"unit":"working_hours","value":3},
            "policy":{"office_hours":"07:30-11:30,13:30-17:00","cutoff":900}}"#;
        let request = DueRequest::from_json(text).unwrap();
        let echoed = serde_json::to_string(&request.policy).unwrap();
        let again = format!(
            r#"{{"received":"2025-05-19T10:30:00+07:00","limit":{{"unit":"working_hours","value":3}},"policy":{echoed}}}"#
        );
        assert_eq!(DueRequest::from_json(&again).unwrap(), request);
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
            ("due.office_hours".into(), "/policy/office_hours".into())
        );
        assert_eq!(
            code(&format!(
                r#"{{"received":"2025-04-25T10:00:00Z",{limit},"policy":{{"office_hours":"08:00-12:60"}}}}"#
            )),
            ("due.no_such_time".into(), "/policy/office_hours".into())
        );
        assert_eq!(
            code(&format!(
                r#"{{"received":"2025-04-25T10:00:00Z",{limit},"policy":{{"office_hours":[480,720]}}}}"#
            )),
            ("input.json_shape".into(), "/policy/office_hours".into())
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
