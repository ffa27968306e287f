#!/usr/bin/env bash
# Checks motcua's calendar against independent implementations from PyPI, pinned:
#   lunar-vn 1.4.0 (tests/calendar/compare_lunar_vn.py: every day 1900-2100)
#   holidays 0.109 (tests/calendar/compare_holidays.py: days off 2014-2035, every difference
#   explained in spec/calendar/holidays-differences.json)
# One virtual environment, $CARGO_TARGET_DIR/calendar-venv, created once and reused. When pip
# cannot install the pinned packages (no network), prints why and exits 0 without checking.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
venv="$CARGO_TARGET_DIR/calendar-venv"
pins=('lunar-vn==1.4.0' 'holidays==0.109')

installed() {
  "$venv/bin/python" - "${pins[@]}" 2>/dev/null <<'PY'
import sys
from importlib.metadata import version
sys.exit(0 if all(version(n) == v for n, v in (p.split("==") for p in sys.argv[1:])) else 1)
PY
}

if ! installed; then
  mkdir -p "$CARGO_TARGET_DIR"
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet --disable-pip-version-check "${pins[@]}"; } >&2; then
    echo "SKIPPED: independent calendar checks: pip cannot install ${pins[*]} into $venv" >&2
    exit 0
  fi
fi

"$venv/bin/python" tests/calendar/compare_lunar_vn.py
"$venv/bin/python" tests/calendar/compare_holidays.py
