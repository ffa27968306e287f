#!/usr/bin/env bash
# Tests of the WebAssembly surface: build the package, check the generated TypeScript types are
# current and type-check the TS test, run node's tests (vectors, errors, the package as packed)
# and the browser tests (the vectors, the README's page, the citizen's form of examples/web-form/).
# The signature vectors run on the files motcua-forge writes to $MOTCUA_SIGNATURE_FIXTURES when
# the caller sets it, otherwise generated here into $CARGO_TARGET_DIR/fixtures every run, as
# tests/c/run.sh does (fixtures of an older forge in a reused target dir would not match).
# Fails on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

step() { printf -- '--- wasm: %s\n' "$*"; }

step "TypeScript types are current (spec/schema -> bindings-wasm/src/types.d.ts)"
node bindings-wasm/scripts/gen-types.mjs --check

if [ -z "${MOTCUA_SIGNATURE_FIXTURES:-}" ]; then
  export MOTCUA_SIGNATURE_FIXTURES="${CARGO_TARGET_DIR:-$PWD/target}/fixtures"
  cargo run --quiet -p motcua-forge -- "$MOTCUA_SIGNATURE_FIXTURES" >/dev/null
fi

step "build"
tests/wasm/build.sh

step "size budget"
tests/wasm/size.sh

step "tsc --noEmit --strict"
bindings-wasm/node_modules/.bin/tsc -p tests/wasm --noEmit --strict

step "node: vectors, errors, mutated inputs, the package, then the browser and the web form"
node --test tests/wasm/vectors.test.mjs tests/wasm/errors.test.mjs tests/wasm/robustness.test.mjs \
  tests/wasm/package.test.mjs tests/wasm/browser.test.mjs tests/wasm/web-form.test.mjs
