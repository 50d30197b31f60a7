# jit-expect-compiled: powers mixed divide compare_all counter
# jit-threshold: 3
# jit-loop-threshold: 3
# jit-expect-deopts: powers mixed divide
# Int arithmetic compiled for 64-bit values: a product that outgrows 64 bits in the middle of a
# loop, operands too big from the start, floor division and remainder with every sign, a zero
# divisor, the one quotient that overflows. Each must give exactly the interpreter's big-int answer
# or its exception.


def powers(base, count):
    x = 1
    total = 0
    for i in range(count):
        x = x * base
        total = total + x % 1000
    return x, total


def mixed(a, b):
    return a + b, a - b, a * b, a // b, a % b


def divide(a, b):
    a = a + 0  # specialised for ints while warm, so the division is compiled for two ints
    b = b + 0
    return a // b, a % b


def compare_all(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b


def counter(limit):
    n = 0
    steps = 0
    while n < limit:
        n = n + 7
        steps = steps + 1
    return n, steps


for _ in range(4):
    print(powers(3, 10))
    print(mixed(17, 5), mixed(-17, 5), mixed(17, -5), mixed(-17, -5))
    print(compare_all(3, 4), compare_all(4, 4))
    print(counter(100))
    print(divide(9, 4))
print(powers(3, 100))
print(powers(-7, 60))
print(mixed(2**62, 2**62), mixed(-2**63, 1), mixed(2**70, 3), mixed(-2**63, -1))
print(divide(7, 2), divide(-7, 2), divide(7, -2), divide(-7, -2), divide(-2**63, -1), divide(0, 5))
print(compare_all(2**64, 2**64 + 1), compare_all(-2**63, 2**63 - 1))
print(counter(10**6))
try:
    divide(1, 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError", error)
try:
    mixed(5, 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError", error)
