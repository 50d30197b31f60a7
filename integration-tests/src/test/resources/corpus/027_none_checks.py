# jit-expect-compiled: find_key default_to count_nones
def find_key(d, key):
    v = d.get(key)
    if v is None:
        return "missing"
    if v is not None and v == 0:
        return "zero"
    return "found:" + str(v)


def default_to(x, dflt=None):
    if dflt is None:
        dflt = "D"
    return dflt if x is None else x


def count_nones(items):
    n = 0
    for it in items:
        if it is None:
            n += 1
    return n, items[0] is None, None is None


d = {"a": 1, "b": 0, "c": None}
print(find_key(d, "a"), find_key(d, "b"), find_key(d, "c"), find_key(d, "zz"))
print(default_to(None), default_to(None, 5), default_to(0), default_to("", "x"))
print(count_nones([None, 1, None, False, 0, None]))
print(count_nones([0]))
print(print("inner") is None)
