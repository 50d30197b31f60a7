# jit-expect-compiled: squares grow_while_iterating into_subclass into_slotted into_deque append_rebound with_locals_seen
# jit-expect-intrinsics
# jit-threshold: 5
# jit-loop-threshold: 5
# xs.append(x) on an exact list is computed by compiled code; anything else reached by the same
# call makes the call: a list subclass's own append, a class with slots and an append of its own,
# a deque, list.append patched out of reach (it cannot be: the type is immutable), an append that
# looks at its caller's locals.
import sys
from collections import deque


class Tracked(list):
    def append(self, item):
        super().append(("tracked", item))


class Slotted:
    __slots__ = ("items",)

    def __init__(self):
        self.items = []

    def append(self, item):
        self.items.append(item * 10)


class Spy:
    __slots__ = ()

    def append(self, item):
        caller = sys._getframe(1).f_locals
        print("  append sees i =", caller.get("i"), "total =", caller.get("total"))


def squares(n):
    out = []
    for i in range(n):
        out.append(i * i)
    return out


def grow_while_iterating(xs):
    for x in xs:
        if x < 20:
            xs.append(x * 3)
    return xs


def into_subclass(target, n):
    for i in range(n):
        target.append(i)
    return target


def into_slotted(target, n):
    for i in range(n):
        target.append(i)
    return target.items if isinstance(target, Slotted) else target


def into_deque(target, n):
    for i in range(n):
        target.append(i)
    return list(target)


def append_rebound(target):
    try:
        list.append = None
    except TypeError as error:
        target.append(str(error))
    return target


def with_locals_seen(target, n):
    total = 0.5
    for i in range(n):
        total += i * 0.25
        target.append(total)
    return total


for round_ in range(8):
    print(squares(6))
    print(grow_while_iterating([1, 5, 9, 30]))
    print(into_subclass([] if round_ < 4 else Tracked(), 3))
    print(into_slotted([] if round_ % 2 else Slotted(), 3))
    print(into_deque(deque() if round_ > 5 else [], 3))
    print(append_rebound([]))
    print(with_locals_seen([] if round_ != 6 else Spy(), 3))
    print(squares(0), squares(1))
