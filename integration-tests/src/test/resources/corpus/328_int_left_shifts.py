# jit-expect-compiled: shift doubling masks
# jit-threshold: 3
# jit-loop-threshold: 3
# jit-expect-deopts: shift doubling masks
# A left shift of two ints compiled for 64-bit values: a shift that outgrows 64 bits (from the
# start, or in the middle of a loop), negative operands, counts of 63, 64 and more, a negative
# count (ValueError). Each must give exactly the interpreter's big int or its exception.


def shift(a, b):
    x = a + 0  # specialised for ints while warm, so the shifts are compiled for two ints
    n = b + 0
    return x << n, (x << n) >> n, -x << n


def doubling(start, count):
    x = start + 0
    low = 0
    for i in range(count):
        x = x << 1
        low = low + (x & 0xFFFF)
    return x, low


def masks(n):
    full = (1 << n) - 1
    total = 0
    for bit in range(n):
        total += ((full << bit) & full) | (1 << bit)
    return full, total


for _ in range(4):
    print(shift(3, 4), shift(-5, 2), doubling(1, 10), masks(12))
print(shift(1, 62), shift(1, 63), shift(-1, 63), shift(1, 64), shift(3, 200), shift(0, 1000))
print(shift(-(1 << 62), 1), shift((1 << 61) + 1, 2), shift(2**70, 1))
print(doubling(1, 70))
print(doubling(-3, 65))
print(masks(63), masks(64))
for a, b in ((1, -1), (0, -5), (-1, -100)):
    try:
        shift(a, b)
    except ValueError as error:
        print("ValueError", error)
