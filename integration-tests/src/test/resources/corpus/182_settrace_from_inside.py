# jit-expect-compiled: untraced traced helper local_only
# A tracer installed from inside a running (compiled) function with sys.settrace plus
# sys._getframe().f_trace = tracer: it must see the line, call and return events of the rest of
# that function, with lines relative to the function's first line, and of the functions it calls.
import sys

events = []


def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("traced", "helper"):
        events.append((name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


def helper(x):
    y = x + 1
    return y * 2


def traced(n):
    total = 0
    for i in range(n):
        total += helper(i)
    sys.settrace(tracer)
    sys._getframe().f_trace = tracer
    a = total + 1
    for i in range(2):
        a += helper(i)
    b = a * 2
    sys.settrace(None)
    c = b + 1
    return c


def untraced(n):
    return traced(n)


print(untraced(3))
for e in events:
    print(e)
events.clear()
print(untraced(1), len(events))


def local_only():
    frame = sys._getframe()
    seen = []

    def local_tracer(f, event, arg):
        seen.append((event, f.f_lineno - f.f_code.co_firstlineno))
        return local_tracer
    sys.settrace(lambda *a: None)
    frame.f_trace = local_tracer
    x = 1
    x += 1
    sys.settrace(None)
    frame.f_trace = None
    return x, seen


print(local_only())
