# jit-expect-compiled: classify
# jit-expect-intrinsics
# jit-threshold: 20
# isinstance(x, cls) is computed by compiled code where cls is a plain class: true for instances
# of it and its subclasses, false for ints, floats, strs and the other builtins. Anything else
# makes the call: a tuple of classes, an abstract base class, a metaclass with its own
# __instancecheck__, an instance that claims another __class__, a rebound isinstance, and a
# second argument that is no class at all.
import abc
import builtins
import traceback


class Shape:
    pass


class Circle(Shape):
    pass


class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, other):
        return hasattr(other, "__len__")


class Loud(type):
    def __instancecheck__(cls, instance):
        print("  Loud.__instancecheck__", type(instance).__name__)
        return True


class Anything(metaclass=Loud):
    pass


class Impostor:
    @property
    def __class__(self):
        print("  Impostor.__class__ asked")
        return Circle


def classify(value, kind):
    return isinstance(value, kind)


values = [Shape(), Circle(), 1, 2.5, "s", [], (), {}, None, True, Impostor()]
for _ in range(30):
    row = [classify(value, Shape) for value in values]
print("Shape", row)
print("Circle", [classify(value, Circle) for value in values])
print("int", [classify(value, int) for value in values])
print("tuple", [classify(value, (int, str)) for value in values])
print("abc", [classify(value, Sized) for value in values])
print("metaclass", [classify(value, Anything) for value in values[:3]])
try:
    classify(1, "not a class")
except TypeError:
    traceback.print_exc(limit=-1, chain=False)
original = builtins.isinstance
builtins.isinstance = lambda value, kind: "rebound"
print("rebound", classify(1, int))
builtins.isinstance = original
print("restored", classify(1, int), classify(Circle(), Shape))
