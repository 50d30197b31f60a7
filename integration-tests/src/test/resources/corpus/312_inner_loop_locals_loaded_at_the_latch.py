# jit-expect-compiled: row_sums weighted rewritten
# jit-threshold: 3
# jit-loop-threshold: 3
# jit-expect-deopts: rewritten
# An inner range loop entered again from an outer loop's body, after a call (range() is one),
# finds the locals it computes in the frame: compiled code loads them on its way into the inner
# loop, checked against the types inference gave them, and carries them around the inner loop
# unboxed (the accumulator copied into `total += rows[i][j] * 0.5` too). A callee that rebound
# such a local through f_locals, or a value of another type, hands the frame to the interpreter
# there; the results stay the interpreter's. (Code entered mid-frame at the inner loop's header,
# where the outer body joins the inner loop at its latch, is IrBuilderTest's
# anInnerLoopEnteredMidFrameCarriesItsAccumulatorUnboxed: here every frame enters at the call.)
import sys


def row_sums(rows, n):
    sums = []
    for i in range(len(rows)):
        total = 0.0
        for j in range(n):
            total += rows[i][j] * 0.5
        sums.append(total)
    return sums


def weighted(values, rounds):
    out = []
    for r in range(rounds):
        acc = 0
        count = 0
        for k in range(len(values)):
            acc = acc + values[k] * (r + 1)
            count += 1
        out.append((acc, count))
    return out


def rebind(name, value):
    sys._getframe(2).f_locals[name] = value
    return 3


def meddle(how):
    return rebind("total", how)


def rewritten(how, rounds):
    results = []
    for r in range(rounds):
        total = 1.5
        for j in range(meddle(how) if r == 1 else 3):
            total = total + j
        results.append(total)
    return results


rows = [[float(i * j) for j in range(6)] for i in range(4)]
for round_ in range(5):
    print(round_, row_sums(rows, 6), weighted([1, 2.5, 3], 3), weighted([1, 2, 3], 2))
print(row_sums([[1, 2, 3], [4.5, 5, 6]], 3))
print(weighted([2**62, 2**62, 7], 2), weighted([1.5, "x" * 0 or 2, 4], 2))
try:
    row_sums([[1.0, "a", 2.0]], 3)
except TypeError as error:
    print("TypeError:", error)
print(rewritten(2.5, 3), rewritten(7, 3), rewritten(10**30, 3))
try:
    print(rewritten("s", 3))
except TypeError as error:
    print("TypeError:", error)
