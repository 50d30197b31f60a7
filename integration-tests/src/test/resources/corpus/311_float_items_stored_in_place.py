# jit-expect-compiled: scale_rows accumulate halve_first
# jit-threshold: 5
# jit-loop-threshold: 3
# A float computed by compiled code and stored into a list's item overwrites the item's old float
# object when the list alone holds it. Wherever anything else holds that object (a local, another
# list, a dict, a closure), or the item is not a plain float, or the container is no list, the
# store must make a new float exactly as the interpreter does: nobody may see an old value change,
# and an index out of range or of the wrong type raises what the interpreter raises.


def scale_rows(rows, factor, steps):
    for _ in range(steps):
        for row in rows:
            for j in range(len(row)):
                row[j] = row[j] * factor + 0.5


def accumulate(out, a, b):
    for i in range(len(a)):
        ak = a[i]
        bk = b[i]
        for j in range(len(out)):
            out[j] += ak * bk[j]
    return out


def halve_first(container, key):
    container[key] = container[key] * 0.5
    return container[key]


rows = [[float(i + j) for j in range(5)] for i in range(3)]
out = [0.0] * 4
a = [1.5, -2.0, 0.25]
b = [[0.5 * (i + j) for j in range(4)] for i in range(3)]
for round_ in range(6):
    scale_rows(rows, 0.75, 4)
    accumulate(out, a, b)
    print(round_, rows, out)

# the old float is held elsewhere: a local, another list, a dict, a closure, the same list twice
held = rows[0][0]
kept = [rows[0][1]]
other = {"v": rows[1][0]}
grab = (lambda value: (lambda: value))(rows[1][1])
rows[2][1] = rows[2][0]
scale_rows(rows, 2.0, 2)
print(held, kept, other, grab(), rows)
print(held is rows[0][0], kept[0] is rows[0][1], rows[2][0] is rows[2][1])

# items that are ints, a float subclass, a string; a negative index; an index past the end
class Weird(float):
    pass


mixed = [3, Weird(2.5), 4.0, True]
print(halve_first(mixed, 0), halve_first(mixed, 1), halve_first(mixed, -2), halve_first(mixed, 3))
print([(type(x).__name__, x) for x in mixed])
try:
    halve_first([1.0, 2.0], 5)
except IndexError as error:
    print("IndexError:", error)
try:
    halve_first([1.0, 2.0], 1.0)
except TypeError as error:
    print("TypeError:", error)
try:
    halve_first(["text"], 0)
except TypeError as error:
    print("TypeError:", error)

# containers that are no list: a dict, a tuple, a class with __setitem__, a list subclass
class Logged(list):
    def __setitem__(self, index, value):
        print("set", index, value)
        super().__setitem__(index, value)


class Grid:
    def __init__(self):
        self.cells = {0: 8.0}

    def __getitem__(self, key):
        return self.cells[key]

    def __setitem__(self, key, value):
        print("grid", key, value)
        self.cells[key] = value


print(halve_first({"k": 9.0}, "k"), halve_first(Logged([6.0]), 0), halve_first(Grid(), 0))
try:
    halve_first((4.0,), 0)
except TypeError as error:
    print("TypeError:", error)
