# jit-expect-compiled: signs digits_of from_digits
def signs(a, b):
    return a // b, a % b, -a // b, -a % b, a // -b, a % -b, divmod(a, b)


def digits_of(n, base):
    if n == 0:
        return [0]
    out = []
    while n > 0:
        out.append(n % base)
        n //= base
    out.reverse()
    return out


def from_digits(ds, base):
    n = 0
    for d in ds:
        n = n * base + d
    return n


print(signs(7, 3))
print(signs(10 ** 30 + 7, 3))
print(signs(10 ** 30 + 7, 10 ** 15 + 3))
print(signs(2 ** 64, 2 ** 63 - 1))
big = 3 ** 100
ds = digits_of(big, 7)
print(len(ds), ds[:10], from_digits(ds, 7) == big)
print(digits_of(255, 2), digits_of(0, 10), from_digits([1, 0, 0], 16))
print(from_digits(digits_of(2 ** 200, 256), 256) == 2 ** 200)
