// Type-checked (not run) by tests/wasm/run.sh with `tsc --noEmit --strict`: the declarations
// wasm-bindgen writes for the package, with the data types generated from spec/schema/, must
// describe the API precisely enough for this code to compile, and to reject the misuses
// marked @ts-expect-error.

import {
  Procedure,
  formsValidate,
  idsCheck,
  idsIsValid,
  version,
  type Finding,
  type IdCheck,
  type IdKind,
  type MotcuaError,
  type Report,
  type Severity,
} from "../../bindings-wasm/pkg/node/motcua.js";
import init, * as web from "../../bindings-wasm/pkg/web/motcua.js";

const today = "2026-11-23";

const kinds: IdKind[] = ["personal-id", "old-id", "tax-code", "agency-code", "procedure-code", "dossier-code", "phone"];

function describeFinding(f: Finding): string {
  const severity: Severity = f.severity;
  return `${severity} ${f.code} at "${f.path}": ${f.vi} / ${f.en} (${f.rule})`;
}

export function checkAll(input: string): string[] {
  return kinds.flatMap((kind) => {
    const check: IdCheck = idsCheck(kind, input, today);
    const same: boolean = idsIsValid(kind, input, today) === check.valid;
    const normalized: string | null | undefined = check.normalized;
    const lines = [...check.errors, ...check.warnings].map(describeFinding);
    return [`${check.kind} ${check.input} ${same} ${normalized ?? "-"}`, ...lines];
  });
}

export function validate(procedureJson: string, dossierJson: string): Report | Finding {
  const procedure: Procedure = Procedure.parse(procedureJson);
  try {
    const report: Report = formsValidate(procedure, dossierJson, today);
    const valid: boolean = report.valid && report.errors.length === 0;
    return valid ? report : { ...report, warnings: [...report.warnings, ...report.errors] };
  } catch (e) {
    const error = e as MotcuaError;
    const name: "MotcuaArgumentError" | "MotcuaInputError" = error.name;
    return name === "MotcuaInputError" ? error.finding : { ...error.finding, path: error.path };
  } finally {
    procedure.free();
  }
}

export async function inBrowser(): Promise<IdCheck> {
  await init();
  const v: string = web.version();
  return web.idsCheck("tax-code", v, today);
}

export const libraryVersion: string = version();

export function misuses(): void {
  // @ts-expect-error: not an IdKind
  idsCheck("passport", "B1234567", today);
  // @ts-expect-error: the input is a string
  idsIsValid("tax-code", 100109106, today);
  // @ts-expect-error: a procedure must come from Procedure.parse
  formsValidate({}, "{}", today);
  // @ts-expect-error: a Report has no `normalized`
  formsValidate(Procedure.parse("{}"), "{}", today).normalized;
  // @ts-expect-error: Severity has two values
  const s: Severity = "fatal";
  void s;
}
