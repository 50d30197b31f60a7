"""Closures and callbacks: function factories, decorators, an event bus, key functions.

User-program style code where most work happens inside small nested functions: counters and
accumulators built by factories (with nonlocal state), a memoising and a call-counting
decorator, an event emitter dispatching to lambdas and bound methods, functools.partial and
reduce, sort keys built from closures, and a tiny continuation-passing interpreter.
"""
import functools
import operator

EVENTS = 200_000
ROUNDS = 150


def make_counter(start=0, step=1):
    count = start

    def increment():
        nonlocal count
        count += step
        return count
    return increment


def make_accumulator():
    items = []

    def add(x):
        items.append(x)
        return len(items)

    def total():
        return sum(items)
    return add, total


def counted(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def memoize(func):
    cache = {}

    def wrapper(*args):
        try:
            return cache[args]
        except KeyError:
            result = cache[args] = func(*args)
            return result
    wrapper.cache = cache
    return wrapper


@memoize
def binomial(n, k):
    if k == 0 or k == n:
        return 1
    return binomial(n - 1, k - 1) + binomial(n - 1, k)


@counted
def scale(x, factor=2):
    return x * factor


class EventBus:
    def __init__(self):
        self.handlers = {}

    def on(self, name, handler=None):
        if handler is None:  # used as a decorator
            return lambda h: self.on(name, h)
        self.handlers.setdefault(name, []).append(handler)
        return handler

    def emit(self, name, *args):
        return [handler(*args) for handler in self.handlers.get(name, ())]


class Stats:
    def __init__(self):
        self.seen = 0
        self.maximum = None

    def observe(self, value):
        self.seen += 1
        if self.maximum is None or value > self.maximum:
            self.maximum = value
        return self.seen


def compose(*funcs):
    return functools.reduce(lambda f, g: lambda x: g(f(x)), funcs, lambda x: x)


def make_adders(n):
    # the default argument binds i now; a plain closure would see the last i
    return [lambda x, i=i: x + i for i in range(n)]


def cps_sum(values, k):
    """Sum with explicit continuations, iterated with a trampoline to keep the stack flat."""
    def step(i, acc, k):
        if i == len(values):
            return lambda: k(acc)
        return lambda: step(i + 1, acc + values[i], k)
    thunk = step(0, 0, k)
    while callable(thunk):
        thunk = thunk()
    return thunk


def main():
    bus = EventBus()
    stats = Stats()
    add, total = make_accumulator()
    tick = make_counter()
    by_two = make_counter(100, 2)
    bus.on("value", stats.observe)
    bus.on("value", add)
    bus.on("value", lambda v: tick())

    @bus.on("value")
    def parity(v):
        return "even" if v % 2 == 0 else "odd"

    pipeline = compose(lambda x: x * 3, functools.partial(scale, factor=5), lambda x: x % 1009, abs)
    adders = make_adders(10)
    checksum = 0
    for i in range(EVENTS):
        value = pipeline(i)
        results = bus.emit("value", value)
        if results[-1] == "even":
            by_two()
        checksum = (checksum + adders[i % 10](value) * results[0]) % 1_000_000_007

    words = [f"w{(i * 7919) % 1000:03d}" for i in range(2000)]
    weights = {w: sum(map(ord, w)) % 13 for w in words}
    for r in range(ROUNDS):
        key = (lambda r: lambda w: (weights[w] * (r + 1)) % 17)(r)
        ordered = sorted(words, key=lambda w: (key(w), w))
        checksum = (checksum * 31 + sum(i * weights[w] for i, w in enumerate(ordered[:50]))) % 1_000_000_007
    product = functools.reduce(operator.mul, (binomial(30, k) % 97 + 1 for k in range(31)), 1)
    cps = cps_sum(list(range(2000)), lambda s: s * 2)
    print(f"events {stats.seen}, max {stats.maximum}, total {total()}, ticks {tick() - 1}, evens {(by_two() - 102) // 2}")
    print(f"scale called {scale.calls} times; binomial cache {len(binomial.cache)} entries")
    print(f"checksum {checksum} {product % 1_000_000_007} {cps}")


if __name__ == "__main__":
    main()
