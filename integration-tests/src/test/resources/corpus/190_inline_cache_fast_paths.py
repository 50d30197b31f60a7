# jit-expect-compiled: get_x set_x call_m get_slots set_slot class_attr_via_instance type_attr module_attr read_global read_builtin hinted
# jit-threshold: 5
# Each function runs four times in the interpreter first, which specialises its attribute and
# global accesses; the compiled code then takes those fast paths through the interpreter's caches.
import math


class Point:
    kind = "point"

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Pair:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Bag:
    pass


SCALE = 10


def get_x(p):
    return p.x


def set_x(p, v):
    p.x = v


def call_m(p):
    return p.norm2()


def get_slots(s):
    return s.a + s.b


def set_slot(s, v):
    s.b = v


def class_attr_via_instance(p):
    return p.kind


def type_attr():
    return Point.kind


def module_attr():
    return math.pi


def read_global():
    return SCALE


def read_builtin(v):
    return abs(v)


def hinted(bag):
    return bag.attr_40


def main():
    p = Point(3, 4)
    s = Pair(1, 2)
    bag = Bag()
    bag.__dict__.update({"attr_%d" % i: i for i in range(60)})
    total = 0
    kinds = set()
    for i in range(40):
        set_x(p, i)
        set_slot(s, i)
        total += get_x(p) + call_m(p) + get_slots(s) + read_global() + read_builtin(-i) + hinted(bag)
        kinds.add(class_attr_via_instance(p) + type_attr())
        total += int(module_attr() * 100)
    print(total, sorted(kinds))


main()
