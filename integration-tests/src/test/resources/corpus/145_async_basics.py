# jit-expect-compiled: compute failing leaf main middle
# async def and await: coroutines awaiting coroutines, return values, exceptions crossing await,
# asyncio.run's result, awaiting the same coroutine twice, and sequential ordering with sleep(0).
import asyncio

trace = []


def compute(x):
    return x * x + 1


async def leaf(x):
    trace.append("leaf %d start" % x)
    await asyncio.sleep(0)
    trace.append("leaf %d end" % x)
    return compute(x)


async def middle(n):
    total = 0
    for i in range(n):
        total += await leaf(i)
    return total


async def failing(x):
    await asyncio.sleep(0)
    return 10 // x


async def main():
    r = await middle(3)
    caught = None
    try:
        await failing(0)
    except ZeroDivisionError as e:
        caught = str(e)
    c = leaf(9)
    first = await c
    try:
        await c
    except RuntimeError as e:
        second = str(e)
    return r, caught, first, second


print(asyncio.run(main()))
print(trace)
print(asyncio.iscoroutinefunction(leaf), asyncio.iscoroutinefunction(compute))
c = middle(0)
print(type(c).__name__, c.cr_code.co_name)
print(asyncio.run(c))
