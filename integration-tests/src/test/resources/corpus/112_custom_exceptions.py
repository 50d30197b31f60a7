# jit-expect-compiled: __str__ run parse check_range deferred
# User exception classes with __init__, extra attributes, __str__, class hierarchies caught by
# base class, tuples of classes in except, and exceptions stored and raised later.
class AppError(Exception):
    code = 1


class RangeError(AppError):
    code = 2

    def __init__(self, value, lo, hi):
        super().__init__(value, lo, hi)
        self.value = value
        self.lo = lo
        self.hi = hi

    def __str__(self):
        return f"{self.value} not in [{self.lo}, {self.hi}]"


class ParseError(AppError, ValueError):
    code = 3


def check_range(v, lo, hi):
    if v < lo or v > hi:
        raise RangeError(v, lo, hi)
    return v


def parse(text):
    if not text.isdigit():
        raise ParseError("not digits: " + text)
    return int(text)


def run(items):
    results = []
    for t in items:
        try:
            results.append(check_range(parse(t), 10, 99))
        except RangeError as e:
            results.append(("range", e.code, str(e), e.args))
        except (KeyError, AppError) as e:
            results.append((type(e).__name__, e.code, str(e), isinstance(e, ValueError)))
    return results


def deferred():
    stored = []
    for i in range(3):
        try:
            check_range(i, 1, 1)
        except AppError as e:
            stored.append(e)
    return stored


for r in run(["15", "5", "abc", "120", "42"]):
    print(r)
errs = deferred()
print([str(e) for e in errs])
try:
    raise errs[-1]
except RangeError as e:
    print("re-raised stored:", e, e is errs[-1])
try:
    int("1O")
except ParseError:
    print("wrong")
except ValueError as e:
    print("plain ValueError is not a ParseError:", e)
print(RangeError.__mro__[1:4])
