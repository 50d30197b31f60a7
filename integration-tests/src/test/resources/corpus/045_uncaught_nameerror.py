# jit-expect-compiled: compute wrapper
SCALE = 3


def compute(x):
    if x < 5:
        return x * SCALE
    return x * UNDEFINED_FACTOR


def wrapper(xs):
    res = []
    for x in xs:
        res.append(compute(x))
    return res


print(wrapper([1, 2, 3]))
print(wrapper([4, 5, 6]))
print("not reached")
