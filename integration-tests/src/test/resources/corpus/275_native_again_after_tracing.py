# jit-expect-compiled: work traced_once after_tracing
# While a tool is active the frame evaluator gives way to the interpreter's own, so a tool sees
# exactly the interpreter's events (no C_RETURN for a call of a Python function); once every tool
# is off again, functions run natively again: after_tracing is first called after tracing ended.
import sys
import time

E = sys.monitoring.events
TOOL = 4
returns = []


def work(n):
    return n * 2


def traced_once():
    sys.monitoring.use_tool_id(TOOL, "corpus")
    sys.monitoring.register_callback(TOOL, E.C_RETURN, lambda code, offset, callable, arg: returns.append(callable.__name__))
    sys.monitoring.set_events(TOOL, E.CALL)
    total = work(1) + len("ab") + work(2)
    sys.monitoring.set_events(TOOL, 0)
    sys.monitoring.free_tool_id(TOOL)
    return total


def after_tracing(n):
    return work(n) + 1


print(traced_once(), returns)
events = []
sys.settrace(lambda frame, event, arg: events.append(event))
work(3)
sys.settrace(None)
print(sorted(set(events)))
total = 0
for i in range(50):
    time.sleep(0.02)
    total += after_tracing(i)
print(total)
