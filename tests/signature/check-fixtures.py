#!/usr/bin/env python3
"""Checks motcua-forge's fixtures with tools that share no code with it.

Usage: check-fixtures.py OUT_DIR   (OUT_DIR as written by `motcua-forge OUT_DIR`)

- every detached .p7s: `openssl cms -verify` (trusting only ca/root.pem, at the signing time)
  succeeds exactly when fixtures.json expects integrity "intact";
- every PDF signature whose /ByteRange is laid out as PAdES requires: the signed ranges are cut
  out and verified with `openssl cms -verify` the same way;
- when poppler's pdfsig is installed: every signature of a PDF expected intact is reported
  "Signature is Valid.", and a byte changed inside the range is reported "Digest Mismatch."
Exit 1 on any disagreement.
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ATTIME = "1772677815"  # 2026-03-05T02:30:15Z, the fixtures' signing time


def openssl_verify(p7s: bytes, content: bytes, ca: Path, chain: bool) -> bool:
    """Signature and digest; with `chain`, also the certificate chain to `ca` at the signing time."""
    with tempfile.TemporaryDirectory() as d:
        sig, data = Path(d, "s.p7s"), Path(d, "data")
        sig.write_bytes(p7s)
        data.write_bytes(content)
        r = subprocess.run(
            ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sig, "-content", data,
             "-CAfile", ca, "-purpose", "any", "-attime", ATTIME, "-out", "/dev/null"]
            + ([] if chain else ["-noverify"]),
            capture_output=True)
        return r.returncode == 0


def pdf_signatures(pdf: bytes):
    """(byte range, CMS bytes) of every signature dictionary, in file order."""
    for m in re.finditer(rb"/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]\s*/Contents <([0-9A-Fa-f]*)>", pdf):
        br = [int(x) for x in m.groups()[:4]]
        hexs = m.group(5).rstrip(b"0")
        if len(hexs) % 2:
            hexs += b"0"
        yield br, bytes.fromhex(hexs.decode())


def main() -> int:
    out = Path(sys.argv[1])
    manifest = json.loads((out / "fixtures.json").read_text())
    ca = out / manifest["trust_anchor"]
    problems, checked = [], 0
    pdfsig = shutil.which("pdfsig")
    for f in manifest["fixtures"]:
        path = out / f["file"]
        sigs = f["expect"]["signatures"]
        if f["kind"] == "cms":
            want = sigs[0]["integrity"] == "intact"
            got = openssl_verify(path.read_bytes(), (out / f["content"]).read_bytes(), ca, chain=False)
            checked += 1
            if got != want:
                problems.append(f"{f['file']}: openssl cms -verify {'passed' if got else 'failed'}, expected integrity {sigs[0]['integrity']}")
            if sigs[0]["indication"] == "TOTAL_PASSED":
                checked += 1
                if not openssl_verify(path.read_bytes(), (out / f["content"]).read_bytes(), ca, chain=True):
                    problems.append(f"{f['file']}: openssl cannot build the chain to the root, expected TOTAL_PASSED")
            continue
        pdf = path.read_bytes()
        found = list(pdf_signatures(pdf))
        for i, (br, cms) in enumerate(found):
            exact = br[0] == 0 and br[1] > 0 and pdf[br[1]:br[1] + 1] == b"<" and pdf[br[2] - 1:br[2]] == b">"
            if i >= len(sigs) or not exact or not cms:
                continue
            want = sigs[i]["integrity"] == "intact"
            signed = pdf[br[0]:br[0] + br[1]] + pdf[br[2]:br[2] + br[3]]
            if sigs[i]["signer"] == "tsa":
                continue  # a document timestamp's TSTInfo is not detached content for openssl cms
            got = openssl_verify(cms, signed, ca, chain=False)
            checked += 1
            # A byte range laid out wrongly can still sign its bytes correctly: openssl sees only those.
            if got != want and not (got and sigs[i]["sub_indication"] == "FORMAT_FAILURE"):
                problems.append(f"{f['file']} signature {i + 1}: openssl {'passed' if got else 'failed'}, expected {sigs[i]['integrity']}")
            if sigs[i]["indication"] == "TOTAL_PASSED":
                checked += 1
                if not openssl_verify(cms, signed, ca, chain=True):
                    problems.append(f"{f['file']} signature {i + 1}: openssl cannot build the chain, expected TOTAL_PASSED")
        if pdfsig:
            r = subprocess.run([pdfsig, "-nocert", path], capture_output=True, text=True)
            # pdfsig lists document timestamps but does not verify them ("not yet verified").
            states = [s for s in re.findall(r"Signature Validation: (.*)", r.stdout) if s != "Signature has not yet been verified."]
            sigs = [s for s in sigs if s["signer"] != "tsa"]
            checked += 1
            if all(s["integrity"] == "intact" for s in sigs):
                if len(states) != len(sigs) or any(s != "Signature is Valid." for s in states):
                    problems.append(f"{f['file']}: pdfsig says {states}, expected every signature valid")
            elif any(s["sub_indication"] == "HASH_FAILURE" for s in sigs):
                if "Digest Mismatch." not in states:
                    problems.append(f"{f['file']}: pdfsig says {states}, expected a digest mismatch")
    for p in problems:
        print("check-fixtures:", p, file=sys.stderr)
    print(f"check-fixtures: {checked} checks, {len(problems)} disagreements{'' if pdfsig else ' (pdfsig not installed)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
