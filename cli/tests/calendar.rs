//! End-to-end tests of `motcua calendar`: the domain's reference dates through the binary, the
//! JSON shapes, the languages and the inputs that exit 2.

mod common;
#[path = "common/text.rs"]
mod text;

use text::{json_lines, motcua};

// ---- lunar ---------------------------------------------------------------------------------

#[test]
fn lunar_dates_of_the_reference_days() {
    let (code, out, err) = motcua(&["calendar", "lunar", "2026-02-14", "1985-01-21"], "");
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "2026-02-14 → âm lịch ngày 27 tháng 12 năm Ất Tỵ (2025)",
            "1985-01-21 → âm lịch ngày 1 tháng 1 năm Ất Sửu (1985)",
        ]
    );
    let (code, out, _) = motcua(&["--lang", "en", "calendar", "lunar", "2025-07-25"], "");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "2025-07-25 → lunar day 1 of month 6 (leap) of the year Ất Tỵ (2025)\n"
    );
}

#[test]
fn lunar_json_has_one_object_per_date() {
    let (code, out, _) = motcua(
        &["calendar", "lunar", "2026-02-14", "2025-07-25", "--json"],
        "",
    );
    assert_eq!(code, 0);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0],
        serde_json::json!({"date": "2026-02-14", "year": 2025, "month": 12, "day": 27,
                           "leap": false, "year_name": "Ất Tỵ"})
    );
    assert_eq!(lines[1]["leap"], true);
    assert_eq!(lines[1]["month"], 6);
}

#[test]
fn lunar_reads_dates_from_stdin_and_reports_bad_ones_with_exit_2() {
    let (code, out, err) = motcua(
        &["calendar", "lunar", "-", "--json"],
        "2026-02-17\r\n\nnot-a-date\n1800-01-01\n2026-02-16\n",
    );
    assert_eq!(code, 2);
    // One line per value read, in order: the lunar date, or the input and the catalog's error.
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4, "{out}");
    // Tết Bính Ngọ is 2026-02-17; the day before is the 29th, the last of month 12.
    assert_eq!(
        (&lines[0]["date"], &lines[0]["day"]),
        (&"2026-02-17".into(), &1.into())
    );
    assert_eq!(lines[1]["input"], "not-a-date");
    assert_eq!(lines[1]["input_error"]["code"], "argument.date");
    assert_eq!(lines[2]["input"], "1800-01-01");
    assert_eq!(lines[2]["input_error"]["code"], "lunar.solar_out_of_range");
    assert_eq!(
        (&lines[3]["date"], &lines[3]["day"]),
        (&"2026-02-16".into(), &29.into())
    );
    assert!(
        err.contains("argument.date: ") && err.contains("\"not-a-date\""),
        "{err}"
    );
    assert!(err.contains("lunar.solar_out_of_range: "), "{err}");
    // Without --json, errors go to standard error only.
    let (code, out, _) = motcua(&["calendar", "lunar", "2026-02-30", "2026-02-17"], "");
    assert_eq!(code, 2);
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn the_reckoning_can_be_chosen() {
    // Tết 1985 was 21/01 in Vietnam and 20/02 in China (spec/calendar/lunar.md): at UTC+8,
    // 1985-01-21 is the 1st of month 12 of the year Giáp Tý.
    let (code, out, _) = motcua(
        &[
            "calendar",
            "lunar",
            "1985-01-21",
            "--reckoning",
            "china",
            "--json",
        ],
        "",
    );
    assert_eq!(code, 0);
    let line = &json_lines(&out)[0];
    assert_eq!(
        (&line["year"], &line["month"], &line["day"]),
        (&1984.into(), &12.into(), &1.into())
    );
    assert_eq!(line["year_name"], "Giáp Tý");
    let (code, _, _) = motcua(&["calendar", "lunar", "1985-01-21", "--reckoning", "x"], "");
    assert_eq!(code, 2);
}

// ---- solar ---------------------------------------------------------------------------------

#[test]
fn solar_date_of_the_leap_month() {
    let (code, out, _) = motcua(&["calendar", "solar", "2025-06-01", "--leap"], "");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "âm lịch ngày 1 tháng 6 nhuận năm Ất Tỵ (2025) → 2025-07-25\n"
    );
    let (code, out, _) = motcua(&["calendar", "solar", "2025-06-01", "--json"], "");
    assert_eq!(code, 0);
    assert_eq!(
        json_lines(&out)[0],
        serde_json::json!({"date": "2025-06-25", "year": 2025, "month": 6, "day": 1,
                           "leap": false, "year_name": "Ất Tỵ"})
    );
    // Day 30 exists in lunar months; it is no Gregorian date, and is accepted as input.
    let (code, out, _) = motcua(&["calendar", "solar", "2026-01-01", "--json"], "");
    assert_eq!(code, 0);
    assert_eq!(json_lines(&out)[0]["date"], "2026-02-17");
}

#[test]
fn impossible_lunar_dates_exit_2_with_the_catalog_message() {
    for (args, code_text) in [
        (&["2026-06-01", "--leap"][..], "lunar.no_leap_month"),
        (&["2026-13-01"][..], "lunar.month_invalid"),
        (&["2026-01-31"][..], "lunar.day_invalid"),
        (&["2300-01-01"][..], "lunar.year_out_of_range"),
    ] {
        let mut all = vec!["--lang", "en", "calendar", "solar"];
        all.extend(args);
        let (code, out, err) = motcua(&all, "");
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains(code_text), "{args:?}: {err}");
    }
    let (code, out, _) = motcua(&["calendar", "solar", "2026-06-01", "--leap", "--json"], "");
    assert_eq!(code, 2);
    let line = &json_lines(&out)[0];
    assert_eq!(line["input_error"]["code"], "lunar.no_leap_month");
    assert!(line.get("input").is_none(), "{line}");
    let (code, _, err) = motcua(&["calendar", "solar", "2026-1-1"], "");
    assert_eq!(code, 2);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

// ---- holidays ------------------------------------------------------------------------------

#[test]
fn holidays_of_2026_include_tet_and_the_swapped_saturday() {
    let (code, out, err) = motcua(&["calendar", "holidays", "2026", "--json"], "");
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    let kind_of = |date: &str| {
        lines
            .iter()
            .find(|l| l["date"] == date)
            .map(|l| l["day"].as_str().expect("day is a string").to_owned())
    };
    for day in 16..=20 {
        let date = format!("2026-02-{day}");
        assert_eq!(kind_of(&date).as_deref(), Some("off"), "{date}");
        let line = lines.iter().find(|l| l["date"] == date.as_str()).unwrap();
        assert_eq!(line["occasions"], serde_json::json!(["tet"]));
    }
    assert_eq!(kind_of("2026-01-10").as_deref(), Some("swapped_working"));
    assert_eq!(kind_of("2026-01-05"), None);
    for line in &lines {
        assert!(
            line["source"] == "decision" || line["source"] == "rules",
            "{line}"
        );
    }
    let saturday = lines.iter().find(|l| l["date"] == "2026-01-10").unwrap();
    assert_eq!(saturday["document"], "12729/VPCP-KGVX");
    assert_eq!(saturday["status"], "CONFIRMED");
}

#[test]
fn holidays_text_names_the_occasion_and_source() {
    let (code, out, _) = motcua(&["calendar", "holidays", "2026"], "");
    assert_eq!(code, 0);
    let line = |date: &str| {
        out.lines()
            .find(|l| l.starts_with(date))
            .unwrap_or_else(|| panic!("{date} missing: {out}"))
            .to_owned()
    };
    assert!(line("2026-02-16 T2 nghỉ: Tết Âm lịch — ").contains("CONFIRMED"));
    assert!(line("2026-01-10 T7 làm bù: Tết Dương lịch").contains("12729/VPCP-KGVX"));
    let (_, en, _) = motcua(&["--lang", "en", "calendar", "holidays", "2026"], "");
    assert!(
        en.contains("2026-01-10 Sat working Saturday: New Year — yearly data 2026: document 12729/VPCP-KGVX"),
        "{en}"
    );
}

#[test]
fn holidays_of_a_year_without_data_exit_2() {
    let (code, out, err) = motcua(&["calendar", "holidays", "1990"], "");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("holidays.no_statute"), "{err}");
    // Not a year, or no year a date can have.
    for year in ["năm", "0", "10000", "2147483647", "-2147483648"] {
        let (code, out, err) = motcua(&["calendar", "holidays", "--", year], "");
        assert_eq!(code, 2, "{year}");
        assert!(out.is_empty() && !err.contains("panicked"), "{year}: {err}");
    }
}

// ---- due ---------------------------------------------------------------------------------

/// The received time of the due-date tests: Friday before the 30/4–1/5 holidays of 2025.
const RECEIVED: &str = "2025-04-25T09:00:00+07:00";

/// Runs `motcua [--lang en] calendar due --received RECEIVED args…`.
fn due(lang_en: bool, args: &[&str]) -> (i32, String, String) {
    let mut all = if lang_en {
        vec!["--lang", "en"]
    } else {
        vec![]
    };
    all.extend(["calendar", "due", "--received", RECEIVED]);
    all.extend(args);
    motcua(&all, "")
}

#[test]
fn three_working_days_over_the_swapped_saturday() {
    let (code, out, err) = due(false, &["--days", "3"]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Hạn giải quyết: 2025-04-29 17:00 (UTC+07:00)");
    assert_eq!(lines[1], "    tiếp nhận lúc 2025-04-25 09:00");
    assert!(
        lines[2].starts_with("    2025-04-26: ngày thứ 1 (làm bù: "),
        "{out}"
    );
    assert_eq!(lines[3], "    2025-04-27: không tính (nghỉ hằng tuần)");
    assert_eq!(lines[5], "    2025-04-29: ngày thứ 3 (ngày làm việc)");

    let (code, out, _) = due(false, &["--days", "3", "--json"]);
    assert_eq!(code, 0);
    let due = &json_lines(&out)[0];
    assert_eq!(due["due"], "2025-04-29T17:00:00+07:00");
    assert_eq!(due["received"], "2025-04-25T09:00:00+07:00");
    assert_eq!(
        due["limit"],
        serde_json::json!({"unit": "working_days", "value": 3})
    );
    let steps = due["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 5);
    assert_eq!(steps[1]["step"], "counted");
    assert_eq!(steps[1]["day"]["day"], "swapped_working");
    assert_eq!(steps[2]["step"], "skipped");
}

#[test]
fn calendar_days_and_pauses() {
    // 3 calendar days from Friday 2025-04-25 end on Monday 04-28, a working day.
    let (code, out, _) = due(false, &["--days", "3", "--unit", "calendar", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(json_lines(&out)[0]["due"], "2025-04-28T17:00:00+07:00");
    // Still waiting for the supplement: no due date yet.
    let (code, out, _) = due(
        true,
        &["--days", "3", "--pause", "2025-04-28T09:00:00+07:00,"],
    );
    assert_eq!(code, 0);
    assert!(
        out.starts_with("no due date: waiting for the supplement\n"),
        "{out}"
    );
    assert!(
        out.contains("supplement requested at 2025-04-28 09:00"),
        "{out}"
    );
}

#[test]
fn a_supplement_pauses_or_restarts_the_limit() {
    // Received Fri 2025-04-25, 3 working days; supplement asked Mon 04-28, back Tue 05-06.
    let interval = [
        "--pause",
        "2025-04-28T09:00:00+07:00,2025-05-06T09:00:00+07:00",
    ];
    let due_date = |rule: &str| {
        let mut args = vec!["--days", "3", "--json", "--supplement", rule];
        args.extend(interval);
        let (code, out, err) = due(false, &args);
        assert_eq!(code, 0, "{err}");
        json_lines(&out)[0]["due"].clone()
    };
    // Pause: the 3 working days stopped (04-29, 05-05, 05-06; 04-30 to 05-04 are off) are added
    // to the 3 of the limit: 04-26 (swapped Saturday), 04-28, 04-29, 05-05, 05-06, 05-07.
    assert_eq!(due_date("pause"), "2025-05-07T17:00:00+07:00");
    // Restart (Decree 61/2018 Art. 19(4)): 3 full working days from Tue 05-06.
    assert_eq!(due_date("restart"), "2025-05-09T17:00:00+07:00");
    let (code, _, err) = due(false, &["--days", "3", "--supplement", "sometimes"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn cutoff_extension_saturday_and_a_receipt_on_a_day_off() {
    // 16:00 is after a 15:00 cut-off: counted as received on the swapped Saturday 04-26.
    let args = [
        "--lang",
        "en",
        "calendar",
        "due",
        "--received",
        "2025-04-25T16:00:00+07:00",
        "--days",
        "2",
        "--cutoff",
        "15:00",
        "--extension",
        "2025-05-09T10:00:00+07:00",
    ];
    let (code, out, _) = motcua(&args, "");
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Due: 2025-05-09 10:00 (UTC+07:00)");
    assert!(lines.contains(&"    received after 15:00; counted as received on 2025-04-26"));
    assert!(
        lines.contains(&"    2025-04-29: day 2 (working day)"),
        "{out}"
    );
    assert_eq!(
        lines.last(),
        Some(&"    new appointment (apology slip): from 2025-04-29 17:00 to 2025-05-09 10:00")
    );
    // Received on Sunday: counted from Monday, due Tuesday.
    let sunday = [
        "calendar",
        "due",
        "--received",
        "2025-04-27T09:00:00+07:00",
        "--days",
        "1",
    ];
    let (code, out, _) = motcua(&sunday, "");
    assert_eq!(code, 0);
    assert!(out.starts_with("Hạn giải quyết: 2025-04-29 17:00"), "{out}");
    assert!(out.contains("    tiếp nhận vào ngày không làm việc (nghỉ hằng tuần); tính như tiếp nhận ngày 2025-04-28\n"), "{out}");
    // An agency working on Saturdays counts Saturday 2025-05-10 (no holiday).
    let (code, out, _) = motcua(
        &[
            "calendar",
            "due",
            "--received",
            "2025-05-09T09:00:00+07:00",
            "--days",
            "1",
            "--saturday",
            "--json",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert_eq!(json_lines(&out)[0]["due"], "2025-05-10T17:00:00+07:00");
}

#[test]
fn bad_due_inputs_exit_2() {
    // Receipt times without an offset, or without a time.
    for received in ["2025-04-25T09:00:00", "2025-04-25"] {
        let args = ["calendar", "due", "--days", "3", "--received", received];
        let (code, out, err) = motcua(&args, "");
        assert_eq!(code, 2, "{received}");
        assert!(out.is_empty() && err.contains(received), "{err}");
    }
    for args in [
        &["--days", "3", "--unit", "weeks"][..],
        &["--days", "3", "--pause", "2025-04-28T09:00:00+07:00"][..],
        &["--days", "-1"][..],
        &["--days", "1", "--cutoff", "7:00"][..],
        &["--days", "1", "--cutoff", "24:00"][..],
        &["--days", "1", "--extension", "2025-05-09"][..],
    ] {
        let (code, out, err) = due(false, args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty() && !err.is_empty(), "{args:?}");
    }
    for (args, code_text) in [
        // A supplement supplied before it was requested.
        (
            &[
                "--days",
                "3",
                "--pause",
                "2025-04-28T09:00:00+07:00,2025-04-27T09:00:00+07:00",
            ][..],
            "due.supplement_order",
        ),
        // More working days than the core's bound.
        (&["--days", "999999"][..], "working_days.too_many"),
        // An apology slip's appointment before the due time (2025-04-29 17:00) extends nothing.
        (
            &["--days", "3", "--extension", "2025-04-28T10:00:00+07:00"][..],
            "due.extension_order",
        ),
    ] {
        let (code, _, err) = due(false, args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(code_text), "{args:?}: {err}");
    }
}

#[test]
fn working_hours_run_through_the_office_hours_given() {
    // Mon 2025-05-19 10:30 + 3 working hours with 07:30-11:30 and 13:30-17:00: 1 h to 11:30,
    // 2 h from 13:30, due 15:30; the explanation counts the hours of the day.
    let args = [
        "--lang",
        "en",
        "calendar",
        "due",
        "--received",
        "2025-05-19T10:30:00+07:00",
        "--days",
        "3",
        "--unit",
        "hours",
        "--office-hours",
        "07:30-11:30,13:30-17:00",
    ];
    let (code, out, err) = motcua(&args, "");
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Due: 2025-05-19 15:30 (UTC+07:00)");
    assert_eq!(lines[2], "    2025-05-19: 3 h 0 min counted");
    // Across the evening: 16:00 + 8 h = 1 h Monday, 7 h Tuesday (4 h + 3 h), due Tue 16:30.
    let mut evening = args;
    evening[5] = "2025-05-19T16:00:00+07:00";
    evening[7] = "8";
    let (code, out, _) = motcua(&evening, "");
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Due: 2025-05-20 16:30 (UTC+07:00)\n    received at 2025-05-19 16:00\n    \
         2025-05-19: 1 h 0 min counted\n    2025-05-20: 7 h 0 min counted\n"
    );
}

#[test]
fn counting_by_hours_and_office_hours_in_json() {
    // 1 working day counted as 8 working hours (calendar.md §4), with office hours of 7.5 h a
    // day: Mon 08:00 gives 7 h on Monday and 1 h on Tuesday, due Tue 08:30.
    let args = [
        "calendar",
        "due",
        "--received",
        "2025-05-19T08:00:00+07:00",
        "--days",
        "1",
        "--counting",
        "hours",
        "--office-hours",
        "07:30-11:30,13:30-17:00",
        "--cutoff",
        "15:00",
        "--json",
    ];
    let (code, out, err) = motcua(&args, "");
    assert_eq!(code, 0, "{err}");
    let due = &json_lines(&out)[0];
    assert_eq!(due["due"], "2025-05-20T08:30:00+07:00");
    // The policy used is printed with the due time, in the shape of a due-date request's.
    assert_eq!(
        due["policy"],
        serde_json::json!({
            "working_weekdays": [true, true, true, true, true, false, false],
            "office_hours": "07:30-11:30,13:30-17:00",
            "cutoff": 900,
            "counting": "hours",
            "supplement": "restart"
        })
    );
    // What is printed is a request again, with the same answer on every surface.
    let request = serde_json::json!({
        "received": due["received"], "limit": due["limit"], "policy": due["policy"],
    });
    let again = motcua_core::calendar::request::due_json(&request.to_string()).expect("a request");
    let mut printed = due.clone();
    for echoed in ["received", "limit", "policy"] {
        printed.as_object_mut().expect("an object").remove(echoed);
    }
    assert_eq!(serde_json::to_value(again).expect("JSON"), printed);
    // Counting by dates instead, the same dossier is due at Tuesday's closing time, 17:00.
    let (code, out, _) = motcua(&args[..6], "");
    assert_eq!(code, 0);
    assert!(out.starts_with("Hạn giải quyết: 2025-05-20 17:00"), "{out}");
    let mut closing = args[..6].to_vec();
    closing.extend(["--office-hours", "07:00-11:00,13:00-16:30"]);
    let (code, out, _) = motcua(&closing, "");
    assert_eq!(code, 0);
    assert!(out.starts_with("Hạn giải quyết: 2025-05-20 16:30"), "{out}");
}

#[test]
fn working_weekdays_and_the_default_supplement_rule() {
    // Saturday 2025-05-17 is a working day of a Monday-Saturday week: from Fri 16, the 2 working
    // days are Sat 17 and Mon 19.
    let (code, out, err) = motcua(
        &[
            "calendar",
            "due",
            "--received",
            "2025-05-16T09:00:00+07:00",
            "--days",
            "2",
            "--weekdays",
            "mon,tue,wed,thu,fri,sat",
            "--json",
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(json_lines(&out)[0]["due"], "2025-05-19T17:00:00+07:00");
    let (code, _, err) = due(false, &["--days", "1", "--weekdays", "mon", "--saturday"]);
    assert_eq!(code, 2, "{err}");
    // Without --supplement a supplement restarts the limit (Decree 61/2018 Art. 19(4)), as in
    // the core: 3 working days from Tue 2025-05-06, due Fri 05-09.
    let (code, out, err) = due(
        false,
        &[
            "--days",
            "3",
            "--json",
            "--pause",
            "2025-04-28T09:00:00+07:00,2025-05-06T09:00:00+07:00",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(json_lines(&out)[0]["due"], "2025-05-09T17:00:00+07:00");
}

#[test]
fn bad_office_hours_and_cutoff_are_the_catalog_errors() {
    for (args, code_text) in [
        (
            &["--days", "1", "--office-hours", "13:00-17:00,08:00-12:00"][..],
            "due.office_hours",
        ),
        (
            &["--days", "1", "--office-hours", "08:00"][..],
            "due.office_hours",
        ),
        (
            &["--days", "1", "--office-hours", "08:00-12:60"][..],
            "due.no_such_time",
        ),
        (
            &["--days", "1", "--cutoff", "15h00"][..],
            "due.no_such_time",
        ),
    ] {
        let (code, out, err) = due(true, args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty() && err.contains(code_text), "{args:?}: {err}");
        let mut json = args.to_vec();
        json.push("--json");
        let (code, out, _) = due(true, &json);
        assert_eq!(code, 2);
        assert_eq!(json_lines(&out)[0]["input_error"]["code"], code_text);
    }
}
