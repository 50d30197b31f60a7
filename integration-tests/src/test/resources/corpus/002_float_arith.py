# jit-expect-compiled: fops poly mean
def fops(a, b):
    return (a + b, a - b, a * b, a / b, a // b, a % b, a ** 0.5 if a >= 0 else -a)


def poly(x):
    r = 0.0
    coeffs = (1.5, -2.25, 0.125, 3.0)
    for c in coeffs:
        r = r * x + c
    return r


def mean(values):
    total = 0.0
    for v in values:
        total += v
    return total / len(values)


print(fops(7.5, 2.0))
print(fops(-7.5, 2.0))
print(fops(1e300, 1e-10))
print(fops(0.1, 0.2))
for i in range(-3, 4):
    print(i, repr(poly(i * 0.5)))
print(mean([1.0, 2.5, 3.25, 4.125]))
print(mean((0.1, 0.2, 0.3)))
x = poly(1e10)
print(x, x == float('inf'))
print(fops(2.0, float('inf')))
