# jit-expect-compiled: __init__ describe total_area area outside main kind
# Zero-argument super() uses the __class__ cell: methods in a hierarchy, super() in __init__,
# in a classmethod, in a property, __class__ referenced directly, and a method copied to another class.
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def describe(self):
        return "shape " + self.name

    @classmethod
    def make(cls, *args):
        return cls(*args)

    def area(self):
        return 0


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def describe(self):
        return super().describe() + " %dx%d" % (self.w, self.h)

    def area(self):
        return self.w * self.h

    @classmethod
    def make(cls, *args):
        obj = super().make(*args)
        obj.made_by = cls.__name__
        return obj

    @property
    def kind(self):
        return __class__.__name__ + "/" + type(self).__name__


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

    def describe(self):
        return "[" + super().describe() + "]"


def total_area(shapes):
    t = 0
    for s in shapes:
        t += s.area()
    return t


def main():
    shapes = []
    for i in range(1, 4):
        shapes.append(Rect(i, i + 1))
        shapes.append(Square(i))
    print([s.describe() for s in shapes[:2]])
    print(total_area(shapes), Shape.count)
    sq = Square.make(5)
    print(sq.describe(), sq.made_by, sq.kind)
    print(Rect.make(2, 3).kind)


main()


def outside(self):
    return super().describe()


class Other(Shape):
    pass


Other.bad = outside
try:
    Other("o").bad()
except RuntimeError as e:
    print("RuntimeError:", e)
Other.borrowed = Square.describe
try:
    print(Other("o").borrowed())
except TypeError as e:
    print("TypeError:", e)
