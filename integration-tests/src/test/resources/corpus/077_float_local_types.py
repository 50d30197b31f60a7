# jit-expect-compiled: int_then_float float_or_str rebind_arg swap_sub in_range exact_cmp move energy maybe_unbound ident pick snapshot fail_late fmt __init__
def int_then_float(x, n):
    total = 0
    for k in range(n):
        total += x
    return total


def float_or_str(x, flag):
    if flag > 0.0:
        v = x * 2.0
    else:
        v = "neg"
    w = v
    return w, v * 2


def rebind_arg(a, b):
    a = a * b
    if a > 10.0:
        a = int(a)
    b = a // 3
    return a, b, a / 4


def swap_sub(a, b):
    if a < b:
        a, b = b, a
    d = a - b
    n = 0
    while d > 1.0 and n < 100:
        a, b = b, (a + b) * 0.5
        d = a - b
        n += 1
        if d < 0.0:
            d = -d
    return a, b, d


def in_range(x, lo, hi):
    if lo < x < hi:
        return "inside"
    if lo <= x <= hi:
        return "edge"
    return "outside"


def exact_cmp(a, b):
    return a == b, a != b, a < b, a <= b, a > b, a >= b


class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v

    def move(self, dt, drag):
        v = self.v
        x = self.x
        steps = 0
        while steps < 5:
            x = x + v * dt
            v = v - v * drag * dt
            steps += 1
        self.x = x
        self.v = v
        return x

    def energy(self, mass):
        return 0.5 * mass * self.v * self.v


def maybe_unbound(x, n):
    for i in range(n):
        y = x * 2.0 + i
    return y


def ident(a):
    return a


def pick(a, b):
    c = a
    if b > 0.0:
        c = a + b
    return c


def snapshot(a, b):
    c = a * b
    d = c + a
    return sorted(locals().items())


def fail_late(a, b):
    c = a * b
    d = c - a
    return d / (b - b)


def fmt(v):
    if type(v) is float:
        return repr(v) + "|" + v.hex()
    if type(v) is tuple:
        out = []
        for e in v:
            out.append(fmt(e))
        return "(" + ", ".join(out) + ")"
    return type(v).__name__ + ":" + repr(v)


print(fmt(int_then_float(0.1, 10)))
print(fmt(int_then_float(0.5, 0)))
print(fmt(int_then_float(-0.0, 0)), fmt(int_then_float(-0.0, 1)))
print(fmt(int_then_float(1e308, 3)))
print(fmt(float_or_str(1.5, 1.0)))
print(fmt(float_or_str(1.5, -1.0)))
print(fmt(float_or_str(1.5, float("nan"))))
print(fmt(float_or_str(-0.0, 0.5)))
print(fmt(rebind_arg(2.0, 3.0)))
print(fmt(rebind_arg(2.5, 5.0)))
print(fmt(rebind_arg(-7.5, 0.5)))
print(fmt(rebind_arg(1e20, 1e20)))
print(fmt(rebind_arg(float("nan"), 1.0)))
try:
    print(fmt(rebind_arg(float("inf"), 1.0)))
except OverflowError as e:
    print("OverflowError:", e)
print(fmt(swap_sub(1.0, 7.5)))
print(fmt(swap_sub(10.0, 0.25)))
print(fmt(swap_sub(-0.0, 0.0)))
print(fmt(swap_sub(3, 10)))
for x in [0.0, 0.5, 1.0, -0.0, 2.0, float("nan"), float("inf")]:
    print("range", repr(x), in_range(x, 0.0, 1.0), in_range(x, -0.0, 0.0), in_range(1, x, 2), in_range(x, 0, 1))
big = 2.0 ** 53
print(fmt(exact_cmp(big, big + 1.0)))
print(fmt(exact_cmp(big, 2 ** 53 + 1)))
print(fmt(exact_cmp(2 ** 53 + 1, big)))
print(fmt(exact_cmp(0.1, 0.1 + 0.2 - 0.2)))
print(fmt(exact_cmp(1e308 * 10.0, 10 ** 400)))
print(fmt(exact_cmp(float("nan"), 10 ** 400)))
print(fmt(exact_cmp(-0.0, 0)))
print(fmt(exact_cmp(0.5, True)))
p = Particle(0.0, 2.0)
print(fmt(p.move(0.1, 0.5)), fmt(p.energy(3.0)))
print(fmt(p.move(0.25, 0.0)), fmt(p.energy(0.5)))
q = Particle(1, 3)
print(fmt(q.move(1, 0)), fmt(q.energy(2)))
print(fmt(q.move(0.5, 0.5)), fmt(q.energy(2.0)))
print(fmt(p.x), fmt(p.v), fmt(q.x), fmt(q.v))
print(fmt(maybe_unbound(1.5, 3)))
try:
    print(fmt(maybe_unbound(1.5, 0)))
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
x = 12345.678
print(ident(x) is x, pick(x, 0.0) is x, pick(x, -1.0) is x, pick(x, 1.0) is x, fmt(pick(x, 1.0)))
print(snapshot(1.5, 2.0))
print(snapshot(-0.0, float("inf")))
try:
    fail_late(1.5, 2.0)
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno, sorted(tb.tb_frame.f_locals.items()))
