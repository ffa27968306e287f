//! `motcua calendar …`: lunar dates, the civil service's days off and due dates.
//!
//! Every date and rule comes from `motcua_core::calendar`; this module only parses the command
//! line, prints the results (text in the chosen language, or JSON) and maps errors to status 2.

use std::io::{self, Write};

use motcua_core::calendar::due::{
    self, Clock, Counting, Due, DueError, Limit, LocalTime, OfficeHours, Policy, Step,
    SupplementRule,
};
use motcua_core::calendar::holidays::{self, DayOff, Exception, Occasion, Source, Status as Sure};
use motcua_core::calendar::lunar::{self, LunarDate, Reckoning};
use motcua_core::calendar::schedule::{Day, Schedule};
use motcua_core::{Date, Diagnostic, Finding};
use serde::Serialize;

use crate::args::{
    CountingArg, DueArgs, HolidaysArgs, LunarArgs, SolarArgs, SupplementArg, UnitArg,
};
use crate::failure::Failure;
use crate::json;
use crate::labels::{fill, CalendarLabels, Labels};
use crate::lines;
use crate::status::Status;
use crate::Context;

/// Prints the lunar date of every date of `args`.
pub(crate) fn lunar(args: &LunarArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    let reckoning = Reckoning::from(args.reckoning);
    lines::each_value(&args.dates, cx, out, |text, out| {
        let Ok(date) = text.trim().parse::<Date>() else {
            return fail(cx, out, args.json, Some(text), &NotADate(text));
        };
        match lunar::to_lunar(date, reckoning) {
            Ok(lunar) => print(out, args.json, &LunarLine::new(date, lunar), || {
                format!("{date} → {}\n", lunar_text(lunar, cx))
            }),
            Err(e) => fail(cx, out, args.json, Some(text), &e),
        }
    })
}

/// Prints the solar date of the lunar date of `args`.
pub(crate) fn solar(args: &SolarArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    let (year, month, day) = args.lunar;
    let reckoning = Reckoning::from(args.reckoning);
    let found = LunarDate::new(year, month, day, args.leap)
        .and_then(|l| lunar::to_solar(year, month, day, args.leap, reckoning).map(|d| (l, d)));
    match found {
        Ok((lunar, date)) => print(out, args.json, &LunarLine::new(date, lunar), || {
            format!("{} → {date}\n", lunar_text(lunar, cx))
        }),
        Err(e) => fail(cx, out, args.json, None, &e),
    }
}

/// Prints every exception to the working week of the year of `args`.
pub(crate) fn holidays(
    args: &HolidaysArgs,
    cx: &Context,
    out: &mut impl Write,
) -> io::Result<Status> {
    let list = match holidays::holidays(args.year) {
        Ok(list) => list,
        Err(e) => return fail(cx, out, args.json, None, &e),
    };
    let l = Labels::of(cx.lang).calendar;
    for day in &list.days {
        print(out, args.json, day, || {
            let (kind, day_off) = match &day.exception {
                Exception::Off(d) => (l.off, d),
                Exception::SwappedWorking(d) => (l.work, d),
            };
            let date = day.date;
            let weekday = l.weekdays[usize::from(date.weekday())];
            format!("{date} {weekday} {kind}: {}\n", day_off_text(day_off, l))
        })?;
    }
    Ok(Status::Valid)
}

/// Prints the due time of the dossier of `args` and its explanation.
pub(crate) fn due(args: &DueArgs, cx: &Context, out: &mut impl Write) -> io::Result<Status> {
    match compute_due(args) {
        Ok((clock, policy, due)) => {
            let line = DueLine {
                received: clock.received,
                limit: clock.limit,
                policy: &policy,
                due: &due,
            };
            print(out, args.json, &line, || due_text(&due, cx))
        }
        Err(e) => fail(cx, out, args.json, None, &e),
    }
}

/// The clock and policy of `args` (the core's default policy with the options given) and the
/// due time.
fn compute_due(args: &DueArgs) -> Result<(Clock, Policy, Due), DueError> {
    let limit = match args.unit {
        UnitArg::Working => Limit::WorkingDays(args.days),
        UnitArg::Calendar => Limit::CalendarDays(args.days),
        UnitArg::Hours => Limit::WorkingHours(args.days),
    };
    let clock =
        Clock::from_timestamps(&args.received, limit, &args.pause, args.extension.as_ref())?;
    let mut schedule = if args.saturday {
        Schedule::with_saturday()
    } else {
        Schedule::default()
    };
    if !args.weekdays.is_empty() {
        schedule.working_weekdays = [false; 7];
        for &day in &args.weekdays {
            // The enum's order is Monday first, as in the core's `Schedule`.
            schedule.working_weekdays[day as usize] = true;
        }
    }
    let policy = Policy {
        schedule,
        office_hours: match &args.office_hours {
            Some(text) => text.parse::<OfficeHours>()?,
            None => OfficeHours::default(),
        },
        cutoff: args.cutoff.as_deref().map(due::minute_of_day).transpose()?,
        counting: match args.counting {
            CountingArg::Dates => Counting::Dates,
            CountingArg::Hours => Counting::Hours,
        },
        supplement: match args.supplement {
            SupplementArg::Pause => SupplementRule::Pause,
            SupplementArg::Restart => SupplementRule::Restart,
        },
    };
    let due = due::due(&clock, &policy)?;
    Ok((clock, policy, due))
}

/// Reports `error` on standard error, and with `json` also as a JSON line
/// `{"input", "input_error"}` (`input` when the command reads several values), the
/// `input_error` of the C and WebAssembly surfaces, so that each value read gets a line;
/// returns status 2.
fn fail(
    cx: &Context,
    out: &mut impl Write,
    json: bool,
    input: Option<&str>,
    error: &dyn Diagnostic,
) -> io::Result<Status> {
    let finding = error.to_finding("");
    if json {
        let line = ErrorLine {
            input,
            input_error: &finding,
        };
        json::line(out, &line)?;
    }
    Ok(cx.fail(out, &Failure::Calendar(Box::new(finding))))
}

/// The JSON line of a value the core could not convert.
#[derive(Serialize)]
struct ErrorLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'a str>,
    input_error: &'a Finding,
}

/// A value that is not a date YYYY-MM-DD: the catalog's `argument.date`.
struct NotADate<'a>(&'a str);

impl Diagnostic for NotADate<'_> {
    fn code(&self) -> &'static str {
        "argument.date"
    }

    fn args(&self) -> Vec<(&'static str, String)> {
        vec![("name", "DATE".to_owned()), ("value", self.0.to_owned())]
    }
}

/// Writes `value` as one JSON line when `json`, else the text `text()`.
fn print(
    out: &mut impl Write,
    json: bool,
    value: &impl Serialize,
    text: impl FnOnce() -> String,
) -> io::Result<Status> {
    if json {
        json::line(out, value)?;
    } else {
        out.write_all(text().as_bytes())?;
    }
    Ok(Status::Valid)
}

/// The JSON line of a lunar date and its solar date.
#[derive(Serialize)]
struct LunarLine {
    date: Date,
    #[serde(flatten)]
    lunar: LunarDate,
    year_name: String,
}

impl LunarLine {
    fn new(date: Date, lunar: LunarDate) -> Self {
        Self {
            date,
            lunar,
            year_name: lunar::year_name(lunar.year()),
        }
    }
}

/// The JSON object of a due time: the request's `received`, `limit` and `policy` (the shape a
/// due-date request reads), then the `Due`.
#[derive(Serialize)]
struct DueLine<'a> {
    received: LocalTime,
    limit: Limit,
    /// The policy used, to be stored with the due time (calendar.md §4).
    policy: &'a Policy,
    #[serde(flatten)]
    due: &'a Due,
}

/// `lunar` in words: day, month, leap mark, year name and number.
fn lunar_text(lunar: LunarDate, cx: &Context) -> String {
    let l = Labels::of(cx.lang).calendar;
    fill(
        l.lunar_date,
        &[
            &lunar.day().to_string(),
            &lunar.month().to_string(),
            if lunar.leap() { l.leap } else { "" },
            &lunar::year_name(lunar.year()),
            &lunar.year().to_string(),
        ],
    )
}

/// The occasions of a day off and its source.
fn day_off_text(day_off: &DayOff, l: &CalendarLabels) -> String {
    let occasions: Vec<&str> = day_off
        .occasions
        .iter()
        .map(|o| l.occasions[occasion_index(*o)])
        .collect();
    let source = match &day_off.source {
        Source::Decision {
            year,
            status,
            document,
            basis,
        } => fill(
            l.decision,
            &[
                &year.to_string(),
                document.unwrap_or(l.unknown_document),
                sure(*status),
                basis,
            ],
        ),
        Source::Rules { law, compensatory } => match compensatory {
            Some(article) => format!(
                "{}; {}",
                fill(l.rules, &[law]),
                fill(l.compensatory, &[article])
            ),
            None => fill(l.rules, &[law]),
        },
    };
    format!("{} — {source}", occasions.join(", "))
}

/// The index of `occasion` in [`CalendarLabels::occasions`].
fn occasion_index(occasion: Occasion) -> usize {
    match occasion {
        Occasion::NewYear => 0,
        Occasion::Tet => 1,
        Occasion::HungKings => 2,
        Occasion::Victory => 3,
        Occasion::LabourDay => 4,
        Occasion::NationalDay => 5,
    }
}

/// A status of the yearly data as written in `spec/calendar/civil-service.json`.
fn sure(status: Sure) -> &'static str {
    match status {
        Sure::Confirmed => "CONFIRMED",
        Sure::Unconfirmed => "UNCONFIRMED",
        Sure::Derived => "derived",
    }
}

/// What a day is for the count.
fn day_text(day: &Day, l: &CalendarLabels) -> String {
    match day {
        Day::Working => l.working_day.to_owned(),
        Day::WeeklyRest => l.weekly_rest.to_owned(),
        Day::SwappedWorking(d) => format!("{}: {}", l.work, day_off_text(d, l)),
        Day::Off(d) => format!("{}: {}", l.off, day_off_text(d, l)),
    }
}

/// `HH:MM` of minutes since midnight.
fn clock_time(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// A local time as `YYYY-MM-DD HH:MM`.
fn local_text(t: LocalTime) -> String {
    format!("{} {}", t.date, clock_time(t.minute))
}

/// The due time, then one indented line per step.
fn due_text(due: &Due, cx: &Context) -> String {
    let l = Labels::of(cx.lang).calendar;
    let mut out = match due.due {
        Some(t) => format!("{}: {} (UTC+07:00)\n", l.due, local_text(t)),
        None => format!("{}\n", l.waiting),
    };
    for step in &due.steps {
        out.push_str("    ");
        out.push_str(&step_text(step, l));
        out.push('\n');
    }
    out
}

/// One step of the explanation.
fn step_text(step: &Step, l: &CalendarLabels) -> String {
    match step {
        Step::Received { at } => fill(l.received, &[&local_text(*at)]),
        Step::ReceivedOnDayOff { day, counts_from } => fill(
            l.received_on_day_off,
            &[&day_text(day, l), &counts_from.to_string()],
        ),
        Step::ReceivedAfterCutoff {
            cutoff,
            counts_from,
        } => fill(
            l.received_after_cutoff,
            &[&clock_time(*cutoff), &counts_from.to_string()],
        ),
        Step::Counted { date, number, day } => fill(
            l.counted,
            &[&date.to_string(), &number.to_string(), &day_text(day, l)],
        ),
        Step::Skipped { date, day } => fill(l.skipped, &[&date.to_string(), &day_text(day, l)]),
        Step::Hours { date, minutes } => fill(
            l.hours,
            &[
                &date.to_string(),
                &(minutes / 60).to_string(),
                &(minutes % 60).to_string(),
            ],
        ),
        Step::MovedToWorkingDay { from, to } => {
            fill(l.moved, &[&from.to_string(), &to.to_string()])
        }
        Step::SupplementRequested { at } => fill(l.supplement_requested, &[&local_text(*at)]),
        Step::Restarted { at } => fill(l.restarted, &[&local_text(*at)]),
        Step::Resumed { at, paused_days } => {
            fill(l.resumed, &[&local_text(*at), &paused_days.to_string()])
        }
        Step::Extended { from, to } => fill(l.extended, &[&local_text(*from), &local_text(*to)]),
    }
}
