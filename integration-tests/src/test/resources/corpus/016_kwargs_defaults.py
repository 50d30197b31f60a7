# jit-expect-compiled: describe scale clamp caller
def describe(name, age=0, city="nowhere", tags=None):
    if tags is None:
        tags = ()
    return name + "/" + str(age) + "/" + city + "/" + str(len(tags))


def scale(x, factor=2, offset=0.5):
    return x * factor + offset


def clamp(v, lo=0, hi=10):
    return max(lo, min(hi, v))


def caller():
    a = describe("ann")
    b = describe("bob", city="paris")
    c = describe(age=41, name="cy", tags=[1, 2])
    d = scale(3, offset=1)
    e = scale(x=2, factor=-1)
    f = clamp(v=42, hi=20)
    g = clamp(-5, lo=-3)
    h = sorted([3, 1, 2], reverse=True)
    print(a, b, c, sep=" | ", end=" <<\n")
    return a, b, c, d, e, f, g, h


print(caller())
print(describe("dee", 7, "rome", ["x"]))
print(scale(1.5), clamp(5), clamp(11))
print(int("ff", base=16), int("777", 8))
