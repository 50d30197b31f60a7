# jit-expect-compiled: call_forms forward __init__ error_forms <lambda> builtin_forms method_forms lazy_arguments main
# Calls with *args and **kwargs at the call site inside functions: f(*xs), f(**d), f(*xs, **d),
# f(1, *xs, k=2, **d), several stars in one call, any iterable after * (generators, strings,
# dicts, a user class) and any mapping after ** (a user class with keys/__getitem__), forwarding
# wrappers and super().__init__(*args, **kwargs), builtins and methods called with stars, the
# order in which arguments are evaluated, and the TypeErrors: multiple values for a keyword
# argument, ** of a non-mapping, * of a non-iterable, non-string keywords, unexpected and missing
# arguments.
trace = []


def target(a, b=2, *rest, c=3, **extra):
    return (a, b, rest, c, sorted(extra.items()))


def posonly(x, y, /, z=0):
    return x * 100 + y * 10 + z


def kwonly(*, key, flag=False):
    return (key, flag)


class Pairs:
    """A mapping that is not a dict: keys() and __getitem__ are all ** needs."""

    def __init__(self, **items):
        self._items = dict(items)

    def keys(self):
        return sorted(self._items)

    def __getitem__(self, key):
        trace.append("getitem " + key)
        return self._items[key]


class Triple:
    def __iter__(self):
        yield "t1"
        yield "t2"
        yield "t3"


class Base:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = sorted(kwargs.items())


class Child(Base):
    def __init__(self, *args, tag="child", **kwargs):
        super().__init__(tag, *args, **kwargs)


def forward(fn, *args, **kwargs):
    trace.append("forward %s %d %d" % (fn.__name__, len(args), len(kwargs)))
    return fn(*args, **kwargs)


def note(value, label):
    trace.append("eval %s" % label)
    return value


def call_forms():
    xs = [10, 20]
    d = {"c": 30, "z": 99}
    out = [
        target(*xs),
        target(**{"a": 1}),
        target(*xs, **d),
        target(1, *xs, c=2, **{"q": 4}),
        target(*[1], *(2, 3), *"ab", **{"x": 1}, **{"y": 2}),
        target(*(i * i for i in range(4))),
        target(*{"k1": 0, "k2": 0}),
        target(*Triple(), **Pairs(c="pc", m="pm")),
        target(*range(3), c=None, **dict(w=0)),
        target(*[], a=0),
        target(*xs, *[], **{}),
        posonly(*[1, 2]),
        posonly(1, *[2], **{"z": 3}),
        kwonly(**{"key": "k"}),
        kwonly(**{"flag": True}, key="k2"),
        forward(target, 5, c=6),
        forward(forward, posonly, 4, 5, z=6),
        forward(kwonly, key=None),
    ]
    args = (7,)
    kwargs = {"b": 8}
    out.append(target(*args, **kwargs))
    out.append((lambda *a, **k: (a, sorted(k)))(*xs, **d))
    c = Child(1, 2, tag="t", extra=3)
    out.append((c.args, c.kwargs))
    c = Child(*[4], **{"k": 5})
    out.append((c.args, c.kwargs))
    return out


def error_forms():
    cases = [
        ("dup kw from two dicts", lambda: target(**{"a": 1}, **{"a": 2})),
        ("dup kw explicit then dict", lambda: target(a=1, **{"a": 2})),
        ("dup kw dict then explicit", lambda: target(**{"c": 1}, c=2)),
        ("positional and keyword", lambda: target(1, **{"a": 2})),
        ("positional via star and keyword", lambda: posonly(*[1, 2, 3], **{"z": 4})),
        ("posonly as keyword", lambda: posonly(1, **{"y": 2})),
        ("** of int", lambda: target(**1)),
        ("** of list", lambda: target(1, **[("c", 2)])),
        ("** of None", lambda: kwonly(**None)),
        ("* of int", lambda: target(*5)),
        ("* of None", lambda: target(1, *None)),
        ("* of float then ok", lambda: target(*[1], *2.5)),
        ("non-string key", lambda: target(1, **{3: 4})),
        ("unexpected keyword", lambda: posonly(1, 2, **{"w": 1})),
        ("missing keyword-only", lambda: kwonly(**{})),
        ("too many positionals", lambda: posonly(*range(5))),
        ("builtin dup keyword", lambda: sorted([], **{"key": None}, key=None)),
        ("builtin ** of str", lambda: print(**"s")),
        ("builtin bad keyword", lambda: len(*[[1]], **{"x": 1})),
        ("method dup keyword", lambda: "a,b".split(*[","], **{"sep": ","})),
        ("generator raising TypeError", lambda: target(*(int(x) + "" for x in "1"))),
        ("bad mapping keys", lambda: target(**BadKeys())),
    ]
    out = []
    for label, fn in cases:
        try:
            out.append((label, "ok", fn()))
        except TypeError as e:
            out.append((label, "TypeError", str(e)))
        except AttributeError as e:
            out.append((label, "AttributeError", str(e)))
    return out


class BadKeys:
    def keys(self):
        return 42

    def __getitem__(self, key):
        return key


def builtin_forms():
    xs = [3, 1, 2]
    parts = ["a", "b", "c"]
    out = [
        max(*xs),
        min(*xs, key=lambda v: -v),
        sorted(xs, **{"reverse": True}),
        dict(*[[("k", 1)]], **{"m": 2}),
        list(zip(*[[1, 2], [3, 4], [5, 6]])),
        "-".join(*[parts]),
        "{}+{}={total}".format(*[1, 2], **{"total": 3}),
        isinstance(*[1, int]),
        getattr(*[xs, "count"])(1),
        range(*[1, 10, 3])[-1],
        divmod(*(17, 5)),
        int(*["ff"], **{"base": 16}),
        set().union(*[{1}, {2, 3}]),
    ]
    print(*parts, sep="|", **{"end": "!\n"})
    print(*[], **{})
    print(*"xyz")
    return out


def method_forms():
    lst = []
    lst.append(*[1])
    lst.extend(*[[2, 3]])
    lst.insert(*(0, 0))
    d = {}
    d.update(*[{"a": 1}], **{"b": 2})
    d.setdefault(*("c", 3))
    s = "  padded  "
    bound = s.strip
    call_unbound = str.replace(*[s, " ", "_"], *[2])
    return lst, sorted(d.items()), bound(*[]), call_unbound, list.__len__(*[lst])


def lazy_arguments():
    trace.append("lazy start")
    result = target(note(1, "first"), *note([2], "star"), c=note(3, "kw"), **note({"e": 4}, "dstar"))
    try:
        target(note(1, "before"), *note(7, "bad star"), c=note(3, "after"))
    except TypeError as e:
        trace.append("TypeError " + str(e))
    return result


def main():
    for row in call_forms():
        print(row)
    for row in error_forms():
        print(row)
    print(builtin_forms())
    print(method_forms())
    print(lazy_arguments())
    for line in trace:
        print(line)


main()
