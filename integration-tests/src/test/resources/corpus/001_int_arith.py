# jit-expect-compiled: arith combine
def arith(a, b):
    s = a + b
    d = a - b
    p = a * b
    q = a // b
    r = a % b
    e = a ** 2
    return (s, d, p, q, r, e)


def combine(x):
    y = x
    y += 3
    y -= 1
    y *= 7
    y //= 2
    y %= 1000
    y <<= 2
    y >>= 1
    y &= 0xFFF
    y |= 0x10
    y ^= 0x5
    return -y, +y, ~y, not y


for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (123456, 789)]:
    print(a, b, arith(a, b))

for x in range(-5, 30, 4):
    print(x, combine(x))

print(arith(2, 3)[5], combine(0))
