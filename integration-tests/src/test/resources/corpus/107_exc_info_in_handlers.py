# jit-expect-compiled: probe current scenario in_finally loop
# sys.exc_info() and sys.exception() inside handlers, in nested handlers, in called functions,
# after a handler ends (restored to the outer exception, then to None), and in finally blocks.
import sys


def current():
    t, v, tb = sys.exc_info()
    return (t.__name__ if t else None, str(v) if v else None, tb is not None)


def probe():
    e = sys.exception()
    return None if e is None else type(e).__name__ + ":" + str(e)


def scenario():
    log = [("start", probe())]
    try:
        raise ValueError("outer")
    except ValueError:
        log.append(("in outer", current()))
        try:
            raise KeyError("inner")
        except KeyError:
            log.append(("in inner", probe()))
        log.append(("back in outer", probe()))
    log.append(("after", probe(), current()))
    return log


def in_finally():
    log = []
    try:
        try:
            raise OSError("f")
        finally:
            log.append(("finally", probe()))
    except OSError:
        log.append(("handler", probe()))
    return log


def loop(n):
    names = []
    for i in range(n):
        try:
            if i % 2:
                raise IndexError(i)
            names.append(probe())
        except IndexError:
            names.append(probe())
    return names


for entry in scenario():
    print(entry)
print(in_finally())
print(loop(4))
print(probe(), current())
