# jit-expect-compiled: target collect <lambda> errors calls forward
# *args and **kwargs at call sites and in signatures: f(*a, **k), several unpackings in one call,
# duplicate keywords (TypeError), non-iterable/non-mapping unpacking errors, and forwarding wrappers.
def target(a, b=2, c=3):
    return a * 100 + b * 10 + c


def collect(*args, **kwargs):
    return args, sorted(kwargs.items())


def forward(*args, **kwargs):
    return target(*args, **kwargs)


def calls(rows):
    out = []
    for args, kwargs in rows:
        out.append(target(*args, **kwargs))
    return out


def errors():
    out = []
    for thunk in (lambda: target(1, a=2),
                  lambda: target(*5),
                  lambda: target(**[1]),
                  lambda: target(1, **{"b": 2}, **{"b": 3}),
                  lambda: target(1, 2, 3, 4),
                  lambda: target(**{"zz": 1, "a": 1})):
        try:
            thunk()
        except TypeError as e:
            out.append(str(e))
    return out


rows = [((1,), {}), ((1, 5), {}), ((), {"a": 7, "c": 9}), ((4,), {"c": 0, "b": 1})]
print(calls(rows))
print(collect(1, *[2, 3], *"ab", k=1, **{"j": 2}, **dict(i=3)))
print(collect(), collect(*(), **{}))
print(forward(9, c=1), forward(*range(3)))
for e in errors():
    print("TypeError:", e)
print(max(*[3, 8, 1]), print(*["printed", "via", "star"], sep="|"))
