#!/usr/bin/env python3
"""Compares motcua's lunar calendar with the PyPI package lunar-vn (pinned 1.4.0) on every day
lunar-vn covers, 1900-01-01 to 2100-12-31: at UTC+7 (reckoning vietnam) and at UTC+8 (china).

Usage (from the repository root, with lunar-vn installed in the running Python):

    python3 -m venv VENV && VENV/bin/pip install lunar-vn==1.4.0
    VENV/bin/python tests/calendar/compare_lunar_vn.py

It runs `cargo run --release -p motcua-core --example lunar_dump`, which prints motcua's lunar date
of every day, and exits non-zero listing the first differences.
"""

import datetime as dt
import subprocess
import sys
from importlib.metadata import version

import lunar_vn

PINNED = "1.4.0"
RECKONINGS = {"vietnam": 7.0, "china": 8.0}


def motcua(reckoning: str) -> list:
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "motcua-core", "--example", "lunar_dump",
         "--", reckoning, "1900", "2100"],
        check=True, capture_output=True, text=True,
    ).stdout
    return out.splitlines()


def main() -> int:
    if version("lunar_vn") != PINNED:
        raise SystemExit(f"lunar-vn {PINNED} is required, found {version('lunar_vn')}")
    failed = False
    for reckoning, tz in RECKONINGS.items():
        lines = motcua(reckoning)
        day = dt.date(1900, 1, 1)
        differences = []
        for line in lines:
            ld = lunar_vn.solar_to_lunar(day, time_zone=tz)
            expected = f"{day.isoformat()} {ld.year} {ld.month} {ld.day} {int(ld.leap)}"
            if line != expected:
                differences.append(f"motcua {line} / lunar-vn {expected}")
            day += dt.timedelta(days=1)
        if day != dt.date(2101, 1, 1):
            differences.append(f"motcua printed {len(lines)} days")
        print(f"{reckoning}: {len(lines)} days, {len(differences)} differences")
        for d in differences[:20]:
            print("  " + d)
        failed |= bool(differences)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
