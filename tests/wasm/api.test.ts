// Type-checked (not run) by tests/wasm/run.sh with `tsc --noEmit --strict`: the declarations
// wasm-bindgen writes for the package, with the data types generated from spec/schema/, must
// describe the API precisely enough for this code to compile, and to reject the misuses
// marked @ts-expect-error.

import {
  Procedure,
  calendarAddWorkingDays,
  calendarCountWorkingDays,
  calendarDayStatus,
  calendarDue,
  calendarHolidays,
  calendarIsWorkingDay,
  calendarToLunar,
  calendarToSolar,
  formsValidate,
  idsCheck,
  idsIsValid,
  lifecycleCheckStatusLog,
  lifecycleKpi,
  lifecycleReplay,
  lifecycleReplayJson,
  lifecycleStep,
  version,
  type DayStatus,
  type Due,
  type DueRequest,
  type DueStep,
  type Finding,
  type Holidays,
  type LunarDate,
  type Reckoning,
  type Schedule,
  type IdCheck,
  type IdKind,
  type Kpi,
  type MotcuaError,
  type Policy,
  type Replay,
  type DossierState,
  type LogEvent,
  type StepOutcome,
  type StatusReport,
  type Timeliness,
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

export function calendar(reckoning: Reckoning, schedule: Schedule): string[] {
  const lunar: LunarDate = calendarToLunar("2026-02-17", reckoning);
  const solar: string = calendarToSolar({ ...lunar, leap: !lunar.leap }, reckoning);
  const day: DayStatus = calendarDayStatus(solar, schedule);
  const why: string = day.day === "off" || day.day === "swapped_working" ? `${day.source} ${day.occasions.join(",")}` : day.day;
  const next: string = calendarAddWorkingDays(solar, 3, "mon_fri");
  const count: number = calendarCountWorkingDays(solar, next, { working_weekdays: [true, true, true, true, true, false, false] });
  const request: DueRequest = {
    received: "2025-04-25T09:00:00+07:00",
    limit: { unit: "working_days", value: 3 },
    policy: { cutoff: 900, working_weekdays: [true, true, true, true, true, true, false], office_hours: "07:30-11:30,13:30-17:00" },
  };
  const due: Due = calendarDue(request);
  const steps: string[] = due.steps.map((s: DueStep) => s.step);
  const working: boolean = calendarIsWorkingDay(next, schedule);
  const year: Holidays = calendarHolidays(2026);
  const documents: Array<string | null | undefined> = year.days.map((d) => (d.source === "decision" ? d.document : d.law));
  return [why, next, String(count), due.due ?? "waiting", ...steps, String(working), ...documents.map(String)];
}

export function lifecycle(log: string, statusLog: string, policy?: Policy): string[] {
  const replay: Replay = lifecycleReplay(log, policy);
  const again: Replay = lifecycleReplay(log, JSON.stringify(policy ?? {}));
  const text: string = lifecycleReplayJson(log, policy);
  const parsed: Replay = JSON.parse(text) as Replay;
  const timeliness: Timeliness[] = [...replay.dossiers, ...again.dossiers, ...parsed.dossiers].map((d) => d.timeliness);
  const kpi: Kpi = lifecycleKpi(log);
  const rate: number | null | undefined = kpi.overall.on_time_rate;
  const report: StatusReport = lifecycleCheckStatusLog(statusLog);
  const codes: string[] = report.dossiers.flatMap((d) => d.problems.map((p) => p.finding.code));
  return [...timeliness, String(rate), ...codes];
}

export function step(events: LogEvent[], policy?: Policy): string[] {
  let dossier: DossierState | null = null;
  const states: string[] = [];
  for (const event of events) {
    const outcome: StepOutcome = lifecycleStep(dossier, event, policy);
    dossier = outcome.dossier;
    states.push(outcome.to ?? outcome.rejection?.code ?? "refused");
  }
  const again: StepOutcome = lifecycleStep(JSON.stringify(dossier), JSON.stringify(events[0]));
  return [...states, again.from];
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
  // @ts-expect-error: not a Reckoning
  calendarToLunar("2026-02-17", "korea");
  // @ts-expect-error: not a Schedule
  calendarIsWorkingDay("2026-02-17", "mon_sun");
  // @ts-expect-error: a DueRequest needs its limit
  calendarDue({ received: "2025-04-25T09:00:00+07:00" });
  // @ts-expect-error: a log is JSON Lines text, not events
  lifecycleReplay([{ dossier: "A", type: "submitted" }]);
  // @ts-expect-error: not a Policy
  lifecycleKpi("", { cut_off: 900 });
  // @ts-expect-error: an event is a LogEvent or its text
  lifecycleStep(null, 42);
  // @ts-expect-error: a status log is checked without a policy
  lifecycleCheckStatusLog("", {});
  // @ts-expect-error: Severity has two values
  const s: Severity = "fatal";
  void s;
}
