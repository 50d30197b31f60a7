# jit-expect-compiled: f
# Built-in functions and methods of built-in types are called straight through their C functions when
# their calling convention and the receiver's exact type allow it; wrong receivers, argument counts and
# subclasses take the generic path and its messages.
import math


class L(list):
    pass


def f(xs, s, d):
    out = []
    for i in range(5):
        out.append(len(xs))
        out.append(isinstance(i, int))
        out.append(abs(-i))
        out.append(s.upper())
        out.append(s.startswith("a"))
        out.append(d.get(i, -1))
        out.append(math.sqrt(i))
        xs.append(i)
        out.append(min(i, 3))
        out.append(str(i))
    try:
        len(5)
    except TypeError as e:
        out.append(str(e))
    try:
        list.append(())
    except TypeError as e:
        out.append(str(e))
    try:
        list.append((), 1)
    except TypeError as e:
        out.append(str(e))
    try:
        xs.append()
    except TypeError as e:
        out.append(str(e))
    l = L()
    list.append(l, 3)
    out.append(l)
    out.append(xs.pop())
    out.append([].pop.__self__)
    return out
print(f([1, 2], "abc", {1: "one"}))
