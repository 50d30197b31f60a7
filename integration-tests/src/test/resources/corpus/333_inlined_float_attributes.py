# jit-expect-compiled: total_dot scaled_total
# jit-threshold: 20
# jit-loop-threshold: 20
# jit-expect-inlined: dot scaled
# A small method that computes with its instance's float attributes is compiled into its calls and
# reads each attribute as its double. Where an attribute is not an exact float, or not where the
# interpreter's cache found it, the call is made instead and gives the interpreter's result or
# error: an int, a float subclass, a deleted attribute, an instance whose dict was made, a
# subclass's property, a class given new attributes; and floats at the edges.
import math
import traceback


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def scaled(self, k):
        return self.x * k + self.z


class SlottedVec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z


def total_dot(pairs):
    total = 0.0
    for a, b in pairs:
        total += a.dot(b)
    return total


def scaled_total(vectors, k):
    total = 0.0
    for v in vectors:
        total += v.scaled(k)
    return total


pairs = [(Vec(1.0, 2.0, 3.0), Vec(0.5, -1.5, 2.0)), (Vec(-0.25, 4.0, 1e300), Vec(8.0, 0.125, 1e-300))]
slotted = [(SlottedVec(1.0, 2.0, 3.0), SlottedVec(2.0, 2.0, 2.0))]
vectors = [Vec(1.0, 2.0, 3.0), Vec(-4.0, 0.0, 0.5)]
for _ in range(30):
    total_dot(pairs)
    total_dot(slotted)
    scaled_total(vectors, 2.0)
print(total_dot(pairs), total_dot(slotted), scaled_total(vectors, 0.5))

# floats at the edges
edges = [(Vec(-0.0, 0.0, -0.0), Vec(0.0, -0.0, 1.0)), (Vec(math.inf, 1.0, 1.0), Vec(1.0, 1.0, 1.0))]
print(total_dot(edges), math.copysign(1.0, Vec(-0.0, 0.0, 0.0).scaled(1.0)))
print(total_dot([(Vec(math.nan, 1.0, 1.0), Vec(1.0, 1.0, 1.0))]), total_dot([(Vec(math.inf, 0.0, 0.0), Vec(-math.inf, 0.0, 0.0))]))

# an int attribute, a big int, a float subclass
class Loud(float):
    def __mul__(self, other):
        return 100.0


print(total_dot([(Vec(1, 2, 3), Vec(4.0, 5.0, 6.0))]), total_dot([(Vec(2**70, 1.0, 1.0), Vec(1.0, 1.0, 1.0))]))
print(total_dot([(Vec(Loud(1.0), 0.0, 0.0), Vec(3.0, 0.0, 0.0))]), scaled_total([Vec(Loud(2.0), 1.0, 1.0)], 3.0))

# an attribute deleted: the call made raises the interpreter's AttributeError
gone = Vec(1.0, 2.0, 3.0)
del gone.y
try:
    total_dot([(gone, Vec(1.0, 1.0, 1.0))])
except AttributeError:
    print("".join(traceback.format_exc().splitlines(True)[-4:]), end="")

# an instance whose dict was made, a subclass with a property, new attributes on the class
with_dict = Vec(1.0, 1.0, 1.0)
with_dict.__dict__["w"] = 5.0
print(total_dot([(with_dict, Vec(2.0, 2.0, 2.0))]))


class Computed(Vec):
    @property
    def x(self):
        return 10.0

    @x.setter
    def x(self, value):
        pass


print(total_dot([(Computed(1.0, 1.0, 1.0), Vec(1.0, 1.0, 1.0))]), scaled_total([Computed(1.0, 1.0, 1.0)], 2.0))
Vec.extra = 1.0
print(total_dot(pairs), scaled_total(vectors, 1.5))
