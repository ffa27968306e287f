//! The machine as data: `spec/lifecycle/*.json`, one file per rule version, compiled in.
//!
//! Each file holds the states, the guards (named here, interpreted by [`super::step`]), and the
//! transitions: from a state, on an event, sent by one of the allowed actors, past the guards, to
//! a state, with effects on the dossier's clock, the form the step produces, and the article it
//! comes from. A dossier is judged by the version in force on the day it was received (before
//! receipt: on the day of the event); see `spec/lifecycle/README.md`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::model::{Circular, EventType};
use crate::Date;

/// The rule versions, oldest first: (id, source text).
const SOURCES: [(RuleSet, &str); 2] = [
    (
        RuleSet::Decree61_2018,
        include_str!("../../../spec/lifecycle/decree-61-2018.json"),
    ),
    (
        RuleSet::Decree118_2025,
        include_str!("../../../spec/lifecycle/decree-118-2025.json"),
    ),
];

/// A rule version: the legal framework a dossier is judged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum RuleSet {
    /// Decree 61/2018/NĐ-CP as amended by Decree 107/2021/NĐ-CP, with Circular 01/2018/TT-VPCP:
    /// dossiers received 21/6/2018–30/6/2025 (`spec/lifecycle/decree-61-2018.json`).
    #[serde(rename = "decree-61-2018")]
    Decree61_2018,
    /// Decree 118/2025/NĐ-CP with Circular 03/2025/TT-VPCP: dossiers received from 01/7/2025
    /// (`spec/lifecycle/decree-118-2025.json`).
    #[serde(rename = "decree-118-2025")]
    Decree118_2025,
}

/// A state of a dossier in the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Nothing recorded yet.
    New,
    /// Submitted, awaiting the one-stop shop's check.
    Submitted,
    /// The one-stop shop asked for a supplement before receiving (Mẫu 02).
    SupplementAtReceipt,
    /// Refused at receipt (Mẫu 03). Terminal.
    Refused,
    /// Received, with the receipt and appointment (Mẫu 01); the clock runs.
    Received,
    /// With the competent agency.
    Processing,
    /// With co-ordinating agencies (inter-agency procedure).
    InterAgency,
    /// The agency asked for a supplement after appraisal (Mẫu 02); the clock stands still.
    SupplementInProcessing,
    /// Waiting for the applicant's financial obligations.
    AwaitingPayment,
    /// The applicant asked to withdraw.
    WithdrawalRequested,
    /// Processing stopped. Terminal.
    Stopped,
    /// Result (or refusal after appraisal) ready at the one-stop shop.
    ResultReady,
    /// Result handed to the applicant. Terminal.
    Returned,
}

/// Who sends an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The applicant (organisation or person) or their representative.
    Applicant,
    /// An officer of the one-stop shop (Bộ phận Một cửa, Public Administration Service Centre).
    OneStop,
    /// The competent (lead) agency.
    Agency,
    /// A co-ordinating agency of an inter-agency procedure.
    CoAgency,
    /// The public postal service carrying dossiers or results.
    Post,
    /// The National Public Service Portal or a ministry/provincial portal, acting by itself.
    Portal,
}

/// A named condition on a transition; its meaning is in [`super::step`], its article in the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Guard {
    /// Fewer supplement requests at receipt than the guard's value.
    SupplementAtReceiptLeft,
    /// Fewer supplement requests after appraisal than the guard's value.
    SupplementInProcessingLeft,
    /// The request after appraisal comes within the guard's value of working days of receipt.
    SupplementNoticeInTime,
    /// Fewer apology slips than the guard's value.
    ApologyNotYetIssued,
    /// The apology comes at least the guard's value of days before the due date.
    ApologyBeforeDue,
    /// The apology's new appointment is later than the current due date.
    ApologyExtendsDue,
}

impl Guard {
    /// Whether the guard needs a numeric value in the data.
    pub const fn takes_value(self) -> bool {
        !matches!(self, Self::ApologyExtendsDue)
    }
}

/// What a transition does to the dossier's clock (`crate::calendar::due::Clock`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The time limit starts at receipt; the event carries the procedure's `limit`.
    StartClock,
    /// A supplement request after appraisal: the clock stands still.
    PauseClock,
    /// The complete dossier is back: the limit runs again from the start (Decree 61/2018
    /// Art. 19(4)), or resumes where the procedure's own law says so (`Policy::supplement`).
    RestartClock,
    /// The apology slip's new appointment replaces the due date; the event carries `due_at`.
    ExtendDue,
    /// Processing ends: the time compared with the due date.
    StopClock,
}

/// How sure the source of a rule is (the legend of `/work/shared/domain/updates-2025.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Status {
    /// Read in the text of the instrument.
    #[serde(rename = "PRIMARY")]
    Primary,
    /// Quoted word for word in an official document.
    #[serde(rename = "NEAR-PRIMARY")]
    NearPrimary,
    /// From a secondary source.
    #[serde(rename = "UNCONFIRMED")]
    Unconfirmed,
    /// The law is silent; the reading chosen is written in `spec/lifecycle/README.md`.
    #[serde(rename = "READING")]
    Reading,
}

/// A state as described in the data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateDef {
    /// The state.
    pub id: State,
    /// No event is accepted once here.
    pub terminal: bool,
    /// Name in Vietnamese.
    pub vi: String,
    /// Name in English.
    pub en: String,
}

/// A guard as described in one rule version.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuardDef {
    /// The guard.
    pub id: Guard,
    /// Its number (a count or a number of days), for guards that take one.
    #[serde(default)]
    pub value: Option<u32>,
    /// Where the rule comes from.
    pub article: String,
    /// How sure that source is.
    pub status: Status,
    /// What the guard requires, in English.
    pub en: String,
}

/// The forms a rule version prescribes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    /// The circular that numbers them.
    pub circular: Circular,
    /// Events before this date produce no numbered form (the circular was not yet issued or in
    /// force; see the README).
    pub effective_from: Date,
    /// The article that lists the forms.
    pub article: String,
}

/// One transition.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// The state the event applies in.
    pub from: State,
    /// The event.
    pub event: EventType,
    /// The state after it.
    pub to: State,
    /// Who may send it.
    pub actors: Vec<Role>,
    /// Conditions, checked in order; the first that fails rejects the event.
    pub guards: Vec<Guard>,
    /// Effects on the clock, applied in order.
    pub effects: Vec<Effect>,
    /// The form the step produces, by its number in the version's circular.
    pub form: Option<u8>,
    /// Where the transition comes from.
    pub article: String,
    /// How sure that source is.
    pub status: Status,
}

/// One rule version of the machine, as read from `spec/lifecycle/<id>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    #[serde(rename = "$comment")]
    _comment: String,
    /// The version.
    pub id: RuleSet,
    /// The instruments' names in Vietnamese.
    pub title: String,
    /// The instruments, with their dates.
    pub instruments: Vec<String>,
    /// First day of receipt judged by this version.
    pub effective_from: Date,
    /// Last day of receipt judged by this version; `None` while in force.
    pub effective_until: Option<Date>,
    /// The forms.
    pub forms: Forms,
    /// The state of a dossier before any event.
    pub initial: State,
    /// Every state.
    pub states: Vec<StateDef>,
    /// Every guard used by the transitions.
    pub guards: Vec<GuardDef>,
    /// Every transition.
    pub transitions: Vec<Transition>,
    /// For each (state, event), the index of its transition: built once after loading.
    #[serde(skip)]
    index: Vec<Option<usize>>,
    /// The terminal states, bit `state as usize`: built once after loading.
    #[serde(skip)]
    terminal: u32,
}

/// Number of states and of event types, the dimensions of [`Rules`]' transition index.
const STATES: usize = State::Returned as usize + 1;
// The terminal states are a bit set in a `u32`.
const _: () = assert!(STATES <= 32);
const EVENTS: usize = EventType::ALL.len();

impl Rules {
    /// The transition for `event` in `from`, if the machine has one.
    pub fn transition(&self, from: State, event: EventType) -> Option<&Transition> {
        let i = self.index.get(slot(from, event)).copied().flatten()?;
        self.transitions.get(i)
    }

    /// The description of `guard` in this version.
    pub fn guard(&self, guard: Guard) -> Option<&GuardDef> {
        self.guards.iter().find(|g| g.id == guard)
    }

    /// Whether `state` is terminal.
    pub fn is_terminal(&self, state: State) -> bool {
        self.terminal >> (state as u32) & 1 == 1
    }

    /// Whether a dossier received (or an event made, before receipt) on `date` is judged here.
    pub fn in_force_on(&self, date: Date) -> bool {
        self.effective_from <= date && self.effective_until.is_none_or(|end| date <= end)
    }
}

/// The position of (`from`, `event`) in the transition index.
fn slot(from: State, event: EventType) -> usize {
    from as usize * EVENTS + event as usize
}

/// The name of a value as written in the data and the log (`"one_stop"`, `"decree-61-2018"`).
pub(crate) fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Every rule version, oldest first.
pub fn all() -> &'static [Rules] {
    static RULES: OnceLock<Vec<Rules>> = OnceLock::new();
    RULES.get_or_init(|| {
        // The files are checked by the unit tests below; a broken machine cannot be released.
        SOURCES
            .iter()
            .map(|(id, text)| {
                let mut rules: Rules = serde_json::from_str(text)
                    .unwrap_or_else(|e| panic!("spec/lifecycle/{id:?} is invalid: {e}"));
                assert_eq!(rules.id, *id, "spec/lifecycle file holds another version");
                // The first transition of each pair wins; a unit test checks there is one.
                rules.index = vec![None; STATES * EVENTS];
                for (i, t) in rules.transitions.iter().enumerate().rev() {
                    rules.index[slot(t.from, t.event)] = Some(i);
                }
                rules.terminal = rules
                    .states
                    .iter()
                    .filter(|s| s.terminal)
                    .fold(0, |bits, s| bits | 1 << (s.id as u32));
                rules
            })
            .collect()
    })
}

/// The rule version `id`.
pub fn rules(id: RuleSet) -> &'static Rules {
    let index = match id {
        RuleSet::Decree61_2018 => 0,
        RuleSet::Decree118_2025 => 1,
    };
    &all()[index]
}

/// The rule version in force on `date`, if any (none before 21/6/2018).
pub fn rules_on(date: Date) -> Option<&'static Rules> {
    all().iter().find(|r| r.in_force_on(date))
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashSet, VecDeque};

    use super::*;

    #[test]
    fn the_transition_index_finds_every_transition() {
        for (i, e) in EventType::ALL.iter().enumerate() {
            assert_eq!(*e as usize, i, "EventType::ALL is in declaration order");
        }
        for rules in all() {
            for t in &rules.transitions {
                assert_eq!(rules.transition(t.from, t.event), Some(t));
            }
            let found = rules
                .states
                .iter()
                .flat_map(|s| EventType::ALL.map(|e| rules.transition(s.id, e)))
                .flatten()
                .count();
            assert_eq!(found, rules.transitions.len());
        }
    }

    #[test]
    fn versions_follow_each_other_without_gap() {
        let all = all();
        assert_eq!(all.len(), SOURCES.len());
        for (i, pair) in all.windows(2).enumerate() {
            let until = pair[0].effective_until.expect("an older version ends");
            assert_eq!(
                Date::from_days(until.to_days() + 1).ok(),
                Some(pair[1].effective_from),
                "gap or overlap after version {i}"
            );
        }
        assert!(all.last().is_some_and(|r| r.effective_until.is_none()));
        let d = |y, m, day| Date::new(y, m, day).expect("date");
        assert_eq!(rules_on(d(2018, 6, 20)), None);
        assert_eq!(
            rules_on(d(2018, 6, 21)).map(|r| r.id),
            Some(RuleSet::Decree61_2018)
        );
        assert_eq!(
            rules_on(d(2025, 6, 30)).map(|r| r.id),
            Some(RuleSet::Decree61_2018)
        );
        assert_eq!(
            rules_on(d(2025, 7, 1)).map(|r| r.id),
            Some(RuleSet::Decree118_2025)
        );
    }

    #[test]
    fn every_state_is_described_once_and_reachable() {
        for rules in all() {
            let described: Vec<State> = rules.states.iter().map(|s| s.id).collect();
            let unique: HashSet<State> = described.iter().copied().collect();
            assert_eq!(
                unique.len(),
                described.len(),
                "{:?}: a state twice",
                rules.id
            );
            assert!(unique.contains(&rules.initial));
            let mut seen = HashSet::from([rules.initial]);
            let mut queue = VecDeque::from([rules.initial]);
            while let Some(s) = queue.pop_front() {
                for t in rules.transitions.iter().filter(|t| t.from == s) {
                    if seen.insert(t.to) {
                        queue.push_back(t.to);
                    }
                }
            }
            assert_eq!(seen, unique, "{:?}: unreachable states", rules.id);
            for t in &rules.transitions {
                assert!(unique.contains(&t.from) && unique.contains(&t.to));
            }
        }
    }

    #[test]
    fn no_transition_leaves_a_terminal_state_and_others_can_move() {
        for rules in all() {
            for s in &rules.states {
                let out = rules.transitions.iter().filter(|t| t.from == s.id).count();
                assert_eq!(
                    s.terminal,
                    out == 0,
                    "{:?}: {:?} terminal={} with {out} transitions out",
                    rules.id,
                    s.id,
                    s.terminal
                );
            }
        }
    }

    #[test]
    fn every_event_is_known_and_used_and_transitions_are_unique() {
        for rules in all() {
            let mut pairs = HashSet::new();
            for t in &rules.transitions {
                assert!(
                    pairs.insert((t.from, t.event)),
                    "{:?}: two transitions for {:?} in {:?}",
                    rules.id,
                    t.event,
                    t.from
                );
                assert!(!t.actors.is_empty(), "{:?}: {t:?} has no actor", rules.id);
            }
            let used: BTreeSet<String> = rules
                .transitions
                .iter()
                .map(|t| format!("{:?}", t.event))
                .collect();
            let known: BTreeSet<String> = EventType::ALL.iter().map(|e| format!("{e:?}")).collect();
            assert_eq!(used, known, "{:?}: events unused or unknown", rules.id);
        }
    }

    #[test]
    fn every_transition_and_guard_cites_its_source() {
        for rules in all() {
            for t in &rules.transitions {
                assert!(
                    t.article.trim().len() > 10,
                    "{:?}: {:?} in {:?} cites no article",
                    rules.id,
                    t.event,
                    t.from
                );
                for g in &t.guards {
                    assert!(rules.guard(*g).is_some(), "{:?}: guard {g:?}", rules.id);
                }
                // A start needs the limit, an extension needs the new date: the machine never
                // asks the step for two of them.
                for e in [Effect::StartClock, Effect::ExtendDue] {
                    assert!(t.effects.iter().filter(|x| **x == e).count() <= 1);
                }
            }
            for g in &rules.guards {
                assert!(!g.article.trim().is_empty() && !g.en.trim().is_empty());
                assert_eq!(
                    g.value.is_some(),
                    g.id.takes_value(),
                    "{:?}: {:?}",
                    rules.id,
                    g.id
                );
                assert!(
                    rules.transitions.iter().any(|t| t.guards.contains(&g.id)),
                    "{:?}: guard {:?} unused",
                    rules.id,
                    g.id
                );
            }
            assert!(!rules.forms.article.is_empty() && !rules.instruments.is_empty());
        }
    }

    #[test]
    fn forms_agree_with_the_model() {
        // The model's `Circular::prescribed_form` is what `forms::validate` checks dossiers
        // against; the machine must produce the same forms.
        for rules in all() {
            for t in &rules.transitions {
                let expected = rules.forms.circular.prescribed_form(t.event);
                assert_eq!(
                    t.form, expected,
                    "{:?}: {:?} in {:?} produces form {:?}, the model prescribes {expected:?}",
                    rules.id, t.event, t.from, t.form
                );
            }
        }
    }
}
