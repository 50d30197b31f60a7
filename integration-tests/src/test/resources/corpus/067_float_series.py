# jit-expect-compiled: leibniz_pi harmonic sqrt_newton compound
def leibniz_pi(n):
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4 * s


def harmonic(n):
    h = 0.0
    k = n
    while k >= 1:
        h += 1.0 / k
        k -= 1
    return h


def sqrt_newton(x):
    if x == 0:
        return 0.0
    g = x / 2.0
    for i in range(60):
        g = (g + x / g) / 2.0
    return g


def compound(principal, rate, years):
    amt = principal
    for y in range(years):
        amt = amt * (1 + rate)
    return round(amt, 2)


print(repr(leibniz_pi(10000)), repr(leibniz_pi(1)))
print(repr(harmonic(10000)), repr(harmonic(1)))
print([repr(sqrt_newton(v)) for v in (2, 9, 0, 1e-6, 1e20)])
print(compound(1000, 0.05, 10), compound(1.0, 1.0, 64))
