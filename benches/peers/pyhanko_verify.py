"""pyHanko's in-process validation of one signed PDF, timed: the pyHanko side of
benches/run-signature-peers.sh.

Usage: PYTHON pyhanko_verify.py FILE ROOT.pem INTERMEDIATE.pem TIME RUNS
  PYTHON  the python `scripts/setup-peers` prints (pyHanko importable)
  TIME    the validation time, RFC 3339 (the forge's 2026-03-05T02:30:15Z)

Each run does what tests/signature/peers.py does for a file, in this one Python process: open
the file, read it with PdfFileReader, and validate every embedded signature with
async_validate_pdf_signature (integrity, signer's certificate chain to ROOT at TIME; no fetching).
One run first (imports and caches warm), then RUNS timed runs. Prints one JSON line
{"tool", "file", "bytes", "runs", "median_ms", "min_ms", "mean_ms", "intact", "valid", "trusted"};
exits 1 unless every signature is intact, valid and trusted (the bench times a passing
validation only).
"""

import asyncio
import datetime
import json
import logging
import os
import statistics
import sys
import time

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

logging.disable(logging.WARNING)


def main() -> int:
    path, root, intermediate, at, runs = sys.argv[1:6]
    moment = datetime.datetime.fromisoformat(at.replace("Z", "+00:00"))
    roots, others = [load_cert_from_pemder(root)], [load_cert_from_pemder(intermediate)]

    async def validate():
        statuses = []
        with open(path, "rb") as f:
            for s in PdfFileReader(f, strict=False).embedded_signatures:
                context = ValidationContext(trust_roots=roots, other_certs=others, moment=moment,
                                            allow_fetching=False, revocation_mode="soft-fail")
                statuses.append(await async_validate_pdf_signature(s, signer_validation_context=context))
        return statuses

    statuses = asyncio.run(validate())
    times = []
    for _ in range(int(runs)):
        start = time.perf_counter()
        asyncio.run(validate())
        times.append((time.perf_counter() - start) * 1e3)
    ok = bool(statuses)
    print(json.dumps({
        "tool": "pyhanko", "file": path, "bytes": os.path.getsize(path), "runs": len(times),
        "median_ms": round(statistics.median(times), 3), "min_ms": round(min(times), 3),
        "mean_ms": round(statistics.fmean(times), 3),
        "intact": ok and all(s.intact for s in statuses), "valid": ok and all(s.valid for s in statuses),
        "trusted": ok and all(s.trusted for s in statuses),
    }))
    return 0 if ok and all(s.intact and s.valid and s.trusted for s in statuses) else 1


if __name__ == "__main__":
    sys.exit(main())
