# jit-expect-compiled: dot scaled norm2
# jit-threshold: 5
# jit-expect-deopts: dot
# Code compiled for the float attributes it met first then meets ints, at one operation or another
# (a frame stops at its first failed guard), and ints past 64 bits: it hands those frames to the
# interpreter, then is compiled again without the specialisations, never giving another result;
# ints stay ints.
class V:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


def dot(a, b):
    return a.x * b.x + a.y * b.y + a.z * b.z


def scaled(a, k):
    return V(a.x * k, a.y * k, a.z * k)


def norm2(a):
    return dot(a, a)


floats = [V(i * 0.5, i * 0.25, 1.5) for i in range(20)]
ints = [V(0, 1, 0), V(2, 0, 3), V(1, 1, 1)]
mixed = [V(0, 0.5, 2), V(1.5, 2, 0), V(3, 4, 0.5)]
huge = V(2 ** 40, 3 ** 30, -(2 ** 62))
total = 0.0
for step in range(300):
    for a in floats:
        total += dot(a, a)
    group = (ints, mixed, floats, [huge])[step % 4]
    for b in group:
        first = dot(floats[step % 20], b)
        own = norm2(b)
        total += first
        if step % 25 < 4:
            print(step, repr(first), repr(own), type(own).__name__, repr(scaled(b, 2).y))
print(round(total, 6))
print(dot(ints[1], ints[2]), dot(huge, huge), dot(mixed[2], ints[1]))
