# jit-expect-compiled: where here caller_name loop_lines level1 level2 chain lasti
# sys._getframe(0) and (1): the code name, f_lineno (relative to the function) at several points
# of a compiled function and inside its loop, f_back chains, f_globals identity, and f_lasti moving.
import sys


def here():
    f = sys._getframe(1)
    return f.f_lineno - f.f_code.co_firstlineno


def caller_name():
    return sys._getframe(1).f_code.co_name


def where():
    f = sys._getframe(0)
    a = f.f_lineno - f.f_code.co_firstlineno
    b = here()
    c = here()
    return a, b, c, caller_name(), f.f_globals is globals()


def loop_lines(n):
    out = []
    for i in range(n):
        if i % 2:
            out.append(here())
        else:
            out.append(here())
    return out


def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def level2():
    return chain()


def level1():
    return level2()


def lasti():
    f = sys._getframe()
    first = f.f_lasti
    x = 0
    for i in range(3):
        x += i
    return f.f_lasti > first, x


print(where())
print(loop_lines(4))
print(level1())
print(lasti())
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
