// The --target web build in a real browser: headless Chromium (tests/wasm/chromium.mjs) opens
// tests/wasm/browser/, which runs every shared vector through the package's web entry and writes
// its verdict into the page, and the browser example of the package's README, which must show
// what the README says. Skips, saying why, only when Chromium is not installed.

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

import { serve, unavailable, withChromium } from "./chromium.mjs";
import { allCases } from "./expect.mjs";
import { root, vectors } from "./load.mjs";
import { examples } from "./readme.mjs";

const PAGE_TIMEOUT_MS = 120_000;
const pkg = join(root, "bindings-wasm", "pkg");

/** The text of `selector` in the page at `url` once it is no longer `pending`. */
async function settled(url, selector, pending) {
  return withChromium(async (context) => {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    try {
      await page.waitForFunction(
        ([s, p]) => (document.querySelector(s)?.textContent ?? p) !== p,
        [selector, pending],
        { timeout: PAGE_TIMEOUT_MS },
      );
    } catch (e) {
      throw new Error(`${url}: ${selector} stayed ${JSON.stringify(pending)}; page errors: ${errors.join("; ")}`, { cause: e });
    }
    return page.textContent(selector);
  });
}

test("the web build passes the vectors in headless Chromium", async (t) => {
  if (unavailable()) return t.skip(unavailable());
  const expected = ["identifiers.json", "dossiers.json", "calendar.json", "lifecycle.json"].reduce(
    (n, file) => n + allCases(vectors(file)).length,
    0,
  );
  const server = await serve([
    ["/pkg/web/", join(pkg, "web")],
    ["/vectors/", join(root, "spec", "vectors")],
    ["/expect.mjs", join(root, "tests", "wasm", "expect.mjs")],
    ["/", join(root, "tests", "wasm", "browser")],
  ]);
  try {
    const verdict = await settled(`http://127.0.0.1:${server.address().port}/`, "#verdict", "RUNNING");
    assert.match(verdict, /^PASS /, verdict);
    assert.ok(verdict.startsWith(`PASS ${expected} cases,`), `${verdict}; expected ${expected} cases`);
  } finally {
    server.close();
  }
});

test("the README's browser example shows what the README says", async (t) => {
  if (unavailable()) return t.skip(unavailable());
  const [example] = examples(readFileSync(join(pkg, "README.md"), "utf8"), "html");
  assert.ok(example?.expected, "the README has no browser example followed by its output");
  // The page as it is served from a project where `npm install motcua` was run.
  const project = mkdtempSync(join(tmpdir(), "motcua-readme-"));
  writeFileSync(join(project, "index.html"), example.code);
  const server = await serve([
    ["/node_modules/motcua/", pkg],
    ["/", project],
  ]);
  try {
    const shown = await settled(`http://127.0.0.1:${server.address().port}/`, "#result", "");
    assert.equal(`${shown}\n`, example.expected);
  } finally {
    server.close();
    rmSync(project, { recursive: true, force: true });
  }
});
