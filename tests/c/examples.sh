#!/usr/bin/env bash
# The embedding examples of docs/c.md, as a vendor would use them: installs the C library under a
# temporary prefix with scripts/install-c, then builds and runs
#   examples/c       through pkg-config: linked with libmotcua.so, and with libmotcua.a (the
#                    static one also under ASan, UBSan and LeakSanitizer, which fail the run if it
#                    leaks a string the library returned)
#   examples/python  ctypes
#   examples/java    JNA (Debian's libjna-java), compiled with javac -Xlint:all -Werror
#   examples/php     FFI (Debian's php-cli)
# and checks with tests/c/examples_check.py that they all printed the same lines and that those
# say what the `motcua` command says for the same files.
#
# It installs the debug build (scripts/install-c --debug), the one tests/c/run.sh has built:
# the examples test the installed layout, pkg-config and each language's binding, none of which
# depends on optimisation, and a release build would compile the whole dependency tree a second
# time. Users install the release build (scripts/install-c without --debug).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"

jna=/usr/share/java/jna.jar
missing=()
for tool in pkg-config make cc python3 javac java php; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ -f "$jna" ] || missing+=("$jna")
php -m 2>/dev/null | grep -x FFI >/dev/null || missing+=("PHP's FFI extension")
if [ ${#missing[@]} -gt 0 ]; then
  echo "examples: missing ${missing[*]}; run scripts/setup" >&2
  exit 1
fi

work=$(mktemp -d "$CARGO_TARGET_DIR/examples-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
scripts/install-c --debug --prefix "$prefix" >/dev/null
cargo build --quiet -p motcua-cli
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
export MOTCUA_LIB="$prefix/lib/libmotcua.so"

mkdir -p "$work/c" "$work/c-asan" "$work/java"
make -s -C examples/c BUILD="$work/c" all
make -s -C examples/c BUILD="$work/c-asan" static \
  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
javac -Xlint:all -Werror -cp "$jna" -d "$work/java" examples/java/MotcuaExample.java

outputs=()
run() {
  local name=$1
  shift
  if ! "$@" examples >"$work/$name.out"; then
    echo "examples: the $name example failed: $*" >&2
    exit 1
  fi
  outputs+=("$work/$name.out")
}
run c "$work/c/motcua_example"
run c-static-asan "$work/c-asan/motcua_example-static"
run python python3 examples/python/motcua_example.py
run java java -cp "$work/java:$jna" MotcuaExample
run php php examples/php/motcua_example.php

python3 tests/c/examples_check.py "$CARGO_TARGET_DIR/debug/motcua" examples "${outputs[@]}"
