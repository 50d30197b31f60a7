# jit-expect-compiled: handler bad_callback bad_done_callback doomed waiter orphan scenario main
# Event-loop level errors with a custom exception handler (so nothing host-specific is printed):
# an exception raised by a call_soon callback and by a future's done-callback (the loop keeps
# running), a task whose exception is never retrieved (reported when the task is dropped),
# call_exception_handler used directly, cancel() with a message seen by the awaiting task, and
# the loop's default handler restored afterwards. asyncio.run propagates the main error.
import asyncio
import gc

log = []


def handler(loop, context):
    exc = context.get("exception")
    log.append("handler: %s | %s" % (context["message"].split(" at ")[0].split(" <")[0],
                                     "%s(%s)" % (type(exc).__name__, exc) if exc else "no exception"))


def bad_callback(tag):
    log.append("bad_callback " + tag)
    raise RuntimeError("callback %s failed" % tag)


def bad_done_callback(fut):
    log.append("done callback sees result %r" % fut.result())
    raise ValueError("done callback failed")


async def doomed():
    await asyncio.sleep(0)
    raise LookupError("nobody asked")


async def waiter(event):
    try:
        await event.wait()
    except asyncio.CancelledError as e:
        log.append("waiter cancelled with args %r" % (e.args,))
        raise


def orphan(loop):
    task = loop.create_task(doomed())
    return task


async def scenario():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad_callback, "first")
    loop.call_soon(log.append, "callback after the failing one")
    await asyncio.sleep(0)
    fut = loop.create_future()
    fut.add_done_callback(bad_done_callback)
    fut.set_result(42)
    await asyncio.sleep(0)
    task = orphan(loop)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log.append("orphan done: %s" % task.done())
    del task
    gc.collect()
    log.append("after dropping orphan")
    loop.call_exception_handler({"message": "manual report", "exception": OSError("disk")})
    loop.call_exception_handler({"message": "manual report without exception"})
    w = asyncio.create_task(waiter(asyncio.Event()))
    await asyncio.sleep(0)
    w.cancel(msg="shutting down")
    try:
        await w
    except asyncio.CancelledError as e:
        log.append("awaiting cancelled task raised CancelledError%r" % (e.args,))
    loop.set_exception_handler(None)
    log.append("default handler restored: %s" % (loop.get_exception_handler() is None))
    raise ConnectionError("scenario finished with an error")


def main():
    try:
        asyncio.run(scenario())
    except ConnectionError as e:
        log.append("asyncio.run raised %s" % e)
    for line in log:
        print(line)


main()
