// The shared conformance vectors (spec/vectors/identifiers.json, dossiers.json, calendar.json,
// lifecycle.json) through the node build of the WebAssembly package, and spec/vectors/signature.json
// through the package motcua-signature on the files motcua-forge writes (load.mjs:
// signatureFixtures): every case is asserted, and when MOTCUA_SURFACE_OUT names a directory the
// full result of every case is written there, one JSON line per case in case order
// (wasm-identifiers.jsonl, wasm-dossiers.jsonl, wasm-calendar.jsonl, wasm-lifecycle.jsonl,
// wasm-signature.jsonl), for tests/agree.py; the transition cases of lifecycle.json also run one
// event at a time through lifecycleStep (wasm-lifecycle-step.jsonl).

import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { isDeepStrictEqual } from "node:util";

import { allCases, runCalendar, runDossiers, runIdentifiers, runLifecycle, runLifecycleSteps } from "./expect.mjs";
import { motcua, motcuaSignature, signatureFixtures, vectors } from "./load.mjs";

function record(file, outcomes) {
  const dir = process.env.MOTCUA_SURFACE_OUT;
  if (!dir) return;
  writeFileSync(join(dir, file), outcomes.map((o) => JSON.stringify(o.result) + "\n").join(""));
}

for (const [file, run, out] of [
  ["identifiers.json", runIdentifiers, "wasm-identifiers.jsonl"],
  ["dossiers.json", runDossiers, "wasm-dossiers.jsonl"],
  ["calendar.json", runCalendar, "wasm-calendar.jsonl"],
  ["lifecycle.json", runLifecycle, "wasm-lifecycle.jsonl"],
]) {
  describe(`spec/vectors/${file}`, () => {
    const cases = vectors(file);
    const outcomes = run(motcua, cases);
    record(out, outcomes);

    test("has cases, each run once", () => {
      const all = allCases(cases);
      assert.ok(all.length > 0, "the vector file has no case");
      assert.equal(outcomes.length, all.length);
    });
    for (const { name, problems } of outcomes) {
      test(name, () => assert.deepEqual(problems, []));
    }
  });
}

describe("spec/vectors/lifecycle.json, one event at a time (lifecycleStep)", () => {
  const cases = vectors("lifecycle.json");
  const outcomes = runLifecycleSteps(motcua, cases);
  record("wasm-lifecycle-step.jsonl", outcomes);

  test("every transition case, each run once", () => {
    assert.ok(outcomes.length > 0, "no transition case");
    assert.equal(outcomes.length, cases.cases.length);
  });
  for (const { name, problems } of outcomes) {
    test(name, () => assert.deepEqual(problems, []));
  }
});


describe("spec/vectors/signature.json (the package motcua-signature)", () => {
  const doc = vectors("signature.json");
  const read = (name) => new Uint8Array(readFileSync(join(signatureFixtures, name)));
  // The options as every surface builds them: the vectors' options with the files' text.
  const text = (names) => names.map((n) => readFileSync(join(signatureFixtures, n), "utf8"));
  const options = {
    validation_time: doc.options.validation_time,
    trust_anchors: text(doc.options.trust_anchors),
    intermediates: text(doc.options.intermediates),
  };
  const outcomes = doc.cases.map((c) => {
    let result;
    try {
      result = c.content
        ? motcuaSignature.verifyDetached(read(c.file), read(c.content), options)
        : motcuaSignature.verify(read(c.file), options);
    } catch (e) {
      // As C writes a document it refuses: {"input_error", "argument"}.
      return { name: c.name, result: { input_error: e.finding, argument: e.argument }, problems: [`refused: ${e.message}`] };
    }
    const seen = {
      indication: result.indication,
      signatures: result.signatures.map((s) => ({
        indication: s.indication,
        sub_indication: s.sub_indication,
        integrity: s.integrity,
        modified_after_signing: s.modified_after_signing?.status ?? null,
      })),
    };
    return { name: c.name, result, problems: isDeepStrictEqual(seen, c.expect) ? [] : [seen] };
  });
  record("wasm-signature.jsonl", outcomes);

  test("has cases, each run once", () => {
    assert.ok(doc.cases.length > 0, "the vector file has no case");
    assert.equal(outcomes.length, doc.cases.length);
  });
  for (const { name, problems } of outcomes) {
    test(name, () => assert.deepEqual(problems, []));
  }
});
