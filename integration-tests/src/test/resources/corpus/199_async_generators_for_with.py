# jit-expect-compiled: arange pairs running_sum managed consume_for comprehensions with_blocks nested_with protocol_errors drive_agen main
# Async generators, async for and async with inside coroutine functions: async for over async
# generators and over a class with __aiter__/__anext__, break (then aclose), async comprehensions,
# asend/athrow/aclose, async with on classes defined at module level (value of __aenter__,
# suppressing and non-suppressing __aexit__, an exception in __aenter__, several managers, return
# and break inside the block), contextlib.asynccontextmanager, and the protocol TypeErrors.
import asyncio
import contextlib

log = []


class Resource:
    def __init__(self, name, suppress=False, fail_enter=False):
        self.name = name
        self.suppress = suppress
        self.fail_enter = fail_enter

    async def __aenter__(self):
        await asyncio.sleep(0)
        if self.fail_enter:
            raise ConnectionError("cannot open " + self.name)
        log.append("enter " + self.name)
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        log.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return self.suppress


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.current <= 0:
            raise StopAsyncIteration
        self.current -= 1
        return self.current + 1


class NotAsync:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


async def arange(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        log.append("arange(%d) finally" % n)


async def pairs(n):
    async for i in arange(n):
        yield (i, i * i)


async def running_sum():
    total = 0
    while True:
        try:
            x = yield total
        except ArithmeticError as e:
            log.append("running_sum reset by %s" % type(e).__name__)
            total = 0
            continue
        if x is None:
            return
        total += x


@contextlib.asynccontextmanager
async def managed(tag):
    log.append("managed open " + tag)
    try:
        yield tag * 2
    except KeyError as e:
        log.append("managed handled KeyError %s" % e)
    finally:
        log.append("managed close " + tag)


async def consume_for():
    out = []
    async for i in arange(4):
        out.append(i)
    async for p in pairs(3):
        out.append(p)
    async for c in Countdown(3):
        out.append(c)
    async for i in arange(100):
        if i == 2:
            break
        out.append(-i)
    else:
        out.append("no break")
    async for i in arange(0):
        out.append("never")
    else:
        out.append("else ran")
    return out


async def comprehensions():
    squares = [i * i async for i in arange(5)]
    evens = {i async for i in arange(6) if i % 2 == 0}
    table = {k: v async for k, v in pairs(3)}
    nested = [[j async for j in arange(i)] for i in range(3)]
    awaited = [await x for x in [asyncio.sleep(0, "a"), asyncio.sleep(0, "b")]]
    return squares, sorted(evens), table, nested, awaited


async def with_blocks():
    async with Resource("r1") as value:
        log.append("inside with " + value)
    async with Resource("r2", suppress=True):
        raise ValueError("suppressed")
    try:
        async with Resource("r3"):
            raise ValueError("escapes")
    except ValueError as e:
        log.append("caught " + str(e))
    try:
        async with Resource("r4", fail_enter=True) as v:
            log.append("never " + v)
    except ConnectionError as e:
        log.append("enter failed: " + str(e))
    async with managed("m") as m:
        log.append("managed gave " + m)
    async with managed("k"):
        raise KeyError("x")
    for i in range(3):
        async with Resource("loop%d" % i):
            if i == 1:
                break
    return "after blocks"


async def nested_with():
    async with Resource("a") as a, Resource("b") as b:
        async with Resource("c", suppress=True) as c:
            result = a + b + c
            raise OSError("inner")
        return result


async def protocol_errors():
    errors = []
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        errors.append(str(e))
    try:
        async with NotAsync():
            pass
    except TypeError as e:
        errors.append(str(e))
    try:
        async for x in arange:
            pass
    except TypeError as e:
        errors.append(str(e))
    return errors


async def drive_agen():
    acc = running_sum()
    print(await acc.asend(None), await acc.asend(5), await acc.asend(7))
    print(await acc.athrow(ZeroDivisionError()), await acc.asend(3))
    try:
        await acc.asend(None)
    except StopAsyncIteration:
        print("running_sum finished")
    g = arange(10)
    print(await g.__anext__(), await anext(g), await anext(arange(0), "default"))
    await g.aclose()
    try:
        await anext(g)
    except StopAsyncIteration:
        print("closed async generator is exhausted")
    g = arange(3)
    print(await anext(g))
    try:
        await g.athrow(RuntimeError("thrown in"))
    except RuntimeError as e:
        print("athrow propagated:", e)


async def main():
    print(await consume_for())
    print(await comprehensions())
    print(await with_blocks())
    print(await nested_with())
    for message in await protocol_errors():
        print(message)
    await drive_agen()


asyncio.run(main())
for line in log:
    print(line)
