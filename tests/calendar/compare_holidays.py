#!/usr/bin/env python3
"""Compares motcua's civil-service days off with the PyPI package holidays (pinned 0.109), Vietnam
calendar, on every day of 2014-2035 (motcua has no statute in force on 1 January before 2014).

Both sides are reduced to the same thing: for a Monday-to-Friday working week, the weekdays that
are off and the weekend days that are working days (swapped Saturdays, lam bu). motcua's side is
printed by `cargo run --release -p motcua-core --example days_off_dump`; the holidays side is
every Monday-Friday date of `holidays.country_holidays("VN")` (the package lists no working days
for Vietnam). Every difference must be listed, with its legal reason, in
spec/calendar/holidays-differences.json; the script fails on any difference not listed and on
any listed difference that no longer occurs.

Usage (from the repository root, with holidays installed in the running Python; see
tests/calendar/run-independent.sh):

    VENV/bin/python tests/calendar/compare_holidays.py [--print-differences]

--print-differences prints the differences found as JSON entries, for editing the list.
"""

import datetime as dt
import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import holidays

PINNED = "0.109"
FIRST, LAST = 2014, 2035
LIST = Path(__file__).resolve().parents[2] / "spec" / "calendar" / "holidays-differences.json"


def motcua() -> dict:
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "motcua-core", "--example", "days_off_dump",
         "--", str(FIRST), str(LAST)],
        check=True, capture_output=True, text=True,
    ).stdout
    days = {}
    for line in out.splitlines():
        date, kind = line.split()
        days[date] = kind
    return days


def peer() -> dict:
    vn = holidays.country_holidays("VN", years=range(FIRST, LAST + 1))
    return {d.isoformat(): "off" for d in vn if d.weekday() < 5}


def differences(ours: dict, theirs: dict) -> dict:
    """date -> {"off_in": side with the day off, "motcua": kind, "holidays": kind}."""
    found = {}
    for date in sorted(set(ours) | set(theirs)):
        a, b = ours.get(date, "ordinary"), theirs.get(date, "ordinary")
        if a == b:
            continue
        if "off" in (a, b):
            off_in = "motcua" if a == "off" else "holidays"
        else:  # a swapped working Saturday: off in the ordinary week, so for holidays
            off_in = "holidays"
        found[date] = {"off_in": off_in, "motcua": a, "holidays": b}
    return found


def main() -> int:
    if version("holidays") != PINNED:
        raise SystemExit(f"holidays {PINNED} is required, found {version('holidays')}")
    found = differences(motcua(), peer())
    if "--print-differences" in sys.argv[1:]:
        for date, d in found.items():
            print(json.dumps({"date": date, "off_in": d["off_in"], "reason": None}, ensure_ascii=False) + ",")
        return 0
    listed = json.loads(LIST.read_text(encoding="utf-8"))
    reasons = listed["reasons"]
    expected = {}
    problems = []
    for entry in listed["differences"]:
        if entry["reason"] not in reasons:
            problems.append(f"{entry['date']}: unknown reason {entry['reason']!r}")
        if entry["date"] in expected:
            problems.append(f"{entry['date']}: listed twice")
        expected[entry["date"]] = entry
    for date, d in found.items():
        e = expected.get(date)
        if e is None:
            problems.append(f"{date}: off in {d['off_in']} only (motcua {d['motcua']}, "
                            f"holidays {d['holidays']}) and not listed in {LIST.name}")
        elif e["off_in"] != d["off_in"]:
            problems.append(f"{date}: listed as off in {e['off_in']}, found off in {d['off_in']}")
    for date in expected:
        if date not in found:
            problems.append(f"{date}: listed in {LIST.name} but no longer a difference")
    used = {e["reason"] for e in expected.values()}
    for reason in reasons:
        if reason not in used:
            problems.append(f"reason {reason!r} explains no difference")
    print(f"{FIRST}-{LAST}: {len(found)} differences with holidays {PINNED}, "
          f"{len(expected)} listed, {len(problems)} problems")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
