# jit-expect-compiled: attribute_deletes global_deletes recreate_global read_counter cell_deletes make_pair drop get local_deletes multi_delete final_read
# del inside functions: instance, class, module, slot and property attributes (with a deleter and
# with __delattr__), globals (global x; del x) read afterwards from the same and another function,
# closure variables deleted through nonlocal and in the defining scope, locals, several targets in
# one del, and the NameError, UnboundLocalError and AttributeError messages after deletion. The
# last call ends the program with an uncaught NameError raised in a function.
import types

counter = 10
temp_a = "a"
temp_b = "b"


class Plain:
    shared = "class value"

    def __init__(self):
        self.x = 1
        self.y = 2


class Slotted:
    __slots__ = ("p", "q")

    def __init__(self):
        self.p = "p"


class Guarded:
    def __init__(self):
        self.log = []
        self._v = 5

    @property
    def value(self):
        return self._v

    @value.deleter
    def value(self):
        self.log.append("deleter ran")
        del self._v

    @property
    def fixed(self):
        return "fixed"

    def __delattr__(self, name):
        if name == "log":
            raise AttributeError("refusing to delete log")
        self.log.append("__delattr__ " + name)
        object.__delattr__(self, name)


def attribute_deletes():
    out = []
    p = Plain()
    del p.x
    out.append(sorted(vars(p)))
    try:
        p.x
    except AttributeError as e:
        out.append(("read after del", str(e), e.name))
    try:
        del p.x
    except AttributeError as e:
        out.append(("del twice", str(e)))
    p.shared = "instance value"
    del p.shared
    out.append(("falls back to class", p.shared))
    try:
        del p.shared
    except AttributeError as e:
        out.append(("del class attr via instance", str(e)))
    del Plain.shared
    try:
        Plain().shared
    except AttributeError as e:
        out.append(("class attr gone", str(e)))
    s = Slotted()
    del s.p
    for name in ("p", "q"):
        try:
            delattr(s, name) if name == "q" else getattr(s, name)
        except AttributeError as e:
            out.append(("slot " + name, str(e)))
    g = Guarded()
    del g.value
    out.append(g.log[:])
    try:
        g.value
    except AttributeError as e:
        out.append(("property after deleter", str(e)))
    try:
        del g.fixed
    except AttributeError as e:
        out.append(("property without deleter", str(e)))
    try:
        del g.log
    except AttributeError as e:
        out.append(("__delattr__ refused", str(e)))
    m = types.ModuleType("scratch")
    m.x = 1
    del m.x
    try:
        m.x
    except AttributeError as e:
        out.append(("module", str(e)))
    try:
        del m.never
    except AttributeError as e:
        out.append(("module del missing", str(e)))
    for obj, name in ((5, "real"), ("s", "upper"), (None, "x")):
        try:
            delattr(obj, name)
        except AttributeError as e:
            out.append(("builtin " + type(obj).__name__, str(e)))
    f = lambda: 0
    f.extra = 1
    del f.extra
    try:
        del f.__code__
    except TypeError as e:
        out.append(("function __code__", type(e).__name__, str(e)))
    out.append(hasattr(f, "extra"))
    return out


def global_deletes():
    global temp_a, temp_b
    out = [temp_a, temp_b]
    del temp_a
    try:
        print(temp_a)
    except NameError as e:
        out.append(("read deleted global", str(e), e.name))
    try:
        del temp_a
    except NameError as e:
        out.append(("del deleted global", str(e)))
    out.append("temp_a" in globals())
    temp_b = "rebound"
    del temp_b
    temp_b = "recreated"
    return out


def recreate_global(n):
    global counter
    values = []
    for i in range(n):
        if i % 2 == 0:
            del counter
            try:
                values.append(read_counter())
            except NameError as e:
                values.append(str(e))
        else:
            counter = i * 100
            values.append(read_counter())
    counter = -1
    return values


def read_counter():
    return counter


def make_pair():
    value = "initial"

    def get():
        return value

    def drop():
        nonlocal value
        del value

    def put(v):
        nonlocal value
        value = v

    return get, drop, put


def cell_deletes():
    out = []
    get, drop, put = make_pair()
    out.append(get())
    drop()
    try:
        get()
    except NameError as e:
        out.append(("free var after nonlocal del", type(e).__name__, str(e)))
    try:
        drop()
    except NameError as e:
        out.append(("nonlocal del twice", type(e).__name__, str(e)))
    put("again")
    out.append(get())

    captured = [1, 2]

    def reader():
        return captured

    del captured
    try:
        reader()
    except NameError as e:
        out.append(("reader after outer del", type(e).__name__, str(e)))
    try:
        captured
    except NameError as e:
        out.append(("outer reads own deleted cell", type(e).__name__, str(e)))
    captured = "rebound"
    out.append(reader())
    return out


def local_deletes(flag):
    out = []
    x = [1, 2, 3]
    alias = x
    del x
    out.append(alias)
    try:
        x
    except UnboundLocalError as e:
        out.append(("local after del", str(e)))
    if flag:
        y = "bound"
    try:
        del y
        out.append("deleted y")
    except UnboundLocalError as e:
        out.append(("del unbound local", str(e)))
    for i in range(3):
        tmp = i * i
        if i == 1:
            del tmp
    out.append(tmp)
    try:
        i = 0
        del i
        del i
    except UnboundLocalError as e:
        out.append(("del twice", str(e)))
    return out


def multi_delete():
    p = Plain()
    d = {"a": 1, "b": 2, "c": 3}
    lst = list(range(6))
    local = "x"
    del p.y, d["b"], lst[1:3], local
    try:
        del d["a"], d["zz"], d["c"]
    except KeyError as e:
        out = ("KeyError part-way", str(e), sorted(d))
    return sorted(vars(p)), d, lst, out, "local" in locals()


def final_read():
    global counter
    del counter
    return counter + 1


def main():
    for row in attribute_deletes():
        print(row)
    print(global_deletes())
    print(temp_b, "temp_a" in globals())
    print(recreate_global(4), counter)
    for row in cell_deletes():
        print(row)
    print(local_deletes(True))
    print(local_deletes(False))
    print(multi_delete())
    print("about to fail", flush=True)
    final_read()


main()
