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

/** Runs every case of spec/vectors/dossiers.json; frees the procedures it parsed. */
export function runDossiers(api, vectors) {
  const procedures = new Map();
  try {
    return vectors.cases.map((c) => {
      const problems = [];
      const fail = (message) => ({ name: c.name, result: { thrown: message }, problems: [message] });
      if (!procedures.has(c.procedure)) {
        const json = vectors.procedures[c.procedure];
        if (json === undefined) return fail(`no procedure "${c.procedure}" in the vectors`);
        try {
          procedures.set(c.procedure, api.Procedure.parse(JSON.stringify(json)));
        } catch (e) {
          return fail(`procedure "${c.procedure}" does not parse: ${e.code ?? ""} ${e.path ?? ""} ${e}`);
        }
      }
      const text = typeof c.dossier === "string" ? c.dossier : JSON.stringify(c.dossier);
      const today = c.today ?? vectors.today;
      let result;
      try {
        result = api.formsValidate(procedures.get(c.procedure), text, today);
      } catch (e) {
        if (e?.name !== "MotcuaInputError") return fail(`formsValidate threw ${e}`);
        result = { input_error: e.finding };
        if (!c.input_error) problems.push(`unexpected input error ${e.code} at "${e.path}": ${e.message}`);
        else same(problems, "input error", codePath(e.finding), c.input_error);
        same(problems, "error fields", codePath(e), codePath(e.finding));
        wellFormed(problems, "input_error", [e.finding], "error");
        return { name: c.name, result, problems };
      }
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
    for (const p of procedures.values()) p.free();
  }
}
