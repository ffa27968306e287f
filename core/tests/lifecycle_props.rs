//! Properties of the lifecycle over random event sequences: `step` never panics; a closed dossier
//! (refused, stopped, returned) never moves again; a refused event changes nothing, so folding
//! only the accepted events gives the same dossier; every accepted step is a transition of the
//! data; the replay of the same events as JSON Lines agrees with the fold; every dossier reached
//! is written as JSON and read back as itself, and stepping the JSON gives the same outcome.

use motcua_core::calendar::due::{Limit, Policy};
use motcua_core::lifecycle::{self, machine, DossierState, LogEvent, Role, State, StepOutcome};
use motcua_core::model::{Channel, Circular, EventType, FormRef, Timestamp};
use motcua_core::Date;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

const ROLES: [Role; 6] = [
    Role::Applicant,
    Role::OneStop,
    Role::Agency,
    Role::CoAgency,
    Role::Post,
    Role::Portal,
];

/// Minutes since 2018-06-01T00:00+07:00 as a timestamp.
fn timestamp(minutes: i64) -> Timestamp {
    let base = Date::new(2018, 6, 1).unwrap().to_days();
    let date = Date::from_days(base + minutes.div_euclid(1440)).unwrap();
    let m = minutes.rem_euclid(1440);
    format!("{date}T{:02}:{:02}:00+07:00", m / 60, m % 60)
        .parse()
        .unwrap()
}

/// One random event: any type and actor, fields present mostly where they belong, times moving
/// forward by up to four days (sometimes backwards), forms sometimes cited.
/// The event, the minutes since the previous one, and the minutes from it to an apology's new
/// appointment.
fn event() -> impl Strategy<Value = (LogEvent, i64, Option<i64>)> {
    (
        select(EventType::ALL.to_vec()),
        select(ROLES.to_vec()),
        -600i64..6000,
        (0u8..10, 0u32..30, 0i64..20_000),
        option::of((
            select(vec![Circular::Tt01_2018, Circular::Tt03_2025]),
            0u8..8,
        )),
        select(vec![Channel::InPerson, Channel::Post, Channel::Online]),
    )
        .prop_map(|(kind, actor, step, (roll, days, ahead), form, channel)| {
            let event = LogEvent {
                dossier: "D".to_owned(),
                kind,
                at: timestamp(0),
                actor,
                channel: (roll < 9 && kind == EventType::Submitted || roll == 9).then_some(channel),
                limit: (roll < 9 && kind == EventType::Received || roll == 9)
                    .then_some(Limit::WorkingDays(days)),
                due_at: None,
                procedure: None,
                agency: None,
                form: form.map(|(circular, number)| FormRef { circular, number }),
                note: None,
                extensions: None,
            };
            let due = (roll < 8 && kind == EventType::ApologyIssued || roll == 9).then_some(ahead);
            (event, step, due)
        })
}

/// Events with absolute times: a start between 2018 and 2027 and the steps added up.
fn events() -> impl Strategy<Value = Vec<LogEvent>> {
    (0i64..9 * 366 * 1440, prop::collection::vec(event(), 0..40)).prop_map(|(start, evs)| {
        let mut now = start;
        evs.into_iter()
            .map(|(mut e, step, due)| {
                now += step;
                e.at = timestamp(now);
                e.due_at = due.map(|ahead| timestamp(now + ahead));
                e
            })
            .collect()
    })
}

/// Turns `e` into an event the machine has a transition for in the dossier's state (the
/// `pick`-th one, with the `pick`-th allowed actor and the fields it needs), so that random runs
/// reach every state; the guards may still refuse it.
fn guided(e: &mut LogEvent, dossier: &DossierState, pick: usize) {
    let minutes = i64::try_from(e.at.unix_nanos() / 60_000_000_000).unwrap() + 7 * 60;
    let date = Date::from_days(minutes.div_euclid(1440)).unwrap();
    let Some(rules) = dossier
        .rules
        .map(machine::rules)
        .or_else(|| machine::rules_on(date))
    else {
        return;
    };
    let out: Vec<_> = rules
        .transitions
        .iter()
        .filter(|t| t.from == dossier.state)
        .collect();
    let Some(t) = out.get(pick % out.len().max(1)) else {
        return;
    };
    e.kind = t.event;
    e.actor = t.actors[pick % t.actors.len()];
    e.channel = (t.event == EventType::Submitted).then_some(Channel::Online);
    e.limit = e.limit.filter(|_| t.event == EventType::Received);
    if t.event == EventType::Received && e.limit.is_none() {
        e.limit = Some(Limit::WorkingDays(u32::try_from(pick % 25).unwrap_or(1)));
    }
    if t.event == EventType::ApologyIssued {
        let since_base = minutes - Date::new(2018, 6, 1).unwrap().to_days() * 1440;
        e.due_at = Some(timestamp(since_base + 1440 * (pick as i64 % 30)));
    } else {
        e.due_at = None;
    }
    e.form = None;
}

fn is_closed(state: State) -> bool {
    matches!(state, State::Refused | State::Stopped | State::Returned)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_sequences(raw in events(), guides in prop::collection::vec(option::of(0usize..64), 40)) {
        let policy = Policy::default();
        let mut dossier = DossierState::default();
        let mut accepted = Vec::new();
        let mut events = Vec::new();
        for (mut e, guide) in raw.into_iter().zip(guides) {
            if let Some(pick) = guide {
                guided(&mut e, &dossier, pick);
            }
            events.push(e.clone());
            let e = &e;
            let before = dossier.clone();
            // A dossier written as JSON reads back as itself, and the event applied to the JSON
            // gives the same outcome as applied to the dossier.
            let written = serde_json::to_string(&dossier).unwrap();
            let read = DossierState::from_json(&written, &policy)
                .map_err(|err| TestCaseError::fail(format!("{written} does not read back: {err:?}")))?;
            prop_assert_eq!(&read, &dossier);
            let event_json = serde_json::to_string(e).unwrap();
            let outcome = lifecycle::step_json(Some(&written), &event_json, &policy).unwrap();
            prop_assert_eq!(&outcome, &StepOutcome::of(&dossier, e, &policy));
            match lifecycle::step(&dossier, e, &policy) {
                Ok(stepped) => {
                    prop_assert!(!is_closed(before.state), "a closed dossier moved: {e:?}");
                    let rules = machine::rules(stepped.rules);
                    let t = rules.transition(before.state, e.kind);
                    prop_assert_eq!(t, Some(stepped.transition));
                    prop_assert_eq!(stepped.dossier.state, stepped.transition.to);
                    dossier = stepped.dossier;
                    accepted.push(e.clone());
                }
                Err(rejection) => {
                    prop_assert_eq!(&dossier, &before);
                    prop_assert_eq!(rejection.state, before.state);
                    let finding = rejection.to_finding();
                    prop_assert!(!finding.vi.is_empty() && !finding.en.is_empty());
                    prop_assert!(!rejection.article().is_empty());
                }
            }
        }
        // The refused events changed nothing: the accepted ones alone give the same dossier.
        let mut again = DossierState::default();
        for e in &accepted {
            again = lifecycle::step(&again, e, &policy)
                .map_err(|r| TestCaseError::fail(format!("refused on replay: {r:?}")))?
                .dossier;
        }
        prop_assert_eq!(&again, &dossier);
        let written = serde_json::to_string(&dossier).unwrap();
        prop_assert_eq!(DossierState::from_json(&written, &policy), Ok(dossier.clone()));
        // The same events as a JSON Lines log replay to the same state.
        let log: String = events
            .iter()
            .map(|e| serde_json::to_string(e).unwrap() + "\n")
            .collect();
        let replay = lifecycle::replay(&log, &policy).unwrap();
        if let Some(d) = replay.dossiers.first() {
            prop_assert_eq!(d.state, dossier.state);
            prop_assert_eq!(d.rejected, events.len() - accepted.len());
            prop_assert_eq!(d.timeline.len(), events.len());
        } else {
            prop_assert!(events.is_empty());
        }
    }
}
