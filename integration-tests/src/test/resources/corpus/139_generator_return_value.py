# jit-expect-compiled: bump drive collector produce returns_exception returns_none
# A generator's return value travels in StopIteration.value: by hand with next(), via yield from,
# and not at all through a for loop or list(); returning a tuple, None and an exception object.
def bump(count):
    return count + 1


def produce(items):
    count = 0
    for it in items:
        yield it
        count = bump(count)
    return count, "done"


def returns_none():
    yield 1


def returns_exception():
    yield 1
    return ValueError("as a value")


def drive(gen):
    values = []
    while True:
        try:
            values.append(next(gen))
        except StopIteration as stop:
            return values, stop.value, stop.args


def collector():
    results = []
    for items in (["a"], ["b", "c"], []):
        r = yield from produce(items)
        results.append(r)
    return results


print(drive(produce("xyz")))
print(drive(returns_none()))
print(drive(returns_exception()))
print(drive(collector()))
print(list(produce([1, 2])))
g = produce([])
try:
    next(g)
except StopIteration as e:
    print(e.value)
try:
    next(g)
except StopIteration as e:
    print("second StopIteration value:", e.value)
