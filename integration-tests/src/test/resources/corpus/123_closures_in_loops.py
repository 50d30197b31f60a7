# jit-expect-compiled: apply_all <lambda> touch late_binding f default_capture factory_capture make comprehension_lambdas counter_per_iteration
# Closures created in a loop capture the variable, not the value (late binding); a default
# argument or a factory call captures the value; lambdas in comprehensions do the same.
def apply_all(funcs, x):
    out = []
    for f in funcs:
        out.append(f(x))
    return out


def late_binding():
    funcs = []
    for i in range(4):
        def f(x):
            return x + i
        funcs.append(f)
    return funcs


def default_capture():
    funcs = []
    for i in range(4):
        funcs.append(lambda x, i=i: x + i)
    return funcs


def factory_capture():
    def make(k):
        return lambda x: x * k
    funcs = []
    k = 0
    while k < 4:
        funcs.append(make(k))
        k += 1
    return funcs


def comprehension_lambdas():
    late = [lambda: n for n in range(3)]
    bound = [(lambda n: lambda: n)(n) for n in range(3)]
    return [f() for f in late], [f() for f in bound]


def counter_per_iteration(n):
    cells = []
    for i in range(n):
        box = [0]

        def touch(amount, box=box):
            box[0] += amount
            return box[0]
        cells.append(touch)
    results = []
    for j, t in enumerate(cells):
        results.append(t(j) + t(1))
    return results


print(apply_all(late_binding(), 10))
print(apply_all(default_capture(), 10))
print(apply_all(factory_capture(), 10))
print(comprehension_lambdas())
print(counter_per_iteration(4))
