# jit-expect-compiled: build_points set_fields try_set method_form class_reads
# jit-threshold: 5
# object.__setattr__(target, name, value), which a frozen dataclass's __init__ calls for each field,
# read through object and called as object's slot wrapper calls object's setattro: for targets
# whose classes reach it (a plain class, a frozen dataclass whose own __setattr__ raises, slots,
# an int), and, made as the call, for those it does not apply to (a class itself, a wrong number
# of arguments, a threading.local's subclass), each with the interpreter's outcome and error.
# Other attributes of a class that type itself has too, read through the class: a base's __init__
# (also once patched), object.__new__, str's methods, and __doc__ (a data descriptor of type's,
# which comes first).
import threading
from dataclasses import FrozenInstanceError, dataclass, replace


@dataclass(frozen=True)
class Point:
    x: int
    y: int


@dataclass(frozen=True)
class Point3(Point):
    z: int = 0


class Plain:
    pass


class Local(threading.local):  # a C setattro of its own: the call is made
    pass


class Slotted:
    __slots__ = ('a',)


class Guarded:
    def __setattr__(self, name, value):
        raise AttributeError(f'guarded: {name}')


class Logged:
    def __init__(self):
        self.log = []

    @property
    def value(self):
        return self.log[-1]

    @value.setter
    def value(self, new):
        self.log.append(new)


def build_points(n):
    total = 0
    for i in range(n):
        p = Point(i, -i)
        q = Point3(i, i, i * 2)
        total += p.x - p.y + q.z
    return total


def set_fields(target, names):
    for k, name in enumerate(names):
        object.__setattr__(target, name, k)
    return sorted((name, getattr(target, name)) for name in names if hasattr(target, name))


def try_set(target, name, *rest):
    try:
        return object.__setattr__(target, name, *rest)
    except (AttributeError, TypeError) as error:
        return f'{type(error).__name__}: {error}'


class Base:
    def __init__(self):
        self.tag = 'base'


class Child(Base):
    def __init__(self):
        Base.__init__(self)
        self.tag += '+child'


def class_reads(words):
    made = object.__new__(Plain)
    return [str.upper(w) for w in words], str.join('-', words), Child().tag, type(made).__name__, Plain.__doc__


def method_form(target):
    target.__setattr__('seen', 1)
    return target.seen


for _ in range(6):
    print(build_points(200))
    print(set_fields(Plain(), ['a', 'b', 'c']))
    print(set_fields(Point(1, 2), ['x', 'y']))
    print(set_fields(Guarded(), ['g']))
    print(set_fields(Slotted(), ['a']))
    logged = Logged()
    print(set_fields(logged, ['value']), logged.log)
    print(try_set(Slotted(), 'b', 1))
    print(try_set(5, 'real', 1))
    print(try_set(Plain(), 7, 1))
    print(try_set(Plain, 'created', 1), getattr(Plain, 'created', None))
    print(try_set(Local(), 'x', 1))
    print(try_set(Plain(), 'x'))
    print(try_set(Plain(), 'x', 1, 2))
    print(method_form(Plain()))
    try:
        Point(1, 2).x = 5
    except FrozenInstanceError as error:
        print('FrozenInstanceError:', error)
    print(replace(Point3(1, 2, 3), z=9))
    print(class_reads(['a', 'b']))
    if _ == 3:
        Base.__init__ = lambda self: setattr(self, 'tag', 'patched')
