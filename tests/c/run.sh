#!/usr/bin/env bash
# The C surface: builds libmotcua, compiles the C tests against the generated header and the
# static library with -Wall -Wextra -Werror, runs them on spec/vectors/, then again with the
# sanitizers, then under valgrind, which must report no error and no leak.
#
#   vectors  every case of identifiers.json, dossiers.json, calendar.json, lifecycle.json and
#            signature.json through the C ABI (the signature cases on the files motcua-forge writes
#            to $MOTCUA_SIGNATURE_FIXTURES when the caller sets it, otherwise generated here into
#            $CARGO_TARGET_DIR/fixtures every run, so that they always match the vectors);
#            writes c-<suite>.jsonl for each when MOTCUA_SURFACE_OUT is set
#   abi      the ABI contract: NULL arguments, invalid UTF-8, impossible dates, input errors,
#            the procedure handle's lifecycle (also shared between threads), the calendar's
#            arguments and errors, the lifecycle's logs, arguments and errors
#
# MOTCUA_VECTORS names another vector directory (default spec/vectors), for trying new cases.
set -euo pipefail
cd "$(dirname "$0")/../.."

target="${CARGO_TARGET_DIR:-$PWD/target}"
vectors="${MOTCUA_VECTORS:-spec/vectors}"
build="$target/c-tests"
mkdir -p "$build"

cargo build --quiet -p motcua-c
lib="$target/debug/libmotcua.a"
if [ -z "${MOTCUA_SIGNATURE_FIXTURES:-}" ]; then
  # Regenerated every run (deterministic, a few seconds): fixtures left by an older forge in a
  # reused target dir would not match spec/vectors/signature.json.
  MOTCUA_SIGNATURE_FIXTURES="$target/fixtures"
  cargo run --quiet -p motcua-forge -- "$MOTCUA_SIGNATURE_FIXTURES" >/dev/null
fi
fixtures="$MOTCUA_SIGNATURE_FIXTURES"

cflags=(-std=c11 -Wall -Wextra -Werror -Wpedantic -Wshadow -Wstrict-prototypes -g -O1
  -Ibindings-c/include -pthread)
# What the Rust standard library needs from the system when linked statically
# (`cargo rustc -p motcua-c --lib -- --print native-static-libs`).
libs=(-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc)
# Each program twice: plain (run as is and under valgrind) and with AddressSanitizer, UBSan and
# LeakSanitizer on the C side.
sanitize=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
for prog in vectors abi; do
  gcc "${cflags[@]}" -o "$build/$prog" "tests/c/$prog.c" tests/c/common.c tests/c/json.c \
    "$lib" "${libs[@]}"
  gcc "${cflags[@]}" "${sanitize[@]}" -o "$build/$prog-asan" "tests/c/$prog.c" tests/c/common.c \
    tests/c/json.c "$lib" "${libs[@]}"
done

# The header must also compile as C++ (it promises extern "C" linkage there).
printf '#include "motcua.h"\nint main() { return motcua_version() == nullptr; }\n' |
  g++ -std=c++11 -Wall -Wextra -Werror -Ibindings-c/include -o "$build/cxx" -x c++ - -x none \
    "$lib" "${libs[@]}"
"$build/cxx"

"$build/vectors" "$vectors" "$fixtures"
"$build/abi" "$vectors"

# The result files are written by the first run only.
MOTCUA_SURFACE_OUT= "$build/vectors-asan" "$vectors" "$fixtures"
"$build/abi-asan" "$vectors"

# Default leak kinds (definite and possible are errors); --num-callers deep enough for the
# suppression of the static tables (tests/c/valgrind.supp) to see their initializer.
valgrind=(valgrind --quiet --error-exitcode=1 --leak-check=full --num-callers=64
  --suppressions=tests/c/valgrind.supp)
MOTCUA_SURFACE_OUT= "${valgrind[@]}" "$build/vectors" "$vectors" "$fixtures"
"${valgrind[@]}" "$build/abi" "$vectors"
echo "C surface: passed, also under ASan/UBSan and valgrind"
