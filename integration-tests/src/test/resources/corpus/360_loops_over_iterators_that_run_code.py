# jit-expect-compiled: over_generator over_map scaled_sum meddled ended_meddled lines_total raising_midway nested numbered zipped meddled_enumerate meddled_zip
# jit-threshold: 5
# jit-loop-threshold: 5
# jit-expect-no-deopts: over_map scaled_sum lines_total raising_midway nested numbered zipped
# jit-expect-deopts: meddled ended_meddled meddled_enumerate meddled_zip
# Loops whose FOR_ITER the interpreter left unspecialised, over iterators whose next item runs
# Python code (a map or filter of lambdas, a file-like object, an iterator class): compiled code
# takes their items the generic way with its locals written to the frame, and goes on natively.
# So do `for i, x in enumerate(...)` and `for a, b in zip(...)` over such iterators. An iterator
# that rewrites its caller's local through frame.f_locals hands the frame over: after the FOR_ITER
# with the item (or the pair) it gave, or, where it ended, so that the interpreter leaves the loop.
import io
import sys


def numbers(n):
    for i in range(n):
        yield i * 0.5


def over_generator(n):
    total = 0.0
    count = 0
    for x in numbers(n):
        total += x * 1.5
        count += 1
    return total, count


def over_map(items):
    acc = 0
    for y in map(lambda v: v * 3, items):
        acc += y
        if acc > 10**6:
            acc -= 10**6
    return acc


def scaled_sum(items, scale):
    s = 0.0
    for v in filter(lambda w: w % 3, items):
        s += v * scale
    return s


class Meddler:
    """An iterator that rewrites its caller's local `total` through frame.f_locals at item `at`."""

    def __init__(self, n, at, value):
        self.i = 0
        self.n = n
        self.at = at
        self.value = value

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == self.at:
            sys._getframe(1).f_locals["total"] = self.value
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


def meddled(n, at):
    total = 0.0
    for k in Meddler(n, at, 1000.0):
        total += k * 0.25
    return total


def ended_meddled(n):
    total = 0.0
    last = -1
    for k in Meddler(n, n, -7.5):
        total += k * 0.25
        last = k
    return total, last


def lines_total(text):
    width = 0
    for line in io.StringIO(text):
        width += len(line) * 2
    return width


for r in range(8):
    print(over_generator(50 + r), over_map(list(range(r * 10))), scaled_sum(list(range(30 + r)), 0.5))
    print(meddled(10, r), meddled(5, 7), ended_meddled(r))
    print(lines_total("ab\ncde\n" * (r + 1) + "x"))


class Failing:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > self.n:
            raise KeyError(self.i)
        return self.i * 1.25


def raising_midway(n):
    total = 0.0
    try:
        for x in Failing(n):
            total += x
    except KeyError as error:
        return total, error.args
    return total, None


def nested(rows):
    grand = 0
    for row in map(list, rows):
        for cell in map(abs, row):
            grand += cell * 2
    return grand


for r in range(8):
    print(raising_midway(r), nested([[-r, 2], [3, -4 * r]]))


def numbered(text):
    weighted = 0.0
    for number, line in enumerate(io.StringIO(text), 1):
        weighted += number * len(line) * 0.5
    return weighted


def zipped(n):
    total = 0
    for a, b in zip(numbers(n), range(100, 100 + n - 2)):
        total += int(a * 2) * b
    return total


def meddled_enumerate(n, at):
    total = 0.0
    for i, k in enumerate(Meddler(n, at, 500.0)):
        total += i * k * 0.5
    return total


def meddled_zip(n, at):
    total = 0.0
    for a, b in zip(Meddler(n, at, -3.0), [2.0] * (n + 3)):
        total += a * b
    return total


for r in range(8):
    print(numbered("ab\ncde\n" * r + "xyz"), zipped(r + 3), meddled_enumerate(6, r), meddled_zip(6, r), meddled_enumerate(3, 9), meddled_zip(3, 9))
