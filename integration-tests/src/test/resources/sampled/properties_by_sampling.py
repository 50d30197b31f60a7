import operator
import sys
import time

runtime = sys.modules.get('_pyjit_rt')


class Shape:
    def __init__(self, size):
        self._size = size

    @property
    def size(self):
        return self._size

    @property
    def area(self):
        return self._size * self._size


class Square(Shape):
    pass


class Circle(Shape):
    @property
    def area(self):
        return 3 * self._size * self._size


class Fixed(Shape):
    size = 7  # a plain class attribute where the others have a property


class Lazy(Shape):
    size = property(operator.attrgetter('_size'))  # a getter that is no function

    def __getattr__(self, name):  # the type's lookup is not the generic one
        return len(name)


class Broken(Shape):
    @property
    def area(self):
        raise AttributeError('no area for ' + type(self).__name__)


def measure(shapes):
    total = 0
    for s in shapes:
        total += s.size + s.area
    return total


def compiled(*functions):
    return runtime is None or all(runtime.is_compiled(f.__code__) for f in functions)


# until the sampler found it hot and its native code is in (at most a minute), then natively
shapes = [Square(i % 5) for i in range(50)] + [Circle(i % 3) for i in range(50)]
deadline = time.monotonic() + 60
first = measure(shapes)
while not compiled(measure) and time.monotonic() < deadline:
    assert measure(shapes) == first
for _ in range(300):
    assert measure(shapes) == first
print(first)

# owners whose attribute is no property the site knows
print(measure([Fixed(2), Lazy(3), Square(4)]))
lazy = Lazy(5)
del lazy._size
print(measure([lazy]))  # __getattr__ answers for the attribute the getter reads

# a class patched: its property replaced, then given a new getter in place, then deleted
Shape.size = property(lambda self: -self._size)
print(measure(shapes))
Shape.size.__init__(lambda self: 100)
print(measure(shapes))
del Shape.size
try:
    measure(shapes)
except AttributeError as error:
    print('AttributeError:', error)
Shape.size = property(lambda self: self._size)

# an instance whose class changes under the load
square = Square(6)
print(measure([square]))
square.__class__ = Circle
print(measure([square]))

# a getter that raises, caught and then uncaught: the traceback names measure's line
try:
    measure([Broken(1)])
except AttributeError as error:
    print('AttributeError:', error)
measure([Square(1), Broken(2)])
