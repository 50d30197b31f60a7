# jit-expect-compiled: score stats short_circuit eager_iterable consumed_twice joined lazy_error
# Generator expressions: sum/min/max/any/all over them (with short-circuit side effects), the
# first iterable is evaluated eagerly, a generator expression consumed twice is empty the second time.
calls = []


def score(x):
    calls.append(x)
    return x * x - 10


def stats(n):
    return (sum(score(i) for i in range(n)),
            max(score(i) for i in range(n)),
            min((score(i), i) for i in range(n)))


def short_circuit(values):
    calls.clear()
    found = any(score(v) > 0 for v in values)
    first = list(calls)
    calls.clear()
    every = all(score(v) < 0 for v in values)
    return found, first, every, list(calls)


def eager_iterable():
    try:
        g = (x for x in 5)
    except TypeError as e:
        return "TypeError at creation: " + str(e)
    return "no error"


def consumed_twice(n):
    g = (i * 2 for i in range(n))
    return list(g), list(g)


def joined(words):
    return ", ".join(w.upper() for w in words if len(w) > 1)


def lazy_error(values):
    g = (10 // v for v in values)
    out = []
    try:
        for x in g:
            out.append(x)
    except ZeroDivisionError:
        out.append("zde")
    return out, list(g)


print(stats(7))
print(short_circuit([1, 2, 5, 9]))
print(eager_iterable())
print(consumed_twice(4))
print(joined(["a", "bc", "def", ""]))
print(lazy_error([5, 2, 0, 1]))
print(sum(x for x in range(1000) if x % 7 == 3))
