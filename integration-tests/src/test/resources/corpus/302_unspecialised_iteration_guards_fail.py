# jit-expect-compiled: dot weighted keyed codes
# jit-threshold: 4
# jit-loop-threshold: 4
# jit-expect-deopts: dot weighted
# The interpreter leaves FOR_ITER unspecialised over zip, enumerate, dict and str iterators (ASCII
# or not); compiled code takes their next items as running no Python code, so float accumulators
# stay out of the frame across them. Then the loops get a generator, a map, an iterator whose
# __next__ reads the caller's locals, and a zip(strict=True) of unequal lengths. Each result, and
# the locals the frame shows, are the interpreter's.
import sys


def dot(xs, ys, pairs=None):
    acc = 0.0
    for x, y in pairs if pairs is not None else zip(xs, ys):
        acc += x * y
    return acc


def weighted(values):
    total = 0.0
    for i, value in enumerate(values):
        part = value * (i + 1)
        total += part
    return total


def codes(text):
    total = 0.0
    for ch in text:
        total += ord(ch) * 0.5
    return total


def keyed(table):
    total = 0.0
    for key, value in table.items():
        total += value * len(key)
    return total


class Peeking:
    """Yields two pairs; looks at its caller's locals at each step."""

    def __init__(self):
        self.left = [(1.0, 2.0), (3.0, 4.0)]

    def __iter__(self):
        return self

    def __next__(self):
        caller = sys._getframe(1).f_locals
        print("peek", caller.get("acc"), caller.get("x"))
        if not self.left:
            raise StopIteration
        return self.left.pop(0)


for _ in range(6):
    print(dot([1.0, 2.0], [3.0, 4.0]), weighted([0.5, 1.5, 2.5]), keyed({"a": 1.0, "bb": 2.0}), codes("ascii"), codes("é€"))
print(dot(None, None, ((x, 2.0) for x in (1.0, 2.0))), dot(None, None, map(lambda x: (x, x), [1.5, 2.5])))
print(dot(None, None, Peeking()))
print(weighted(reversed([1.0, 2.0])), weighted("abc"[:0]), weighted(x * 1.0 for x in range(3)))
print(dot([1.0, 2.0], (3.0, 4.0)), dot(range(3), [1.0, 2.0, 3.0]), keyed({}))
try:
    dot(None, None, zip([1.0, 2.0, 3.0], [1.0, 2.0], strict=True))
except ValueError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print("ValueError", error, frame.f_locals["acc"], frame.f_locals["x"], frame.f_locals["y"])
try:
    weighted([1.0, "x"])
except TypeError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print("TypeError", error, frame.f_locals["total"], frame.f_locals["i"], frame.f_locals["part"])
