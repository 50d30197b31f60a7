# jit-expect-compiled: raise_after_settrace caught_in_caller unwinds_caller tracer_then_raise handled_by_monitoring main
# An exception raised in a frame that was already running natively when a tool was switched on:
# the tool sees what the interpreter reports. sys.settrace sees 'exception' where it was raised,
# then the handler's lines, or the 'return' of every frame it unwinds; a sys.monitoring tool
# sees RAISE, EXCEPTION_HANDLED and PY_UNWIND on the same lines as under the interpreter. (The
# offsets may differ within the line: for a raise out of a call the interpreter reports the code
# unit before the CALL when it ran the callee's frame in its own loop, and the CALL's last cache
# unit otherwise; compiled code reports the CALL.)
import sys

events = []


def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("tracer", "stop", "record"):
        return tracer
    detail = arg[0].__name__ if event == "exception" else ""
    events.append("%s %s+%d %s" % (event, name, frame.f_lineno - frame.f_code.co_firstlineno, detail))
    return tracer


def stop():
    sys.settrace(None)


def raise_after_settrace():
    sys.settrace(tracer)
    caller = sys._getframe().f_back
    while caller is not None:
        caller.f_trace = tracer
        caller = caller.f_back
    raise KeyError("k")


def caught_in_caller():
    try:
        raise_after_settrace()
    except KeyError as e:
        x = str(e)
    stop()
    return x


def unwinds_caller():
    total = 1
    raise_after_settrace()
    return total


def tracer_then_raise():
    try:
        unwinds_caller()
    except KeyError:
        pass
    finally:
        stop()


print(caught_in_caller())
print("\n".join(events))
events.clear()
tracer_then_raise()
print("\n".join(events))
events.clear()

E = sys.monitoring.events
TOOL = 3
seen = []


def record(name):
    def callback(code, offset, *rest):
        if code.co_name != "record":
            line = next(line for start, end, line in code.co_lines() if start <= offset < end)
            where = "+%d" % (line - code.co_firstlineno) if line is not None else "@%d" % offset
            seen.append("%s %s%s %s" % (name, code.co_name, where, type(rest[-1]).__name__ if rest else ""))
    return callback


def switch_on():
    sys.monitoring.use_tool_id(TOOL, "corpus")
    for event, name in ((E.RAISE, "raise"), (E.EXCEPTION_HANDLED, "handled"), (E.PY_UNWIND, "unwind"), (E.RERAISE, "reraise")):
        sys.monitoring.register_callback(TOOL, event, record(name))
    sys.monitoring.set_events(TOOL, E.RAISE | E.EXCEPTION_HANDLED | E.PY_UNWIND | E.RERAISE)


def switch_off():
    sys.monitoring.set_events(TOOL, 0)
    sys.monitoring.free_tool_id(TOOL)


def fails():
    switch_on()
    return 1 / 0


def handled_by_monitoring():
    try:
        fails()
    except ZeroDivisionError:
        result = "handled"
    switch_off()
    return result


def main():
    for i in range(3):
        print(handled_by_monitoring())
        print("\n".join(seen))
        seen.clear()


main()
