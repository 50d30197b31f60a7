# jit-expect-compiled: gcd gcd_rec lcm ext_gcd
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def gcd_rec(a, b):
    return a if b == 0 else gcd_rec(b, a % b)


def lcm(a, b):
    return a // gcd(a, b) * b


def ext_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = ext_gcd(b, a % b)
    return g, y, x - (a // b) * y


pairs = [(48, 18), (17, 5), (0, 9), (-24, 36), (2 ** 100, 6 ** 50), (1071, 462)]
for a, b in pairs:
    print(a, b, gcd(a, b), gcd_rec(a, b), lcm(a, b) if a and b else 0)
for a, b in [(240, 46), (99, 78), (35, 15)]:
    g, x, y = ext_gcd(a, b)
    print(a, b, g, x, y, a * x + b * y == g)
acc = 1
for i in range(1, 30):
    acc = lcm(acc, i)
print(acc)
