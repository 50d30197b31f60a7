# jit-expect-compiled: accumulate divide_all rebind_through_caller spin settrace_midway
# jit-expect-deopts: spin settrace_midway
# Compiled code keeps locals in registers between the places where other code could look at the
# frame; everything that looks must see what the interpreter shows: a traceback's frame, a callee
# writing its caller's locals, a signal handler reading and writing them, a tracer switched on mid-loop.
import signal
import sys


def accumulate(n):
    total = 0.0
    scale = 1.5
    for i in range(n):
        total = total + i * scale
    return total


def divide_all(values, divisor):
    acc = 0.0
    last = 0.0
    for v in values:
        last = v / divisor
        acc = acc + last
    return acc


def overwrite_caller_local():
    sys._getframe(1).f_locals["x"] = 99


def rebind_through_caller():
    x = 1
    y = x + 1
    overwrite_caller_local()
    return x, y


def spin():
    stop = False
    turns = 0
    while not stop:
        turns += 1
    return turns > 0


def settrace_midway(n):
    acc = 0
    seen = []

    def tracer(frame, event, arg):
        if event == "line" and frame.f_code.co_name == "settrace_midway" and len(seen) < 3:
            seen.append((frame.f_locals["i"], frame.f_locals["acc"]))
        return tracer

    for i in range(n):
        acc += i
        if i == n - 5:
            sys._getframe().f_trace = tracer
            sys.settrace(tracer)
    sys.settrace(None)
    return acc, seen


print(accumulate(1000))
try:
    divide_all([1.0, 2.0, 3.0], 0.0)
except ZeroDivisionError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print("ZeroDivisionError", sorted((k, v) for k, v in frame.f_locals.items() if k in ("acc", "last", "v", "divisor")))
print(divide_all([1.0, 2.0, 3.0], 2.0))
print(rebind_through_caller())


def stop_spinning(signum, frame):
    # only once the loop runs: a signal taken before its first statement would be undone by it
    if frame.f_code.co_name == "spin" and frame.f_locals.get("turns"):
        frame.f_locals["stop"] = True
    else:
        signal.setitimer(signal.ITIMER_REAL, 0.01)


signal.signal(signal.SIGALRM, stop_spinning)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(spin())
print(settrace_midway(50))
