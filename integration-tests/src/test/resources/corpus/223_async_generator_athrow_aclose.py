# jit-expect-compiled: ticker stubborn consume step main
# Async generators driven both by asyncio and by hand: athrow() handled inside (returns the next
# yielded value) or propagating, aclose() running finally blocks with an await in them, aclose()
# of an unstarted or finished generator, "async generator ignored GeneratorExit", asend(), and
# inspect.getasyncgenstate along the way.
import asyncio
import inspect

log = []


async def ticker(name, n):
    try:
        for i in range(n):
            try:
                received = yield "%s:%d" % (name, i)
                if received is not None:
                    log.append("%s received %r" % (name, received))
            except ValueError as e:
                log.append("%s handled %s" % (name, e))
                yield "%s:recovered" % name
    finally:
        await asyncio.sleep(0)
        log.append("%s finally" % name)


async def stubborn(stop):
    while not stop:
        try:
            yield "stubborn"
        except GeneratorExit:
            log.append("stubborn ignores GeneratorExit")


async def consume():
    out = []
    agen = ticker("t", 5)
    out.append(await agen.__anext__())
    out.append(await agen.asend("hello"))
    out.append(await agen.athrow(ValueError("bad tick")))
    out.append(await agen.__anext__())
    out.append(inspect.getasyncgenstate(agen))
    try:
        await agen.athrow(KeyError("fatal"))
    except KeyError as e:
        out.append("athrow propagated %s" % e)
    out.append(inspect.getasyncgenstate(agen))
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        out.append("exhausted")
    agen = ticker("u", 3)
    out.append(await agen.__anext__())
    await agen.aclose()
    out.append("closed: " + inspect.getasyncgenstate(agen))
    await agen.aclose()
    fresh = ticker("never", 1)
    await fresh.aclose()
    out.append("unstarted close ran finally: %s" % ("never finally" in log))
    stop = []
    s = stubborn(stop)
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        out.append("aclose: %s" % e)
    stop.append(True)
    try:
        await s.__anext__()
    except StopAsyncIteration:
        out.append("stubborn finished: " + inspect.getasyncgenstate(s))
    return out


def step(awaitable, value=None):
    try:
        return "yielded", awaitable.send(value)
    except StopIteration as e:
        return "stop", e.value
    except StopAsyncIteration:
        return "stop-async", None


def main():
    for item in asyncio.run(consume()):
        print(item)
    agen = ticker("manual", 2)
    print(inspect.getasyncgenstate(agen))
    print(step(agen.__anext__()))
    print(step(agen.athrow(ValueError("by hand"))))
    closing = agen.aclose()
    print(step(closing))
    print(step(closing))
    print(inspect.getasyncgenstate(agen))
    print(step(agen.__anext__()))
    for line in log:
        print(line)


main()
