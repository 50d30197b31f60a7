# jit-expect-compiled: accumulator careful converting leaky drive main
# Generator close() and throw() corner cases: in 3.13 close() returns the value a generator
# returns from its GeneratorExit handler; close() of an unstarted or finished generator does
# nothing; an exception other than GeneratorExit raised during close() propagates; throw() into
# an unstarted generator raises at once without running the body; a StopIteration raised
# inside becomes RuntimeError; the deprecated throw(type, value) form warns on stderr.
log = []


def accumulator():
    total = 0
    count = 0
    try:
        while True:
            value = yield total
            total += value
            count += 1
    except GeneratorExit:
        log.append("accumulator closing with %d values" % count)
        return total, count


def careful(limit):
    try:
        for i in range(limit):
            yield i
    finally:
        log.append("careful finally")


def converting():
    try:
        yield "ready"
    except GeneratorExit:
        raise ValueError("converted GeneratorExit")


def leaky():
    try:
        yield 1
    except KeyError:
        raise StopIteration("leaked from handler")


def unstarted():
    log.append("unstarted body ran")
    yield "never"


def drive(gen, values):
    first = next(gen)
    sent = [gen.send(v) for v in values]
    return first, sent


def main():
    acc = accumulator()
    print(drive(acc, [5, 10, 20]))
    print("close returned", acc.close(), "again:", acc.close())
    acc = accumulator()
    print("close of unstarted accumulator:", acc.close(), log)
    acc = accumulator()
    next(acc)
    print("close right after start:", acc.close())

    c = careful(3)
    print(list(c), "close of finished:", c.close())
    c = careful(3)
    print(next(c), c.close(), log[-1])
    c = careful(3)
    before = len(log)
    try:
        c.throw(IndexError("into unstarted"))
    except IndexError as e:
        print("unstarted throw:", e, "| log grew by", len(log) - before)
    print("after failed throw:", next(c, "exhausted"))

    g = converting()
    next(g)
    try:
        g.close()
    except ValueError as e:
        print("close raised:", e, "| context:", type(e.__context__).__name__)

    g = leaky()
    next(g)
    try:
        g.throw(KeyError("k"))
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", repr(e.__cause__))

    u = unstarted()
    try:
        u.throw(TypeError, TypeError("typed"))
    except TypeError as e:
        print("throw(type, value):", e)
    print("body ran:", "unstarted body ran" in log)
    for line in log:
        print(line)


main()
