# jit-expect-compiled: ratio choose total_value heavier
# jit-threshold: 20
# jit-expect-inlined
# Small methods that read attributes, globals and constants, compare and compute are compiled into
# the calls that reach them once the interpreter has specialised those calls: the results are the
# methods' own.
LIMIT = 10


class Item:
    def __init__(self, name, weight, value):
        self.name = name
        self.weight = weight
        self.value = value

    def get_value(self):
        return self.value

    def get_weight(self):
        return self.weight

    def is_heavy(self):
        return self.weight > LIMIT

    def heavier_than(self, other):
        return self.weight > other.weight

    def density(self):
        return self.value / self.weight

    def label(self):
        return self.name

    def nothing(self):
        return None

    def bumped(self):
        return self.value + 1


def ratio(item):
    return item.density()


def choose(a, b):
    return a.label() if a.heavier_than(b) else b.label()


def total_value(item):
    item.nothing()
    return item.get_value() + item.get_weight() + item.bumped()


def heavier(item):
    return item.is_heavy()


items = [Item("i%d" % i, i % 17 + 1, i * 3.5) for i in range(60)]
total = 0.0
chosen = []
heavy = 0
for round in range(5):
    for i, item in enumerate(items):
        total += ratio(item) + total_value(item)
        chosen.append(choose(item, items[i - 1]))
        heavy += heavier(item)
print(round, total, heavy)
print(chosen[:8], chosen[-8:], len(chosen))
