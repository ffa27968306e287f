#!/usr/bin/env bash
# The WebAssembly modules a web form downloads must stay small (issue 7 point 1), gzipped -9:
#   full        the npm package (bindings-wasm's default features): at most 300 KB; fails when over.
#   forms only  identifiers and dossier validation (bindings-wasm --no-default-features, built
#               by tests/wasm/build.sh): at most 60 KB. Not met yet: printed with how far over
#               it is, without failing, until the cuts of benches/README.md ("WebAssembly
#               size") bring it under; then it fails like the full module's.
#   signature   the signature checker's own module, the npm package motcua-signature (bindings-wasm
#               --no-default-features --features signature), which a web form never downloads:
#               printed, no budget yet.
set -euo pipefail
cd "$(dirname "$0")/../.."
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"

over=0
check() { # name, file, budget in KB, "enforced" or "not met yet"
  local raw gz budget=$(($3 * 1024))
  raw=$(wc -c < "$2")
  gz=$(gzip -9 -c "$2" | wc -c)
  echo "$1: motcua_bg.wasm $raw bytes, $gz gzipped (budget $budget = $3 KB)"
  if [ "$gz" -le "$budget" ]; then
    return
  fi
  if [ "$4" = enforced ]; then
    echo "size.sh: the $1 module is over its budget of $budget bytes gzipped" >&2
    over=1
  else
    echo "size.sh: the $1 module is $((gz - budget)) bytes over its budget of $budget (not met yet, issue 7 point 1)"
  fi
}
check "full" bindings-wasm/pkg/web/motcua_bg.wasm 300 enforced
check "forms only" "$target_dir/wasm-forms-only/motcua_bg.wasm" 60 "not met yet"
sig=bindings-wasm/pkg-signature/web/motcua_bg.wasm
echo "signature: motcua_bg.wasm $(wc -c < "$sig") bytes, $(gzip -9 -c "$sig" | wc -c) gzipped (no budget yet)"
exit "$over"
