# jit-expect-compiled: run __init__ describe make missing counted_describe
# super().name and super().method(...) in their zero-argument and explicit forms, through classmethods and
# properties, a missing attribute, and a global super that is not the builtin one (the generic path).
import builtins


class Base:
    def __init__(self, x):
        self.x = x
    def describe(self):
        return "base %s" % self.x
    @property
    def prop(self):
        return "prop of %s" % type(self).__name__
    @classmethod
    def make(cls):
        return cls.__name__

class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def describe(self):
        return "child " + super().describe() + " " + super().prop
    @classmethod
    def make(cls):
        return super().make()

class Explicit(Child):
    def describe(self):
        return "explicit " + super(Child, self).describe()
    def missing(self):
        return super().nope

def run():
    out = []
    for i in range(3):
        c = Child(i, i * 2)
        out.append((c.describe(), c.y, Child.make(), Explicit(i, 0).describe()))
    try:
        Explicit(1, 2).missing()
    except AttributeError as error:
        out.append(str(error))
    return out



class CountingSuper(super):
    calls = 0

    def __init__(self, *args):
        CountingSuper.calls += 1
        builtins.super.__init__(self, *args)


def shadowed():
    global super
    builtin_super = super
    super = CountingSuper

    class Shadow(Base):
        def counted_describe(self):
            return "shadow " + super(Shadow, self).describe()

    try:
        return Shadow(5).counted_describe(), CountingSuper.calls
    finally:
        super = builtin_super


print(run())
print(shadowed())
