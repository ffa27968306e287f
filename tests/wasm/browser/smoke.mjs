// Loads the --target web build of motcua the way a web form does (init() fetches the .wasm),
// runs the shared vectors through it with the same assertions as node's test, checks that a
// typed error reaches the page, and writes the verdict into the page for browser.test.mjs.

import init, * as motcua from "/pkg/web/motcua.js";
import { runCalendar, runDossiers, runIdentifiers, runLifecycle } from "/expect.mjs";

const verdict = document.getElementById("verdict");
const details = document.getElementById("details");

async function vectors(file) {
  const response = await fetch(`/vectors/${file}`);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json();
}

function typedError(today) {
  try {
    motcua.idsCheck("passport", "B1234567", today);
  } catch (e) {
    return e instanceof Error && e.name === "MotcuaArgumentError" && e.code === "argument.id_kind";
  }
  return false;
}

try {
  await init();
  const [identifiers, dossiers, calendar, lifecycle] = await Promise.all([
    vectors("identifiers.json"),
    vectors("dossiers.json"),
    vectors("calendar.json"),
    vectors("lifecycle.json"),
  ]);
  const outcomes = [
    ...runIdentifiers(motcua, identifiers),
    ...runDossiers(motcua, dossiers),
    ...runCalendar(motcua, calendar),
    ...runLifecycle(motcua, lifecycle),
  ];
  const failures = outcomes.filter((o) => o.problems.length > 0);
  const typed = typedError(identifiers.today);
  const pass = failures.length === 0 && typed;
  verdict.textContent = `${pass ? "PASS" : "FAIL"} ${outcomes.length} cases, ${failures.length} failed, typed errors ${typed ? "ok" : "missing"}, version ${motcua.version()}`;
  details.textContent = failures.map((f) => `${f.name}: ${f.problems.join("; ")}`).join("\n");
} catch (e) {
  verdict.textContent = `ERROR ${e?.stack ?? e}`;
}
