# jit-expect-compiled: make_table Table make_hierarchy make_decorated make_annotated make_closure_classes Counter make_many describe area __init_subclass__ main
# Classes defined inside functions: class bodies with loops, comprehensions, conditionals,
# try/except and del; class attributes computed from earlier ones; methods using __class__ and
# zero-argument super(); class decorators and method decorators that are closures of the
# enclosing function; __init_subclass__ with keyword arguments; annotations in the class body;
# class bodies reading and (through nonlocal) writing the enclosing function's variables; and
# a fresh class object per call of the enclosing function.
import dataclasses


def make_table(columns):
    prefix = "col"

    class Table:
        names = []
        i = c = None
        for i, c in enumerate(columns):
            names.append("%s%d_%s" % (prefix, i, c))
        widths = {name: len(name) for name in names}
        total = sum(widths.values())
        average = total / len(names) if names else 0.0
        if total > 20:
            size = "wide"
        else:
            size = "narrow"
        try:
            first = names[0]
        except IndexError:
            first = None
        lookup = {}
        n = 0
        while n < len(names):
            lookup[names[n]] = n
            n += 1
        del i, c, n

        def describe(self):
            return "%s with %d columns (%s), first=%s" % (__class__.__name__, len(self.names), self.size, self.first)

    return Table


def make_hierarchy(base_scale):
    class Shape:
        registry = []

        def __init_subclass__(cls, sides=0, **kwargs):
            super().__init_subclass__(**kwargs)
            cls.sides = sides
            Shape.registry.append((cls.__name__, sides))

        def __init__(self, size):
            self.size = size * base_scale

        def area(self):
            return 0

        def describe(self):
            return "%s size=%s area=%s" % (type(self).__name__, self.size, self.area())

    class Square(Shape, sides=4):
        def area(self):
            return self.size * self.size

        def describe(self):
            return "square! " + super().describe()

    class Triangle(Shape, sides=3):
        def area(self):
            return round(self.size * self.size * 0.433, 3)

    class Blob(Shape):
        def __init__(self, size, color):
            super().__init__(size)
            self.color = color

        def describe(self):
            base = super().describe()
            return base + " color=" + self.color + " class=" + __class__.__qualname__.split(".")[-1]

    try:
        class Bad(Shape, sides=1, unknown=True):
            pass
    except TypeError as e:
        error = str(e)
    return [Square(2), Triangle(3), Blob(1, "red")], Shape.registry, error


def make_decorated(tag):
    seen = []

    def register(cls):
        seen.append(cls.__name__)
        cls.tag = tag
        return cls

    def shout(fn):
        def wrapper(*args):
            return fn(*args).upper() + "!"
        return wrapper

    @register
    class Greeter:
        greeting = "hello"

        @shout
        def greet(self, name):
            return "%s %s from %s" % (self.greeting, name, self.tag)

        @staticmethod
        def helper(x):
            return x * 2

        @classmethod
        def create(cls):
            return cls()

        @property
        def loud(self):
            return self.greeting.upper()

    @register
    @dataclasses.dataclass(order=True)
    class Item:
        name: str
        qty: int = 0

    g = Greeter.create()
    items = sorted([Item("b", 2), Item("a", 5), Item("a", 1)])
    return g.greet("bob"), Greeter.helper(21), g.loud, seen, items, Item("z") == Item("z", 0)


def make_annotated():
    class Config:
        name: str = "default"
        retries: int = 3
        timeout: float
        ratio: "float" = retries / 4
        flags: list[str] = ["a", "b"]

    return (sorted(Config.__annotations__), Config.__annotations__["ratio"], Config.ratio,
            Config.name, hasattr(Config, "timeout"), Config.__annotations__["flags"])


def make_closure_classes():
    count = 0
    label = "outer label"

    class Counter:
        nonlocal count
        for step in range(5):
            count += step
        seen_label = label
        doubled = [count * k for k in range(3)]
        del step

        def get(self):
            return count

    count_after_class = count
    count += 100
    return Counter().get(), Counter.seen_label, Counter.doubled, count_after_class


def make_many(n):
    classes = []
    for i in range(n):
        class Numbered:
            index = i
            name = "N%d" % i

            def value(self):
                return self.index * 10
        classes.append(Numbered)
    distinct = len({id(c) for c in classes})
    return [(c.name, c().value(), c.__qualname__) for c in classes], distinct


def main():
    T = make_table(["id", "name", "email"])
    print(T.names, T.widths, T.total, T.size, T.first, T.lookup)
    print(T().describe(), T.average)
    print(sorted(k for k in vars(T) if not k.startswith("__")))
    E = make_table([])
    print(E().describe(), E.average, E is not T)
    shapes, registry, error = make_hierarchy(2)
    for s in shapes:
        print(s.describe(), s.sides)
    print(registry)
    print("bad subclass:", error)
    print(make_decorated("v1"))
    print(make_annotated())
    print(make_closure_classes())
    print(make_many(3))


main()
