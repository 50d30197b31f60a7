# jit-expect-compiled: advance advance_slots drift
# jit-threshold: 5
# jit-loop-threshold: 3
# A float computed by compiled code and stored into an attribute overwrites the attribute's old
# float object when the owner alone holds it. Wherever anything else holds that object (a local, a
# list, another object's attribute), or the attribute is not a plain float, the store must make a
# new float, exactly as the interpreter does, and nobody may see an old value change.


class Body:
    def __init__(self, x, v):
        self.x = x
        self.v = v


class SlottedBody:
    __slots__ = ("x", "v")

    def __init__(self, x, v):
        self.x = x
        self.v = v


class Weird(float):
    pass


def advance(bodies, dt, steps):
    for _ in range(steps):
        for b in bodies:
            b.x += dt * b.v
            b.v -= dt * 0.5


def advance_slots(bodies, dt, steps):
    for _ in range(steps):
        for b in bodies:
            b.x = b.x + dt * b.v


def drift(body, dt):
    body.x = body.x * 0.5 + dt
    return body.x


bodies = [Body(float(i), 1.5 + i) for i in range(4)]
slotted = [SlottedBody(float(i), 0.25 * i) for i in range(3)]
for round_ in range(6):
    advance(bodies, 0.01, 10)
    advance_slots(slotted, 0.02, 10)
    print(round_, [(b.x, b.v) for b in bodies], [(s.x, s.v) for s in slotted])

# the old float is held elsewhere: a local, a list, another object, a dict, a closure
held = bodies[0].x
kept = [bodies[1].x]
twin = Body(bodies[2].x, 0.0)
other = {"v": bodies[3].v}
grab = (lambda value: (lambda: value))(slotted[0].x)
advance(bodies, 0.5, 3)
advance_slots(slotted, 0.5, 3)
print(held, kept, twin.x, other, grab(), [(b.x, b.v) for b in bodies], [s.x for s in slotted])
print(held is bodies[0].x, kept[0] is bodies[1].x, twin.x is bodies[2].x)

# the attribute holds an int, a float subclass, a string: the store makes a float
bodies[0].x = 3
bodies[1].x = Weird(2.5)
advance(bodies, 0.25, 2)
print([(type(b.x).__name__, b.x) for b in bodies])
mixed = Body("text", 1.0)
try:
    advance([mixed], 0.1, 1)
except TypeError as error:
    print("text:", error)

# an attribute whose store runs code: a property with a setter, then one without; __setattr__
class Tracked(Body):
    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        print("set x", value)
        self._x = value


tracked = Tracked(1.0, 2.0)
print(drift(tracked, 0.5), drift(Body(4.0, 0.0), 0.5))


class Frozen(Body):
    def __setattr__(self, name, value):
        if name == "x" and hasattr(self, "x"):
            raise AttributeError(f"x is frozen at {self.x}")
        super().__setattr__(name, value)


try:
    drift(Frozen(8.0, 0.0), 1.0)
except AttributeError as error:
    print("frozen:", error)

# the class is patched after compilation: now a read-only property, then gone again
Body.x = property(lambda self: -1.0)
try:
    drift(Body(1.0, 1.0), 0.25)
except AttributeError as error:
    print("read-only:", error)
del Body.x
print(drift(Body(6.0, 0.0), 0.25))
e = Body(2.0, 2.0)
e.__dict__ = {"x": 10.0, "v": 1.0}
print(drift(e, 1.0), e.__dict__)
