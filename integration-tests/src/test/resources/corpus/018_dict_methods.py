# jit-expect-compiled: dict_ops invert merge
def dict_ops():
    d = {"a": 1, "b": 2}
    d["c"] = 3
    d["a"] += 10
    x = d.get("z", 0)
    y = d.get("b")
    d.setdefault("e", [])
    d["e"].append(4)
    p = d.pop("b")
    q = d.pop("nothere", -1)
    keys = list(d.keys())
    vals = list(d.values())
    n = len(d)
    has = "c" in d
    d.update({"f": 6})
    return x, y, p, q, keys, vals, n, has, sorted(d.items(), key=str)


def invert(d):
    out = {}
    for k, v in d.items():
        if v in out:
            out[v] = out[v] + [k]
        else:
            out[v] = [k]
    return out


def merge(a, b):
    r = dict(a)
    for k in b:
        r[k] = r.get(k, 0) + b[k]
    return r


print(dict_ops())
print(invert({"x": 1, "y": 2, "z": 1, "w": 3}))
print(merge({"a": 1, "b": 2}, {"b": 5, "c": 7}))
print(dict(zip("abc", range(3))))
