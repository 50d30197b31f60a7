# jit-expect-compiled: __init__ move distance
# __slots__ classes: attributes stored in slots, AttributeError for unknown attributes and for
# unset slots, del of a slot, slots in subclasses with and without __dict__, and no __weakref__.
import weakref


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self


class Named(Vec):
    __slots__ = ("name",)


class Loose(Vec):
    pass


def distance(vs):
    d = 0
    for v in vs:
        d += v.x * v.x + v.y * v.y
    return d


vs = []
for i in range(10):
    vs.append(Vec(i, 1).move(1, i))
print(distance(vs), vs[3].x, vs[3].y)
v = Vec(1, 2)
try:
    v.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del v.y
try:
    print(v.y)
except AttributeError as e:
    print("AttributeError:", e)
n = Named(0, 0)
try:
    n.name
except AttributeError as e:
    print("AttributeError:", e)
n.name = "origin"
print(n.name, hasattr(n, "__dict__"), hasattr(Loose(1, 1), "__dict__"))
l = Loose(1, 2)
l.extra = "ok"
print(vars(l), sorted(Vec.__slots__), type(Vec.__dict__["x"]).__name__)
try:
    weakref.ref(v)
except TypeError as e:
    print("TypeError:", e)
print(distance([n, l]))
