# jit-expect-compiled: target scaled self_swapping make_adder adder drive main
# A function's __code__, __defaults__ and __kwdefaults__ changed between iterations of a
# compiled loop that keeps calling it: a body with a different argument count (TypeError at the
# call), __defaults__ set to None, __kwdefaults__ mutated in place and replaced, a function
# swapping its own __code__ while it runs (the running call finishes with the old code),
# code.replace() of a constant, and __code__ with the wrong number of free variables refused.
def target(a, b=1, *, k=10):
    return "target a=%r b=%r k=%r" % (a, b, k)


def other_body(a, b=2, *, k=20):
    return "other a=%r b=%r k=%r" % (a, b, k)


def three_args(a, b, c):
    return "three %r %r %r" % (a, b, c)


def scaled(x):
    return x * 3


def drive(fn, changes):
    out = []
    for i, change in enumerate(changes):
        if change:
            change()
        try:
            out.append(fn(i))
        except TypeError as e:
            out.append("TypeError: %s" % e)
    return out


def self_swapping(n):
    before = "first body"
    self_swapping.__code__ = fresh_body.__code__
    after = "still the first body, n=%d" % n
    return before, after


def fresh_body(n):
    return "fresh body, n=%d" % n


def make_adder(k):
    def adder(x):
        return x + k
    return adder


def main():
    saved = (target.__code__, target.__defaults__, target.__kwdefaults__)
    changes = [
        None,
        lambda: setattr(target, "__defaults__", (5,)),
        lambda: target.__kwdefaults__.update(k=99),
        lambda: setattr(target, "__kwdefaults__", {"k": "new dict"}),
        lambda: setattr(target, "__code__", other_body.__code__),
        lambda: setattr(target, "__kwdefaults__", None),
        lambda: setattr(target, "__defaults__", None),
        lambda: setattr(target, "__code__", three_args.__code__),
        lambda: setattr(target, "__defaults__", ("b", "c")),
    ]
    for line in drive(target, changes):
        print(line)
    target.__code__, target.__defaults__, target.__kwdefaults__ = saved
    print(target(0), target.__name__, target.__code__.co_name)
    print(self_swapping(1), self_swapping(2))
    print(drive(scaled, [None, lambda: setattr(scaled, "__code__", scaled.__code__.replace(co_consts=(None, 4)))
                        if scaled.__code__.co_consts[-1] == 3 else None, None]))
    print(scaled.__code__.co_consts)
    add5 = make_adder(5)
    print(add5(1))
    try:
        add5.__code__ = scaled.__code__
    except ValueError as e:
        print("ValueError:", e)
    try:
        scaled.__code__ = add5.__code__
    except ValueError as e:
        print("ValueError:", e)
    try:
        del target.__code__
    except TypeError as e:
        print("TypeError:", e)


main()
