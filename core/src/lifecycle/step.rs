//! One event applied to one dossier: [`step`] returns the dossier after it, or a [`Rejection`]
//! and the dossier as it was.

use serde::{Deserialize, Serialize};

use super::machine::{self, Effect, Guard, RuleSet, Rules, State, Transition};
use super::rejection::{Reason, Rejection};
use super::state::StateError;
use super::Role;
use crate::calendar::due::{self, Clock, DueError, Limit, LocalTime, Policy, Supplement};
use crate::model::{input, Channel, EventType, Extensions, FormRef, InputError, Timestamp};
use crate::{Date, Finding};

/// One line of a lifecycle log: an event of one dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LogEvent {
    /// The dossier it belongs to: its code (mã hồ sơ) or any identifier unique in the log.
    pub dossier: String,
    /// What happened.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// When, with the offset of the clock that recorded it.
    pub at: Timestamp,
    /// Who sent it.
    pub actor: Role,
    /// On `submitted` only: how the dossier was submitted (Decree 61/2018 Art. 16; Decree
    /// 118/2025 Art. 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// On `received` only: the procedure's time limit, from which the calendar computes the
    /// appointment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Limit>,
    /// On `submitted` or `received` only: the national code of the procedure (e.g. `1.000894`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    /// On `submitted` or `received` only: the code of the agency that receives the dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// On `apology_issued` only: the new appointment (Decree 61/2018 Art. 19(9)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<Timestamp>,
    /// The form issued, when the log records it; checked against the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    /// Reason or remark, carried untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Vendor data, carried untouched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}

/// A dossier as the lifecycle sees it: its state and what its clock needs.
///
/// Written as JSON by `Serialize` (`spec/schema/lifecycle-dossier.schema.json`, `DossierState`) and read back,
/// checked to be a dossier [`step`] could have produced, by [`DossierState::from_json`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DossierState {
    /// The rule version of the last accepted event; fixed from receipt on.
    pub rules: Option<RuleSet>,
    /// The state.
    pub state: State,
    /// How it was submitted.
    pub channel: Option<Channel>,
    /// Time of the last accepted event.
    pub last_at: Option<Timestamp>,
    /// Time of receipt.
    pub received_at: Option<Timestamp>,
    /// The clock, from receipt on.
    pub clock: Option<Clock>,
    /// Supplement requests at receipt so far.
    pub supplements_at_receipt: u32,
    /// Supplement requests after appraisal so far.
    pub supplements_in_processing: u32,
    /// Apology slips so far.
    pub apologies: u32,
    /// End of processing: result or refusal ready, or processing stopped.
    pub finished_at: Option<Timestamp>,
}

impl Default for DossierState {
    fn default() -> Self {
        Self {
            rules: None,
            state: State::New,
            channel: None,
            last_at: None,
            received_at: None,
            clock: None,
            supplements_at_receipt: 0,
            supplements_in_processing: 0,
            apologies: 0,
            finished_at: None,
        }
    }
}

/// An accepted event: the dossier after it, and what the step produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stepped {
    /// The dossier after the event.
    pub dossier: DossierState,
    /// The transition taken, with its article.
    pub transition: &'static Transition,
    /// The rule version applied.
    pub rules: RuleSet,
    /// The form the step produces, when the rules prescribe one and it was in force.
    pub form: Option<FormRef>,
}

/// One event applied to a dossier, as every surface answers it (`lifecycle::step_json`, C
/// `motcua_lifecycle_step`, WebAssembly `lifecycleStep`; `spec/schema/lifecycle-step.schema.json`):
/// the dossier after the event, or as it was with the rejection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StepOutcome {
    /// The dossier after the event; when refused, the dossier as it was.
    pub dossier: DossierState,
    /// The event.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The state before.
    pub from: State,
    /// The state after; `None` when refused.
    pub to: Option<State>,
    /// The rule version it was judged by; `None` when none is in force.
    pub rules: Option<RuleSet>,
    /// The article of the transition taken, or of the rule that refused it.
    pub article: &'static str,
    /// The form the step produced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
    /// Why it was refused: stable code, messages in Vietnamese and English, the rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejection: Option<Finding>,
}

impl StepOutcome {
    /// [`step`] of `event` on `dossier`, as an outcome.
    pub fn of(dossier: &DossierState, event: &LogEvent, policy: &Policy) -> StepOutcome {
        match step(dossier, event, policy) {
            Ok(stepped) => StepOutcome {
                kind: event.kind,
                from: dossier.state,
                to: Some(stepped.dossier.state),
                rules: Some(stepped.rules),
                article: &stepped.transition.article,
                form: stepped.form,
                rejection: None,
                dossier: stepped.dossier,
            },
            Err(rejection) => StepOutcome {
                dossier: dossier.clone(),
                kind: event.kind,
                from: dossier.state,
                to: None,
                rules: rejection.rules,
                article: rejection.article(),
                form: None,
                rejection: Some(rejection.to_finding()),
            },
        }
    }
}

/// Why [`step_json`] could not read its arguments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepInputError {
    /// The dossier is not a dossier state [`step`] could have produced.
    #[error("dossier: {0}")]
    Dossier(#[from] StateError),
    /// The event is not a log event (`input.*`, with the JSON pointer of the field).
    #[error("event: {0}")]
    Event(InputError),
}

impl StepInputError {
    /// The argument at fault: `"dossier"` or `"event"`.
    pub fn argument(&self) -> &'static str {
        match self {
            Self::Dossier(_) => "dossier",
            Self::Event(_) => "event",
        }
    }

    /// This error as a [`Finding`], with the JSON pointer within its argument.
    pub fn to_finding(&self) -> Finding {
        match self {
            Self::Dossier(e) => e.to_finding(),
            Self::Event(e) => e.to_finding(),
        }
    }
}

/// One event applied to a dossier kept as JSON: `dossier` is a dossier state as
/// [`StepOutcome::dossier`] writes it (`None` for a new dossier), read with
/// [`DossierState::from_json`]; `event` is one line of a lifecycle log ([`LogEvent`]). A refused
/// event is an outcome with its rejection, not an error.
pub fn step_json(
    dossier: Option<&str>,
    event: &str,
    policy: &Policy,
) -> Result<StepOutcome, StepInputError> {
    let dossier = match dossier {
        Some(text) => DossierState::from_json(text, policy)?,
        None => DossierState::default(),
    };
    let event: LogEvent = input::parse(event).map_err(StepInputError::Event)?;
    Ok(StepOutcome::of(&dossier, &event, policy))
}

/// Applies `event` to `dossier` under the rules in force on the day it was received (before
/// receipt: on the day of the event), counting time with `policy`.
///
/// A rejected event leaves `dossier` as it was: the function only reads it.
pub fn step(
    dossier: &DossierState,
    event: &LogEvent,
    policy: &Policy,
) -> Result<Stepped, Rejection> {
    let reject = |reason: Reason, rules: Option<RuleSet>, article: &'static str| {
        Rejection::new(reason, rules, article, dossier.state, event.kind)
    };
    let at = LocalTime::from_timestamp(&event.at).map_err(|e| reject(e.into(), None, ""))?;
    // From receipt on, the version is the one of the day of receipt, kept in the dossier.
    let rules = match (dossier.received_at, dossier.rules) {
        (Some(_), Some(id)) => machine::rules(id),
        _ => {
            machine::rules_on(at.date).ok_or_else(|| reject(Reason::NoRules(at.date), None, ""))?
        }
    };
    let id = Some(rules.id);
    if dossier
        .last_at
        .is_some_and(|last| event.at.unix_instant() < last.unix_instant())
    {
        return Err(reject(Reason::OutOfOrder, id, ""));
    }
    if rules.is_terminal(dossier.state) {
        return Err(reject(Reason::Terminal(dossier.state), id, ""));
    }
    let Some(t) = rules.transition(dossier.state, event.kind) else {
        let reason = Reason::NotAllowed {
            state: dossier.state,
            event: event.kind,
        };
        return Err(reject(reason, id, ""));
    };
    if !t.actors.contains(&event.actor) {
        return Err(reject(Reason::ActorNotAllowed(event.actor), id, &t.article));
    }
    fields(t, event).map_err(|r| reject(r, id, &t.article))?;
    let form = form(rules, t, at);
    if let Some(given) = event.form {
        if Some(given) != form {
            let reason = Reason::FormMismatch {
                given,
                expected: form,
            };
            return Err(reject(reason, id, &rules.forms.article));
        }
    }
    let mut next = dossier.clone();
    for &guard in &t.guards {
        let def = rules.guard(guard);
        let value = def.and_then(|g| g.value).unwrap_or(0);
        let article = def.map_or("", |g| g.article.as_str());
        check(guard, value, dossier, event, at, policy).map_err(|r| reject(r, id, article))?;
        count(guard, &mut next);
    }
    for &effect in &t.effects {
        apply(effect, &mut next, event, at, policy).map_err(|r| reject(r, id, &t.article))?;
    }
    next.state = t.to;
    next.rules = id;
    next.last_at = Some(event.at);
    if event.kind == EventType::Submitted {
        next.channel = event.channel;
    }
    Ok(Stepped {
        dossier: next,
        transition: t,
        rules: rules.id,
        form,
    })
}

/// The fields each event takes: `channel` on submission, `limit` where the clock starts,
/// `due_at` where the apology extends the due date, optionally `procedure` and `agency` on
/// submission and receipt; no others.
fn fields(t: &Transition, event: &LogEvent) -> Result<(), Reason> {
    let needs = [
        (
            "channel",
            event.kind == EventType::Submitted,
            event.channel.is_some(),
        ),
        (
            "limit",
            t.effects.contains(&Effect::StartClock),
            event.limit.is_some(),
        ),
        (
            "due_at",
            t.effects.contains(&Effect::ExtendDue),
            event.due_at.is_some(),
        ),
    ];
    let describes = matches!(event.kind, EventType::Submitted | EventType::Received);
    for (field, given) in [
        ("procedure", event.procedure.is_some()),
        ("agency", event.agency.is_some()),
    ] {
        if given && !describes {
            return Err(Reason::UnexpectedField(field));
        }
    }
    for (field, needed, given) in needs {
        match (needed, given) {
            (true, false) => return Err(Reason::MissingField(field)),
            (false, true) => return Err(Reason::UnexpectedField(field)),
            _ => {}
        }
    }
    Ok(())
}

/// The form transition `t` produces on `at`: none before the circular applies.
fn form(rules: &Rules, t: &Transition, at: LocalTime) -> Option<FormRef> {
    let number = t.form?;
    (at.date >= rules.forms.effective_from).then_some(FormRef {
        circular: rules.forms.circular,
        number,
    })
}

/// Checks `guard` (with its `value` from the data) on the dossier before the event.
fn check(
    guard: Guard,
    value: u32,
    dossier: &DossierState,
    event: &LogEvent,
    at: LocalTime,
    policy: &Policy,
) -> Result<(), Reason> {
    match guard {
        Guard::SupplementAtReceiptLeft => (dossier.supplements_at_receipt < value)
            .then_some(())
            .ok_or(Reason::SupplementLimit(value)),
        Guard::SupplementInProcessingLeft => (dossier.supplements_in_processing < value)
            .then_some(())
            .ok_or(Reason::SupplementLimit(value)),
        Guard::SupplementNoticeInTime => {
            let last = notice_deadline(clock(dossier)?, value, policy)?;
            (at.date <= last)
                .then_some(())
                .ok_or(Reason::SupplementNoticeLate(value))
        }
        Guard::ApologyNotYetIssued => (dossier.apologies < value)
            .then_some(())
            .ok_or(Reason::ApologyRepeated(value)),
        Guard::ApologyBeforeDue => {
            let due = current_due(dossier, policy)?;
            let in_time =
                due.is_some_and(|d| at.date.to_days() + i64::from(value) <= d.date.to_days());
            in_time.then_some(()).ok_or(Reason::ApologyTooLate(value))
        }
        Guard::ApologyExtendsDue => {
            let due = current_due(dossier, policy)?;
            let new = event
                .due_at
                .as_ref()
                .map(LocalTime::from_timestamp)
                .transpose()?;
            match (due, new) {
                (Some(due), Some(new)) if new > due => Ok(()),
                _ => Err(Reason::ApologyNotLater),
            }
        }
    }
}

/// The last day a supplement request after appraisal may be sent: `days` working days after the
/// day of receipt (Decree 61/2018 Art. 19(4): "trong thời hạn 03 ngày làm việc").
pub(super) fn notice_deadline(clock: &Clock, days: u32, policy: &Policy) -> Result<Date, DueError> {
    Ok(policy
        .schedule
        .add_working_days(clock.received.date, days)?)
}

/// Counts the request a passing guard allowed.
fn count(guard: Guard, dossier: &mut DossierState) {
    match guard {
        Guard::SupplementAtReceiptLeft => dossier.supplements_at_receipt += 1,
        Guard::SupplementInProcessingLeft => dossier.supplements_in_processing += 1,
        Guard::ApologyNotYetIssued => dossier.apologies += 1,
        Guard::SupplementNoticeInTime | Guard::ApologyBeforeDue | Guard::ApologyExtendsDue => {}
    }
}

/// The dossier's clock; the machine only asks for it after receipt.
fn clock(dossier: &DossierState) -> Result<&Clock, Reason> {
    dossier.clock.as_ref().ok_or(Reason::MissingField("limit"))
}

/// The due time in force before the event; `None` while the clock stands still.
fn current_due(dossier: &DossierState, policy: &Policy) -> Result<Option<LocalTime>, Reason> {
    Ok(due::due_time(clock(dossier)?, policy)?)
}

/// Applies `effect` of the event to the dossier's clock.
fn apply(
    effect: Effect,
    dossier: &mut DossierState,
    event: &LogEvent,
    at: LocalTime,
    policy: &Policy,
) -> Result<(), Reason> {
    match effect {
        Effect::StartClock => {
            let limit = event.limit.ok_or(Reason::MissingField("limit"))?;
            let clock = Clock {
                received: at,
                limit,
                supplements: Vec::new(),
                extension: None,
            };
            // A limit the calendar cannot count is refused here, not at the end of a replay.
            due::due_time(&clock, policy)?;
            dossier.received_at = Some(event.at);
            dossier.clock = Some(clock);
        }
        Effect::PauseClock => {
            if let Some(clock) = dossier.clock.as_mut() {
                clock.supplements.push(Supplement {
                    requested: at,
                    supplied: None,
                });
            }
        }
        Effect::RestartClock => {
            if let Some(clock) = dossier.clock.as_mut() {
                if let Some(last) = clock.supplements.last_mut() {
                    last.supplied = Some(at);
                }
                // The limit runs again from the complete dossier (Art. 19(4)): an apology's
                // appointment made for the earlier count no longer applies (README reading 5).
                clock.extension = None;
            }
        }
        Effect::ExtendDue => {
            let to = event
                .due_at
                .as_ref()
                .ok_or(Reason::MissingField("due_at"))?;
            let to = LocalTime::from_timestamp(to)?;
            if let Some(clock) = dossier.clock.as_mut() {
                clock.extension = Some(to);
            }
        }
        Effect::StopClock => dossier.finished_at = Some(event.at),
    }
    Ok(())
}
