# jit-expect-compiled: make_tuple make_list make_dict stats nested
def make_tuple(a, b):
    return (a, b, a + b), ()


def make_list(n):
    return [n, n * 2, [n, -n], "s" + str(n)]


def make_dict(keys, vals):
    d = {"count": len(keys)}
    for i in range(len(keys)):
        d[keys[i]] = vals[i]
    return d


def stats(values):
    lo = min(values)
    hi = max(values)
    return {"min": lo, "max": hi, "range": hi - lo, "sum": sum(values)}


def nested(n):
    return {"t": (n, (n, n)), "l": [[n], []], "d": {"inner": {n: n * n}}}


print(make_tuple(1, 2), make_tuple("a", "b"))
print(make_list(7))
print(make_dict(["x", "y", "z"], [1, 2.5, None]))
print(stats([4, -2, 9, 3]))
print(nested(3))
t, e = make_tuple(5, 6)
print(t[2], e, len(make_list(0)))
