# jit-expect-compiled: state leaf middle top ticks observe drive main
# Coroutine and async generator introspection while driven by hand: inspect.getcoroutinestate,
# cr_running (True only when checked from inside), cr_suspended, the cr_await chain down to the
# bare awaitable, cr_frame line numbers relative to each function, cr_origin unset by default,
# and for an async generator ag_running, ag_await, ag_frame and inspect.getasyncgenstate.
import inspect
import types

objects = {}


@types.coroutine
def pause(tag):
    got = yield tag
    return got


def state(name):
    c = objects[name]
    if inspect.iscoroutine(c):
        f = c.cr_frame
        line = None if f is None else f.f_lineno - c.cr_code.co_firstlineno
        return name, inspect.getcoroutinestate(c), c.cr_running, c.cr_suspended, line
    f = c.ag_frame
    line = None if f is None else f.f_lineno - c.ag_code.co_firstlineno
    return name, inspect.getasyncgenstate(c), c.ag_running, line


async def leaf():
    inside = state("top")
    got = await pause("leaf-wait")
    return inside, got


async def middle():
    first = await leaf()
    second = await pause("middle-wait")
    return first, second


async def top():
    result = await middle()
    return result


async def ticks(n):
    for i in range(n):
        await pause("tick-await %d" % i)
        yield state("ag")


def chain(c):
    names = []
    while c is not None:
        names.append(getattr(c, "__name__", type(c).__name__))
        c = getattr(c, "cr_await", None) or getattr(c, "gi_yieldfrom", None)
    return names


def observe(name):
    c = objects[name]
    return state(name), chain(c)


def drive(c, sends):
    out = []
    try:
        out.append(c.send(None))
        for s in sends:
            out.append(observe("top"))
            out.append(c.send(s))
    except StopIteration as e:
        out.append(("result", e.value))
    return out


def main():
    objects["top"] = top()
    print(observe("top"), objects["top"].cr_origin)
    for item in drive(objects["top"], ["L", "M"]):
        print(item)
    print(observe("top"))
    ag = objects["ag"] = ticks(2)
    print(state("ag"), ag.ag_await)
    step = ag.__anext__()
    print(step.send(None), state("ag"), type(ag.ag_await).__name__)
    try:
        step.send(None)
    except StopIteration as e:
        print("anext result:", e.value)
    print(state("ag"), ag.ag_await)
    closing = ag.aclose()
    try:
        closing.send(None)
    except StopIteration:
        print("closed:", state("ag"))


main()
