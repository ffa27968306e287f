// Smoke test of the --target web build in a real browser: serves tests/wasm/browser/ and the
// package from 127.0.0.1, opens the page in headless Chromium (Debian's, installed by
// scripts/setup) and reads the verdict the page writes into its DOM. Skips, saying why, only
// when Chromium is not installed.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { test } from "node:test";

import { allCases } from "./expect.mjs";
import { root, vectors } from "./load.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const BROWSER_TIMEOUT_MS = 120_000;

// URL prefix -> directory served under it.
const ROUTES = [
  ["/pkg/web/", join(root, "bindings-wasm", "pkg", "web")],
  ["/vectors/", join(root, "spec", "vectors")],
  ["/", join(root, "tests", "wasm", "browser")],
];
const EXTRA = { "/expect.mjs": join(root, "tests", "wasm", "expect.mjs") };
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

function resolve(urlPath) {
  if (urlPath === "/") urlPath = "/index.html";
  if (EXTRA[urlPath]) return EXTRA[urlPath];
  for (const [prefix, dir] of ROUTES) {
    if (!urlPath.startsWith(prefix)) continue;
    const file = normalize(join(dir, decodeURIComponent(urlPath.slice(prefix.length))));
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

function serve() {
  const server = createServer((req, res) => {
    const file = resolve(new URL(req.url, "http://127.0.0.1").pathname);
    if (!file || !existsSync(file) || !TYPES[extname(file)]) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)], "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

/** The DOM Chromium dumps after running the page at `url`. */
function dumpDom(url) {
  const profile = mkdtempSync(join(tmpdir(), "motcua-chromium-"));
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    // Lets the page's asynchronous work (fetching the .wasm and the vectors) finish before the
    // DOM is dumped.
    "--virtual-time-budget=60000",
    `--user-data-dir=${profile}`,
    "--dump-dom",
    url,
  ];
  return new Promise((ok, fail) => {
    const child = spawn(CHROMIUM, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), BROWSER_TIMEOUT_MS);
    child.on("error", fail);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      if (code === 0) ok(out);
      else fail(new Error(`chromium exited with ${signal ?? code}:\n${err.slice(-2000)}`));
    });
  });
}

function text(dom, id) {
  const m = new RegExp(`<[a-z]+ id="${id}">([^<]*)</`).exec(dom);
  return m ? m[1].replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&") : null;
}

test("the web build passes the vectors in headless Chromium", async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`SKIPPED: no Chromium at ${CHROMIUM}; install it with scripts/setup (Debian package chromium)`);
    return;
  }
  const expected = ["identifiers.json", "dossiers.json", "calendar.json", "lifecycle.json"].reduce(
    (n, file) => n + allCases(vectors(file)).length,
    0,
  );
  const server = await serve();
  try {
    const dom = await dumpDom(`http://127.0.0.1:${server.address().port}/`);
    const verdict = text(dom, "verdict");
    assert.ok(verdict !== null, `no verdict in the page:\n${dom.slice(0, 2000)}`);
    assert.match(verdict, /^PASS /, `${verdict}\n${text(dom, "details")}`);
    assert.ok(verdict.startsWith(`PASS ${expected} cases,`), `${verdict}; expected ${expected} cases`);
  } finally {
    server.close();
  }
});
