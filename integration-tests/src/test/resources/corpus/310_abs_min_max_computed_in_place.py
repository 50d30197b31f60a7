# jit-expect-compiled: clamp magnitude
# jit-expect-intrinsics
# jit-threshold: 20
# abs(x), min(a, b) and max(a, b) of floats and small ints are computed by compiled code: the very
# object min and max chose (ties keep the first), a new float from abs, NaN where Python gives it.
# Large ints, strs, other types, more arguments, keywords and rebound builtins make the call.
import builtins
import traceback


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def magnitude(x):
    return abs(x)


samples = [0, 5, -5, 300, 2.5, -0.0, 0.0, 255.0, 1e300, float("nan"), float("-inf"), 2 ** 40, -(2 ** 70), True]
for _ in range(25):
    rows = [(clamp(x, 0, 255), magnitude(x)) for x in samples]
print(rows)
one, other = 1.0, 1
print(clamp(one, other, 5) is one, min(other, one) is other, max(one, other) is one)
print([type(magnitude(x)).__name__ for x in samples])
small = 7
print(magnitude(small) is small, magnitude(-0.0), magnitude(-7.5))
print(clamp("m", "a", "z"), clamp((2, 1), (1, 0), (3, 0)), clamp(10, 0.5, 3))
print(min(3, 1, 2), max([4, 8, 6]), min(5, 2, key=lambda v: -v), max((), default="empty"))
for bad in (lambda: clamp("m", 0, 5), lambda: magnitude("text"), lambda: magnitude(None)):
    try:
        bad()
    except TypeError:
        traceback.print_exc(limit=-1, chain=False)
saved = builtins.abs, builtins.min, builtins.max
builtins.abs = lambda x: "abs"
builtins.min = lambda a, b: "min"
builtins.max = lambda a, b: ("max", b)
print("rebound", magnitude(-3), clamp(1, 2, 3))
builtins.abs, builtins.min, builtins.max = saved
print("restored", magnitude(-3), clamp(1, 2, 3))
