# jit-expect-compiled: double shadow unbound_after first_iterable_outside captured uses_enclosing_local locals_inside
# Scoping of inlined comprehensions: the iteration variable does not leak or clobber a local of
# the same name, the first iterable is evaluated in the enclosing scope, class bodies cannot see
# class variables inside the comprehension, and a comprehension's variable can be captured.
def double(v):
    return v * 2


def shadow():
    x = "kept"
    ys = [x for x in range(3)]
    return x, ys


def unbound_after():
    [z for z in range(2)]
    try:
        return z
    except NameError as e:
        return "NameError: " + str(e)


def first_iterable_outside(n):
    n_list = list(range(n))
    return [n for n in n_list if n != 2]


def captured():
    funcs = [lambda: i for i in range(3)]
    return [f() for f in funcs]


def uses_enclosing_local(k):
    factor = k
    return [double(v) * factor for v in range(4)]


def locals_inside():
    a = 1
    return sorted([name for name in locals()]), [sorted(locals()) for b in range(1)]


class Config:
    scale = 3
    values = [v for v in range(3)]
    try:
        scaled = [v * scale for v in range(3)]
    except NameError as e:
        scaled = "NameError: " + str(e)
    first = [v * 2 for v in [scale]]


g = "global"
result = [g for g in "ab"]
print(shadow())
print(unbound_after())
print(first_iterable_outside(4))
print(captured())
print(uses_enclosing_local(5))
print(locals_inside())
print(Config.values, Config.scaled, Config.first)
print(result, g)
