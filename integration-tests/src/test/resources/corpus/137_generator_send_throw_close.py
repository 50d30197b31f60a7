# jit-expect-compiled: average averager guarded refuses_to_close
# Generator methods: send() values in, throw() an exception at the paused yield (caught or not),
# close() raising GeneratorExit so the finally runs, and errors for misuse.
def average(total, count):
    return total / count


def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        try:
            value = yield avg
        except ValueError as e:
            avg = "reset after %s" % e
            total = 0.0
            count = 0
            continue
        total += value
        count += 1
        avg = average(total, count)


def guarded(log):
    try:
        log.append("started")
        yield 1
        yield 2
    except GeneratorExit:
        log.append("GeneratorExit")
        raise
    finally:
        log.append("finally")


def refuses_to_close():
    try:
        yield 1
    except GeneratorExit:
        yield "again"


g = averager()
print(next(g), g.send(10), g.send(20), g.send(0))
print(g.throw(ValueError("bad data")))
print(g.send(4), g.send(8))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)
try:
    g.send(1)
except StopIteration:
    print("generator is finished")

log = []
h = guarded(log)
print(next(h))
h.close()
h.close()
print(log)
log = []
h2 = guarded(log)
h2.close()
print("closed before start:", log)
r = refuses_to_close()
next(r)
try:
    r.close()
except RuntimeError as e:
    print("RuntimeError:", e)
fresh = averager()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
log = []
t = guarded(log)
next(t)
try:
    t.throw(IndexError)
except IndexError:
    print("throw without instance:", log)
