# jit-expect-compiled: combine plus minus times __add__ __mul__ __sub__
# jit-threshold: 3
# jit-loop-threshold: 3
# A binary operator on an instance of a class written in Python, with an operand of the same class
# or an exact int or float on the right, calls the class's method straight, as the number protocol
# would. Its NotImplemented is the interpreter's TypeError (the method runs once: it prints), an
# exception it raises keeps its traceback (a method that changes its operand's class is named after
# the new one), and everything else goes the protocol's way: an operand
# whose class takes over (a subclass, __radd__), a list or float subclass on the left, a method
# that is not a function, in-place operators.
class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if other == 99:
            print("  __add__ declines", other)
            return NotImplemented
        return V(self.x + other)

    def __mul__(self, k):
        if k == 0:
            raise ZeroDivisionError("times zero")
        return V(self.x * k)

    def __sub__(self, other):
        print("  __sub__ declines")
        return NotImplemented

    def __repr__(self):
        return f"V({self.x})"


class W(V):
    def __radd__(self, other):
        return f"W.__radd__({other})"


class Other:
    def __radd__(self, other):
        return f"Other.__radd__({other})"


class Things(list):
    def __add__(self, other):
        return NotImplemented


class Real(float):
    def __mul__(self, other):
        return NotImplemented


class Odd:
    __add__ = len.__call__

    def __init__(self):
        pass


class Swapping:
    def __add__(self, other):
        # the TypeError names the class the operand has once the method returned
        self.__class__ = type("Gone" + "X" * 40, (), {})
        return NotImplemented


class InPlace(V):
    def __iadd__(self, other):
        return "in place"


def combine(a, b, k):
    return (a + b) * k + 1.5


for i in range(6):
    print(combine(V(i), V(2), 3), combine(V(1), i, 2.0))

def plus(a, b):
    return a + b


def minus(a, b):
    return a - b


def times(a, b):
    return a * b


for left, right in ((V(1), 99), (V(1), V(2)), (V(1), W(2)), (V(3), Other()), (Things([1]), Things([2])), (Real(2.0), 3), (Odd(), Odd()), (Swapping(), 1)):
    for operation in (plus, minus, times):
        try:
            print(operation.__name__, repr(operation(left, right)))
        except TypeError as error:
            print(operation.__name__, "TypeError", error)

acc = InPlace(1)
acc += 5
print(acc)
try:
    combine(V(1), V(1), 0)
except ZeroDivisionError as error:
    print("ZeroDivisionError", error)
combine(V(2), V(3), 0)
