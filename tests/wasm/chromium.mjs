// Headless Chromium for the browser tests (browser.test.mjs, web-form.test.mjs), and the static
// server that gives it the pages from 127.0.0.1. The browser is Debian's `chromium` (installed by
// scripts/setup), driven by playwright-core (bindings-wasm/package.json) through its
// executablePath, never a browser playwright downloads; each launch gets a new empty profile.

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";

import { root } from "./load.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/**
 * Flags besides `--headless` (playwright's `headless: true`) and the profile's `--user-data-dir`.
 * Without the background-networking ones Chromium keeps trying to reach Google's hosts, which a
 * closed network (CI) refuses many at a time.
 */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Why the browser tests cannot run here, or null when they can. */
export function unavailable() {
  return existsSync(CHROMIUM)
    ? null
    : `SKIPPED: no Chromium at ${CHROMIUM}; scripts/setup installs it (Debian package chromium), or set CHROMIUM`;
}

/** Runs `use(context)` in a fresh headless Chromium (a playwright BrowserContext), then closes it. */
export async function withChromium(use) {
  const { chromium } = createRequire(join(root, "bindings-wasm", "package.json"))("playwright-core");
  const profile = mkdtempSync(join(tmpdir(), "motcua-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    locale: "vi-VN",
  });
  try {
    return await use(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
};

/**
 * Serves files on 127.0.0.1 (a port of the system's choosing; `server.address().port`).
 * `routes` maps URL paths to files: an entry ending in "/" serves the directory under it, any
 * other serves one file. The first matching entry wins; nothing outside them is served.
 */
export function serve(routes) {
  const resolve = (path) => {
    for (const [prefix, target] of routes) {
      if (!prefix.endsWith("/")) {
        if (path === prefix) return target;
        continue;
      }
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(target, decodeURIComponent(path.slice(prefix.length))));
      return file === target || file.startsWith(target + sep) ? file : null;
    }
    return null;
  };
  const server = createServer((req, res) => {
    let file = resolve(new URL(req.url, "http://127.0.0.1").pathname);
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!file || !existsSync(file) || !TYPES[extname(file)]) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)], "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}
