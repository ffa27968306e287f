"""The peer side of benches/run-calendar-peers.sh, over the same inputs as the motcua side
(`YYYY-MM-DD N` per line) and printing the same JSON lines:

- `lunar`: lunar_vn.solar_to_lunar(date, time_zone=7.0) (lunar-vn);
- `working`: Monday to Friday and not in holidays.country_holidays("VN") (holidays);
- `due`: numpy.busday_offset(dates, N, roll="backward") with a Monday-Friday weekmask and, as
  holidays, the weekdays off that motcua gives (the file named by the second argument, printed by
  `core/examples/days_off_dump.rs`). roll="backward" makes a start date that is a day off count
  from the working day before it, which gives the N-th working day after the start date, the start
  date not counted, as motcua does. numpy is timed on whole arrays, its fast path.
"""
import datetime as dt
import json
import sys
import time

import holidays
import lunar_vn
import numpy as np

MEASURE = 2.0


def report(tool: str, op: str, inputs: int, check: int, run) -> None:
    calls = 0
    start = time.perf_counter()
    while time.perf_counter() - start < MEASURE:
        calls += run()
    seconds = time.perf_counter() - start
    print(json.dumps({
        "tool": tool, "op": op, "inputs": inputs, "check": int(check), "calls": calls,
        "seconds": round(seconds, 3), "per_second": round(calls / seconds),
        "ns_per_call": round(seconds * 1e9 / calls, 2),
    }))


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        rows = [line.split() for line in f if line.strip()]
    dates = [dt.date.fromisoformat(d) for d, _ in rows]
    ns = [int(n) for _, n in rows]
    with open(sys.argv[2], encoding="utf-8") as f:
        off = [d for d, kind in (line.split() for line in f if line.strip()) if kind == "off"]

    to_lunar = lunar_vn.solar_to_lunar

    def lunar() -> int:
        total = 0
        for d in dates:
            ld = to_lunar(d, time_zone=7.0)
            total += ld.year * 10000 + ld.month * 100 + ld.day + 50 * int(ld.leap)
        return total

    report("lunar-vn", "lunar", len(dates), lunar(), lambda: (lunar(), len(dates))[1])

    vn = holidays.country_holidays("VN", years=range(2027, 2036))

    def working() -> int:
        return sum(1 for d in dates if d.weekday() < 5 and d not in vn)

    report("holidays", "working", len(dates), working(), lambda: (working(), len(dates))[1])

    cal = np.busdaycalendar(weekmask="1111100", holidays=np.array(off, dtype="datetime64[D]"))
    starts = np.array(dates, dtype="datetime64[D]")
    offsets = np.array(ns, dtype=np.int64)

    def due():
        return np.busday_offset(starts, offsets, roll="backward", busdaycal=cal)

    check = int((due() - starts).astype(np.int64).sum())
    report("numpy", "due", len(dates), check, lambda: (due(), len(dates))[1])


if __name__ == "__main__":
    main()
