# jit-expect-compiled: __del__ order_on_return keep_one from_with raiser middle_layer catch_here loop_return swap chain_drop main
# jit-skip-every-loop: main, interpreted under the frame evaluator, calls section generically: its stack keeps the arguments until the call returns, so a and b die after the *args tuple, in argument order (an evaluator's, not on-stack replacement's, difference)
# __del__ timing around compiled frames: the order locals (arguments first, then others in slot
# order) die when a function returns, the returned object surviving, a `return` inside a with
# block (the __exit__ runs before the locals die), locals of frames unwound by an exception
# staying alive until the handler finishes (the implicit `del e`), objects held by a for loop's
# iterator when returning from inside the loop, a tuple swap, and a linked chain dropped at once.
events = []


class Res:
    def __init__(self, name, link=None):
        self.name = name
        self.link = link

    def __del__(self):
        events.append("del " + self.name)

    def __enter__(self):
        events.append("enter " + self.name)
        return self

    def __exit__(self, *exc):
        events.append("exit " + self.name)
        return False


def order_on_return(a, b):
    c = Res("c")
    d = Res("d")
    events.append("returning")
    return "done"


def keep_one():
    x = Res("x")
    y = Res("y")
    z = Res("z")
    return y


def from_with():
    w = Res("w")
    with Res("cm") as cm:
        inner = Res("inner")
        return cm.name + "/" + inner.name


def raiser(n):
    local = Res("raiser-local")
    if n:
        raise ValueError("from raiser")


def middle_layer():
    mid = Res("middle-local")
    raiser(1)


def catch_here():
    try:
        middle_layer()
    except ValueError as e:
        events.append("handler sees " + str(e))
        events.append("handler end")
    events.append("after handler")
    try:
        middle_layer()
    except ValueError:
        events.append("second handler without name")
    events.append("after second handler")


def loop_return(items):
    for item in items:
        if item.name == "i1":
            return "found " + item.name
    return "none"


def swap():
    p = Res("p")
    q = Res("q")
    p, q = q, p
    events.append("swapped: p=%s q=%s" % (p.name, q.name))
    p = None
    events.append("p cleared")


def chain_drop():
    head = None
    for i in range(3):
        head = Res("n%d" % i, head)
    events.append("built chain")
    head = None
    events.append("dropped chain")


def section(title, fn, *args):
    events.append("== " + title)
    result = fn(*args)
    events.append("result %r" % (getattr(result, "name", result),))
    result = None


def main():
    section("order_on_return", order_on_return, Res("a"), Res("b"))
    section("keep_one", keep_one)
    section("from_with", from_with)
    section("catch_here", catch_here)
    section("loop_return", loop_return, iter([Res("i0"), Res("i1"), Res("i2")]))
    section("swap", swap)
    section("chain_drop", chain_drop)
    for line in events:
        print(line)


main()
