# jit-expect-compiled: leaf middle top over_list chain_names main
# jit-compile-delegators
# throw() and close() through three levels of `yield from`: the innermost generator sees the
# thrown exception first and may handle it (the value it yields comes back out of throw()),
# unhandled ones unwind level by level through each finally; close() sends GeneratorExit down
# to the leaf first; delegating to a plain iterator (no throw method) raises the exception at
# the delegating yield from; gi_yieldfrom walks the chain.
log = []


def leaf(name):
    try:
        i = 0
        while True:
            try:
                got = yield "%s%d" % (name, i)
                log.append("%s got %r" % (name, got))
                i += 1
            except KeyError as e:
                log.append("%s handled KeyError %s" % (name, e))
                yield "%s-recovered" % name
    except GeneratorExit:
        log.append("%s GeneratorExit" % name)
        raise
    finally:
        log.append("%s finally" % name)


def middle():
    try:
        result = yield from leaf("L")
        log.append("middle result %r" % (result,))
    except ValueError as e:
        log.append("middle handled ValueError %s" % e)
        yield "middle-recovered"
    finally:
        log.append("middle finally")


def top():
    try:
        yield from middle()
        yield "top-after-middle"
    finally:
        log.append("top finally")


def over_list():
    try:
        yield from [1, 2, 3]
    except IndexError as e:
        log.append("over_list caught %s at its own yield from" % e)
        yield "list-recovered"


def chain_names(gen):
    names = []
    while gen is not None:
        names.append(gen.gi_code.co_name if hasattr(gen, "gi_code") else type(gen).__name__)
        gen = getattr(gen, "gi_yieldfrom", None)
    return names


def dump(title):
    print(title, log)
    log.clear()


def main():
    g = top()
    print(next(g), g.send("a"), chain_names(g))
    print(g.throw(KeyError("k")), next(g))
    dump("after KeyError:")
    print(g.throw(ValueError("v")), chain_names(g))
    dump("after ValueError:")
    print(next(g), next(g, "done"))
    dump("after end:")

    g = top()
    next(g)
    g.close()
    dump("close:")
    g = top()
    next(g)
    try:
        g.throw(TypeError("t"))
    except TypeError as e:
        print("TypeError escaped:", e, g.gi_frame)
    dump("TypeError:")

    g = over_list()
    print(next(g), chain_names(g))
    print(g.throw(IndexError("i")))
    dump("over_list:")
    g = over_list()
    next(g)
    g.close()
    print("list delegate closed, frame:", g.gi_frame)


main()
