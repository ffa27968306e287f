//! Due dates of a dossier: from the receipt time and the procedure's time limit, on an agency's
//! [`Schedule`], with the supplement rule and the apology slip's new appointment, and the list of
//! [`Step`]s that explains how each day was counted.
//!
//! The rules and the readings chosen are in `spec/calendar/working-days.md`:
//! - the day of receipt is not counted; day 1 is the first working day after it (Civil Code
//!   91/2015/QH13 Art. 147(2)); a limit in calendar days that ends on a day off ends on the next
//!   working day (Art. 148);
//! - a dossier received on a day off, or after the configured cut-off hour, counts from the next
//!   working day as if received then (calendar.md §5; Decree 61/2018/NĐ-CP Art. 18(2)–(3) sets
//!   15:00 for the hand-over only, Decree 297/2025/NĐ-CP Art. 3(5) uses 17:00: configuration);
//! - a limit in working hours runs through the office hours of working days; with
//!   [`Counting::Hours`] a limit in working days runs as 8 working hours per day;
//! - a supplement request during processing restarts the time limit once the dossier is
//!   complete (Decree 61/2018/NĐ-CP Art. 19(4), the default) or, by configuration, pauses it;
//! - the apology slip sets a new appointment, later than the due time, at most once (Art. 19(9)).

use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calendar::schedule::{Day, Schedule, ScheduleError, MAX_WORKING_DAYS};
use crate::model::Timestamp;
use crate::{Date, Diagnostic};

/// Minutes in a day.
const DAY_MINUTES: u16 = 24 * 60;
/// Vietnam's offset east of UTC in minutes: UTC+07:00, no daylight saving (calendar.md §1).
const VIETNAM_OFFSET_MINUTES: i64 = 7 * 60;
/// Working hours per working day when days are counted in hours (calendar.md §4).
pub const HOURS_PER_DAY: u32 = 8;

/// Why a due date cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DueError {
    /// The working-day computation failed.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// An hour or minute out of range.
    #[error("no such time of day")]
    NoSuchTime,
    /// Office hours must be non-empty, ordered, non-overlapping intervals within the day.
    #[error("office hours must be ordered, non-overlapping intervals within the day")]
    OfficeHours,
    /// A supplement was requested before the dossier was received, or supplied before requested.
    #[error("a supplement period must lie after the receipt and end after it starts")]
    SupplementOrder,
    /// The apology slip's new appointment is not later than the appointment it extends.
    #[error("the new appointment of an apology slip must be later than the due time it extends")]
    ExtensionOrder,
}

impl Diagnostic for DueError {
    fn code(&self) -> &'static str {
        match self {
            DueError::Schedule(e) => e.code(),
            DueError::NoSuchTime => "due.no_such_time",
            DueError::OfficeHours => "due.office_hours",
            DueError::SupplementOrder => "due.supplement_order",
            DueError::ExtensionOrder => "due.extension_order",
        }
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            DueError::Schedule(e) => e.args(),
            DueError::NoSuchTime
            | DueError::OfficeHours
            | DueError::SupplementOrder
            | DueError::ExtensionOrder => Vec::new(),
        }
    }
}

/// A local time in Vietnam (UTC+07:00), to the minute.
///
/// As JSON (a due time, a step of its explanation) it is an RFC 3339 date-time with the offset
/// `+07:00` and zero seconds, `2025-04-29T17:00:00+07:00`: the form of the receipt and of the
/// conformance vectors, so that a due time can be compared with them as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalTime {
    /// The date.
    pub date: Date,
    /// Minutes since midnight, 0 to 1439.
    pub minute: u16,
}

impl LocalTime {
    /// `hour:minute` on `date`.
    pub fn new(date: Date, hour: u8, minute: u8) -> Result<Self, DueError> {
        if hour > 23 || minute > 59 {
            return Err(DueError::NoSuchTime);
        }
        Ok(Self {
            date,
            minute: u16::from(hour) * 60 + u16::from(minute),
        })
    }

    /// The Vietnamese local time of a timestamp written in any offset (seconds dropped).
    pub fn from_timestamp(timestamp: &Timestamp) -> Result<Self, DueError> {
        // Minutes from midnight of the date as written to the same instant in Vietnam (the
        // seconds never reach a minute): the date moves by at most two days, and not at all
        // for a time written at +07:00, which needs no date arithmetic.
        let minutes = i64::from(timestamp.minute_of_day()) - i64::from(timestamp.offset_minutes())
            + VIETNAM_OFFSET_MINUTES;
        let day = i64::from(DAY_MINUTES);
        let minute = u16::try_from(minutes.rem_euclid(day)).map_err(|_| DueError::NoSuchTime)?;
        let date = match minutes.div_euclid(day) {
            0 => timestamp.date(),
            shift => Date::from_days(timestamp.date().to_days() + shift)
                .map_err(|_| ScheduleError::OutOfRange)?,
        };
        Ok(Self { date, minute })
    }
}

impl fmt::Display for LocalTime {
    /// RFC 3339 at `+07:00`: `2025-04-29T17:00:00+07:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (hour, minute) = (self.minute / 60, self.minute % 60);
        write!(f, "{}T{hour:02}:{minute:02}:00+07:00", self.date)
    }
}

impl Serialize for LocalTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalTime {
    /// Exactly the text [`Display`](fmt::Display) writes, RFC 3339 at `+07:00` with zero seconds
    /// (`2025-04-29T17:00:00+07:00`): a time read back is one that was written, never a time
    /// rounded or moved from another offset.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::input::from_text(deserializer, |text| {
            text.parse::<Timestamp>()
                .ok()
                .and_then(|t| LocalTime::from_timestamp(&t).ok())
                .filter(|local| local.to_string() == text)
                .ok_or("a time in Vietnam to the minute is written YYYY-MM-DDTHH:MM:00+07:00")
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for LocalTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LocalTime".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date-time",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:00\\+07:00$",
            "description": "A time in Vietnam to the minute, RFC 3339 at +07:00, e.g. 2025-04-29T17:00:00+07:00."
        })
    }
}

/// An agency's office hours: intervals of minutes since midnight, `[start, end)`.
///
/// As JSON, the text `"HH:MM-HH:MM,…"` that [`FromStr`](std::str::FromStr) reads and
/// [`Display`](fmt::Display) writes, e.g. `"07:30-11:30,13:30-17:00"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeHours {
    /// Sessions `[start, end)` in minutes since midnight, e.g. `[[480, 720], [780, 1020]]` for
    /// 08:00–12:00 and 13:00–17:00 (the default): non-empty, ordered, non-overlapping.
    sessions: Vec<(u16, u16)>,
}

impl Default for OfficeHours {
    /// 08:00–12:00 and 13:00–17:00, 8 hours (a common schedule, calendar.md §1; set per office).
    fn default() -> Self {
        Self {
            sessions: vec![(480, 720), (780, 1020)],
        }
    }
}

impl OfficeHours {
    /// Office hours from `(start, end)` minutes since midnight, checked to be ordered and disjoint.
    pub fn new(sessions: Vec<(u16, u16)>) -> Result<Self, DueError> {
        let hours = Self { sessions };
        hours.check()?;
        Ok(hours)
    }

    /// The sessions, `(start, end)` minutes since midnight.
    pub fn sessions(&self) -> &[(u16, u16)] {
        &self.sessions
    }

    /// Whether the sessions are non-empty, ordered, disjoint and within the day.
    fn check(&self) -> Result<(), DueError> {
        let sessions = &self.sessions;
        let ordered = sessions.windows(2).all(|w| w[0].1 <= w[1].0);
        let valid = sessions.iter().all(|&(s, e)| s < e && e <= DAY_MINUTES);
        if sessions.is_empty() || !ordered || !valid {
            return Err(DueError::OfficeHours);
        }
        Ok(())
    }

    /// Closing time: the end of the last session.
    fn closing(&self) -> u16 {
        self.sessions.last().map_or(DAY_MINUTES, |s| s.1)
    }
}

impl std::str::FromStr for OfficeHours {
    type Err = DueError;

    /// Sessions written `HH:MM-HH:MM`, separated by commas, e.g. `07:30-11:30,13:30-17:00`.
    /// `24:00` may end the last session. A time that does not exist is
    /// [`DueError::NoSuchTime`]; anything else malformed, or sessions out of order or
    /// overlapping, is [`DueError::OfficeHours`].
    fn from_str(text: &str) -> Result<Self, DueError> {
        let sessions = text
            .split(',')
            .map(|session| {
                let (start, end) = session.split_once('-').ok_or(DueError::OfficeHours)?;
                let end = match end.trim() {
                    "24:00" => DAY_MINUTES,
                    end => minute_of_day(end)?,
                };
                Ok((minute_of_day(start)?, end))
            })
            .collect::<Result<_, DueError>>()?;
        Self::new(sessions)
    }
}

impl fmt::Display for OfficeHours {
    /// The sessions as `FromStr` reads them: `08:00-12:00,13:00-17:00`; midnight ending the
    /// last session is `24:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, &(start, end)) in self.sessions.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            let (sh, sm, eh, em) = (start / 60, start % 60, end / 60, end % 60);
            write!(f, "{sep}{sh:02}:{sm:02}-{eh:02}:{em:02}")?;
        }
        Ok(())
    }
}

impl Serialize for OfficeHours {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for OfficeHours {
    /// The text `HH:MM-HH:MM,…`; text that [`FromStr`](std::str::FromStr) refuses is refused
    /// with its [`DueError`]'s message.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::model::input::from_text(deserializer, str::parse)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for OfficeHours {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "OfficeHours".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^ *[0-9]{2}:[0-9]{2} *- *[0-9]{2}:[0-9]{2} *(, *[0-9]{2}:[0-9]{2} *- *[0-9]{2}:[0-9]{2} *)*$",
            "description": "Office hours: sessions HH:MM-HH:MM separated by commas, ordered and not overlapping, 24:00 may end the last one, e.g. 07:30-11:30,13:30-17:00 (08:00-12:00,13:00-17:00 when left out)."
        })
    }
}

/// Minutes since midnight of a time of day written `HH:MM` (surrounding blanks allowed): the
/// cut-off and the office hours of a [`Policy`]. Any other text, or an hour above 23 or a
/// minute above 59, is [`DueError::NoSuchTime`].
pub fn minute_of_day(text: &str) -> Result<u16, DueError> {
    let two = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u8>().ok())
            .flatten()
    };
    let (h, m) = text.trim().split_once(':').ok_or(DueError::NoSuchTime)?;
    match (two(h), two(m)) {
        (Some(h), Some(m)) if h < 24 && m < 60 => Ok(u16::from(h) * 60 + u16::from(m)),
        _ => Err(DueError::NoSuchTime),
    }
}

/// How a limit in working days is counted (calendar.md §4: pick one per deployment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// By dates (Civil Code Arts. 147–148): due at closing time of the last day.
    #[default]
    Dates,
    /// By working hours, 8 per working day, from the receipt time through office hours.
    Hours,
}

/// What a supplement request during processing does to the time limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupplementRule {
    /// The limit runs again in full from the complete dossier (Decree 61/2018/NĐ-CP Art. 19(4):
    /// "Thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ"). The default.
    #[default]
    Restart,
    /// The clock stops from the request to the supplement and the due date moves by the working
    /// days stopped, for procedures whose own law says so (lifecycle.md §3.4).
    Pause,
}

/// An agency's counting configuration, the same JSON in a due-date request
/// ([`DueRequest`](crate::calendar::request::DueRequest)) and where a result echoes it (the CLI's
/// `calendar due --json`), so that a policy printed can be sent back as it is:
///
/// ```json
/// {"working_weekdays": [true, true, true, true, true, false, false],
///  "office_hours": "08:00-12:00,13:00-17:00", "cutoff": 900,
///  "counting": "dates", "supplement": "restart"}
/// ```
///
/// Every field may be left out for its default. The office hours are read when the policy is
/// read; the cut-off and the working week are checked when used ([`due`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// The working week, written as its working weekdays: seven booleans, Monday first
    /// (Monday to Friday when left out).
    #[serde(rename = "working_weekdays", with = "weekdays")]
    #[cfg_attr(feature = "schema", schemars(with = "[bool; 7]"))]
    pub schedule: Schedule,
    /// Office hours, `HH:MM-HH:MM,…` (08:00–12:00 and 13:00–17:00 when left out).
    pub office_hours: OfficeHours,
    /// Receipt after this minute of the day (0–1439; 15:00 = 900, 17:00 = 1020) counts from the
    /// next working day; `null` for no cut-off.
    pub cutoff: Option<u16>,
    /// Whether a limit in working days is counted by dates or as working hours.
    pub counting: Counting,
    /// What a supplement request does: restart the limit (the default) or pause it.
    pub supplement: SupplementRule,
}

/// A [`Policy`]'s working week as the array of its working weekdays, Monday first.
mod weekdays {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::calendar::schedule::Schedule;

    pub(super) fn serialize<S: Serializer>(s: &Schedule, serializer: S) -> Result<S::Ok, S::Error> {
        s.working_weekdays.serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Schedule, D::Error> {
        let working_weekdays = <[bool; 7]>::deserialize(d)?;
        Ok(Schedule { working_weekdays })
    }
}

/// A procedure's time limit ("Thời hạn giải quyết").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "unit", content = "value", rename_all = "snake_case")]
pub enum Limit {
    /// N working days.
    WorkingDays(u32),
    /// N calendar days.
    CalendarDays(u32),
    /// N working hours.
    WorkingHours(u32),
}

/// A supplement request during processing (Decree 61/2018/NĐ-CP Art. 19(4)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Supplement {
    /// When the request for supplement was sent.
    pub requested: LocalTime,
    /// When the complete dossier came back; `None` while waiting.
    pub supplied: Option<LocalTime>,
}

/// The dossier's clock: its receipt, its limit and what happened since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Clock {
    /// When the dossier was received (accepted).
    pub received: LocalTime,
    /// The procedure's time limit.
    pub limit: Limit,
    /// Supplement requests, in order.
    pub supplements: Vec<Supplement>,
    /// The new appointment of the apology slip (Art. 19(9): at most once).
    pub extension: Option<LocalTime>,
}

impl Clock {
    /// The clock of times written in RFC 3339 with any offset, counted in Vietnamese local time:
    /// the receipt, the limit, the supplement requests `(requested, supplied)` and the apology
    /// slip's appointment.
    pub fn from_timestamps(
        received: &Timestamp,
        limit: Limit,
        supplements: &[(Timestamp, Option<Timestamp>)],
        extension: Option<&Timestamp>,
    ) -> Result<Clock, DueError> {
        let local = LocalTime::from_timestamp;
        Ok(Clock {
            received: local(received)?,
            limit,
            supplements: supplements
                .iter()
                .map(|(requested, supplied)| {
                    Ok(Supplement {
                        requested: local(requested)?,
                        supplied: supplied.as_ref().map(local).transpose()?,
                    })
                })
                .collect::<Result<_, DueError>>()?,
            extension: extension.map(local).transpose()?,
        })
    }
}

/// One step of the explanation of a due date, for a clerk to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "DueStep"))]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The dossier was received at this time.
    Received {
        /// Receipt time.
        at: LocalTime,
    },
    /// Received on a day that is not a working day: counting starts from the next working day.
    ReceivedOnDayOff {
        /// The day of receipt and what it is.
        day: Day,
        /// The working day treated as the day of receipt.
        counts_from: Date,
    },
    /// Received after the cut-off hour: counting starts from the next working day.
    ReceivedAfterCutoff {
        /// The cut-off, minutes since midnight.
        cutoff: u16,
        /// The working day treated as the day of receipt.
        counts_from: Date,
    },
    /// A day counted towards the limit (Civil Code Art. 147: the day of receipt is not counted).
    Counted {
        /// The date.
        date: Date,
        /// Its number in the count.
        number: u32,
        /// Working day or swapped Saturday.
        day: Day,
    },
    /// A day skipped because it is not a working day.
    Skipped {
        /// The date.
        date: Date,
        /// Weekly rest or day off, with its source.
        day: Day,
    },
    /// Working minutes counted on a date (hours counting).
    Hours {
        /// The date.
        date: Date,
        /// Working minutes counted that day.
        minutes: u32,
    },
    /// A limit in calendar days ended on a day off and moves to the next working day (Civil Code
    /// Art. 148).
    MovedToWorkingDay {
        /// The day the calendar days ended.
        from: Date,
        /// The working day it moves to.
        to: Date,
    },
    /// A supplement was requested; the clock stops until the dossier is complete.
    SupplementRequested {
        /// When.
        at: LocalTime,
    },
    /// The dossier is complete again: the limit runs again from the start (Art. 19(4)).
    Restarted {
        /// When.
        at: LocalTime,
    },
    /// The dossier is complete again: the due date moves by the working days stopped.
    Resumed {
        /// When.
        at: LocalTime,
        /// Working days the clock stood still.
        paused_days: u32,
    },
    /// The apology slip set a new appointment (Decree 61/2018/NĐ-CP Art. 19(9)).
    Extended {
        /// The appointment before.
        from: LocalTime,
        /// The new appointment.
        to: LocalTime,
    },
}

/// A computed due time and its explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Due {
    /// The appointment; `None` while the clock stands still waiting for a supplement.
    pub due: Option<LocalTime>,
    /// How it was counted, in order.
    pub steps: Vec<Step>,
}

/// Where the explanation of a due date goes: the list of [`Step`]s of [`due`], or nowhere for
/// [`due_time`]. The rule is counted once, in [`count`]; only the recording differs.
trait Explain {
    /// Records the step `step` makes; a sink that keeps nothing never calls it.
    fn record(&mut self, step: impl FnOnce() -> Result<Step, DueError>) -> Result<(), DueError>;

    /// The `n`-th working day after `from` ([`Schedule::add_working_days`]), each day walked
    /// past recorded as [`Step::Counted`] or [`Step::Skipped`] when steps are kept.
    fn add_working_days(
        &mut self,
        schedule: &Schedule,
        from: Date,
        n: u32,
    ) -> Result<Date, ScheduleError>;
}

impl Explain for Vec<Step> {
    fn record(&mut self, step: impl FnOnce() -> Result<Step, DueError>) -> Result<(), DueError> {
        self.push(step()?);
        Ok(())
    }

    fn add_working_days(
        &mut self,
        schedule: &Schedule,
        from: Date,
        n: u32,
    ) -> Result<Date, ScheduleError> {
        let (due, walked) = schedule.add_working_days_explained(from, n)?;
        let mut number = 0;
        for (date, day) in walked {
            if day.is_working() {
                number += 1;
                self.push(Step::Counted { date, number, day });
            } else {
                self.push(Step::Skipped { date, day });
            }
        }
        Ok(due)
    }
}

/// No explanation: the due time alone.
struct Unexplained;

impl Explain for Unexplained {
    fn record(&mut self, _: impl FnOnce() -> Result<Step, DueError>) -> Result<(), DueError> {
        Ok(())
    }

    fn add_working_days(
        &mut self,
        schedule: &Schedule,
        from: Date,
        n: u32,
    ) -> Result<Date, ScheduleError> {
        schedule.add_working_days(from, n)
    }
}

/// The due time of a dossier under `policy`, with the steps that explain it.
///
/// The policy is checked first, since it may come from JSON: office hours as
/// [`OfficeHours::new`] requires ([`DueError::OfficeHours`]), a cut-off within the day
/// ([`DueError::NoSuchTime`]) and a working week with a working day
/// ([`ScheduleError::NoWorkingDay`]).
pub fn due(clock: &Clock, policy: &Policy) -> Result<Due, DueError> {
    let mut steps = Vec::new();
    let due = count(clock, policy, &mut steps)?;
    Ok(Due { due, steps })
}

/// The due time of [`due`] without its explanation, for where none is shown (the lifecycle's
/// [`step`](crate::lifecycle::step) and replay): the same rule and the same errors, without
/// building the list of steps. `None` while the clock stands still waiting for a supplement.
pub fn due_time(clock: &Clock, policy: &Policy) -> Result<Option<LocalTime>, DueError> {
    count(clock, policy, &mut Unexplained)
}

/// The rule of [`due`] and [`due_time`]: the due time, each step recorded in `explain`.
fn count(
    clock: &Clock,
    policy: &Policy,
    explain: &mut impl Explain,
) -> Result<Option<LocalTime>, DueError> {
    policy.office_hours.check()?;
    if policy.cutoff.is_some_and(|c| c >= DAY_MINUTES) {
        return Err(DueError::NoSuchTime);
    }
    if !policy.schedule.working_weekdays.contains(&true) {
        return Err(ScheduleError::NoWorkingDay.into());
    }
    let mut start = clock.received;
    let mut paused_days = 0;
    explain.record(|| Ok(Step::Received { at: start }))?;
    for supplement in &clock.supplements {
        if supplement.requested < clock.received {
            return Err(DueError::SupplementOrder);
        }
        explain.record(|| {
            Ok(Step::SupplementRequested {
                at: supplement.requested,
            })
        })?;
        let Some(supplied) = supplement.supplied else {
            return Ok(None);
        };
        if supplied < supplement.requested {
            return Err(DueError::SupplementOrder);
        }
        match policy.supplement {
            SupplementRule::Restart => {
                start = supplied;
                paused_days = 0;
                explain.record(|| Ok(Step::Restarted { at: supplied }))?;
            }
            SupplementRule::Pause => {
                // Only time still running stops: a request made once the due time has passed
                // (the dossier is already late) moves nothing.
                let due_so_far = run(start, clock.limit, paused_days, policy, &mut Unexplained)?;
                let days = if supplement.requested < due_so_far {
                    policy
                        .schedule
                        .count_working_days(supplement.requested.date, supplied.date)?
                } else {
                    0
                };
                paused_days += days;
                explain.record(|| {
                    Ok(Step::Resumed {
                        at: supplied,
                        paused_days: days,
                    })
                })?;
            }
        }
    }
    let mut due = run(start, clock.limit, paused_days, policy, explain)?;
    if let Some(to) = clock.extension {
        // Art. 19(9) extends the time ("gia hạn"): the new appointment comes after the old one.
        if to <= due {
            return Err(DueError::ExtensionOrder);
        }
        explain.record(|| Ok(Step::Extended { from: due, to }))?;
        due = to;
    }
    Ok(Some(due))
}

/// Counts `limit` (plus `extra_days` working days stopped by pauses) from `start`.
fn run(
    start: LocalTime,
    limit: Limit,
    extra_days: u32,
    policy: &Policy,
    explain: &mut impl Explain,
) -> Result<LocalTime, DueError> {
    let schedule = &policy.schedule;
    let too_many = |n: u32| DueError::Schedule(ScheduleError::TooManyDays(u64::from(n)));
    match (limit, policy.counting) {
        (Limit::WorkingHours(hours), _) => {
            let total = hours
                .checked_add(extra_days.saturating_mul(HOURS_PER_DAY))
                .filter(|&t| t <= MAX_WORKING_DAYS * HOURS_PER_DAY)
                .ok_or(too_many(hours / HOURS_PER_DAY))?;
            hours_from(start, total, policy, explain)
        }
        (Limit::WorkingDays(days), Counting::Hours) => {
            let total = days.checked_add(extra_days).ok_or(too_many(days))?;
            if total > MAX_WORKING_DAYS {
                return Err(too_many(total));
            }
            hours_from(start, total * HOURS_PER_DAY, policy, explain)
        }
        (Limit::WorkingDays(days), Counting::Dates) => {
            let total = days.checked_add(extra_days).ok_or(too_many(days))?;
            let d0 = receipt_day(start, total == 0, policy, explain)?;
            let due = explain.add_working_days(schedule, d0, total)?;
            closing(due, policy)
        }
        (Limit::CalendarDays(days), _) => {
            if days > MAX_WORKING_DAYS {
                return Err(too_many(days));
            }
            let d0 = receipt_day(start, days == 0 && extra_days == 0, policy, explain)?;
            let end = Date::from_days(d0.to_days() + i64::from(days))
                .map_err(|_| ScheduleError::OutOfRange)?;
            let end = schedule.add_working_days(end, extra_days)?;
            if schedule.is_working_day(end)? {
                closing(end, policy)
            } else {
                let to = schedule.next_working_day(end)?;
                explain.record(|| Ok(Step::MovedToWorkingDay { from: end, to }))?;
                closing(to, policy)
            }
        }
    }
}

/// The day treated as the day of receipt: the day itself, or the next working day when it is
/// not a working day or the receipt came after the cut-off.
///
/// A `same_day` limit (0 days: "trả trong ngày") ends at closing time of the day of receipt, so a
/// receipt after closing time counts from the next working day whatever the cut-off: the
/// appointment is never before the receipt (working-days.md).
fn receipt_day(
    at: LocalTime,
    same_day: bool,
    policy: &Policy,
    explain: &mut impl Explain,
) -> Result<Date, DueError> {
    let schedule = &policy.schedule;
    if !schedule.is_working_day(at.date)? {
        let counts_from = schedule.next_working_day(at.date)?;
        explain.record(|| {
            Ok(Step::ReceivedOnDayOff {
                day: schedule.day(at.date)?,
                counts_from,
            })
        })?;
        return Ok(counts_from);
    }
    let closing = policy.office_hours.closing();
    let cutoff = match policy.cutoff {
        Some(cutoff) if same_day => Some(cutoff.min(closing)),
        None if same_day => Some(closing),
        cutoff => cutoff,
    };
    match cutoff {
        Some(cutoff) if at.minute > cutoff => {
            let counts_from = schedule.next_working_day(at.date)?;
            explain.record(|| {
                Ok(Step::ReceivedAfterCutoff {
                    cutoff,
                    counts_from,
                })
            })?;
            Ok(counts_from)
        }
        _ => Ok(at.date),
    }
}

fn closing(date: Date, policy: &Policy) -> Result<LocalTime, DueError> {
    Ok(LocalTime {
        date,
        minute: policy.office_hours.closing(),
    })
}

/// Walks `hours` working hours from `start` through the office hours of working days. Receipt
/// outside office hours starts at the next session; a cut-off moves the start to the next working
/// day's first session.
fn hours_from(
    start: LocalTime,
    hours: u32,
    policy: &Policy,
    explain: &mut impl Explain,
) -> Result<LocalTime, DueError> {
    let schedule = &policy.schedule;
    // `run` bounds `hours` by MAX_WORKING_DAYS × 8, so this cannot overflow.
    let mut left = hours * 60;
    let mut date = start.date;
    let mut from = start.minute;
    if matches!(policy.cutoff, Some(c) if start.minute > c) && schedule.is_working_day(date)? {
        date = receipt_day(start, false, policy, explain)?;
        from = 0;
    }
    let mut visited = 0;
    loop {
        // A week with one working day and one minute of office hours still ends within this.
        if visited > MAX_WORKING_DAYS * 7 {
            return Err(ScheduleError::TooManyDays(u64::from(hours / HOURS_PER_DAY)).into());
        }
        visited += 1;
        if schedule.is_working_day(date)? {
            let mut counted = 0;
            for &(s, e) in &policy.office_hours.sessions {
                let begin = s.max(from);
                if begin >= e {
                    continue;
                }
                let available = u32::from(e - begin);
                if left <= available {
                    counted += left;
                    explain.record(|| {
                        Ok(Step::Hours {
                            date,
                            minutes: counted,
                        })
                    })?;
                    let minute = begin + u16::try_from(left).map_err(|_| DueError::NoSuchTime)?;
                    return Ok(LocalTime { date, minute });
                }
                left -= available;
                counted += available;
            }
            if counted > 0 {
                explain.record(|| {
                    Ok(Step::Hours {
                        date,
                        minutes: counted,
                    })
                })?;
            }
        } else {
            explain.record(|| {
                Ok(Step::Skipped {
                    date,
                    day: schedule.day(date)?,
                })
            })?;
        }
        date = Date::from_days(date.to_days() + 1).map_err(|_| ScheduleError::OutOfRange)?;
        from = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn at(date: &str, hour: u8, minute: u8) -> LocalTime {
        LocalTime::new(d(date), hour, minute).unwrap()
    }

    fn clock(received: LocalTime, limit: Limit) -> Clock {
        Clock {
            received,
            limit,
            supplements: Vec::new(),
            extension: None,
        }
    }

    fn due_of(clock: &Clock, policy: &Policy) -> LocalTime {
        due(clock, policy).unwrap().due.unwrap()
    }

    #[test]
    fn vectors_of_calendar_md_with_steps() {
        let policy = Policy::default();
        let result = due(
            &clock(at("2025-04-29", 9, 0), Limit::WorkingDays(3)),
            &policy,
        )
        .unwrap();
        assert_eq!(result.due, Some(at("2025-05-07", 17, 0)));
        let counted: Vec<Date> = result
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Counted { date, .. } => Some(*date),
                _ => None,
            })
            .collect();
        assert_eq!(counted, [d("2025-05-05"), d("2025-05-06"), d("2025-05-07")]);
        let skipped = result
            .steps
            .iter()
            .filter(|s| matches!(s, Step::Skipped { .. }))
            .count();
        assert_eq!(skipped, 5, "30/04–04/05");
        for (received, n, expected) in [
            ("2025-04-25", 3, "2025-04-29"),
            ("2025-12-31", 2, "2026-01-06"),
            ("2026-01-09", 1, "2026-01-10"),
        ] {
            let c = clock(at(received, 10, 0), Limit::WorkingDays(n));
            assert_eq!(due_of(&c, &policy).date, d(expected));
        }
    }

    #[test]
    fn receipt_on_a_day_off_or_after_cutoff() {
        let mut policy = Policy::default();
        // Sat 03/05/2025 (holiday period): counts from Mon 05/05; days 06/05 and 07/05.
        let c = clock(at("2025-05-03", 9, 0), Limit::WorkingDays(2));
        assert_eq!(due_of(&c, &policy).date, d("2025-05-07"));
        // Thu 15/05/2025 at 16:00: no cut-off -> day 1 is Fri 16/05.
        let c = clock(at("2025-05-15", 16, 0), Limit::WorkingDays(1));
        assert_eq!(due_of(&c, &policy).date, d("2025-05-16"));
        policy.cutoff = Some(15 * 60);
        assert_eq!(due_of(&c, &policy).date, d("2025-05-19"));
        policy.cutoff = Some(17 * 60);
        assert_eq!(due_of(&c, &policy).date, d("2025-05-16"));
        // Exactly at the cut-off is not after it.
        policy.cutoff = Some(16 * 60);
        assert_eq!(due_of(&c, &policy).date, d("2025-05-16"));
    }

    /// A same-day limit ("trả trong ngày", 0 days) is due at closing time of the day of
    /// receipt; received after closing time, at closing time of the next working day — never
    /// before the receipt.
    #[test]
    fn a_same_day_limit_is_never_due_before_the_receipt() {
        let policy = Policy::default();
        for limit in [Limit::WorkingDays(0), Limit::CalendarDays(0)] {
            let c = clock(at("2025-05-15", 10, 0), limit);
            assert_eq!(due_of(&c, &policy), at("2025-05-15", 17, 0));
            let c = clock(at("2025-05-15", 17, 0), limit);
            assert_eq!(due_of(&c, &policy), at("2025-05-15", 17, 0));
            // Thu 18:00: after closing, counts from Fri 16/05.
            let c = clock(at("2025-05-15", 18, 0), limit);
            let result = due(&c, &policy).unwrap();
            assert_eq!(result.due, Some(at("2025-05-16", 17, 0)));
            assert!(result.steps.contains(&Step::ReceivedAfterCutoff {
                cutoff: 1020,
                counts_from: d("2025-05-16"),
            }));
            // A 15:00 cut-off still applies.
            let cutoff = Policy {
                cutoff: Some(900),
                ..Policy::default()
            };
            let c = clock(at("2025-05-15", 16, 0), limit);
            assert_eq!(due_of(&c, &cutoff), at("2025-05-16", 17, 0));
        }
        // One day or more is unchanged: Thu 18:00 + 1 working day is Fri 16/05.
        let c = clock(at("2025-05-15", 18, 0), Limit::WorkingDays(1));
        assert_eq!(due_of(&c, &policy), at("2025-05-16", 17, 0));
    }

    #[test]
    fn calendar_days_end_on_a_working_day() {
        let policy = Policy::default();
        // 21/04/2025 + 9 calendar days = Wed 30/04 (holiday) -> Mon 05/05 (Civil Code Art. 148).
        let result = due(
            &clock(at("2025-04-21", 9, 0), Limit::CalendarDays(9)),
            &policy,
        )
        .unwrap();
        assert_eq!(result.due.unwrap().date, d("2025-05-05"));
        assert!(result.steps.contains(&Step::MovedToWorkingDay {
            from: d("2025-04-30"),
            to: d("2025-05-05")
        }));
    }

    #[test]
    fn working_hours_run_through_office_hours() {
        let policy = Policy::default();
        // Thu 15/05/2025 15:00 + 4 h: 2 h on Thursday, 2 h on Friday morning -> Fri 10:00.
        let c = clock(at("2025-05-15", 15, 0), Limit::WorkingHours(4));
        assert_eq!(due_of(&c, &policy), at("2025-05-16", 10, 0));
        // Friday 16:00 + 2 h: Monday 09:00.
        let c = clock(at("2025-05-16", 16, 0), Limit::WorkingHours(2));
        assert_eq!(due_of(&c, &policy), at("2025-05-19", 9, 0));
        // 1 working day counted in hours from 10:30 is 10:30 the next working day.
        let hours = Policy {
            counting: Counting::Hours,
            ..Policy::default()
        };
        let c = clock(at("2025-05-16", 10, 30), Limit::WorkingDays(1));
        assert_eq!(due_of(&c, &hours), at("2025-05-19", 10, 30));
        // Lunch break: 11:00 + 2 h = 14:00.
        let c = clock(at("2025-05-19", 11, 0), Limit::WorkingHours(2));
        assert_eq!(due_of(&c, &policy), at("2025-05-19", 14, 0));
    }

    #[test]
    fn supplement_restarts_by_default_and_pauses_by_configuration() {
        let mut c = clock(at("2025-05-05", 9, 0), Limit::WorkingDays(5));
        c.supplements.push(Supplement {
            requested: at("2025-05-07", 9, 0),
            supplied: None,
        });
        let waiting = due(&c, &Policy::default()).unwrap();
        assert_eq!(waiting.due, None);
        c.supplements[0].supplied = Some(at("2025-05-09", 9, 0));
        // Restart: 5 working days from Fri 09/05 -> Fri 16/05.
        assert_eq!(due_of(&c, &Policy::default()).date, d("2025-05-16"));
        // Pause: Mon 12/05 plus the 2 working days stopped (08/05, 09/05) -> Wed 14/05.
        let pause = Policy {
            supplement: SupplementRule::Pause,
            ..Policy::default()
        };
        assert_eq!(due_of(&c, &pause).date, d("2025-05-14"));
        c.supplements[0].supplied = Some(at("2025-05-06", 9, 0));
        assert_eq!(due(&c, &pause), Err(DueError::SupplementOrder));
    }

    #[test]
    fn a_pause_after_the_due_time_moves_nothing() {
        // Fri 25/04/2025 + 3 working days = Tue 29/04 (Sat 26/04 is a working day); a request on
        // Mon 05/05 comes after it, so the dossier stays due on 29/04 (late), not on 06/05.
        let mut c = clock(at("2025-04-25", 9, 0), Limit::WorkingDays(3));
        c.supplements.push(Supplement {
            requested: at("2025-05-05", 9, 0),
            supplied: Some(at("2025-05-07", 9, 0)),
        });
        let policy = Policy {
            supplement: SupplementRule::Pause,
            ..Policy::default()
        };
        assert_eq!(due_of(&c, &policy).date, d("2025-04-29"));
    }

    #[test]
    fn apology_sets_a_new_appointment() {
        let mut c = clock(at("2025-05-05", 9, 0), Limit::WorkingDays(5));
        // Due Mon 12/05 17:00: an appointment at or before it extends nothing.
        for earlier in [at("2025-05-12", 17, 0), at("2025-05-09", 10, 0)] {
            c.extension = Some(earlier);
            assert_eq!(due(&c, &Policy::default()), Err(DueError::ExtensionOrder));
        }
        c.extension = Some(at("2025-05-20", 16, 0));
        let result = due(&c, &Policy::default()).unwrap();
        assert_eq!(result.due, Some(at("2025-05-20", 16, 0)));
        assert_eq!(
            result.steps.last(),
            Some(&Step::Extended {
                from: at("2025-05-12", 17, 0),
                to: at("2025-05-20", 16, 0)
            })
        );
    }

    #[test]
    fn office_hours_and_times_of_day_are_read_from_text() {
        assert_eq!(minute_of_day("15:00"), Ok(900));
        assert_eq!(minute_of_day(" 07:30 "), Ok(450));
        assert_eq!(minute_of_day("23:59"), Ok(1439));
        for bad in ["24:00", "15:60", "7:30", "15h00", "", "ab:cd", "+1:00"] {
            assert_eq!(minute_of_day(bad), Err(DueError::NoSuchTime), "{bad}");
        }
        let hours: OfficeHours = "07:30-11:30, 13:30-17:00".parse().unwrap();
        assert_eq!(hours.sessions(), [(450, 690), (810, 1020)]);
        let evening: OfficeHours = "18:00-24:00".parse().unwrap();
        assert_eq!(evening.sessions(), [(1080, 1440)]);
        // The default policy's JSON can leave every field out.
        assert_eq!(
            serde_json::from_str::<Policy>("{}").unwrap(),
            Policy::default()
        );
        assert!(serde_json::from_str::<Policy>(r#"{"cut_off": 900}"#).is_err());
    }

    /// A policy as JSON is the shape a request reads, so a policy printed reads back the same.
    #[test]
    fn a_policy_reads_back_what_it_writes() {
        let policy = Policy {
            schedule: Schedule::with_saturday(),
            office_hours: "07:30-11:30,13:30-24:00".parse().unwrap(),
            cutoff: Some(900),
            counting: Counting::Hours,
            supplement: SupplementRule::Pause,
        };
        let json = serde_json::to_string(&policy).unwrap();
        assert_eq!(
            json,
            r#"{"working_weekdays":[true,true,true,true,true,true,false],"office_hours":"07:30-11:30,13:30-24:00","cutoff":900,"counting":"hours","supplement":"pause"}"#
        );
        assert_eq!(serde_json::from_str::<Policy>(&json).unwrap(), policy);
    }

    #[test]
    fn local_times_are_rfc_3339_at_plus_seven() {
        let t = at("2025-04-29", 7, 5);
        assert_eq!(t.to_string(), "2025-04-29T07:05:00+07:00");
        let ts: Timestamp = t.to_string().parse().unwrap();
        assert_eq!(LocalTime::from_timestamp(&ts), Ok(t));
        assert_eq!(
            serde_json::to_string(&at("2025-04-29", 17, 0)).unwrap(),
            r#""2025-04-29T17:00:00+07:00""#
        );
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        assert_eq!(
            LocalTime::new(d("2025-01-01"), 24, 0),
            Err(DueError::NoSuchTime)
        );
        assert_eq!(OfficeHours::new(vec![]), Err(DueError::OfficeHours));
        assert_eq!(
            OfficeHours::new(vec![(780, 1020), (480, 720)]),
            Err(DueError::OfficeHours)
        );
        for (text, error) in [
            ("08:00-12:60", DueError::NoSuchTime),
            ("8:00-12:00", DueError::NoSuchTime),
            ("24:00-24:00", DueError::NoSuchTime),
            ("08:00", DueError::OfficeHours),
            ("13:00-17:00,08:00-12:00", DueError::OfficeHours),
            ("08:00-12:00,11:00-17:00", DueError::OfficeHours),
            ("17:00-08:00", DueError::OfficeHours),
        ] {
            assert_eq!(text.parse::<OfficeHours>(), Err(error), "{text}");
        }
        // A policy read from JSON is checked when used.
        let c = clock(at("2025-01-02", 9, 0), Limit::WorkingDays(1));
        let bad_cutoff = Policy {
            cutoff: Some(DAY_MINUTES),
            ..Policy::default()
        };
        assert_eq!(due(&c, &bad_cutoff), Err(DueError::NoSuchTime));
        assert!(serde_json::from_str::<Policy>(r#"{"office_hours": "15:00-10:00"}"#).is_err());
        let no_week = Policy {
            schedule: Schedule {
                working_weekdays: [false; 7],
            },
            counting: Counting::Hours,
            ..Policy::default()
        };
        assert_eq!(due(&c, &no_week), Err(ScheduleError::NoWorkingDay.into()));
        let c = clock(at("2025-01-02", 9, 0), Limit::WorkingHours(u32::MAX));
        assert!(due(&c, &Policy::default()).is_err());
        let c = clock(at("2025-01-02", 9, 0), Limit::CalendarDays(u32::MAX));
        assert!(due(&c, &Policy::default()).is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// A limit in working days ends on a working day, n working days after the day treated
        /// as the day of receipt, and never before the receipt.
        #[test]
        fn working_day_due_dates_are_working_days(
            start in 0i64..4_000,
            hour in 0u8..24,
            n in 1u32..60,
            cutoff: bool,
        ) {
            let date = Date::from_days(d("2019-01-01").to_days() + start).unwrap();
            let received = LocalTime::new(date, hour, 0).unwrap();
            let policy = Policy { cutoff: cutoff.then_some(900), ..Policy::default() };
            let result = due(&clock(received, Limit::WorkingDays(n)), &policy).unwrap();
            let due_date = result.due.unwrap().date;
            proptest::prop_assert!(policy.schedule.is_working_day(due_date).unwrap());
            proptest::prop_assert!(due_date > date);
            let mut steps = Vec::new();
            let d0 = receipt_day(received, false, &policy, &mut steps).unwrap();
            proptest::prop_assert_eq!(policy.schedule.count_working_days(d0, due_date).unwrap(), n);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// The due time without its explanation is the due time with it, errors included, for
        /// every kind of limit, counting, cut-off, working week and supplement rule.
        #[test]
        fn the_due_time_alone_is_the_explained_due_time(
            start in 0i64..4_000,
            minute in 0u16..DAY_MINUTES,
            (unit, n) in (0u8..3, 0u32..40),
            (hours, saturday, pause) in (proptest::bool::ANY, proptest::bool::ANY, proptest::bool::ANY),
            cutoff in proptest::option::of(600u16..1200),
            supplements in proptest::collection::vec((0i64..10, 0i64..10, proptest::bool::weighted(0.9)), 0..3),
            extension in proptest::option::of(-3i64..30),
        ) {
            let date = Date::from_days(d("2019-01-01").to_days() + start).unwrap();
            let received = LocalTime { date, minute };
            let limit = match unit {
                0 => Limit::WorkingDays(n),
                1 => Limit::CalendarDays(n),
                _ => Limit::WorkingHours(n * 3),
            };
            let mut c = clock(received, limit);
            let mut day = start;
            for (wait, back, supplied) in supplements {
                day += wait;
                let requested = Date::from_days(d("2019-01-01").to_days() + day).unwrap();
                day += back;
                let returned = Date::from_days(d("2019-01-01").to_days() + day).unwrap();
                c.supplements.push(Supplement {
                    requested: LocalTime { date: requested, minute: 600 },
                    supplied: supplied.then_some(LocalTime { date: returned, minute: 900 }),
                });
            }
            c.extension = extension.map(|days| LocalTime {
                date: Date::from_days(d("2019-01-01").to_days() + day + days).unwrap(),
                minute: 960,
            });
            let policy = Policy {
                schedule: if saturday { Schedule::with_saturday() } else { Schedule::default() },
                cutoff,
                counting: if hours { Counting::Hours } else { Counting::Dates },
                supplement: if pause { SupplementRule::Pause } else { SupplementRule::Restart },
                ..Policy::default()
            };
            proptest::prop_assert_eq!(due_time(&c, &policy), due(&c, &policy).map(|d| d.due));
        }
    }

    proptest::proptest! {
        /// The local time of a timestamp in any offset is the one its instant has in Vietnam.
        #[test]
        fn local_time_is_the_instant_in_vietnam(
            day in 0i64..80_000,
            (hour, minute, second) in (0u8..24, 0u8..60, 0u8..60),
            offset in -1439i32..=1439,
        ) {
            let date = Date::from_days(day - 25_000).unwrap();
            let sign = if offset < 0 { '-' } else { '+' };
            let off = offset.unsigned_abs();
            let text = format!(
                "{date}T{hour:02}:{minute:02}:{second:02}.5{sign}{:02}:{:02}",
                off / 60,
                off % 60
            );
            let ts: Timestamp = text.parse().unwrap();
            let seconds = ts.unix_nanos().div_euclid(1_000_000_000) + 7 * 3_600;
            let expected = LocalTime {
                date: Date::from_days(i64::try_from(seconds.div_euclid(86_400)).unwrap()).unwrap(),
                minute: u16::try_from(seconds.rem_euclid(86_400) / 60).unwrap(),
            };
            proptest::prop_assert_eq!(LocalTime::from_timestamp(&ts), Ok(expected));
        }
    }

    /// Every error renders from the catalog with all its placeholders filled.
    #[test]
    fn every_error_has_a_catalog_entry() {
        use crate::calendar::holidays::HolidayError;
        let errors: [DueError; 9] = [
            DueError::NoSuchTime,
            DueError::OfficeHours,
            DueError::SupplementOrder,
            DueError::ExtensionOrder,
            ScheduleError::TooManyDays(3_000).into(),
            ScheduleError::OutOfRange.into(),
            ScheduleError::NoWorkingDay.into(),
            ScheduleError::Holidays(HolidayError::NoStatute(2010)).into(),
            ScheduleError::Holidays(HolidayError::OutOfRange(0)).into(),
        ];
        for error in errors {
            let finding = error.to_finding("");
            let area = ["due.", "working_days.", "holidays."];
            assert!(area.iter().any(|a| finding.code.starts_with(a)));
            assert!(
                !finding.vi.contains('{') && !finding.en.contains('{'),
                "{}",
                finding.code
            );
        }
    }

    #[test]
    fn timestamps_convert_to_vietnam_time() {
        let ts: Timestamp = "2025-05-15T09:30:00Z".parse().unwrap();
        assert_eq!(LocalTime::from_timestamp(&ts), Ok(at("2025-05-15", 16, 30)));
        let ts: Timestamp = "2025-05-15T20:00:00Z".parse().unwrap();
        assert_eq!(LocalTime::from_timestamp(&ts), Ok(at("2025-05-16", 3, 0)));
    }
}
