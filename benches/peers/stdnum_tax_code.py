"""python-stdnum's Vietnamese tax-code check over a file of codes, one per line.

The peer side of benches/run-peers.sh. Prints the same JSON line as the motcua side.
"""
import json
import sys
import time

from stdnum.vn import mst

MEASURE = 2.0


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        codes = [line.rstrip("\n") for line in f if line.strip()]
    is_valid = mst.is_valid
    valid = sum(1 for c in codes if is_valid(c))
    checks = 0
    start = time.perf_counter()
    while time.perf_counter() - start < MEASURE:
        for c in codes:
            is_valid(c)
        checks += len(codes)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "tool": "python-stdnum",
        "codes": len(codes),
        "valid": valid,
        "checks": checks,
        "seconds": round(seconds, 3),
        "per_second": round(checks / seconds),
        "ns_per_check": round(seconds * 1e9 / checks, 2),
    }))


if __name__ == "__main__":
    main()
