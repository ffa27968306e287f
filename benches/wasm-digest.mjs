// SHA-256 speed in WebAssembly under node: the core's streaming digest (Ranges::digest) against
// the sha2 crate alone, over the same bytes in the module's memory (benches/wasm-digest, built by
// benches/run-wasm-digest.sh).
//
//   node benches/wasm-digest.mjs PKG cold core|sha2 BYTES   one call in this fresh process
//   node benches/wasm-digest.mjs PKG warm BYTES              both, warm, alternating
//
// Prints JSON lines {op, fn, bytes, calls, mb_per_s}. "cold" is the first call a program makes
// (the engine runs the module's baseline code until its optimising tier has compiled it: a
// single long call can stay there); "warm" hashes the buffer again and again, alternating the
// two functions for ROUNDS rounds of MEASURE_MS each, the best round of each counting. Exits 1
// when the two digests differ.

import { createRequire } from "node:module";

const MEASURE_MS = 500;
const ROUNDS = 6;
const [pkg, op, ...rest] = process.argv.slice(2);
const { Data } = createRequire(import.meta.url)(pkg);
const hex = (bytes) => Buffer.from(bytes).toString("hex");
const line = (fn, bytes, calls, seconds) =>
  console.log(JSON.stringify({ op, fn, bytes, calls, mb_per_s: Math.round((bytes * calls) / seconds / 1e6) }));

if (op === "cold") {
  const [fn, size] = [rest[0], Number(rest[1])];
  const data = new Data(size);
  const start = performance.now();
  data[fn]();
  line(fn, size, 1, (performance.now() - start) / 1000);
} else {
  const size = Number(rest[0]);
  const data = new Data(size);
  if (hex(data.core()) !== hex(data.sha2())) {
    console.error("the core's digest and sha2's differ");
    process.exit(1);
  }
  const best = { core: 0, sha2: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const fn of ["core", "sha2"]) {
      const start = performance.now();
      let calls = 0;
      while (performance.now() - start < MEASURE_MS) {
        data[fn]();
        calls++;
      }
      best[fn] = Math.max(best[fn], (size * calls) / ((performance.now() - start) / 1000));
    }
  }
  for (const fn of ["core", "sha2"]) line(fn, size, 1, size / best[fn]);
}
