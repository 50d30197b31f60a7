# jit-expect-compiled: combine pick_smaller accumulate twice_minus describe fmt __add__ __repr__
class Money(float):
    def __add__(self, other):
        return Money(float(self) + float(other))

    def __repr__(self):
        return "Money(%s)" % float.__repr__(self)


def combine(a, b):
    return a + b


def pick_smaller(a, b):
    if a < b:
        return a
    if a == b:
        return b
    return b


def accumulate(start, step, n):
    acc = start
    i = 0
    while i < n:
        acc = acc + step
        i += 1
    return acc


def twice_minus(a, b):
    return a + a - b


def describe(x, y):
    r = x * y
    if r != r:
        return "nan"
    if r > 100.0:
        return "big"
    return r


def fmt(v):
    if isinstance(v, float) and type(v) is float:
        return repr(v) + "|" + v.hex()
    return type(v).__name__ + ":" + repr(v)


# the first call of each function sees exact floats
cases = [
    (0.5, 0.25),
    (1e308, 1e308),
    (-0.0, 0.0),
    ("abc", "de"),
    ([1, 2], [3]),
    ((1.5,), (2.5, 3.5)),
    (7, 8),
    (2.5, 4),
    (True, 1.5),
    (Money(1.25), 2.0),
    (2.0, Money(1.25)),
    (10 ** 20, 0.5),
    (float("nan"), 1.0),
    ("", "z"),
]
for rnd in range(3):
    for a, b in cases:
        print(rnd, fmt(combine(a, b)), fmt(pick_smaller(a, b)), fmt(accumulate(a, b, 3)))
for a, b in cases:
    try:
        print("twice_minus", fmt(twice_minus(a, b)))
    except TypeError as e:
        print("twice_minus TypeError:", e)
for a, b in [(2.0, 3.0), (20.0, 7.5), (float("inf"), 0.0), ("ab", 3), (3, "ab"), ([0.0], 2), (11, 11.0), (None, 1.0)]:
    try:
        print("describe", fmt(describe(a, b)))
    except TypeError as e:
        print("describe TypeError:", e)
# floats again, after all the other types
total = 0.0
for k in range(20):
    total = combine(total, accumulate(0.1, 0.01 * k, k))
print(fmt(total))
