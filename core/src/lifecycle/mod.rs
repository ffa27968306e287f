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
//!
//! # Example
//!
//! The tester's tour (`docs/testing.md`): step events, compute the indicators of a log, check another
//! system's portal status log, and replay the test paths the machine generates.
//!
//! ```
//! use motcua_core::calendar::due::Policy;
//! use motcua_core::lifecycle::{self, export, kpi, machine, paths, step};
//! use motcua_core::lifecycle::{DossierState, LogEvent, RuleSet, State};
//!
//! let policy = Policy::default();
//! let event = |json: &str| serde_json::from_str::<LogEvent>(json);
//!
//! // Event by event. A refused event leaves the dossier as it was and says why, with its article.
//! let posted = event(r#"{"dossier": "H26.15-250707-0010", "type": "submitted", "at": "2025-07-07T10:00:00+07:00",
//!     "actor": "post", "channel": "post"}"#)?;
//! let submitted = step(&DossierState::default(), &posted, &policy).expect("a dossier may be posted");
//! assert_eq!((submitted.dossier.state, submitted.rules), (State::Submitted, RuleSet::Decree118_2025));
//! let by_agency = event(r#"{"dossier": "H26.15-250707-0010", "type": "received", "at": "2025-07-07T14:00:00+07:00",
//!     "actor": "agency", "limit": {"unit": "working_days", "value": 3}}"#)?;
//! let refused = step(&submitted.dossier, &by_agency, &policy).unwrap_err();
//! assert_eq!(refused.code(), "lifecycle.actor_not_allowed");
//!
//! // The indicators of a replayed log.
//! let replay = lifecycle::replay(include_str!("../../../examples/lifecycle-log.jsonl"), &policy)?;
//! let counts = kpi::kpi(&replay).overall;
//! assert_eq!((counts.early, counts.on_time, counts.late, counts.on_time_rate), (1, 1, 0, Some(1.0)));
//!
//! // Another system's log of portal status codes: every change the machine cannot make.
//! let status = lifecycle::check_status_log(include_str!("../../../examples/lifecycle-status-log.jsonl"))?;
//! let problems: Vec<(usize, &str)> = status
//!     .dossiers
//!     .iter()
//!     .flat_map(|d| d.problems.iter().map(|p| (p.line, p.finding.en.as_str())))
//!     .collect();
//! assert_eq!(
//!     problems,
//!     [(10, "The dossier cannot go from status 9 to status 4."), (13, "The dossier cannot go from status 3 to status 2.")]
//! );
//!
//! // The transition table and the diagram of a version, as committed in spec/lifecycle/exports/.
//! let rules = machine::rules(RuleSet::Decree118_2025);
//! let table = include_str!("../../../spec/lifecycle/exports/decree-118-2025.csv");
//! assert_eq!(export::csv(rules), table);
//! assert!(export::dot(rules).contains(r#""submitted" -> "received" [label="received (one_stop)"]"#));
//!
//! // Test paths: together they take every transition of every rule version, and their logs replay
//! // without a refused event.
//! for rules in machine::all() {
//!     let cover = paths::edge_cover(rules);
//!     let mut log = String::new();
//!     for event in cover.iter().flat_map(|p| &p.log) {
//!         log += &serde_json::to_string(event)?;
//!         log.push('\n');
//!     }
//!     let replayed = lifecycle::replay(&log, &policy)?;
//!     assert_eq!(replayed.dossiers.len(), cover.len());
//!     assert!(replayed.dossiers.iter().all(|d| d.rejected == 0));
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

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
