# jit-expect-compiled: work fib
import cProfile
import pstats
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def work(n):
    total = 0
    for i in range(n):
        total += fib(i % 12)
    return total


print(work(50))  # compiled from here on under the JIT

profile = cProfile.Profile()
profile.enable()
print(work(20))
profile.disable()
counts = {name: calls for (file, line, name), (cc, calls, tt, ct, callers) in pstats.Stats(profile).stats.items()
          if name in ("fib", "work")}
print("cProfile calls:", sorted(counts.items()))

events = []
TOOL = sys.monitoring.DEBUGGER_ID
sys.monitoring.use_tool_id(TOOL, "test")
sys.monitoring.register_callback(TOOL, sys.monitoring.events.PY_START,
                                 lambda code, offset: events.append(code.co_name))
sys.monitoring.set_events(TOOL, sys.monitoring.events.PY_START)
print(work(5))
sys.monitoring.set_events(TOOL, 0)
sys.monitoring.free_tool_id(TOOL)
print("monitoring PY_START:", len(events), sorted(set(events)))

lines = []
def tracer(frame, event, arg):
    if event == "line" and frame.f_code.co_name == "work":
        lines.append(frame.f_lineno)
    return tracer
sys.settrace(tracer)
print(work(3))
sys.settrace(None)
print("settrace lines in work:", lines)

sys.monitoring.use_tool_id(TOOL, "local")
sys.monitoring.register_callback(TOOL, sys.monitoring.events.PY_START,
                                 lambda code, offset: events.append("local " + code.co_name))
sys.monitoring.set_local_events(TOOL, fib.__code__, sys.monitoring.events.PY_START)
events.clear()
print(work(4))
print("local PY_START:", len(events))
sys.monitoring.set_local_events(TOOL, fib.__code__, 0)
print(work(30))
