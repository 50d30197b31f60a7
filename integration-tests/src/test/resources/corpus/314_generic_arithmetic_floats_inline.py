# jit-expect-compiled: dot combine
# jit-threshold: 5
# Vectors whose components are floats and sometimes ints (Vector(0, 1, 0)) make a method
# specialised for floats fail its guards until it is compiled again without speculations. That
# generic version computes +, -, * and / of two exact floats in its own code (corpus 315: two small
# ints) and leaves everything else to the runtime: ints, an int and a float, float subclasses, bools, strs, a division by zero,
# nan, infinities, negative zero. Every result must be the interpreter's, value and type.
import math


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z


class MyFloat(float):
    def __mul__(self, other):
        return MyFloat(float(self) * other + 100)

    def __add__(self, other):
        return MyFloat(float(self) + other + 1000)


def combine(a, b):
    s = a + b
    d = a - b
    p = a * b
    q = a / b
    s += b
    d -= a
    p *= b
    q /= a
    return s, d, p, q


def show(value):
    if isinstance(value, float) and math.isnan(value):
        return f"{type(value).__name__} nan"
    return f"{type(value).__name__} {value!r}"


def main():
    floats = [Vector(1.5, 2.0, -0.5), Vector(0.25, -4.0, 8.0)]
    mixed = [Vector(0, 1, 0), Vector(1.0, 0, 2), Vector(True, 2.5, -1)]
    total = 0.0
    for i in range(300):
        a = floats[i % 2] if i < 40 or i % 3 else mixed[i % 3]
        b = floats[(i + 1) % 2] if i % 5 else mixed[(i + 1) % 3]
        total += a.dot(b)
    print(total)
    print(show(Vector(0, 1, 0).dot(Vector(0, 1, 0))), show(Vector(1.0, 2.0, 3.0).dot(Vector(1.0, 2.0, 3.0))))
    print(show(Vector(MyFloat(2.0), 1.0, 1.0).dot(Vector(3.0, 1.0, 1.0))))
    try:
        Vector("a", 1.0, 1.0).dot(Vector(2.0, 1.0, 1.0))
    except TypeError as error:
        print("TypeError", error)

    pairs = [(1.5, 2.0), (3, 4), (2.5, 2), (2, 2.5), (True, 0.5), (-0.0, 0.0), (0.0, -0.0), (math.inf, 2.0),
             (math.inf, -math.inf), (math.nan, 1.0), (1e308, 1e308), (5e-324, 0.5), (MyFloat(1.5), 2.0), (2 ** 70, 0.5),
             (7, 2), (1.0, 3.0)]
    for _ in range(8):
        for a, b in pairs:
            try:
                print(" | ".join(show(v) for v in combine(a, b)))
            except ZeroDivisionError as error:
                print("ZeroDivisionError", error)
    for a, b in [(1.0, 0.0), (0.0, 0.0), (1, 0), (2.5, False)]:
        try:
            combine(a, b)
        except ZeroDivisionError as error:
            print("ZeroDivisionError", error)
    try:
        combine(0.0, 1.0)
    except ZeroDivisionError as error:
        print("ZeroDivisionError in place", error)
    try:
        combine("x", "y")
    except TypeError as error:
        print("TypeError", error)


main()
