// Runs the shared conformance vectors (spec/vectors/) through the motcua WebAssembly API and
// compares every result with what its case expects. Host-neutral: node's test (vectors.test.mjs)
// and the browser page (browser/index.html) both use it, with the module they loaded.
//
// Each run gives, per case in file order, { name, result, problems }: `result` is the full
// result object (IdCheck, Report, or { input_error: Finding }) that MOTCUA_SURFACE_OUT records,
// and `problems` lists every way it differs from the case (empty when the case passes).

/** JSON text with object keys sorted, to compare values whatever their key order. */
export function canonical(value) {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]]))
      : v,
  );
}

function same(problems, what, actual, expected) {
  if (canonical(actual) !== canonical(expected)) {
    problems.push(`${what}: got ${canonical(actual)}, expected ${canonical(expected)}`);
  }
}

// Checks that hold for every finding whatever the case: its severity matches the list it is
// in, and it carries a path and both messages.
function wellFormed(problems, list, findings, severity) {
  findings.forEach((f, i) => {
    if (f.severity !== severity) problems.push(`${list}[${i}] (${f.code}) has severity ${f.severity}`);
    for (const key of ["code", "path", "vi", "en", "rule"]) {
      if (typeof f[key] !== "string") problems.push(`${list}[${i}] has no string ${key}`);
    }
    if (!f.vi || !f.en || !f.rule) problems.push(`${list}[${i}] (${f.code}) lacks a message or rule`);
  });
}

const codePath = (f) => ({ code: f.code, path: f.path });

/**
 * Every case of a vector file, as tests/agree.py counts them: the members of every section (an
 * array that is not a "$" annotation) in file order, so `cases` and any other section alike.
 */
export function allCases(vectors) {
  return Object.entries(vectors)
    .filter(([key, section]) => !key.startsWith("$") && Array.isArray(section))
    .flatMap(([, section]) => section);
}

/** Runs every case of spec/vectors/identifiers.json. */
export function runIdentifiers(api, vectors) {
  return vectors.cases.map((c) => {
    const problems = [];
    const today = c.today ?? vectors.today;
    let result;
    try {
      result = api.idsCheck(c.kind, c.input, today);
    } catch (e) {
      return { name: c.name, result: { thrown: String(e) }, problems: [`idsCheck threw ${e}`] };
    }
    same(problems, "kind", result.kind, c.kind);
    same(problems, "input", result.input, c.input);
    same(problems, "valid", result.valid, c.valid);
    same(problems, "normalized", result.normalized, c.normalized);
    same(problems, "error codes", result.errors.map((f) => f.code), c.errors);
    same(problems, "warning codes", result.warnings.map((f) => f.code), c.warnings);
    if ("info" in c) same(problems, "info", result.info, c.info);
    same(problems, "finding paths", [...result.errors, ...result.warnings].map((f) => f.path).filter((p) => p !== ""), []);
    wellFormed(problems, "errors", result.errors, "error");
    wellFormed(problems, "warnings", result.warnings, "warning");
    same(problems, "valid means no error", result.valid, result.errors.length === 0);
    same(problems, "idsIsValid", api.idsIsValid(c.kind, c.input, today), result.valid);
    return { name: c.name, result, problems };
  });
}

/**
 * The outcome of parsing the procedure `key` of the vectors: { procedure } or, when
 * Procedure.parse throws, { error }. Both are cached in `parsed`.
 */
function procedureOf(api, vectors, key, parsed) {
  if (!parsed.has(key)) {
    const json = vectors.procedures[key];
    if (json === undefined) throw new Error(`no procedure "${key}" in the vectors`);
    try {
      parsed.set(key, { procedure: api.Procedure.parse(JSON.stringify(json)) });
    } catch (error) {
      parsed.set(key, { error });
    }
  }
  return parsed.get(key);
}

/** Checks a thrown input error against the case: { input_error: Finding } is its result. */
function inputError(c, e) {
  const problems = [];
  if (e?.name !== "MotcuaInputError") {
    return { name: c.name, result: { thrown: String(e) }, problems: [`threw ${e}`] };
  }
  if (!c.input_error) problems.push(`unexpected input error ${e.code} at "${e.path}": ${e.message}`);
  else same(problems, "input error", codePath(e.finding), c.input_error);
  same(problems, "error fields", codePath(e), codePath(e.finding));
  wellFormed(problems, "input_error", [e.finding], "error");
  return { name: c.name, result: { input_error: e.finding }, problems };
}

/**
 * Runs every case of spec/vectors/dossiers.json: Procedure.parse on the case's procedure (an
 * input error there is the case's input error, as for forms::validate_json), then
 * formsValidate. Frees the procedures it parsed.
 */
export function runDossiers(api, vectors) {
  const parsed = new Map();
  try {
    return vectors.cases.map((c) => {
      const { procedure, error } = procedureOf(api, vectors, c.procedure, parsed);
      if (error) return inputError(c, error);
      const text = typeof c.dossier === "string" ? c.dossier : JSON.stringify(c.dossier);
      let result;
      try {
        result = api.formsValidate(procedure, text, c.today ?? vectors.today);
      } catch (e) {
        return inputError(c, e);
      }
      const problems = [];
      if (c.input_error) problems.push(`expected input error ${canonical(c.input_error)}, got a report`);
      else {
        same(problems, "valid", result.valid, c.valid);
        same(problems, "errors", result.errors.map(codePath), c.errors);
        same(problems, "warnings", result.warnings.map(codePath), c.warnings);
      }
      wellFormed(problems, "errors", result.errors, "error");
      wellFormed(problems, "warnings", result.warnings, "warning");
      same(problems, "valid means no error", result.valid, result.errors.length === 0);
      return { name: c.name, result, problems };
    });
  } finally {
    for (const { procedure } of parsed.values()) procedure?.free();
  }
}

/** The result of `f()`, or { input_error: Finding } when it throws a MotcuaInputError. */
function attempt(f) {
  try {
    return { value: f() };
  } catch (e) {
    if (e?.name === "MotcuaInputError") return { value: { input_error: e.finding }, finding: e.finding };
    return { value: { thrown: String(e) }, thrown: e };
  }
}

/**
 * Checks that a computation that failed failed with the case's error, a code (at path "") or
 * {code, path}, and one that ran did not.
 */
function expectError(problems, what, outcome, error) {
  const { code, path } = typeof error === "object" ? error : { code: error, path: "" };
  if (outcome.thrown) problems.push(`${what} threw ${outcome.thrown}`);
  else if (code === undefined && outcome.finding) problems.push(`${what} failed: ${canonical(outcome.finding)}`);
  else if (code !== undefined) {
    if (!outcome.finding) problems.push(`${what} gave ${canonical(outcome.value)}, expected ${code}`);
    else {
      same(problems, `${what} error`, outcome.finding.code, code);
      same(problems, `${what} error path`, outcome.finding.path, path);
      wellFormed(problems, `${what} error`, [outcome.finding], "error");
    }
  }
}

function lunarCase(api, c) {
  const problems = [];
  const result = {};
  if ("solar" in c) {
    const outcome = attempt(() => api.calendarToLunar(c.solar, c.reckoning));
    result.to_lunar = outcome.value;
    expectError(problems, "calendarToLunar", outcome, c.error);
    if (!("error" in c)) same(problems, "calendarToLunar", outcome.value, c.lunar);
  }
  if ("lunar" in c) {
    const outcome = attempt(() => api.calendarToSolar(c.lunar, c.reckoning));
    result.to_solar = outcome.value;
    expectError(problems, "calendarToSolar", outcome, c.error);
    if (!("error" in c)) same(problems, "calendarToSolar", outcome.value, c.solar);
  }
  if (Object.keys(result).length + ("error" in c ? 1 : 0) !== 2) problems.push("malformed case");
  return { name: c.name, result, problems };
}

function holidayCase(api, c) {
  const problems = [];
  const outcome = attempt(() => api.calendarDayStatus(c.date, c.schedule));
  expectError(problems, "calendarDayStatus", outcome, c.error);
  if (!("error" in c) && !outcome.finding && !outcome.thrown) {
    const r = outcome.value;
    same(problems, "working, source, document", [r.working, r.source ?? null, r.document ?? null], [c.working, c.source, c.document]);
    same(problems, "calendarIsWorkingDay", api.calendarIsWorkingDay(c.date, c.schedule), r.working);
  }
  return { name: c.name, result: outcome.value, problems };
}

/** Minutes since 1970-01-01T00:00Z of an RFC 3339 time. */
const minute = (t) => Math.floor(Date.parse(t) / 60_000);

function dueCase(api, c) {
  const problems = [];
  const { name, due, error, ...request } = c;
  const outcome = attempt(() => api.calendarDue(request));
  expectError(problems, "calendarDue", outcome, error);
  if (error === undefined && !outcome.finding && !outcome.thrown) {
    const got = outcome.value.due;
    if (due === null) same(problems, "due", got, null);
    else if (typeof got !== "string" || !got.endsWith("+07:00") || minute(got) !== minute(due)) {
      problems.push(`due: got ${canonical(got)}, expected ${due}`);
    }
    same(problems, "the request as JSON text", api.calendarDue(JSON.stringify(request)), outcome.value);
  }
  return { name, result: outcome.value, problems };
}

const CALENDAR_SECTIONS = { lunar: lunarCase, holidays: holidayCase, due: dueCase };

/**
 * Runs every case of every section of spec/vectors/calendar.json, sections in file order; each
 * result is the JSON of core/tests/vectors_calendar.rs. A section this runner does not know is
 * one failing outcome.
 */
export function runCalendar(api, vectors) {
  return Object.entries(vectors)
    .filter(([key]) => !key.startsWith("$"))
    .flatMap(([section, cases]) => {
      const run = CALENDAR_SECTIONS[section];
      if (!run || !Array.isArray(cases)) return [{ name: section, result: null, problems: [`unknown section ${section}`] }];
      return cases.map((c) => run(api, c));
    });
}

/** The JSON Lines log of dossier "D": each event of `log` with "dossier" first. */
export function lifecycleLog(log) {
  return log.map((event) => JSON.stringify({ dossier: "D", ...event }) + "\n").join("");
}

/** `value`, or null when it is absent (a field the JSON leaves out reads as null). */
const orNull = (value) => value ?? null;

/**
 * Calls `f` on the log of case `c` and returns { answer, one }: the whole answer and its one
 * dossier, or { problem } when it threw or did not give exactly one dossier.
 */
function lifecycleAnswer(c, f) {
  let answer;
  try {
    answer = f(lifecycleLog(c.log));
  } catch (e) {
    return { problem: `threw ${e?.name}: ${e?.code ?? ""} ${e?.message ?? e}` };
  }
  if (!Array.isArray(answer?.dossiers) || answer.dossiers.length !== 1) {
    return { answer, problem: `expected one dossier, got ${canonical(answer)}` };
  }
  return { answer, one: answer.dossiers[0] };
}

/**
 * A transition case: its last event goes `to` a state (with the `form` and `rules` expected)
 * or is `rejected` with {code, path}; every event before it is accepted. The result is the
 * dossier's replay, as core/tests/vectors_lifecycle.rs writes it.
 */
function transitionCase(api, c) {
  const { one: d, problem } = lifecycleAnswer(c, (log) => api.lifecycleReplay(log));
  if (!d) return { name: c.name, result: null, problems: [problem] };
  const problems = [];
  const timeline = d.timeline ?? [];
  const last = timeline.at(-1);
  if (!last) return { name: c.name, result: d, problems: ["empty timeline"] };
  timeline.slice(0, -1).forEach((e) => {
    if (e.rejection) problems.push(`prefix event on line ${e.line} refused: ${canonical(e.rejection)}`);
  });
  same(problems, "rules", orNull(last.rules), orNull(c.rules));
  if ("to" in c && !("rejected" in c)) {
    same(problems, "rejection", orNull(last.rejection), null);
    same(problems, "to", orNull(last.to), c.to);
    same(problems, "form", orNull(last.form), orNull(c.form));
  } else if ("rejected" in c && !("to" in c)) {
    if (!last.rejection) problems.push(`expected rejection ${canonical(c.rejected)}, went to ${last.to}`);
    else {
      same(problems, "rejection", codePath(last.rejection), c.rejected);
      wellFormed(problems, "rejection", [last.rejection], "error");
    }
  } else {
    problems.push("the case gives neither `to` nor `rejected`");
  }
  return { name: c.name, result: d, problems };
}

/** The members of a dossier's replay that a replay case expects. */
const REPLAY_EXPECT = ["state", "national_status", "rules", "due", "timeliness", "rejected", "uncollected"];

/**
 * A replay case: the dossier's state, status, rules, due time, timeliness, rejections and
 * whether its result was left uncollected; lifecycleKpi of the same log counts it once, under
 * its timeliness.
 */
function replayCase(api, c) {
  const { answer, one: d, problem } = lifecycleAnswer(c, (log) => api.lifecycleReplay(log));
  if (!d) return { name: c.name, result: null, problems: [problem] };
  const problems = [];
  same(problems, "replay", Object.fromEntries(REPLAY_EXPECT.map((k) => [k, orNull(d[k])])), c.expect);
  // lifecycleReplayJson writes the same answer as JSON text.
  const text = attempt(() => JSON.parse(api.lifecycleReplayJson(lifecycleLog(c.log))));
  same(problems, "lifecycleReplayJson", text.value, answer);
  const kpi = attempt(() => api.lifecycleKpi(lifecycleLog(c.log)));
  if (!kpi.value?.overall) problems.push(`lifecycleKpi gave ${canonical(kpi.value)}`);
  else {
    same(problems, "lifecycleKpi dossiers", kpi.value.overall.dossiers, 1);
    same(problems, `lifecycleKpi ${d.timeliness}`, kpi.value.overall[d.timeliness], 1);
  }
  return { name: c.name, result: d, problems };
}

/**
 * A status log case: the problems ({line, code, path}, in order) and the final states. The
 * result is the whole StatusReport, as core/tests/vectors_lifecycle.rs writes it.
 */
function statusLogCase(api, c) {
  const { answer, one: d, problem } = lifecycleAnswer(c, (log) => api.lifecycleCheckStatusLog(log));
  if (!d) return { name: c.name, result: answer ?? null, problems: [problem] };
  const problems = [];
  const findings = (d.problems ?? []).map((p) => p.finding);
  same(problems, "problems", (d.problems ?? []).map((p) => ({ line: p.line, ...codePath(p.finding) })), c.problems);
  same(problems, "states", d.states, c.states);
  wellFormed(problems, "problems", findings, "error");
  return { name: c.name, result: answer, problems };
}

const LIFECYCLE_SECTIONS = { cases: transitionCase, replays: replayCase, status_logs: statusLogCase };

/**
 * Runs every case of every section of spec/vectors/lifecycle.json, sections in file order; each
 * result is the JSON of core/tests/vectors_lifecycle.rs. A section this runner does not know,
 * or one missing, is a failing outcome.
 */
export function runLifecycle(api, vectors) {
  const sections = Object.entries(vectors).filter(([key]) => !key.startsWith("$"));
  const missing = Object.keys(LIFECYCLE_SECTIONS).filter((s) => !sections.some(([key]) => key === s));
  return [
    ...sections.flatMap(([section, cases]) => {
      const run = LIFECYCLE_SECTIONS[section];
      if (!run || !Array.isArray(cases)) return [{ name: section, result: null, problems: [`unknown section ${section}`] }];
      return cases.map((c) => run(api, c));
    }),
    ...missing.map((s) => ({ name: s, result: null, problems: [`no section ${s}`] })),
  ];
}

/**
 * The transition cases of spec/vectors/lifecycle.json again, one event at a time through
 * lifecycleStep: a new dossier (null) for the first event, then the `dossier` of the previous
 * outcome, as core/tests/vectors_lifecycle.rs and tests/c/vectors.c run them. Each result is the
 * outcome of the case's last event; it goes `to` the state expected, or is rejected with the
 * {code, path} expected, under the rules expected, and every event before it is accepted.
 */
export function runLifecycleSteps(api, vectors) {
  return (vectors.cases ?? []).map((c) => {
    const problems = [];
    let dossier = null;
    let outcome = null;
    const events = lifecycleLog(c.log).split("\n").filter((line) => line !== "");
    for (const [k, line] of events.entries()) {
      try {
        outcome = api.lifecycleStep(dossier, line);
      } catch (e) {
        return { name: c.name, result: null, problems: [`event ${k + 1} threw ${e?.name}: ${e?.code ?? ""} ${e?.message ?? e}`] };
      }
      if (k + 1 < events.length && outcome.rejection) {
        problems.push(`prefix event ${k + 1} refused: ${canonical(outcome.rejection)}`);
      }
      // Passed on as the JSON text a vendor would store.
      dossier = JSON.stringify(outcome.dossier);
    }
    if (!outcome) return { name: c.name, result: null, problems: ["no event"] };
    same(problems, "rules", orNull(outcome.rules), orNull(c.rules));
    if ("to" in c) {
      same(problems, "rejection", orNull(outcome.rejection), null);
      same(problems, "to", orNull(outcome.to), c.to);
      same(problems, "dossier state", outcome.dossier?.state, c.to);
    } else {
      same(problems, "rejection", outcome.rejection ? codePath(outcome.rejection) : null, c.rejected);
      if (outcome.rejection) wellFormed(problems, "rejection", [outcome.rejection], "error");
    }
    return { name: c.name, result: outcome, problems };
  });
}

