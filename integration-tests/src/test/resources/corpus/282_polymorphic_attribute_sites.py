# jit-expect-compiled: read_value read_shared call_kind store_value read_slot store_slot bump
# jit-threshold: 5
# One attribute site meets several types once its function is compiled, so it works from its own
# shapes (instance values, slots, class attributes, methods) as well as the interpreter's one-type
# cache; then every assumption behind those shapes is broken, and each access must still give what
# the interpreter gives.


class Base:
    shared = "base-shared"

    def __init__(self, value):
        self.value = value

    def kind(self):
        return "base"


class Left(Base):
    def kind(self):
        return "left"


class Right(Base):
    shared = "right-shared"

    def __init__(self, value):
        self.extra = value * 2
        self.value = value + 1


class Odd:
    def __init__(self, value):
        self.value = -value

    def kind(self):
        return "odd"


class SlotA:
    __slots__ = ("value", "spare")

    def __init__(self, value):
        self.value = value


class SlotB:
    __slots__ = ("pad", "value")

    def __init__(self, value):
        self.pad = None
        self.value = value * 10


class WithGetattr:
    def __getattr__(self, name):
        return f"getattr:{name}"


class WithProperty(Base):
    @property
    def shared(self):
        return "property-shared"


def read_value(o):
    return o.value


def read_shared(o):
    return o.shared


def call_kind(o):
    return o.kind()


def store_value(o, v):
    o.value = v
    return o.value


def read_slot(o):
    return o.value


def store_slot(o, v):
    o.value = v


def bump(objects, times):
    total = 0
    for _ in range(times):
        for o in objects:
            o.value = o.value + 1
            total += o.value
    return total


objects = [Base(1), Left(2), Right(3), Odd(4)]
for round_ in range(12):
    print(round_, [read_value(o) for o in objects], [read_shared(o) for o in objects[:3]],
          [call_kind(o) for o in objects], [store_value(o, round_) for o in objects])

slotted = [SlotA(1), SlotB(2)]
for round_ in range(10):
    print("slots", [read_slot(o) for o in slotted])
    for o in slotted:
        store_slot(o, round_)

print("bump", bump([Base(1), Left(2), Right(3), Odd(4), SlotA(5), SlotB(6)], 20))

# a missing instance value: the generic path raises exactly as the interpreter does
empty = Left.__new__(Left)
try:
    read_value(empty)
except AttributeError as error:
    print("missing:", error)
try:
    read_slot(SlotA.__new__(SlotA))
except AttributeError as error:
    print("missing slot:", error)

# an instance attribute now shadows the class attribute and the method (the shared keys grow)
shadowing = Left(7)
shadowing.shared = "instance-shared"
shadowing.kind = lambda: "instance-kind"
print(read_shared(shadowing), call_kind(shadowing), read_shared(Left(8)), call_kind(Left(8)))

# the class is patched: a new class attribute, a method replaced, a property that shadows values
Left.shared = "patched-shared"
Left.kind = lambda self: "patched-kind"
Right.value = property(lambda self: "property-value", lambda self, v: None)
print(read_shared(Left(9)), call_kind(Left(9)), read_value(Right(10)))
print([read_value(o) for o in objects], [read_shared(o) for o in objects[:3]], [call_kind(o) for o in objects])
del Right.value
print(read_value(Right(11)))

# an instance whose __dict__ was replaced, a deleted attribute, a type with __getattr__, a property
replaced = Base(12)
replaced.__dict__ = {"value": "from-new-dict"}
print(read_value(replaced), store_value(replaced, "stored-in-new-dict"), replaced.__dict__)
deleted = Base(13)
del deleted.value
try:
    read_value(deleted)
except AttributeError as error:
    print("deleted:", error)
print(read_value(WithGetattr()), read_shared(WithGetattr()), read_shared(WithProperty(14)))

# a slot's descriptor replaced on its class
SlotB.value = property(lambda self: "slot-property")
print([read_slot(o) for o in slotted])
