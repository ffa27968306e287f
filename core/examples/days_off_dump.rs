//! Prints every date of the solar years given as arguments (default 2014 2035) on which a civil
//! servant's working week (Monday to Friday, `Schedule::default()`) departs from the ordinary
//! week, one line per date: `YYYY-MM-DD off` for a Monday–Friday day off (holiday, Tết day,
//! compensatory or swapped day) and `YYYY-MM-DD working` for a swapped working Saturday (làm bù).
//! tests/calendar/compare_holidays.py compares the output with the PyPI package holidays.
//!
//! Years before 2014 have no holiday statute in force on 1 January in spec/calendar/statutes.json
//! (Labor Code 2012 took effect on 01/05/2013) and stop the dump
//! with the typed error `holidays.no_statute`.

use std::io::{self, BufWriter, Write};

use motcua_core::calendar::schedule::Schedule;
use motcua_core::Date;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let year = |i: usize, default: i32| args.get(i).map_or(Ok(default), |a| a.parse());
    let first = Date::new(year(0, 2014)?, 1, 1)?.to_days();
    let last = Date::new(year(1, 2035)?, 12, 31)?.to_days();
    let schedule = Schedule::default();
    let mut out = BufWriter::new(io::stdout().lock());
    for days in first..=last {
        let date = Date::from_days(days)?;
        let ordinary = schedule.working_weekdays[usize::from(date.weekday())];
        match (ordinary, schedule.is_working_day(date)?) {
            (true, false) => writeln!(out, "{date} off")?,
            (false, true) => writeln!(out, "{date} working")?,
            _ => {}
        }
    }
    out.flush()?;
    Ok(())
}
