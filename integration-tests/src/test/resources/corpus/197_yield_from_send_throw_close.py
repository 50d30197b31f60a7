# jit-expect-compiled: squares chain_all collect_results averager relay guarded_relay outer_close inner_close flatten
# jit-compile-delegators
# yield from inside generator functions: delegation to sub-generators and to plain iterables
# (list, tuple, str, range, dict, a generator expression), the sub-generator's return value,
# send() and throw() passed through the delegation (handled and unhandled), close() closing the
# sub-generator first, a sub-generator that raises, and recursive delegation.
log = []


def squares(n):
    for i in range(n):
        yield i * i
    return "squares(%d)" % n


def chain_all(*sources):
    for src in sources:
        yield from src
    yield from (c.upper() for c in "xy")
    yield from range(3, 0, -1)
    yield from {"k1": 1, "k2": 2}
    yield from ()


def collect_results():
    results = []
    r = yield from squares(3)
    results.append(r)
    r = yield from squares(0)
    results.append(r)
    r = yield from [10, 20]
    results.append(r)
    yield results


def averager():
    total = 0.0
    count = 0
    while True:
        try:
            value = yield (total / count if count else None)
        except ValueError as e:
            log.append("averager handled ValueError: %s" % e)
            total = 0.0
            count = 0
            continue
        if value is None:
            return (count, total)
        total += value
        count += 1


def relay():
    summary = yield from averager()
    log.append("relay got %r" % (summary,))
    yield "summary %d %.1f" % summary
    return "relay done"


def guarded_relay():
    try:
        result = yield from averager()
    except KeyError as e:
        log.append("guarded_relay caught KeyError %s" % e)
        yield "recovered"
        return "after KeyError"
    return result


def inner_close(tag):
    try:
        yield tag + "-1"
        yield tag + "-2"
    finally:
        log.append("inner %s finally" % tag)


def outer_close():
    try:
        yield from inner_close("a")
        yield "unreachable"
    except GeneratorExit:
        log.append("outer saw GeneratorExit")
        raise
    finally:
        log.append("outer finally")


def failing_sub():
    yield 1
    raise RuntimeError("sub failed")


def flatten(tree, depth=0):
    if isinstance(tree, (list, tuple)):
        count = 0
        for child in tree:
            count += yield from flatten(child, depth + 1)
        return count
    yield "%s@%d" % (tree, depth)
    return 1


def drive_failing():
    def wrapper():
        try:
            yield from failing_sub()
        except RuntimeError as e:
            yield "wrapper caught: %s" % e
    return list(wrapper())


def main():
    print(list(chain_all([1, 2], (3,), "ab", squares(3))))
    print(list(collect_results()))

    g = relay()
    print(next(g), g.send(4), g.send(6))
    print(g.throw(ValueError("reset")))
    print(g.send(10), g.send(None))
    try:
        next(g)
    except StopIteration as e:
        print("StopIteration value:", e.value)

    g = guarded_relay()
    next(g)
    g.send(3)
    print(g.throw(KeyError("missing")))
    try:
        next(g)
    except StopIteration as e:
        print("guarded_relay returned:", e.value)

    g = guarded_relay()
    next(g)
    try:
        g.throw(TypeError("not handled anywhere"))
    except TypeError as e:
        print("TypeError propagated:", e)
    print("closed after throw:", g.gi_frame is None)

    g = guarded_relay()
    next(g)
    g.send(1.5)
    try:
        g.send(None)
    except StopIteration as e:
        print("guarded_relay plain return:", e.value)

    g = outer_close()
    print(next(g), next(g))
    g.close()
    g.close()
    print("close twice ok")

    g = outer_close()
    print(next(g))
    print("gi_yieldfrom is inner:", g.gi_yieldfrom.__name__)
    try:
        g.throw(IndexError("into inner"))
    except IndexError as e:
        print("IndexError from inner:", e)

    print(drive_failing())

    g = flatten([1, [2, [3, (4, 5)]], [], "s"])
    out = []
    while True:
        try:
            out.append(next(g))
        except StopIteration as e:
            print(out, "leaves:", e.value)
            break

    g = squares(2)
    print(list(chain_all(g, g)))

    try:
        list(chain_all([1], 5))
    except TypeError as e:
        print("TypeError:", e)


main()
for line in log:
    print(line)
