# jit-expect-compiled: __init__ check show drive make_and_drop Pause __await__ job raw_pause
# Coroutines driven by hand without an event loop: send(None) runs to the next await of a bare
# yield-based awaitable, throw() raises inside the suspended coroutine, close(), cr_frame and
# cr_suspended, the return value in StopIteration, and a never-awaited coroutine's RuntimeWarning.
import types
import warnings


def show(message, category, filename, lineno, file=None, line=None):
    print("warning at line", lineno, category.__name__ + ":", message)


warnings.showwarning = show


class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        received = yield self.tag
        return received


@types.coroutine
def raw_pause(tag):
    value = yield ("raw", tag)
    return value


def check(x):
    if x is None:
        return 0
    return x


async def job(log):
    total = 0
    for i in range(3):
        try:
            got = await Pause("step%d" % i)
            total += check(got)
            log.append(("step", i, got))
        except KeyError as e:
            log.append(("recovered", i, e.args[0]))
    total += await raw_pause("last")
    return total


def drive():
    log = []
    c = job(log)
    print(c.cr_suspended, c.cr_frame.f_code.co_name)
    print(c.send(None))
    print(c.send(10))
    print(c.throw(KeyError("injected")))
    print(c.send(None), c.cr_suspended)
    try:
        c.send(5)
    except StopIteration as e:
        print("returned", e.value)
    print(log, c.cr_frame)


drive()
c2 = job([])
print(c2.send(None))
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
c3 = job([])
print(c3.send(None))
try:
    c3.throw(OSError("fatal"))
except OSError as e:
    print("OSError escaped:", e)


def make_and_drop():
    c = job([])
    print("before del")
    del c
    print("after del")
    c = job([])
    print("before rebinding")
    c = None
    print("after rebinding")


make_and_drop()
