# jit-expect-compiled: validate summarize
import sys


def validate(rows):
    bad = 0
    for r in rows:
        if len(r) != 3 or not isinstance(r[2], int):
            bad += 1
    return bad


def summarize(rows):
    total = 0
    for name, kind, qty in rows:
        total += qty
        print(name, kind, qty)
    return total


rows = [("bolt", "hw", 10), ("nut", "hw", 25), ("gear", "mech", 3)]
print("bad rows:", validate(rows))
print("total:", summarize(rows))
print("bad rows now:", validate(rows + [("x", "y", "z"), ("short",)]))
sys.stdout.flush()
sys.exit(3)
print("not reached")
