// Mutated inputs never trap the WebAssembly module: every identifier gets a verdict, every
// dossier text a Report or a MotcuaInputError, every due-date request a Due or a
// MotcuaInputError, and every lifecycle log a Replay, StatusReport or Kpi or a MotcuaInputError,
// never another exception (a Rust panic would
// surface as a WebAssembly RuntimeError and leave the module unusable). The mutations are
// seeded, so a failure names a case that can be replayed.

import assert from "node:assert/strict";
import { test } from "node:test";

import { motcua, vectors } from "./load.mjs";

const { idsCheck, idsIsValid, formsValidate, Procedure } = motcua;
const SEED = 0x6d6f7463; // "motc"
const ROUNDS = 4;
const PIECES = ["0", "1", "9", " ", "-", ".", "+", "/", "A", "z", "đ", "Ệ", "\u0000", "\uD800", "🇻🇳", "\u200B", "８", "{", "}", "[", "]", '"', ":", ",", "null", "1e999", "-0", "\\u0000"];

/** xorshift32: a small deterministic generator of integers below `n`. */
function generator(seed) {
  let x = seed >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/** `text` with one random edit: a piece inserted, a character removed or replaced, a slice repeated. */
function mutate(text, next) {
  const at = next(text.length + 1);
  const piece = PIECES[next(PIECES.length)];
  switch (next(4)) {
    case 0:
      return text.slice(0, at) + piece + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    case 2:
      return text.slice(0, at) + piece + text.slice(at + 1);
    default:
      return text.slice(0, at) + text.slice(next(at + 1), at) + text.slice(at);
  }
}

/** `value` with one leaf (or the whole) replaced by a value of another JSON type. */
function replaceLeaf(value, next) {
  const others = [null, 0, -1, 1.5, 2 ** 53, "", "x".repeat(300), [], {}, true, [null], { "": null }];
  if (value === null || typeof value !== "object" || next(4) === 0) return others[next(others.length)];
  const keys = Object.keys(value);
  if (keys.length === 0) return others[next(others.length)];
  const copy = Array.isArray(value) ? [...value] : { ...value };
  const key = keys[next(keys.length)];
  copy[key] = replaceLeaf(value[key], next);
  return copy;
}

test("mutated identifiers get a verdict, the same from idsCheck and idsIsValid", () => {
  const file = vectors("identifiers.json");
  const next = generator(SEED);
  const kinds = [...new Set(file.cases.map((c) => c.kind))];
  let calls = 0;
  for (const c of file.cases) {
    let input = c.input;
    for (let round = 0; round < ROUNDS; round++) {
      input = mutate(input, next);
      const kind = kinds[next(kinds.length)];
      const where = `${kind} ${JSON.stringify(input)} (from "${c.name}")`;
      const check = idsCheck(kind, input, file.today);
      assert.equal(typeof check.valid, "boolean", where);
      assert.equal(idsIsValid(kind, input, file.today), check.valid, where);
      assert.equal(check.valid, check.errors.length === 0, where);
      calls++;
    }
  }
  assert.ok(calls >= 1000, `only ${calls} mutated identifiers`);
});

test("mutated dossiers give a Report or a MotcuaInputError", () => {
  const file = vectors("dossiers.json");
  const next = generator(SEED + 1);
  const procedures = new Map();
  let reports = 0;
  let inputErrors = 0;
  try {
    for (const c of file.cases) {
      if (!procedures.has(c.procedure)) {
        try {
          procedures.set(c.procedure, Procedure.parse(JSON.stringify(file.procedures[c.procedure])));
        } catch {
          procedures.set(c.procedure, null); // a broken procedure of the vectors
        }
      }
      const procedure = procedures.get(c.procedure);
      if (!procedure) continue;
      const text = typeof c.dossier === "string" ? c.dossier : JSON.stringify(c.dossier);
      const texts = [];
      for (let round = 0; round < ROUNDS; round++) texts.push(mutate(text, next));
      if (typeof c.dossier !== "string") {
        for (let round = 0; round < ROUNDS; round++) texts.push(JSON.stringify(replaceLeaf(c.dossier, next)) ?? "null");
      }
      for (const t of texts) {
        try {
          const report = formsValidate(procedure, t, file.today);
          assert.equal(report.valid, report.errors.length === 0, t);
          reports++;
        } catch (e) {
          assert.equal(e?.name, "MotcuaInputError", `${e} for ${t.slice(0, 300)}`);
          assert.match(e.code, /^(input|model)\./);
          inputErrors++;
        }
      }
    }
  } finally {
    for (const p of procedures.values()) p?.free();
  }
  assert.ok(reports > 50 && inputErrors > 50, `${reports} reports, ${inputErrors} input errors`);
});

test("mutated due-date requests give a Due or a MotcuaInputError, the same as text or object", () => {
  const file = vectors("calendar.json");
  const { calendarDue } = motcua;
  const next = generator(SEED + 2);
  let dues = 0;
  let inputErrors = 0;
  for (const { name, due, error, ...request } of file.due) {
    const texts = [];
    for (let round = 0; round < ROUNDS; round++) texts.push(mutate(JSON.stringify(request), next));
    for (let round = 0; round < ROUNDS; round++) texts.push(JSON.stringify(replaceLeaf(request, next)) ?? "null");
    for (const t of texts) {
      try {
        const result = calendarDue(t);
        assert.ok(Array.isArray(result.steps) && result.steps[0].step === "received", t);
        assert.deepEqual(calendarDue(JSON.parse(t)), result, t);
        dues++;
      } catch (e) {
        assert.equal(e?.name, "MotcuaInputError", `${e} for ${t.slice(0, 300)} (from "${name}")`);
        assert.match(e.code, /^(input|due|working_days|holidays|lunar)\./);
        inputErrors++;
      }
    }
  }
  // Most mutations break the strict request (unknown fields are refused); some still compute.
  assert.ok(dues >= 10 && inputErrors > 50, `${dues} due times, ${inputErrors} input errors`);
});

test("mutated lifecycle logs give a Replay, a Kpi, a StatusReport or a MotcuaInputError", async () => {
  const { lifecycleLog } = await import("./expect.mjs");
  const { lifecycleReplay, lifecycleKpi, lifecycleCheckStatusLog } = motcua;
  const file = vectors("lifecycle.json");
  const next = generator(SEED + 3);
  let answers = 0;
  let inputErrors = 0;
  for (const c of [...file.cases, ...file.replays, ...file.status_logs]) {
    const texts = [];
    for (let round = 0; round < ROUNDS; round++) texts.push(mutate(lifecycleLog(c.log), next));
    for (let round = 0; round < ROUNDS; round++) {
      const log = replaceLeaf(c.log, next);
      texts.push(Array.isArray(log) ? lifecycleLog(log) : JSON.stringify(log) + "\n");
    }
    for (const t of texts) {
      for (const f of [lifecycleReplay, lifecycleKpi, lifecycleCheckStatusLog]) {
        try {
          const answer = f(t);
          assert.ok(typeof answer === "object" && answer !== null, t);
          answers++;
        } catch (e) {
          assert.equal(e?.name, "MotcuaInputError", `${e} for ${t.slice(0, 300)} (from "${c.name}")`);
          assert.match(e.code, /^(input|lifecycle)\./);
          inputErrors++;
        }
      }
    }
  }
  assert.ok(answers > 100 && inputErrors > 100, `${answers} answers, ${inputErrors} input errors`);
});
