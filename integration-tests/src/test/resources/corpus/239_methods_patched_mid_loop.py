# jit-expect-compiled: speak loud polite instance_speak run_calls operate add_v1 add_v2 attr_lookup fallback main
# Methods patched while a compiled loop calls them: a method replaced on the base class after
# the subclass was already called (inline caches must notice), shadowed on one instance, the
# shadow deleted again, a dunder (__add__) replaced on the class so the `+` operator changes
# mid-loop, a class attribute deleted so lookup falls through to the base, and __getattr__
# added to the class so a missing attribute stops raising.
class Animal:
    sound = "..."

    def speak(self):
        return "%s says %s" % (self.name, self.sound)


class Dog(Animal):
    sound = "woof"

    def __init__(self, name):
        self.name = name


def loud(self):
    return "%s SAYS %s" % (self.name.upper(), self.sound.upper())


def polite(self):
    return "%s would like to say %s" % (self.name, self.sound)


def instance_speak():
    return "instance-level speak"


def run_calls(dogs, steps):
    out = []
    for i, (action, arg) in enumerate(steps):
        if action == "class":
            Animal.speak = arg
        elif action == "instance":
            dogs[0].speak = arg
        elif action == "unshadow":
            del dogs[0].speak
        elif action == "delsound":
            del Dog.sound
        out.append([d.speak() for d in dogs])
    return out


class Vec:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "Vec(%r)" % self.x


def add_v1(self, other):
    return Vec(self.x + other.x)


def add_v2(self, other):
    return Vec(self.x * 10 + other.x)


def operate(n):
    acc = Vec(0)
    out = []
    for i in range(n):
        if i == 2:
            Vec.__add__ = add_v2
        if i == 4:
            del Vec.__add__
        try:
            acc = acc + Vec(1)
            out.append(acc)
        except TypeError as e:
            out.append("TypeError: %s" % e)
    return out


def fallback(self, name):
    return "<fallback %s>" % name


def attr_lookup(obj, names):
    out = []
    for name in names:
        try:
            out.append(getattr(obj, name))
        except AttributeError as e:
            out.append("AttributeError: %s" % e)
        if name == "color":
            Dog.__getattr__ = fallback
    return out


def main():
    dogs = [Dog("rex"), Dog("fido")]
    for row in run_calls(dogs, [("none", None), ("class", loud), ("instance", instance_speak),
                                ("class", polite), ("unshadow", None), ("delsound", None)]):
        print(row)
    Vec.__add__ = add_v1
    print(operate(6))
    print(attr_lookup(dogs[1], ["name", "color", "size", "sound"]))
    del Dog.__getattr__
    print(attr_lookup(dogs[1], ["size"])[0][:25])


main()
