#!/usr/bin/env bash
# The WebAssembly module a web form downloads must stay small: at most 300 KB gzipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUDGET=$((300 * 1024))
size=$(gzip -9 -c bindings-wasm/pkg/web/motcua_bg.wasm | wc -c)
echo "motcua_bg.wasm: $(wc -c < bindings-wasm/pkg/web/motcua_bg.wasm) bytes, $size gzipped (budget $BUDGET)"
if [ "$size" -gt "$BUDGET" ]; then
  echo "size.sh: the module is over its budget of $BUDGET bytes gzipped" >&2
  exit 1
fi
