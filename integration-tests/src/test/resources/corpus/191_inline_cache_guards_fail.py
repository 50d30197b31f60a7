# jit-expect-compiled: get_x set_x call_m get_a class_attr type_attr module_attr read_global read_builtin
# jit-threshold: 5
# Every assumption behind the specialised attribute and global fast paths is broken after the
# functions were compiled from specialised code; each access must still give what the interpreter gives.
import math


class Point:
    kind = "point"

    def __init__(self, x):
        self.x = x

    def norm(self):
        return abs(self.x)


class Other:
    def __init__(self, x):
        self.x = x * 100

    def norm(self):
        return -1


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


LIMIT = 5


def get_x(p):
    return p.x


def set_x(p, v):
    p.x = v


def call_m(p):
    return p.norm()


def get_a(s):
    return s.a


def class_attr(p):
    return p.kind


def type_attr():
    return Point.kind


def module_attr():
    return math.tau


def read_global():
    return LIMIT


def read_builtin(v):
    return len(v)


def attempt(label, thunk):
    try:
        print(label, thunk())
    except Exception as error:
        print(label, type(error).__name__, error)


def warm_up(p, s):
    for i in range(10):
        set_x(p, i)
        get_x(p)
        call_m(p)
        get_a(s)
        class_attr(p)
        type_attr()
        module_attr()
        read_global()
        read_builtin("abc")


def main():
    global LIMIT
    p = Point(-7)
    s = Slotted(1)
    warm_up(p, s)
    o = Other(2)
    attempt("another class", lambda: (get_x(o), call_m(o), class_attr(o) if hasattr(o, "kind") else "no kind"))
    set_x(o, 9)
    attempt("stored on another class", lambda: get_x(o))
    Point.norm = lambda self: "patched"
    attempt("method patched on the class", lambda: call_m(p))
    p.norm = lambda: "own"
    attempt("method shadowed by the instance", lambda: call_m(p))
    Point.kind = "renamed"
    attempt("class attribute rebound", lambda: (class_attr(p), type_attr()))
    p.kind = "mine"
    attempt("class attribute shadowed", lambda: class_attr(p))
    vars(p)["x"] = 42
    attempt("instance dict written", lambda: get_x(p))
    set_x(p, 43)
    attempt("stored after the dict was made", lambda: (get_x(p), vars(p)["x"]))
    del p.x
    attempt("attribute deleted", lambda: get_x(p))
    del s.a
    attempt("slot emptied", lambda: get_a(s))
    saved = math.tau
    math.tau = 6
    attempt("module attribute rebound", module_attr)
    math.tau = saved
    LIMIT = 6
    attempt("global rebound", read_global)
    del LIMIT
    attempt("global deleted", read_global)
    LIMIT = 7
    attempt("global back", read_global)
    globals()["len"] = lambda v: "shadowed"
    attempt("builtin shadowed by a global", lambda: read_builtin("abc"))
    del globals()["len"]
    attempt("builtin again", lambda: read_builtin("abc"))
    for i in range(300):
        globals()["filler_%d" % i] = i
    attempt("globals grown", lambda: (read_global(), read_builtin("ab")))


main()
