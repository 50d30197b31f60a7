# jit-expect-compiled: scale_sum iter_sum count_between mix divide_safely int_total compare describe acc_until_error
# jit-threshold: 5
# Python loops over NumPy arrays and NumPy scalars flowing into code that the interpreter
# specialised for Python floats and ints. Each function is compiled at its 5th call, after
# four calls with plain floats/ints (so its inline caches and the compiler's speculation say
# "float" / "int"); later calls pass np.float64, np.int64, np.float32 and np.bool_. np.float64
# is a subclass of float, so a float-specialised path that checks "is a float" and unboxes
# the double would produce a plain float where CPython produces np.float64, and would raise
# ZeroDivisionError where np.float64 gives inf/nan with a RuntimeWarning. The type and repr of
# every result is printed, so such a slip changes stdout. np.int64 is not a subclass of int, so
# int-specialised paths must leave it to the generic protocol. The last part lets a loop fail
# with IndexError part-way and prints the failed frame's locals (tb_frame.f_locals): a running
# total kept as a raw double or machine int must come back with its real type and value.
import math

import numpy as np


def scale_sum(a):
    total = 0.0
    for i in range(len(a)):
        total += a[i] * 2.0
    return total


def iter_sum(items):
    total = 0.0
    count = 0
    for x in items:
        total = total + x
        count += 1
    return total, total / count


def count_between(items, lo, hi):
    n = 0
    for x in items:
        if lo < x <= hi:
            n += 1
        elif x == hi + 1.0:
            n += 100
    return n


def mix(x, y):
    return (x * y + 1.0, x / y, x - y, x ** 2, -x, abs(x), x // y, x % y, x < y, x == y)


def divide_safely(x, y):
    try:
        q = x / y
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)
    return q


def int_total(items):
    total = 0
    for x in items:
        total += x * 3
        if total > 50:
            total -= 7
    return total


def compare(x, y):
    if x < y:
        return "lt"
    if x > y:
        return "gt"
    if x == y:
        return "eq"
    return "unordered"


def acc_until_error(a, n):
    total = 0.0
    count = 0
    for i in range(n):
        total += a[i] * 2.0
        count += 1
    return total


def locals_at_error(label, a, n):
    try:
        r = acc_until_error(a, n)
    except IndexError as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        frame_locals = tb.tb_frame.f_locals
        shown = ", ".join(k + "=" + repr(frame_locals[k]) for k in ("total", "count", "i"))
        print(label, "IndexError:", e, "| line", tb.tb_lineno, "|", shown)
    else:
        describe(label, r)


def describe(label, value):
    if isinstance(value, tuple):
        print(label, "(" + ", ".join(type(v).__name__ + ":" + repr(v) for v in value) + ")")
    else:
        print(label, type(value).__name__, repr(value))


def warm_then_numpy():
    # five warm-up calls with Python floats (compiled during the 5th), then NumPy data
    for k in range(5):
        describe("scale_sum list", scale_sum([0.5 * k, 1.25, 2.0]))
    a = np.array([0.5, 1.25, 2.0, 3.0])
    describe("scale_sum ndarray", scale_sum(a))
    describe("scale_sum int ndarray", scale_sum(np.arange(4)))
    describe("scale_sum float32", scale_sum(np.array([0.1, 0.2], dtype=np.float32)))
    describe("scale_sum list again", scale_sum([1.0, 2.0]))
    # the np.float64 turns up in the middle of a loop whose total is a float so far
    describe("scale_sum np midway", scale_sum([1.0, 2.0, np.float64(3.0), 4.0]))
    describe("scale_sum np last", scale_sum([1.0, 2.0, np.float64(0.25)]))

    for k in range(5):
        describe("iter_sum list", iter_sum([1.0, 2.0, float(k)]))
    describe("iter_sum ndarray", iter_sum(np.array([1.0, 2.0, 3.5])))
    describe("iter_sum int64", iter_sum(np.array([1, 2, 4], dtype=np.int64)))
    describe("iter_sum mixed list", iter_sum([1.0, np.float64(2.0), 3, np.int64(4)]))
    describe("iter_sum np midway", iter_sum([1.5, 2.5, np.float64(3.5), 4.5, 5.5]))
    describe("iter_sum float32 midway", iter_sum([1.5, np.float32(2.5), 4.5]))

    for k in range(5):
        describe("count_between list", count_between([0.5, 1.5, 2.5, 3.5, 4.0], 1.0, 3.0 + k))
    describe("count_between ndarray", count_between(np.linspace(0.0, 5.0, 11), 1.0, 3.0))
    describe("count_between np bounds", count_between([1.5, 4.0], np.float64(1.0), np.float64(3.0)))
    describe("count_between nan", count_between(np.array([np.nan, 2.0]), 1.0, 3.0))

    for k in range(5):
        describe("mix float", mix(7.5 + k, 2.0))
    describe("mix np.float64", mix(np.float64(7.5), np.float64(2.0)))
    describe("mix np, float", mix(np.float64(7.5), 2.0))
    describe("mix float, np", mix(7.5, np.float64(2.0)))
    describe("mix np.float32", mix(np.float32(7.5), 2.0))
    describe("mix np.int64", mix(np.int64(7), np.int64(2)))
    describe("mix float again", mix(7.5, 2.0))

    for k in range(5):
        describe("divide_safely float", divide_safely(1.0 + k, 4.0))
    describe("divide_safely float/0", divide_safely(1.0, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        describe("divide_safely np/0", divide_safely(np.float64(1.0), 0.0))
        describe("divide_safely 0/np0", divide_safely(0.0, np.float64(0.0)))
        describe("divide_safely np int/0", divide_safely(np.int64(3), 0))
    # default errstate: a RuntimeWarning on stderr naming the line of divide_safely
    describe("divide_safely np/0 warns", divide_safely(np.float64(-1.0), 0.0))

    for k in range(5):
        describe("int_total list", int_total([1, 2, 3, k]))
    describe("int_total ndarray", int_total(np.arange(10)))
    describe("int_total bools", int_total(np.array([True, False, True])))
    describe("int_total big", int_total([10 ** 20, 1]))

    for k in range(5):
        describe("compare float", compare(1.0 * k, 2.0))
    for x, y in [(np.float64(1.0), 2.0), (2.0, np.float64(1.0)), (np.float64(2.0), np.int64(2)),
                 (np.float64("nan"), 1.0), (float("nan"), np.float64(1.0)), (np.int64(3), 3.0),
                 (np.float32(0.1), 0.1), (np.bool_(True), 1.0), (np.int64(2 ** 53 + 1), float(2 ** 53))]:
        describe("compare " + type(x).__name__ + "/" + type(y).__name__, compare(x, y))


def scalar_conversions():
    f = np.float64(2.5)
    i = np.int64(-7)
    describe("float()", float(f))
    describe("int()", int(f))
    describe("int(np.int64)", int(i))
    describe("round", round(f))
    describe("round 2", round(np.float64(2.675), 2))
    describe("math.floor", math.floor(f))
    describe("math.sqrt", math.sqrt(f))
    describe("math.sqrt int64", math.sqrt(np.int64(16)))
    describe("isinstance float", isinstance(f, float))
    describe("isinstance int", isinstance(i, int))
    describe("f.item()", f.item())
    describe("i.item()", i.item())
    describe("hash equal", hash(f) == hash(2.5))
    describe("str", str(f) + " " + str(i) + " " + f"{f:.3f} {i:+d} {f!r}")
    describe("index", [10, 20, 30][np.int64(1)])
    describe("range", list(range(np.int64(3))))
    describe("divmod", divmod(np.float64(7.5), 2))
    describe("pow int", np.int64(3) ** 2)
    describe("truediv int", np.int64(7) / np.int64(2))
    describe("python + np", 1 + np.float64(0.5))
    describe("python int + np.int64", 1 + np.int64(5))
    describe("bool", (bool(np.float64(0.0)), bool(np.int64(3)), not np.bool_(False)))


def main():
    warm_then_numpy()
    for k in range(5):
        locals_at_error("locals list ok", [1.0, 2.0, 0.25 * k], 3)
    locals_at_error("locals list short", [1.0, 2.0, 3.0], 5)
    locals_at_error("locals ndarray short", np.array([1.0, 2.0, 3.0]), 5)
    locals_at_error("locals np midway", [1.0, np.float64(2.0), 3.0], 4)
    locals_at_error("locals int64 array", np.array([1, 2], dtype=np.int64), 3)
    scalar_conversions()


main()
