# jit-expect-compiled: producer consumer process run_pipeline flaky gather_mixed main
# asyncio.Queue producer/consumer from compiled coroutines: two producers and three consumers,
# sentinel shutdown, queue.join() with task_done, a bounded queue making producers wait (the
# interleaving is deterministic: no real sleeping), a consumer failure recorded per item, and
# asyncio.gather with return_exceptions=True returning results and exception objects in
# argument order, versus gather without it (first exception propagates, others keep running).
import asyncio

log = []


async def producer(name, queue, items):
    for item in items:
        await queue.put((name, item))
        log.append("%s put %s (size %d)" % (name, item, queue.qsize()))
    log.append("%s done" % name)


async def process(item):
    await asyncio.sleep(0)
    if item % 7 == 0:
        raise ValueError("cannot process %d" % item)
    return item * item


async def consumer(name, queue, results):
    while True:
        entry = await queue.get()
        try:
            if entry is None:
                log.append("%s got sentinel" % name)
                return
            source, item = entry
            try:
                results.append((item, await process(item), name))
            except ValueError as e:
                results.append((item, str(e), name))
        finally:
            queue.task_done()


async def run_pipeline():
    queue = asyncio.Queue(maxsize=2)
    results = []
    consumers = [asyncio.create_task(consumer("c%d" % i, queue, results)) for i in range(3)]
    await asyncio.gather(producer("p1", queue, [1, 2, 3, 7]), producer("p2", queue, [10, 14, 5]))
    for _ in consumers:
        await queue.put(None)
    await queue.join()
    await asyncio.gather(*consumers)
    return sorted(results)


async def flaky(n):
    for _ in range(n):
        await asyncio.sleep(0)
    if n % 2:
        raise KeyError("odd %d" % n)
    log.append("flaky(%d) finished" % n)
    return n * 100


async def gather_mixed():
    results = await asyncio.gather(flaky(2), flaky(1), flaky(4), flaky(3), return_exceptions=True)
    shown = [r if isinstance(r, int) else "%s(%s)" % (type(r).__name__, r) for r in results]
    tasks = [asyncio.create_task(flaky(n)) for n in (6, 1)]
    try:
        await asyncio.gather(*tasks)
    except KeyError as e:
        shown.append("gather raised %s; first task done yet: %s" % (e, tasks[0].done()))
    await asyncio.sleep(0)
    shown.append("after waiting: %s" % (await tasks[0]))
    return shown


def main():
    print(asyncio.run(run_pipeline()))
    print(asyncio.run(gather_mixed()))
    for line in log:
        print(line)


main()
