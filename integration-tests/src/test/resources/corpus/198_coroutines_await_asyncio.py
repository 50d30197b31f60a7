# jit-expect-compiled: stepper double_after add_chain waiter worker fails_later gather_all timeouts cancellation main
# Coroutines: async def awaiting other coroutines and a hand-made awaitable, driven by hand with
# send()/throw()/close() and by asyncio: asyncio.run, asyncio.gather (results in order, an
# exception, return_exceptions=True), asyncio.sleep(0) interleaving, asyncio.wait_for timing out
# with the inner coroutine cancelled, task.cancel() caught inside the coroutine (re-raised or
# swallowed), and exceptions thrown into a suspended coroutine.
import asyncio

log = []


class Suspend:
    """An awaitable that suspends once, yielding its tag, and evaluates to what was sent."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


async def stepper(n):
    total = 0
    for i in range(n):
        try:
            got = await Suspend("step %d" % i)
        except LookupError as e:
            log.append("stepper caught %s: %s" % (type(e).__name__, e))
            got = -1
        total += got
    return total


def drive_by_hand():
    c = stepper(3)
    print(c.send(None))
    print(c.send(10))
    print(c.throw(KeyError("bad key")))
    try:
        c.send(5)
    except StopIteration as e:
        print("stepper returned", e.value)

    c = stepper(2)
    c.send(None)
    try:
        c.throw(ValueError("not caught"))
    except ValueError as e:
        print("ValueError escaped:", e)
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)

    c = stepper(5)
    c.send(None)
    c.close()
    print("closed, cr_frame is None:", c.cr_frame is None)

    c = stepper(0)
    try:
        c.send(None)
    except StopIteration as e:
        print("stepper(0) returned", e.value)
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)


async def double_after(x, steps):
    for _ in range(steps):
        await asyncio.sleep(0)
    log.append("double_after %d" % x)
    return x * 2


async def add_chain(values):
    total = 0
    for v in values:
        total += await double_after(v, 0)
    return total


async def waiter(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("%s cancelled" % name)
        raise
    finally:
        log.append("%s finally" % name)
    return "never"


async def worker(name, swallow):
    try:
        for i in range(1000):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        log.append("%s got CancelledError after some steps" % name)
        if swallow:
            return "%s swallowed" % name
        raise
    return "%s finished" % name


async def fails_later(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def gather_all():
    results = await asyncio.gather(double_after(1, 3), double_after(2, 1), double_after(3, 0), add_chain([4, 5]))
    print("gather:", results)
    try:
        await asyncio.gather(double_after(7, 0), fails_later("boom"))
    except ValueError as e:
        print("gather raised ValueError:", e)
    mixed = await asyncio.gather(fails_later("kept"), double_after(8, 0), return_exceptions=True)
    print("return_exceptions:", [type(r).__name__ + ":" + str(r) for r in mixed])
    print("empty gather:", await asyncio.gather())


async def timeouts():
    try:
        await asyncio.wait_for(waiter("w1"), timeout=0.01)
    except TimeoutError as e:
        print("wait_for expired:", type(e).__name__)
    print("wait_for in time:", await asyncio.wait_for(double_after(21, 2), timeout=10))
    try:
        await asyncio.wait_for(waiter("w0"), timeout=0)
    except TimeoutError:
        print("timeout=0 expired")


async def cancellation():
    t1 = asyncio.create_task(worker("t1", False))
    t2 = asyncio.create_task(worker("t2", True))
    for _ in range(3):
        await asyncio.sleep(0)
    t1.cancel()
    t2.cancel()
    try:
        await t1
    except asyncio.CancelledError:
        print("t1 cancelled:", t1.cancelled())
    print("t2 result:", await t2, "cancelled:", t2.cancelled())
    t3 = asyncio.create_task(waiter("t3"))
    await asyncio.sleep(0)
    t3.cancel("stop now")
    try:
        await t3
    except asyncio.CancelledError as e:
        print("t3 cancelled with message:", e.args)
    t4 = asyncio.create_task(double_after(50, 0))
    await t4
    print("t4 done, cancel() returns", t4.cancel(), t4.result())


async def main():
    print("add_chain:", await add_chain([1, 2, 3]))
    await gather_all()
    await timeouts()
    await cancellation()
    try:
        await fails_later("direct")
    except ValueError as e:
        print("awaited ValueError:", e)
    return "main done"


drive_by_hand()
print(asyncio.run(main()))
for line in log:
    print(line)
