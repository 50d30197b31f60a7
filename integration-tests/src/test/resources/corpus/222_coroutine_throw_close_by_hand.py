# jit-expect-compiled: __await__ fetch retrying pipeline run_to_end main
# Coroutines driven by hand with send()/throw()/close(), awaiting a custom awaitable whose
# __await__ is a generator: exceptions thrown in arrive at the innermost await and can be
# handled at any level, cr_await names what the coroutine waits on, close() runs finally
# blocks, and reusing a finished coroutine raises "cannot reuse already awaited coroutine".
import inspect


class Request:
    def __init__(self, key):
        self.key = key

    def __await__(self):
        try:
            reply = yield "want " + self.key
        except ConnectionError as e:
            reply = yield "retry %s after %s" % (self.key, e)
        return reply


async def fetch(key):
    value = await Request(key)
    return "%s=%s" % (key, value)


async def retrying(key, attempts):
    for attempt in range(attempts):
        try:
            return await fetch(key)
        except TimeoutError as e:
            print("  attempt", attempt, "timed out:", e)
    raise LookupError("gave up on " + key)


async def pipeline(keys):
    results = []
    try:
        for key in keys:
            results.append(await retrying(key, 2))
    finally:
        print("  pipeline finally with", results)
    return results


def run_to_end(coro, replies):
    outputs = []
    try:
        request = coro.send(None)
        while True:
            outputs.append(request)
            reply = replies.pop(0)
            if isinstance(reply, BaseException):
                request = coro.throw(reply)
            else:
                request = coro.send(reply)
    except StopIteration as e:
        return outputs, "returned", e.value
    except Exception as e:
        return outputs, "raised", repr(e)


def main():
    print(run_to_end(pipeline(["a", "b"]), [1, 2]))
    print(run_to_end(pipeline(["a"]), [ConnectionError("reset"), 5]))
    print(run_to_end(pipeline(["a", "b"]), [TimeoutError("slow"), 7, 8]))
    print(run_to_end(pipeline(["a"]), [TimeoutError("t1"), TimeoutError("t2")]))
    print(run_to_end(pipeline(["x"]), [ValueError("bad reply")]))

    c = pipeline(["k1", "k2"])
    print(c.send(None), inspect.getcoroutinestate(c))
    print("cr_await is a coroutine:", inspect.iscoroutine(c.cr_await), c.cr_await.__name__)
    inner = c.cr_await.cr_await
    print("next level:", inner.__name__, type(inner.cr_await).__name__)
    print(c.send(10))
    c.close()
    print("after close:", inspect.getcoroutinestate(c), c.cr_await)

    c = fetch("once")
    print(run_to_end(c, [1]))
    try:
        c.send(None)
    except RuntimeError as e:
        print("reuse:", e)
    awaitable = Request("bare").__await__()
    print(next(awaitable), awaitable.throw(ConnectionError("down")))
    try:
        awaitable.throw(ConnectionError("down again"))
    except ConnectionError as e:
        print("second throw escapes:", e)


main()
