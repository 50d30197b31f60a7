# jit-expect-compiled: total outer middle inner snapshot shadow f g h
# Closures three levels deep: an inner function reads a variable from its grandparent, a middle
# function rebinds it via nonlocal, and closures outlive their frames.
def total(values):
    s = 0
    for v in values:
        s += v
    return s


def outer(base):
    history = []

    def middle(step):
        nonlocal base

        def inner(k):
            history.append(base + step * k)
            return base + step * k
        base += 1
        return inner

    def snapshot():
        return total(history), len(history), base

    return middle, snapshot


middle, snapshot = outer(10)
inners = []
for step in range(1, 4):
    inners.append(middle(step))
for k in range(3):
    print([f(k) for f in inners])
print(snapshot())
print([len(f.__closure__) for f in inners], middle.__code__.co_freevars, inners[0].__code__.co_freevars)


def shadow():
    x = "outer"

    def f():
        x = "local"

        def g():
            return x
        return g()

    def h():
        return x
    return f(), h()


print(shadow())
