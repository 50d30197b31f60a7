# jit-expect-compiled: __init__ __enter__ __exit__ loop step truthiness with_suppress
# __exit__ returning a true value suppresses the exception (execution continues after the with);
# contextlib.suppress; a suppressed exception in a loop; the return value of __exit__ is tested for truth.
import contextlib


class Swallow:
    def __init__(self, *types, result=True):
        self.types = types
        self.result = result
        self.seen = []

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        self.seen.append(et.__name__ if et else None)
        if et is not None and issubclass(et, self.types):
            return self.result
        return None


def step(i):
    if i % 3 == 0:
        raise KeyError(i)
    if i % 3 == 1:
        raise ValueError(i)
    return i


def loop(n):
    cm = Swallow(KeyError)
    done = []
    for i in range(n):
        try:
            with cm:
                done.append(step(i))
                done.append("after step")
            done.append("after with %d" % i)
        except ValueError:
            done.append("value %d" % i)
    return done, cm.seen


def truthiness():
    out = []
    for result in (1, "yes", [], 0, [0]):
        try:
            with Swallow(ZeroDivisionError, result=result):
                1 / 0
            out.append("suppressed by %r" % (result,))
        except ZeroDivisionError:
            out.append("propagated by %r" % (result,))
    return out


def with_suppress(items):
    total = 0
    for it in items:
        with contextlib.suppress(TypeError, ValueError):
            total += int(it)
    return total


done, seen = loop(6)
print(done)
print(seen)
print(truthiness())
print(with_suppress(["1", "x", 2, None, "30", [4]]))
