//! Why an event is refused: a [`Reason`] with its stable code in `spec/findings/lifecycle.json`,
//! and the [`Rejection`] that carries it with the rule version and the article that forbids it.

use super::machine::{name, Role, RuleSet, State};
use crate::calendar::due::DueError;
use crate::model::{EventType, FormRef};
use crate::{Date, Diagnostic, Finding};

/// Why [`super::step`] refused an event.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    /// No rule version is in force on the date (before Decree 61/2018 took effect).
    #[error("no lifecycle rules are in force on {0}")]
    NoRules(Date),
    /// The event is dated before the dossier's previous event.
    #[error("the event is earlier than the previous event of the dossier")]
    OutOfOrder,
    /// The dossier is in a terminal state.
    #[error("the dossier is closed ({0:?}); no event can follow")]
    Terminal(State),
    /// The machine has no transition for this event in this state.
    #[error("{event:?} is not possible in state {state:?}")]
    NotAllowed {
        /// The dossier's state.
        state: State,
        /// The event.
        event: EventType,
    },
    /// The sender may not send this event.
    #[error("this event cannot be sent by {0:?}")]
    ActorNotAllowed(Role),
    /// A field the event needs is absent (`channel`, `limit`, `due_at`).
    #[error("the event needs the field {0}")]
    MissingField(&'static str),
    /// A field the event does not take is present.
    #[error("the event does not take the field {0}")]
    UnexpectedField(&'static str),
    /// The form cited is not the one the rules prescribe for this step.
    #[error("form {given:?} cited, the rules prescribe {expected:?}")]
    FormMismatch {
        /// The form as cited.
        given: FormRef,
        /// The prescribed form, if any.
        expected: Option<FormRef>,
    },
    /// No supplement request is left (at receipt or after appraisal).
    #[error("at most {0} supplement request(s) here")]
    SupplementLimit(u32),
    /// The supplement request after appraisal comes too late.
    #[error("the supplement request comes after {0} working days from receipt")]
    SupplementNoticeLate(u32),
    /// A second apology slip.
    #[error("the return date can be re-set at most {0} time(s)")]
    ApologyRepeated(u32),
    /// The apology comes less than the required days before the due date.
    #[error("the apology must come at least {0} day(s) before the due date")]
    ApologyTooLate(u32),
    /// The apology's new appointment is not after the due date it replaces.
    #[error("the new appointment is not after the current due date")]
    ApologyNotLater,
    /// The due date cannot be computed (a limit out of range, a date the calendar cannot hold).
    #[error(transparent)]
    Clock(#[from] DueError),
}

impl Reason {
    /// The JSON pointer, within the log event, of the field the reason is about.
    pub fn path(&self) -> &'static str {
        match self {
            Self::NoRules(_)
            | Self::OutOfOrder
            | Self::SupplementNoticeLate(_)
            | Self::ApologyTooLate(_) => "/at",
            Self::Terminal(_)
            | Self::NotAllowed { .. }
            | Self::SupplementLimit(_)
            | Self::ApologyRepeated(_) => "/type",
            Self::ActorNotAllowed(_) => "/actor",
            Self::MissingField(field) | Self::UnexpectedField(field) => field_path(field),
            Self::FormMismatch { .. } => "/form",
            Self::ApologyNotLater => "/due_at",
            Self::Clock(_) => "/limit",
        }
    }
}

/// The pointer of a top-level field of the log event.
fn field_path(field: &str) -> &'static str {
    match field {
        "channel" => "/channel",
        "limit" => "/limit",
        "procedure" => "/procedure",
        "agency" => "/agency",
        _ => "/due_at",
    }
}

impl Diagnostic for Reason {
    fn code(&self) -> &'static str {
        match self {
            Self::NoRules(_) => "lifecycle.no_rules",
            Self::OutOfOrder => "lifecycle.out_of_order",
            Self::Terminal(_) => "lifecycle.terminal",
            Self::NotAllowed { .. } => "lifecycle.event_not_allowed",
            Self::ActorNotAllowed(_) => "lifecycle.actor_not_allowed",
            Self::MissingField(_) => "lifecycle.missing_field",
            Self::UnexpectedField(_) => "lifecycle.unexpected_field",
            Self::FormMismatch { .. } => "lifecycle.form_mismatch",
            Self::SupplementLimit(_) => "lifecycle.supplement_limit",
            Self::SupplementNoticeLate(_) => "lifecycle.supplement_notice_late",
            Self::ApologyRepeated(_) => "lifecycle.apology_repeated",
            Self::ApologyTooLate(_) => "lifecycle.apology_too_late",
            Self::ApologyNotLater => "lifecycle.apology_not_later",
            Self::Clock(e) => e.code(),
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::NoRules(date) => vec![("date", date.to_string())],
            Self::Terminal(state) => vec![("state", name(state))],
            Self::NotAllowed { state, event } => {
                vec![("state", name(state)), ("event", name(event))]
            }
            Self::ActorNotAllowed(actor) => vec![("actor", name(actor))],
            Self::MissingField(field) | Self::UnexpectedField(field) => {
                vec![("field", (*field).to_owned())]
            }
            Self::FormMismatch { given, expected } => {
                vec![
                    ("given", form_name(Some(*given))),
                    ("expected", form_name(*expected)),
                ]
            }
            Self::SupplementLimit(n)
            | Self::SupplementNoticeLate(n)
            | Self::ApologyRepeated(n)
            | Self::ApologyTooLate(n) => vec![("n", n.to_string())],
            Self::Clock(e) => e.args(),
            Self::OutOfOrder | Self::ApologyNotLater => Vec::new(),
        }
    }
}

/// An event refused by [`super::step`]; the dossier stays exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Why.
    pub reason: Reason,
    /// The rule version the event was judged by; `None` when none is in force.
    pub rules: Option<RuleSet>,
    /// The article of that version that forbids the event; empty when the catalog's rule says
    /// it all (see [`Rejection::article`]).
    article: &'static str,
    /// The dossier's state, unchanged.
    pub state: State,
    /// The refused event.
    pub event: EventType,
}

impl Rejection {
    /// A rejection for `reason` under `rules`, citing `article`.
    pub(super) fn new(
        reason: Reason,
        rules: Option<RuleSet>,
        article: &'static str,
        state: State,
        event: EventType,
    ) -> Self {
        Self {
            reason,
            rules,
            article,
            state,
            event,
        }
    }

    /// The stable code, `lifecycle.*` (or the calendar's code for [`Reason::Clock`]).
    pub fn code(&self) -> &'static str {
        self.reason.code()
    }

    /// The article that forbids the event: the rule version's own, or the catalog's rule.
    pub fn article(&self) -> &'static str {
        if self.article.is_empty() {
            crate::catalog::entry(self.code()).rule.as_str()
        } else {
            self.article
        }
    }

    /// Code, JSON pointer within the event, messages and the catalog's rule.
    pub fn to_finding(&self) -> Finding {
        self.reason.to_finding(self.reason.path())
    }
}

/// A form as printed in messages: "01/2018/TT-VPCP Mẫu 04", or "—" for none.
fn form_name(form: Option<FormRef>) -> String {
    match form {
        Some(f) => format!("{} Mẫu {:02}", name(&f.circular), f.number),
        None => "—".to_owned(),
    }
}
