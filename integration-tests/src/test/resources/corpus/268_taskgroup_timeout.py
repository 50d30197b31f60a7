# jit-expect-compiled: step_worker failing cancellable run_group nested_groups with_timeout timeout_reschedule main
# Structured concurrency from compiled coroutines: a TaskGroup where one task fails (siblings
# are cancelled, their CancelledError handlers and finally blocks run, the error arrives as an
# ExceptionGroup handled with except*), two failures in one group, nested groups, and
# asyncio.timeout both expiring (a task blocked on an Event that is never set, turned into
# TimeoutError) and not expiring, plus reschedule() and expired().
import asyncio

log = []


async def step_worker(name, steps):
    try:
        for i in range(steps):
            await asyncio.sleep(0)
            log.append("%s step %d" % (name, i))
        return name
    except asyncio.CancelledError:
        log.append("%s cancelled" % name)
        raise
    finally:
        log.append("%s finally" % name)


async def failing(name, after, exc):
    for _ in range(after):
        await asyncio.sleep(0)
    log.append("%s raising" % name)
    raise exc


async def cancellable(event):
    try:
        await event.wait()
    finally:
        log.append("cancellable finally (event set: %s)" % event.is_set())


async def run_group(specs):
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(coro, name=name) for name, coro in specs]
        return "all done: %s" % [t.result() for t in tasks]
    except* ValueError as eg:
        log.append("handled ValueErrors: %s" % sorted(str(e) for e in eg.exceptions))
    except* KeyError as eg:
        log.append("handled KeyErrors: %s" % sorted(str(e) for e in eg.exceptions))
    return "states: %s" % [(t.get_name(), "cancelled" if t.cancelled() else "done") for t in tasks]


async def nested_groups():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(step_worker("outer-w", 5))

            async def inner_group():
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(step_worker("inner-w", 5))
                    inner.create_task(failing("inner-f", 1, RuntimeError("inner boom")))
            outer.create_task(inner_group())
    except ExceptionGroup as eg:
        inner = eg.exceptions[0]
        return "outer group: %s / %s / %s" % (eg.message, type(inner).__name__, inner.exceptions[0])


async def with_timeout():
    event = asyncio.Event()
    out = []
    try:
        async with asyncio.timeout(0.01) as cm:
            await cancellable(event)
    except TimeoutError as e:
        out.append("TimeoutError expired=%s context=%s" % (cm.expired(), type(e.__context__).__name__))
    async with asyncio.timeout(30) as cm:
        out.append(await step_worker("quick", 2))
    out.append("not expired: %s" % cm.expired())
    return out


async def timeout_reschedule():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.Event().wait()
    except TimeoutError:
        return "rescheduled deadline hit, expired=%s" % cm.expired()


def main():
    print(asyncio.run(run_group([("a", step_worker("a", 2)), ("b", step_worker("b", 2))])))
    print(asyncio.run(run_group([("a", step_worker("a", 5)), ("f", failing("f", 2, ValueError("bad"))),
                                 ("b", step_worker("b", 1))])))
    print(asyncio.run(run_group([("v", failing("v", 0, ValueError("v0"))), ("k", failing("k", 0, KeyError("k0"))),
                                 ("w", step_worker("w", 3))])))
    print(asyncio.run(nested_groups()))
    print(asyncio.run(with_timeout()))
    print(asyncio.run(timeout_reschedule()))
    for line in log:
        print(line)


main()
