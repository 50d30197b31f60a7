# jit-expect-compiled: transform accumulator main ticker
# Async generators and async for: yielding after awaits, async comprehensions, asend/athrow,
# aclose running the finally block, and an async generator's StopAsyncIteration.
import asyncio

log = []


def transform(x):
    return x * 3 - 1


async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield transform(i)
    finally:
        log.append("ticker %d finally" % n)


async def accumulator():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError:
            total = 0
            continue
        total += x


async def main():
    out = []
    async for v in ticker(4):
        out.append(v)
    print(out)
    print([v async for v in ticker(3) if v > 0])
    print({v: v * v async for v in ticker(2)})
    agen = ticker(10)
    async for v in agen:
        if v > 4:
            break
    await agen.aclose()
    acc = accumulator()
    print(await acc.asend(None), await acc.asend(5), await acc.asend(7))
    print(await acc.athrow(ValueError), await acc.asend(2))
    await acc.aclose()
    g = ticker(0)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print(type(ticker(1)).__name__)


asyncio.run(main())
print(log)
