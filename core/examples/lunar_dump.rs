//! Prints the lunar date of every day of the solar years given as arguments (default 1900 2100)
//! in the reckoning named by the first argument (`vietnam`, `historical` or `china`), one line
//! per day: `YYYY-MM-DD year month day leap`. tests/calendar/compare_lunar_vn.py compares the
//! output with the PyPI package lunar-vn.

use std::io::{self, BufWriter, Write};

use motcua_core::calendar::lunar::{self, Reckoning};
use motcua_core::Date;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let reckoning: Reckoning =
        serde_json::from_value(args.first().map_or("vietnam", String::as_str).into())?;
    let year = |i: usize, default: i32| args.get(i).map_or(Ok(default), |a| a.parse());
    let first = Date::new(year(1, 1900)?, 1, 1)?.to_days();
    let last = Date::new(year(2, 2100)?, 12, 31)?.to_days();
    let mut out = BufWriter::new(io::stdout().lock());
    for days in first..=last {
        let date = Date::from_days(days)?;
        let l = lunar::to_lunar(date, reckoning)?;
        let leap = u8::from(l.leap());
        writeln!(out, "{date} {} {} {} {leap}", l.year(), l.month(), l.day())?;
    }
    out.flush()?;
    Ok(())
}
