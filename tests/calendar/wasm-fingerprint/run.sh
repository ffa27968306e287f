#!/bin/sh
# Builds motcua-core's lunar calendar for wasm32-unknown-unknown, runs it under node and checks
# that its fingerprints are those the native test (core/tests/lunar_props.rs) asserts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${CARGO_TARGET_DIR:-$here/target}
cargo build --quiet --release --manifest-path "$here/Cargo.toml" --target wasm32-unknown-unknown \
  --target-dir "$target"
wasm="$target/wasm32-unknown-unknown/release/lunar_wasm_fingerprint.wasm"
expected=$(sed -n '/^const FINGERPRINTS/,/\];/p' "$here/../../../core/tests/lunar_props.rs" |
  grep -o '0x[0-9a-f_]*' | tr '\n' ',' | sed 's/,$//')
node -e '
const fs = require("fs");
const m = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(process.argv[1])), {});
const got = [0, 1, 2].map((r) => "0x" + BigInt.asUintN(64, m.exports.fingerprint(r)).toString(16));
const expected = process.argv[2].split(",").map((s) => "0x" + BigInt(s.trim().replace(/_/g, "")).toString(16));
console.log("wasm:", got.join(" "), "native:", expected.join(" "));
process.exit(got.join() === expected.join() ? 0 : 1);
' "$wasm" "$expected"
