# jit-expect-compiled: make_points make_bad raise_in_init make_with_defaults patched
# jit-threshold: 20
# Calls of classes whose __init__ is a Python function, from code compiled after the interpreter
# ran it (and specialised those calls: CALL_ALLOC_AND_ENTER_INIT for a class without __slots__).
# The compiled calls must give what type.__call__ gives when __init__ returns something other
# than None, raises (the traceback goes through __init__), takes defaults and *args, or the
# wrong number of arguments, and when the class's __init__ is replaced after the compilation.
import traceback


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Bad:
    def __init__(self, value):
        self.value = value
        return value


class Raising:
    def __init__(self, value):
        if value > 3:
            raise ValueError(f"too big: {value}")
        self.value = value


class WithDefaults:
    def __init__(self, a, b=10, *rest):
        self.total = a + b + sum(rest)


def make_points(n):
    points = [Point(i, i * 2) for i in range(n)]
    slotted = Slotted(n, -n)
    return points[-1], slotted.a + slotted.b, type(points[0]).__name__


def make_bad(value):
    return Bad(value)


def raise_in_init(value):
    return Raising(value).value


def make_with_defaults(a):
    return WithDefaults(a).total + WithDefaults(a, 1).total + WithDefaults(a, 1, 2, 3).total


def patched(n):
    return Point(n, n)


def wrong_count():
    return Point(1)


for i in range(25):
    make_points(3)
    make_bad(None)
    raise_in_init(1)
    make_with_defaults(i)
    patched(i)

print(make_points(5))
print(make_bad(None).value)
try:
    make_bad(7)
except TypeError as error:
    print("TypeError:", error)
for value in (2, 5):
    try:
        print(raise_in_init(value))
    except ValueError:
        traceback.print_exc()
print(make_with_defaults(100))


def new_init(self, x, y):
    self.x = -x
    self.y = -y


Point.__init__ = new_init
print(patched(4))
try:
    wrong_count()
except TypeError as error:
    print("TypeError:", error)
Point.__init__ = lambda self, x, y: None
print(vars(patched(5)))
