# jit-expect-compiled: read_x write_x read_m read_class_m read_borrowed write_borrowed
# jit-threshold: 3
# An attribute site remembers where it found a name for a class (an instance's value, a class
# attribute, a slot). Two things can change what the name means while the class's version stays:
# the class of a class attribute gains __get__ or __set__ (a class of Python's; the interpreter's
# specialiser calls such attributes mutable and never caches through them), and a slot's
# descriptor put on another class (its offset is not in that class's instances: reading it there
# raises TypeError, and reading the memory crashed; CPython's test_opcache).


class Descriptor:
    pass


class WithValue:
    x = Descriptor()

    def __init__(self):
        self.x = 1


class Plain:
    m = Descriptor()


class Slotted:
    __slots__ = ("slot",)


class Borrower:
    borrowed = Slotted.slot


def read_x(o):
    return o.x


def write_x(o, value):
    o.x = value


def read_m(o):
    return o.m


def read_class_m():
    return Plain.m


def read_borrowed(o):
    return o.borrowed


def write_borrowed(o):
    o.borrowed = 1


with_value, plain = WithValue(), Plain()
for _ in range(20):
    write_x(with_value, 1)
    assert read_x(with_value) == 1
    assert type(read_m(plain)) is Descriptor and type(read_class_m()) is Descriptor
print("before:", read_x(with_value), type(read_m(plain)).__name__, type(read_class_m()).__name__)

stored = []
Descriptor.__get__ = lambda self, instance, owner: ("got", type(instance).__name__, owner.__name__)
Descriptor.__set__ = lambda self, instance, value: stored.append(value)
for round_ in range(3):
    write_x(with_value, 10 + round_)
    print("after:", read_x(with_value), read_m(plain), read_class_m(), stored, with_value.__dict__)

borrower = Borrower()
for round_ in range(20):
    for action in (read_borrowed, write_borrowed):
        try:
            action(borrower)
        except TypeError as error:
            if round_ == 0:
                print(action.__name__, "TypeError:", error)
print("the borrowed slot raised every time")
