// Lifecycle replays per second in the WebAssembly build under node: the wasm side of
// benches/run-lifecycle-wasm.sh, which replays the same log natively (lifecycle-throughput).
//
//   node benches/lifecycle-wasm.mjs LOG [PKG]
//
// Loads the node entry point of the package (PKG, by default bindings-wasm/pkg/node/motcua.js, built by
// tests/wasm/build.sh), replays the log at LOG with lifecycleReplay (the default policy) WARM
// times so that the engine has compiled the module at its top tier, then again and again for
// MEASURE_MS, and prints one JSON line {tool, op, events, dossiers, replays, seconds,
// events_per_second, ms_per_replay, check} as lifecycle-throughput does. Op "replay" is the whole
// call a JavaScript caller makes: the log's text into the module, the replay, the Replay object
// back; op "replay_json" the same for lifecycleReplayJson, the Replay back as JSON text (a
// string); op "kpi" the same for lifecycleKpi, whose answer is small.

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const MEASURE_MS = 3000;
const WARM = 5;
const ORDER = ["early", "on_time", "late", "pending", "not_applicable"];

const [logPath, pkgPath] = process.argv.slice(2);
if (!logPath) {
  console.error("usage: node benches/lifecycle-wasm.mjs LOG [PKG]");
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const motcua = await import(pathToFileURL(resolve(pkgPath ?? join(root, "bindings-wasm", "pkg", "node", "motcua.js"))).href);
const log = readFileSync(logPath, "utf8");
const events = log.split("\n").filter((l) => l.trim() !== "").length;

/** The dossiers by timeliness and the refused events, as lifecycle-throughput writes them. */
function check(replay) {
  const counts = [0, 0, 0, 0, 0, 0];
  for (const d of replay.dossiers) {
    counts[ORDER.indexOf(d.timeliness)]++;
    counts[5] += d.rejected;
  }
  return counts.join("/");
}

/** Calls `one` WARM times, then for MEASURE_MS, and prints the JSON line of op `op`, with the
 * number of dossiers and the check `summary` gives of the answer. */
function measure(op, one, summary) {
  let answer;
  for (let i = 0; i < WARM; i++) answer = one();
  const start = performance.now();
  let replays = 0;
  while (performance.now() - start < MEASURE_MS) {
    one();
    replays++;
  }
  const seconds = (performance.now() - start) / 1000;
  const [dossiers, checked] = summary(answer);
  console.log(
    JSON.stringify({
      tool: "wasm",
      op,
      events,
      dossiers,
      replays,
      seconds: Number(seconds.toFixed(3)),
      events_per_second: Math.round((events * replays) / seconds),
      ms_per_replay: Number(((seconds * 1000) / replays).toFixed(3)),
      check: checked,
    }),
  );
}

measure("replay", () => motcua.lifecycleReplay(log), (r) => [r.dossiers.length, check(r)]);
// The same answer as JSON text (lifecycle-throughput's op replay_json writes it too).
measure(
  "replay_json",
  () => motcua.lifecycleReplayJson(log),
  (text) => {
    const r = JSON.parse(text);
    return [r.dossiers.length, check(r)];
  },
);
// The log's indicators: the same replay inside, a small answer (lifecycle-throughput's op kpi).
measure(
  "kpi",
  () => motcua.lifecycleKpi(log),
  (k) => [k.overall.dossiers, ORDER.map((t) => k.overall[t]).join("/")],
);
