# jit-expect-compiled: build __init__ sum_norms norm1 checked init_v2
# Classes instantiated in hot loops (CPython specialises such call sites as
# CALL_ALLOC_AND_ENTER_INIT and pushes the __init__ frame itself): __init__ must be compiled and
# entered there, raise through the site, return a non-None value (TypeError), be inherited, be
# replaced on the class between loops, and run under a subclass that adds attributes.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Point3(Point):
    pass


class Checked:
    def __init__(self, v):
        self.v = checked(v)


class Bad:
    def __init__(self, v):
        self.v = v
        return v


def checked(v):
    if v < 0:
        return None + v
    return v


def build(cls, n):
    pts = []
    for i in range(n):
        pts.append(cls(i, -i * 2))
    return pts


def sum_norms(pts):
    t = 0
    for p in pts:
        t += p.norm1()
    return t


print(sum_norms(build(Point, 50)), sum_norms(build(Point3, 20)))

made = []
for i in range(30):
    made.append(Point(i, i + 1))
print(len(made), made[-1].x, made[-1].y, made[7].norm1())

results = []
for v in (3, 2, 1, 0, -1, 5):
    try:
        results.append(Checked(v).v)
    except TypeError as e:
        results.append("TypeError")
print(results)

for v in (None, None, 7):
    try:
        b = Bad(v)
        print("Bad ok", b.v)
    except TypeError as e:
        print("TypeError:", e)


def init_v2(self, x, y):
    self.x = x * 100
    self.y = y


old_init = Point.__init__
Point.__init__ = init_v2
print(sum_norms(build(Point, 5)), sum_norms(build(Point3, 5)))
Point.__init__ = old_init
print(sum_norms(build(Point, 5)))
try:
    build(Point, 3)[0].__init__(1)
except TypeError as e:
    print("TypeError:", e)
try:
    for i in range(5):
        Point(i)
except TypeError as e:
    print("loop TypeError at", i, e)
