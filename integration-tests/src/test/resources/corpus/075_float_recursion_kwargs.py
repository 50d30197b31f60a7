# jit-expect-compiled: curve simpson adaptive bisect power_rec scale lerp_clamped shift integrate show
def curve(x):
    return x * x * x - 2.0 * x + 1.0 / (1.0 + x * x)


def simpson(a, b, fa, fm, fb):
    return (b - a) / 6.0 * (fa + 4.0 * fm + fb)


def adaptive(a, b, fa, fm, fb, whole, eps, depth):
    m = (a + b) / 2.0
    lm = (a + m) / 2.0
    rm = (m + b) / 2.0
    flm = curve(lm)
    frm = curve(rm)
    left = simpson(a, m, fa, flm, fm)
    right = simpson(m, b, fm, frm, fb)
    delta = left + right - whole
    if depth <= 0 or (delta < 15.0 * eps and delta > -15.0 * eps):
        return left + right + delta / 15.0
    return (adaptive(a, m, fa, flm, fm, left, eps / 2.0, depth - 1)
            + adaptive(m, b, fm, frm, fb, right, eps / 2.0, depth - 1))


def integrate(a, b, eps):
    fa = curve(a)
    fb = curve(b)
    fm = curve((a + b) / 2.0)
    return adaptive(a, b, fa, fm, fb, simpson(a, b, fa, fm, fb), eps, 40)


def bisect(lo, hi, tol):
    mid = 0.5 * (lo + hi)
    if hi - lo < tol or mid == lo or mid == hi:
        return mid
    if curve(lo) * curve(mid) <= 0.0:
        return bisect(lo, mid, tol)
    return bisect(mid, hi, tol)


def power_rec(base, n):
    if n == 0:
        return 1.0
    half = power_rec(base, n // 2)
    if n % 2 == 0:
        return half * half
    return half * half * base


def scale(x, factor=2.0, offset=0.0):
    return x * factor + offset


def lerp_clamped(a, b, t=0.5, lo=0.0, hi=1.0):
    if t < lo:
        t = lo
    elif t > hi:
        t = hi
    return a + (b - a) * t


def shift(x, by=1, times=True):
    return x + by * times


def show(label, v):
    if isinstance(v, float):
        print(label, repr(v), v.hex())
    else:
        print(label, type(v).__name__, repr(v))


show("int1", integrate(0.0, 1.0, 1e-9))
show("int2", integrate(-2.0, 3.5, 1e-6))
show("int3", integrate(1.0, 1.0, 1e-9))
show("int4", integrate(3.5, -2.0, 1e-12))
show("int int", integrate(0, 2, 1e-6))
show("root1", bisect(-2.0, 0.0, 1e-12))
show("root2", bisect(0.0, 1.0, 1e-15))
show("root3", bisect(1.0, 2.0, 0.0))
show("root int", bisect(-2, 0, 1e-9))
for n in [0, 1, 2, 7, 64, 1023, 1075]:
    show("pow 2.0^" + str(n), power_rec(2.0, n))
    show("pow 0.5^" + str(n), power_rec(0.5, n))
    show("pow 1.0000001^" + str(n), power_rec(1.0000001, n))
show("pow -1.5^5", power_rec(-1.5, 5))
show("pow int", power_rec(3, 5))

# specialised on the first call (positional floats), then keyword arguments and defaults
show("scale pos", scale(1.5, 3.0, 0.25))
show("scale kw", scale(1.5, factor=3.0, offset=0.25))
show("scale kw rev", scale(offset=-0.5, x=2.25, factor=-4.0))
show("scale default", scale(1.5))
show("scale one default", scale(1.5, 0.1))
show("scale int factor", scale(1.5, 2))
show("scale int kw", scale(x=7, factor=3))
show("scale str", scale("ab", factor=3, offset="!"))
show("scale star", scale(*(0.1, 0.2), **{"offset": 0.3}))
show("lerp pos", lerp_clamped(1.0, 3.0, 0.25, 0.0, 1.0))
show("lerp default", lerp_clamped(1.0, 3.0))
show("lerp kw t", lerp_clamped(1.0, 3.0, t=2.0))
show("lerp kw lo", lerp_clamped(1.0, 3.0, t=-1.0, lo=-0.5))
show("lerp kw hi", lerp_clamped(-1.0, 1.0, hi=0.75, t=0.9))
show("lerp nan t", lerp_clamped(0.0, 10.0, t=float("nan")))
show("lerp inf", lerp_clamped(0.0, float("inf"), 0.5))
show("lerp int t", lerp_clamped(0.0, 10.0, 1, 0, 2))
show("lerp bool", lerp_clamped(0.0, 10.0, True))
show("shift pos", shift(0.5, 0.25, 4.0))
show("shift int default", shift(0.5))
show("shift kw", shift(0.5, times=0.5))
show("shift kw int", shift(x=0.5, by=3))
show("shift all floats", shift(-0.0, -0.0, 1.0))
