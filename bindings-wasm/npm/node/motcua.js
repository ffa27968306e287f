// The node entry point of the motcua package, an ES module: the web build (../web/motcua.js)
// with its WebAssembly module read from the file beside it and instantiated synchronously, so
// that importing the package is all a node program does. One module serves browsers and node.
// Copied into the package by bindings-wasm/scripts/package.mjs.

import { readFileSync } from "node:fs";
import { initSync } from "../web/motcua.js";

initSync({ module: readFileSync(new URL("../web/motcua_bg.wasm", import.meta.url)) });

export * from "../web/motcua.js";
// `init()` is already done here; calling it again (code shared with a browser) does nothing.
export { default } from "../web/motcua.js";
