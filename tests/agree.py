#!/usr/bin/env python3
"""Checks that every surface (Rust, C, WebAssembly) gave the same result for every vector.

Each surface's vector runner writes <surface>-<suite>.jsonl into one directory: one JSON result
per case, in the order of the cases in spec/vectors/<suite>.json. A suite's cases are the members
of every section of its file (each array that is not a "$" annotation: "cases", and the other
sections of calendar.json and lifecycle.json), sections in file order; <surface>-lifecycle-step.jsonl
holds the transition cases of lifecycle.json run one event at a time (SECTION_SUITES). This
script compares the results line by line as JSON values (key order does not matter, everything
else does) and reports every case where a surface disagrees with Rust, and every surface whose
file is missing or has the wrong number of lines.
"""
import json
import pathlib
import sys

SURFACES = ("rust", "c", "wasm")
SUITES = ("identifiers", "dossiers", "calendar", "lifecycle", "signature")
# Suites that run one section of a vector file again another way: suite -> (file, section). The
# transition cases of lifecycle.json, one event at a time through each surface's lifecycle step.
SECTION_SUITES = {"lifecycle-step": ("lifecycle", "cases")}


def suite_cases(doc: dict) -> list:
    """The cases of a vector file: the members of every section (an array whose key does not start
    with "$"), sections in file order; other members ("today", "procedures") are not cases."""
    return [
        case
        for key, section in doc.items()
        if not key.startswith("$") and isinstance(section, list)
        for case in section
    ]


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: agree.py DIR", file=sys.stderr)
        return 2
    out = pathlib.Path(sys.argv[1])
    root = pathlib.Path(__file__).resolve().parent.parent
    passed = failed = 0
    for suite in (*SUITES, *SECTION_SUITES):
        file, section = SECTION_SUITES.get(suite, (suite, None))
        doc = json.loads((root / "spec" / "vectors" / f"{file}.json").read_text("utf-8"))
        cases = doc[section] if section else suite_cases(doc)
        results = {}
        for surface in SURFACES:
            path = out / f"{surface}-{suite}.jsonl"
            if not path.exists():
                print(f"agree: {path.name} is missing: the {surface} surface did not run {suite}")
                failed += 1
                continue
            lines = path.read_text("utf-8").splitlines()
            if len(lines) != len(cases):
                print(f"agree: {path.name} has {len(lines)} results for {len(cases)} cases")
                failed += 1
                continue
            results[surface] = [json.loads(line) for line in lines]
        if len(results) != len(SURFACES):
            continue
        for i, case in enumerate(cases):
            reference = results["rust"][i]
            differing = [s for s in SURFACES[1:] if results[s][i] != reference]
            if differing:
                failed += 1
                print(f"agree: {suite} case {i} ({case.get('name', '?')}): {', '.join(differing)} differ from rust")
                for s in differing:
                    print(f"  rust: {json.dumps(reference, ensure_ascii=False)}")
                    print(f"  {s}: {json.dumps(results[s][i], ensure_ascii=False)}")
            else:
                passed += 1
    print(f"surfaces agree: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
