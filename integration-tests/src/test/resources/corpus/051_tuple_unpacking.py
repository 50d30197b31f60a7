# jit-expect-compiled: swap fib_pair divmod_all rotate3 unpack_nested
def swap(a, b):
    a, b = b, a
    return a, b


def fib_pair(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a, b


def divmod_all(pairs):
    out = []
    for p in pairs:
        q, r = divmod(p[0], p[1])
        out.append((q, r))
    return out


def rotate3(x, y, z):
    x, y, z = y, z, x
    return x, y, z


def unpack_nested(data):
    total = 0
    for name, (a, b) in data:
        total += a * b
    first, second = data[0]
    return total, first, second


print(swap(1, "two"), swap([1], None))
print(fib_pair(10), fib_pair(90))
print(divmod_all([(17, 5), (-17, 5), (17, -5), (7.5, 2)]))
print(rotate3(1, 2, 3), rotate3("a", "b", "c"))
print(unpack_nested([("p", (2, 3)), ("q", (4, 5))]))
pair = ("x", (1, 2))
k, v = pair
print(k, v)
