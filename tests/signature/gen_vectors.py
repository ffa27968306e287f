#!/usr/bin/env python3
"""Writes spec/vectors/signature.json from the expectations motcua-forge states for its fixtures.

The fixtures are generated at test time (never committed), so each case names a fixture file of
the generator's output directory; the expectations are the generator's own, written by hand in
tests/signature/forge/src/fixtures.rs from the rules (spec/signature/fixtures.md), never produced
by running motcua. Usage: gen_vectors.py FIXTURE_DIR (the directory `cargo run -p motcua-forge --
DIR` wrote).
"""
import json
import pathlib
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: gen_vectors.py FIXTURE_DIR", file=sys.stderr)
        return 2
    manifest = json.loads((pathlib.Path(sys.argv[1]) / "fixtures.json").read_text("utf-8"))
    cases = []
    for f in manifest["fixtures"]:
        case = {"name": f["file"].rsplit(".", 1)[0], "file": f["file"]}
        if f["content"]:
            case["content"] = f["content"]
        case["expect"] = {
            "indication": f["expect"]["indication"],
            "signatures": [
                {
                    "indication": s["indication"],
                    "sub_indication": s["sub_indication"],
                    "integrity": s["integrity"],
                    "modified_after_signing": s["modified_after_signing"],
                }
                for s in f["expect"]["signatures"]
            ],
        }
        cases.append(case)
    doc = {
        "$comment": (
            "Signature verification vectors (issue 6 point 8). Each case names a file written by "
            "`cargo run -p motcua-forge -- DIR` (never committed: the runners generate or are given "
            "that directory) and, for a detached .p7s, the data file it signs (`content`). Every "
            "surface verifies it with `options` (trust anchors and intermediates as files of DIR, "
            "a fixed validation time) and checks the document indication and, per signature in "
            "signing order, indication, sub_indication, integrity and modified_after_signing; it "
            "writes the whole SignatureReport, one line per case, to <surface>-signature.jsonl. "
            "Written by tests/signature/gen_vectors.py from the expectations motcua-forge states "
            "(spec/signature/fixtures.md)."
        ),
        "options": {
            "validation_time": manifest["validation_time"],
            "trust_anchors": [manifest["trust_anchor"]],
            "intermediates": manifest["intermediates"],
        },
        "cases": cases,
    }
    out = pathlib.Path(__file__).resolve().parents[2] / "spec" / "vectors" / "signature.json"
    out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"gen_vectors: {len(cases)} cases in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
