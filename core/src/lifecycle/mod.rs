//! The dossier lifecycle: one state machine, written once as data in `spec/lifecycle/`, versioned
//! by the date a dossier was received (Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP
//! with Circular 01/2018/TT-VPCP until 30/6/2025; Decree 118/2025/NĐ-CP with Circular
//! 03/2025/TT-VPCP from 01/7/2025).
//!
//! Event-sourced: [`step`] applies one [`LogEvent`] to a [`DossierState`] and returns the dossier
//! after it, or a [`Rejection`] (stable code, messages, the rule version and the article that
//! forbids it) while the dossier stays as it was. [`replay`] folds a JSON Lines log of many
//! dossiers and gives each one's final state, timeline, due date (by [`crate::calendar::due`])
//! and whether it was handled early, on time or late.
//!
//! The public interface is:
//! - [`machine`]: the rule versions as loaded ([`Rules`], [`RuleSet`], [`State`], [`Role`]);
//! - [`step`], [`LogEvent`], [`DossierState`], [`Stepped`], [`Rejection`], [`Reason`];
//! - [`step_json`], [`StepOutcome`], [`StepInputError`], [`StateError`]: one event applied to a
//!   dossier kept as JSON, the dossier read back with [`DossierState::from_json`] only when
//!   [`step`] could have produced it;
//! - [`NationalStatus`], [`status_of`], [`national_source`]: the National Public Service Portal's status codes
//!   (`spec/lifecycle/national-status.json`) to and from the machine's states;
//! - [`replay`], [`Replay`], [`DossierReplay`], [`TimelineEntry`], [`Timeliness`],
//!   [`ReplayError`] and the limits [`MAX_LINE_BYTES`], [`MAX_EVENTS`], [`MAX_DOSSIERS`].
//!
//! - [`export`]: the transition table (Markdown, CSV, JSON) and the diagram (Mermaid, DOT);
//! - [`kpi`]: early / on time / late counts, on-time rate and online share, by agency, procedure
//!   and month of receipt;
//! - [`paths`]: shortest paths to every state and an edge cover, with logs a tester replays;
//! - [`check_status_log`], [`StatusEvent`], [`StatusReport`]: another system's log of portal
//!   status changes checked against the machine, every impossible change reported.
//!
//! The readings chosen where the law is silent or ambiguous are in `spec/lifecycle/README.md`.

pub mod export;
pub mod kpi;
pub mod machine;
mod national;
pub mod paths;
mod rejection;
mod replay;
mod state;
mod status_log;
mod step;

pub use machine::{Role, RuleSet, Rules, State};
pub use national::{national_source, status_of, CodeDef, NationalStatus};
pub use rejection::{Reason, Rejection};
pub use replay::{
    replay, DossierReplay, Replay, ReplayError, TimelineEntry, Timeliness, MAX_DOSSIERS,
    MAX_EVENTS, MAX_LINE_BYTES,
};
pub use state::StateError;
pub use status_log::{
    check_status_log, StatusCheck, StatusError, StatusEvent, StatusProblem, StatusReport,
};
pub use step::{step, step_json, DossierState, LogEvent, StepInputError, StepOutcome, Stepped};
