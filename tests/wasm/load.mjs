// Where node's tests find the WebAssembly package and the shared vectors.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The package's node entry point (bindings-wasm/pkg/node, built by tests/wasm/build.sh). */
export const motcua = await import(pathToFileURL(join(root, "bindings-wasm", "pkg", "node", "motcua.js")).href);

/** A vector file of spec/vectors/, parsed. */
export function vectors(file) {
  return JSON.parse(readFileSync(join(root, "spec", "vectors", file), "utf8"));
}
