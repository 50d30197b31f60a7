# jit-expect-compiled: factorial power_mod grow
def factorial(n):
    r = 1
    i = 2
    while i <= n:
        r *= i
        i += 1
    return r


def power_mod(b, e, m):
    result = 1
    b = b % m
    while e > 0:
        if e & 1:
            result = result * b % m
        e >>= 1
        b = b * b % m
    return result


def grow(x):
    a = x * x
    b = a << 70
    c = b - (1 << 130)
    d = c // 3
    return a, b, c, d, d % 1000003, -d >> 5


print(factorial(25))
print(factorial(60))
print(power_mod(2, 10 ** 20, 10 ** 9 + 7))
print(power_mod(3, 2 ** 100, 2 ** 89 - 1))
print(grow(9223372036854775807))
print(grow(-9223372036854775808))
big = 2 ** 63
print(big - 1 + 1, (big - 1) * 2, -(-big) // 7)
