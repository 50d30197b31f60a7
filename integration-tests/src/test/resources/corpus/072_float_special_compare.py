# jit-expect-compiled: arith compare_all branchy clamp count_below sign_of identities truthy show fmt
INF = float("inf")
NAN = float("nan")


def arith(a, b):
    return a + b, a - b, a * b, b - a, -a, a + 0.0, a * -1.0


def compare_all(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


def branchy(a, b):
    code = 0
    if a < b:
        code += 1
    if a <= b:
        code += 2
    if a == b:
        code += 4
    if a != b:
        code += 8
    if a > b:
        code += 16
    if a >= b:
        code += 32
    if not (a < b):
        code += 64
    if not (a >= b):
        code += 128
    return code


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def count_below(x, limit, step):
    n = 0
    while x < limit:
        x = x + step
        n += 1
        if n >= 50:
            break
    return n, x


def sign_of(x):
    if x > 0.0:
        return 1.0
    elif x < 0.0:
        return -1.0
    elif x == 0.0:
        return x
    return x - x


def identities(x):
    zero = 0.0
    one = 1.0
    return (x + zero, x - zero, zero - x, x * one, x * zero, x - x, x / x if x != zero else x / one,
            x == x, x != x, x < x, x >= x, (x + one) - one, -(-x), x * -one)


def truthy(x, y):
    r = 0
    if x:
        r += 1
    if not y:
        r += 2
    if x and y:
        r += 4
    if x or y:
        r += 8
    while x:
        x = x * 0.5
        r += 16
        if r > 20000:
            break
    return r, x and y, x or y


def fmt(v):
    if isinstance(v, float):
        return repr(v) + "(" + v.hex() + ")"
    return repr(v)


def show(label, t):
    out = []
    for v in t:
        out.append(fmt(v))
    print(label, " ".join(out))


values = [1.5, -0.0, 0.0, INF, -INF, NAN, 1e308, -1e308, 5e-324, -5e-324,
          2.2250738585072014e-308, 1.7976931348623157e308, 0.1, 3.0]
for a in values:
    show("arith " + repr(a), arith(a, 1e308))
    show("arith0 " + repr(a), arith(a, -0.0))
    show("arith-inf " + repr(a), arith(a, -INF))
for a in values:
    row = []
    for b in values:
        row.append(str(branchy(a, b)))
    print("branchy", repr(a), " ".join(row))
for a in [NAN, -0.0, 0.0, INF, 1.0]:
    for b in [NAN, 0.0, -0.0, INF, -INF]:
        print("cmp", repr(a), repr(b), compare_all(a, b))
n = NAN
print("nan self", compare_all(n, n), n != n, n == n)
print("-0.0 == 0.0", compare_all(-0.0, 0.0), repr(-0.0 + 0.0), repr(-0.0 - 0.0), repr(-0.0 * 0.0))
for x in [-2.5, -0.0, 0.0, 0.5, 7.25, INF, -INF, NAN]:
    show("clamp " + repr(x), (clamp(x, -1.0, 1.0), clamp(x, -0.0, 0.0), clamp(x, NAN, 1.0), sign_of(x)))
show("count1", count_below(0.0, 1.0, 0.1))
show("count2", count_below(1e16, 1e16 + 4.0, 1.0))
show("count3", count_below(NAN, 1.0, 0.1))
show("count4", count_below(-INF, 0.0, 1e308))
show("count5", count_below(0.0, INF, 1e307))
show("count6", count_below(-0.0, 0.0, 1.0))
show("count7", count_below(5e-324, 1e-322, 5e-324))
for x in [0.0, -0.0, 1.5, INF, -INF, NAN, 5e-324, 1e16, -1.7976931348623157e308]:
    show("ident " + repr(x), identities(x))
for x in [0.0, -0.0, NAN, INF, 5e-324, 1.0]:
    for y in [0.0, -0.0, NAN, 2.5]:
        show("truthy " + repr(x) + " " + repr(y), truthy(x, y))
# the same functions after a guard failure
print(branchy(1, 2), branchy(True, 1.0), branchy(2, NAN), compare_all(1, 1.0), compare_all("a", "b"))
show("clamp int", (clamp(5, 0, 3), clamp(-1, 0.0, 3.0), sign_of(-3), sign_of(0), sign_of(False)))
show("ident int", identities(3)[:7])
show("truthy other", truthy(3, "") + truthy("", None) + truthy(True, 0))
show("count int", count_below(0, 3, 1))
