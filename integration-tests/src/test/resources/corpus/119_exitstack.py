# jit-expect-compiled: <lambda> __init__ __enter__ open_many __exit__ failing_chain suppressed transfer
# contextlib.ExitStack: callbacks and context managers unwound in reverse order, pop_all,
# an exception in one exit passed to the next, and suppression inside the stack.
import contextlib


class Res:
    def __init__(self, name, log, fail_exit=False, suppress=False):
        self.name = name
        self.log = log
        self.fail_exit = fail_exit
        self.suppress = suppress

    def __enter__(self):
        self.log.append("open " + self.name)
        return self

    def __exit__(self, et, ev, tb):
        self.log.append("close %s (%s)" % (self.name, et.__name__ if et else "-"))
        if self.fail_exit:
            raise RuntimeError("exit of " + self.name)
        return self.suppress


def open_many(names, log):
    with contextlib.ExitStack() as stack:
        res = [stack.enter_context(Res(n, log)) for n in names]
        stack.callback(log.append, "callback 1")
        stack.callback(lambda: log.append("callback 2"))
        log.append("using " + ",".join(r.name for r in res))
    return log


def failing_chain(log):
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(Res("a", log))
            stack.enter_context(Res("b", log, fail_exit=True))
            stack.enter_context(Res("c", log))
            raise ValueError("body")
    except RuntimeError as e:
        log.append("final %s: %s, context %s" % (type(e).__name__, e, type(e.__context__).__name__))
    return log


def suppressed(log):
    with contextlib.ExitStack() as stack:
        stack.enter_context(Res("s", log, suppress=True))
        stack.enter_context(Res("t", log))
        raise KeyError("gone")
    log.append("after suppressed")
    return log


def transfer(log):
    with contextlib.ExitStack() as stack:
        stack.enter_context(Res("keep", log))
        later = stack.pop_all()
    log.append("stack exited")
    later.close()
    return log


for fn in (lambda: open_many(["x", "y"], []), lambda: failing_chain([]), lambda: suppressed([]), lambda: transfer([])):
    for line in fn():
        print(line)
    print("--")
