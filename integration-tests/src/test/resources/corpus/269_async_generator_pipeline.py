# jit-expect-compiled: source parse_lines only_valid batched_async opened connection pipeline early_exit main
# An async-generator pipeline in compiled coroutines: source -> parse -> filter -> batch, with
# an async context manager (class-based and @asynccontextmanager) opening and closing resources
# around it, async comprehensions, an `async for` that breaks early (the generators are closed
# explicitly with aclose via contextlib.aclosing, their finally blocks run in order), and an
# error raised mid-pipeline propagating out through the async with.
import asyncio
import contextlib

log = []


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0)
        log.append("open " + self.name)
        return self

    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        log.append("close %s (%s)" % (self.name, et.__name__ if et else "ok"))
        return False


@contextlib.asynccontextmanager
async def opened(name):
    async with Resource(name) as r:
        yield r


@contextlib.asynccontextmanager
async def connection(name):
    log.append("connect " + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append("connection %s saw %r" % (name, e))
        raise
    finally:
        log.append("disconnect " + name)


async def source(lines):
    try:
        for line in lines:
            await asyncio.sleep(0)
            yield line
    finally:
        log.append("source finally")


async def parse_lines(lines):
    try:
        async for line in lines:
            key, _, value = line.partition("=")
            if not key:
                raise KeyError("empty key in %r" % line)
            yield key.strip(), value.strip()
    finally:
        log.append("parse finally")


async def only_valid(pairs):
    async for key, value in pairs:
        if value.isdigit():
            yield key, int(value)


async def batched_async(items, size):
    batch = []
    async for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def pipeline(lines, size):
    async with opened("file"), connection("db") as db:
        batches = [b async for b in batched_async(only_valid(parse_lines(source(lines))), size)]
        total = sum([v async for v in _values(batches)])
        return db, batches, total


async def _values(batches):
    for b in batches:
        for _, v in b:
            yield v


async def early_exit(lines):
    seen = []
    async with contextlib.aclosing(parse_lines(source(lines))) as pairs:
        async for key, value in pairs:
            seen.append(key)
            if value == "stop":
                break
    log.append("after aclosing")
    return seen


def main():
    lines = ["a=1", "b=x", "c=3", "d = 4", "e=5"]
    print(asyncio.run(pipeline(lines, 2)))
    print(asyncio.run(early_exit(["p=1", "q=stop", "r=3"])))
    try:
        asyncio.run(pipeline(["a=1", "=2", "c=3"], 2))
    except KeyError as e:
        print("pipeline failed:", e)
    for line in log:
        print(line)


main()
