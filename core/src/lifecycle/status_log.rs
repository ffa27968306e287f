//! Checking another system's log of National Public Service Portal status changes against the
//! machine: one [`StatusEvent`] per line (`{"dossier", "status", "at"}`), and per dossier every
//! change the machine cannot make.
//!
//! A status log does not say which event moved the dossier, and systems synchronise only some
//! steps (a dossier often goes from 2 to 9 without a 4), so a change from status `a` to status `b`
//! is possible when some state that `b` stands for can be reached, by one or more transitions,
//! from a state the dossier may be in. The same status twice in a row is a repeated
//! synchronisation and always possible. After an impossible change the check goes on from the
//! states of the new status. Bounds and line errors are those of [`super::replay`].

use serde::{Deserialize, Serialize};

use super::machine::{self, RuleSet, Rules, State};
use super::national::NationalStatus;
use super::replay::{lines, Dossiers, ReplayError};
use crate::calendar::due::LocalTime;
use crate::model::Timestamp;
use crate::{Date, Diagnostic, Finding};

/// One line of a status log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatusEvent {
    /// The dossier: its code or any identifier unique in the log.
    pub dossier: String,
    /// The portal status code it moved to (`TrangThaiHoSo`), a number or a string of digits.
    #[cfg_attr(feature = "schema", schemars(with = "super::national::StatusText"))]
    pub status: NationalStatus,
    /// When.
    pub at: Timestamp,
}

/// Why a status change is impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    /// The code is not one of the portal's.
    #[error("status code {0:?} is not one of the portal's")]
    Unknown(NationalStatus),
    /// No state of the new status can be reached from the dossier's.
    #[error("the dossier cannot go from status {from:?} to status {to:?}")]
    Impossible {
        /// The previous status, `None` for the first.
        from: Option<NationalStatus>,
        /// The new status.
        to: NationalStatus,
    },
    /// No rule version is in force on the date of the change.
    #[error("no lifecycle rules are in force on {0}")]
    NoRules(Date),
}

impl Diagnostic for StatusError {
    fn code(&self) -> &'static str {
        match self {
            Self::Unknown(_) => "lifecycle.status_unknown",
            Self::Impossible { .. } => "lifecycle.status_impossible",
            Self::NoRules(_) => "lifecycle.no_rules",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        let code = |s: Option<NationalStatus>| s.map_or("—".to_owned(), |s| s.0.to_string());
        match self {
            Self::Unknown(code) => vec![("status", code.0.to_string())],
            Self::Impossible { from, to } => {
                vec![("from", code(*from)), ("to", to.0.to_string())]
            }
            Self::NoRules(date) => vec![("date", date.to_string())],
        }
    }
}

/// An impossible change in a dossier's status log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusProblem {
    /// The log line, from 1.
    pub line: usize,
    /// The rule version the change was judged by.
    pub rules: Option<RuleSet>,
    /// Code, pointer within the line, messages and rule.
    pub finding: Finding,
}

/// The check of one dossier's status log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusCheck {
    /// The dossier, as named in the log.
    pub dossier: String,
    /// Its statuses, in log order.
    pub statuses: Vec<NationalStatus>,
    /// The states the dossier may be in at the end of the log.
    pub states: Vec<State>,
    /// Every impossible change.
    pub problems: Vec<StatusProblem>,
}

/// The check of a whole status log: its dossiers in order of first appearance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StatusReport {
    /// The dossiers.
    pub dossiers: Vec<StatusCheck>,
}

/// Checks a JSON Lines status log (blank lines allowed).
pub fn check_status_log(log: &str) -> Result<StatusReport, ReplayError> {
    let mut dossiers = Dossiers::default();
    for item in lines::<StatusEvent>(log) {
        let (line, event) = item?;
        let check = dossiers.get(&event.dossier, || StatusCheck {
            dossier: event.dossier.clone(),
            statuses: Vec::new(),
            states: vec![State::New],
            problems: Vec::new(),
        })?;
        let rules = LocalTime::from_timestamp(&event.at)
            .ok()
            .and_then(|t| machine::rules_on(t.date));
        let previous = check.statuses.last().copied();
        check.statuses.push(event.status);
        let outcome = match rules {
            None => Err(StatusError::NoRules(event.at.date())),
            Some(rules) => advance(rules, &check.states, previous, event.status),
        };
        match outcome {
            Ok(states) => check.states = states,
            Err(error) => {
                let path = match error {
                    StatusError::NoRules(_) => "/at",
                    StatusError::Unknown(_) | StatusError::Impossible { .. } => "/status",
                };
                check.problems.push(StatusProblem {
                    line,
                    rules: rules.map(|r| r.id),
                    finding: error.to_finding(path),
                });
                // After an impossible change, go on from where the log says the dossier is; an
                // unknown code or date teaches nothing.
                if let StatusError::Impossible { to, .. } = error {
                    check.states = to.states().to_vec();
                }
            }
        }
    }
    Ok(StatusReport {
        dossiers: dossiers.items,
    })
}

/// The states the dossier may be in after moving to `to` from one of `current`.
fn advance(
    rules: &Rules,
    current: &[State],
    previous: Option<NationalStatus>,
    to: NationalStatus,
) -> Result<Vec<State>, StatusError> {
    let targets = to.states();
    if targets.is_empty() {
        return Err(StatusError::Unknown(to));
    }
    let mut next: Vec<State> = targets
        .iter()
        .copied()
        .filter(|t| current.iter().any(|s| reachable(rules, *s, *t)))
        .collect();
    if previous == Some(to) {
        // A repeated synchronisation: the dossier may not have moved.
        next.extend(current.iter().filter(|s| targets.contains(s)));
        next.sort_unstable();
        next.dedup();
    }
    if next.is_empty() {
        return Err(StatusError::Impossible { from: previous, to });
    }
    Ok(next)
}

/// Whether `to` can be reached from `from` by one or more transitions.
fn reachable(rules: &Rules, from: State, to: State) -> bool {
    let mut seen = vec![from];
    let mut queue = vec![from];
    while let Some(s) = queue.pop() {
        for t in rules.transitions.iter().filter(|t| t.from == s) {
            if t.to == to {
                return true;
            }
            if !seen.contains(&t.to) {
                seen.push(t.to);
                queue.push(t.to);
            }
        }
    }
    false
}
