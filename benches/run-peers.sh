#!/usr/bin/env bash
# Side-by-side speed of tax-code checks, in one run on the same inputs:
#   motcua natively (Rust), motcua through the C ABI, and python-stdnum (stdnum.vn.mst).
# Prints each tool's figures and the ratios the project tracks (see benches/README.md):
#   motcua per core (goal >= 20 M/s), motcua / python-stdnum (goal >= 50x),
#   C call overhead = C ns/check - Rust ns/check (goal < 50 ns).
# Also fails when the tools disagree on how many codes are valid.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
work="$CARGO_TARGET_DIR/bench-peers"
mkdir -p "$work"

# python-stdnum in its own virtual environment, pinned, installed once.
venv="$work/venv"
if ! "$venv/bin/python" -c 'import stdnum' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'python-stdnum==2.2'
fi

codes="$work/tax-codes.txt"
python3 benches/peers/tax_codes.py 100000 > "$codes"

cargo build --quiet --release -p motcua-benches --bin tax-code-throughput
cargo build --quiet --release -p motcua-c --lib
gcc -O2 -std=c11 -Wall -Wextra -Werror -Ibindings-c/include -o "$work/overhead" benches/c/overhead.c \
  "$CARGO_TARGET_DIR/release/libmotcua.a" -lpthread -ldl -lm -lgcc_s -lc

# One core each, one after another, so that they do not compete.
rust=$(taskset -c 0 "$CARGO_TARGET_DIR/release/tax-code-throughput" "$codes")
c=$(taskset -c 0 "$work/overhead" "$codes")
py=$(taskset -c 0 "$venv/bin/python" benches/peers/stdnum_tax_code.py "$codes")
printf '%s\n%s\n%s\n' "$rust" "$c" "$py"

python3 - "$rust" "$c" "$py" <<'PY'
import json, sys
rust, c, py = (json.loads(a) for a in sys.argv[1:])
if not (rust["valid"] == c["valid"] == py["valid"]):
    sys.exit(f"disagreement on valid codes: motcua {rust['valid']}, C {c['valid']}, python-stdnum {py['valid']}")
print(f"tax codes: {rust['codes']} codes, {rust['valid']} valid according to all three tools")
print(f"motcua native        : {rust['per_second'] / 1e6:8.1f} M checks/s per core (goal >= 20)")
print(f"motcua / python-stdnum: {rust['per_second'] / py['per_second']:8.1f} x            (goal >= 50)")
print(f"C call overhead      : {c['ns_per_check'] - rust['ns_per_check']:8.2f} ns per check  (goal < 50)")
PY
