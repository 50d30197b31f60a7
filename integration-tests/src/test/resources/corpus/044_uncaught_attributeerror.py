# jit-expect-compiled: __init__ area total_area
class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h


class Circle:
    def __init__(self, r):
        self.r = r


def area(shape):
    return shape.w * shape.h


def total_area(shapes):
    t = 0
    for s in shapes:
        t += area(s)
        print("running total", t)
    return t


print(total_area([Rect(2, 3), Rect(4, 5)]))
print(total_area([Rect(1, 1), Circle(2), Rect(3, 3)]))
print("not reached")
