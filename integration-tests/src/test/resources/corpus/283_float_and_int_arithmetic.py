# jit-expect-compiled: mixed scaled eval_a
# jit-threshold: 5
# Arithmetic of a float and an int converts the int to the nearest double, as CPython does: ints
# past 2**53 round (ties to even), ints past 64 bits go back to the interpreter, a zero divisor
# raises the interpreter's error, and infinities and NaNs come out as they do there.


def mixed(x, n):
    return x + n, n - x, x * n, x / n, n / x


def scaled(values, k):
    total = 0.0
    for v in values:
        total += v * k - 1
    return total


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


for round_ in range(8):
    print(round_, mixed(1.5, round_ + 1), mixed(-0.25, -(round_ + 3)), scaled([0.5, 1.25, -3.0], round_))
    print([eval_a(i, j) for i in range(3) for j in range(3)])

for n in (2**53 + 1, 2**53 + 3, -(2**53 + 1), 2**62 + 2**9 + 1, 2**63 - 1, -(2**63)):
    print(n, mixed(0.5, n), mixed(1e300, n))
for n in (2**63, 2**64 + 1, -(2**63) - 1, 10**30):
    print("big", n, mixed(0.5, n))
print(mixed(float("inf"), 3), mixed(float("-inf"), -3))
print([repr(x) for x in mixed(float("nan"), 7)])
print(mixed(-0.5, 5)[2], mixed(0.5, -5)[2], -0.0 * 5, 0.0 * -5)
try:
    mixed(1.5, 0)
except ZeroDivisionError as error:
    print("zero:", error)
try:
    mixed(0.0, 3)
except ZeroDivisionError as error:
    print("zero float:", error)
try:
    mixed(1.0, 10**400)
except OverflowError as error:
    print("overflow:", error)
print(scaled([0.5], 2**70), scaled([1.0, 2.0], 3))
print(eval_a(10**9, 10**9), eval_a(2**31, 2**31))
