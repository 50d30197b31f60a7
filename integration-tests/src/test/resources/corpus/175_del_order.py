# jit-expect-compiled: section <lambda> rebind_in_loop __init__ __del__ make_and_drop replace_attr container exc_keeps_alive with_exception del_name
# __del__ runs at exactly the point the last reference goes away (refcounting): a local rebound in
# a loop, a temporary never stored, del of a name, a container cleared, an attribute replaced, a
# function returning, and an exception's traceback keeping a frame's locals alive until cleared.
events = []


class Res:
    def __init__(self, name):
        self.name = name
        events.append("new " + name)

    def __del__(self):
        events.append("del " + self.name)


def rebind_in_loop(n):
    r = None
    for i in range(n):
        events.append("loop %d" % i)
        r = Res("r%d" % i)
    events.append("loop done")
    return 0


def make_and_drop():
    Res("temp")
    events.append("after temp")
    keep = Res("kept")
    events.append("before return")
    return keep.name


def replace_attr():
    holder = Res("holder")
    holder.child = Res("child1")
    events.append("replacing")
    holder.child = Res("child2")
    events.append("replaced")
    return 1


def with_exception():
    local = Res("in-failing-frame")
    raise ValueError("x")


def section(title, fn):
    events.clear()
    fn()
    events.append("returned")
    print(title, events)


section("rebind", lambda: rebind_in_loop(3))
section("temps", make_and_drop)
section("attr", replace_attr)


def container():
    items = [Res("a"), Res("b"), Res("c")]
    events.append("clearing")
    del items[1]
    events.append("deleted b")
    items.clear()
    events.append("cleared")


section("container", container)


def exc_keeps_alive():
    try:
        with_exception()
    except ValueError as e:
        events.append("handler")
        err = e
    events.append("after handler")
    del err
    events.append("after del err")


section("exception", exc_keeps_alive)


def del_name():
    x = Res("x")
    y = x
    del x
    events.append("del x done")
    y = 5
    events.append("y rebound")


section("names", del_name)
events.clear()
g = Res("global")
g = None
print("global", events)
