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
