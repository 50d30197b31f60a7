# jit-expect-compiled: on_dead make_session use_sessions producer consume_some failing_job run_job main
# weakref callbacks and weakref.finalize firing at the exact point an object dies inside
# compiled code: when a local is rebound, when a generator holding the object is closed or
# exhausted, when an exception whose traceback holds the object's frame is discarded at the end
# of a handler, finalize() called early by hand (then not again), atexit-style finalizers still
# alive at exit, and WeakSet / WeakKeyDictionary shrinking.
import weakref

log = []


class Session:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Session(%s)" % self.name


def on_dead(ref):
    log.append("weakref callback (dead=%s)" % (ref() is None))


def make_session(name, registry):
    s = Session(name)
    weakref.finalize(s, log.append, "finalize " + name)
    registry.add(s)
    return s


def use_sessions(names, registry):
    refs = []
    current = None
    for name in names:
        current = make_session(name, registry)
        refs.append(weakref.ref(current, on_dead))
        log.append("using %s, live %d" % (name, len(registry)))
    log.append("loop over, live %d" % len(registry))
    return [r() for r in refs]


def producer(registry):
    s = make_session("gen", registry)
    try:
        yield s.name
        yield s.name + "!"
    finally:
        log.append("producer finally")


def consume_some(gen, n):
    return [next(gen) for _ in range(n)]


def failing_job(registry):
    s = make_session("job", registry)
    raise RuntimeError("job failed for %s" % s.name)


def run_job(registry):
    try:
        failing_job(registry)
    except RuntimeError as e:
        log.append("caught: %s, live %d" % (e, len(registry)))
    log.append("after handler, live %d" % len(registry))


def main():
    registry = weakref.WeakSet()
    print(use_sessions(["a", "b", "c"], registry))
    log.append("after use_sessions, live %d" % len(registry))
    g = producer(registry)
    print(consume_some(g, 1), len(registry))
    g.close()
    log.append("after close, live %d" % len(registry))
    g = producer(registry)
    print(consume_some(g, 2), next(g, "end"))
    log.append("after exhaustion, live %d" % len(registry))
    run_job(registry)
    keep = Session("keep")
    fin = weakref.finalize(keep, log.append, "finalize keep")
    print(fin.alive, fin.peek()[0] is keep, fin(), fin.alive, fin())
    data = weakref.WeakKeyDictionary()
    data[keep] = 1
    print(len(data))
    del keep
    print(len(data), fin.alive)
    atexit_one = Session("forever")
    weakref.finalize(atexit_one, print, "finalizer at exit for", atexit_one.name)
    for line in log:
        print(line)
    return atexit_one


survivor = main()
print("end of module")
