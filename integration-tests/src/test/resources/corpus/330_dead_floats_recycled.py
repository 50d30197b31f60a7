# jit-expect-compiled: __init__ __sub__ dot scaled closest_pair drift
# jit-expect-recycled-floats
# jit-threshold: 3
# jit-loop-threshold: 2
# A float that dies goes onto the main interpreter's freelist without CPython's thread-local
# lookup, and compiled code's next float boxes come off it. Whatever went through the list, every
# float must be the value the interpreter computes (signed zeros, infinities, NaN, subnormals), a
# float subclass must still be released by its own deallocator (its __del__ runs), a collection
# that empties the freelists must leave it consistent, and the floats of another interpreter with
# an allocator of its own must die in it, never onto the main interpreter's list.
import gc
import math
import struct
import sys

try:
    import _interpreters
except ImportError:
    _interpreters = None


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)


def closest_pair(points):
    """Every difference is a Vec whose two floats die with it."""
    best = math.inf
    pair = None
    for i, p in enumerate(points):
        for q in points[i + 1:]:
            d = p - q
            distance = d.dot(d)
            if distance < best:
                best, pair = distance, (i, points.index(q))
    return best, pair


def drift(start, steps, k):
    """A chain of vectors, each made from the last, which dies at the next step."""
    v = start
    trail = []
    for step in range(steps):
        v = v.scaled(k)
        if step % 50 == 0:
            trail.append((v.x, v.y))
    return v, trail


class Loud(float):
    def __del__(self):
        print("Loud", float(self), "released")


def bits(value):
    return struct.pack("<d", value).hex()


points = [Vec(math.sin(i * 0.7) * 10.0, math.cos(i * 1.3) * 10.0) for i in range(120)]
print(closest_pair(points))
end, trail = drift(Vec(1.0, -1.0), 400, 0.999)
print(end.x, end.y, trail[:3], len(trail))

# values at the edges, each through a recycled box
edges = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, sys.float_info.max, 1.0 / 3.0]
for value in edges:
    v = Vec(value, -value)
    for _ in range(3):
        v = v.scaled(1.0)
    print(bits(v.x), bits(v.y), repr(v.x), math.copysign(1.0, v.y))

for value in (2.5, -7.25):
    loud = Loud(value)
    d = Vec(loud, 1.0) - Vec(0.5, 0.5)
    del loud
    print("difference", d.x, d.y)
print(sys.getrefcount(drift(Vec(3.0, 4.0), 10, 0.5)[0].x))

# a full collection empties the freelists between two runs that fill them
for _ in range(3):
    closest_pair(points[:40])
    gc.collect()
print(closest_pair(points[:60]), drift(Vec(2.0, 0.25), 200, 1.001)[0].dot(Vec(1.0, 1.0)))

# another interpreter's floats die in it; the main interpreter's floats stay its own
if _interpreters is not None:
    interpreter = _interpreters.create()
    _interpreters.run_string(interpreter, "dead = [n * 0.5 for n in range(20000)]\ndel dead\n")
    for _ in range(3):
        drift(Vec(1.5, 2.5), 300, 0.99)
    _interpreters.destroy(interpreter)
for _ in range(3):
    last, trail = drift(Vec(1.5, 2.5), 300, 0.99)
print("after another interpreter:", last.x, last.y, sum(x + y for x, y in trail))
