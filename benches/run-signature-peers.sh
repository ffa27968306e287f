#!/usr/bin/env bash
# Side-by-side speed of signature verification (issue 6 point 11), in one run on the same files:
# signed PDFs of about 3 MB and 30 MB that motcua-forge generates (`motcua-forge large BYTES DIR`:
# the test CA's person signs, PAdES RSA SHA-256 with a timestamp, over a revision of filler
# bytes), written to a scratch directory that is deleted at the end. Each tool pinned to core 0:
#   motcua   the whole `motcua verify` process (release build), trusting the test root at the
#            forge's validation time, an unknown revocation status accepted (the files carry
#            none), its verdict checked (TOTAL_PASSED) before it is timed
#   openssl  `openssl dgst -sha256 FILE` (one pass of SHA-256 over the file: the floor)
#   pdfsig   poppler's `pdfsig -nocert FILE` (the signature only) and, with the certificates,
#            `pdfsig -nssdir DB FILE` under faketime at the validation time (as
#            tests/signature/peers.py runs it)
#   pyHanko  its in-process validation (benches/peers/pyhanko_verify.py), 3 MB file only, against
#            the motcua process and motcua in process (signature-throughput: read the file and
#            signature::verify::verify it, the options read once as pyHanko's context is)
# Whole processes are timed by hyperfine (median of SIGNATURE_RUNS runs, default 30, after 3
# warm-up runs); motcua's peak memory by /usr/bin/time -v (maximum resident set size).
# Prints the figures and the ratios against the goals (benches/README.md); fails when a tool
# does not find the signatures valid.
# Needs: hyperfine and GNU time from Debian (installed here when missing), and the peers of
# scripts/setup-peers (pdfsig, certutil, faketime, pyHanko in its venv).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
runs="${SIGNATURE_RUNS:-30}"
sizes="${SIGNATURE_SIZES:-3000000 30000000}"

need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "run-signature-peers: installing Debian packages: ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
python=$(scripts/setup-peers)

cargo build --quiet --release -p motcua-cli --bin motcua -p motcua-forge --bin motcua-forge \
  -p motcua-benches --bin signature-throughput
motcua="$CARGO_TARGET_DIR/release/motcua"
forge="$CARGO_TARGET_DIR/release/motcua-forge"

work=$(mktemp -d "${TMPDIR:-/tmp}/motcua-signature-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
at="2026-03-05T02:30:15Z"
for size in $sizes; do
  "$forge" large "$size" "$work" 2>/dev/null
done
root="$work/ca/root.pem"
inter="$work/ca/intermediate.pem"
db="sql:$work/nss"
mkdir -p "$work/nss"
certutil -N -d "$db" --empty-password
certutil -A -d "$db" -n root -t C,C,C -i "$root"
certutil -A -d "$db" -n intermediate -t ,, -i "$inter"
# The forge's files carry no revocation data and pdfsig -nocert and pyHanko (soft-fail) do not
# require it: motcua is told to accept an unknown revocation status too (a warning instead of
# TRY_LATER), so that every tool validates the same things.
verify=("$motcua" verify --trust "$root" --intermediate "$inter" --at "$at" --revocation accept-unknown)
faketime=(faketime "2026-03-05 02:30:15")

results="$work/results.jsonl"
for size in $sizes; do
  pdf="$work/large-$size.pdf"
  # Every tool must find the signature valid before it is timed.
  "${verify[@]}" --json "$pdf" | python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
if r.get("indication") != "TOTAL_PASSED":
    sys.exit("motcua: " + str(r.get("indication")) + " " + str(r.get("sub_indication")))'
  pdfsig -nocert "$pdf" | grep -q "Signature Validation: Signature is Valid." ||
    { echo "pdfsig -nocert does not find $pdf valid" >&2; exit 1; }
  TZ=UTC "${faketime[@]}" pdfsig -nssdir "$db" "$pdf" | grep -q "Certificate Validation: Certificate is Trusted." ||
    { echo "pdfsig with the test root does not trust $pdf" >&2; exit 1; }

  taskset -c 0 hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$work/hf.json" \
    -n motcua "${verify[*]} $pdf" \
    -n openssl "openssl dgst -sha256 $pdf" \
    -n pdfsig-nocert "pdfsig -nocert $pdf" \
    -n pdfsig "env TZ=UTC faketime '2026-03-05 02:30:15' pdfsig -nssdir $db $pdf" >/dev/null
  python3 - "$work/hf.json" "$pdf" >> "$results" <<'PY'
import json, os, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(json.dumps({"tool": r["command"], "bytes": os.path.getsize(sys.argv[2]),
                      "median_ms": r["median"] * 1e3, "min_ms": r["min"] * 1e3,
                      "mean_ms": r["mean"] * 1e3, "runs": len(r["times"])}))
PY
  rss=$( { taskset -c 0 /usr/bin/time -v "${verify[@]}" "$pdf" >/dev/null; } 2>&1 |
    sed -n 's/^\s*Maximum resident set size (kbytes): //p')
  echo "{\"tool\": \"motcua-rss\", \"bytes\": $(stat -c %s "$pdf"), \"max_rss_kb\": $rss}" >> "$results"
done
first="$work/large-${sizes%% *}.pdf"
taskset -c 0 "$python" benches/peers/pyhanko_verify.py "$first" "$root" "$inter" "$at" "$runs" >> "$results"
taskset -c 0 "$CARGO_TARGET_DIR/release/signature-throughput" "$first" "$root" "$inter" "$at" "$runs" >> "$results"

python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {(r["tool"], r["bytes"]): r for r in rows}
sizes = sorted({r["bytes"] for r in rows})
print(f"{'file':>12} {'tool':14} {'median ms':>10} {'min ms':>9}")
for size in sizes:
    for tool in ("motcua", "openssl", "pdfsig-nocert", "pdfsig", "pyhanko", "motcua-in-process"):
        r = by.get((tool, size))
        if r:
            print(f"{size:>12,} {tool:14} {r['median_ms']:10.2f} {r['min_ms']:9.2f}")
def verdict(ok):
    return "met" if ok else "NOT MET"
for size in sizes:
    m = by[("motcua", size)]["median_ms"]
    print(f"-- {size / 1e6:.1f} MB (medians)")
    o = by[("openssl", size)]["median_ms"] / m
    print(f"motcua speed / openssl dgst -sha256: {o:.2f}x (goal >= 0.8x: {verdict(o >= 0.8)})")
    for tool in ("pdfsig-nocert", "pdfsig"):
        p = by[(tool, size)]["median_ms"] / m
        print(f"motcua / {tool}: {p:.2f}x faster (goal >= 3x: {verdict(p >= 3)})")
    if ("pyhanko", size) in by:
        p = by[("pyhanko", size)]["median_ms"] / m
        print(f"motcua process / pyHanko in process: {p:.2f}x faster (goal >= 4x: {verdict(p >= 4)})")
        q = by[("pyhanko", size)]["median_ms"] / by[("motcua-in-process", size)]["median_ms"]
        print(f"motcua in process / pyHanko in process (like with like): {q:.2f}x faster (goal >= 4x: {verdict(q >= 4)})")
    rss = by[("motcua-rss", size)]["max_rss_kb"] * 1024
    limit = size + 16 * 2**20
    print(f"motcua peak memory: {rss / 2**20:.1f} MiB = file + {(rss - size) / 2**20:.1f} MiB (goal <= file + 16 MiB: {verdict(rss <= limit)})")
PY
