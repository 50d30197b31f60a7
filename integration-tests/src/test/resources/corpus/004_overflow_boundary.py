# jit-expect-compiled: add mul sub neg shl
def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def sub(a, b):
    return a - b


def neg(a):
    return -a


def shl(a, n):
    return a << n


M = 9223372036854775807
m = -9223372036854775808
print(add(M, 1), add(m, -1), add(M, m))
print(mul(M, 2), mul(m, -1), mul(3037000500, 3037000500), mul(-4294967296, 4294967296))
print(sub(m, 1), sub(M, -1), sub(0, m))
print(neg(m), neg(M), neg(0))
print(shl(1, 62), shl(1, 63), shl(1, 64), shl(-1, 63), shl(5, 100))
x = 1
for i in range(70):
    x = add(x, x)
print(x)
print(mul(1 << 64, 1 << 64) // (1 << 127))
