# jit-expect-compiled: lowest sizes quoted through_class kinds
# jit-threshold: 3
# jit-loop-threshold: 2
# Attributes read through a class (a staticmethod called as Grade.below(a, b), a function, a
# plain value) and staticmethods read through an instance, at sites that meet several classes once
# compiled, so that they work from the sites' own shapes. After warm-up every assumption behind
# those shapes is broken: a class or its base patched, an attribute deleted, a staticmethod given a
# new callable in place, an instance attribute that hides a class's, a classmethod and a name that
# the metaclass type has too; each read must give what the interpreter gives.


def _below(a, b):
    return b.value < a.value


def _lowest_of(a, b):
    return a if Grade.below(a, b) else b


class Grade:
    limit = 3
    below = staticmethod(_below)
    lowest_of = staticmethod(_lowest_of)

    def __init__(self, value):
        self.value = value

    def describe(self):
        return f"grade {self.value}"

    @classmethod
    def make(cls, value):
        return cls(value)


class Firm(Grade):
    limit = 5

    @staticmethod
    def below(a, b):
        return a.value >= b.value


class Slotted:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    @staticmethod
    def quote(text):
        return "<" + text + ">"


class Plain:
    def __init__(self, value):
        self.value = value

    @staticmethod
    def quote(text):
        return "'" + text + "'"


def lowest(pairs):
    picked = []
    for a, b in pairs:
        picked.append(Grade.lowest_of(a, b).value)
    return picked


def sizes(classes):
    return [cls.limit for cls in classes]


def quoted(objects, text):
    return [obj.quote(text) for obj in objects]


def through_class(classes, a, b):
    out = []
    for cls in classes:
        out.append((cls.below(a, b), cls.describe(a), type(cls.make(1)).__name__))
    return out


def kinds(classes):
    return [(cls.__name__, cls.mro()[0].__name__) for cls in classes]


def shown(value):
    return value if isinstance(value, (str, int)) else type(value).__name__


def report(label, compute):
    try:
        print(label, compute())
    except Exception as error:
        print(label, type(error).__name__, error)


def main():
    pairs = [(Grade(i), Grade(5 - i)) for i in range(6)]
    classes = [Grade, Firm, Grade, Firm]
    objects = [Slotted(1), Plain(2), Slotted(3)]
    a, b = Grade(2), Grade(2)
    for _ in range(6):
        lowest(pairs)
        sizes(classes)
        quoted(objects, "x")
        through_class(classes, a, b)
        kinds(classes)
    report("warm", lambda: (lowest(pairs), sizes(classes), quoted(objects, "x"), through_class(classes, a, b), kinds(classes)))

    # a staticmethod replaced on the class, and on a base that a subclass inherits from
    Grade.below = staticmethod(lambda a, b: a.value < b.value)
    report("replaced", lambda: (lowest(pairs), through_class(classes, a, b)))
    Grade.limit = 30
    report("base value", lambda: sizes(classes))
    del Firm.limit
    report("deleted on subclass", lambda: sizes(classes))
    del Grade.limit
    report("deleted everywhere", lambda: sizes(classes))
    Grade.limit = 7

    # the staticmethod object given another callable in place: the class's version stays
    Grade.__dict__["lowest_of"].__init__(lambda a, b: b)
    report("reinitialised", lambda: lowest(pairs))

    # an instance attribute hides the class's staticmethod; a slotted class's is patched
    objects[1].quote = lambda text: "instance " + text
    Slotted.quote = staticmethod(lambda text: "[" + text + "]")
    report("hidden and patched", lambda: quoted(objects, "y"))

    # the attribute becomes a classmethod, a property and a plain value in turn
    Firm.below = classmethod(lambda cls, a, b: cls.__name__)
    report("classmethod", lambda: through_class(classes, a, b))
    Firm.below = property(lambda self: "property")
    report("property", lambda: [shown(cls.below) for cls in classes])
    Firm.below = "a string"
    report("value", lambda: [shown(cls.below) for cls in classes])

    # names the metaclass has too, and a class of another metaclass
    class Meta(type):
        limit = "from the metaclass"

    class Other(metaclass=Meta):
        pass

    report("metaclass", lambda: sizes([Other, Grade]))
    Grade.mro = staticmethod(lambda: [Firm])
    report("type's name", lambda: kinds(classes))


main()
