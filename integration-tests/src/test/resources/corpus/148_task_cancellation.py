# jit-expect-compiled: tick looping main stubborn
# Task cancellation: cancel() delivers CancelledError at the task's await, a task that catches it
# and returns normally, cancel messages, uncancel counts, and awaiting a cancelled task.
import asyncio

log = []


def tick(name, n):
    log.append("%s tick %d" % (name, n))
    return n + 1


async def looping(name):
    n = 0
    try:
        while True:
            n = tick(name, n)
            await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        log.append("%s cancelled at %d args=%s" % (name, n, e.args))
        raise


async def stubborn():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        log.append("stubborn swallowed the cancellation")
    return "stubborn result"


async def main():
    t = asyncio.create_task(looping("t"))
    for _ in range(3):
        await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        log.append("awaiting t raised CancelledError %s" % (e.args,))
    log.append("t.cancelled()=%s done=%s" % (t.cancelled(), t.done()))
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    log.append("stubborn returned %r, cancelled()=%s, cancelling()=%d" % (await s, s.cancelled(), s.cancelling()))
    u = asyncio.create_task(looping("u"))
    u.cancel()
    try:
        await u
    except asyncio.CancelledError:
        log.append("u cancelled before it started: %s" % (u.cancelled(),))


asyncio.run(main())
print("\n".join(log))
