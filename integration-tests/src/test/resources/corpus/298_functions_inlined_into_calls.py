# jit-expect-compiled: entry row_sum
# jit-threshold: 20
# jit-expect-inlined
# Small functions called by their global name are compiled into the calls that reach them: the
# matrix entry of spectral norm, a clamp. Afterwards the name is rebound to another function, the
# function is given other code, an argument of another type comes, and a division by zero happens
# inside the inlined body: each time the call is made as before, with the interpreter's result and
# traceback.
import traceback


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def clamp(x, low, high):
    return low if x < low else high if x > high else x


def entry(i, j):
    return eval_a(i, j) + clamp(i - j, -2, 2)


def row_sum(i, n):
    total = 0.0
    for j in range(n):
        total += entry(i, j)
    return total


for i in range(30):
    row_sum(i, 30)
print(row_sum(3, 40), entry(5, 6))

# an argument of another type: a float where ints were
print(entry(2.5, 1), entry(True, False))

# a division by zero inside the inlined body raises in the callee's own frame
def inverse(x):
    return 1.0 / x


def inverses(values):
    return [inverse(v) for v in values]


for _ in range(30):
    inverses([1.0, 2.0, 4.0])
try:
    inverses([1.0, 0.0])
except ZeroDivisionError:
    print("".join(traceback.format_exc().splitlines(True)[-3:]), end="")

# the name rebound to another function
def eval_b(i, j):
    return float(i * 100 + j)
eval_a = eval_b
print(entry(1, 2), row_sum(1, 3))

# the function given other code
def clamp_wide(x, low, high):
    return x * 10
clamp.__code__ = clamp_wide.__code__
print(entry(1, 2), row_sum(2, 3))
