"""Writes a deterministic mix of tax codes to stdout, one per line.

Half valid 10-digit codes, a quarter with a wrong check digit, the rest 13-digit branch codes and
malformed values. Check digits are computed here, independently of motcua, with the weights of
Circular 105/2020/TT-BTC as python-stdnum implements them. 12-digit personal IDs are left out:
python-stdnum predates their use as tax codes, so the two tools would disagree by design.
"""
import random
import sys

WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def check_digit(nine: str):
    r = sum(w * int(d) for w, d in zip(WEIGHTS, nine)) % 11
    return None if r == 0 else str((10 - r) % 10)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rng = random.Random(20261123)
    out = []
    while len(out) < n:
        nine = f"{rng.randint(1, 99):02d}{rng.randint(1, 9999999):07d}"
        cd = check_digit(nine)
        if cd is None:
            continue
        roll = rng.random()
        if roll < 0.5:
            out.append(nine + cd)
        elif roll < 0.75:
            out.append(nine + str((int(cd) + rng.randint(1, 9)) % 10))
        elif roll < 0.9:
            out.append(f"{nine}{cd}-{rng.randint(1, 999):03d}")
        else:
            out.append(rng.choice([nine, nine + cd + "1", nine[:5] + "x" + nine[6:] + cd]))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
