# jit-expect-compiled: accumulate both kept scaled_sum
# jit-threshold: 5
# jit-loop-threshold: 5
# jit-expect-deopts: accumulate both scaled_sum
# jit-expect-inlined: scale widen
# A body compiled into its call that returns a float or an int it computed hands the number over
# unboxed, and the caller computes on with it: no float or int object is made for the result. A
# call made instead must give the same answers: the function rebound in the middle of a loop to
# one returning an int, a str, None, a float subclass or a big int; a subclass overriding the
# method; an int result past 64 bits (the body's arithmetic overflows, the call is made). Where
# the caller keeps the result as an object (a list item, a dict value, compared by identity) it
# gets a float of its own, equal to the one the interpreter makes.


def scale(x, k):
    return x * k + 0.25


def widen(a, b):
    return a * b + 1


class Meter:
    def __init__(self, factor):
        self.factor = factor

    def read(self, x):
        return x * self.factor


class Doubled(Meter):
    def read(self, x):
        return "doubled"


class Tagged(float):
    pass


def accumulate(n, rebind_at, replacement):
    global scale
    original = scale
    total = 0.0
    kinds = []
    try:
        for i in range(n):
            if i == rebind_at:
                scale = replacement
            value = scale(i, 0.5)
            try:
                total += value
            except TypeError as error:
                kinds.append("TypeError " + str(error))
                continue
            kinds.append(type(value).__name__)
    finally:
        scale = original
    return total, sorted(set(kinds))


def both(n, start):
    product = start
    big = []
    for i in range(n):
        product = widen(product, 3) % 1000003
        big.append(widen(2 ** 40 + i, 2 ** 40))
    return product, big[-2:]


def kept(n):
    items = []
    seen = {}
    for i in range(n):
        x = scale(i, 2.0)
        items.append(x)
        seen[i % 3] = x
        y = scale(i, 2.0) + 1.0
        items.append(y)
    return sum(items), sorted(seen.items()), items[-1] is items[-1], len(items)


def scaled_sum(meter, n):
    total = 0.0
    for i in range(n):
        total += meter.read(i) * 2.0
    return total


def main():
    for _ in range(8):
        print(accumulate(20, -1, None))
        print(both(30, 7))
        print(kept(12))
        print(scaled_sum(Meter(0.75), 40))
    for replacement in (lambda x, k: 3, lambda x, k: "s", lambda x, k: None, lambda x, k: Tagged(x), lambda x, k: 2 ** 70):
        print(accumulate(12, 6, replacement))
    print(both(5, 2 ** 62))
    try:
        print(scaled_sum(Doubled(1.0), 10))
    except TypeError as error:
        print("TypeError", error)
    print(scaled_sum(Meter(1.5), 10))
    print(scaled_sum(Meter(2), 10))


main()
