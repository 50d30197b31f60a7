# jit-expect-compiled: snapshot worker delegator watcher failing main
# jit-compile-delegators
# Generator introspection at awkward moments: the state and gi_running seen from inside the
# generator's own finally while close() runs, from inside an except block handling a throw(),
# gi_frame.f_back (None while suspended, the resuming frame while running), getgeneratorlocals
# as values change, gi_yieldfrom of a delegator at each level, a generator that raised (closed,
# gi_frame None), and a generator expression's state and code name.
import inspect

registry = {}


def snapshot(name):
    g = registry[name]
    f = g.gi_frame
    back = None if f is None or f.f_back is None else f.f_back.f_code.co_name
    line = None if f is None else f.f_lineno - g.gi_code.co_firstlineno
    return (name, inspect.getgeneratorstate(g), g.gi_running, g.gi_suspended, line, back)


def worker(name):
    total = 0
    try:
        while True:
            try:
                total += yield snapshot(name)
            except ValueError:
                yield ("handling", snapshot(name))
    finally:
        registry["finally:" + name] = (snapshot(name), inspect.getgeneratorlocals(registry[name]))


def delegator():
    inner = registry["inner"] = worker("inner")
    result = yield from inner
    return result


def watcher(names):
    for name in names:
        yield snapshot(name)


def failing():
    yield 1
    raise KeyError("boom")


def main():
    w = registry["w"] = worker("w")
    print(snapshot("w"), inspect.getgeneratorlocals(w))
    print(next(w))
    print(w.send(5), inspect.getgeneratorlocals(w))
    print(w.throw(ValueError("v")))
    print(snapshot("w"))
    w.close()
    print(registry["finally:w"])
    print(snapshot("w"))

    d = registry["d"] = delegator()
    print(snapshot("d"), d.gi_yieldfrom, "inner" in registry)
    first = next(d)
    print(first, d.gi_yieldfrom is registry["inner"])
    print(snapshot("d"), snapshot("inner"))
    d.close()
    print(snapshot("d"), snapshot("inner"), registry["finally:inner"][0])

    registry["x"] = worker("x")
    next(registry["x"])
    print(list(watcher(["x", "w"])))
    f = registry["f"] = failing()
    next(f)
    try:
        next(f)
    except KeyError as e:
        print("raised", e, snapshot("f"))
    ge = registry["ge"] = (snapshot("ge") for _ in range(2))
    print(snapshot("ge"), ge.gi_code.co_name, next(ge), snapshot("ge")[1])
    registry["x"].close()


main()
