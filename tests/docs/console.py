#!/usr/bin/env python3
"""Runs the `console` blocks of a guide and checks that they print what the guide says.

    python3 tests/docs/console.py --motcua PATH docs/testing.md ...

A `console` block is a terminal session: a line `$ command` is run by bash, the lines after it
that start with `> ` continue it (a here-document, say), and the lines up to the next `$ ` are
its expected output, standard output and standard error together. In the expected output, `...`
stands for any text within a line, and a line holding only `...` for any number of lines; a
last line `[exit N]` is the exit status when it is not 0. Every block of a file runs in order, in
one empty directory where `examples/` is the repository's, with the `motcua` given first on PATH
and colours off.

`sh` blocks are not run (fuzzing takes minutes), but each `cargo fuzz run TARGET` in them must
name a target of fuzz/Cargo.toml, so that the guide cannot point at a target that is gone.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)


def blocks(text, lang):
    """The bodies of the fenced blocks of `lang`, with the line each starts on."""
    for m in FENCE.finditer(text):
        if m.group(1) == lang:
            yield text.count("\n", 0, m.start()) + 2, m.group(2)


def sessions(body):
    """The (command, expected output) pairs of a console block."""
    out = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append([line[2:], []])
        elif not out:
            raise ValueError(f"a console block must start with '$ ': {line!r}")
        elif line.startswith("> ") and not out[-1][1]:
            out[-1][0] += "\n" + line[2:]
        else:
            out[-1][1].append(line)
    return [(command, expected) for command, expected in out]


def pattern(expected):
    """The regular expression of an expected output."""
    parts = []
    for line in expected:
        if line == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(re.escape(p) for p in line.split("...")) + r"\n")
    return re.compile("".join(parts))


def run(command, cwd, env):
    done = subprocess.run(
        ["bash", "-c", "set -o pipefail\n" + command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
    )
    out = done.stdout
    if out and not out.endswith("\n"):
        out += "\n"
    if done.returncode != 0:
        out += f"[exit {done.returncode}]\n"
    return out


def fuzz_targets():
    toml = (ROOT / "fuzz" / "Cargo.toml").read_text(encoding="utf-8")
    return set(re.findall(r'^name = "(\w+)"$', toml, re.M))


def check(guide, motcua):
    text = guide.read_text(encoding="utf-8")
    failures = []
    targets = fuzz_targets()
    for line, body in blocks(text, "sh"):
        for target in re.findall(r"cargo fuzz run (\w+)", body):
            if target not in targets:
                failures.append(f"{guide}:{line}: no fuzz target {target!r} in fuzz/Cargo.toml")
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    env["PATH"] = f"{Path(motcua).resolve().parent}{os.pathsep}{env['PATH']}"
    ran = 0
    with tempfile.TemporaryDirectory() as work:
        os.symlink(ROOT / "examples", Path(work) / "examples")
        for line, body in blocks(text, "console"):
            for command, expected in sessions(body):
                ran += 1
                actual = run(command, work, env)
                if not pattern(expected).fullmatch(actual):
                    failures.append(
                        f"{guide}:{line}: $ {command}\n--- the guide says:\n"
                        + "\n".join(expected)
                        + f"\n--- it printed:\n{actual}"
                    )
    if ran == 0:
        failures.append(f"{guide}: no console block")
    return ran, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--motcua", required=True, help="the motcua command to run")
    parser.add_argument("guides", nargs="+", type=Path)
    args = parser.parse_args()
    failed = False
    for guide in args.guides:
        ran, failures = check(guide, args.motcua)
        for f in failures:
            print(f"FAIL {f}", file=sys.stderr)
        failed |= bool(failures)
        print(f"{guide}: {ran} commands, {len(failures)} failures")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
