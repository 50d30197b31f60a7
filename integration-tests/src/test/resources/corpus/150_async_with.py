# jit-expect-compiled: __init__ Conn __aenter__ __aexit__ main names session
# async with: __aenter__/__aexit__ awaited, exception details passed to __aexit__, suppression by
# a true return, contextlib.asynccontextmanager, and async with inside async for loops.
import asyncio
import contextlib

log = []


class Conn:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0)
        log.append("open " + self.name)
        return self

    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        log.append("close %s %s" % (self.name, et.__name__ if et else "ok"))
        return self.suppress


@contextlib.asynccontextmanager
async def session(name):
    log.append("session start " + name)
    try:
        yield name + "-session"
    finally:
        log.append("session end " + name)


async def names(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield "c%d" % i


async def main():
    async with Conn("a") as c:
        log.append("using " + c.name)
    try:
        async with Conn("b"):
            raise KeyError("b failed")
    except KeyError:
        log.append("KeyError propagated")
    async with Conn("c", suppress=True):
        raise ValueError("swallowed")
    log.append("after suppressed")
    async with session("s") as s, Conn("d") as d:
        log.append(s + " " + d.name)
    async for n in names(2):
        async with Conn(n):
            log.append("work " + n)
    try:
        with Conn("sync"):
            pass
    except TypeError as e:
        log.append("TypeError: " + str(e))


asyncio.run(main())
print("\n".join(log))
