# jit-expect-compiled: label main never quick
# asyncio.wait_for and asyncio.timeout on futures that never complete (tiny timeouts, so the
# outcome is deterministic): TimeoutError raised, the inner awaitable cancelled, and its cleanup run.
import asyncio

log = []


def label(i):
    return "attempt-%d" % i


async def never(name):
    try:
        await asyncio.get_running_loop().create_future()
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise
    finally:
        log.append(name + " finally")


async def quick(x):
    await asyncio.sleep(0)
    return x * 2


async def main():
    for i in range(3):
        try:
            await asyncio.wait_for(never(label(i)), timeout=0.001)
        except TimeoutError as e:
            log.append("timeout %d %s" % (i, type(e).__name__))
    print(await asyncio.wait_for(quick(21), timeout=10))
    try:
        async with asyncio.timeout(0.001):
            await never("ctx")
    except TimeoutError:
        log.append("asyncio.timeout expired")
    fut = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait_for(fut, 0.001)
    except TimeoutError:
        log.append("future cancelled: %s" % fut.cancelled())
    try:
        await asyncio.wait_for(never("zero"), timeout=0)
    except TimeoutError:
        log.append("zero timeout")


asyncio.run(main())
for line in log:
    print(line)
