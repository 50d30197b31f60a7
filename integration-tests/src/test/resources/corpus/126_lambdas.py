# jit-expect-compiled: apply <lambda>
# Lambdas as values: sort keys, map/filter, immediately called, default arguments, lambdas
# returning lambdas, recursion through a global name, and errors raised inside a lambda.
def apply(f, values):
    out = []
    for v in values:
        out.append(f(v))
    return out


square = lambda x: x * x
compose = lambda f, g: lambda x: f(g(x))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
people = [("bob", 25), ("alice", 31), ("carol", 25), ("dave", 19)]

print(apply(square, range(6)))
print(apply(compose(square, lambda x: x + 1), [1, 2, 3]))
print(sorted(people, key=lambda p: (p[1], p[0])))
print(list(map(lambda p: p[0].title(), filter(lambda p: p[1] > 20, people))))
print((lambda a, b=10, *rest, k=0: (a, b, rest, k))(1, 2, 3, k=4))
print(apply(fact, [0, 1, 5, 10]))
print(apply(lambda s: s[::-1], ["abc", "xy"]))
try:
    apply(lambda v: 10 // v, [5, 2, 0, 1])
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("ZeroDivisionError through", names)
print(square.__name__, (lambda: 0).__qualname__)
