// End-to-end test of the citizen's form (examples/web-form/) in headless Chromium
// (tests/wasm/chromium.mjs): served from 127.0.0.1 as the repository's root is (the page loads
// the package's web entry from bindings-wasm/pkg/web/, built by tests/wasm/build.sh), with the
// browser's clock fixed in Vietnam. It types bad and good values into each field and checks the
// Vietnamese message shown next to it (the catalog's text, spec/findings/, its placeholders
// filled) and the highlighting, attaches files, submits an invalid then a valid dossier and
// checks the verdicts (the valid one also in node, the dossier as the page sent it), and saves
// a screenshot of the invalid submission. Skips, saying why, only when Chromium is not there.

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { serve, unavailable, withChromium } from "./chromium.mjs";
import { motcua, root } from "./load.mjs";
import { fences } from "./readme.mjs";

const NOW = "2026-11-23T09:30:00+07:00";
const TODAY = NOW.slice(0, 10);
const procedureJson = readFileSync(join(root, "examples", "procedure-household-business.json"), "utf8");
const procedure = JSON.parse(procedureJson);

const catalog = new Map(
  ["ids.json", "forms.json"].flatMap((file) =>
    JSON.parse(readFileSync(join(root, "spec", "findings", file), "utf8")).findings.map((f) => [f.code, f]),
  ),
);

/** The Vietnamese message of `code` in spec/findings/, its placeholders filled from `values`. */
function message(code, values = {}) {
  const finding = catalog.get(code);
  assert.ok(finding, `no finding ${code} in spec/findings/`);
  const text = finding.vi.replace(/\{(\w+)\}/g, (_, name) => {
    assert.ok(name in values, `${code}: no value for {${name}}`);
    return String(values[name]);
  });
  return text;
}

/** Where the screenshot goes: the cargo target dir when there is one, a temporary dir otherwise. */
function screenshotPath() {
  const dir = process.env.CARGO_TARGET_DIR
    ? join(process.env.CARGO_TARGET_DIR, "web-form")
    : mkdtempSync(join(tmpdir(), "motcua-web-form-"));
  mkdirSync(dir, { recursive: true });
  return join(dir, "web-form-invalid.png");
}

const pdf = (name, text) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`) });

test("the citizen's form checks each field as it is typed and validates the dossier on submit", async (t) => {
  if (unavailable()) return t.skip(unavailable());
  const server = await serve([
    ["/bindings-wasm/pkg/web/", join(root, "bindings-wasm", "pkg", "web")],
    ["/examples/", join(root, "examples")],
  ]);
  try {
    await withChromium(async (context) => {
      const page = await context.newPage();
      const pageErrors = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.clock.setFixedTime(new Date(NOW));
      await page.goto(`http://127.0.0.1:${server.address().port}/examples/web-form/`);
      await page.waitForSelector("form[data-ready=true]", { timeout: 60_000 });
      assert.equal(await page.textContent("h1"), `${procedure.name} (${procedure.code})`);

      /** Types `value` into the empty field `id`, key by key, as a person does. */
      async function type(id, value) {
        await page.fill(`#${id}`, "");
        await page.locator(`#${id}`).pressSequentially(value);
      }
      /** The field's message, whether it is marked invalid, and its classes. */
      async function state(id) {
        return page.$eval(`#${id}`, (el) => ({
          message: document.getElementById(`${el.id}-message`).textContent,
          invalid: el.getAttribute("aria-invalid") === "true",
          highlighted: el.classList.contains("invalid"),
        }));
      }
      async function expectError(id, text) {
        assert.deepEqual(await state(id), { message: text, invalid: true, highlighted: true }, id);
      }
      async function expectClear(id) {
        assert.deepEqual(await state(id), { message: "", invalid: false, highlighted: false }, id);
      }

      // As the person types: each identifier, wrong then right.
      await type("personal_id", "07908800135");
      await expectError("personal_id", message("personal_id.length", { found: 11 }));
      await page.locator("#personal_id").pressSequentially("a");
      await expectError("personal_id", message("personal_id.not_digits", { found: "a" }));
      await type("personal_id", "079088001357");
      await expectClear("personal_id");

      await type("tax_code", "0100233480");
      await expectError("tax_code", message("tax_code.check_digit", { expected: 8, found: 0 }));
      await type("tax_code", "079088001357"); // the personal ID, an individual's tax code since 01/7/2025
      await expectClear("tax_code");

      await type("phone", "0951234567");
      await expectError("phone", message("phone.prefix_unknown", { prefix: "095" }));
      await type("phone", "090312345");
      await expectError("phone", message("phone.length", { prefix: "090", expected: 10, found: 9 }));
      await page.locator("#phone").pressSequentially("6");
      await expectClear("phone");

      // A file the procedure does not take, then one it does.
      const request = "#document-giay-de-nghi";
      await page.setInputFiles(request, { name: "anh-chup.png", mimeType: "image/png", buffer: Buffer.from("not a PDF") });
      await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-invalid") === "true", request);
      const allowed = procedure.attachment_rules.media_types.join(", ");
      await expectError("document-giay-de-nghi", message("forms.media_type_not_allowed", { value: "image/png", allowed }));
      await page.setInputFiles(request, pdf("giay-de-nghi.pdf", "Giấy đề nghị đăng ký hộ kinh doanh"));
      await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-invalid") === "false", request);
      await expectClear("document-giay-de-nghi");

      // Submitted invalid: no name, a birth date the personal ID contradicts, an e-mail address
      // without its domain, no request form.
      await page.setInputFiles(request, []);
      await page.waitForFunction((s) => document.querySelector(s).files.length === 0, request);
      await page.fill("#date_of_birth", "1990-11-02");
      await page.selectOption("#sex", "male");
      await type("email", "hung.le@");
      await expectClear("email"); // checked on submit only
      await page.click("button[type=submit]");
      await page.waitForSelector("#result:not([hidden])");
      const missing = procedure.documents.find((d) => d.id === "giay-de-nghi");
      const errors = [
        message("forms.field_empty"),
        message("forms.birth_year_mismatch", { encoded: 1988, declared: 1990 }),
        message("forms.email_invalid"),
        message("forms.document_missing", { name: missing.name, id: missing.id }),
      ];
      assert.equal(await page.textContent("#verdict"), `Hồ sơ chưa hợp lệ: ${errors.length} lỗi, 0 cảnh báo`);
      const listed = await page.$$eval("#findings li", (items) => items.map((li) => li.textContent));
      assert.equal(listed.length, errors.length, listed.join("\n"));
      errors.forEach((text) => assert.ok(listed.some((item) => item.endsWith(text)), `${text} not in:\n${listed.join("\n")}`));
      await expectError("name", errors[0]);
      await expectError("date_of_birth", errors[1]);
      await expectError("email", errors[2]);
      await expectClear("personal_id");
      assert.equal(await page.evaluate(() => document.activeElement.id), "name", "the first invalid field has the focus");
      const screenshot = screenshotPath();
      await page.screenshot({ path: screenshot, fullPage: true });
      console.log(`web form screenshot: ${screenshot}`);

      // Corrected and submitted again: valid, and valid for node's build of the same dossier.
      await page.fill("#name", "Lê Văn Hùng");
      await expectClear("name");
      await page.fill("#date_of_birth", "1988-11-02");
      await page.fill("#email", "hung.le.bep@gmail.com");
      await page.fill("#address", "45 Nguyễn Thái Bình, phường Bến Thành, TP. Hồ Chí Minh");
      await page.setInputFiles(request, pdf("giay-de-nghi.pdf", "Giấy đề nghị đăng ký hộ kinh doanh"));
      await page.waitForFunction((s) => document.querySelector(s).getAttribute("aria-invalid") === "false", request);
      await page.click("button[type=submit]");
      await page.waitForFunction(() => document.getElementById("result").dataset.valid === "true");
      assert.equal(await page.textContent("#verdict"), "Hồ sơ hợp lệ");
      assert.equal(await page.$$eval("#findings li", (items) => items.length), 0);
      for (const id of ["name", "personal_id", "date_of_birth", "tax_code", "phone", "email", "document-giay-de-nghi"]) {
        await expectClear(id);
      }
      const sent = JSON.parse(await page.textContent("#dossier-json"));
      assert.equal(sent.submitted_at, NOW);
      assert.equal(sent.attachments[0].media_type, "application/pdf");
      assert.match(sent.attachments[0].sha256, /^[0-9a-f]{64}$/);
      const parsed = motcua.Procedure.parse(procedureJson);
      try {
        assert.deepEqual(motcua.formsValidate(parsed, JSON.stringify(sent), TODAY), { valid: true, errors: [], warnings: [] });
      } finally {
        parsed.free();
      }
      assert.deepEqual(pageErrors, []);
    });
  } finally {
    server.close();
  }
});

test("docs/web.md quotes the form's code as it is", () => {
  const lines = (text) => text.split("\n").map((line) => line.trim());
  const sources = {
    js: lines(readFileSync(join(root, "examples", "web-form", "form.js"), "utf8")),
    html: lines(readFileSync(join(root, "examples", "web-form", "index.html"), "utf8")),
  };
  const quotes = fences(readFileSync(join(root, "docs", "web.md"), "utf8")).filter((b) => b.lang in sources);
  assert.ok(quotes.length >= 5, "docs/web.md quotes less of the form than it did");
  for (const { lang, code } of quotes) {
    const quote = lines(code.trimEnd());
    const source = sources[lang];
    const found = source.some((_, i) => quote.every((line, j) => source[i + j] === line));
    assert.ok(found, `docs/web.md quotes ${lang} that the form does not have:\n${code}`);
  }
});
