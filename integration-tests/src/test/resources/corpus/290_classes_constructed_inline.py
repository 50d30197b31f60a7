# jit-expect-compiled: build __init__ build_all
# jit-threshold: 3
# jit-loop-threshold: 3
# Compiled code constructs an instance of a plain class itself, as type.__call__ would: it
# allocates the object and runs __init__ in a frame of its own. Anything else goes the generic
# way: an __init__ that returns something, or raises, or takes the wrong arguments, a class with
# __new__, a metaclass, __slots__, a built-in base, an abstract class, an __init__ replaced later.
import abc
import sys


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        self.caller = sys._getframe(1).f_code.co_name

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.caller})"


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


class Returning:
    def __init__(self, value):
        self.value = value
        if value == "bad":
            return value


class Raising:
    def __init__(self, n):
        self.n = n
        if n < 0:
            raise ValueError(f"negative {n}")

    def __del__(self):
        print("  collected", self.n)


class WithNew:
    def __new__(cls, *args):
        instance = super().__new__(cls)
        instance.made_by_new = True
        return instance

    def __init__(self, v):
        self.v = v


class Meta(type):
    def __call__(cls, *args):
        print("  Meta.__call__", args)
        return super().__call__(*args)


class Tracked(metaclass=Meta):
    def __init__(self, v):
        self.v = v


class Listish(list):
    def __init__(self, v):
        super().__init__([v, v])


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        pass


class KeywordOnly:
    def __init__(self, a, *, b=2):
        self.total = a + b


def build(kind, arg):
    return kind(arg)


def build_all(n):
    return [Point(i, i * 2) for i in range(n)] + [Point(n)]


for round_ in range(6):
    print(build(Point, round_), build(Slotted, round_).a, build(Returning, round_).value, build(Raising, round_).n)
    print(build(WithNew, round_).made_by_new, build(Tracked, round_).v, build(Listish, round_), build(KeywordOnly, round_).total)
    print(build_all(round_ % 3))

for kind, arg in ((Returning, "bad"), (Raising, -1), (Shape, None), (Point, None)):
    try:
        print(build(kind, arg) if arg is not None else build(kind, 1) if kind is Point else kind())
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
try:
    Point(1, 2, 3)
except TypeError as error:
    print("TypeError", error)
Point.__init__ = lambda self, x, y=5: setattr(self, "x", -x) or setattr(self, "y", y) or setattr(self, "caller", "lambda")
print(build(Point, 7), build_all(1))
