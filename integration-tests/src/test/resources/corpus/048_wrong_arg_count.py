# jit-expect-compiled: two_args with_default kw_only_ish
def two_args(a, b):
    return a * b


def with_default(a, b=10):
    return a - b


def kw_only_ish(x, y=1, z=2):
    return x + y * z


print(two_args(3, 4), with_default(5), kw_only_ish(1, z=5))
calls = [
    lambda: two_args(1),
    lambda: two_args(1, 2, 3),
    lambda: with_default(),
    lambda: with_default(1, 2, 3),
    lambda: kw_only_ish(1, w=3),
    lambda: kw_only_ish(1, 2, x=3),
    lambda: two_args(b=2),
    lambda: two_args(2, 5),
]
for i, c in enumerate(calls):
    try:
        print(i, "ok", c())
    except TypeError as e:
        print(i, "TypeError:", e)
