# jit-expect-compiled: compute scale count_len use_abs <lambda> abs
# Everything can change between calls of compiled functions called in loops: module globals
# rebound to other types, a global deleted and recreated, builtins replaced (builtins.len, abs)
# then restored, and a global shadowing a builtin then deleted.
import builtins

FACTOR = 2


def scale(x):
    return x * FACTOR


def count_len(items):
    total = 0
    for it in items:
        total += len(it)
    return total


def use_abs(values):
    out = []
    for v in values:
        out.append(abs(v))
    return out


def compute(n):
    acc = []
    for i in range(n):
        acc.append(scale(i))
    return acc


print(compute(4), count_len(["ab", "c"]), use_abs([-1, 2]))
for new in (3, "x", [0], 0.5):
    FACTOR = new
    print(repr(FACTOR), compute(3))
del FACTOR
try:
    compute(2)
except NameError as e:
    print("NameError:", e)
FACTOR = 1

real_len = builtins.len
builtins.len = lambda s: 100
try:
    print("patched len:", count_len(["ab", "c"]))
finally:
    builtins.len = real_len
print("restored len:", count_len(["ab", "c"]))


def abs(v):
    return "shadowed"


print(use_abs([-3, 4]))
del abs
print(use_abs([-3, 4]))
real_abs = builtins.abs
builtins.abs = lambda v: -v
print(use_abs([-3, 4]))
del builtins.abs
try:
    use_abs([1])
except NameError as e:
    print("NameError:", e)
builtins.abs = real_abs
print(use_abs([-5]))
for i in range(3):
    FACTOR = i
    print(compute(2))
