# jit-expect-compiled: describe stack_of walker recurse resume_a resume_b deco_wrapper wrapper decorated multi_line_call Shape main
# sys._getframe(n) seen from compiled code in less common places: inside a generator (its
# f_back is whoever resumed it, different on each resume), a lambda, a decorator's wrapper, a
# class body, recursion (names and depth), a call spread over several lines (f_lineno of the
# caller is the line of the call's argument being evaluated), and asking too deep.
import sys


def describe(depth):
    f = sys._getframe(depth + 1)
    return "%s+%d" % (f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno)


def stack_of(n):
    return [describe(d) for d in range(1, n + 1)]


def walker():
    yield stack_of(2)
    yield stack_of(2)


def resume_a(g):
    return next(g)


def resume_b(g):
    return next(g)


def recurse(n):
    if n == 0:
        return stack_of(4)
    return recurse(n - 1)


def deco_wrapper(fn):
    def wrapper(*args):
        return [describe(0)] + fn(*args)
    return wrapper


@deco_wrapper
def decorated(x):
    return [describe(0), describe(1), x]


def multi_line_call():
    return (
        describe(0),
        stack_of(
            1
        ),
        describe(0),
    )


def main():
    g = walker()
    print(resume_a(g))
    print(resume_b(g))
    print(recurse(3))
    print(decorated("arg"))
    print((lambda: stack_of(2))())
    print(multi_line_call())
    print([describe(0) for _ in range(1)], list(describe(0) for _ in range(1)))

    class Shape:
        where = stack_of(2)
        sides = [describe(0) for _ in range(2)]
    print(Shape.where, Shape.sides)
    try:
        sys._getframe(1000)
    except ValueError as e:
        print("ValueError:", e)
    print(sys._getframe().f_back.f_code.co_name, sys._getframe(1).f_back)


main()
