# jit-expect-compiled: kernel blend scaled_diff __mul__ __add__ __init__ __sub__ __truediv__ __repr__ __lt__
class Meters(float):
    def __repr__(self):
        return "Meters(" + float.__repr__(self) + ")"

    def __add__(self, other):
        return Meters(float(self) + float(other) + 1000.0)

    def __radd__(self, other):
        return Meters(float(other) + float(self) + 2000.0)

    def __mul__(self, other):
        return Meters(float(self) * float(other) + 0.125)

    __rmul__ = __mul__

    def __lt__(self, other):
        return float(self) > float(other)


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __mul__(self, other):
        if isinstance(other, Vec):
            return self.x * other.x + self.y * other.y
        return Vec(self.x * other, self.y * other)

    def __rmul__(self, other):
        return Vec(other * self.x, other * self.y)

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return Vec(self.x + other, self.y + other)

    def __sub__(self, other):
        return Vec(self.x - other, self.y - other)

    def __truediv__(self, other):
        return Vec(self.x / other, self.y / other)

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)


def kernel(a, b):
    s = a * b + a
    d = s - b
    return d / b


def blend(x, y, t):
    u = 1.0 - t
    return x * u + y * t


def scaled_diff(p, q):
    if p < q:
        return (q - p) * 0.5
    return (p - q) * 2.0


def show(label, fn, *args):
    try:
        r = fn(*args)
        print(label, type(r).__name__, repr(r))
    except Exception as e:
        print(label, "raised", type(e).__name__ + ":", e)


# the first calls see only exact floats: the functions are specialised for them
show("kernel f", kernel, 1.5, 2.0)
show("blend f", blend, 1.0, 3.0, 0.25)
show("sdiff f", scaled_diff, 1.0, 4.0)
show("sdiff f2", scaled_diff, 4.0, 1.0)

# later calls break the guards
show("kernel ints", kernel, 3, 4)
show("kernel int exact", kernel, 6, 3)
show("kernel bools", kernel, True, True)
show("kernel bool/float", kernel, False, 0.5)
show("kernel mixed", kernel, 3, 0.5)
show("kernel mixed2", kernel, 0.5, 3)
show("kernel bigint", kernel, 10 ** 20, 3)
show("kernel bigint float", kernel, 10 ** 20, 3.0)
show("kernel sub", kernel, Meters(2.0), 4.0)
show("kernel sub2", kernel, 2.0, Meters(4.0))
show("kernel str", kernel, "ab", 2.0)
show("kernel str2", kernel, 2.0, "ab")
show("kernel none", kernel, None, 1.0)
show("kernel vec", kernel, Vec(1.0, 2.0), 2.0)
show("kernel zero int", kernel, 1, 0)
show("kernel zero float", kernel, 1.0, 0.0)
show("kernel huge", kernel, 1e200, 1e200)
show("blend ints", blend, 1, 3, 0)
show("blend t int", blend, 2.0, 6.0, 1)
show("blend bool", blend, 2.0, 6.0, True)
show("blend sub", blend, Meters(1.0), Meters(2.0), 0.5)
show("blend vec", blend, Vec(0.0, 1.0), Vec(4.0, 5.0), 0.5)
show("blend str", blend, "x", "y", 0.5)
show("blend str t", blend, 1.0, 2.0, "t")
show("sdiff ints", scaled_diff, 3, 10)
show("sdiff mixed", scaled_diff, 10, 3.5)
show("sdiff bools", scaled_diff, False, True)
show("sdiff strs", scaled_diff, "a", "b")
show("sdiff str float", scaled_diff, "a", 1.0)
show("sdiff none", scaled_diff, None, None)
show("sdiff sub", scaled_diff, Meters(1.0), 3.0)

# back to floats after the fallbacks: the specialised code still works
for i in range(6):
    x = i * 0.75
    print(i, repr(kernel(x + 0.5, 1.25)), repr(blend(x, -x, 0.1 * i)), repr(scaled_diff(x, 2.0)))

# alternating types in one loop
acc = 0.0
for i, v in enumerate([1.5, 2, True, Meters(0.5), 2.5, 7, 0.1]):
    r = kernel(v, 2.0)
    acc = acc + r
    print(i, type(v).__name__, repr(r), type(r).__name__)
print(repr(acc), float(acc).hex())
