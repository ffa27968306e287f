"""Writes a deterministic list of calendar inputs to stdout, one `YYYY-MM-DD N` per line.

Dates are drawn uniformly from 2027-01-01 to 2034-12-31 and N (working days to add) from 1 to 30.
These years have no yearly decision in spec/calendar/civil-service.json, hence no swapped working
Saturday: numpy.busday_offset, whose week is a fixed weekmask plus a list of holidays, can then
compute the same due dates as motcua, and every due date stays within 2035.
"""
import datetime as dt
import random
import sys


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rng = random.Random(4)
    first = dt.date(2027, 1, 1).toordinal()
    last = dt.date(2034, 12, 31).toordinal()
    for _ in range(n):
        day = dt.date.fromordinal(rng.randint(first, last))
        print(f"{day.isoformat()} {rng.randint(1, 30)}")


if __name__ == "__main__":
    main()
