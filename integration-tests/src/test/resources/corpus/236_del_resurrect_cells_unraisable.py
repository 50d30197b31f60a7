# jit-expect-compiled: __del__ hook make_closure closures defaults resurrect chained_exceptions pop_and_slice main
# Less common object lifetimes from compiled code: a __del__ that raises (reported through
# sys.unraisablehook, replaced so nothing host-specific prints, and the program carries on), a
# __del__ that resurrects its object (PEP 442: it is not called a second time), objects kept by a
# closure cell or by a function's default values until the function dies, objects inside a
# chain of exceptions freed when the outer exception is, and dict.pop / del of a slice.
import sys

events = []
graveyard = []


class Res:
    def __init__(self, name, fail=False, resurrect=False):
        self.name = name
        self.fail = fail
        self.resurrect = resurrect
        self.deaths = 0

    def __del__(self):
        self.deaths += 1
        events.append("del %s (#%d)" % (self.name, self.deaths))
        if self.resurrect:
            self.resurrect = False
            graveyard.append(self)
        if self.fail:
            raise RuntimeError("__del__ of %s failed" % self.name)


def hook(unraisable):
    events.append("unraisable %s: %s" % (unraisable.exc_type.__name__, unraisable.exc_value))


def make_closure(name):
    held = Res(name)

    def get():
        return held.name
    return get


def closures():
    f = make_closure("cell")
    events.append("closure says " + f())
    f = None
    events.append("closure dropped")


def defaults():
    def uses_default(x=Res("default")):
        return x.name
    events.append("default is " + uses_default())
    uses_default.__defaults__ = (Res("replacement"),)
    events.append("defaults replaced, now " + uses_default())
    del uses_default
    events.append("function deleted")


def resurrect():
    r = Res("phoenix", resurrect=True)
    r = None
    events.append("graveyard has %s" % [g.name for g in graveyard])
    graveyard.clear()
    events.append("graveyard cleared")


def chained_exceptions():
    try:
        try:
            raise KeyError(Res("inner-arg"))
        except KeyError:
            raise ValueError(Res("outer-arg"))
    except ValueError as e:
        events.append("caught %s with context %s" % (e.args[0].name, type(e.__context__).__name__))
    events.append("after handler")


def pop_and_slice():
    d = {k: Res(k) for k in ("k1", "k2")}
    d.pop("k1")
    events.append("popped k1")
    items = [Res("s%d" % i) for i in range(4)]
    del items[1:3]
    events.append("slice deleted, left %s" % [i.name for i in items])
    failing = Res("bad", fail=True)
    del failing
    events.append("after failing __del__")


def main():
    closures()
    defaults()
    resurrect()
    chained_exceptions()
    pop_and_slice()
    events.append("main returning")


sys.unraisablehook = hook
main()
for line in events:
    print(line)
