//! Replaying a JSON Lines log: one [`LogEvent`] per line, dossiers interleaved, each folded through
//! [`step`]; per dossier its final state, timeline, due date and timeliness.
//!
//! Input is bounded: [`MAX_LINE_BYTES`] per line, [`MAX_EVENTS`] events and [`MAX_DOSSIERS`]
//! dossiers per log, each past limit a typed [`ReplayError`].

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::machine::{self, RuleSet, State};
use super::national::{status_of, NationalStatus};
use super::step::{step, DossierState, LogEvent};
use super::Role;
use crate::calendar::due::{self, LocalTime, Policy};
use crate::model::{input, Channel, EventType, FormRef, InputError, Timestamp};
use crate::{Diagnostic, Finding};

/// Longest line accepted: 64 KiB (an event is a few hundred bytes; notes and extensions fit).
pub const MAX_LINE_BYTES: usize = 64 * 1024;
/// Most events in one log: one million.
pub const MAX_EVENTS: usize = 1_000_000;
/// Most dossiers in one log: one hundred thousand.
pub const MAX_DOSSIERS: usize = 100_000;

/// Why a log cannot be replayed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    /// A line is longer than [`MAX_LINE_BYTES`].
    #[error("line {line} is longer than {limit} bytes")]
    LineTooLong {
        /// The line, from 1.
        line: usize,
        /// The limit.
        limit: usize,
    },
    /// More than [`MAX_EVENTS`] events.
    #[error("the log holds more than {limit} events")]
    TooManyEvents {
        /// The limit.
        limit: usize,
    },
    /// More than [`MAX_DOSSIERS`] dossiers.
    #[error("the log holds more than {limit} dossiers")]
    TooManyDossiers {
        /// The limit.
        limit: usize,
    },
    /// A line is not a log event.
    #[error("line {line}: {error}")]
    Line {
        /// The line, from 1.
        line: usize,
        /// What is wrong with it (`input.*` codes, the pointer within the line).
        error: InputError,
    },
}

impl Diagnostic for ReplayError {
    fn code(&self) -> &'static str {
        match self {
            Self::LineTooLong { .. } => "lifecycle.line_too_long",
            Self::TooManyEvents { .. } => "lifecycle.too_many_events",
            Self::TooManyDossiers { .. } => "lifecycle.too_many_dossiers",
            Self::Line { error, .. } => error.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::LineTooLong { line, limit } => {
                vec![("line", line.to_string()), ("limit", limit.to_string())]
            }
            Self::TooManyEvents { limit } | Self::TooManyDossiers { limit } => {
                vec![("limit", limit.to_string())]
            }
            Self::Line { error, .. } => error.args(),
        }
    }
}

impl ReplayError {
    /// The line concerned, from 1, when the error is about one line.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::LineTooLong { line, .. } | Self::Line { line, .. } => Some(*line),
            Self::TooManyEvents { .. } | Self::TooManyDossiers { .. } => None,
        }
    }

    /// This error as a [`Finding`]; the pointer is within the line.
    pub fn to_finding(&self) -> Finding {
        match self {
            Self::Line { error, .. } => error.to_finding(),
            _ => Diagnostic::to_finding(self, ""),
        }
    }
}

/// Whether processing ended before, on or after the due date (Circular 01/2018 Mẫu 05 column
/// "Trước hạn / Đúng hạn / Quá hạn").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Timeliness {
    /// Finished on a day before the due date ("trước hạn").
    Early,
    /// Finished on the due date, not after the due time ("đúng hạn").
    OnTime,
    /// Finished after the due time ("quá hạn").
    Late,
    /// Received and not finished at the end of the log.
    Pending,
    /// Never received, or stopped: no time limit to judge.
    NotApplicable,
}

/// One event of a dossier's timeline, accepted or refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimelineEntry {
    /// The log line, from 1.
    pub line: usize,
    /// The event.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// When.
    pub at: Timestamp,
    /// Who sent it.
    pub actor: Role,
    /// The state before.
    pub from: State,
    /// The state after; `None` when refused.
    pub to: Option<State>,
    /// The rule version it was judged by.
    pub rules: Option<RuleSet>,
    /// The article of the transition taken, or of the rule that refused it.
    pub article: &'static str,
    /// The form the step produced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    /// Why it was refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection: Option<Finding>,
}

/// A replayed dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DossierReplay {
    /// The dossier, as named in the log.
    pub dossier: String,
    /// The rule version it is judged by.
    pub rules: Option<RuleSet>,
    /// Its final state.
    pub state: State,
    /// Whether that state is terminal.
    pub terminal: bool,
    /// The state as a National Public Service Portal status code; absent before submission.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub national_status: Option<NationalStatus>,
    /// How it was submitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// The procedure's national code, as last given on submission or receipt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    /// The receiving agency's code, as last given on submission or receipt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// When it was received.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received_at: Option<Timestamp>,
    /// The due time computed by the calendar, with restarts, pauses and the apology's new
    /// appointment, in Vietnam's time (UTC+07:00); absent before receipt and while waiting
    /// for a supplement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
    /// Whether an apology slip moved the due date.
    pub extended: bool,
    /// End of processing (result or refusal ready, or stopped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<Timestamp>,
    /// Early, on time or late.
    pub timeliness: Timeliness,
    /// The result is ready and was not handed over by the end of the log.
    pub uncollected: bool,
    /// Number of refused events.
    pub rejected: usize,
    /// Every event, in log order.
    pub timeline: Vec<TimelineEntry>,
}

/// The replay of a log: its dossiers in order of first appearance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Replay {
    /// The dossiers.
    pub dossiers: Vec<DossierReplay>,
}

/// Replays a JSON Lines `log` (blank lines allowed), counting time with `policy`.
pub fn replay(log: &str, policy: &Policy) -> Result<Replay, ReplayError> {
    let mut dossiers = Dossiers::default();
    for item in lines::<LogEvent>(log) {
        let (line, event) = item?;
        let (state, out) = dossiers.get(&event.dossier, || {
            (DossierState::default(), empty(&event.dossier))
        })?;
        let entry = match step(state, &event, policy) {
            Ok(stepped) => {
                let entry = TimelineEntry {
                    line,
                    kind: event.kind,
                    at: event.at,
                    actor: event.actor,
                    from: state.state,
                    to: Some(stepped.dossier.state),
                    rules: Some(stepped.rules),
                    article: &stepped.transition.article,
                    form: stepped.form,
                    rejection: None,
                };
                *state = stepped.dossier;
                if event.procedure.is_some() {
                    out.procedure = event.procedure.clone();
                }
                if event.agency.is_some() {
                    out.agency = event.agency.clone();
                }
                entry
            }
            Err(rejection) => {
                out.rejected += 1;
                TimelineEntry {
                    line,
                    kind: event.kind,
                    at: event.at,
                    actor: event.actor,
                    from: state.state,
                    to: None,
                    rules: rejection.rules,
                    article: rejection.article(),
                    form: None,
                    rejection: Some(rejection.to_finding()),
                }
            }
        };
        out.timeline.push(entry);
    }
    Ok(Replay {
        dossiers: dossiers
            .items
            .into_iter()
            .map(|(state, out)| finish(state, out, policy))
            .collect(),
    })
}

/// The non-blank lines of a JSON Lines log, each read as a `T` with its line number (from 1);
/// a line past [`MAX_LINE_BYTES`], an event past [`MAX_EVENTS`] or a line that is not a `T` ends
/// the log with its error.
pub(super) fn lines<T: DeserializeOwned>(
    log: &str,
) -> impl Iterator<Item = Result<(usize, T), ReplayError>> + '_ {
    let mut events = 0usize;
    log.lines()
        .enumerate()
        .filter(|(_, text)| text.len() > MAX_LINE_BYTES || !text.trim().is_empty())
        .map(move |(i, text)| {
            let line = i + 1;
            if text.len() > MAX_LINE_BYTES {
                return Err(ReplayError::LineTooLong {
                    line,
                    limit: MAX_LINE_BYTES,
                });
            }
            events += 1;
            if events > MAX_EVENTS {
                return Err(ReplayError::TooManyEvents { limit: MAX_EVENTS });
            }
            let value = input::parse(text).map_err(|error| ReplayError::Line { line, error })?;
            Ok((line, value))
        })
}

/// The dossiers of a log in order of first appearance, at most [`MAX_DOSSIERS`].
pub(super) struct Dossiers<V> {
    index: HashMap<String, usize>,
    /// The dossiers' values, in order of first appearance.
    pub(super) items: Vec<V>,
}

impl<V> Default for Dossiers<V> {
    fn default() -> Self {
        Self {
            index: HashMap::new(),
            items: Vec::new(),
        }
    }
}

impl<V> Dossiers<V> {
    /// The value of dossier `name`, made by `new` the first time.
    pub(super) fn get(
        &mut self,
        name: &str,
        new: impl FnOnce() -> V,
    ) -> Result<&mut V, ReplayError> {
        let slot = match self.index.get(name) {
            Some(&slot) => slot,
            None => {
                if self.items.len() == MAX_DOSSIERS {
                    return Err(ReplayError::TooManyDossiers {
                        limit: MAX_DOSSIERS,
                    });
                }
                self.index.insert(name.to_owned(), self.items.len());
                self.items.push(new());
                self.items.len() - 1
            }
        };
        Ok(&mut self.items[slot])
    }
}

/// A replay with nothing yet.
fn empty(dossier: &str) -> DossierReplay {
    DossierReplay {
        dossier: dossier.to_owned(),
        rules: None,
        state: State::New,
        terminal: false,
        national_status: None,
        channel: None,
        procedure: None,
        agency: None,
        received_at: None,
        due: None,
        extended: false,
        finished_at: None,
        timeliness: Timeliness::NotApplicable,
        uncollected: false,
        rejected: 0,
        timeline: Vec::new(),
    }
}

/// The final state, due date and timeliness of a replayed dossier.
fn finish(state: DossierState, mut out: DossierReplay, policy: &Policy) -> DossierReplay {
    let due = state
        .clock
        .as_ref()
        .and_then(|clock| due::due_time(clock, policy).ok())
        .flatten();
    out.rules = state.rules;
    out.state = state.state;
    out.terminal = state
        .rules
        .is_some_and(|r| machine::rules(r).is_terminal(state.state));
    out.national_status = status_of(state.state);
    out.channel = state.channel;
    out.received_at = state.received_at;
    out.due = due.and_then(timestamp);
    out.extended = state.clock.as_ref().is_some_and(|c| c.extension.is_some());
    out.finished_at = state.finished_at;
    out.uncollected = state.state == State::ResultReady;
    out.timeliness = match (state.state, state.received_at, state.finished_at, due) {
        (_, None, _, _) | (State::Stopped, ..) => Timeliness::NotApplicable,
        (_, Some(_), None, _) => Timeliness::Pending,
        (_, Some(_), Some(end), Some(due)) => match LocalTime::from_timestamp(&end) {
            Ok(end) if end.date < due.date => Timeliness::Early,
            Ok(end) if end <= due => Timeliness::OnTime,
            _ => Timeliness::Late,
        },
        (_, Some(_), Some(_), None) => Timeliness::Pending,
    };
    out
}

/// A Vietnamese local time as an RFC 3339 timestamp at +07:00.
fn timestamp(t: LocalTime) -> Option<Timestamp> {
    t.to_string().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../../../examples/lifecycle-log.jsonl");

    fn at(text: &str) -> Option<Timestamp> {
        text.parse().ok()
    }

    #[test]
    fn the_bundled_example_replays_as_worked_out_by_hand() {
        let replay = replay(EXAMPLE, &Policy::default()).expect("the example replays");
        let [first, second, third] = &replay.dossiers[..] else {
            panic!("three dossiers, got {}", replay.dossiers.len())
        };
        // Received Mon 16/6/2025 (Decree 61/2018), 5 working days from Tue 17: due Mon 23/6.
        assert_eq!(first.rules, Some(RuleSet::Decree61_2018));
        assert_eq!((first.state, first.terminal), (State::Returned, true));
        assert_eq!(first.due, at("2025-06-23T17:00:00+07:00"));
        assert_eq!(first.timeliness, Timeliness::Early);
        assert_eq!(first.timeline[1].form.map(|f| f.number), Some(1));
        // Decree 118/2025: the limit of 3 working days restarts on the supplement of Tue 8/7
        // (due Fri 11/7), the apology of Thu 10/7 moves it to Wed 16/7, a second is refused.
        assert_eq!(second.rules, Some(RuleSet::Decree118_2025));
        assert_eq!(second.state, State::ResultReady);
        assert!(second.uncollected && second.extended);
        assert_eq!(second.due, at("2025-07-16T17:00:00+07:00"));
        assert_eq!(second.timeliness, Timeliness::OnTime);
        assert_eq!(second.rejected, 1);
        let refused = second.timeline.iter().find(|e| e.rejection.is_some());
        assert_eq!(
            refused
                .and_then(|e| e.rejection.as_ref())
                .map(|f| f.code.as_str()),
            Some("lifecycle.apology_repeated")
        );
        // Refused at receipt: closed, nothing after it is accepted.
        assert_eq!(
            (third.state, third.timeliness),
            (State::Refused, Timeliness::NotApplicable)
        );
        assert_eq!(
            third.timeline[2]
                .rejection
                .as_ref()
                .map(|f| f.code.as_str()),
            Some("lifecycle.terminal")
        );
    }

    #[test]
    fn a_restart_after_an_apology_counts_the_limit_again() {
        // Decree 118/2025 (no 03-day window): received Mon 6/10/2025, 5 working days (due Mon
        // 13/10); apology Wed 8/10 to Fri 17/10; supplement asked Thu 9/10 and supplied Mon
        // 13/10: the limit restarts, Tue 14 ... Mon 20/10; the apology's date no longer applies.
        let log = [
            r#"{"dossier":"A","type":"submitted","at":"2025-10-06T08:00:00+07:00","actor":"applicant","channel":"online"}"#,
            r#"{"dossier":"A","type":"received","at":"2025-10-06T08:30:00+07:00","actor":"one_stop","limit":{"unit":"working_days","value":5}}"#,
            r#"{"dossier":"A","type":"transferred","at":"2025-10-06T09:00:00+07:00","actor":"one_stop"}"#,
            r#"{"dossier":"A","type":"apology_issued","at":"2025-10-08T09:00:00+07:00","actor":"agency","due_at":"2025-10-17T17:00:00+07:00"}"#,
            r#"{"dossier":"A","type":"supplement_requested","at":"2025-10-09T09:00:00+07:00","actor":"agency"}"#,
            r#"{"dossier":"A","type":"supplemented","at":"2025-10-13T09:00:00+07:00","actor":"applicant"}"#,
            r#"{"dossier":"A","type":"apology_issued","at":"2025-10-15T09:00:00+07:00","actor":"agency","due_at":"2025-10-24T17:00:00+07:00"}"#,
        ]
        .join("\n");
        let replay = replay(&log, &Policy::default()).expect("replays");
        let d = &replay.dossiers[0];
        assert_eq!(d.due, at("2025-10-20T17:00:00+07:00"));
        assert!(!d.extended);
        assert_eq!(
            d.timeline[6].rejection.as_ref().map(|f| f.code.as_str()),
            Some("lifecycle.apology_repeated")
        );
    }

    #[test]
    fn limits_are_typed_errors() {
        let long = "x".repeat(MAX_LINE_BYTES + 1);
        assert_eq!(
            replay(&long, &Policy::default()),
            Err(ReplayError::LineTooLong {
                line: 1,
                limit: MAX_LINE_BYTES
            })
        );
        let e = replay("\n{\"dossier\":1}", &Policy::default()).unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert_eq!(e.to_finding().code, "input.json_shape");
        assert_eq!(e.to_finding().path, "/dossier");
    }
}
