# jit-expect-compiled: first_truthy both pick noisy chain
calls = []


def noisy(v):
    calls.append(v)
    return v


def first_truthy(a, b, c):
    return a or b or c


def both(a, b):
    return a and b


def pick(a, b):
    return (a and noisy(b)) or noisy("fallback")


def chain(x):
    r = x > 0 and x < 10 or x == 100
    s = not x or x
    return r, s


print(first_truthy(0, "", [1]), first_truthy(None, 0.0, ()), first_truthy("a", 0, 0))
print(both(1, "yes"), both([], "no"), both(0.0, 1), both("x", None))
print(pick(1, 2), pick(0, 2), pick(1, 0), pick("", ""))
print(calls)
for x in [-1, 0, 5, 10, 100]:
    print(x, chain(x))
