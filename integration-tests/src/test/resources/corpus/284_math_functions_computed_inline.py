# jit-expect-compiled: norm waves from_import growth logs
# jit-expect-deopts: norm from_import growth logs
# jit-threshold: 5
# jit-loop-threshold: 3
# Calls of the math module's functions on floats and ints are computed by compiled code itself;
# every case where CPython raises, or where the name no longer means the math function, goes back
# to the interpreter, which gives its own result, exception and traceback.
import math
from math import sqrt, atan


def norm(xs):
    total = 0.0
    for x in xs:
        total += math.sqrt(x * x + 1.0) + math.fabs(x)
    return total


def waves(n):
    acc = 0.0
    for i in range(n):
        t = i * 0.25
        acc += math.sin(t) * math.cos(t) - math.tan(t / 8.0) + math.atan(t)
    return acc


def from_import(values):
    return [sqrt(v) + atan(v) for v in values]


def growth(values):
    return [math.exp(v) for v in values]


def logs(values):
    return [math.log(v) for v in values]


for round_ in range(8):
    print(round_, norm([0.5, -1.5, 2.0 * round_]), waves(10 + round_), from_import([1.0, 4.0, round_]),
          growth([0.0, 1.5, -round_]), logs([1.0, 10.0, round_ + 1]))

# an int beyond 64 bits, infinities and NaNs, and where CPython raises
print(from_import([2**70, 10**30, 3]), growth([float("-inf"), -1000.0]), logs([float("inf"), 2**64 + 1]))
print([repr(x) for x in from_import([float("nan")])], [repr(x) for x in growth([float("nan")])])
for bad in ([-1.0], [-2], [710.0], [0.0], [0], [-3.5]):
    for f in (norm, from_import, growth, logs):
        try:
            print(f.__name__, bad, f(bad))
        except (ValueError, OverflowError, TypeError) as error:
            print(f.__name__, bad, type(error).__name__, error)
try:
    from_import(["4"])
except TypeError as error:
    print("str:", error)
try:
    waves_inf = math.sin(float("inf"))
except ValueError as error:
    print("sin(inf):", error)

# the names are rebound: to a Python function, to another module's function, and back
real_sqrt = math.sqrt
math.sqrt = lambda x: -x
print(norm([3.0, 4.0]))
math.sqrt = real_sqrt
print(norm([3.0, 4.0]))
sqrt = math.cos
print(from_import([0.0, 1.0]))
import cmath
sqrt = cmath.sqrt
print(from_import([4.0, -4.0]))
del sqrt
try:
    from_import([1.0])
except NameError as error:
    print("gone:", error)


def traceback_line():
    return logs([5.0, -5.0])


traceback_line()
