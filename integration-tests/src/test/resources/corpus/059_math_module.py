# jit-expect-compiled: hypot_list stats trig_table
import math


def hypot_list(pairs):
    out = []
    for a, b in pairs:
        out.append(math.sqrt(a * a + b * b))
    return out


def stats(xs):
    n = len(xs)
    mean = math.fsum(xs) / n
    var = 0.0
    for x in xs:
        var += (x - mean) ** 2
    var /= n
    return mean, math.sqrt(var), math.floor(mean), math.ceil(mean)


def trig_table(steps):
    rows = []
    for i in range(steps + 1):
        ang = math.pi * i / steps
        rows.append("%.4f %.4f %.4f" % (ang, math.sin(ang), math.cos(ang)))
    return rows


print(hypot_list([(3, 4), (5, 12), (1, 1), (0.5, 0.25)]))
print(stats([2, 4, 4, 4, 5, 5, 7, 9]))
for r in trig_table(4):
    print(r)
print(math.gcd(84, 36), math.factorial(20), math.isqrt(10 ** 20))
