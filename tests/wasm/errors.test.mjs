// Wrong arguments and unreadable documents get typed errors from the WebAssembly package, and
// never a trap: after each error the module keeps answering.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { motcua, motcuaSignature, root, vectors } from "./load.mjs";

const { idsCheck, idsIsValid, formsValidate, Procedure, version } = motcua;
const TODAY = "2026-11-23";

/** Asserts that `f` throws a motcua error named `name` with `code` (and `path`, when given). */
function throwsMotcua(f, name, code, path = "") {
  let thrown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error, `expected an Error, got ${thrown}`);
  assert.equal(thrown.name, name);
  assert.equal(thrown.code, code);
  assert.equal(thrown.path, path);
  assert.equal(thrown.severity, "error");
  assert.equal(thrown.message, thrown.en);
  assert.ok(thrown.vi.length > 0 && thrown.en.length > 0 && thrown.rule.length > 0);
  assert.deepEqual(thrown.finding, {
    code: thrown.code,
    severity: thrown.severity,
    path: thrown.path,
    vi: thrown.vi,
    en: thrown.en,
    rule: thrown.rule,
  });
  // The module is still usable after the error.
  assert.equal(typeof idsIsValid("tax-code", "0100109106", TODAY), "boolean");
  return thrown;
}

const arg = (f, code) => throwsMotcua(f, "MotcuaArgumentError", code);

describe("identifier functions refuse wrong arguments", () => {
  for (const f of [idsCheck, idsIsValid]) {
    test(`${f.name}: unknown kind`, () => {
      const e = arg(() => f("passport", "B1234567", TODAY), "argument.id_kind");
      assert.match(e.en, /passport/);
      assert.match(e.en, /tax-code/, "the message lists the kinds");
      assert.match(e.vi, /Loại mã định danh/);
      arg(() => f("", "x", TODAY), "argument.id_kind");
      arg(() => f("TAX-CODE", "0100109106", TODAY), "argument.id_kind");
    });
    test(`${f.name}: bad date`, () => {
      for (const today of ["2026-02-30", "23/11/2026", "2026-11-23T00:00:00Z", "", "0000-01-01"]) {
        const e = arg(() => f("tax-code", "0100109106", today), "argument.date");
        assert.match(e.en, /today/);
      }
    });
    test(`${f.name}: arguments that are not strings`, () => {
      arg(() => f(7, "0100109106", TODAY), "argument.not_string");
      arg(() => f("tax-code", 100109106, TODAY), "argument.not_string");
      arg(() => f("tax-code", undefined, TODAY), "argument.not_string");
      arg(() => f("tax-code", "0100109106", new Date()), "argument.not_string");
      arg(() => f("tax-code", "0100109106"), "argument.not_string");
    });
  }

  test("a long argument is quoted only in part", () => {
    const e = arg(() => idsCheck("x".repeat(100_000), "1", TODAY), "argument.id_kind");
    assert.ok(e.en.length < 400, `message of ${e.en.length} characters`);
  });
});

describe("identifier functions take any text", () => {
  test("lone surrogates, NUL and very long input give a verdict", () => {
    for (const input of ["\uD800", "\u0000", "0".repeat(1_000_000), "🇻🇳", ""]) {
      const r = idsCheck("tax-code", input, TODAY);
      assert.equal(r.valid, false);
      assert.ok(r.errors.length > 0);
      assert.equal(idsIsValid("tax-code", input, TODAY), false);
    }
  });
});

describe("Procedure and formsValidate", () => {
  const dossiers = vectors("dossiers.json");
  const sample = dossiers.cases.find((c) => !c.input_error && typeof c.dossier !== "string");
  const procedureJson = JSON.stringify(dossiers.procedures[sample.procedure]);
  const dossierJson = JSON.stringify(sample.dossier);
  const input = (f, code, path) => throwsMotcua(f, "MotcuaInputError", code, path);

  test("Procedure.parse: malformed JSON, wrong shape, not a string", () => {
    input(() => Procedure.parse("{"), "input.json_syntax", "");
    input(() => Procedure.parse(""), "input.json_syntax", "");
    const e = throwsMotcua(() => Procedure.parse("[]"), "MotcuaInputError", "input.json_shape");
    assert.match(e.vi, /cấu trúc/);
    input(() => Procedure.parse(" ".repeat(2 << 20)), "input.too_large", "");
    arg(() => Procedure.parse(42), "argument.not_string");
    arg(() => Procedure.parse(JSON.parse(procedureJson)), "argument.not_string");
  });

  test("formsValidate: malformed dossier, bad date, not a string", () => {
    const procedure = Procedure.parse(procedureJson);
    try {
      assert.equal(typeof formsValidate(procedure, dossierJson, TODAY).valid, "boolean");
      input(() => formsValidate(procedure, "{\"applicant\": ", TODAY), "input.json_syntax", "");
      throwsMotcua(() => formsValidate(procedure, "42", TODAY), "MotcuaInputError", "input.json_shape");
      input(() => formsValidate(procedure, `{"x": "${"a".repeat(2 << 20)}"}`, TODAY), "input.too_large", "");
      arg(() => formsValidate(procedure, dossierJson, "2026-13-01"), "argument.date");
      arg(() => formsValidate(procedure, JSON.parse(dossierJson), TODAY), "argument.not_string");
    } finally {
      procedure.free();
    }
  });

  test("a procedure handle is checked, and unusable once freed", () => {
    assert.throws(() => formsValidate({}, dossierJson, TODAY), Error);
    assert.throws(() => formsValidate(null, dossierJson, TODAY), Error);
    const procedure = Procedure.parse(procedureJson);
    procedure.free();
    assert.throws(() => formsValidate(procedure, dossierJson, TODAY), Error);
    assert.equal(typeof idsIsValid("tax-code", "0100109106", TODAY), "boolean");
  });
});

describe("calendar functions", () => {
  const {
    calendarToLunar,
    calendarToSolar,
    calendarDayStatus,
    calendarIsWorkingDay,
    calendarAddWorkingDays,
    calendarCountWorkingDays,
    calendarHolidays,
    calendarDue,
  } = motcua;
  const input = (f, code, path = "") => throwsMotcua(f, "MotcuaInputError", code, path);
  const request = { received: "2025-04-25T09:00:00+07:00", limit: { unit: "working_days", value: 3 } };

  test("values", () => {
    assert.deepEqual(calendarToLunar("2026-02-17", "vietnam"), { year: 2026, month: 1, day: 1, leap: false });
    assert.equal(calendarToSolar({ year: 1985, month: 1, day: 1, leap: false }, "china"), "1985-02-20");
    assert.equal(calendarToSolar({ year: 2025, month: 6, day: 1, leap: true }, "vietnam"), "2025-07-25");
    assert.equal(calendarAddWorkingDays("2025-04-25", 3, "mon_fri"), "2025-04-29");
    assert.equal(calendarCountWorkingDays("2025-04-25", "2025-04-29", "mon_fri"), 3);
    assert.equal(calendarIsWorkingDay("2025-04-26", "mon_fri"), true);
    assert.equal(calendarIsWorkingDay("2025-05-10", { working_weekdays: [true, true, true, true, true, true, false] }), true);
    const day = calendarDayStatus("2024-04-29", "mon_fri");
    assert.equal(day.working, false);
    assert.equal(day.document, "2450/VPCP-KGVX");
    assert.equal(calendarDue(request).due, "2025-04-29T17:00:00+07:00");
    assert.deepEqual(calendarDue(JSON.stringify(request)), calendarDue(request));
    const holidays = calendarHolidays(2026);
    assert.equal(holidays.year, 2026);
    const swapped = holidays.days.find((d) => d.date === "2026-01-10");
    assert.equal(swapped.day, "swapped_working");
    assert.equal(swapped.document, "12729/VPCP-KGVX");
    for (const d of holidays.days) assert.equal(calendarIsWorkingDay(d.date, "mon_fri"), d.day === "swapped_working", d.date);
  });

  test("wrong arguments", () => {
    arg(() => calendarToLunar("2026-02-30", "vietnam"), "argument.date");
    arg(() => calendarToLunar("2026-02-17", "korea"), "argument.reckoning");
    arg(() => calendarToLunar("2026-02-17"), "argument.not_string");
    arg(() => calendarToSolar({ year: 2026, month: 1, day: 1 }, "vietnam"), "argument.lunar_date");
    arg(() => calendarToSolar({ year: 2026, month: 1, day: 1, leap: false, extra: 1 }, "vietnam"), "argument.lunar_date");
    arg(() => calendarToSolar({ year: 2026, month: 256, day: 1, leap: false }, "vietnam"), "argument.lunar_date");
    arg(() => calendarToSolar("2026-01-01", "vietnam"), "argument.lunar_date");
    arg(() => calendarDayStatus("2025-05-10", "mon_sun"), "argument.schedule");
    arg(() => calendarDayStatus("2025-05-10", { working_weekdays: [true] }), "argument.schedule");
    arg(() => calendarIsWorkingDay("2025-05-10"), "argument.schedule");
    for (const n of [-1, 1.5, 2 ** 32, NaN, "3", undefined]) {
      arg(() => calendarAddWorkingDays("2025-04-25", n, "mon_fri"), "argument.count");
    }
    arg(() => calendarCountWorkingDays("2025-04-25", "2025-04-31", "mon_fri"), "argument.date");
    for (const year of [2026.5, "2026", undefined, 2 ** 31]) arg(() => calendarHolidays(year), "argument.year");
    arg(() => calendarDue(undefined), "argument.not_json");
    arg(() => calendarDue(() => 1), "argument.not_json");
  });

  test("computations without an answer are input errors with the calendar's finding", () => {
    input(() => calendarToLunar("2200-01-01", "vietnam"), "lunar.solar_out_of_range");
    input(() => calendarToSolar({ year: 2026, month: 4, day: 1, leap: true }, "vietnam"), "lunar.no_leap_month");
    input(() => calendarToSolar({ year: 2026, month: 13, day: 1, leap: false }, "vietnam"), "lunar.month_invalid");
    input(() => calendarDayStatus("2010-05-03", "mon_fri"), "holidays.no_statute");
    input(() => calendarHolidays(2013), "holidays.no_statute");
    input(() => calendarHolidays(-(2 ** 31)), "holidays.out_of_range");
    input(() => calendarAddWorkingDays("2025-04-25", 2601, "mon_fri"), "working_days.too_many");
    input(() => calendarAddWorkingDays("2025-04-25", 1, { working_weekdays: [false, false, false, false, false, false, false] }), "working_days.no_working_day");
    input(() => calendarDue("{"), "input.json_syntax");
    input(() => calendarDue({ ...request, received: "2025-04-25" }), "input.json_shape", "/received");
    input(() => calendarDue({ ...request, policy: { cut_off: 900 } }), "input.json_shape", "/policy/cut_off");
    input(() => calendarDue({ ...request, policy: { office_hours: "17:00-08:00" } }), "due.office_hours", "/policy/office_hours");
    input(() => calendarDue(`{"x": "${"a".repeat(2 << 20)}"}`), "input.too_large");
  });
});

describe("lifecycle functions", () => {
  const { lifecycleReplay, lifecycleReplayJson, lifecycleCheckStatusLog, lifecycleKpi } = motcua;
  const input = (f, code, path = "") => throwsMotcua(f, "MotcuaInputError", code, path);
  const example = readFileSync(join(root, "examples", "lifecycle-log.jsonl"), "utf8");
  const statusExample = readFileSync(join(root, "examples", "lifecycle-status-log.jsonl"), "utf8");
  // Received on Friday 9 May 2025 with a limit of one working day: due on Monday with the
  // default working week, on Saturday when Saturday is worked.
  const friday = [
    { dossier: "A", type: "submitted", at: "2025-05-09T09:00:00+07:00", actor: "applicant", channel: "online" },
    { dossier: "A", type: "received", at: "2025-05-09T10:00:00+07:00", actor: "one_stop", limit: { unit: "working_days", value: 1 } },
  ].map((e) => JSON.stringify(e) + "\n").join("");
  const saturdays = { working_weekdays: [true, true, true, true, true, true, false] };

  test("values", () => {
    const replay = lifecycleReplay(example);
    assert.deepEqual(replay.dossiers.map((d) => d.timeliness), ["early", "on_time", "not_applicable"]);
    assert.equal(replay.dossiers[1].rules, "decree-118-2025");
    const kpi = lifecycleKpi(example);
    assert.deepEqual([kpi.overall.dossiers, kpi.overall.early, kpi.overall.on_time, kpi.overall.on_time_rate], [3, 1, 1, 1]);
    assert.deepEqual(Object.keys(kpi.by_month), ["2025-06", "2025-07"]);
    const report = lifecycleCheckStatusLog(statusExample);
    assert.equal(report.dossiers.length, 3);
    assert.ok(report.dossiers.some((d) => d.problems.some((p) => p.finding.code === "lifecycle.status_impossible")));
    assert.deepEqual(lifecycleReplay(""), { dossiers: [] });
    assert.deepEqual(lifecycleReplay("\n\n"), { dossiers: [] });
    // The JSON text variant: the same answer, ASCII only (Vietnamese letters as \u escapes).
    const text = lifecycleReplayJson(example);
    assert.equal(typeof text, "string");
    assert.deepEqual(JSON.parse(text), replay);
    assert.match(text, /^[\x20-\x7e]*$/);
    assert.ok(text.includes("N\\u0110-CP") && JSON.stringify(replay).includes("NĐ-CP"));
    assert.equal(lifecycleReplayJson(""), '{"dossiers":[]}');
    // A log with letters outside ASCII, and beyond U+FFFF, reads and is written back the same.
    const named = example.replaceAll('"dossier":"', '"dossier":"Hồ sơ 𝔸 ');
    assert.deepEqual(JSON.parse(lifecycleReplayJson(named)), lifecycleReplay(named));
    assert.equal(lifecycleReplay(named).dossiers[0].dossier.slice(0, 9), "Hồ sơ 𝔸 ");
    assert.deepEqual(lifecycleCheckStatusLog(""), { dossiers: [] });
    assert.equal(lifecycleKpi("").overall.dossiers, 0);
  });

  test("the policy: left out, null, {} and \"{}\" are the default; the working week counts", () => {
    const byDefault = lifecycleReplay(friday);
    assert.equal(byDefault.dossiers[0].due, "2025-05-12T17:00:00+07:00");
    for (const policy of [undefined, null, {}, "{}", " { } "]) {
      assert.deepEqual(lifecycleReplay(friday, policy), byDefault, String(policy));
      assert.deepEqual(JSON.parse(lifecycleReplayJson(friday, policy)), byDefault, String(policy));
      assert.deepEqual(lifecycleKpi(friday, policy), lifecycleKpi(friday));
    }
    const saturday = lifecycleReplay(friday, saturdays);
    assert.equal(saturday.dossiers[0].due, "2025-05-10T17:00:00+07:00");
    assert.deepEqual(lifecycleReplay(friday, JSON.stringify(saturdays)), saturday);
    // The policy the due-date request takes is the same: the replay's due time is calendarDue's.
    const request = { received: "2025-05-09T10:00:00+07:00", limit: { unit: "working_days", value: 1 }, policy: saturdays };
    assert.equal(motcua.calendarDue(request).due, saturday.dossiers[0].due);
    // Processed on the Monday: late when Saturday was worked, not otherwise.
    const monday = friday + JSON.stringify({ dossier: "A", type: "transferred", at: "2025-05-09T11:00:00+07:00", actor: "one_stop" }) + "\n" +
      JSON.stringify({ dossier: "A", type: "processed", at: "2025-05-12T09:00:00+07:00", actor: "agency" }) + "\n";
    assert.equal(lifecycleKpi(monday, saturdays).overall.late, 1);
    assert.equal(lifecycleKpi(monday).overall.late, 0);
  });

  test("wrong arguments", () => {
    for (const f of [lifecycleReplay, lifecycleReplayJson, lifecycleKpi, lifecycleCheckStatusLog]) {
      arg(() => f(), "argument.not_string");
      arg(() => f(42), "argument.not_string");
      arg(() => f([example]), "argument.not_string");
    }
    for (const f of [lifecycleReplay, lifecycleReplayJson, lifecycleKpi]) arg(() => f(friday, () => 1), "argument.not_json");
  });

  test("a policy that cannot be read is an input error naming the policy, as in C", () => {
    for (const f of [lifecycleReplay, lifecycleReplayJson, lifecycleKpi]) {
      for (const [policy, code, path] of [
        [{ cut_off: 900 }, "input.json_shape", "/cut_off"],
        ['{"cut_off": 900}', "input.json_shape", "/cut_off"],
        [{ working_weekdays: [true] }, "input.json_shape", "/working_weekdays"],
        [{ counting: "weeks" }, "input.json_shape", "/counting"],
        [{ office_hours: "17:00-08:00" }, "due.office_hours", "/office_hours"],
        ["mon_sat", "input.json_syntax", ""],
        ["{", "input.json_syntax", ""],
        [5, "input.json_shape", ""],
      ]) {
        const e = input(() => f(friday, policy), code, path);
        assert.equal(e.argument, "policy", JSON.stringify(policy));
        assert.equal(e.line, undefined);
      }
    }
  });

  test("a log that cannot be read is an input error with the line's finding, naming the log and the line", () => {
    for (const f of [lifecycleReplay, lifecycleReplayJson, lifecycleKpi, lifecycleCheckStatusLog]) {
      const shape = input(() => f('\n{"dossier":"A"}\n{'), "input.json_shape", f === lifecycleCheckStatusLog ? "/status" : "/type");
      assert.deepEqual([shape.argument, shape.line], ["log", 2]);
      const syntax = input(() => f("not json"), "input.json_syntax");
      assert.deepEqual([syntax.argument, syntax.line], ["log", 1]);
      const long = input(() => f(`\n\n{"dossier":"${"A".repeat(70_000)}"}`), "lifecycle.line_too_long");
      assert.deepEqual([long.argument, long.line], ["log", 3]);
    }
  });
});

describe("lifecycleStep", () => {
  const { lifecycleStep } = motcua;
  const input = (f, code, path = "") => throwsMotcua(f, "MotcuaInputError", code, path);
  const submitted = { dossier: "A", type: "submitted", at: "2025-05-09T09:00:00+07:00", actor: "applicant", channel: "online" };
  const received = { dossier: "A", type: "received", at: "2025-05-09T10:00:00+07:00", actor: "one_stop", limit: { unit: "working_days", value: 1 } };

  test("one event at a time, the dossier passed on as an object or as its JSON text", () => {
    const first = lifecycleStep(null, submitted);
    assert.deepEqual([first.from, first.to, first.rules], ["new", "submitted", "decree-61-2018"]);
    assert.deepEqual(lifecycleStep(undefined, JSON.stringify(submitted)), first);
    const second = lifecycleStep(first.dossier, received);
    assert.equal(second.to, "received");
    assert.equal(second.dossier.clock.received, "2025-05-09T10:00:00+07:00");
    assert.deepEqual(lifecycleStep(JSON.stringify(first.dossier), JSON.stringify(received)), second);
    // Saturdays worked: the same dossier, read and stepped under that policy.
    const saturdays = { working_weekdays: [true, true, true, true, true, true, false] };
    assert.equal(lifecycleStep(first.dossier, received, saturdays).to, "received");
    // A refused event is an answer: the dossier as it was, and the rejection.
    const again = lifecycleStep(second.dossier, { ...submitted, at: "2025-05-09T11:00:00+07:00" });
    assert.equal(again.to, null);
    assert.equal(again.rejection.code, "lifecycle.event_not_allowed");
    assert.deepEqual(again.dossier, second.dossier);
  });

  test("a dossier the machine could not have produced, or an event that cannot be read", () => {
    const e = input(() => lifecycleStep({ state: "processing" }, submitted), "lifecycle.state_unreachable");
    assert.equal(e.argument, "dossier");
    const first = lifecycleStep(null, submitted).dossier;
    const bad = input(() => lifecycleStep({ ...first, rules: "decree-118-2025" }, received), "lifecycle.state_rules", "/rules");
    assert.equal(bad.argument, "dossier");
    const ev = input(() => lifecycleStep(null, { ...submitted, type: "sent" }), "input.json_shape", "/type");
    assert.equal(ev.argument, "event");
    arg(() => lifecycleStep(null, undefined), "argument.not_json");
    const policy = input(() => lifecycleStep(null, submitted, { cut_off: 900 }), "input.json_shape", "/cut_off");
    assert.equal(policy.argument, "policy");
  });
});

test("version is the package's semantic version", () => {
  assert.match(version(), /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  const pkg = join(root, "bindings-wasm", "pkg");
  assert.equal(JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version, version());
});

describe("verify and verifyDetached (the package motcua-signature)", () => {
  const { verify, verifyDetached } = motcuaSignature;
  const input = (f, code, path = "") => throwsMotcua(f, "MotcuaInputError", code, path);
  const file = (name) => new Uint8Array(readFileSync(join(root, "examples", name)));
  const anchor = readFileSync(join(root, "examples", "signature-test-root.pem"), "utf8");
  const options = { validation_time: "2026-03-05T02:30:15Z", trust_anchors: [anchor], revocation: "accept_unknown" };
  const p7s = file("signed-application.txt.p7s");
  const data = file("signed-application.txt");
  const hello = new TextEncoder().encode("hello");

  test("values: the options as an object or as JSON text", () => {
    assert.equal(verifyDetached(p7s, data, options).indication, "TOTAL_PASSED");
    assert.deepEqual(verifyDetached(p7s, data, JSON.stringify(options)), verifyDetached(p7s, data, options));
    assert.equal(verify(p7s, options).signatures[0].sub_indication, "SIGNED_DATA_NOT_FOUND");
    // Without a trust anchor no signature passes.
    assert.notEqual(verifyDetached(p7s, data, { validation_time: options.validation_time }).indication, "TOTAL_PASSED");
    assert.equal(verify(file("signed-decision-overlaid.pdf"), options).indication, "TOTAL_FAILED");
  });

  test("wrong arguments", () => {
    for (const bytes of [undefined, "hello", [1, 2], hello.buffer, 42]) {
      arg(() => verify(bytes, options), "argument.not_bytes");
      arg(() => verifyDetached(bytes, data, options), "argument.not_bytes");
      arg(() => verifyDetached(p7s, bytes, options), "argument.not_bytes");
    }
    // The validation time is required: the library has no clock.
    arg(() => verify(p7s), "argument.not_json");
    arg(() => verifyDetached(p7s, data, () => 1), "argument.not_json");
  });

  test("a document or options that cannot be read are input errors naming the argument, as in C", () => {
    const cases = [
      [() => verify(hello, options), "verify.unrecognised_input", "", "bytes"],
      [() => verify(new TextEncoder().encode("%PDF-1.7\n"), options), "pdf.no_startxref", "", "bytes"],
      [() => verifyDetached(hello, data, options), "verify.not_cms", "", "signature"],
      [() => verify(p7s, {}), "input.json_shape", "/validation_time", "options"],
      [() => verify(p7s, "{"), "input.json_syntax", "", "options"],
      [() => verify(p7s, { ...options, trust_anchors: ["-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"] }),
        "certificate.malformed", "/trust_anchors/0", "options"],
    ];
    for (const [f, code, path, argument] of cases) {
      assert.equal(input(f, code, path).argument, argument, code);
      // The module is still usable after the error.
      assert.equal(verifyDetached(p7s, data, options).indication, "TOTAL_PASSED");
    }
  });
});
