# jit-expect-compiled: resilient guarded_counter stubborn with_inside exc_info_across_yield sees_caller_exc chained pep479 reentrant transactional return_in_finally scoped uses_scoped current_exc drive main
# Exceptions in generators: try/except/else/finally spanning yields, throw() caught and handled
# and continuing, close() and dropping a generator suspended in try/finally, a finally that yields
# on close (RuntimeError), with blocks in generators (exception from the body, suppressed, and
# GeneratorExit reaching __exit__), sys.exc_info() in an except block across a yield and the
# caller's exception seen from a generator, exception context chaining, PEP 479 StopIteration,
# "generator already executing", a return in finally, and the generator's state after each.
import contextlib
import sys

log = []


class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        log.append("exit %s with %s" % (self.name, exc_type.__name__ if exc_type else None))
        return self.suppress


def current_exc():
    exc = sys.exc_info()[1]
    return None if exc is None else "%s(%s)" % (type(exc).__name__, exc)


def resilient(items):
    handled = 0
    for item in items:
        try:
            value = yield item
            if value == "boom":
                raise ValueError("boom requested at %r" % (item,))
        except ValueError as e:
            handled += 1
            log.append("resilient handled %s" % e)
            yield "recovered %d" % handled
        except KeyError as e:
            log.append("resilient KeyError %s" % e)
            return "stopped by KeyError"
        else:
            log.append("resilient else %r" % (item,))
        finally:
            log.append("resilient finally %r" % (item,))
    return "handled %d" % handled


def guarded_counter(limit):
    n = 0
    try:
        while n < limit:
            try:
                yield n
            finally:
                log.append("inner finally at %d" % n)
            n += 1
    except GeneratorExit:
        log.append("guarded_counter got GeneratorExit at %d" % n)
        raise
    finally:
        log.append("guarded_counter outer finally at %d" % n)


def stubborn():
    try:
        yield 1
    finally:
        log.append("stubborn finally yields")
        yield 2


def with_inside(mode):
    with Tracker("outer-" + mode):
        yield "in outer"
        with Tracker("inner-" + mode, suppress=(mode == "suppress")):
            yield "in inner"
            if mode in ("raise", "suppress"):
                raise LookupError("from inner " + mode)
            yield "inner end"
        yield "after inner"
    yield "after outer"


def exc_info_across_yield():
    try:
        raise TypeError("original")
    except TypeError:
        before = current_exc()
        yield "before yield: %s" % before
        after = current_exc()
        yield "after yield: %s" % after
        try:
            raise IndexError("nested")
        except IndexError:
            yield "nested: %s" % current_exc()
        yield "back in outer handler: %s" % current_exc()
    yield "outside handler: %s" % current_exc()


def sees_caller_exc():
    yield "first: %s" % current_exc()
    yield "second: %s" % current_exc()


def chained():
    try:
        yield "start"
        {}["missing"]
    except KeyError:
        yield "in handler"
        raise RuntimeError("replacement")


def pep479(kind):
    yield "ok"
    if kind == "direct":
        raise StopIteration("leaked")
    if kind == "next":
        next(iter([]))
    yield "unreachable"


def reentrant():
    me = yield "started"
    try:
        next(me)
    except ValueError as e:
        yield "reentry refused: %s" % e


def transactional(ops):
    done = []
    try:
        for op in ops:
            try:
                result = yield op
            except ZeroDivisionError as e:
                log.append("transaction op %r failed: %s" % (op, e))
                raise
            done.append((op, result))
    except ZeroDivisionError:
        log.append("rolling back %d ops" % len(done))
        yield ("rolled back", len(done))
    else:
        yield ("committed", done)


def return_in_finally():
    try:
        yield "try"
        raise ValueError("swallowed by return in finally")
    finally:
        return "finally wins"


@contextlib.contextmanager
def scoped(name):
    log.append("scoped open " + name)
    try:
        yield name
    except ArithmeticError as e:
        log.append("scoped swallowed %s" % type(e).__name__)
    finally:
        log.append("scoped close " + name)


def drive(gen, sends):
    out = []
    try:
        out.append(next(gen))
        for s in sends:
            out.append(gen.send(s))
    except StopIteration as e:
        out.append(("returned", e.value))
    return out


def main():
    print(drive(resilient(["a", "b", "c"]), [None, "boom", None, None]))
    g = resilient(["x", "y"])
    print(next(g), g.throw(ValueError("thrown in")), next(g))
    try:
        g.throw(KeyError("stop"))
    except StopIteration as e:
        print("throw ended generator:", e.value)
    try:
        g.throw(ValueError("after end"))
    except ValueError as e:
        print("throw into finished generator re-raises:", e)

    g = guarded_counter(5)
    print(next(g), next(g))
    g.close()
    print("closed:", g.gi_frame is None)
    g = guarded_counter(5)
    next(g)
    del g
    log.append("after del of suspended guarded_counter")
    print(list(guarded_counter(2)))

    g = stubborn()
    next(g)
    try:
        g.close()
    except RuntimeError as e:
        print("RuntimeError:", e)

    for mode in ("normal", "raise", "suppress"):
        g = with_inside(mode)
        seen = []
        try:
            for v in g:
                seen.append(v)
        except LookupError as e:
            seen.append("caught " + str(e))
        print(mode, seen)
    g = with_inside("closed")
    print(next(g), next(g))
    g.close()

    print(current_exc())
    for line in exc_info_across_yield():
        print(line, "| caller sees:", current_exc())
    try:
        raise OSError("caller's exception")
    except OSError:
        g = sees_caller_exc()
        print(next(g))
    print(next(g))

    g = chained()
    print(next(g), next(g))
    try:
        next(g)
    except RuntimeError as e:
        print("RuntimeError:", e, "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)

    for kind in ("direct", "next"):
        g = pep479(kind)
        next(g)
        try:
            next(g)
        except RuntimeError as e:
            print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__, e.__cause__.args)
        print("finished after error:", next(g, "exhausted"))

    g = reentrant()
    next(g)
    print(g.send(g))

    g = transactional(["a", "b", "c"])
    print(next(g), g.send(1), g.throw(ZeroDivisionError("div by zero in op")))
    print(drive(transactional(["p", "q"]), [10, 20]))

    g = return_in_finally()
    print(next(g))
    try:
        next(g)
    except StopIteration as e:
        print("return in finally:", e.value)

    def uses_scoped():
        with scoped("s1") as s:
            yield s
            yield 1 / 0
        yield "after scoped"

    print(list(uses_scoped()))
    for line in log:
        print(line)


main()
