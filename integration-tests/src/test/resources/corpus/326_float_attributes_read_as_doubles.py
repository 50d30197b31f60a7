# jit-expect-compiled: separation energy drift doubled
# jit-threshold: 5
# jit-loop-threshold: 3
# An attribute that is only read for its float's value (a.x - b.x) is read as a double where the
# interpreter's cache finds an exact float, with no reference taken. Anything else there (an int,
# a float subclass, a str, no attribute at all, a property, __getattr__, an instance whose dict
# was made) must give exactly what the interpreter gives: the value, the exception, the traceback.
import math
import sys
import traceback


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Weird(float):
    def __sub__(self, other):
        return "weird"


def separation(pairs):
    total = 0.0
    for a, b in pairs:
        dx = a.x - b.x
        dy = a.y - b.y
        total += math.sqrt(dx * dx + dy * dy)
    return total


def energy(points, scale):
    e = 0.0
    for p in points:
        e += scale * p.x * p.y
    return e


def show(label, function, *args):
    try:
        print(label, function(*args))
    except Exception as error:
        print(label, type(error).__name__, error)
        print("".join(traceback.format_exception(error)[-3:]).rstrip())


points = [Point(float(i), 0.5 * i) for i in range(6)]
pairs = [(points[i], points[j]) for i in range(6) for j in range(i + 1, 6)]
for round_ in range(8):
    show("warm", separation, pairs)
    show("energy", energy, points, 0.25)

# -0.0, inf and nan read as they are
special = [Point(-0.0, float("inf")), Point(float("nan"), -0.0)]
show("special", energy, special, 2.0)
show("special pairs", separation, [(special[0], special[1]), (points[1], points[2])])

# after warm-up: an int, a float subclass, a str, a bool
points[2].x = 7
show("int", separation, pairs)
points[2].x = 7.5
points[3].y = Weird(1.25)
show("subclass", energy, points, 1.0)
show("subclass sub", separation, [(points[3], points[4])])
points[3].y = "text"
show("str", separation, pairs)
show("str energy", energy, points, 1.0)
points[3].y = True
show("bool", energy, points, 1.0)
points[3].y = 1.5

# the attribute deleted: AttributeError raised by the load, with the loop's line
del points[4].x
show("deleted", separation, pairs)
points[4].x = 4.0


# __getattr__ supplies a missing attribute, and sees the caller's locals as the interpreter has them
class Lazy(Point):
    def __getattr__(self, name):
        caller = sys._getframe(1)
        seen = sorted(k for k in caller.f_locals if k in ("dx", "dy", "total", "e"))
        print("  __getattr__", name, seen)
        return 2.5 if name == "x" else 1.0


lazy = Lazy.__new__(Lazy)
show("getattr", separation, [(points[0], lazy), (lazy, points[1])])
show("getattr energy", energy, [points[1], lazy], 1.0)


# a property in the class: computed each time; one that changes the other operand's attribute
class Polar:
    def __init__(self, r, angle):
        self.r = r
        self.angle = angle

    @property
    def x(self):
        return self.r * math.cos(self.angle)

    @property
    def y(self):
        return self.r * math.sin(self.angle)


class Meddler(Point):
    @property
    def x(self):
        points[0].x = 100.0  # a.x was read before: the difference uses the old value
        return 1.0


show("property", separation, [(points[1], Polar(2.0, 0.5)), (Polar(1.0, 1.0), points[2])])
meddler = Meddler.__new__(Meddler)
meddler.y = 3.0
show("meddler", separation, [(points[0], meddler)])
print("points[0].x now", points[0].x)
points[0].x = 0.0

# a class attribute, no instance attribute
class Defaulted:
    x = 0.75
    y = 0.25

show("class attribute", energy, [Defaulted(), points[1]], 1.0)

# slots, and an instance whose dict was made (vars): the cache no longer applies
slotted = [Slotted(1.0, 2.0), Slotted(3.0, 4.5)]
show("slots", separation, [(slotted[0], slotted[1])] * 3)
show("slots energy", energy, slotted, 0.5)
print(vars(points[5]))
show("dict made", separation, pairs)
points[5].__dict__["x"] = 9.0
show("dict written", energy, points, 1.0)

show("final", separation, pairs)
show("final energy", energy, points, 0.5)


# a function whose locals stay in the frame: the owner its load borrowed is handed over with the
# attribute's object when the attribute stops being a float
class Body:
    def __init__(self, x, v):
        self.x = x
        self.v = v


class Mass(float):
    pass


def drift(bodies, dt, steps):
    for _ in range(steps):
        for b in bodies:
            b.x += dt * b.v
            b.v -= dt * 0.5


bodies = [Body(float(i), 1.5 + i) for i in range(4)]
for round_ in range(6):
    drift(bodies, 0.01, 10)
bodies[0].x = 3
bodies[2].v = Mass(0.5)
drift(bodies, 0.25, 2)
print("drift", [(type(b.x).__name__, b.x, type(b.v).__name__) for b in bodies])
print("refcounts hold:", sys.getrefcount(bodies[0]) == sys.getrefcount(bodies[1]))


# an owner that a call returned: the load's reference to it is released where the attribute's
# object is handed over, as the interpreter releases it
holder = [Body(1.0, 0.0), Body(2.0, 0.0)]


def pick(i):
    return holder[i]


def doubled(n):
    t = 0.0
    for i in range(n):
        t += pick(i % 2).x * 2.0
    return t


for round_ in range(8):
    doubled(20)
holder[0].x = 3
print("doubled", doubled(4), "refcounts hold:", sys.getrefcount(holder[0]) == sys.getrefcount(holder[1]))
