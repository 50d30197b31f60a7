# jit-expect-compiled: trapezoid horner newton_sqrt kahan_sum logistic midpoint_pi mul_add mul_sub assoc div_vs_recip two_sum two_prod_err dot3 sub_normal deposit show fmt fmt_t
def trapezoid(a, b, n):
    h = (b - a) / n
    s = 0.5 * (a * a + b * b)
    x = a
    i = 1
    while i < n:
        x = a + i * h
        s = s + x * x
        i += 1
    return s * h


def horner(x, c0, c1, c2, c3, c4):
    r = c4
    r = r * x + c3
    r = r * x + c2
    r = r * x + c1
    r = r * x + c0
    return r


def newton_sqrt(v, guess):
    x = guess
    prev = 0.0
    steps = 0
    while x != prev and steps < 60:
        prev = x
        x = 0.5 * (x + v / x)
        steps += 1
    return x, steps


def kahan_sum(start, step, count):
    total = start
    comp = 0.0
    naive = start
    for k in range(count):
        y = step - comp
        t = total + y
        comp = (t - total) - y
        total = t
        naive = naive + step
    return total, naive


def logistic(r, x, n):
    lo = 1.0
    hi = 0.0
    for k in range(n):
        x = r * x * (1.0 - x)
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return x, lo, hi


def midpoint_pi(n):
    h = 1.0 / n
    s = 0.0
    x = 0.5 * h
    for k in range(n):
        s += 4.0 / (1.0 + x * x)
        x += h
    return s * h


def mul_add(a, b, c):
    return a * b + c


def mul_sub(a, b, c):
    t = a * b
    return t - c, c - a * b


def assoc(a, b, c):
    return (a + b) + c, a + (b + c), (a * b) * c, a * (b * c)


def div_vs_recip(x, d):
    r = 1.0 / d
    return x / d, x * r, x / d == x * r


def two_sum(a, b):
    s = a + b
    bb = s - a
    err = (a - (s - bb)) + (b - bb)
    return s, err


def two_prod_err(a, b):
    split = 134217729.0
    p = a * b
    t = split * a
    ahi = t - (t - a)
    alo = a - ahi
    t = split * b
    bhi = t - (t - b)
    blo = b - bhi
    err = ((ahi * bhi - p) + ahi * blo + alo * bhi) + alo * blo
    return p, err


def dot3(ax, ay, az, bx, by, bz):
    return ax * bx + ay * by + az * bz


def sub_normal(x, factor, n):
    k = 0
    while k < n:
        x = x * factor
        k += 1
    back = x
    k = 0
    while k < n:
        back = back / factor
        k += 1
    return x, back


ENERGY = 0.0


def deposit(x, w):
    global ENERGY
    ENERGY = ENERGY + x * w
    return ENERGY


def fmt(v):
    if isinstance(v, float):
        return repr(v) + "/" + v.hex()
    return type(v).__name__ + ":" + repr(v)


def fmt_t(v):
    if type(v) is tuple:
        out = []
        for e in v:
            out.append(fmt(e))
        return "(" + ", ".join(out) + ")"
    return fmt(v)


def show(label, v):
    if isinstance(v, tuple):
        parts = []
        for e in v:
            parts.append(fmt(e))
        print(label, " ".join(parts))
    else:
        print(label, fmt(v))


show("trap", trapezoid(0.0, 1.0, 1000))
show("trap2", trapezoid(-1.5, 2.25, 777))
show("trap3", trapezoid(1e-3, 1e3, 500))
for x in [0.0, -0.0, 0.5, -1.25, 3.0, 1e10, -1e-10, 1.0000000000000002]:
    show("horner " + repr(x), horner(x, 1.0, -0.5, 0.3333333333333333, -0.25, 0.2))
show("horner int", horner(2, 1, 2, 3, 4, 5))
show("horner mix", horner(2, 1.0, 2, 3, 4, 5))
for v in [2.0, 10.0, 0.25, 1e-300, 1e300, 12345.678, 3.0]:
    show("sqrt " + repr(v), newton_sqrt(v, v if v > 1.0 else 1.0))
show("sqrt int", newton_sqrt(49, 7))
show("kahan", kahan_sum(0.0, 0.1, 10000))
show("kahan2", kahan_sum(1e16, 1.0, 100))
for r in [2.5, 3.2, 3.5, 3.9, 4.0]:
    show("logistic " + repr(r), logistic(r, 0.2, 300))
show("pi", midpoint_pi(20000))
e30 = 2.0 ** -30
print("fma trap", fmt_t(mul_add(1.0 + e30, 1.0 - e30, -1.0)))
print("fma trap2", fmt_t(mul_add(0.1, 10.0, -1.0)))
print("fma trap3", fmt_t(mul_add(1.0 / 3.0, 3.0, -1.0)))
print("fma trap4", fmt_t(mul_add(1e308, 10.0, -1e308)))
print("fma trap5", fmt_t(mul_add(-0.0, 1.0, 0.0)), fmt_t(mul_add(-0.0, 1.0, -0.0)))
print("mul_sub", fmt_t(mul_sub(1.0 + e30, 1.0 - e30, 1.0)))
print("mul_sub2", fmt_t(mul_sub(0.1, 0.1, 0.01)))
print("assoc", fmt_t(assoc(1e16, 1.0, -1e16)))
print("assoc2", fmt_t(assoc(0.1, 0.2, 0.3)))
print("assoc3", fmt_t(assoc(1e308, 10.0, 0.1)))
print("assoc4", fmt_t(assoc(1e-320, 1e-10, 1e10)))
for x, d in [(1.0, 3.0), (7.0, 10.0), (0.3, 0.1), (5.0, 49.0), (1e300, 1e-10), (2.0, 3.0)]:
    print("div", fmt_t(div_vs_recip(x, d)))
print("two_sum", fmt_t(two_sum(1.0, 1e-17)))
print("two_sum2", fmt_t(two_sum(0.1, 0.2)))
print("two_sum3", fmt_t(two_sum(1e308, 1e308)))
print("two_prod", fmt_t(two_prod_err(0.1, 0.1)))
print("two_prod2", fmt_t(two_prod_err(1.0 + e30, 1.0 - e30)))
print("two_prod3", fmt_t(two_prod_err(3.0, 7.0)))
print("dot3", fmt_t(dot3(1.0 + e30, 1.0, 1.0, 1.0 - e30, -1.0, 0.0)))
print("dot3b", fmt_t(dot3(1e16, 1.0, -1e16, 1.0, 1.0, 1.0)))
print("dot3c", fmt_t(dot3(0.1, 0.2, 0.3, 0.4, 0.5, 0.6)))
print("subnormal", fmt_t(sub_normal(1.0, 0.5, 1074)))
print("subnormal2", fmt_t(sub_normal(1.5, 0.5, 1073)))
print("subnormal3", fmt_t(sub_normal(3.0, 0.1, 320)))
print("overflow", fmt_t(sub_normal(1.0, 2.0, 1024)))
print("int fallback", fmt_t(mul_add(3, 4, 5)), fmt_t(assoc(10 ** 17, 1, -10 ** 17)), fmt_t(dot3(1, 2, 3, 4, 5, 6)))
for i in range(12):
    deposit(0.1 * i, 1.0 / 3.0)
print("energy", fmt(ENERGY), fmt(deposit(2, 3)), fmt(deposit(-0.0, 1.0)))
