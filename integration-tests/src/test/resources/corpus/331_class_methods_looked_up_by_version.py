# jit-expect-compiled: combine build_all use_family
# jit-threshold: 3
# jit-loop-threshold: 2
# Compiled code finds a class's __init__ and its operator methods through a cache keyed by the
# class's version, which changes whenever the class or one of its bases changes. Every change
# after warm-up must be seen at the next operation: a method replaced on the class, on a base, or
# deleted so that a base's is found; classes made by a factory, dropped and made again (at the
# same address, perhaps) each with methods of their own; an __init__ that starts returning a value.


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return type(self)(self.cents + other.cents)

    def __sub__(self, other):
        return type(self)(self.cents - other.cents)

    def __repr__(self):
        return f"{type(self).__name__}({self.cents})"


class Discounted(Money):
    pass


def combine(a, b, rounds):
    total = a
    for _ in range(rounds):
        total = total + b
        total = total - a
    return total


def build_all(kind, values):
    return [kind(v) for v in values]


print(combine(Money(10), Money(3), 20), combine(Discounted(10), Discounted(3), 20))
print(build_all(Money, range(5)), build_all(Discounted, range(3)))

# the method replaced on the class itself
Money.__add__ = lambda self, other: type(self)(self.cents + 2 * other.cents)
print(combine(Money(10), Money(3), 20), combine(Discounted(10), Discounted(3), 20))


# a subclass's own method, then deleted so that the base's is found again
def discounted_sub(self, other):
    return Discounted(self.cents - other.cents - 1)


Discounted.__sub__ = discounted_sub
print(combine(Discounted(10), Discounted(3), 20), combine(Money(10), Money(3), 20))
del Discounted.__sub__
print(combine(Discounted(10), Discounted(3), 20))


# __init__ replaced on the base: the subclass constructs with the new one
def init_in_euros(self, cents):
    self.cents = cents * 100


Money.__init__ = init_in_euros
print(build_all(Money, range(4)), build_all(Discounted, range(4)))


# an __init__ that returns a value is a TypeError, as soon as it does
def init_returning(self, cents):
    self.cents = cents
    return cents if cents > 2 else None


Money.__init__ = init_returning
try:
    build_all(Money, range(6))
except TypeError as error:
    print("TypeError:", error)


def make_family(step):
    """A new class each time: the last one made is dropped before the next, so its memory can be reused."""

    class Counter:
        def __init__(self, n):
            self.n = n * step

        def __mul__(self, other):
            return Counter(self.n + other.n + step)

    return Counter


def use_family(step):
    family = make_family(step)
    values = build_all(family, range(1, 6))
    product = values[0]
    for v in values[1:]:
        product = product * v
    return product.n


print([use_family(step) for step in range(1, 12)])
