// Where node's tests find the WebAssembly package and the shared vectors.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The node build of the package (bindings-wasm/pkg/node), built by tests/wasm/build.sh. */
export const motcua = createRequire(import.meta.url)(join(root, "bindings-wasm", "pkg", "node", "motcua.js"));

/** A vector file of spec/vectors/, parsed. */
export function vectors(file) {
  return JSON.parse(readFileSync(join(root, "spec", "vectors", file), "utf8"));
}
