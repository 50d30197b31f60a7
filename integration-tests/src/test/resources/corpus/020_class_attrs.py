# jit-expect-compiled: __init__ move dist2 bump describe
class Point:
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count = Point.count + 1

    def move(self, dx, dy):
        self.x += dx
        self.y = self.y + dy
        return self

    def dist2(self, other):
        dx = self.x - other.x
        dy = self.y - other.y
        return dx * dx + dy * dy


def bump(obj, name_val):
    obj.label = name_val
    obj.x = obj.x * 10
    return obj.label


def describe(p):
    return "Point(" + str(p.x) + ", " + str(p.y) + ")"


a = Point(1, 2)
b = Point(4, 6)
print(describe(a), describe(b), a.dist2(b))
a.move(1, 1).move(2, -3)
print(describe(a), Point.count)
print(bump(b, "bee"), b.label, describe(b))
print(a.dist2(Point(0, 0)), Point.count)
