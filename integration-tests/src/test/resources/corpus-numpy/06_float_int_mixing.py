# jit-expect-compiled: kinds arithmetic_types comparisons sort_mixed math_on_scalars int64_overflow containers newton main
# np.float64 / np.int64 mixed with Python floats and ints in compiled code: the type and repr
# of each arithmetic result (np.float64 is a float subclass and wins over float; np.int64
# is not an int subclass), float()/int() conversions, comparisons and chained comparisons,
# sorted()/min()/max()/sum() over lists mixing Python and NumPy numbers, math functions on
# NumPy scalars, np.int64 overflow (scalar: wraps with a RuntimeWarning on stderr; array:
# wraps silently), NumPy scalars as dict keys and set members (hash equal to the Python
# number), and a Newton iteration whose locals start as Python floats and turn into np.float64.
import math

import numpy as np


def kinds(values):
    return " ".join(type(v).__name__ for v in values)


def arithmetic_types():
    f, g = np.float64(1.5), 2.25
    i, j = np.int64(7), 3
    cases = [
        ("f+g", f + g), ("g+f", g + f), ("f*j", f * j), ("j*f", j * f), ("i+j", i + j),
        ("j-i", j - i), ("i/j", i / j), ("i//j", i // j), ("i%j", i % j), ("-i%j", -i % j),
        ("i*g", i * g), ("g**i", g ** i), ("i**j", i ** j), ("f**0.5", f ** 0.5),
        ("True+i", True + i), ("i+np.float32", i + np.float32(0.5)), ("f//j", f // j),
        ("abs(-f)", abs(-f)), ("+i", +i), ("i<<2", i << 2), ("i&5", i & 5), ("~i", ~i),
        ("round(f,1)", round(f, 1)), ("divmod(i,j)", divmod(i, j)),
    ]
    for label, value in cases:
        print(label, type(value).__name__, repr(value))
    print("kinds", kinds([f + 1, 1 + f, f + 1.0, i + 1, i + 1.0, float(f), int(i), f.real, i.real]))
    print("float(np.float64)", repr(float(np.float64(0.1))), float(np.float64(0.1)) == 0.1)
    print("float(np.int64)", repr(float(np.int64(2) ** 60)))
    print("int(np.float64)", repr(int(np.float64(-3.99))), repr(int(np.float64(1e20))))
    print("int(np.int64)", repr(int(np.int64(-2 ** 63))), type(int(np.int64(5))).__name__)
    print("repr/str", repr(np.float64(0.1) + np.float64(0.2)), str(np.float64(0.1) + 0.2),
          repr(np.float64(1e-7)), repr(np.float64(123456789.0) * 1e10), repr(np.float64(-0.0)))
    print("format", f"{np.float64(2) / 3:.4f}", f"{np.int64(42):05d}", "%.2e" % np.float64(12345.678),
          "{:>8}".format(np.int64(-5)), format(np.float64(0.5), "%"))
    print("is_integer", np.float64(3.0).is_integer(), np.float64(3.5).as_integer_ratio())


def comparisons():
    pairs = [(np.float64(1.0), 1), (np.float64(0.1), 0.1), (np.int64(3), 3.0), (np.float64(2.5), np.int64(2)),
             (np.float64("inf"), 10 ** 300), (np.int64(2 ** 53 + 1), 2 ** 53 + 1), (np.float32(0.5), 0.5)]
    for a, b in pairs:
        print(type(a).__name__, type(b).__name__, a == b, a != b, a < b, a >= b, type(a == b).__name__)
    x = np.float64(5.0)
    print("chained", 1 < x < 10, 1 < x <= 5.0 < np.int64(6), 0 < x > 7)
    print("max/min", repr(max(1, np.float64(2.5), 2)), repr(min(np.int64(3), 3.0)), repr(min(3.0, np.int64(3))))
    n = 0
    for v in [0.5, np.float64(1.5), 2, np.int64(3), np.float32(4.5)]:
        if v > 1:
            n += 1
        if v == 2:
            n += 10
        if v:
            n += 100
    print("n", n)


def sort_mixed():
    items = [3.5, np.float64(1.25), 2, np.int64(-4), np.float32(0.75), 2.0, np.float64(2.0), True, -0.5]
    s = sorted(items)
    print("sorted", [repr(v) for v in s])
    print("sorted kinds", kinds(s))
    r = sorted(items, key=lambda v: -v, reverse=False)
    print("by key", [repr(v) for v in r])
    print("sum", repr(sum(items)), repr(sum([1, np.int64(2), 3])), repr(math.fsum(items)))
    print("max", repr(max(items)), "min", repr(min(items)))
    items.sort(key=abs)
    print("sorted by abs", [repr(v) for v in items])
    uniq = sorted(set([1.0, np.float64(1.0), 1, np.int64(1), np.float64(2.0), 2]))
    print("set", len(uniq), [repr(v) for v in uniq])


def math_on_scalars():
    f = np.float64(2.0)
    i = np.int64(9)
    print(repr(math.sqrt(f)), repr(math.sqrt(i)), repr(math.exp(f)), repr(math.log(i, 3)))
    print(repr(math.floor(np.float64(-1.5))), repr(math.ceil(np.float64(1.2))), repr(math.trunc(np.float64(-2.7))))
    print(repr(math.isclose(np.float64(0.1) * 3, 0.3)), repr(math.hypot(np.float64(3), np.int64(4))))
    print(repr(math.gcd(np.int64(12), 18)), repr(math.factorial(np.int64(5))), repr(math.isnan(np.float64("nan"))))
    print(repr(math.copysign(1.0, np.float64(-0.0))), repr(math.fmod(np.float64(7.5), 2)), repr(math.pow(f, 10)))
    print(repr(pow(np.int64(3), 4)), repr(pow(3, np.int64(4))))
    try:
        pow(np.int64(3), 4, 5)
    except TypeError as e:
        print("TypeError:", e)


def int64_overflow():
    big = np.int64(2 ** 62)
    r = big * 4
    print("scalar overflow", type(r).__name__, repr(r))
    r2 = np.int64(2 ** 63 - 1) + 1
    print("add overflow", repr(r2))
    with np.errstate(over="ignore"):
        r3 = -np.int64(-2 ** 63)
        print("neg overflow", repr(r3))
    a = np.array([2 ** 62, 2 ** 63 - 1], dtype=np.int64)
    print("array wraps", a * 2, a + 1)
    print("python int does not", 2 ** 62 * 4, int(big) * 4)
    acc = np.int64(1)
    for _ in range(70):
        acc = acc * 2 if acc != 0 else acc
    print("loop", repr(acc))
    with np.errstate(over="raise"):
        try:
            np.int64(2 ** 62) * 8
        except FloatingPointError as e:
            print("FloatingPointError:", e)
    try:
        np.int64(1) + 2 ** 64
    except OverflowError as e:
        print("OverflowError:", e)
    print("uint8", repr(np.array([250], dtype=np.uint8) + 10), repr(np.uint8(250) + np.uint8(10)))


def containers():
    d = {1.5: "float key", 2: "int key"}
    print(d[np.float64(1.5)], d[np.int64(2)], np.float64(2.0) in d, np.int64(3) in d)
    d[np.float64(1.5)] = "replaced"
    print(len(d), d[1.5], repr(list(d)[0]))
    s = {np.float64(0.5), 0.5, np.float32(0.5)}
    print(len(s))
    print([1, 2, 3].index(np.int64(2)), (np.float64(3.0),).count(3), np.float64(2.0) in [1, 2, 3])
    print("key types", kinds(d), kinds(list(s)))


def newton(v, x):
    # Newton's method for sqrt(v); x's type decides the result's type
    for _ in range(30):
        nx = 0.5 * (x + v / x)
        if abs(nx - x) < 1e-15 * abs(nx):
            x = nx
            break
        x = nx
    return x


def main():
    arithmetic_types()
    comparisons()
    sort_mixed()
    math_on_scalars()
    int64_overflow()
    containers()
    for v, x0 in [(2.0, 1.0), (np.float64(2.0), 1.0), (2.0, np.float64(1.0)), (2, 1), (np.int64(10), 3),
                  (np.float32(2.0), 1.0)]:
        r = newton(v, x0)
        print("newton", type(v).__name__, type(x0).__name__, "->", type(r).__name__, repr(r))


main()
