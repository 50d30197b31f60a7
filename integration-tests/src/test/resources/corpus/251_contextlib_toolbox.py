# jit-expect-compiled: tag no_stop transactional decorated use_tag use_suppress use_exitstack use_closing use_redirect main
# contextlib from compiled code: @contextmanager generators seeing the body's exception at the
# yield (handled, re-raised, replaced) and the "generator didn't stop" error, the same manager
# used as a decorator, suppress() with several classes and with exception groups (3.12+ splits
# them), ExitStack callbacks unwinding in LIFO order with a failing callback replacing the
# exception and pop_all() transferring ownership, closing(), and redirect_stdout/stderr.
import contextlib
import io
import sys

log = []


@contextlib.contextmanager
def tag(name, handle=()):
    log.append("<%s>" % name)
    try:
        yield name.upper()
    except handle as e:
        log.append("%s handled %s" % (name, type(e).__name__))
    finally:
        log.append("</%s>" % name)


@contextlib.contextmanager
def no_stop():
    yield 1
    yield 2


@contextlib.contextmanager
def transactional():
    try:
        yield
    except KeyError as e:
        raise LookupError("replaced %s" % e) from e


@tag("decorated")
def decorated(x):
    log.append("inside decorated %d" % x)
    return x * 2


def use_tag():
    out = []
    with tag("a") as value, tag("b", (ValueError,)):
        out.append(value)
        raise ValueError("swallowed by b")
    try:
        with tag("c", (KeyError,)):
            raise TypeError("not handled by c")
    except TypeError as e:
        out.append("TypeError escaped: %s" % e)
    try:
        with no_stop():
            pass
    except RuntimeError as e:
        out.append("RuntimeError: %s" % e)
    try:
        with transactional():
            {}["k"]
    except LookupError as e:
        out.append("%s from %r" % (e, e.__cause__))
    out.append(decorated(21))
    return out


def use_suppress():
    out = []
    for exc in (KeyError("k"), IndexError("i"), ValueError("v")):
        try:
            with contextlib.suppress(KeyError, IndexError):
                raise exc
            out.append("suppressed " + type(exc).__name__)
        except ValueError:
            out.append("ValueError passed through")
    try:
        with contextlib.suppress(OSError):
            raise ExceptionGroup("g", [FileNotFoundError("f"), ValueError("v2")])
    except ExceptionGroup as eg:
        out.append("group rest: %s" % [type(e).__name__ for e in eg.exceptions])
    return out


def use_exitstack():
    out = []
    try:
        with contextlib.ExitStack() as stack:
            for i in range(3):
                stack.callback(out.append, "callback %d" % i)
            stack.enter_context(tag("managed"))
            stack.callback(lambda: 1 / 0)
            raise KeyError("body")
    except ZeroDivisionError as e:
        out.append("final: %s, context %r" % (e, e.__context__))
    with contextlib.ExitStack() as stack:
        stack.callback(out.append, "moved callback")
        moved = stack.pop_all()
    out.append("stack exited, moved not yet run")
    moved.close()
    return out


class Resource:
    def close(self):
        log.append("Resource.close called")


def use_closing():
    with contextlib.closing(Resource()) as r:
        log.append("using " + type(r).__name__)
    with contextlib.nullcontext("plain") as p:
        return p


def use_redirect():
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        print("to out")
        print("to err", file=sys.stderr)
        sys.stdout.write("direct write\n")
    return out.getvalue(), err.getvalue()


def main():
    for item in use_tag():
        print(item)
    print(use_suppress())
    for line in use_exitstack():
        print(line)
    print(use_closing())
    print(use_redirect())
    print(log)


main()
