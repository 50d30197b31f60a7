# jit-expect-compiled: cost broken main worker
# asyncio.gather: results in argument order whatever the completion order, interleaving of the
# tasks at each sleep(0), return_exceptions=True, and the first exception propagating otherwise.
import asyncio

events = []


def cost(name):
    return len(name) * 2


async def worker(name, steps):
    for i in range(steps):
        events.append(f"{name}{i}")
        await asyncio.sleep(0)
    return name.upper(), cost(name)


async def broken(msg, after):
    for _ in range(after):
        await asyncio.sleep(0)
    raise ValueError(msg)


async def main():
    results = await asyncio.gather(worker("a", 3), worker("bb", 1), worker("ccc", 2))
    print(results)
    print(events)
    events.clear()
    mixed = await asyncio.gather(worker("x", 2), broken("boom", 1), worker("y", 1), return_exceptions=True)
    print([repr(r) for r in mixed])
    events.clear()
    try:
        await asyncio.gather(worker("p", 3), broken("first", 1), broken("second", 2))
    except ValueError as e:
        print("gather raised", e)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(events)
    empty = await asyncio.gather()
    print(empty)


asyncio.run(main())
