#!/usr/bin/env bash
# Builds the npm package of the WebAssembly surface into bindings-wasm/pkg/ (git-ignored):
#   pkg/node/  wasm-bindgen --target nodejs (CommonJS, loads the .wasm synchronously)
#   pkg/web/   wasm-bindgen --target web (ES module; call the default export `init()` first)
#   pkg/package.json with an exports map choosing between them (bindings-wasm/scripts/package.mjs).
# Reuses CARGO_TARGET_DIR when it is set.
set -euo pipefail
cd "$(dirname "$0")/../.."

pin=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' bindings-wasm/Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "$have" != "$pin" ]; then
  echo "build.sh: wasm-bindgen CLI ${have:-missing}, but bindings-wasm/Cargo.toml pins $pin; run scripts/setup" >&2
  exit 1
fi

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --quiet -p motcua-wasm --target wasm32-unknown-unknown --release
wasm="$target_dir/wasm32-unknown-unknown/release/motcua_wasm.wasm"

pkg=bindings-wasm/pkg
rm -rf "$pkg"
wasm-bindgen --target nodejs --out-dir "$pkg/node" --out-name motcua "$wasm"
wasm-bindgen --target web --out-dir "$pkg/web" --out-name motcua "$wasm"
node bindings-wasm/scripts/package.mjs
