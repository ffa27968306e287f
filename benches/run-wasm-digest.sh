#!/usr/bin/env bash
# SHA-256 in WebAssembly (issue 6 point 11: hashing in the core at least 0.9x the sha2 crate's own
# wasm speed): benches/wasm-digest, a tiny module with the core's streaming digest
# (Ranges::digest, as verification hashes a signed PDF) and the sha2 crate called alone, built
# twice: with the wasm-release profile the package ships with (opt-level "s": the core's digest
# as a page gets it) and with the release profile (opt-level 3: the sha2 crate's own speed, as
# its authors compile it). Timed under node pinned to core 0 by benches/wasm-digest.mjs:
#   cold  the first call in a fresh process over WASM_DIGEST_COLD bytes (default 30 MB), best of
#         3 processes each: what a page verifying one file gets
#   warm  both functions again and again over WASM_DIGEST_WARM bytes (default 3 MB), alternating
# Prints the figures and the ratios against the sha2 crate's own warm speed (release build).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
work="$CARGO_TARGET_DIR/bench-wasm-digest"
cold="${WASM_DIGEST_COLD:-30000000}"
warm="${WASM_DIGEST_WARM:-3000000}"

rm -rf "$work"
for profile in wasm-release release; do
  cargo build --quiet -p motcua-bench-wasm-digest --target wasm32-unknown-unknown --profile "$profile"
  wasm-bindgen --target nodejs --out-dir "$work/$profile" --out-name digest \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$profile/motcua_bench_wasm_digest.wasm"
done

lines=""
for _ in 1 2 3; do
  for profile in wasm-release release; do
    for fn in core sha2; do
      lines+="$(taskset -c 0 node benches/wasm-digest.mjs "$work/$profile/digest.js" cold "$fn" "$cold" | sed "s/^{/{\"build\":\"$profile\",/")"$'\n'
    done
  done
done
for profile in wasm-release release; do
  lines+="$(taskset -c 0 node benches/wasm-digest.mjs "$work/$profile/digest.js" warm "$warm" | sed "s/^{/{\"build\":\"$profile\",/")"$'\n'
done
printf '%s' "$lines"
python3 - "$lines" <<'PY'
import json, sys
best = {}
for l in sys.argv[1].splitlines():
    r = json.loads(l)
    key = (r["build"], r["op"], r["fn"])
    best[key] = max(best.get(key, 0), r["mb_per_s"])
for (build, op, fn), v in sorted(best.items()):
    print(f"{build:12} {op:5} {fn:5} {v:6d} MB/s")
ref = best[("release", "warm", "sha2")]
print(f"reference: the sha2 crate's own speed, release build, warm: {ref} MB/s")
for build in ("wasm-release", "release"):
    for op in ("warm", "cold"):
        r = best[(build, op, "core")] / ref
        print(f"core's digest, {build} build, {op}: {r:.2f}x the reference (goal >= 0.9x: {'met' if r >= 0.9 else 'NOT MET'})")
same = best[("wasm-release", "warm", "core")] / best[("wasm-release", "warm", "sha2")]
print(f"core / sha2 in the same (shipped) build, warm: {same:.2f}x")
PY
