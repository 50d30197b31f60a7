# jit-expect-compiled: clamp scale_all pipeline main
# sys.monitoring from a tool id registered by the program: LINE, CALL and PY_RETURN events for
# compiled functions (each also run before monitoring started), printed as (event, function,
# relative line or callee name) lists; a LINE callback that returns sys.monitoring.DISABLE for
# one function's lines so they stop being reported; set_local_events for a single code object;
# and the tool freed at the end (get_tool returns None again).
import sys

mon = sys.monitoring
TOOL = 3
events = []
WATCHED = ("clamp", "scale_all", "pipeline")


def on_line(code, line):
    if code.co_name not in WATCHED:
        return mon.DISABLE
    events.append(("LINE", code.co_name, line - code.co_firstlineno))
    if code.co_name == "clamp" and line - code.co_firstlineno == 1:
        return mon.DISABLE


def on_call(code, offset, callable, arg0):
    if code.co_name in WATCHED:
        events.append(("CALL", code.co_name, getattr(callable, "__name__", "?")))


def on_return(code, offset, retval):
    if code.co_name in WATCHED:
        events.append(("PY_RETURN", code.co_name, retval))


def clamp(x, lo, hi):
    if x < lo:
        return lo
    return min(x, hi)


def scale_all(values, factor):
    out = []
    for v in values:
        out.append(clamp(v * factor, 0, 10))
    return out


def pipeline(values):
    scaled = scale_all(values, 3)
    return sum(scaled)


def show(title):
    print("==", title)
    for e in events:
        print("  ", e)
    events.clear()


def main():
    print(pipeline([1, 2, 5]))
    print(mon.get_tool(TOOL))
    mon.use_tool_id(TOOL, "corpus-tool")
    print(mon.get_tool(TOOL))
    mon.register_callback(TOOL, mon.events.LINE, on_line)
    mon.register_callback(TOOL, mon.events.CALL, on_call)
    mon.register_callback(TOOL, mon.events.PY_RETURN, on_return)
    mon.set_events(TOOL, mon.events.LINE | mon.events.CALL | mon.events.PY_RETURN)
    result = pipeline([-1, 2, 4])
    mon.set_events(TOOL, 0)
    print("result", result)
    show("global events")
    mon.restart_events()
    mon.set_local_events(TOOL, clamp.__code__, mon.events.PY_RETURN | mon.events.LINE)
    result = pipeline([0, 9])
    mon.set_local_events(TOOL, clamp.__code__, 0)
    print("result", result, "local events of clamp:", mon.get_local_events(TOOL, clamp.__code__))
    show("local events")
    for event in (mon.events.LINE, mon.events.CALL, mon.events.PY_RETURN):
        mon.register_callback(TOOL, event, None)
    mon.free_tool_id(TOOL)
    print(mon.get_tool(TOOL), pipeline([1]))


main()
