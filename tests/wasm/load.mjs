// Where node's tests find the WebAssembly package and the shared vectors.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The package's node entry point (bindings-wasm/pkg/node, built by tests/wasm/build.sh). */
export const motcua = await import(pathToFileURL(join(root, "bindings-wasm", "pkg", "node", "motcua.js")).href);

/** The node entry point of the signature checker's package (bindings-wasm/pkg-signature/node). */
export const motcuaSignature = await import(
  pathToFileURL(join(root, "bindings-wasm", "pkg-signature", "node", "motcua.js")).href
);

/**
 * The directory of the signature fixtures motcua-forge writes (spec/vectors/signature.json names
 * its files): $MOTCUA_SIGNATURE_FIXTURES, else $CARGO_TARGET_DIR/fixtures, else target/fixtures,
 * as for the C runner (tests/wasm/run.sh generates it unless the caller names it).
 */
export const signatureFixtures =
  process.env.MOTCUA_SIGNATURE_FIXTURES ||
  join(process.env.CARGO_TARGET_DIR || join(root, "target"), "fixtures");

/** A vector file of spec/vectors/, parsed. */
export function vectors(file) {
  return JSON.parse(readFileSync(join(root, "spec", "vectors", file), "utf8"));
}
