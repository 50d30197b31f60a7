# jit-expect-compiled: enable_here enable_for_callers outer_loop producer consume skipper jumper main
# Tracing switched on from inside running compiled code: a callee installs sys.settrace and sets
# f_trace on its caller frames (found through f_back), so the callers report line events from
# the point they resume; a generator turns tracing on in the middle of being consumed; and a
# tracer that jumps (assigns frame.f_lineno on a line event) to skip a statement.
import sys

events = []


def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("tracer", "main", "stop"):
        return tracer
    events.append("%s %s+%d" % (event, name, frame.f_lineno - frame.f_code.co_firstlineno))
    if event == "line" and name == "jumper" and frame.f_lineno - frame.f_code.co_firstlineno == 2:
        frame.f_lineno += 1
    return tracer


def stop():
    sys.settrace(None)


def enable_here():
    sys.settrace(tracer)
    sys._getframe().f_trace = tracer
    return "enabled"


def enable_for_callers(levels):
    sys.settrace(tracer)
    f = sys._getframe(1)
    for _ in range(levels):
        f.f_trace = tracer
        f = f.f_back
    return levels


def outer_loop(n):
    total = 0
    for i in range(n):
        if i == 1:
            enable_for_callers(2)
        total += i
    return total


def producer(n):
    for i in range(n):
        if i == 2:
            enable_here()
        yield i


def consume(n):
    out = []
    for v in producer(n):
        out.append(v)
    return out


def skipper(values):
    return outer_loop(len(values))


def jumper():
    log = ["start"]
    log.append("this line is skipped")
    log.append("this line runs")
    return log


def section(title, fn, *args):
    events.clear()
    try:
        result = fn(*args)
    finally:
        stop()
    print("==", title, "->", result)
    print("  ", ", ".join(events))


def main():
    print(outer_loop(1), consume(2), skipper("a"), jumper())
    section("outer_loop", outer_loop, 3)
    section("skipper", skipper, "abc")
    section("consume", consume, 4)
    sys.settrace(tracer)
    section("jumper", jumper)


main()
