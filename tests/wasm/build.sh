#!/usr/bin/env bash
# Builds the npm package `motcua` of the WebAssembly surface into bindings-wasm/pkg/ (git-ignored):
#   pkg/web/   wasm-bindgen --target web (ES module; call the default export `init()` first)
#   pkg/node/  the node entry point, an ES module that instantiates the same module from its file
#   pkg/package.json with an exports map choosing between them, and pkg/README.md
#              (bindings-wasm/scripts/package.mjs).
# Then the npm package `motcua-signature`, the signature checker's own module (bindings-wasm with
# the feature `signature` only), the same way into bindings-wasm/pkg-signature/ (web/, node/,
# package.json, README.md), loaded apart so that a web form never downloads it.
# Also the forms-only module, into $CARGO_TARGET_DIR/wasm-forms-only/ (for its size budget only).
# The module is built with the wasm-release profile (Cargo.toml: optimised for size, fat LTO, one
# codegen unit), and its name section (function names, for stack traces) is stripped by
# wasm-opt (binaryen, a devDependency in bindings-wasm/package.json): it is a fifth of the
# gzipped module. wasm-opt's optimisation passes (-Oz, -O3) are not run: measured on this module
# they make it larger once gzipped (by about 30 KB) and no faster (benches/README.md).
# Reuses CARGO_TARGET_DIR when it is set.
set -euo pipefail
cd "$(dirname "$0")/../.."

pin=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p' bindings-wasm/Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2 || true)
if [ "$have" != "$pin" ]; then
  echo "build.sh: wasm-bindgen CLI ${have:-missing}, but bindings-wasm/Cargo.toml pins $pin; run scripts/setup" >&2
  exit 1
fi

wasm_opt=bindings-wasm/node_modules/.bin/wasm-opt
if [ ! -x "$wasm_opt" ]; then
  echo "build.sh: $wasm_opt is missing; run scripts/setup (npm ci in bindings-wasm)" >&2
  exit 1
fi

target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/motcua_wasm.wasm"

# The forms-only module (identifiers and dossier validation: bindings-wasm without its default
# features), built first because cargo writes both builds to the same file; measured against
# its own budget by tests/wasm/size.sh, not packaged.
forms_only="$target_dir/wasm-forms-only"
cargo build --quiet -p motcua-wasm --target wasm32-unknown-unknown --profile wasm-release \
  --no-default-features
rm -rf "$forms_only"
wasm-bindgen --target web --out-dir "$forms_only" --out-name motcua "$wasm"
"$wasm_opt" --strip-debug --strip-producers "$forms_only/motcua_bg.wasm" -o "$forms_only/motcua_bg.wasm"

# A package: wasm-bindgen's web build of the module cargo just wrote into $1/web (before the next
# cargo build overwrites it), its name section stripped, then package.mjs $2.
package() {
  rm -rf "$1"
  wasm-bindgen --target web --out-dir "$1/web" --out-name motcua "$wasm"
  "$wasm_opt" --strip-debug --strip-producers "$1/web/motcua_bg.wasm" -o "$1/web/motcua_bg.wasm"
  node bindings-wasm/scripts/package.mjs "$2"
}

# The package `motcua`: every feature (bindings-wasm's default, `full`).
cargo build --quiet -p motcua-wasm --target wasm32-unknown-unknown --profile wasm-release
package bindings-wasm/pkg motcua

# The package `motcua-signature`: the signature checker (and the identifiers and dossier
# validation every build holds), without the calendar and lifecycle.
cargo build --quiet -p motcua-wasm --target wasm32-unknown-unknown --profile wasm-release \
  --no-default-features --features signature
package bindings-wasm/pkg-signature signature
