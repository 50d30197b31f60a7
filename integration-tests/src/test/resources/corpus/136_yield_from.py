# jit-expect-compiled: leaf_value run_deep deep delegator echo outer sub walk
# jit-compile-delegators
# yield from: delegation to sub-generators and iterables, the sub-generator's return value as the
# value of the yield from expression, recursive tree walks, and send() passed through.
def leaf_value(x):
    return x * 10


def sub(n):
    for i in range(n):
        yield leaf_value(i)
    return "sub%d" % n


def outer():
    r1 = yield from sub(2)
    yield r1
    r2 = yield from sub(3)
    yield r2
    yield from "ab"
    yield from [1.5, 2.5]


def walk(tree, depth=0):
    if isinstance(tree, list):
        for child in tree:
            yield from walk(child, depth + 1)
    else:
        yield (depth, tree)


def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)


def delegator():
    result = yield from echo()
    yield ("echo returned", result)


print(list(outer()))
print(list(walk([1, [2, [3, 4]], [[5]], 6])))
d = delegator()
print(next(d), d.send("a"), d.send("b"), d.send(None))
try:
    d.send(1)
except StopIteration:
    print("delegator finished")


def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    got = yield from deep(n - 1)
    return got + 1


def run_deep(n):
    g = deep(n)
    out = []
    while True:
        try:
            out.append(next(g))
        except StopIteration as e:
            return out, e.value


print(run_deep(50))
