# jit-expect-compiled: drops_it keeps_it with_default star_args kw_star method_drops call_all __del__
# An argument whose only reference is the caller's call dies where the interpreter lets it die:
# inside the callee when the callee's frame holds it (positional arguments, defaults, *args,
# bound methods: the new frame takes them over), after the call otherwise.
events = []


class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        events.append("del " + self.name)


def drops_it(x):
    events.append("before del")
    del x
    events.append("after del")


def keeps_it(x, y):
    events.append("returning " + x.name + y.name)
    return len(x.name)


def with_default(x, y=Res("default")):
    x = None
    events.append("rebound x")
    return y.name


def star_args(first, *rest):
    events.append("rest %d" % len(rest))
    rest = None
    events.append("dropped rest")
    return first.name


def kw_star(a, **options):
    events.append("options %s" % sorted(options))
    return a.name


class Holder:
    def method_drops(self, item):
        item = None
        events.append("method dropped item")


def call_all():
    drops_it(Res("a"))
    events.append("call returned")
    keeps_it(Res("b"), Res("c"))
    events.append("after keeps_it")
    with_default(Res("d"))
    with_default(Res("e"), Res("f"))
    events.append("after with_default")
    star_args(Res("g"), Res("h"), Res("i"))
    events.append("after star_args")
    kw_star(Res("j"), k=Res("k"))
    events.append("after kw_star")
    Holder().method_drops(Res("l"))
    bound = Holder().method_drops
    bound(Res("m"))
    events.append("after methods")
    print(len([Res("n"), Res("o")]))


call_all()
for line in events:
    print(line)
