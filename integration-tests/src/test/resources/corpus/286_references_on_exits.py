# jit-expect-compiled: advance first_over scaled
# jit-expect-deopts: advance first_over
# jit-threshold: 5
# jit-loop-threshold: 3
# Compiled code takes no reference for a value it loads and releases again around an expression
# (the object on the stack twice in `b.x += ...`, a loop bound read each turn). Where such a value
# leaves with an exception, or is handed to the interpreter by a failed guard, the references must
# come out exactly as the interpreter's: the reference counts printed here, and no crash later.
import gc
import sys


class Body:
    def __init__(self, x, v):
        self.x = x
        self.v = v


def advance(bodies, dt):
    for b in bodies:
        b.x += dt * b.v


def first_over(n, limit):
    i = 0
    while i < limit:
        if i * i > n:
            return i
        i = i + 1
    return -1


def scaled(o, k):
    t = o.v
    return t * t * k


bodies = [Body(float(i), 1.5 + i) for i in range(4)]
for round_ in range(6):
    advance(bodies, 0.01)
    print(round_, first_over(20 + round_, 100), scaled(bodies[1], 2.0))

for i in range(50):
    missing = Body(1.0, 2.0)
    del missing.x
    try:
        advance([missing], 0.25)
    except AttributeError as error:
        if i == 0:
            print(error, sys.getrefcount(missing))
    ints = Body(3, 2)
    advance([ints], 0.5)
    text = Body("x", 1.0)
    try:
        advance([text], 0.5)
    except TypeError as error:
        if i == 0:
            print(error, sys.getrefcount(text))
    if i == 0:
        print(sys.getrefcount(ints), ints.x)
big = 2**70 + 1
before = sys.getrefcount(big)
print([first_over(big, 60) for _ in range(3)], sys.getrefcount(big) - before)
slow = Body(0, 10**30 + 7)
print(scaled(slow, 2), sys.getrefcount(slow.v))
gc.collect()
print([(b.x, b.v) for b in bodies])
