#!/usr/bin/env node
// Makes bindings-wasm/pkg/ the npm package `motcua` once wasm-bindgen has built pkg/web/ (see
// tests/wasm/build.sh), or, given the argument `signature`, bindings-wasm/pkg-signature/ the
// package `motcua-signature` (the signature checker's own module, same structure): the node
// entry point (bindings-wasm/npm/node/, an ES module over the web
// build), the README (bindings-wasm/README.md) and package.json. The version is the workspace's
// (Cargo.toml), checked against the one the module itself reports, so the package cannot carry
// another. tests/wasm/package.test.mjs checks the result, `npm pack`'s file list included.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const crate = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The packages this script makes: directory, name, description and keywords. */
const PACKAGES = {
  motcua: {
    dir: "pkg",
    name: "motcua",
    description:
      "Conformance core for Vietnamese one-stop-shop systems: identifiers, dossier validation, the calendar and the dossier lifecycle, in WebAssembly.",
    keywords: ["vietnam", "one-stop-shop", "dossier", "validation", "webassembly"],
  },
  signature: {
    dir: "pkg-signature",
    name: "motcua-signature",
    description:
      "The signature checker of motcua in WebAssembly: PDF (PAdES) and CMS signatures, certificate chains and the Decree 30/2020 legal format, for Vietnamese one-stop-shop systems. Loaded apart from the package motcua.",
    keywords: ["vietnam", "one-stop-shop", "signature", "pades", "cades", "webassembly"],
  },
};
const chosen = PACKAGES[process.argv[2] ?? "motcua"];
if (!chosen) throw new Error(`package.mjs: unknown package ${process.argv[2]}; one of ${Object.keys(PACKAGES)}`);
const pkg = join(crate, chosen.dir);

/** The `version` of `[workspace.package]` in the workspace's Cargo.toml. */
function workspaceVersion() {
  const toml = readFileSync(join(crate, "..", "Cargo.toml"), "utf8");
  const section = toml.split(/^\[/m).find((s) => s.startsWith("workspace.package]"));
  const version = section && /^version\s*=\s*"([^"]+)"/m.exec(section);
  if (!version) throw new Error("package.mjs: no version in [workspace.package] of Cargo.toml");
  return version[1];
}

/**
 * wasm-bindgen declares the methods it writes itself without a doc comment; every declaration
 * of the package has one. Fails when one is not declared exactly once as expected (a newer
 * wasm-bindgen writes it otherwise).
 */
function documentGenerated(dts) {
  const docs = {
    "free(): void;": "Releases the procedure's WebAssembly memory; the object cannot be used afterwards.",
    "[Symbol.dispose](): void;": "The same as `free()`, called at the end of the scope of `using procedure = ...`.",
  };
  for (const [declaration, doc] of Object.entries(docs)) {
    const bare = `\n    ${declaration}\n`;
    if (dts.split(bare).length !== 2) throw new Error(`package.mjs: ${declaration} not declared as expected`);
    dts = dts.replace(bare, `\n    /**\n     * ${doc}\n     */\n    ${declaration}\n`);
  }
  return dts;
}

const version = workspaceVersion();

mkdirSync(join(pkg, "node"), { recursive: true });
for (const file of ["motcua.js", "motcua.d.ts"]) {
  copyFileSync(join(crate, "npm", "node", file), join(pkg, "node", file));
}
copyFileSync(join(crate, "README.md"), join(pkg, "README.md"));
const dts = join(pkg, "web", "motcua.d.ts");
writeFileSync(dts, documentGenerated(readFileSync(dts, "utf8")));

const web = { types: "./web/motcua.d.ts", default: "./web/motcua.js" };
const node = { types: "./node/motcua.d.ts", default: "./node/motcua.js" };
const manifest = {
  name: chosen.name,
  version,
  description: chosen.description,
  keywords: chosen.keywords,
  license: "Apache-2.0 OR MIT",
  type: "module",
  // The node entry point instantiates the module when it is imported; the web one does nothing
  // until init().
  sideEffects: ["./node/motcua.js"],
  files: ["node/motcua.js", "node/motcua.d.ts", "web/motcua.js", "web/motcua.d.ts", "web/motcua_bg.wasm"],
  main: node.default,
  types: web.types,
  exports: {
    ".": { node, default: web },
    "./web": web,
    "./motcua_bg.wasm": "./web/motcua_bg.wasm",
    "./package.json": "./package.json",
  },
  engines: { node: ">=18" },
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");

const reported = (await import(pathToFileURL(join(pkg, node.default)).href)).version();
if (reported !== version) {
  throw new Error(`package.mjs: the module reports version ${reported}, the workspace says ${version}`);
}
