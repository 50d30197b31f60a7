# jit-expect-compiled: square total_of gen_pairs uses_gen raises_inside catches main
# sys.settrace switched on before calling compiled functions (each was also run untraced
# first): the (event, function, relative line) list for plain calls and returns, a loop, a
# generator (call/return around every resume), an exception raised, passing through a frame
# and caught (exception events, return with None), and the trace function returning None for
# one function so only its call event appears. Tracing is switched off after each section.
import sys

events = []


def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("tracer", "main", "section"):
        return None
    rel = frame.f_lineno - frame.f_code.co_firstlineno
    detail = type(arg[1]).__name__ if event == "exception" else arg if event == "return" else ""
    events.append("%s %s+%d %s" % (event, name, rel, detail))
    if name == "square":
        return None
    return tracer


def square(x):
    return x * x


def total_of(n):
    t = 0
    for i in range(n):
        t += square(i)
    return t


def gen_pairs(n):
    for i in range(n):
        yield i, i * i


def uses_gen(n):
    return [a + b for a, b in gen_pairs(n)]


def raises_inside(x):
    if x > 1:
        raise ValueError("too big")
    return x


def catches(values):
    good = []
    for v in values:
        try:
            good.append(raises_inside(v))
        except ValueError:
            good.append(None)
    return good


def section(title, fn, *args):
    events.clear()
    sys.settrace(tracer)
    try:
        result = fn(*args)
    finally:
        sys.settrace(None)
    print("==", title, "->", result)
    for e in events:
        print("  ", e.rstrip())


def main():
    print(total_of(3), uses_gen(2), catches([1, 2]))
    section("total_of", total_of, 2)
    section("uses_gen", uses_gen, 2)
    section("catches", catches, [0, 5])


main()
