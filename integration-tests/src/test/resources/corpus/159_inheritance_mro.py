# jit-expect-compiled: __init__ describe_all describe who
# Multiple inheritance: the C3 MRO of a diamond, cooperative super() calls that visit each class
# once, explicit Base.method(self) calls, overriding in a loop of mixed instances, and an MRO error.
class Base:
    def __init__(self):
        self.trail = ["Base"]

    def who(self):
        return "Base"

    def describe(self):
        return self.who()


class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Left")

    def who(self):
        return "Left>" + super().who()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Right")

    def who(self):
        return "Right>" + super().who()


class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Diamond")

    def who(self):
        return "Diamond>" + super().who()


class Explicit(Left, Right):
    def who(self):
        return "Explicit>" + Right.who(self)


def describe_all(objs):
    out = []
    for o in objs:
        out.append(o.describe())
    return out


print([c.__name__ for c in Diamond.__mro__])
d = Diamond()
print(d.trail)
print(describe_all([Base(), Left(), Right(), d, Explicit()]))
print(Explicit().trail, isinstance(d, Right), issubclass(Diamond, Base))
try:
    class Broken(Base, Left):
        pass
except TypeError as e:
    print("TypeError:", e)
print(Diamond.who is Left.who, super(Left, d).who())
