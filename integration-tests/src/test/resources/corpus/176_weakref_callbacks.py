# jit-expect-compiled: __init__ callback drop_all touch main
# weakref.ref callbacks and weakref.finalize fire when the referent dies, at the same point as in
# the interpreter (prints around them show where); WeakValueDictionary entries vanish; dead refs return None.
import weakref

log = []


class Node:
    def __init__(self, name):
        self.name = name


def touch(node):
    return node.name.upper()


def callback(ref):
    log.append("callback, ref dead: %s" % (ref() is None))


def drop_all(nodes):
    while nodes:
        n = nodes.pop()
        log.append("popped " + touch(n))
        n = None
        log.append("after rebinding n")
    return len(nodes)


def main():
    a = Node("a")
    r = weakref.ref(a, callback)
    log.append("alive %s" % (r() is a))
    del a
    log.append("after del a")
    nodes = [Node("x"), Node("y")]
    for n in nodes:
        weakref.finalize(n, log.append, "finalized " + n.name)
    del n
    drop_all(nodes)
    log.append("drop_all returned")
    cache = weakref.WeakValueDictionary()
    keep = Node("keep")
    cache["keep"] = keep
    cache["temp"] = Node("temp")
    log.append("cache keys %s" % sorted(cache.keys()))
    f = weakref.finalize(keep, log.append, "keep finalized")
    log.append("finalize alive %s" % f.alive)
    print(f(), f.alive, f())
    return r


r = main()
print(r(), type(r).__name__)
for line in log:
    print(line)
