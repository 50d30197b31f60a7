# jit-expect-compiled: apply call_made apply_twice scaled depth
# Call sites of compiled code remember the code they last entered natively. Each program below
# breaks what a site learnt: the same code under other closures, a function whose __code__ is
# replaced, code objects that die and are made again by exec (at the same address, often, and
# call_made's site meets no other code),
# arguments of other types than the callee's native code takes, a function with defaults called
# with fewer arguments, a name rebound, a profiler switched on and off, and a recursion that runs
# out of room. Every call must give what the interpreter gives. The callees have a loop, so that
# their first compilation is the optimised one, which sites enter straight.
import sys


def apply(function, value):
    return function(value)


def call_made(function, value):
    return function(value)


def apply_twice(function, first, second):
    return function(first, second) + function(second, first)


def scaled(factor):
    def scale(value):
        for _ in range(1):
            value *= factor
        return value
    return scale


def plus_one(value):
    for _ in range(1):
        value += 1
    return value


def minus_one(value):
    for _ in range(1):
        value -= 1
    return value


def pair(a, b):
    for _ in range(1):
        a *= 2
    return a + b


def pair_with_default(a, b=10):
    for _ in range(1):
        a -= b
    return a


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def closures():
    total = 0
    for factor in range(1, 6):
        scale = scaled(factor)
        for value in range(200):
            total += apply(scale, value)
    print("closures", total)


def code_replaced():
    def shifted(value):
        for _ in range(1):
            value += 1000
        return value

    total = 0
    for round_ in range(4):
        for value in range(100):
            total += apply(shifted, value)
        shifted.__code__ = (minus_one if round_ % 2 == 0 else plus_one).__code__
    print("code replaced", total)


def made_by_exec():
    total = 0
    for i in range(300):
        namespace = {}
        exec(f"def made(value):\n    for _ in range(1):\n        value *= {i % 7}\n    return value + {i}\n", namespace)
        made = namespace["made"]
        total += call_made(made, i) + call_made(made, 1)
        del namespace, made
    print("made by exec", total)


def types_change():
    results = []
    for value in range(300):
        results.append(apply_twice(pair, value, 3))
    results.append(apply_twice(pair, 1.5, 2.25))
    results.append(apply_twice(pair, "ab", "c"))
    results.append(apply_twice(pair, [1], [2, 3]))
    for value in range(100):
        results.append(apply_twice(pair, value, -value))
    print("types change", sum(r for r in results if isinstance(r, (int, float))), results[300:303])


def defaults():
    total = 0
    for value in range(200):
        total += apply(pair_with_default, value)
        total += apply_twice(pair_with_default, value, 1)
    print("defaults", total)


def rebound():
    global plus_one
    original = plus_one
    total = 0
    for value in range(200):
        total += apply(plus_one, value)
    plus_one = minus_one
    for value in range(200):
        total += apply(plus_one, value)
    plus_one = original
    print("rebound", total)


def profiled():
    calls = []

    def profiler(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "plus_one":
            calls.append(frame.f_locals["value"])

    total = 0
    for value in range(100):
        total += apply(plus_one, value)
    sys.setprofile(profiler)
    for value in range(50):
        total += apply(plus_one, value)
    sys.setprofile(None)
    for value in range(100):
        total += apply(plus_one, value)
    print("profiled", total, len(calls), calls[:3], calls[-1])


def too_deep():
    print("depth", depth(200))
    try:
        depth(100_000)
    except RecursionError as error:
        print("too deep:", error)
    print("depth again", depth(300))


closures()
code_replaced()
made_by_exec()
types_change()
defaults()
rebound()
profiled()
too_deep()
