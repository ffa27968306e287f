#!/usr/bin/env python3
"""Checks what the embedding examples printed (tests/c/examples.sh): every example printed the
same lines, byte for byte, and those lines say what the `motcua` command says for the same inputs.

Usage: examples_check.py MOTCUA_CLI EXAMPLES_DIR OUTPUT...

Each OUTPUT is one example's standard output: one line per result,
`<function> <input> status=<MotcuaStatus> <JSON>`. The expectation comes from the CLI, which
calls the Rust API directly rather than the C ABI, run on the same files with the same "today",
validation time, trust anchor and profile as the examples:

    motcua_version                  `motcua --version`
    motcua_forms_validate DOSSIER   `motcua dossier validate DOSSIER --procedure ... --json`
    motcua_lifecycle_step LOG:N     `motcua lifecycle replay` of line N alone: the step's
                                    transition (type, from, to, rules, article, form, rejection)
                                    is the replay's timeline entry, its dossier's state, rules and
                                    channel the replayed dossier's
    motcua_verify DOCUMENT          `motcua verify DOCUMENT ... --json`, less its "file"

The JSON is compared as values (key order aside); every status must be 0 (MOTCUA_STATUS_OK).
"""
import difflib
import json
import pathlib
import subprocess
import sys
import tempfile

TODAY = "2026-11-23"
PROCEDURE = "procedure-birth-registration.json"
DOSSIERS = ("dossier-birth-registration-valid.json", "dossier-birth-registration-invalid.json")
LOG = "lifecycle-log.jsonl"
EVENTS = 2
DOCUMENTS = ("signed-decision.pdf", "signed-decision-overlaid.pdf")
SIGNATURE = ("--trust", "signature-test-root.pem", "--at", "2026-03-05T02:30:15Z",
             "--profile", "decree30")


def run(cli: str, directory: pathlib.Path, *args: str) -> str:
    """The CLI's standard output; exit 0 (valid) and 1 (invalid) both answer."""
    done = subprocess.run([cli, "--today", TODAY, *args], cwd=directory, capture_output=True,
                          text=True, encoding="utf-8", check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"examples: motcua {' '.join(args)} exited {done.returncode}:\n"
                         f"{done.stderr}")
    return done.stdout


def one_json(text: str) -> dict:
    lines = text.splitlines()
    if len(lines) != 1:
        raise SystemExit(f"examples: expected one JSON line from the CLI, got {len(lines)}")
    return json.loads(lines[0])


def expectations(cli: str, directory: pathlib.Path) -> list:
    """[(function, input, check)], check(json text) -> list of problems."""
    expected = []
    version = run(cli, directory, "--version").split()[-1]
    expected.append(("motcua_version", "-", lambda text: [] if text == version else
                     [f"version {text}, the CLI's {version}"]))

    def equal(want):
        return lambda text: [] if json.loads(text) == want else [
            "differs from the CLI:\n" + "\n".join(difflib.unified_diff(
                json.dumps(want, ensure_ascii=False, indent=1).splitlines(),
                json.dumps(json.loads(text), ensure_ascii=False, indent=1).splitlines(),
                "cli", "example", lineterm=""))]

    for dossier in DOSSIERS:
        want = one_json(run(cli, directory, "dossier", "validate", dossier, "--procedure",
                            PROCEDURE, "--json"))
        expected.append(("motcua_forms_validate", dossier, equal(want)))

    lines = (directory / LOG).read_text(encoding="utf-8").splitlines()
    for number in range(1, EVENTS + 1):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as one:
            one.write(lines[number - 1] + "\n")
            one.flush()
            replayed = one_json(run(cli, directory, "lifecycle", "replay", one.name, "--json"))

        def step(text, replayed=replayed):
            outcome, entry = json.loads(text), replayed["timeline"][0]
            problems = [f"{key}: {outcome.get(key)!r}, the replay's {entry.get(key)!r}"
                        for key in ("type", "from", "to", "rules", "article", "form", "rejection")
                        if outcome.get(key) != entry.get(key)]
            problems += [f"dossier {key}: {outcome['dossier'].get(key)!r}, the replay's "
                         f"{replayed.get(key)!r}" for key in ("state", "rules", "channel")
                         if outcome["dossier"].get(key) != replayed.get(key)]
            return problems

        expected.append(("motcua_lifecycle_step", f"{LOG}:{number}", step))

    for document in DOCUMENTS:
        want = one_json(run(cli, directory, "verify", document, *SIGNATURE, "--json"))
        want.pop("file")
        expected.append(("motcua_verify", document, equal(want)))
    return expected


def main() -> int:
    if len(sys.argv) < 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    cli, directory = sys.argv[1], pathlib.Path(sys.argv[2])
    outputs = [pathlib.Path(name) for name in sys.argv[3:]]
    first = outputs[0].read_bytes()
    failed = False
    for other in outputs[1:]:
        if other.read_bytes() != first:
            failed = True
            print(f"examples: {other} differs from {outputs[0]}:")
            sys.stdout.writelines(difflib.unified_diff(
                first.decode("utf-8", "replace").splitlines(True),
                other.read_bytes().decode("utf-8", "replace").splitlines(True),
                str(outputs[0]), str(other)))

    printed = first.decode("utf-8").splitlines()
    expected = expectations(cli, directory)
    if len(printed) != len(expected):
        print(f"examples: {len(printed)} lines printed, {len(expected)} expected")
        failed = True
    for line, (function, name, check) in zip(printed, expected):
        parts = line.split(" ", 3)
        if parts[:3] != [function, name, "status=0"] or len(parts) != 4:
            print(f"examples: expected `{function} {name} status=0 ...`, got: {line[:200]}")
            failed = True
            continue
        for problem in check(parts[3]):
            print(f"examples: {function} {name}: {problem}")
            failed = True
    if failed:
        return 1
    print(f"examples: {len(outputs)} examples printed the same {len(printed)} results as the CLI")
    return 0


if __name__ == "__main__":
    sys.exit(main())
