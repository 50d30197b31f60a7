# jit-expect-compiled: __init__ __len__ total __setitem__ __getitem__ __contains__ __delitem__ __missing__
# __getitem__/__setitem__/__delitem__/__len__/__contains__/__iter__ on user classes: iteration
# through the old __getitem__ protocol (stops at IndexError), slices passed as slice objects,
# negative indices, KeyError from __missing__ of a dict subclass.
class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("square index out of range")
        return i * i

    def __len__(self):
        return self.n


class Grid:
    def __init__(self):
        self.cells = {}

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __getitem__(self, key):
        return self.cells.get(key, ".")

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells


class Defaults(dict):
    def __missing__(self, key):
        if key.startswith("x"):
            raise KeyError("really missing: " + key)
        return key.upper()


def total(seq):
    t = 0
    for v in seq:
        t += v
    return t


s = Squares(6)
print(list(s), total(s), len(s), s[-1], s[1:5], s[::-2])
print(4 in s, 5 in s)
try:
    s[6]
except IndexError as e:
    print("IndexError:", e)
g = Grid()
for i in range(3):
    g[i, i] = "#"
g[0, 2] = "@"
print("".join(g[0, c] for c in range(3)), (1, 1) in g, (2, 1) in g)
del g[1, 1]
print(sorted(g.cells))
d = Defaults(a=1)
print(d["a"], d["bee"], d.get("bee"), "bee" in d)
try:
    d["xyz"]
except KeyError as e:
    print("KeyError:", e)
