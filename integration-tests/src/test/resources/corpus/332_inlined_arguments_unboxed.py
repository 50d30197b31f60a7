# jit-expect-compiled: total_of mixed_sum scaled_sum
# jit-threshold: 20
# jit-loop-threshold: 20
# jit-expect-inlined: area weight at
# Small functions compiled into their calls take the int and float arguments they only compute
# with as numbers, unboxed by the call. Every argument that is not such a number makes the call
# instead, with the interpreter's result: ints at and past 64 bits, bools and other int and float
# subclasses, strs, and values of another type at a call site that saw ints until then; floats at
# the edges (signed zeros, infinities, NaN); a body that also uses an argument's object.
import math


def area(w, h):
    return w * h + 1


def weight(x, y):
    return x * 0.5 - y


def first_or_sum(a, b):
    return a if a > 100 else a + b


class Grid:
    def __init__(self, width):
        self.width = width

    def at(self, i, j):
        return i * self.width + j


def total_of(n):
    total = 0
    for i in range(n):
        total += area(i, i + 1)
    return total


def mixed_sum(values):
    total = 0
    for a, b in values:
        total = total + area(a, b)
    return total


def scaled_sum(xs):
    total = 0.0
    for x in xs:
        total += weight(x, 1.0)
    return total


def grid_sum(grid, n):
    total = 0
    for i in range(n):
        total += grid.at(i, i)
    return total


def firsts(pairs):
    return [first_or_sum(a, b) for a, b in pairs]


for _ in range(30):
    total_of(20)
    mixed_sum([(1, 2), (3, 4)])
    scaled_sum([1.0, 2.5])
    grid_sum(Grid(7), 10)
    firsts([(1, 2), (200, 3)])

print(total_of(50), mixed_sum([(5, 6), (-7, 8)]), scaled_sum([0.25, -3.5]), grid_sum(Grid(3), 12))

# ints at the edges of 64 bits, and past them: the call is made, the result exact
big = 2**63
print(mixed_sum([(2**63 - 1, 1), (-(2**63), 1)]))
print(mixed_sum([(big, 3), (3, big), (big * big, -1)]))
print(area(2**62, 2), area(-(2**62), 2))

# bools, int and float subclasses, strs and floats where ints were
class Count(int):
    def __mul__(self, other):
        return int(self) * other * 10


print(mixed_sum([(True, False), (False, True)]))
print(area(True, 5), area(Count(3), 4), weight(True, 2.0))
print(mixed_sum([(1.5, 2), (2, 0.25)]))
try:
    print(mixed_sum([("ab", 3)]))
except TypeError as error:
    print("TypeError:", error)

# floats at the edges
class Half(float):
    def __mul__(self, other):
        return 42.0


print(scaled_sum([-0.0, 0.0]), math.copysign(1.0, weight(-0.0, 0.0)))
print(scaled_sum([math.inf, 1.0]), scaled_sum([math.nan]), weight(-math.inf, math.inf))
print(scaled_sum([Half(1.0), 2]), weight(3, 1.0))

# a body that returns one of its arguments as well as computing with it
print(firsts([(1, 2), (300, 4), (2**70, 1), (-5, 2.5), (100.5, 1)]))

# a method whose arguments are unboxed, called on an instance whose width changes type
grid = Grid(4)
print(grid_sum(grid, 6))
grid.width = 2.5
print(grid_sum(grid, 6))
grid.width = 10**20
print(grid_sum(grid, 3))

# the body's function rebound: the call is made
def area(w, h):
    return w - h


print(total_of(10), mixed_sum([(9, 4)]))
