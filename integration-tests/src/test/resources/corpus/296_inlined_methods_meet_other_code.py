# jit-expect-compiled: describe scaled
# jit-threshold: 20
# jit-expect-inlined
# A call into which a method's body was compiled meets, after its compilation, a patched class, a
# function given other code, a subclass that overrides the method, an instance that lacks the
# attribute, a global rebound to another type and an overflowing int: each time the call is made as
# before, with the interpreter's result, and an exception raised in the method shows the method's
# frame in its traceback.
import sys
import traceback

FACTOR = 3


class Shape:
    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size * FACTOR

    def name(self):
        return "shape"


class Square(Shape):
    def name(self):
        return "square"


def describe(shape):
    return shape.name(), shape.area()


def scaled(shape):
    return shape.area()


shapes = [Shape(i) for i in range(30)]
for _ in range(3):
    for shape in shapes:
        describe(shape)
        scaled(shape)
print(describe(shapes[7]), scaled(shapes[7]))

# a subclass that overrides name(): another function at the call
print([describe(Square(i)) for i in range(3)])

# the global the inlined body reads, rebound to a float, then to an int again
FACTOR = 2.5
print(describe(shapes[4]), scaled(shapes[4]))
FACTOR = 3

# an int the inlined arithmetic cannot hold unboxed
print(scaled(Shape(2 ** 62)), scaled(Shape(-(2 ** 62))), scaled(Shape(2 ** 70)))

# an instance without the attribute: the method raises, in its own frame
bare = Shape.__new__(Shape)
try:
    scaled(bare)
except AttributeError:
    print("".join(traceback.format_exc().splitlines(True)[-3:]), end="")

# a function given other code
def area_twice(self):
    return self.size * 2
Shape.area.__code__ = area_twice.__code__
print(scaled(shapes[5]), describe(shapes[5]))

# the class patched: a new method
Shape.area = lambda self: -self.size
print(scaled(shapes[6]), describe(shapes[6]))

# a profiler switched on: it sees every call
calls = []
sys.setprofile(lambda frame, event, arg: calls.append((event, frame.f_code.co_name)) if event == "call" else None)
scaled(shapes[1])
describe(shapes[2])
sys.setprofile(None)
print(calls)
