# jit-expect-compiled: __enter__ __exit__ __aenter__ __aexit__ run_case multi_item enter_fails in_loop async_case main
# Context managers whose __exit__ misbehaves, used from compiled functions: __exit__ raising
# when the body succeeded, raising while the body's exception propagates (which becomes
# __context__), suppressing with a truthy non-bool, an inner __exit__ raising and an outer
# one suppressing it, several managers in one with statement exiting in reverse order,
# __enter__ failing (its own __exit__ never runs), break/continue through a with inside a loop,
# and the async versions (__aexit__ raising and suppressing).
import asyncio

log = []


class CM:
    def __init__(self, name, on_exit="pass", enter_fails=False):
        self.name = name
        self.on_exit = on_exit
        self.enter_fails = enter_fails

    def __enter__(self):
        log.append("enter " + self.name)
        if self.enter_fails:
            raise ConnectionError("cannot enter " + self.name)
        return self

    def __exit__(self, et, ev, tb):
        log.append("exit %s (%s)" % (self.name, et.__name__ if et else "clean"))
        if self.on_exit == "raise":
            raise RuntimeError("exit of %s failed" % self.name)
        if self.on_exit == "suppress":
            return "yes"
        return None

    async def __aenter__(self):
        await asyncio.sleep(0)
        return self.__enter__()

    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        return self.__exit__(et, ev, tb)


def describe(e):
    ctx = e.__context__
    return "%s(%s) context=%s" % (type(e).__name__, e, None if ctx is None else "%s(%s)" % (type(ctx).__name__, ctx))


def run_case(on_exit, body_fails):
    log.clear()
    try:
        with CM("c", on_exit):
            log.append("body")
            if body_fails:
                raise ValueError("body failed")
            log.append("body done")
        result = "completed"
    except Exception as e:
        result = describe(e)
    return result, list(log)


def multi_item():
    log.clear()
    try:
        with CM("outer", "suppress"), CM("middle"), CM("inner", "raise"):
            raise KeyError("deep")
    except Exception as e:
        return "escaped " + describe(e)
    return "suppressed", list(log)


def enter_fails():
    log.clear()
    try:
        with CM("ok"), CM("broken", enter_fails=True), CM("never"):
            log.append("body never runs")
    except ConnectionError as e:
        return describe(e), list(log)


def in_loop(n):
    log.clear()
    for i in range(n):
        with CM("loop%d" % i, "suppress" if i == 1 else "pass"):
            if i == 0:
                continue
            if i == 1:
                raise IndexError("suppressed in loop")
            if i == 2:
                break
    return list(log)


async def async_case(on_exit, body_fails):
    log.clear()
    try:
        async with CM("a", on_exit):
            if body_fails:
                raise ValueError("async body failed")
        return "completed", list(log)
    except Exception as e:
        return describe(e), list(log)


def main():
    for on_exit in ("pass", "raise", "suppress"):
        for fails in (False, True):
            print(on_exit, fails, run_case(on_exit, fails))
    print(multi_item())
    print(enter_fails())
    print(in_loop(4))
    for on_exit, fails in (("raise", True), ("suppress", True), ("raise", False)):
        print("async", on_exit, fails, asyncio.run(async_case(on_exit, fails)))


main()
