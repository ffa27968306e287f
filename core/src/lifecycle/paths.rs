//! Test paths generated from the machine, for another system's tester to replay (the shapes of
//! XState's `getShortestPaths` and of an edge cover):
//! - [`shortest`]: one shortest path to every state reachable from the initial one;
//! - [`edge_cover`]: for every transition, the shortest path to its source followed by it, paths
//!   that are prefixes of others removed; together they take every transition, self-loops
//!   included.
//!
//! Each path comes with a concrete log that the machine accepts event by event: one event an hour
//! from 08:00 on the day the version's forms apply, the first allowed actor, an online
//! submission, a limit of 10 working days, an apology's new appointment 60 days later.

use std::collections::VecDeque;

use serde::Serialize;

use super::machine::{name, Effect, Rules, State, Transition};
use super::step::LogEvent;
use super::Role;
use crate::calendar::due::Limit;
use crate::model::{Channel, EventType, Timestamp};
use crate::Date;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PathStep {
    /// The event.
    pub event: EventType,
    /// Who sends it.
    pub actor: Role,
    /// The state it leads to.
    pub state: State,
}

/// A path from the initial state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Path {
    /// What the path is for: a state (`"processing"`) or a transition
    /// (`"processing --apology_issued--> processing"`).
    pub target: String,
    /// The steps, in order.
    pub steps: Vec<PathStep>,
    /// The same steps as log events of dossier `target`, accepted by the machine.
    pub log: Vec<LogEvent>,
}

/// The paths of one rule version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Paths {
    /// The rule version.
    pub rules: super::RuleSet,
    /// One shortest path to every state but the initial one.
    pub shortest: Vec<Path>,
    /// Paths that together take every transition.
    pub edge_cover: Vec<Path>,
}

/// Both kinds of paths of `rules`.
pub fn paths(rules: &Rules) -> Paths {
    Paths {
        rules: rules.id,
        shortest: shortest(rules),
        edge_cover: edge_cover(rules),
    }
}

/// [`paths`] as pretty JSON, as committed in `spec/lifecycle/exports/<version>.paths.json`.
pub fn json(rules: &Rules) -> String {
    let mut out = serde_json::to_string_pretty(&paths(rules)).unwrap_or_default();
    out.push('\n');
    out
}

/// For every reachable state, the transitions of one shortest path to it (breadth first, in the
/// order of the data).
fn tree(rules: &Rules) -> Vec<(State, Vec<&Transition>)> {
    let mut found: Vec<(State, Vec<&Transition>)> = vec![(rules.initial, Vec::new())];
    let mut queue = VecDeque::from([0usize]);
    while let Some(i) = queue.pop_front() {
        let (state, path) = found[i].clone();
        for t in rules.transitions.iter().filter(|t| t.from == state) {
            if found.iter().all(|(s, _)| *s != t.to) {
                let mut next = path.clone();
                next.push(t);
                found.push((t.to, next));
                queue.push_back(found.len() - 1);
            }
        }
    }
    found
}

/// One shortest path to every state but the initial one.
pub fn shortest(rules: &Rules) -> Vec<Path> {
    tree(rules)
        .into_iter()
        .skip(1)
        .map(|(state, transitions)| path(rules, name(&state), &transitions))
        .collect()
}

/// Paths that together take every transition of `rules`.
pub fn edge_cover(rules: &Rules) -> Vec<Path> {
    let tree = tree(rules);
    let all: Vec<(String, Vec<&Transition>)> = rules
        .transitions
        .iter()
        .filter_map(|t| {
            let (_, to_source) = tree.iter().find(|(s, _)| *s == t.from)?;
            let mut transitions = to_source.clone();
            transitions.push(t);
            let target = format!("{} --{}--> {}", name(&t.from), name(&t.event), name(&t.to));
            Some((target, transitions))
        })
        .collect();
    // Drop a path that is a prefix of another (it is taken by the longer one).
    let is_prefix = |a: &[&Transition], b: &[&Transition]| {
        a.len() < b.len() && a.iter().zip(b).all(|(x, y)| std::ptr::eq(*x, *y))
    };
    all.iter()
        .filter(|(_, p)| !all.iter().any(|(_, q)| is_prefix(p, q)))
        .map(|(target, transitions)| path(rules, target.clone(), transitions))
        .collect()
}

/// The path through `transitions`, with its concrete log.
fn path(rules: &Rules, target: String, transitions: &[&Transition]) -> Path {
    let start = rules
        .forms
        .effective_from
        .max(rules.effective_from)
        .to_days();
    let at = |hour: i64| -> Option<Timestamp> {
        let date = Date::from_days(start + (8 + hour) / 24).ok()?;
        format!("{date}T{:02}:00:00+07:00", (8 + hour) % 24)
            .parse()
            .ok()
    };
    let mut steps = Vec::new();
    let mut log = Vec::new();
    for (hour, t) in (0i64..).zip(transitions) {
        let actor = t.actors.first().copied().unwrap_or(Role::Applicant);
        steps.push(PathStep {
            event: t.event,
            actor,
            state: t.to,
        });
        let Some(time) = at(hour) else { continue };
        log.push(LogEvent {
            dossier: target.clone(),
            kind: t.event,
            at: time,
            actor,
            channel: (t.event == EventType::Submitted).then_some(Channel::Online),
            limit: t
                .effects
                .contains(&Effect::StartClock)
                .then_some(Limit::WorkingDays(10)),
            due_at: t
                .effects
                .contains(&Effect::ExtendDue)
                .then(|| at(60 * 24 + 9))
                .flatten(),
            procedure: None,
            agency: None,
            form: None,
            note: None,
            extensions: None,
        });
    }
    Path { target, steps, log }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::due::Policy;
    use crate::lifecycle::{machine, step, DossierState};

    /// Replays `path` and returns the state reached; panics on a refused event.
    fn replays(path: &Path) -> State {
        let mut dossier = DossierState::default();
        assert_eq!(path.log.len(), path.steps.len(), "{}", path.target);
        for (event, s) in path.log.iter().zip(&path.steps) {
            dossier = step(&dossier, event, &Policy::default())
                .unwrap_or_else(|r| {
                    panic!("{}: {:?} refused: {}", path.target, event.kind, r.code())
                })
                .dossier;
            assert_eq!(dossier.state, s.state);
        }
        dossier.state
    }

    #[test]
    fn shortest_paths_reach_every_state() {
        for rules in machine::all() {
            let paths = shortest(rules);
            assert_eq!(paths.len(), rules.states.len() - 1);
            for p in &paths {
                assert_eq!(name(&replays(p)), p.target);
            }
        }
    }

    #[test]
    fn the_edge_cover_takes_every_transition() {
        for rules in machine::all() {
            let paths = edge_cover(rules);
            let mut taken = std::collections::HashSet::new();
            for p in &paths {
                replays(p);
                let mut from = rules.initial;
                for s in &p.steps {
                    taken.insert((from, s.event));
                    from = s.state;
                }
            }
            for t in &rules.transitions {
                assert!(
                    taken.contains(&(t.from, t.event)),
                    "{:?} {:?}",
                    t.from,
                    t.event
                );
            }
            assert!(
                paths.len() < rules.transitions.len(),
                "prefixes were dropped"
            );
        }
    }
}
