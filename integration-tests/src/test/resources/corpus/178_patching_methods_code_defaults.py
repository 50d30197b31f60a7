# jit-expect-compiled: __init__ total_area area <lambda> greet fast slow
# Patching between calls of compiled functions: a method replaced on the class and shadowed on one
# instance, f.__code__ = g.__code__, __defaults__ and __kwdefaults__ reassigned, and a class's
# __class__ swapped on an instance; each change is seen by the next call in the loop.
class Shape:
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


def total_area(shapes):
    t = 0
    for sh in shapes:
        t += sh.area()
    return t


def greet(name, greeting="hello", *, punct="!"):
    return greeting + " " + name + punct


def fast(x):
    return x + 1


def slow(x):
    return x * 1000


shapes = [Shape(1), Shape(2), Shape(3)]
print(total_area(shapes))
Shape.area = lambda self: self.s * 10
print(total_area(shapes))
shapes[0].area = lambda: -1000
print(total_area(shapes))
del shapes[0].area
del Shape.area
try:
    total_area(shapes)
except AttributeError as e:
    print("AttributeError:", e)


class Square(Shape):
    def area(self):
        return 7


shapes[1].__class__ = Square
Shape.area = lambda self: 1
print(total_area(shapes))

for i in range(2):
    print(greet("ann"), greet("bob", "hi"), greet("cy", punct="?"))
    greet.__defaults__ = ("bye",)
    greet.__kwdefaults__ = {"punct": "."}
greet.__defaults__ = None
try:
    greet("dee")
except TypeError as e:
    print("TypeError:", e)
greet.__kwdefaults__ = None
try:
    greet("dee", "yo")
except TypeError as e:
    print("TypeError:", e)

results = []
for i in range(4):
    results.append(fast(i))
    if i == 1:
        saved = fast.__code__
        fast.__code__ = slow.__code__
print(results, fast.__name__)
fast.__code__ = saved
print(fast(1))
try:
    fast.__code__ = greet.__code__
    fast(1)
except (TypeError, ValueError) as e:
    print(type(e).__name__ + ":", e)
