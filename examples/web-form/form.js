// The citizen's form of examples/web-form/: a dossier for the procedure the form names, checked
// by motcua as the person types and validated whole when it is submitted (guide: docs/web.md).
//   1. An identifier field (data-id-kind): idsCheck(kind, value, today) on every input event.
//   2. A file: the dossier so far through formsValidate, keeping the findings about that file.
//   3. Submit: formsValidate on the whole dossier; each finding goes to the field its JSON
//      pointer names (data-path), and all are listed with the verdict.
// Every message is a finding's own Vietnamese text (`vi`): the page holds none of the rules.

import init, { Procedure, formsValidate, idsCheck } from "motcua";

const form = document.getElementById("dossier");
const result = document.getElementById("result");

/** Today's date and the current time in Vietnam (UTC+7): motcua reads no clock. */
function vietnamNow() {
  const shifted = new Date(Date.now() + 7 * 3_600_000).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  return { today: shifted.slice(0, 10), timestamp: `${shifted.slice(0, 19)}+07:00` };
}

/**
 * Shows `findings` next to `element` (in its `<id>-message`): an error marks the field invalid
 * (aria-invalid and the class "invalid"), a warning is only shown; none clears it.
 */
function show(element, findings) {
  const invalid = findings.some((f) => f.severity === "error");
  element.setAttribute("aria-invalid", String(invalid));
  element.classList.toggle("invalid", invalid);
  element.classList.toggle("warned", !invalid && findings.length > 0);
  document.getElementById(`${element.id}-message`).replaceChildren(
    ...findings.map((f) => Object.assign(document.createElement("span"), { className: f.severity, textContent: f.vi })),
  );
}

/** The file's attachment record: name, media type, size and SHA-256, for the document it answers. */
async function attachment(file, document) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
  return {
    name: file.name,
    media_type: file.type || "application/octet-stream",
    size: file.size,
    sha256: Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join(""),
    satisfies: document.id,
  };
}

/**
 * The file inputs, one per document of the procedure. This form is for an applicant filing
 * online for themselves, so documents asked for only in other cases (`required_when`) are left
 * out; optional ones are marked so.
 */
function documentInputs(procedure) {
  const container = document.getElementById("documents");
  return procedure.documents
    .filter((doc) => !doc.required_when)
    .map((doc) => {
      const field = Object.assign(document.createElement("div"), { className: "field" });
      const input = Object.assign(document.createElement("input"), { type: "file", id: `document-${doc.id}` });
      const types = procedure.attachment_rules?.media_types;
      if (types) input.accept = types.join(",");
      const label = Object.assign(document.createElement("label"), {
        htmlFor: input.id,
        textContent: doc.optional ? `${doc.name} (nếu có)` : `${doc.name} *`,
      });
      const message = Object.assign(document.createElement("p"), { className: "message", id: `${input.id}-message` });
      message.setAttribute("aria-live", "polite");
      input.setAttribute("aria-describedby", message.id);
      field.append(label, input, message);
      container.append(field);
      return { document: doc, input, attachment: null };
    });
}

async function main() {
  const source = form.dataset.procedure;
  const [, procedureJson] = await Promise.all([init(), fetch(source).then((r) => r.text())]);
  const procedureDoc = JSON.parse(procedureJson);
  const procedure = Procedure.parse(procedureJson); // kept for the page's lifetime
  document.getElementById("procedure").textContent = `${procedureDoc.name} (${procedureDoc.code})`;
  document.getElementById("agency").textContent = form.dataset.agencyName;
  const rules = procedureDoc.attachment_rules;
  if (rules) {
    document.getElementById("attachment-rules").textContent =
      `Kiểu tệp được nhận: ${rules.media_types.join(", ")}; mỗi tệp tối đa ${rules.max_file_bytes / 1_048_576} MB.`;
  }

  const fields = [...form.querySelectorAll("[data-path]")];
  for (const field of fields) field.setAttribute("aria-describedby", `${field.id}-message`);
  const documents = documentInputs(procedureDoc);

  /** The dossier as the form holds it, and the file input of each of its attachments, in order. */
  function dossier(now) {
    const applicant = { kind: "citizen" };
    for (const field of fields) {
      const value = field.value.trim();
      if (value !== "" || field.id === "name") applicant[field.dataset.path.split("/").pop()] = value;
    }
    const attached = documents.filter((d) => d.attachment);
    return {
      dossier: {
        procedure_code: procedureDoc.code,
        receiving_agency: { code: form.dataset.agencyCode, name: form.dataset.agencyName },
        channel: "online",
        submitted_at: now.timestamp,
        applicant,
        attachments: attached.map((d) => d.attachment),
      },
      inputs: attached.map((d) => d.input),
    };
  }

  /** The element a finding's JSON pointer names, if the form has one. */
  function elementFor(path, inputs) {
    const field = fields.find((f) => f.dataset.path === path);
    if (field) return field;
    const attachment = /^\/attachments\/(\d+)(\/|$)/.exec(path);
    return attachment ? inputs[Number(attachment[1])] : undefined;
  }

  // 1. Identifiers, as the person types; other fields lose a finding from the last submit.
  for (const field of fields) {
    field.addEventListener("input", () => {
      const value = field.value;
      const kind = field.dataset.idKind;
      if (!kind || value.trim() === "") return show(field, []);
      const check = idsCheck(kind, value, vietnamNow().today);
      show(field, [...check.errors, ...check.warnings]);
    });
  }

  // 2. A file, when it is chosen: what the procedure says about it.
  for (const doc of documents) {
    doc.input.addEventListener("change", async () => {
      const file = doc.input.files[0];
      doc.attachment = file ? await attachment(file, doc.document) : null;
      if (!file) return show(doc.input, []);
      const now = vietnamNow();
      const { dossier: d, inputs } = dossier(now);
      const report = formsValidate(procedure, JSON.stringify(d), now.today);
      show(doc.input, [...report.errors, ...report.warnings].filter((f) => elementFor(f.path, inputs) === doc.input));
    });
  }

  // 3. Submit: the whole dossier against the procedure.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const now = vietnamNow();
    const { dossier: d, inputs } = dossier(now);
    const json = JSON.stringify(d, null, 2);
    const report = formsValidate(procedure, json, now.today);
    const findings = [...report.errors, ...report.warnings];
    for (const element of [...fields, ...documents.map((doc) => doc.input)]) {
      show(element, findings.filter((f) => elementFor(f.path, inputs) === element));
    }
    const counts = `${report.errors.length} lỗi, ${report.warnings.length} cảnh báo`;
    document.getElementById("verdict").textContent = report.valid
      ? `Hồ sơ hợp lệ${report.warnings.length ? ` (${report.warnings.length} cảnh báo)` : ""}`
      : `Hồ sơ chưa hợp lệ: ${counts}`;
    document.getElementById("findings").replaceChildren(
      ...findings.map((f) => {
        const label = elementFor(f.path, inputs)?.labels?.[0]?.textContent.replace(/ \*$/, "");
        return Object.assign(document.createElement("li"), {
          className: f.severity,
          textContent: label ? `${label}: ${f.vi}` : f.vi,
        });
      }),
    );
    document.getElementById("dossier-json").textContent = json;
    result.dataset.valid = String(report.valid);
    result.hidden = false;
    (form.querySelector("[aria-invalid=true]") ?? result).focus();
  });

  for (const set of form.querySelectorAll("fieldset, button")) set.disabled = false;
  form.dataset.ready = "true";
}

main().catch((e) => {
  document.getElementById("procedure").textContent = `Không tải được biểu mẫu: ${e.message ?? e}`;
});
