#!/usr/bin/env python3
"""Writes the "holidays" and "due" sections of spec/vectors/calendar.json.

The expectations are transcribed or worked out by hand from the law and the domain notes, never
computed by motcua.

Holidays:

- TABLE below is /work/shared/domain/calendar.md §3 ("Known civil-servant schedules 2019-2026"),
  row by row, with its status and document (updates-2025.md changes no row of it);
- RULES below are the occasions of 2019-2026 that §3 has no row for (New Year 2019, 2020, 2021
  and 2024; National Day 2026): by the statute (Labor Code 10/2012/QH13 Art. 115(1) before 2021,
  Labor Code 45/2019/QH14 Art. 112(1) from 2021) and, for the day adjacent to National Day, the
  reading written in spec/calendar/holidays.md;
- EXTRA are single cases outside 2019-2026 (rules years, errors), each with its reason.

For every day of every row, and for the days around each row up to the nearest ordinary working
day on each side, the script writes one case for the Monday-Friday schedule ("mon_fri") and one
for the schedule whose Saturdays count ("mon_sat", the agency with Saturday receipt that counts
Saturdays, spec/calendar/working-days.md). Weekdays come from Python's datetime.

Due dates: DUE below, each case worked out by hand from the days off above and the rules of
spec/calendar/working-days.md (Civil Code 91/2015/QH13 Arts. 147-148, Decree 61/2018/NĐ-CP
Art. 19(4) and (9), calendar.md §4-§5), the reasoning in the case's name.

Usage: python3 tests/calendar/gen_working_day_vectors.py (no dependencies). The "lunar" section
(tests/calendar/gen_lunar_vectors.py) is kept as it is.
"""

import datetime as dt
import json
from pathlib import Path

FILE = Path(__file__).resolve().parents[2] / "spec" / "vectors" / "calendar.json"
DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

# calendar.md §3, one tuple per row: (year, occasion, first day off, last day off, swapped
# working Saturdays, status, document). A row with status CONFIRMED, UNCONFIRMED, derived or
# "likely" (2022 National Day) is written as the table gives it.
TABLE = [
    (2019, "Tết", "2019-02-02", "2019-02-10", [], "derived", None),
    (2019, "Hùng Kings", "2019-04-14", "2019-04-15", [], "derived", None),
    (2019, "30/4–1/5", "2019-04-27", "2019-05-01", ["2019-05-04"], "UNCONFIRMED", None),
    (2019, "National Day", "2019-08-31", "2019-09-02", [], "derived", None),
    (2020, "Tết", "2020-01-23", "2020-01-29", [], "CONFIRMED", None),
    (2020, "Hùng Kings", "2020-04-02", "2020-04-02", [], "derived", None),
    (2020, "30/4–1/5", "2020-04-30", "2020-05-03", [], "derived", None),
    (2020, "National Day", "2020-09-02", "2020-09-02", [], "derived", None),
    (2021, "Tết", "2021-02-10", "2021-02-16", [], "derived", None),
    (2021, "Hùng Kings", "2021-04-21", "2021-04-21", [], "derived", None),
    (2021, "30/4–1/5", "2021-04-30", "2021-05-03", [], "derived", None),
    (2021, "National Day", "2021-09-02", "2021-09-05", [], "UNCONFIRMED", None),
    (2022, "New Year", "2022-01-01", "2022-01-03", [], "derived", None),
    (2022, "Tết", "2022-01-29", "2022-02-06", [], "CONFIRMED", None),
    (2022, "Hùng Kings", "2022-04-09", "2022-04-11", [], "CONFIRMED", None),
    (2022, "30/4–1/5", "2022-04-30", "2022-05-03", [], "CONFIRMED", None),
    (2022, "National Day", "2022-09-01", "2022-09-04", [], "likely, not confirmed", None),
    (2023, "New Year", "2022-12-31", "2023-01-02", [], "CONFIRMED", None),
    (2023, "Tết", "2023-01-20", "2023-01-26", [], "CONFIRMED", "8056/VPCP-KGVX"),
    (2023, "Hùng Kings + 30/4–1/5", "2023-04-29", "2023-05-03", [], "derived", None),
    (2023, "National Day", "2023-09-01", "2023-09-04", [], "CONFIRMED", "8056/VPCP-KGVX"),
    (2024, "Tết", "2024-02-08", "2024-02-14", [], "UNCONFIRMED", None),
    (2024, "Hùng Kings", "2024-04-18", "2024-04-18", [], "derived", None),
    (2024, "30/4–1/5", "2024-04-27", "2024-05-01", ["2024-05-04"], "CONFIRMED", "2450/VPCP-KGVX"),
    (2024, "National Day", "2024-08-31", "2024-09-03", [], "UNCONFIRMED", None),
    (2025, "New Year", "2025-01-01", "2025-01-01", [], "CONFIRMED", None),
    (2025, "Tết", "2025-01-25", "2025-02-02", [], "CONFIRMED", None),
    (2025, "Hùng Kings", "2025-04-05", "2025-04-07", [], "CONFIRMED", None),
    (2025, "30/4–1/5", "2025-04-30", "2025-05-04", ["2025-04-26"], "CONFIRMED", None),
    (2025, "National Day", "2025-08-30", "2025-09-02", [], "CONFIRMED", None),
    (2026, "New Year", "2026-01-01", "2026-01-04", ["2026-01-10"], "CONFIRMED", "12729/VPCP-KGVX"),
    (2026, "Tết", "2026-02-14", "2026-02-22", [], "CONFIRMED", None),
    (2026, "Hùng Kings", "2026-04-25", "2026-04-27", [], "derived", None),
    (2026, "30/4–1/5", "2026-04-30", "2026-05-03", [], "derived", None),
]

LC2012 = "Labor Code 10/2012/QH13 Art. 115(1)(a)"
LC2019 = "Labor Code 45/2019/QH14 Art. 112(1)"
# Occasions of 2019-2026 without a §3 row: (occasion, days off, why). Each day is a weekday, so
# no compensatory day arises (Art. 111(3) / Art. 115(3)).
RULES = [
    ("New Year 2019", ["2019-01-01"], f"{LC2012}, no §3 row"),
    ("New Year 2020", ["2020-01-01"], f"{LC2012}, no §3 row"),
    ("New Year 2021", ["2021-01-01"], f"{LC2019}(a), no §3 row"),
    ("New Year 2024", ["2024-01-01"], f"{LC2019}(a), no §3 row"),
    (
        "National Day 2026",
        ["2026-09-01", "2026-09-02"],
        f"{LC2019}(đ); §3 row UNCONFIRMED ('5 ngày lễ 2-9', no details), adjacent Tue 01/09 by "
        "the holidays.md reading",
    ),
]

# Days near a rules occasion that a decision not in the domain notes may have swapped: by the
# statute they are ordinary days. (date, why)
NOT_IN_DOMAIN = [
    ("2018-12-31", "no New Year 2019 decision in calendar.md §3 (a swap is reported elsewhere, "
     "UNCONFIRMED): the statute alone, holidays.md"),
    ("2019-01-05", "no New Year 2019 decision in calendar.md §3: no swapped Saturday is known"),
    ("2026-08-31", "National Day 2026 §3 row UNCONFIRMED, no decision: the statute alone, "
     "holidays.md"),
    ("2026-08-22", "National Day 2026 §3 row UNCONFIRMED: no swapped Saturday is known"),
]

# Cases outside 2019-2026, each with its reason: {date, schedule, expected or error, name}.
EXTRA = [
    ("2027-02-05", "mon_fri", (False, "rules", None),
     "Fri 05/02/2027 mon_fri: off, eve of Tết 2027 by the rules (Labor Code 2019 Art. 112(1)(b); "
     "holidays.md reading: eve + mùng 1-4; calendar.md §6 Tết Sat 06/02)"),
    ("2027-02-11", "mon_fri", (False, "rules", None),
     "Thu 11/02/2027 mon_fri: off, second compensatory day for Tết 2027 on the weekend "
     "(Art. 111(3))"),
    ("2027-02-12", "mon_fri", (True, None, None),
     "Fri 12/02/2027 mon_fri: working, after the Tết 2027 compensatory days"),
    ("2031-04-01", "mon_fri", (False, "rules", None),
     "Tue 01/04/2031 mon_fri: off, Hùng Kings in the regular month 3 of a doubled month 3 "
     "(calendar.md §6; holidays.md)"),
    ("2020-09-01", "mon_fri", (True, None, None),
     "Tue 01/09/2020 mon_fri: working, Labor Code 2012 Art. 115(1) gives National Day one day"),
    ("2014-09-02", "mon_fri", (False, "rules", None),
     "Tue 02/09/2014 mon_fri: off, National Day by Labor Code 2012 Art. 115(1) (no decision for "
     "2014 in calendar.md §3)"),
    ("2015-01-01", "mon_fri", (False, "rules", None),
     "Thu 01/01/2015 mon_fri: off, New Year by Labor Code 2012 Art. 115(1) (no decision for "
     "2015 in calendar.md §3)"),
    ("2015-01-02", "mon_fri", (True, None, None),
     "Fri 02/01/2015 mon_fri: working by the statute alone; no 2015 decision in calendar.md §3 "
     "(holidays.md)"),
    ("2010-05-03", "mon_fri", "holidays.no_statute",
     "2010 is before Labor Code 2012: no statute in the data"),
    ("2013-05-02", "mon_fri", "holidays.no_statute",
     "2013: the statute in force on 01/01/2013 (Labor Code 1994) is not in the data; Labor Code "
     "2012 applies from 01/05/2013 only (holidays.md)"),
    ("2300-06-01", "mon_fri", "lunar.year_out_of_range",
     "2300 is beyond the lunar calendar's 1900-2199"),
    ("9999-06-01", "mon_fri", "holidays.out_of_range",
     "9999: next year's rows cannot be dated (holidays.out_of_range)"),
]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def label(d: dt.date) -> str:
    return f"{DOW[d.weekday()]} {d:%d/%m/%Y}"


def span(first: str, last: str):
    d = day(first)
    while d <= day(last):
        yield d
        d += dt.timedelta(days=1)


def expectations():
    """date -> (kind, source, document, why) for every exception to the working week."""
    known = {}
    for year, occasion, first, last, work, status, document in TABLE:
        sure = status if document is None else f"{status}, {document}"
        row = f"calendar.md §3 {year} row {occasion} ({sure})"
        for d in span(first, last):
            known[d] = ("off", "decision", document, f"day off of {row}")
        for w in work:
            known[day(w)] = ("work", "decision", document, f"swapped working Saturday of {row}")
    for occasion, days, why in RULES:
        for d in days:
            known[day(d)] = ("off", "rules", None, f"{occasion} by the statute: {why}")
    return known


def working(kind, d: dt.date, schedule: str) -> bool:
    if kind == "off":
        return False
    if kind == "work":
        return True
    return d.weekday() < 5 or (schedule == "mon_sat" and d.weekday() == 5)


def around(known, first: dt.date, last: dt.date):
    """The days before `first` and after `last` up to the nearest ordinary Monday-Friday day."""
    for step, start in ((-1, first), (1, last)):
        d = start + dt.timedelta(days=step)
        while True:
            yield d
            if d not in known and d.weekday() < 5:
                break
            d += dt.timedelta(days=step)


def cases():
    known = expectations()
    notes = dict((day(d), why) for d, why in NOT_IN_DOMAIN)
    dates = set(known) | set(notes)
    for _, _, first, last, work, _, _ in TABLE:
        dates.update(around(known, day(first), day(last)))
        for w in work:
            dates.update(around(known, day(w), day(w)))
    for _, days, _ in RULES:
        dates.update(around(known, day(days[0]), day(days[-1])))
    out = []
    for d in sorted(dates):
        for schedule in ("mon_fri", "mon_sat"):
            kind, source, document, why = known.get(d, (None, None, None, None))
            if kind is None:
                rest = d.weekday() == 6 or (d.weekday() == 5 and schedule == "mon_fri")
                why = notes.get(d, "weekly rest day" if rest else "ordinary working day")
                if d not in notes:
                    why += " next to a day off of calendar.md §3 (no row covers it)"
            is_working = working(kind, d, schedule)
            state = "working" if is_working else "off"
            out.append({
                "name": f"{label(d)} {schedule}: {state}, {why}",
                "date": d.isoformat(),
                "schedule": schedule,
                "working": is_working,
                "source": source,
                "document": document,
            })
    for date, schedule, expected, name in EXTRA:
        case = {"name": name, "date": date, "schedule": schedule}
        if isinstance(expected, str):
            case["error"] = expected
        else:
            case["working"], case["source"], case["document"] = expected
        out.append(case)
    return out


def due(name, received, limit, *, due=None, error=None, cutoff=None, counting="dates",
        supplement="restart", supplements=(), extension=None, weekdays=None, office_hours=None,
        waiting=False, path=None):
    """One due case. `limit` is (unit, value); times are written +07:00 unless they carry
    their own offset; `due` is the expected appointment, `waiting` for none (a supplement is
    awaited), `error` the expected finding code, at the JSON pointer `path` of the request when
    given (written {code, path}), else at ""."""
    def t(text):
        return text if text is None or text[-1] == "Z" or text[-6] in "+-" else text + "+07:00"
    policy = {"cutoff": cutoff, "counting": counting, "supplement": supplement}
    if weekdays is not None:
        policy["working_weekdays"] = weekdays
    if office_hours is not None:
        policy["office_hours"] = office_hours
    case = {
        "name": name,
        "received": t(received),
        "limit": {"unit": limit[0], "value": limit[1]},
        "policy": policy,
        "supplements": [{"requested": t(r), "supplied": t(s)} for r, s in supplements],
        "extension": t(extension),
    }
    if error is not None:
        case["error"] = error if path is None else {"code": error, "path": path}
    else:
        assert waiting or due is not None, name
        case["due"] = None if waiting else t(due)
    return case


WD, CD, WH = "working_days", "calendar_days", "working_hours"
MON_SAT = [True] * 6 + [False]
T2024 = "calendar.md §3 2024 Tết row 08/02-14/02 (UNCONFIRMED)"
T2025 = "calendar.md §3 2025 Tết row 25/01-02/02 (CONFIRMED)"
T2026 = "calendar.md §3 2026 Tết row 14/02-22/02 (CONFIRMED)"
ART147 = "Civil Code Art. 147: the day of receipt is not counted"
DAYOFF = "received on a day off: the next working day is the day of receipt (working-days.md)"
A148 = "Civil Code Art. 148: a limit ending on a day off ends on the next working day"
R194 = "Decree 61/2018 Art. 19(4): the limit runs again in full from the complete dossier"
PAUSE = ("pause by configuration: the due date moves by the working days in (request, "
         "supplement] (working-days.md)")
OH = "07:30-11:30,13:30-17:00"

DUE = [
    # calendar.md §5, the four vectors of the domain note.
    due("calendar.md §5: Fri 25/04/2025 + 3 working days = Tue 29/04 (Sat 26/04 swapped working)",
        "2025-04-25T10:00:00", (WD, 3), due="2025-04-29T17:00:00"),
    due("calendar.md §5: Tue 29/04/2025 + 3 working days = Wed 07/05 (30/04-04/05 off)",
        "2025-04-29T09:00:00", (WD, 3), due="2025-05-07T17:00:00"),
    due("calendar.md §5: Wed 31/12/2025 + 2 working days = Tue 06/01/2026 (01/01-04/01 off)",
        "2025-12-31T10:00:00", (WD, 2), due="2026-01-06T17:00:00"),
    due("calendar.md §5: Fri 09/01/2026 + 1 working day = Sat 10/01 (swapped, 12729/VPCP-KGVX)",
        "2026-01-09T10:00:00", (WD, 1), due="2026-01-10T17:00:00"),

    # Across Tết, several years: the day before, during, and the first working day after.
    due(f"Wed 07/02/2024, day before Tết, + 3 working days: Thu 15, Fri 16, Mon 19/02 ({T2024}; "
        f"{ART147})", "2024-02-07T10:00:00", (WD, 3), due="2024-02-19T17:00:00"),
    due(f"Fri 09/02/2024, during Tết, + 3 working days: counts from Thu 15/02, so Fri 16, Mon 19, "
        f"Tue 20/02 ({T2024}; {DAYOFF})", "2024-02-09T09:00:00", (WD, 3),
        due="2024-02-20T17:00:00"),
    due(f"Thu 15/02/2024, first working day after Tết, + 3 working days: Fri 16, Mon 19, Tue 20/02 "
        f"({T2024})", "2024-02-15T09:00:00", (WD, 3), due="2024-02-20T17:00:00"),
    due(f"Fri 24/01/2025, day before Tết, + 5 working days: Mon 03/02 to Fri 07/02 ({T2025})",
        "2025-01-24T14:00:00", (WD, 5), due="2025-02-07T17:00:00"),
    due(f"Wed 29/01/2025, mùng 1 Tết, + 5 working days: counts from Mon 03/02, so 04/02 to Mon "
        f"10/02 ({T2025}; {DAYOFF})", "2025-01-29T09:00:00", (WD, 5), due="2025-02-10T17:00:00"),
    due(f"Mon 03/02/2025, first working day after Tết, + 5 working days: 04/02 to Mon 10/02 "
        f"({T2025})", "2025-02-03T08:30:00", (WD, 5), due="2025-02-10T17:00:00"),
    due(f"Fri 13/02/2026 16:00, day before Tết, no cut-off, + 2 working days: Mon 23, Tue 24/02 "
        f"({T2026})", "2026-02-13T16:00:00", (WD, 2), due="2026-02-24T17:00:00"),
    due(f"Fri 13/02/2026 16:00, day before Tết, after a 15:00 cut-off: counts from Mon 23/02, so "
        f"Tue 24, Wed 25/02 ({T2026}; cut-off by configuration, working-days.md)",
        "2026-02-13T16:00:00", (WD, 2), cutoff=900, due="2026-02-25T17:00:00"),
    due(f"Received on Saturday of Tết 2026 counts from Mon 23/02: due Tue 24/02 ({T2026}; "
        f"{DAYOFF})", "2026-02-14T09:00:00", (WD, 1), due="2026-02-24T17:00:00"),
    due(f"Wed 18/02/2026, mùng 2 Tết, + 1 working day: counts from Mon 23/02, due Tue 24/02 "
        f"({T2026}; {DAYOFF})", "2026-02-18T10:00:00", (WD, 1), due="2026-02-24T17:00:00"),
    due(f"Mon 23/02/2026, first working day after Tết, + 10 working days: 24-27/02, 02-06/03, "
        f"Mon 09/03 ({T2026})", "2026-02-23T09:00:00", (WD, 10), due="2026-03-09T17:00:00"),
    due("Wed 22/01/2020, day before Tết, + 3 working days: Thu 30, Fri 31/01, Mon 03/02 "
        "(calendar.md §3 2020 Tết row 23/01-29/01, CONFIRMED)", "2020-01-22T11:00:00", (WD, 3),
        due="2020-02-03T17:00:00"),
    due("Fri 01/02/2019, day before Tết, + 1 working day: Mon 11/02 (calendar.md §3 2019 Tết row "
        "02/02-10/02, derived)", "2019-02-01T09:00:00", (WD, 1), due="2019-02-11T17:00:00"),
    due("Thu 19/01/2023, day before Tết, + 2 working days: Fri 27, Mon 30/01 (calendar.md §3 2023 "
        "Tết row 20/01-26/01, 8056/VPCP-KGVX)", "2023-01-19T09:00:00", (WD, 2),
        due="2023-01-30T17:00:00"),
    due("Tue 09/02/2021, day before Tết, + 3 working days: Wed 17, Thu 18, Fri 19/02 (calendar.md "
        "§3 2021 Tết row 10/02-16/02, derived)", "2021-02-09T10:00:00", (WD, 3),
        due="2021-02-19T17:00:00"),
    due("Received on a compensatory day of Tết 2027 (rules, holidays.md): counts from Fri 12/02, "
        "due Mon 15/02", "2027-02-10T09:00:00", (WD, 1), due="2027-02-15T17:00:00"),

    # Weekends and swapped Saturdays.
    due("Fri 03/05/2019 + 1 working day = Sat 04/05, swapped working Saturday (calendar.md §3 2019 "
        "30/4-1/5 row, UNCONFIRMED)", "2019-05-03T09:00:00", (WD, 1), due="2019-05-04T17:00:00"),
    due("Fri 26/04/2019 + 3 working days: 27/04-01/05 off, Thu 02, Fri 03, Sat 04/05 swapped "
        "(calendar.md §3 2019 30/4-1/5 row, UNCONFIRMED)", "2019-04-26T09:00:00", (WD, 3),
        due="2019-05-04T17:00:00"),
    due("Fri 26/04/2024 + 3 working days: 27/04-01/05 off, Thu 02, Fri 03, Sat 04/05 swapped "
        "(calendar.md §3 2024 row, 2450/VPCP-KGVX)", "2024-04-26T09:00:00", (WD, 3),
        due="2024-05-04T17:00:00"),
    due("Fri 10/05/2024 + 1 working day, Monday-Friday: the weekend is skipped, Mon 13/05",
        "2024-05-10T09:00:00", (WD, 1), due="2024-05-13T17:00:00"),
    due("Fri 10/05/2024 + 1 working day, Saturdays count: Sat 11/05", "2024-05-10T09:00:00",
        (WD, 1), weekdays=MON_SAT, due="2024-05-11T17:00:00"),
    due("Sat 11/05/2024 + 1 working day, Saturdays count: Sunday skipped, Mon 13/05",
        "2024-05-11T09:00:00", (WD, 1), weekdays=MON_SAT, due="2024-05-13T17:00:00"),
    due(f"Sat 11/05/2024 Saturday receipt, Monday-Friday: counts from Mon 13/05, due Tue 14/05 "
        f"({DAYOFF}; Saturday receipt does not make Saturday a working day, calendar.md §1)",
        "2024-05-11T09:00:00", (WD, 1), due="2024-05-14T17:00:00"),
    due(f"Fri 24/01/2025 + 1 working day, Saturdays count: Sat 25/01 is a Tết day off, due Mon "
        f"03/02 ({T2025})", "2025-01-24T09:00:00", (WD, 1), weekdays=MON_SAT,
        due="2025-02-03T17:00:00"),
    due("Received on swapped working Sat 26/04/2025 (calendar.md §3 2025 30/4-1/5 row): a working "
        "day, day 1 is Mon 28/04", "2025-04-26T09:00:00", (WD, 1), due="2025-04-28T17:00:00"),
    due("Received on swapped working Sat 10/01/2026 (12729/VPCP-KGVX): day 1 is Mon 12/01",
        "2026-01-10T10:00:00", (WD, 1), due="2026-01-12T17:00:00"),
    due("Fri 24/04/2026 + 3 working days: Hùng Kings 25-27/04 off (calendar.md §3 2026 row, "
        "derived), Tue 28, Wed 29, then 30/04-03/05 off, Mon 04/05", "2026-04-24T09:00:00",
        (WD, 3), due="2026-05-04T17:00:00"),
    due("Mon 31/08/2026 + 1 working day: National Day 2026 by the statute, Tue 01 and Wed 02/09 "
        "off (calendar.md §3 2026 row UNCONFIRMED; holidays.md reading), due Thu 03/09",
        "2026-08-31T09:00:00", (WD, 1), due="2026-09-03T17:00:00"),
    due("Fri 29/12/2023 + 1 working day: weekend, Mon 01/01/2024 New Year by the statute (no §3 "
        "row), due Tue 02/01/2024", "2023-12-29T09:00:00", (WD, 1), due="2024-01-02T17:00:00"),

    # Receipt time: cut-off, office hours, days off.
    due("Received 16:30 (written in UTC), no cut-off", "2025-05-15T09:30:00Z", (WD, 1),
        due="2025-05-16T17:00:00"),
    due("Received 16:30 after a 15:00 cut-off counts from Friday", "2025-05-15T09:30:00Z",
        (WD, 1), cutoff=900, due="2025-05-19T17:00:00"),
    due("Received 16:30 before a 17:00 cut-off", "2025-05-15T16:30:00", (WD, 1), cutoff=1020,
        due="2025-05-16T17:00:00"),
    due("Received exactly 15:00 with a 15:00 cut-off is not after it ('sau 15 giờ'): day 1 Fri "
        "16/05", "2025-05-15T15:00:00", (WD, 1), cutoff=900, due="2025-05-16T17:00:00"),
    due("Received 15:00:59 with a 15:00 cut-off: the receipt slip records hour and minute (Mẫu 01, "
        "updates-2025.md calendar item 3), 15:00 is not after 15:00, day 1 Fri 16/05",
        "2025-05-15T15:00:59", (WD, 1), cutoff=900, due="2025-05-16T17:00:00"),
    due("Received 15:01 with a 15:00 cut-off: counts from Fri 16/05, due Mon 19/05",
        "2025-05-15T15:01:00", (WD, 1), cutoff=900, due="2025-05-19T17:00:00"),
    due("Received Fri 16/05/2025 17:30, after office hours, 17:00 cut-off (Decree 297/2025 "
        "Art. 3(5)): counts from Mon 19/05, due Tue 20/05", "2025-05-16T17:30:00", (WD, 1),
        cutoff=1020, due="2025-05-20T17:00:00"),
    due("Received Fri 16/05/2025 17:30 without a cut-off: the day of receipt is Friday, day 1 Mon "
        "19/05 (Decree 61/2018 sets no cut-off for the time limit, working-days.md)",
        "2025-05-16T17:30:00", (WD, 1), due="2025-05-19T17:00:00"),
    due(f"Received online Sun 18/05/2025 20:00, 17:00 cut-off: counts from Mon 19/05, due Tue "
        f"20/05 ({DAYOFF}; Decree 297/2025 Art. 3(5))", "2025-05-18T20:00:00", (WD, 1),
        cutoff=1020, due="2025-05-20T17:00:00"),
    due("Received 07:00, before office hours, 15:00 cut-off: not after the cut-off, day 1 Fri 16/05",
        "2025-05-15T07:00:00", (WD, 1), cutoff=900, due="2025-05-16T17:00:00"),
    due("Received Fri 25/04/2025 16:00 after a 15:00 cut-off: counts from swapped working Sat "
        "26/04, day 1 Mon 28/04", "2025-04-25T16:00:00", (WD, 1), cutoff=900,
        due="2025-04-28T17:00:00"),
    due("Office hours 07:00-11:00,13:00-16:30: a working-day limit ends at closing time 16:30 "
        "(working-days.md)", "2025-05-15T09:00:00", (WD, 1), office_hours="07:00-11:00,13:00-16:30",
        due="2025-05-16T16:30:00"),

    # Same-day limits ("trả trong ngày", 0 days; calendar.md §4): closing time of the day of
    # receipt, never before the receipt (working-days.md).
    due("Same-day limit received Thu 15/05/2025 10:00: due 17:00 the same day",
        "2025-05-15T10:00:00", (WD, 0), due="2025-05-15T17:00:00"),
    due("Same-day limit received Thu 15/05/2025 18:00, after closing: counts from Fri 16/05, due "
        "Fri 17:00 (an appointment is never before the receipt, working-days.md)",
        "2025-05-15T18:00:00", (WD, 0), due="2025-05-16T17:00:00"),
    due("Same-day limit received 16:00 after a 15:00 cut-off: due the next working day, Fri 16/05 "
        "17:00 (Hanoi 1811/QĐ-TTPVHCC: 'tiếp nhận sau 15 giờ thì trả trong ngày làm việc tiếp "
        "theo', calendar.md §5)", "2025-05-15T16:00:00", (WD, 0), cutoff=900,
        due="2025-05-16T17:00:00"),
    due(f"Same-day limit received Fri 13/02/2026 18:00, before Tết: due Mon 23/02 17:00 ({T2026})",
        "2026-02-13T18:00:00", (WD, 0), due="2026-02-23T17:00:00"),
    due(f"0 calendar days received Sat 17/05/2025: counts from Mon 19/05, due Mon 17:00 ({DAYOFF})",
        "2025-05-17T10:00:00", (CD, 0), due="2025-05-19T17:00:00"),

    # Calendar days (Civil Code Arts. 147-148).
    due(f"9 calendar days ending on 30/04/2025 move to Mon 05/05 ({A148})", "2025-04-21T09:00:00",
        (CD, 9), due="2025-05-05T17:00:00"),
    due(f"Mon 12/05/2025 + 6 calendar days = Sun 18/05, moves to Mon 19/05 ({A148})",
        "2025-05-12T09:00:00", (CD, 6), due="2025-05-19T17:00:00"),
    due("Wed 16/04/2025 + 10 calendar days = swapped working Sat 26/04: a working day, ends there",
        "2025-04-16T09:00:00", (CD, 10), due="2025-04-26T17:00:00"),
    due(f"Fri 24/01/2025 + 12 calendar days = Wed 05/02, across Tết, a working day ({T2025})",
        "2025-01-24T09:00:00", (CD, 12), due="2025-02-05T17:00:00"),
    due(f"Fri 28/01/2022 + 15 calendar days = Sat 12/02, moves to Mon 14/02 ({A148})",
        "2022-01-28T09:00:00", (CD, 15), due="2022-02-14T17:00:00"),
    due(f"Mon 02/02/2026 + 14 calendar days = Mon 16/02, a Tết day off, moves to Mon 23/02 "
        f"({T2026}; {A148})", "2026-02-02T10:00:00", (CD, 14), due="2026-02-23T17:00:00"),
    due(f"Wed 24/12/2025 + 9 calendar days = Fri 02/01/2026, the swapped day off (12729/VPCP-KGVX), "
        f"moves past 03-04/01 to Mon 05/01 ({A148})", "2025-12-24T09:00:00", (CD, 9),
        due="2026-01-05T17:00:00"),
    due(f"Sat 17/05/2025 receipt + 3 calendar days: counts from Mon 19/05, ends Thu 22/05 "
        f"({DAYOFF})", "2025-05-17T09:00:00", (CD, 3), due="2025-05-22T17:00:00"),
    due(f"Thu 15/05/2025 16:00 after a 15:00 cut-off + 1 calendar day: from Fri 16/05, Sat 17/05 "
        f"moves to Mon 19/05 ({A148})", "2025-05-15T16:00:00", (CD, 1), cutoff=900,
        due="2025-05-19T17:00:00"),

    # Working hours through office hours (Civil Code Art. 147(1): from the moment of receipt).
    due("4 working hours across the evening", "2025-05-15T15:00:00", (WH, 4),
        due="2025-05-16T10:00:00"),
    due("1 working day counted as 8 working hours", "2025-05-16T10:30:00", (WD, 1),
        counting="hours", due="2025-05-19T10:30:00"),
    due("11:00 + 2 working hours across the lunch break 12:00-13:00 = 14:00",
        "2025-05-19T11:00:00", (WH, 2), due="2025-05-19T14:00:00"),
    due("Received 12:30, in the lunch break, + 1 working hour: from 13:00, due 14:00",
        "2025-05-19T12:30:00", (WH, 1), due="2025-05-19T14:00:00"),
    due("Received 07:00, before opening, + 3 working hours: 08:00-11:00", "2025-05-19T07:00:00",
        (WH, 3), due="2025-05-19T11:00:00"),
    due("Received Thu 18:00, after closing, + 2 working hours: Fri 08:00-10:00",
        "2025-05-15T18:00:00", (WH, 2), due="2025-05-16T10:00:00"),
    due(f"Fri 13/02/2026 16:00 + 4 working hours: 1 h Friday, Tết 14-22/02 off, 3 h Mon 23/02 to "
        f"11:00 ({T2026})", "2026-02-13T16:00:00", (WH, 4), due="2026-02-23T11:00:00"),
    due("Fri 09/01/2026 16:00 + 2 working hours: 1 h Friday, 1 h on swapped working Sat 10/01 to "
        "09:00", "2026-01-09T16:00:00", (WH, 2), due="2026-01-10T09:00:00"),
    due(f"Office hours {OH}: 10:30 + 3 working hours = 1 h to 11:30, 2 h from 13:30, due 15:30",
        "2025-05-19T10:30:00", (WH, 3), office_hours=OH, due="2025-05-19T15:30:00"),
    due(f"Office hours {OH}: Mon 16:00 + 8 working hours = 1 h Monday, Tue 4 h 07:30-11:30 and "
        f"3 h 13:30-16:30", "2025-05-19T16:00:00", (WH, 8), office_hours=OH,
        due="2025-05-20T16:30:00"),
    due(f"Office hours {OH}, 1 working day counted as 8 hours (calendar.md §4), not as one office "
        f"day of 7.5 h: Mon 08:00 gives 7 h Monday, 1 h Tuesday, due Tue 08:30",
        "2025-05-19T08:00:00", (WD, 1), counting="hours", office_hours=OH,
        due="2025-05-20T08:30:00"),
    due("Thu 16:00 after a 15:00 cut-off + 2 working hours: from Fri 08:00, due 10:00",
        "2025-05-15T16:00:00", (WH, 2), cutoff=900, due="2025-05-16T10:00:00"),
    due("Sat 17/05/2025 receipt + 2 working hours: from Mon 08:00, due 10:00",
        "2025-05-17T10:00:00", (WH, 2), due="2025-05-19T10:00:00"),

    # Supplements (Decree 61/2018 Art. 19(4)).
    due(f"Supplement restarts the limit ({R194})", "2025-05-05T09:00:00", (WD, 5),
        supplements=[("2025-05-07T09:00:00", "2025-05-09T09:00:00")], due="2025-05-16T17:00:00"),
    due(f"Supplement pauses the clock by configuration ({PAUSE})", "2025-05-05T09:00:00", (WD, 5),
        supplement="pause", supplements=[("2025-05-07T09:00:00", "2025-05-09T09:00:00")],
        due="2025-05-14T17:00:00"),
    due("Awaiting a supplement: no appointment", "2025-05-05T09:00:00", (WD, 5),
        supplements=[("2025-05-07T09:00:00", None)], waiting=True),
    due("Awaiting a supplement under the pause rule: no appointment", "2025-05-05T09:00:00",
        (WD, 5), supplement="pause", supplements=[("2025-05-07T09:00:00", None)], waiting=True),
    due(f"Restart across Tết: supplied Thu 12/02/2026, 10 working days Fri 13/02, Mon 23/02 to Fri "
        f"27/02, Mon 02/03 to Thu 05/03 ({R194}; {T2026})", "2026-01-05T09:00:00", (WD, 10),
        supplements=[("2026-01-08T10:00:00", "2026-02-12T10:00:00")], due="2026-03-05T17:00:00"),
    due(f"Pause across Tết: 06-08/01 counted (3), stopped to Thu 12/02, then Fri 13/02, 23-27/02, "
        f"Mon 02/03 (10) ({PAUSE}; {T2026})", "2026-01-05T09:00:00", (WD, 10), supplement="pause",
        supplements=[("2026-01-08T10:00:00", "2026-02-12T10:00:00")], due="2026-03-02T17:00:00"),
    due(f"Two supplements, restart: the last complete dossier Thu 19/06/2025 starts 5 working days, "
        f"Fri 20 to Thu 26/06 ({R194})", "2025-06-09T09:00:00", (WD, 5),
        supplements=[("2025-06-11T09:00:00", "2025-06-13T09:00:00"),
                     ("2025-06-17T09:00:00", "2025-06-19T14:00:00")],
        due="2025-06-26T17:00:00"),
    due(f"Two supplements, pause: 5 + 2 (12-13/06) + 2 (18-19/06) working days from Mon 09/06 = "
        f"Fri 20/06/2025 ({PAUSE})", "2025-06-09T09:00:00", (WD, 5), supplement="pause",
        supplements=[("2025-06-11T09:00:00", "2025-06-13T09:00:00"),
                     ("2025-06-17T09:00:00", "2025-06-19T14:00:00")],
        due="2025-06-20T17:00:00"),
    due(f"Restart from a supplement on a day off, Sat 03/05/2025: counts from Mon 05/05, due Thu "
        f"08/05 ({R194}; {DAYOFF})", "2025-04-21T09:00:00", (WD, 3),
        supplements=[("2025-04-23T09:00:00", "2025-05-03T09:00:00")], due="2025-05-08T17:00:00"),
    due(f"Pause requested and supplied the same day stops no working day: due stays Mon 16/06/2025 "
        f"({PAUSE})", "2025-06-09T09:00:00", (WD, 5), supplement="pause",
        supplements=[("2025-06-10T09:00:00", "2025-06-10T15:00:00")], due="2025-06-16T17:00:00"),
    due(f"Restart from a supplement after a 15:00 cut-off, Wed 11/06/2025 16:00: counts from Thu "
        f"12/06, due Mon 16/06 ({R194})", "2025-06-09T09:00:00", (WD, 2), cutoff=900,
        supplements=[("2025-06-10T09:00:00", "2025-06-11T16:00:00")], due="2025-06-16T17:00:00"),
    due(f"Pause over a weekend, Fri 13 to Mon 16/06/2025: one working day stopped, due Wed 18/06 "
        f"instead of Tue 17/06 ({PAUSE})", "2025-06-12T09:00:00", (WD, 3), supplement="pause",
        supplements=[("2025-06-13T10:00:00", "2025-06-16T10:00:00")], due="2025-06-18T17:00:00"),
    due(f"Pause with hours counting: 1 working day + 2 stopped (10-11/06) = 24 working hours from "
        f"Mon 09/06/2025 10:00, due Thu 12/06 10:00 ({PAUSE}, 8 h each)", "2025-06-09T10:00:00",
        (WD, 1), counting="hours", supplement="pause",
        supplements=[("2025-06-09T11:00:00", "2025-06-11T11:00:00")], due="2025-06-12T10:00:00"),
    due("A pause requested after the due time moves nothing (the dossier is late)",
        "2025-04-25T09:00:00", (WD, 3), supplement="pause",
        supplements=[("2025-05-05T09:00:00", "2025-05-07T09:00:00")], due="2025-04-29T17:00:00"),

    # Apology slip (Decree 61/2018 Art. 19(9)): the new appointment replaces the due date.
    due("Apology slip sets a new appointment (Art. 19(9))", "2025-05-05T09:00:00", (WD, 5),
        extension="2025-05-20T16:00:00", due="2025-05-20T16:00:00"),
    due(f"Apology slip across Tết: due Mon 09/02/2026, new appointment Wed 25/02/2026 16:00 "
        f"(Art. 19(9); {T2026})", "2026-02-02T09:00:00", (WD, 5),
        extension="2026-02-25T16:00:00", due="2026-02-25T16:00:00"),
    due(f"Apology slip after a restarted limit: due Fri 20/06/2025, new appointment Fri 27/06 "
        f"10:00 (Art. 19(4) and (9))", "2025-06-09T09:00:00", (WD, 5),
        supplements=[("2025-06-11T09:00:00", "2025-06-13T09:00:00")],
        extension="2025-06-27T10:00:00", due="2025-06-27T10:00:00"),
    due("Apology slip while a supplement is awaited: the clock stands still, no appointment",
        "2025-06-09T09:00:00", (WD, 5), supplements=[("2025-06-11T09:00:00", None)],
        extension="2025-06-27T10:00:00", waiting=True),

    # Errors: every holidays.*, working_days.* and due.* code of spec/findings/calendar.json.
    due("An apology slip's appointment before the due time Mon 12/05/2025 17:00 extends nothing "
        "(Art. 19(9): gia hạn)", "2025-05-05T09:00:00", (WD, 5), extension="2025-05-09T10:00:00",
        error="due.extension_order"),
    due("An apology slip's appointment at the due time itself extends nothing (Art. 19(9))",
        "2025-05-05T09:00:00", (WD, 5), extension="2025-05-12T17:00:00",
        error="due.extension_order"),
    due("Supplied before requested", "2025-05-05T09:00:00", (WD, 5),
        supplements=[("2025-05-07T09:00:00", "2025-05-06T09:00:00")], error="due.supplement_order"),
    due("Supplement requested before receipt", "2025-05-05T09:00:00", (WD, 5),
        supplements=[("2025-05-02T09:00:00", None)], error="due.supplement_order"),
    due("A cut-off at minute 1440 is no time of day", "2025-05-05T09:00:00", (WD, 5), cutoff=1440,
        error="due.no_such_time"),
    due("Office hours with 12:60 name no time of day", "2025-05-05T09:00:00", (WH, 5),
        office_hours="08:00-12:60", error="due.no_such_time", path="/policy/office_hours"),
    due("Office hours out of order", "2025-05-05T09:00:00", (WH, 5),
        office_hours="13:00-17:00,08:00-12:00", error="due.office_hours",
        path="/policy/office_hours"),
    due("Office hours ending before they start", "2025-05-05T09:00:00", (WD, 5),
        office_hours="17:00-08:00", error="due.office_hours", path="/policy/office_hours"),
    due("More working days than supported", "2025-05-05T09:00:00", (WD, 5000),
        error="working_days.too_many"),
    due("More working hours than supported (2 600 working days of 8 h)", "2025-05-05T09:00:00",
        (WH, 30000), error="working_days.too_many"),
    due("A working week without a working day", "2025-05-05T09:00:00", (WD, 5),
        weekdays=[False] * 7, error="working_days.no_working_day"),
    due("Received 9999-12-31 23:00 at UTC-10:00 is 10000-01-01 in Vietnam, outside the dates",
        "9999-12-31T23:00:00-10:00", (WD, 1), error="working_days.out_of_range"),
    due("Before Labor Code 2012", "2010-05-05T09:00:00", (WD, 5), error="holidays.no_statute"),
    due("2013: the statute in force on 01/01/2013 is not in the data (holidays.md)",
        "2013-12-02T09:00:00", (WD, 5), error="holidays.no_statute"),
    due("9999: the holidays of the last supported year cannot be dated", "9999-06-01T09:00:00",
        (WD, 1), error="holidays.out_of_range"),
]

COMMENT_REST = (
    " Section \"holidays\" (generated by tests/calendar/gen_working_day_vectors.py from its "
    "hand transcription of calendar.md §3, the statutes and the readings of "
    "spec/calendar/holidays.md): each case is {name, date, schedule (\"mon_fri\" or "
    "\"mon_sat\"), working, source (\"decision\", \"rules\" or null for an ordinary day), "
    "document (null when none)} or {name, date, schedule, error}. Section \"due\" (worked out "
    "by hand in the same script from calendar.md §4-§5 and spec/calendar/working-days.md, the "
    "reasoning in each name): each case is {name, received, limit {unit, value}, policy {cutoff "
    "(minutes since midnight or null), counting, supplement, and optionally working_weekdays "
    "(seven booleans, Monday first; Monday-Friday when absent) and office_hours "
    "(\"HH:MM-HH:MM,...\" as read by OfficeHours::from_str; 08:00-12:00,13:00-17:00 when "
    "absent)}, supplements [{requested, supplied}], extension, due} with times in RFC 3339 (due "
    "null while a supplement is awaited) or with error instead of due: the expected finding "
    "code (at path \"\"), or {code, path} with the JSON pointer of the request's field. Never "
    "generated by running motcua."
)
LUNAR_END = "Rules: spec/calendar/lunar.md."


def main():
    data = json.loads(FILE.read_text(encoding="utf-8"))
    data["holidays"] = cases()
    data["due"] = DUE
    names = [c["name"] for c in data["holidays"] + DUE]
    assert len(names) == len(set(names)), "case names are unique"
    comment = data["$comment"]
    data["$comment"] = comment[: comment.index(LUNAR_END) + len(LUNAR_END)] + COMMENT_REST
    FILE.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(data['holidays'])} holiday and {len(DUE)} due cases written to {FILE}")


if __name__ == "__main__":
    main()
