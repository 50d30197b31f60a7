# jit-expect-compiled: table inplace
# &, |, ^, //, % and >> on one-digit ints take a fast path; signs, zero divisors, big ints, bools
# and negative shift counts must give exactly what the interpreter gives.


def table(values):
    rows = []
    for x in values:
        for y in values:
            row = [x & y, x | y, x ^ y]
            for op in (lambda: x // y, lambda: x % y, lambda: x >> y):
                try:
                    row.append(op())
                except (ZeroDivisionError, ValueError) as error:
                    row.append(type(error).__name__ + ": " + str(error))
            rows.append(row)
    return rows


def inplace(x, y):
    a = x
    a &= y
    b = x
    b |= y
    c = x
    c ^= y
    d = x
    d //= y
    e = x
    e %= y
    f = x
    f >>= 3
    return a, b, c, d, e, f, type(a).__name__


values = [0, 1, -1, 7, -7, 3, -3, 2**29, -(2**29), 2**30 - 1, -(2**30) + 1, 2**40, -(2**40), 63, 64, 100]
for row in table(values):
    print(row)
print(inplace(1000, -7), inplace(-1000, 7), inplace(True, True), inplace(2**70, 3))
