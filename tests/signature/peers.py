#!/usr/bin/env python3
"""motcua's signature verdicts against pyHanko's and poppler's pdfsig's (issue 6 point 9).

Usage: PYTHON peers.py FIXTURES_DIR MOTCUA [CORPUS_DIR] [--print]
  PYTHON        the python `scripts/setup-peers` prints (pyHanko importable)
  FIXTURES_DIR  as written by `motcua-forge FIXTURES_DIR`
  MOTCUA        the motcua command
  CORPUS_DIR    default ../shared/corpus beside the checkout; skipped, saying so, when absent
  --print       print every difference found, one JSON object a line, and exit 0

Each tool judges every signature of every forge fixture (PDFs, and .p7s for pyHanko) and of every
corpus PDF; each verdict is put in the dimensions of spec/signature/peers.md (integrity,
modification, chain, overall) and every difference from motcua is looked up in
spec/signature/peers-differences.json. Exit 1 when a difference is not listed there, or a listed
one no longer occurs (for the sources that ran), so that the list stays true.
"""
import asyncio
import datetime
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from asn1crypto import cms
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import async_validate_pdf_signature, async_validate_pdf_timestamp
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

REPO = Path(__file__).resolve().parents[2]
DIFFERENCES = REPO / "spec/signature/peers-differences.json"
ALL = ("integrity", "modification", "chain", "overall")
KEY = ("file", "signature", "tool", "dimension", "motcua", "peer")
# EN 319 102-1 §5.1.3 sub-indications that say the signer's chain is not trusted.
CHAIN_SUB_INDICATIONS = {
    "NO_CERTIFICATE_CHAIN_FOUND", "CHAIN_CONSTRAINTS_FAILURE", "REVOKED", "REVOKED_NO_POE",
    "EXPIRED", "NOT_YET_VALID", "OUT_OF_BOUNDS_NO_POE", "NO_SIGNING_CERTIFICATE_FOUND",
}
# pdfsig's "Signature Validation:" lines; "Unknown Validation Failure." is poppler's
# SIGNATURE_GENERIC_ERROR (it could not verify), so no verdict.
PDFSIG_INTEGRITY = {
    "Signature is Valid.": "intact",
    "Signature is Invalid.": "broken",
    "Digest Mismatch.": "broken",
    "Document isn't signed or corrupted data.": "broken",
}


def verdict(integrity=None, modification=None, chain=None, ok=False, error=None) -> dict:
    v = {"integrity": integrity, "modification": modification, "chain": chain,
         "overall": "pass" if ok else "fail"}
    if error:
        v["error"] = error
    return v


def error_text(e) -> str:
    return f"{type(e).__name__}: {str(e).splitlines()[0][:160] if str(e) else ''}"


# ---------------------------------------------------------------- motcua


def motcua_signature(s: dict) -> dict:
    intact = s["integrity"] == "intact"
    untrusted = (any(f["severity"] == "error" for f in s["certificate_findings"])
                 or s["sub_indication"] in CHAIN_SUB_INDICATIONS)
    return verdict(s["integrity"], (s["modified_after_signing"] or {}).get("status"),
                   ("untrusted" if untrusted else "trusted") if intact else None,
                   s["indication"] == "TOTAL_PASSED")


def motcua(cmd: str, files: list, options: list) -> dict:
    """file -> {field: verdict}, or {"*": refusal} for a refused file, from one run of the CLI."""
    r = subprocess.run([cmd, "verify", "--json", *options, *map(str, files)], capture_output=True, text=True)
    if r.returncode not in (0, 1, 2) or not r.stdout:
        sys.exit(f"peers: motcua failed ({r.returncode}): {r.stderr}")
    out = {}
    for line in r.stdout.splitlines():
        rep = json.loads(line)
        if "input_error" in rep:
            out[rep["file"]] = {"*": rep["input_error"]["code"]}
        else:
            out[rep["file"]] = {s["field"]: motcua_signature(s) for s in rep["signatures"]}
    return out


# ---------------------------------------------------------------- pyHanko


def pyhanko_chain(st) -> str:
    return "trusted" if st.validation_path is not None and st.trust_problem_indic is None else "untrusted"


def pyhanko_pdf_status(st, document_timestamp: bool) -> dict:
    """A pyHanko PDF status in the dimensions. pyHanko reports the /ByteRange layout as its
    coverage: a range that is not a whole revision less its /Contents (UNCLEAR,
    CONTIGUOUS_BLOCK_FROM_START) is what motcua calls broken integrity (peers.md)."""
    layout = st.coverage is not None and st.coverage >= SignatureCoverageLevel.ENTIRE_REVISION
    if not (st.intact and st.valid and layout):
        return verdict("broken", error=error_text(st.diff_result) if isinstance(st.diff_result, Exception) else None)
    level = st.modification_level
    if st.coverage == SignatureCoverageLevel.ENTIRE_FILE or level == ModificationLevel.NONE:
        modification = "none"
    elif level is None:
        modification = None
    elif level == ModificationLevel.OTHER or st.docmdp_ok is False:
        modification = "disallowed"
    else:
        modification = "allowed"
    chain = pyhanko_chain(st)
    ok = (chain == "trusted" and modification != "disallowed") if document_timestamp else st.bottom_line
    error = error_text(st.diff_result) if isinstance(st.diff_result, Exception) else None
    return verdict("intact", modification, chain, ok, error)


class PyHanko:
    """pyHanko's in-process validation, in this one Python process."""

    def __init__(self, roots: list, others: list, moment: datetime.datetime | None):
        self.roots, self.others, self.moment = roots, others, moment

    def context(self) -> ValidationContext:
        return ValidationContext(trust_roots=self.roots, other_certs=self.others, moment=self.moment,
                                 allow_fetching=False, revocation_mode="soft-fail")

    async def pdf(self, path: Path) -> dict:
        out = {}
        with open(path, "rb") as f:
            for s in PdfFileReader(f, strict=False).embedded_signatures:
                try:
                    if s.sig_object_type == "/DocTimeStamp":
                        st = await async_validate_pdf_timestamp(s, validation_context=self.context())
                    else:
                        st = await async_validate_pdf_signature(s, signer_validation_context=self.context())
                    out[s.field_name] = pyhanko_pdf_status(st, s.sig_object_type == "/DocTimeStamp")
                except Exception as e:  # pyHanko refuses this signature; its reason is kept
                    out[s.field_name] = verdict(error=error_text(e))
        return out

    async def detached(self, p7s: Path, content: Path) -> dict:
        signed_data = cms.ContentInfo.load(p7s.read_bytes())["content"]
        st = await async_validate_detached_cms(content.read_bytes(), signed_data,
                                               signer_validation_context=self.context())
        intact = st.intact and st.valid
        return {"cms": verdict("intact" if intact else "broken", None,
                               pyhanko_chain(st) if intact else None, st.bottom_line)}

    def run(self, coro) -> dict:
        try:
            return asyncio.run(coro)
        except Exception as e:  # pyHanko cannot read the file at all
            return {"*": error_text(e)}


# ---------------------------------------------------------------- pdfsig


class Pdfsig:
    """poppler's pdfsig, one run per file. With trust anchors, it validates certificates against
    an NSS database trusting them for S/MIME (the usage pdfsig asks for), run under faketime at
    the validation time (pdfsig has no option for it). OCSP stays on: poppler 22.12 answers
    "Unknown issue" for every certificate with -no-ocsp, and the forge's certificates name no
    responder, so nothing is fetched. Without anchors, -nocert."""

    def __init__(self, workdir: Path, roots: list, intermediates: list, at: str | None):
        self.prefix = ["pdfsig", "-nocert"]
        if roots:
            db = f"sql:{workdir}"
            subprocess.run(["certutil", "-N", "-d", db, "--empty-password"], check=True, capture_output=True)
            for i, (pem, trust) in enumerate([(r, "C,C,C") for r in roots] + [(c, ",,") for c in intermediates]):
                subprocess.run(["certutil", "-A", "-d", db, "-n", f"cert{i}", "-t", trust, "-i", str(pem)],
                               check=True, capture_output=True)
            moment = datetime.datetime.fromisoformat(at.replace("Z", "+00:00"))
            self.prefix = ["faketime", moment.strftime("%Y-%m-%d %H:%M:%S"), "pdfsig", "-nssdir", db]

    def run(self, path: Path) -> dict:
        try:
            r = subprocess.run(self.prefix + [str(path)], capture_output=True, text=True, timeout=60,
                               env={**os.environ, "TZ": "UTC"})
        except subprocess.TimeoutExpired:
            return {"*": "timeout"}
        blocks = re.split(r"^Signature #\d+:\n", r.stdout, flags=re.M)[1:]
        if r.returncode != 0 and not blocks and "does not contain any signatures" not in r.stdout:
            return {"*": (r.stderr.strip().splitlines() or [f"exit {r.returncode}"])[-1]}
        out = {}
        for b in blocks:
            field = re.search(r"- Signature Field Name: (.*)", b)
            state = re.search(r"- Signature Validation: (.*)", b)
            if not field or not state or state.group(1) == "Signature has not yet been verified.":
                continue  # a document timestamp: pdfsig lists it without verifying it (peers.md)
            integrity = PDFSIG_INTEGRITY.get(state.group(1))
            if integrity != "intact":
                out[field.group(1)] = verdict(integrity, error=state.group(1))
                continue
            # pdfsig says only whether the signature reaches the end of the file.
            modification = "none" if "- Total document signed" in b else "changed"
            cert = re.search(r"- Certificate Validation: (.*)", b)
            chain = None
            if cert and self.prefix[0] == "faketime":
                chain = "trusted" if cert.group(1) == "Certificate is Trusted." else "untrusted"
            out[field.group(1)] = verdict(integrity, modification, chain, chain == "trusted")
        return out


# ---------------------------------------------------------------- comparison


def agree(dimension: str, ours, theirs) -> bool:
    if dimension == "modification" and theirs == "changed":  # pdfsig's "Not total document signed"
        return ours in ("allowed", "disallowed")
    return ours == theirs


def pairs(ours: dict, theirs: dict) -> list:
    """(name, motcua's verdict, the peer's) by field name; one field left on each side is the same
    signature under another name (an encrypted file's names, which motcua shows as stored)."""
    names = sorted(set(ours) | set(theirs))
    only_ours = [n for n in names if n not in theirs]
    only_theirs = [n for n in names if n not in ours]
    if len(only_ours) == 1 and len(only_theirs) == 1:
        names.remove(only_ours[0])
        return ([(n, ours.get(n), theirs.get(n)) for n in names if n != only_theirs[0]]
                + [(only_theirs[0], ours[only_ours[0]], theirs[only_theirs[0]])])
    return [(n, ours.get(n), theirs.get(n)) for n in names]


def compare(name: str, ours: dict, peers: dict, dimensions: tuple) -> list:
    """Every difference between motcua's verdicts on one file and each peer's."""
    found = []

    def add(signature, tool, dimension, m, p, error=None):
        d = dict(zip(KEY, (name, signature, tool, dimension, m, p)))
        if error:
            d["peer_says"] = error
        found.append(d)

    for tool, theirs in peers.items():
        if "*" in ours or "*" in theirs:  # a tool that refuses the whole file
            if ("*" in ours) != ("*" in theirs):
                add("*", tool, "readable", "refused" if "*" in ours else "read",
                    "refused" if "*" in theirs else "read", theirs.get("*"))
            continue
        for field, m, p in pairs(ours, theirs):
            if p is None and tool == "pdfsig" and m is not None:
                continue  # a document timestamp, which pdfsig does not verify
            if m is None or p is None:
                add(field, tool, "present", "yes" if m else "no", "yes" if p else "no")
                continue
            for d in dimensions:
                # What changed after signing, and who signed, are asked of intact signatures only.
                if d in ("modification", "chain") and not m["integrity"] == p["integrity"] == "intact":
                    continue
                if not agree(d, m[d], p[d]):
                    add(field, tool, d, m[d], p[d], p.get("error"))
    return found


# ---------------------------------------------------------------- sources


def forge(fixtures: Path, cmd: str, workdir: Path) -> tuple:
    """Every fixture, trusting the test root at the fixtures' validation time: every dimension."""
    manifest = json.loads((fixtures / "fixtures.json").read_text())
    root = fixtures / manifest["trust_anchor"]
    inters = [fixtures / i for i in manifest["intermediates"]]
    at = manifest["validation_time"]
    options = ["--trust", str(root), "--at", at] + [a for i in inters for a in ("--intermediate", str(i))]
    pyhanko = PyHanko([load_cert_from_pemder(str(root))], [load_cert_from_pemder(str(i)) for i in inters],
                      datetime.datetime.fromisoformat(at.replace("Z", "+00:00")))
    pdfsig = Pdfsig(workdir, [root], inters, at)
    entries = manifest["fixtures"]
    pdfs = [fixtures / f["file"] for f in entries if f["kind"] == "pdf"]
    ours = motcua(cmd, pdfs, options)
    found, signatures = [], sum(len(v) for v in ours.values())
    for p in pdfs:
        found += compare(f"fixtures/{p.name}", ours[str(p)],
                         {"pyhanko": pyhanko.run(pyhanko.pdf(p)), "pdfsig": pdfsig.run(p)}, ALL)
    for f in (f for f in entries if f["kind"] == "cms"):
        p7s, content = fixtures / f["file"], fixtures / f["content"]
        mine = motcua(cmd, [p7s], options + ["--content", str(content)])[str(p7s)]
        mine = {"cms": v for v in mine.values()} if "*" not in mine else mine
        signatures += len(mine)
        found += compare(f"fixtures/{p7s.name}", mine,
                         {"pyhanko": pyhanko.run(pyhanko.detached(p7s, content))},
                         ("integrity", "chain", "overall"))
    return len(entries), signatures, found


def corpus(folder: Path, cmd: str, workdir: Path) -> tuple:
    """Every corpus PDF without trust anchors (its roots are not available): integrity and
    modification only."""
    rows = [line.split("\t")[0] for line in (folder / "MANIFEST.tsv").read_text().splitlines()[1:]]
    pdfs = [folder / r for r in rows if r.startswith("pdf/")]
    ours = motcua(cmd, pdfs, [])
    pyhanko, pdfsig = PyHanko([], [], None), Pdfsig(workdir, [], [], None)
    found = []
    for p in pdfs:
        found += compare(f"corpus/{p.relative_to(folder)}", ours[str(p)],
                         {"pyhanko": pyhanko.run(pyhanko.pdf(p)), "pdfsig": pdfsig.run(p)},
                         ("integrity", "modification"))
    return len(pdfs), sum(len(v) for v in ours.values()), found


def check(found: list, ran: set) -> list:
    listed = json.loads(DIFFERENCES.read_text())
    expected = {tuple(d[k] for k in KEY): d for d in listed["differences"] if d["file"].split("/")[0] in ran}
    seen = {tuple(d[k] for k in KEY): d for d in found}
    problems = [f"not explained in {DIFFERENCES.name}: {json.dumps(d, ensure_ascii=False)}"
                for k, d in seen.items() if k not in expected]
    problems += [f"listed but no longer found: {json.dumps({x: d[x] for x in KEY}, ensure_ascii=False)}"
                 for k, d in expected.items() if k not in seen]
    problems += [f"{d['file']}: reason {d.get('reason')!r} is not among the reasons"
                 for d in expected.values() if d.get("reason") not in listed["reasons"]]
    return problems


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--print"]
    if len(args) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    logging.disable(logging.CRITICAL)  # pyHanko logs each refusal; its reason is kept instead
    fixtures, cmd = Path(args[0]), args[1]
    corpus_dir = Path(args[2]) if len(args) == 3 else REPO.parent / "shared/corpus"
    with tempfile.TemporaryDirectory() as work:
        files, signatures, found = forge(fixtures, cmd, Path(work))
        ran = {"fixtures"}
        if (corpus_dir / "MANIFEST.tsv").is_file():
            f, s, d = corpus(corpus_dir, cmd, Path(work))
            files, signatures, found, ran = files + f, signatures + s, found + d, ran | {"corpus"}
        else:
            print(f"peers: SKIPPED the corpus: no {corpus_dir / 'MANIFEST.tsv'}")
    if "--print" in sys.argv:
        for d in found:
            print(json.dumps(d, ensure_ascii=False))
        return 0
    problems = check(found, ran)
    for p in problems:
        print("peers:", p, file=sys.stderr)
    print(f"peers: {files} files ({', '.join(sorted(ran))}), {signatures} signatures, "
          f"{len(found)} differences from pyHanko and pdfsig, {len(problems)} unexplained or stale")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
