//! A dossier state read back from JSON: [`DossierState::from_json`] accepts only a dossier that
//! [`step`](super::step) could have produced, so that a vendor may keep a dossier as JSON between
//! events and apply the next one with the C or WebAssembly `lifecycle_step`.
//!
//! What is checked (`spec/lifecycle/README.md`, "A dossier state as JSON"):
//! - the shape: the state with what the clock and the counters say (received or not, finished or
//!   not, waiting for a supplement, an apology's appointment, each count of requests and slips)
//!   must be one that the transitions of the rule version reach from the initial state, the
//!   guards that count being honoured ([`reachable`], computed from the data);
//! - the rule version: the one in force on the day of receipt, before receipt on the day of the
//!   last event;
//! - the times: receipt, supplement requests and returns, end of processing, in the order the
//!   events happened and none after the last event; the clock starting at the receipt;
//! - the clock under the policy: the due time can be counted ([`due_time`]), an apology's
//!   appointment is after the due time it extends, every supplement request after appraisal
//!   came within the rule version's working days of receipt.
//!
//! When an apology slip was issued is not kept, so whether it came early enough before the due
//! date (Decree 118/2025 Art. 19(9)) cannot be checked again.

use std::collections::{BTreeSet, VecDeque};
use std::sync::OnceLock;

use serde::Deserialize;

use super::machine::{self, Effect, Guard, RuleSet, Rules, State};
use super::step::{notice_deadline, DossierState};
use crate::calendar::due::{self, Clock, DueError, LocalTime, Policy};
use crate::model::{input, Channel, InputError, Timestamp};
use crate::{Diagnostic, Finding};

/// Why a JSON text is not a dossier [`step`](super::step) could have produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    /// The text is not a dossier state (`input.*`, with the JSON pointer of the field).
    #[error(transparent)]
    Input(#[from] InputError),
    /// No sequence of events the rules allow leads to this state with these fields.
    #[error("no sequence of events leads to state {state:?} with these fields")]
    Unreachable {
        /// The state.
        state: State,
    },
    /// The rule version is not the one in force on the day of receipt (before receipt, on the
    /// day of the last event).
    #[error("the dossier is judged by {expected:?}, not {given:?}")]
    Rules {
        /// The version written.
        given: Option<RuleSet>,
        /// The version in force.
        expected: Option<RuleSet>,
    },
    /// A time is out of the order in which the events happened.
    #[error("{path}: out of the order of the events")]
    TimeOrder {
        /// The JSON pointer of the time.
        path: String,
    },
    /// The clock does not start at the receipt.
    #[error("the clock does not start at the time of receipt")]
    ClockStart,
    /// A supplement request after appraisal came later than the rules allow.
    #[error("{path}: the supplement request comes after {days} working days from receipt")]
    NoticeLate {
        /// The JSON pointer of the request.
        path: String,
        /// The working days the rules allow.
        days: u32,
    },
    /// The due time cannot be counted under the policy (`due.*`, `working_days.*`, ...).
    #[error(transparent)]
    Clock(#[from] DueError),
}

impl Diagnostic for StateError {
    fn code(&self) -> &'static str {
        match self {
            Self::Input(e) => e.code(),
            Self::Unreachable { .. } => "lifecycle.state_unreachable",
            Self::Rules { .. } => "lifecycle.state_rules",
            Self::TimeOrder { .. } => "lifecycle.state_time_order",
            Self::ClockStart => "lifecycle.state_clock_start",
            Self::NoticeLate { .. } => "lifecycle.supplement_notice_late",
            Self::Clock(e) => e.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        let version = |r: &Option<RuleSet>| r.as_ref().map_or("—".to_owned(), machine::name);
        match self {
            Self::Input(e) => e.args(),
            Self::Unreachable { state } => vec![("state", machine::name(state))],
            Self::Rules { given, expected } => {
                vec![("given", version(given)), ("expected", version(expected))]
            }
            Self::NoticeLate { days, .. } => vec![("n", days.to_string())],
            Self::Clock(e) => e.args(),
            Self::TimeOrder { path } => vec![("field", path.clone())],
            Self::ClockStart => Vec::new(),
        }
    }
}

impl StateError {
    /// The JSON pointer, within the dossier state, of the field concerned.
    pub fn path(&self) -> &str {
        match self {
            Self::Input(e) => e.path(),
            Self::Unreachable { .. } => "",
            Self::Rules { .. } => "/rules",
            Self::TimeOrder { path } | Self::NoticeLate { path, .. } => path,
            Self::ClockStart => "/clock/received",
            Self::Clock(_) => "/clock",
        }
    }

    /// This error as a [`Finding`] at [`StateError::path`].
    pub fn to_finding(&self) -> Finding {
        match self {
            Self::Input(e) => e.to_finding(),
            _ => Diagnostic::to_finding(self, self.path()),
        }
    }
}

/// A dossier state as written ([`DossierState`]'s `Serialize`); every field but `state` may be
/// left out for its value in a new dossier.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    #[serde(default)]
    rules: Option<RuleSet>,
    state: State,
    #[serde(default)]
    channel: Option<Channel>,
    #[serde(default)]
    last_at: Option<Timestamp>,
    #[serde(default)]
    received_at: Option<Timestamp>,
    #[serde(default)]
    clock: Option<Clock>,
    #[serde(default)]
    supplements_at_receipt: u32,
    #[serde(default)]
    supplements_in_processing: u32,
    #[serde(default)]
    apologies: u32,
    #[serde(default)]
    finished_at: Option<Timestamp>,
}

impl DossierState {
    /// Reads a dossier state from the JSON it is written as (at most
    /// [`crate::model::MAX_INPUT_BYTES`]) and checks, under `policy`, that [`step`](super::step)
    /// could have produced it (the module's documentation lists what is checked).
    pub fn from_json(text: &str, policy: &Policy) -> Result<Self, StateError> {
        let w: Written = input::parse(text)?;
        let state = DossierState {
            rules: w.rules,
            state: w.state,
            channel: w.channel,
            last_at: w.last_at,
            received_at: w.received_at,
            clock: w.clock,
            supplements_at_receipt: w.supplements_at_receipt,
            supplements_in_processing: w.supplements_in_processing,
            apologies: w.apologies,
            finished_at: w.finished_at,
        };
        state.check(policy)?;
        Ok(state)
    }

    /// Checks that [`step`](super::step) could have produced this dossier under `policy`.
    pub fn check(&self, policy: &Policy) -> Result<(), StateError> {
        let expected = self.expected_rules()?;
        if self.rules != expected.map(|r| r.id) {
            return Err(StateError::Rules {
                given: self.rules,
                expected: expected.map(|r| r.id),
            });
        }
        let unreachable = StateError::Unreachable { state: self.state };
        let Some(rules) = expected else {
            // No event yet: the dossier as created.
            return match *self == DossierState::default() {
                true => Ok(()),
                false => Err(unreachable),
            };
        };
        let shape = Shape::of(self).ok_or(StateError::Unreachable { state: self.state })?;
        if !reachable(rules.id).contains(&shape) {
            return Err(unreachable);
        }
        self.check_times()?;
        if let Some(clock) = &self.clock {
            due::due_time(clock, policy)?;
            self.check_notices(rules, clock, policy)?;
        }
        Ok(())
    }

    /// The rule version in force for this dossier: on the day of receipt, before receipt on the
    /// day of the last event; `None` before any event.
    fn expected_rules(&self) -> Result<Option<&'static Rules>, StateError> {
        let Some(day) = self.received_at.or(self.last_at) else {
            return Ok(None);
        };
        let date = LocalTime::from_timestamp(&day)?.date;
        Ok(Some(machine::rules_on(date).ok_or(StateError::Rules {
            given: self.rules,
            expected: None,
        })?))
    }

    /// The times in the order the events happened, none after the last event.
    fn check_times(&self) -> Result<(), StateError> {
        let out_of_order = |path: &str| StateError::TimeOrder {
            path: path.to_owned(),
        };
        let last = self.last_at.ok_or_else(|| out_of_order("/last_at"))?;
        let last = LocalTime::from_timestamp(&last)?;
        let local = |t: Option<Timestamp>| t.as_ref().map(LocalTime::from_timestamp).transpose();
        let received = local(self.received_at)?;
        let finished = local(self.finished_at)?;
        if received.is_some_and(|r| r > last) {
            return Err(out_of_order("/received_at"));
        }
        if finished.is_some_and(|f| f > last || received.is_some_and(|r| f < r)) {
            return Err(out_of_order("/finished_at"));
        }
        let Some(clock) = &self.clock else {
            return Ok(());
        };
        if Some(clock.received) != received {
            return Err(StateError::ClockStart);
        }
        // Each request after the previous return, each return after its request, all before
        // the end of processing and the last event.
        let end = finished.unwrap_or(last).min(last);
        let mut previous = clock.received;
        for (i, s) in clock.supplements.iter().enumerate() {
            let times = [("requested", Some(s.requested)), ("supplied", s.supplied)];
            for (field, time) in times {
                let Some(time) = time else { continue };
                if time < previous || time > end {
                    return Err(out_of_order(&format!("/clock/supplements/{i}/{field}")));
                }
                previous = time;
            }
        }
        Ok(())
    }

    /// Every supplement request after appraisal within the working days the rules allow.
    fn check_notices(
        &self,
        rules: &Rules,
        clock: &Clock,
        policy: &Policy,
    ) -> Result<(), StateError> {
        let guarded = rules
            .transitions
            .iter()
            .filter(|t| t.effects.contains(&Effect::PauseClock));
        for t in guarded {
            if !t.guards.contains(&Guard::SupplementNoticeInTime) {
                continue;
            }
            let days = rules
                .guard(Guard::SupplementNoticeInTime)
                .and_then(|g| g.value)
                .unwrap_or(0);
            let last = notice_deadline(clock, days, policy)?;
            for (i, s) in clock.supplements.iter().enumerate() {
                if s.requested.date > last {
                    return Err(StateError::NoticeLate {
                        path: format!("/clock/supplements/{i}/requested"),
                        days,
                    });
                }
            }
        }
        Ok(())
    }
}

/// What [`step`](super::step) tracks of a dossier apart from times: enough to tell whether the
/// transitions of a rule version lead to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Shape {
    state: State,
    submitted: bool,
    received: bool,
    finished: bool,
    /// The last supplement request after appraisal is not answered.
    waiting: bool,
    /// An apology slip's appointment is in force.
    extended: bool,
    at_receipt: u32,
    in_processing: u32,
    apologies: u32,
    /// Supplement requests on the clock.
    pauses: usize,
}

impl Shape {
    /// The shape of `d`; `None` when its fields contradict each other (a clock without receipt).
    fn of(d: &DossierState) -> Option<Shape> {
        if d.received_at.is_some() != d.clock.is_some() {
            return None;
        }
        let clock = d.clock.as_ref();
        Some(Shape {
            state: d.state,
            submitted: d.channel.is_some(),
            received: d.received_at.is_some(),
            finished: d.finished_at.is_some(),
            waiting: clock
                .and_then(|c| c.supplements.last())
                .is_some_and(|s| s.supplied.is_none()),
            extended: clock.is_some_and(|c| c.extension.is_some()),
            at_receipt: d.supplements_at_receipt,
            in_processing: d.supplements_in_processing,
            apologies: d.apologies,
            pauses: clock.map_or(0, |c| c.supplements.len()),
        })
    }

    /// The shape after transition `t`, when its counting guards let it pass: the abstraction of
    /// what [`step`](super::step) does (its `check`, `count` and `apply`); the times are left
    /// out, so a guard on time is taken to pass whenever the dossier has a running clock.
    fn after(mut self, rules: &Rules, t: &machine::Transition) -> Option<Shape> {
        for &guard in &t.guards {
            let value = rules.guard(guard).and_then(|g| g.value).unwrap_or(0);
            let counter = match guard {
                Guard::SupplementAtReceiptLeft => &mut self.at_receipt,
                Guard::SupplementInProcessingLeft => &mut self.in_processing,
                Guard::ApologyNotYetIssued => &mut self.apologies,
                Guard::SupplementNoticeInTime => {
                    if !self.received {
                        return None;
                    }
                    continue;
                }
                Guard::ApologyBeforeDue | Guard::ApologyExtendsDue => {
                    // A due time exists: received and not waiting for a supplement.
                    if !self.received || self.waiting {
                        return None;
                    }
                    continue;
                }
            };
            if *counter >= value {
                return None;
            }
            *counter += 1;
        }
        for &effect in &t.effects {
            match effect {
                Effect::StartClock => {
                    self.received = true;
                    (self.waiting, self.extended, self.pauses) = (false, false, 0);
                }
                Effect::PauseClock if self.received => {
                    self.pauses += 1;
                    self.waiting = true;
                }
                Effect::RestartClock if self.received => {
                    self.waiting = false;
                    self.extended = false;
                }
                Effect::ExtendDue if self.received => self.extended = true,
                Effect::StopClock => self.finished = true,
                Effect::PauseClock | Effect::RestartClock | Effect::ExtendDue => {}
            }
        }
        self.state = t.to;
        self.submitted |= t.event == crate::model::EventType::Submitted;
        Some(self)
    }
}

/// Most shapes explored per rule version; the machines of `spec/lifecycle/` have a few hundred.
const MAX_SHAPES: usize = 100_000;

/// Every shape the transitions of rule version `id` reach from its initial state with at least
/// one event (a breadth-first search over the data, computed once).
fn reachable(id: RuleSet) -> &'static BTreeSet<Shape> {
    static SETS: [OnceLock<BTreeSet<Shape>>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = match id {
        RuleSet::Decree61_2018 => &SETS[0],
        RuleSet::Decree118_2025 => &SETS[1],
    };
    slot.get_or_init(|| explore(machine::rules(id)))
}

fn explore(rules: &Rules) -> BTreeSet<Shape> {
    let initial = Shape {
        state: rules.initial,
        submitted: false,
        received: false,
        finished: false,
        waiting: false,
        extended: false,
        at_receipt: 0,
        in_processing: 0,
        apologies: 0,
        pauses: 0,
    };
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([initial]);
    while let Some(shape) = queue.pop_front() {
        if rules.is_terminal(shape.state) {
            continue;
        }
        for t in rules.transitions.iter().filter(|t| t.from == shape.state) {
            let Some(next) = shape.after(rules, t) else {
                continue;
            };
            // Bounded: the counting guards bound every count; the cap only guards against
            // a machine whose clock pauses without one (a unit test checks it is not reached).
            if seen.len() < MAX_SHAPES && seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_is_reachable_and_the_search_is_small() {
        for rules in machine::all() {
            let shapes = reachable(rules.id);
            assert!(shapes.len() < 1_000, "{} shapes", shapes.len());
            for s in &rules.states {
                if s.id != rules.initial {
                    assert!(shapes.iter().any(|shape| shape.state == s.id), "{:?}", s.id);
                }
            }
        }
    }

    #[test]
    fn a_new_dossier_reads_back() {
        let policy = Policy::default();
        let new = DossierState::default();
        let text = serde_json::to_string(&new).unwrap();
        assert_eq!(DossierState::from_json(&text, &policy), Ok(new.clone()));
        assert_eq!(
            DossierState::from_json(r#"{"state":"new"}"#, &policy),
            Ok(new)
        );
        let e = DossierState::from_json(r#"{"state":"processing"}"#, &policy).unwrap_err();
        assert_eq!(e.to_finding().code, "lifecycle.state_unreachable");
        let e = DossierState::from_json(r#"{"state":"new","apologies":1}"#, &policy).unwrap_err();
        assert_eq!(e.to_finding().code, "lifecycle.state_unreachable");
        let e = DossierState::from_json(r#"{"state":"bogus"}"#, &policy).unwrap_err();
        assert_eq!((e.code(), e.path()), ("input.json_shape", "/state"));
    }

    /// A Decree 61/2018 dossier received Mon 2/6/2025 09:00 with 10 working days, in processing,
    /// supplement asked Tue 3/6 (within the 3 working days) and not yet supplied.
    fn waiting() -> serde_json::Value {
        let log = [
            r#"{"dossier":"D","type":"submitted","at":"2025-06-02T08:00:00+07:00","actor":"applicant","channel":"online"}"#,
            r#"{"dossier":"D","type":"received","at":"2025-06-02T09:00:00+07:00","actor":"one_stop","limit":{"unit":"working_days","value":10}}"#,
            r#"{"dossier":"D","type":"transferred","at":"2025-06-02T10:00:00+07:00","actor":"one_stop"}"#,
            r#"{"dossier":"D","type":"supplement_requested","at":"2025-06-03T10:00:00+07:00","actor":"agency"}"#,
        ];
        let policy = Policy::default();
        let mut dossier = DossierState::default();
        for line in log {
            let event: super::super::LogEvent = serde_json::from_str(line).unwrap();
            dossier = super::super::step(&dossier, &event, &policy)
                .unwrap()
                .dossier;
        }
        assert_eq!(dossier.state, State::SupplementInProcessing);
        serde_json::to_value(&dossier).unwrap()
    }

    fn refused(state: &serde_json::Value) -> (String, String) {
        let e = DossierState::from_json(&state.to_string(), &Policy::default()).unwrap_err();
        let f = e.to_finding();
        assert!(!f.vi.contains('{') && !f.en.contains('{'), "{f:?}");
        (f.code, f.path)
    }

    #[test]
    fn a_dossier_step_could_not_have_produced_is_refused() {
        let good = waiting();
        let policy = Policy::default();
        assert!(DossierState::from_json(&good.to_string(), &policy).is_ok());
        let cases: [(&str, serde_json::Value, &str, &str); 9] = [
            (
                "/rules",
                "decree-118-2025".into(),
                "lifecycle.state_rules",
                "/rules",
            ),
            (
                "/finished_at",
                "2025-06-03T11:00:00+07:00".into(),
                "lifecycle.state_unreachable",
                "",
            ),
            ("/apologies", 2.into(), "lifecycle.state_unreachable", ""),
            (
                "/supplements_in_processing",
                0.into(),
                "lifecycle.state_unreachable",
                "",
            ),
            (
                "/channel",
                serde_json::Value::Null,
                "lifecycle.state_unreachable",
                "",
            ),
            (
                "/state",
                "processing".into(),
                "lifecycle.state_unreachable",
                "",
            ),
            (
                "/clock/received",
                "2025-06-02T09:01:00+07:00".into(),
                "lifecycle.state_clock_start",
                "/clock/received",
            ),
            (
                "/received_at",
                "2025-06-03T12:00:00+07:00".into(),
                "lifecycle.state_time_order",
                "/received_at",
            ),
            (
                "/clock/received",
                "2025-06-02T02:00:00Z".into(),
                "input.json_shape",
                "/clock/received",
            ),
        ];
        for (pointer, value, code, path) in cases {
            let mut bad = good.clone();
            *bad.pointer_mut(pointer).unwrap() = value;
            assert_eq!(
                refused(&bad),
                (code.to_owned(), path.to_owned()),
                "{pointer}"
            );
        }
        // The request after the last event.
        let mut bad = good.clone();
        bad["clock"]["supplements"][0]["requested"] = "2025-06-04T10:00:00+07:00".into();
        assert_eq!(
            refused(&bad),
            (
                "lifecycle.state_time_order".to_owned(),
                "/clock/supplements/0/requested".to_owned()
            )
        );
        // Thu 5/6 is 3 working days after Mon 2/6; Fri 6/6 is too late.
        let mut bad = good.clone();
        bad["clock"]["supplements"][0]["requested"] = "2025-06-06T10:00:00+07:00".into();
        bad["last_at"] = "2025-06-06T10:00:00+07:00".into();
        assert_eq!(
            refused(&bad),
            (
                "lifecycle.supplement_notice_late".to_owned(),
                "/clock/supplements/0/requested".to_owned()
            )
        );
        // An apology's appointment before the due time it would extend.
        let mut bad = good.clone();
        bad["clock"]["supplements"][0]["supplied"] = "2025-06-03T11:00:00+07:00".into();
        bad["clock"]["extension"] = "2025-06-04T17:00:00+07:00".into();
        bad["apologies"] = 1.into();
        bad["state"] = "processing".into();
        bad["last_at"] = "2025-06-03T12:00:00+07:00".into();
        assert_eq!(
            refused(&bad),
            ("due.extension_order".to_owned(), "/clock".to_owned())
        );
        let mut unknown = good;
        unknown["colour"] = "red".into();
        assert_eq!(refused(&unknown).0, "input.json_shape");
    }
}
