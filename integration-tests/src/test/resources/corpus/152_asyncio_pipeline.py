# jit-expect-compiled: checksum enrich collector main producer worker
# A small asyncio pipeline: producer -> two workers -> collector connected by asyncio.Queue with
# sentinels; a failing item is reported, task_done/join accounting, and results sorted at the end.
import asyncio


def checksum(text):
    h = 0
    for ch in text:
        h = (h * 31 + ord(ch)) % 100003
    return h


def enrich(item):
    if item.startswith("bad"):
        raise ValueError("cannot enrich " + item)
    return {"item": item, "sum": checksum(item), "len": len(item)}


async def producer(q, items, workers):
    for it in items:
        await q.put(it)
    for _ in range(workers):
        await q.put(None)


async def worker(name, inq, outq, stats):
    while True:
        item = await inq.get()
        try:
            if item is None:
                break
            await asyncio.sleep(0)
            try:
                await outq.put((name, enrich(item)))
                stats[name] = stats.get(name, 0) + 1
            except ValueError as e:
                await outq.put((name, {"error": str(e)}))
        finally:
            inq.task_done()
    await outq.put((name, None))


async def collector(outq, workers):
    results = []
    done = 0
    while done < workers:
        name, r = await outq.get()
        if r is None:
            done += 1
        else:
            results.append(r)
    return results


async def main():
    items = ["alpha", "beta", "bad-1", "gamma", "delta", "bad-2", "epsilon"]
    inq = asyncio.Queue(maxsize=2)
    outq = asyncio.Queue()
    stats = {}
    workers = 2
    coll = asyncio.create_task(collector(outq, workers))
    tasks = [asyncio.create_task(worker("w%d" % i, inq, outq, stats)) for i in range(workers)]
    await producer(inq, items, workers)
    await inq.join()
    results = await coll
    await asyncio.gather(*tasks)
    ok = sorted((r["item"], r["sum"], r["len"]) for r in results if "item" in r)
    errors = sorted(r["error"] for r in results if "error" in r)
    print(ok)
    print(errors)
    print(sum(stats.values()), inq.qsize(), outq.qsize())


asyncio.run(main())
