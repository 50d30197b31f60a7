# jit-expect-compiled: hook stubborn polite awaiting stubborn_coro main
# Generators and coroutines that ignore GeneratorExit by yielding again: close() raises
# RuntimeError("generator ignored GeneratorExit") (or "coroutine ..."); when such a generator is
# simply dropped, the RuntimeError goes to sys.unraisablehook (replaced here so no address is
# printed) at the moment the last reference goes; a coroutine never awaited warns
# "coroutine ... was never awaited" (recorded with warnings.catch_warnings).
import sys
import types
import warnings

events = []


def hook(unraisable):
    obj = unraisable.object
    name = getattr(obj, "__qualname__", type(obj).__name__)
    events.append("unraisable %s: %s(%s) in %s" % (unraisable.err_msg or "(default message)",
                  unraisable.exc_type.__name__, unraisable.exc_value, name))


def stubborn(tag):
    while True:
        try:
            yield tag
        except GeneratorExit:
            events.append("%s ignoring GeneratorExit" % tag)


def polite(tag):
    try:
        yield tag
    except GeneratorExit:
        events.append("%s accepts GeneratorExit" % tag)
        raise


@types.coroutine
def awaiting():
    value = yield "suspended"
    return value


async def stubborn_coro():
    while True:
        try:
            await awaiting()
        except GeneratorExit:
            events.append("coroutine ignoring GeneratorExit")


async def never_awaited():
    return 1


def main():
    g = stubborn("s1")
    print(next(g))
    try:
        g.close()
    except RuntimeError as e:
        print("close:", e)
    print("still suspended:", g.gi_suspended, next(g))
    g = polite("p1")
    next(g)
    g.close()
    events.append("rebinding g")
    g = stubborn("s2")
    next(g)
    events.append("dropping s2")
    g = None
    events.append("dropped s2")
    unstarted = stubborn("s3")
    del unstarted
    events.append("unstarted s3 dropped silently")

    c = stubborn_coro()
    print(c.send(None))
    try:
        c.close()
    except RuntimeError as e:
        print("coroutine close:", e)
    events.append("dropping coroutine")
    del c
    events.append("coroutine dropped")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        never_awaited()
        events.append("after never awaited call")
    for w in caught:
        print(w.category.__name__, str(w.message).replace("main.<locals>.", ""))


sys.unraisablehook = hook
main()
for line in events:
    print(line)
