# jit-expect-compiled: run area clamp append_to mixed <lambda>
# Keyword-only and positional-only parameters, defaults evaluated once at definition (mutable
# default shared between calls), the error messages for wrong calls, and defaults read in loops.
def area(w, h=1, /, *, scale=1):
    return w * h * scale


def clamp(x, lo=0, hi=10):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


def mixed(a, /, b, *, c, d=4, **rest):
    return a, b, c, d, sorted(rest)


def run(n):
    total = 0
    for i in range(n):
        total += area(i, 2, scale=3) + clamp(i * 3, hi=20)
    return total


print(run(10))
print(append_to(1), append_to(2), append_to(3, []), append_to.__defaults__)
print(mixed(1, 2, c=3), mixed(1, b=2, c=3, d=5, a=9, z=0))
for thunk in (lambda: area(w=2), lambda: area(2, 3, 4), lambda: mixed(1, 2, 3),
              lambda: mixed(1, 2), lambda: clamp(), lambda: clamp(1, x=2)):
    try:
        thunk()
    except TypeError as e:
        print("TypeError:", e)
print(area.__defaults__, area.__kwdefaults__, area.__code__.co_posonlyargcount, area.__code__.co_kwonlyargcount)
