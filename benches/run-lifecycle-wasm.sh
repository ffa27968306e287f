#!/usr/bin/env bash
# Speed of the lifecycle's WebAssembly build against native, on the same JSON Lines log in the
# same run (issue 5 point 11: the wasm build at least 0.3x native), each side pinned to one core:
#   native  lifecycle-throughput replay LOG   (benches/src/lifecycle_throughput.rs, release build)
#   wasm    node benches/lifecycle-wasm.mjs LOG (lifecycleReplay of bindings-wasm/pkg/node, the
#           package tests/wasm/build.sh builds, warm)
# The log is the criterion bench's (benches/src/lifecycle_log.rs): 1,000 dossiers of 7 events, or
# LIFECYCLE_DOSSIERS. The two sides alternate for LIFECYCLE_ROUNDS rounds (default 3) and each
# side's best round counts, because the cores are shared with other builds.
# Ops (each build answers each op in both builds; see benches/README.md):
#   replay       native lifecycle::replay (a Rust value)  | wasm lifecycleReplay (a JS object)
#   replay_json  native replay + serde_json::to_string     | wasm lifecycleReplayJson (a JS string)
#   kpi          native lifecycle::kpi of the replay       | wasm lifecycleKpi
# Prints every round, then each op's best figures and the ratios wasm / native, the answer as
# JSON text on both sides first (the goal's like-with-like comparison); fails when the two builds
# do not give the same answer (dossiers by timeliness, refused events).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
work="$CARGO_TARGET_DIR/bench-lifecycle"
mkdir -p "$work"

cargo build --quiet --release -p motcua-benches --bin lifecycle-throughput
tests/wasm/build.sh
native="$CARGO_TARGET_DIR/release/lifecycle-throughput"
log="$work/log.jsonl"
"$native" log "${LIFECYCLE_DOSSIERS:-1000}" > "$log"

rounds="${LIFECYCLE_ROUNDS:-3}"
lines=""
for round in $(seq "$rounds"); do
  rust=$(taskset -c 0 "$native" replay "$log")
  wasm=$(taskset -c 0 node benches/lifecycle-wasm.mjs "$log")
  echo "round $round of $rounds"
  printf '%s\n%s\n' "$rust" "$wasm"
  lines+="$rust"$'\n'"$wasm"$'\n'
done

python3 - "$lines" <<'PY'
import json, sys
best = {}
for line in sys.argv[1].splitlines():
    if line:
        r = json.loads(line)
        key = (r["tool"], r["op"])
        if key not in best or r["events_per_second"] > best[key]["events_per_second"]:
            best[key] = r
# The same op gives the same answer in both builds (kpi's check has no refused count).
for op in {op for (_, op) in best}:
    checks = {r["check"] for (_, o), r in best.items() if o == op}
    if len(checks) != 1:
        sys.exit(f"the builds disagree on {op}: {sorted((k, r['check']) for k, r in best.items() if k[1] == op)}")
answer = best[("native", "replay")]["check"]
print(f"log: {best[('native', 'replay')]['events']} events, {best[('native', 'replay')]['dossiers']} dossiers; answer {answer} (early/on_time/late/pending/not_applicable/refused)")
for (tool, op), r in sorted(best.items()):
    print(f"{tool:6} {op:12} {r['events_per_second'] / 1e6:6.3f} M events/s  {r['ms_per_replay']:8.2f} ms per replay")
def ratio(wasm_op, native_op):
    return best[("wasm", wasm_op)]["events_per_second"] / best[("native", native_op)]["events_per_second"]
# Like with like: each side hands its caller the answer as JSON text (native: lifecycle::replay
# then serde_json::to_string, what C returns; wasm: lifecycleReplayJson, a JavaScript string).
text = ratio("replay_json", "replay_json")
print(f"wasm / native, the answer as JSON text on both sides (lifecycleReplayJson / replay + to_string): {text:.2f}x  (goal >= 0.3x: {'met' if text >= 0.3 else 'NOT MET'})")
print(f"wasm / native, the answer as a value of the caller's language (lifecycleReplay, a JavaScript object / lifecycle::replay, a Rust value): {ratio('replay', 'replay'):.2f}x")
print(f"wasm lifecycleReplay (object) / native replay + JSON text: {ratio('replay', 'replay_json'):.2f}x")
print(f"wasm / native, the log's indicators (lifecycleKpi / lifecycle::kpi after the replay; a small answer): {ratio('kpi', 'kpi'):.2f}x")
PY
