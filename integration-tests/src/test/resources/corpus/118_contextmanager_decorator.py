# jit-expect-compiled: double build nested misuse catching no_yield tag yields_twice
# contextlib.contextmanager generators: code before and after yield, try/finally around yield,
# exceptions thrown into the generator at the yield, suppression by catching, and misuse errors.
import contextlib


@contextlib.contextmanager
def tag(name, log):
    log.append("<" + name + ">")
    try:
        yield name * 2
    finally:
        log.append("</" + name + ">")


@contextlib.contextmanager
def catching(kind, log):
    try:
        yield
    except kind as e:
        log.append("caught " + type(e).__name__)


@contextlib.contextmanager
def yields_twice():
    yield 1
    yield 2


@contextlib.contextmanager
def no_yield():
    if False:
        yield


def double(x):
    return x * 2


def build(items):
    log = []
    for it in items:
        with tag(it, log) as t:
            log.append(double(t))
    return log


def nested(log):
    with tag("a", log):
        with catching(ZeroDivisionError, log):
            with tag("b", log):
                log.append(1 / 0)
            log.append("unreached")
        log.append("after catching")
    return log


def misuse():
    out = []
    try:
        with yields_twice():
            pass
    except RuntimeError as e:
        out.append(str(e))
    try:
        with no_yield():
            pass
    except RuntimeError as e:
        out.append(str(e))
    return out


print(build(["x", "yz"]))
print(nested([]))
print(misuse())
log = []
try:
    with tag("p", log):
        raise KeyError("through")
except KeyError as e:
    print("propagated", e, log)
