# jit-expect-compiled: norms triples
# jit-threshold: 4
# jit-loop-threshold: 4
# jit-expect-deopts: norms
# The interpreter specialises these loops' unpacking for pairs (two-item tuples), triples and
# lists, so compiled code keeps its float locals out of the frame across them; then the loops get
# lists, an iterable whose __iter__ reads the caller's locals, pairs of the wrong size and a
# generator. Each result, and the locals the frame shows, are the interpreter's.
import sys


def norms(pairs):
    total = 0.0
    last = 0.0
    for a, b in pairs:
        square = a * a + b * b
        last = square ** 0.5
        total += last
    return total, last


def triples(rows):
    volume = 0.0
    for row in rows:
        x, y, z = row
        side = x * y
        volume += side * z
    return volume


class Peeking:
    """Unpacks to two floats; looks at its caller's locals first."""

    def __iter__(self):
        caller = sys._getframe(1).f_locals
        print("peek", caller["total"], caller.get("last"), caller.get("square"))
        return iter((3.0, 4.0))


for _ in range(6):
    print(norms([(3.0, 4.0), (6.0, 8.0)]), triples([(1.0, 2.0, 3.0), [2.0, 2.0, 2.0]]))
print(norms([[3.0, 4.0], (5.0, 12.0)]))
print(norms([(1.0, 1.0), Peeking(), (0.0, 2.0)]))
print(norms(((x, 2.0 * x) for x in (1.0, 2.0))))
try:
    norms([(3.0, 4.0), (1.0, 2.0, 3.0)])
except ValueError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print("ValueError", error, frame.f_locals["total"], frame.f_locals["last"], frame.f_locals["square"])
try:
    triples([(1.0, 2.0, 3.0), (1.0, 2.0)])
except ValueError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print("ValueError", error, frame.f_locals["volume"], frame.f_locals["side"])
print(triples([(1, 2, 3), "abc"[:0] or (2.0, 0.5, 4.0)]))
