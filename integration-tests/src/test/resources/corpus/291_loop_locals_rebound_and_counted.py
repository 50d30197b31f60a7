# jit-expect-compiled: merged_big read_in_loop scaled squares_kept accumulate
# jit-threshold: 3
# jit-loop-threshold: 3
# jit-expect-deopts: merged_big accumulate
# Locals a loop carries, checked where they enter it and where code could change them: an int
# constant past 64 bits merged into an unboxed loop local (its reference count must not move), a
# local a callee rebinds through f_locals to another type before the loop (the check fails, the
# object is released and its __del__ runs), a local the loop only reads that a property rebinds in
# the middle of the loop (also after the frame held its only reference), and an accumulator
# returned and left in a frame object that outlives the call (the same object both ways).
import sys


def nothing():
    pass


def merged_big(c, k):
    total = 3
    if k:
        total = 1180591620717411303424
    nothing()
    if c:
        total = total + 1
    else:
        u = total
    i = 0
    while i < 2:
        total = total + i
        i += 1
    return total


class Dropped:
    def __add__(self, other):
        return self

    def __del__(self):
        print("  Dropped released")


def rebind(name, value):
    if value is not None:
        sys._getframe(1).f_locals[name] = value


def accumulate(n, replacement):
    s = 0
    rebind("s", replacement)
    for i in range(n):
        s = s + i
    return s


class Plain:
    def __init__(self):
        self.x = 1


class Rebinding:
    def __init__(self, value):
        self.value = value

    @property
    def x(self):
        sys._getframe(1).f_locals["k"] = self.value
        global garbage
        garbage = [i * 1000003 + 7 for i in range(300)]
        return 1


def read_in_loop(objs, k):
    t = 0
    for o in objs:
        t += o.x * k
    return t


def scaled(objs, m):
    k = 1000003
    k = k * m
    t = 0
    for o in objs:
        t += o.x * k
    return t


frames = []


def squares_kept(n):
    frames.append(sys._getframe())
    s = 0
    for i in range(n):
        s += i * i
    return s


plain = [Plain() for _ in range(4)]
for round_ in range(6):
    print(merged_big(round_ & 1, False), accumulate(round_, None), read_in_loop(plain, round_), scaled(plain, 7))
    r = squares_kept(1000 + round_)
    print(r, frames.pop().f_locals["s"] is r)

big = [c for c in merged_big.__code__.co_consts if isinstance(c, int) and c > 2**64][0]
before = sys.getrefcount(big)
print([merged_big(False, True) for _ in range(4)], sys.getrefcount(big) - before)

for replacement in (2**80 + 7, "text" + str(sys.maxsize), 2.5, 10**6 + 3):
    before = sys.getrefcount(replacement)
    for _ in range(4):
        try:
            accumulate(2, replacement)
        except TypeError as error:
            last = error
    print(type(replacement).__name__, sys.getrefcount(replacement) - before)
print(type(accumulate(3, Dropped())).__name__)
print(read_in_loop(plain[:2] + [Rebinding(100)] + plain[:2], 2), scaled(plain[:2] + [Rebinding(3)] + plain[:2], 7))
