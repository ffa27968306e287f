#!/usr/bin/env bash
# Side-by-side speed of the calendar, in one run on the same inputs (benches/peers/calendar_inputs.py),
# each tool pinned to one core:
#   lunar conversion      motcua lunar::to_lunar            vs lunar-vn 1.4.0 solar_to_lunar
#   is-working-day        motcua Schedule::is_working_day   vs holidays 0.109 (weekday, not a holiday)
#   due dates (+N days)   motcua Schedule::add_working_days vs numpy.busday_offset, given motcua's days off
# Prints each tool's figures and the ratios the project tracks (see benches/README.md):
#   motcua lunar per core (goal >= 10 M/s), motcua / holidays (goal >= 20x),
#   motcua / numpy (goal >= 1.5x).
# Fails when the tools disagree: same lunar dates and same due dates; working-day counts may
# differ only by the inputs on dates listed in spec/calendar/holidays-differences.json.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
work="$CARGO_TARGET_DIR/bench-calendar"
mkdir -p "$work"

# The peers in the virtual environment of tests/calendar/run-independent.sh, pinned, installed once.
venv="$CARGO_TARGET_DIR/calendar-venv"
pins=('lunar-vn==1.4.0' 'holidays==0.109' 'numpy==2.4.6')
if ! "$venv/bin/python" - "${pins[@]}" 2>/dev/null <<'PY'
import sys
from importlib.metadata import version
sys.exit(0 if all(version(n) == v for n, v in (p.split("==") for p in sys.argv[1:])) else 1)
PY
then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${pins[@]}"
fi

inputs="$work/inputs.txt"
python3 benches/peers/calendar_inputs.py 100000 > "$inputs"
off="$work/days-off.txt"
cargo run --quiet --release -p motcua-core --example days_off_dump -- 2027 2035 > "$off"
cargo build --quiet --release -p motcua-benches --bin calendar-throughput

# One core each, one after another, so that they do not compete; the two sides alternate for
# $CALENDAR_ROUNDS rounds (default 3) and each tool's best round counts, so that a build of
# someone else's on the same core slows one round of one side, not the ratio.
rounds="${CALENDAR_ROUNDS:-3}"
lines=""
for round in $(seq "$rounds"); do
  rust=$(taskset -c 0 "$CARGO_TARGET_DIR/release/calendar-throughput" "$inputs")
  py=$(taskset -c 0 "$venv/bin/python" benches/peers/calendar_peers.py "$inputs" "$off")
  echo "round $round of $rounds"
  printf '%s\n%s\n' "$rust" "$py"
  lines+="$rust"$'\n'"$py"$'\n'
done

python3 - "$inputs" spec/calendar/holidays-differences.json "$rounds" "$lines" <<'PY'
import json, sys
inputs, differences, rounds, lines = sys.argv[1:]
results = {}
for line in lines.splitlines():
    if not line:
        continue
    r = json.loads(line)
    if "error" in r:
        sys.exit(f"{r['tool']} {r['op']}: {r['error']}")
    best = results.setdefault((r["tool"], r["op"]), r)
    if r["check"] != best["check"]:
        sys.exit(f"{r['tool']} {r['op']}: checksum {r['check']} in one round, {best['check']} in another")
    if r["per_second"] > best["per_second"]:
        results[(r["tool"], r["op"])] = r
m = {op: results[("motcua", op)] for op in ("lunar", "working", "due")}
lunar_vn, hol, numpy = results[("lunar-vn", "lunar")], results[("holidays", "working")], results[("numpy", "due")]
if m["lunar"]["check"] != lunar_vn["check"]:
    sys.exit(f"lunar dates differ: checksum motcua {m['lunar']['check']}, lunar-vn {lunar_vn['check']}")
if m["due"]["check"] != numpy["check"]:
    sys.exit(f"due dates differ: checksum motcua {m['due']['check']}, numpy {numpy['check']}")
# A listed difference off in holidays only is a working day for motcua (+1), and the reverse (-1).
listed = {d["date"]: d["off_in"] for d in json.load(open(differences, encoding="utf-8"))["differences"]}
expected = 0
with open(inputs, encoding="utf-8") as f:
    for line in f:
        side = listed.get(line.split()[0])
        expected += {"holidays": 1, "motcua": -1, None: 0}[side]
found = m["working"]["check"] - hol["check"]
if found != expected:
    sys.exit(f"working days: motcua {m['working']['check']}, holidays {hol['check']}: "
             f"{found} apart, the listed differences explain {expected}")
n = m["lunar"]["inputs"]
print(f"{n} inputs: same lunar dates and due dates; working days {m['working']['check']} vs "
      f"{hol['check']}, apart by the {abs(expected)} inputs on listed differences")
print(f"best of {rounds} rounds:")
for (tool, op), r in results.items():
    print(f"{tool + ' ' + op:22}: {r['per_second'] / 1e6:9.3f} M/s/core  {r['ns_per_call']:9.2f} ns")
def line(name, value, unit, goal):
    verdict = "met" if value >= goal else "NOT MET"
    print(f"{name:22}: {value:9.3f} {unit:10} (goal >= {goal}: {verdict})")
line("motcua lunar", m["lunar"]["per_second"] / 1e6, "M/s/core", 10)
print(f"{'motcua / lunar-vn':22}: {m['lunar']['per_second'] / lunar_vn['per_second']:9.3f} x")
line("motcua / holidays", m["working"]["per_second"] / hol["per_second"], "x", 20)
line("motcua / numpy", m["due"]["per_second"] / numpy["per_second"], "x", 1.5)
PY
