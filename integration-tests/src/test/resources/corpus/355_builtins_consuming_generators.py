# jit-expect-compiled: dot ints_squared mixed near_overflow lists failing bad_item partly_consumed sent_values nested compensated any_all left_suspended truth_raises extremes triples doubled
# jit-expect-deopts: <genexpr>
# jit-expect-consumed
# jit-threshold: 5
# sum(), any(), all(), min() and max() of a generator whose native code consumes the items itself
# (pyjit_consume_generator): every mode of builtin sum's loop (ints in a word, floats with
# Neumaier's compensation, anything else with +) and every way out of one into the next, as CPython
# takes them, with the same result to the last bit; an item of another type, an exception raised
# by the generator or by the addition, a generator already started, a generator function whose
# yield sees the value sent, and sums inside a generator summed. any() and all() of items whose
# truth is plain (None, bools, ints, floats, strs) and of objects with a __bool__, stopping at the
# item that answers and leaving the generator suspended there, as the builtins do. min() and max()
# of floats, ints, a NaN, equal items (the first is kept), items of mixed types, objects with their
# own comparisons, and no items at all.
import sys


def dot(u, v):
    return sum(x * y for x, y in zip(u, v))


def ints_squared(n):
    return sum(i * i for i in range(n))


def mixed(n):
    # ints, then a float: the total goes on as a float, the ints after it added as floats
    return sum((i if i % 7 else i + 0.25) for i in range(n))


def near_overflow(n):
    # a word's worth, then more: the total goes on as a Python int, floats after it added with +
    big = sys.maxsize // 3
    return sum((big if i < 4 else 0.5) for i in range(n))


def lists(n):
    return len(sum(([i] for i in range(n)), []))


def failing(n):
    try:
        return sum(1.0 / (i - 7) for i in range(n))
    except ZeroDivisionError as error:
        return "raised " + repr(error)


def bad_item(n):
    try:
        return sum((i if i < 9 else "x") for i in range(n))
    except TypeError as error:
        return "raised " + str(error)


def partly_consumed(n):
    squares = (i * i for i in range(n))
    first = next(squares)
    return first, sum(squares)


def sent_values(n):
    def counter():
        seen = []
        for i in range(n):
            sent = yield i
            seen.append(sent)
        assert seen == [None] * n, seen
    return sum(counter())


def nested(n):
    return sum(sum(j for j in range(i)) for i in range(n))


def compensated(n):
    # what only a compensated sum gets right, a bool, a negative zero, an infinity, and a non-compact int among floats
    exact = sum(x for x in [1e16, 1.0, -1e16] * n)
    signs = sum(x for x in [-0.0] * n)
    flags = sum(x for x in [True, 2.5, False, 1 << 40] * n)
    huge = sum(x for x in [1e308, 1e308, -1e308])
    return exact, signs, flags, huge, sum(x for x in [float("inf"), 1.0])


class Flag:
    def __init__(self, value):
        self.value = value

    def __bool__(self):
        print("bool of", self.value)
        return self.value


def any_all(n):
    plain = [0, 0.0, "", None, False] * n
    return (any(x for x in plain), all(x for x in plain), any(x for x in plain + [3]), all(x for x in [1, 2.5, "a", True] * n),
            all(x for x in [1, 2.5, "a", True] * n + [0.0]), any(i > n for i in range(2 * n)), all(i < n for i in range(2 * n)),
            any(x for x in []), all(x for x in []), any(Flag(i == 2) for i in range(4)), all(Flag(i != 1) for i in range(4)))


def left_suspended(n):
    seen = []

    def numbers():
        for i in range(n):
            seen.append(i)
            yield i
    found = any(i == 3 for i in numbers())
    return found, seen


def truth_raises(n):
    class Bad:
        def __bool__(self):
            raise ValueError("no truth")
    try:
        return any((Bad() if i == n - 1 else 0) for i in range(n))
    except ValueError as error:
        return "raised " + str(error)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __gt__(self, other):
        return self.cents > other.cents

    def __repr__(self):
        return f"Money({self.cents})"


def extremes(n):
    floats = [((i * 37) % 101) / 7.0 for i in range(n)]
    ints = [(i * 53) % 97 - 40 for i in range(n)]
    nan = float("nan")
    equal = [1.0, 1, 1.0, True]
    thousand, thousand_again = int("1000"), int("1000")
    found = (max(x for x in floats), min(x for x in floats), max(i for i in ints), min(i * 1000003 for i in ints),
             max(x for x in [nan, 1.0, 2.0]), max(x for x in [1.0, nan, 2.0]), min(x for x in [2.0, nan]),
             [type(x).__name__ for x in (max(x for x in equal), min(x for x in equal))],
             max(x for x in [1, 2.5, 2, 1 << 70, -3.0]), min(x for x in ["pear", "apple", "fig"]),
             max(Money(c) for c in [5, 9, 2]), min(x for x in [3, 3.0]), max(x for x in [3.0, 3]) is not None,
             # of equal items the first: a zero's sign, an int's identity
             max(x for x in [0.0, -0.0]), min(x for x in [-0.0, 0.0]), max(x for x in [-0.0, 0.0]), min(x for x in [0.0, -0.0]),
             max(x for x in [thousand, thousand_again]) is thousand, min(x for x in [thousand, thousand_again]) is thousand)
    try:
        min(x for x in [])
    except ValueError as error:
        found += ("raised " + str(error),)
    try:
        max(x for x in [1, "a"])
    except TypeError as error:
        found += ("raised " + str(error),)
    return found


def triple(x):
    yield x
    yield x * 2.5
    yield x * 3


def triples(n):
    # a generator without a loop is compiled quickly first and optimised once it was resumed often,
    # some of its generators suspended in the quick code: summed by either code, or both
    return sum(sum(triple(i)) for i in range(n)), max(max(triple(i)) for i in range(n))


def doubled(values):
    # compiled for lists of floats, then given ints among them: the generator's code hands its frame
    # to the interpreter in the middle of the sum, which goes on with the items the interpreter yields
    return sum(v * 2.0 for v in values), max(v * 1.5 for v in values)


floats = [0.5 * i for i in range(30)]
floats_then_ints = floats + [3, 0.25, 7, True, 0.75]

for round in range(12):
    results = [dot([0.1 * i for i in range(50)], [1.0 / (i + 1) for i in range(50)]), ints_squared(100 + round),
               mixed(60), near_overflow(8), lists(20), failing(10), bad_item(12), partly_consumed(30), sent_values(6),
               nested(12), compensated(3), any_all(3), left_suspended(8), truth_raises(6), extremes(40), triples(300),
               doubled(floats if round < 9 else floats_then_ints)]
    if round in (0, 11):
        for result in results:
            print(result)
print(sum(i for i in range(0)), sum(x for x in []), sum(i * 0.5 for i in range(3)))
