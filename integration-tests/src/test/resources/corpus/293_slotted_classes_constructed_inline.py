# jit-expect-compiled: build make_path __init__
# jit-threshold: 3
# jit-loop-threshold: 3
# A class whose instances have __slots__ alone (no inline values) is constructed by compiled code
# too, as type.__call__ would: the interpreter never specialises that call, so it counts no frame
# of its own, and a recursion through the constructor stops where the interpreter's does. An
# __init__ inherited from a base, one that raises (its traceback), one that returns something
# (the instance is collected before the error propagates), and one that reads its caller's frame.
import sys


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)


class Named(Vector):
    __slots__ = ("caller",)

    def describe(self):
        return f"{self.x},{self.y}"


class Checked:
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n
        if n < 0:
            raise ValueError(f"negative {n}")
        if n == 13:
            return "unlucky"

    def __del__(self):
        print("  collected", self.n)


class Framed:
    __slots__ = ("caller",)

    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name


depth = 0


class Deep:
    __slots__ = ()

    def __init__(self):
        global depth
        depth += 1
        Deep()


def build(kind, *args):
    return kind(*args)


def make_path(n):
    total = Vector(0, 0)
    for i in range(n):
        total = total + Vector(i, 2 * i)
    return total


for round_ in range(5):
    path = make_path(round_ * 10)
    print(path.x, path.y, build(Named, round_, 1).describe(), build(Checked, round_).n, build(Framed).caller)

for n in (13, -2):
    try:
        build(Checked, n)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)

try:
    Deep()
except RecursionError as error:
    print("RecursionError", error, depth > 100)
print("depth", depth)
depth = 0
try:
    build(Deep)
except RecursionError:
    pass
print("depth from compiled code", depth)

build(Checked, -5)
