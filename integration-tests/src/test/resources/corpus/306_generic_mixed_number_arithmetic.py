# jit-expect-compiled: arithmetic compare
# jit-threshold: 1
# Compiled at their first call, before the interpreter specialised anything, these functions'
# operations are generic: floats mixed with small ints are added, subtracted, multiplied, divided
# and compared through their doubles, as Python does; large ints, bools, division by zero and NaN
# give Python's own results and errors.
import math


def arithmetic(a, b):
    results = [a + b, a - b, a * b]
    try:
        results.append(a / b)
    except ZeroDivisionError as error:
        results.append("ZeroDivisionError: %s" % error)
    except OverflowError as error:
        results.append("OverflowError: %s" % error)
    return results


def compare(a, b):
    return [a < b, a <= b, a == b, a != b, a > b, a >= b]


def show(value):
    if isinstance(value, float):
        return "%s:%r" % (type(value).__name__, value) if value == value else "float:nan"
    return "%s:%r" % (type(value).__name__, value)


small = [0, 1, -1, 7, -(2 ** 30) + 1, 2 ** 30 - 1]
large = [2 ** 30, 2 ** 53 + 1, -(2 ** 62), 10 ** 400]
floats = [0.0, -0.0, 0.5, -2.75, 1e308, float("inf"), float("-inf"), float("nan"), 9007199254740993.0]
others = [True, False]

values = small + large + floats + others
for a in values:
    for b in values:
        try:
            row = arithmetic(a, b)
        except OverflowError as error:
            row = ["OverflowError: %s" % error]
        print(show(a), show(b), " ".join(show(value) for value in row), compare(a, b))

print(arithmetic(3, 4), arithmetic(3.0, 4), arithmetic(1, 3), arithmetic(-7, 2), arithmetic(2 ** 29, 3))
print(compare(2 ** 53 + 1, 9007199254740992.0), compare(9007199254740992.0, 2 ** 53 + 1), compare(1, math.nan))
