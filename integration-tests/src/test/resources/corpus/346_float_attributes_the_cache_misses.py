# jit-expect-compiled: kinetic drift speed many_names
# jit-threshold: 5
# jit-loop-threshold: 5
# jit-expect-deopts: kinetic drift speed
# A float attribute read only to compute with (p.vx * p.vx) is read in place where its site's
# cache knows the owner's layout. Where it does not (a class the site never met, a property, an
# attribute gone, a sixth layout), the interpreter takes the frame over at the read itself, with
# the owner back on its stack, and what follows is the interpreter's: the same values, the same
# exceptions at the same lines. A read whose name needs EXTENDED_ARG is never resumed at: it reads
# the generic way.


class Body:
    def __init__(self, x, vx):
        self.x = x
        self.vx = vx

    def speed(self):
        return abs(self.vx) * 1.0


class Spinning:
    """vx is a property: no cache reads it in place."""

    def __init__(self, x, v):
        self.x = x
        self._v = v

    @property
    def vx(self):
        return self._v * 2.0


def kinetic(points):
    total = 0.0
    for p in points:
        total += 0.5 * p.vx * p.vx
    return total


def drift(points, dt):
    for p in points:
        p.x = p.x + p.vx * dt
    return points[0].x


def layouts(n):
    # each class a layout of its own: more than an attribute site keeps
    made = []
    for i in range(n):
        cls = type(f"Layout{i}", (), {})
        obj = cls()
        for j in range(i):
            setattr(obj, f"pad{j}", j)
        obj.x = float(i)
        obj.vx = 0.25 * i
        made.append(obj)
    return made


bodies = [Body(float(i), 0.5 + i) for i in range(8)]
for _ in range(12):
    print(round(kinetic(bodies), 6), round(drift(bodies, 0.01), 6), bodies[3].speed())

# a class the compiled code never met, whose vx is a property
mixed = bodies[:3] + [Spinning(1.0, 3.0)] + bodies[3:]
print(round(kinetic(mixed), 6), round(drift(mixed, 0.5), 6))

# six layouts at once
print(round(kinetic(layouts(6)), 6), round(drift(layouts(6), 2.0), 6))

# an attribute gone: AttributeError at the read, as the interpreter raises it
gone = Body(1.0, 2.0)
del gone.vx
try:
    kinetic(bodies + [gone])
except AttributeError as error:
    print("kinetic:", error)
try:
    gone.speed()
except AttributeError as error:
    print("speed:", error)

# an int where a float was: the read resumes and the arithmetic is the interpreter's
bodies[0].vx = 7
print(kinetic(bodies), bodies[0].speed())

# a read whose name index needs EXTENDED_ARG (more than 127 names before it)
names = [f"n{i}" for i in range(130)]
source = "def many_names(o):\n    t = 0.0\n" + "".join(f"    t += o.{name} * 1.5\n" for name in names) + "    return t\n"
namespace = {}
exec(compile(source, __file__, "exec"), namespace)  # named after this file, as the stats find functions
many_names = namespace["many_names"]


class Wide:
    pass


wide = Wide()
for i, name in enumerate(names):
    setattr(wide, name, i * 0.5)
for _ in range(8):
    print(many_names(wide))
narrow = Wide()
for i, name in enumerate(names):
    setattr(narrow, name, 1.0 if i < 129 else 2)
print(many_names(narrow))
