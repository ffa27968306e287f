#!/usr/bin/env node
// Writes the package.json files of the npm package in bindings-wasm/pkg/ after wasm-bindgen
// has built pkg/node/ and pkg/web/ (see tests/wasm/build.sh). The version is the one the
// module itself reports, so the package cannot carry another.

import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..", "pkg");
const write = (path, value) => writeFileSync(join(pkg, path), JSON.stringify(value, null, 2) + "\n");

// Each build says how node must read its JavaScript, whatever package encloses it.
write("node/package.json", { type: "commonjs" });
write("web/package.json", { type: "module" });

const motcua = createRequire(import.meta.url)(join(pkg, "node", "motcua.js"));

write("package.json", {
  name: "motcua",
  version: motcua.version(),
  description:
    "Conformance core for Vietnamese one-stop-shop systems: identifier checks and dossier validation, in WebAssembly.",
  license: "Apache-2.0 OR MIT",
  sideEffects: false,
  files: ["node/", "web/"],
  main: "./node/motcua.js",
  types: "./node/motcua.d.ts",
  exports: {
    ".": {
      node: { types: "./node/motcua.d.ts", default: "./node/motcua.js" },
      default: { types: "./web/motcua.d.ts", default: "./web/motcua.js" },
    },
    "./web": { types: "./web/motcua.d.ts", default: "./web/motcua.js" },
    "./motcua_bg.wasm": "./web/motcua_bg.wasm",
  },
});
