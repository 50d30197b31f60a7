# jit-expect-compiled: special checks
INF = float("inf")
NAN = float("nan")


def special(x):
    return x + 1, x * 0 if x == x else "nan", -x, x > 0, x == x, x != x, x * 2


def checks(a, b):
    return (a + b, a - b, a * b, min(a, b), max(a, b), a == b, a < b,
            str(a), float(str(a)) == a if a == a else None)


for v in [INF, -INF, 0.0, -0.0, 1e308, 5e-324]:
    print(repr(v), special(v))
print(special(NAN)[2:6])
print(checks(INF, -INF))
print(checks(1e308, 1e308))
print(checks(-0.0, 0.0))
print(checks(0.1, 0.2))
print(checks(NAN, 1.0)[5:])
