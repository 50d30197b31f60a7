# jit-expect-compiled: compare total
# jit-threshold: 20
# jit-expect-inlined: stronger plus
# A staticmethod and a plain function called through the class a global names
# (Strength.stronger(a, b)) are compiled into their calls. After the compilation the class's
# attribute is replaced, the global is bound to an instance, to another class and to a class with a
# metaclass of its own, and an argument lacks the attribute: each time the call is made as
# before, and an exception shows the function's frame.
import traceback


class Strength:
    def __init__(self, value):
        self.value = value

    @staticmethod
    def stronger(a, b):
        return a.value < b.value

    def plus(a, b):
        return a.value + b.value


def compare(a, b):
    return Strength.stronger(a, b)


def total(a, b):
    return Strength.plus(a, b)


strengths = [Strength(i) for i in range(40)]
for _ in range(3):
    for i in range(39):
        compare(strengths[i], strengths[i + 1])
        total(strengths[i], strengths[i + 1])
print(compare(strengths[3], strengths[2]), compare(strengths[2], strengths[3]), total(strengths[4], strengths[5]))

# an argument without the attribute: the function raises, in its own frame
try:
    compare(strengths[1], object())
except AttributeError:
    print("".join(traceback.format_exc().splitlines(True)[-3:]), end="")

# the staticmethod replaced by another, then by a plain function and a classmethod
Strength.stronger = staticmethod(lambda a, b: "replaced")
print(compare(strengths[1], strengths[2]))
Strength.stronger = lambda a, b: ("plain", a.value, b.value)
print(compare(strengths[1], strengths[2]))
Strength.stronger = classmethod(lambda cls, a, b: (cls.__name__, a.value))
print(compare(strengths[1], strengths[2]))
Strength.stronger = staticmethod(lambda a, b: a.value < b.value)
print(compare(strengths[1], strengths[2]))

# the global bound to an instance: its method form binds the instance
saved = Strength
Strength = saved(7)
try:
    print(total(saved(1), saved(2)))
except TypeError as error:
    print("TypeError:", error)


# to another class, then to a class whose metaclass answers every attribute
class Other:
    @staticmethod
    def stronger(a, b):
        return "other"

    @staticmethod
    def plus(a, b):
        return "other plus"


Strength = Other
print(compare(saved(1), saved(2)), total(saved(1), saved(2)))


class Answering(type):
    def __getattribute__(cls, name):
        return lambda a, b: ("meta", name)


class Meta(metaclass=Answering):
    pass


Strength = Meta
print(compare(saved(1), saved(2)), total(saved(1), saved(2)))
Strength = saved
print(compare(saved(1), saved(2)), total(saved(1), saved(2)))
