# jit-expect-compiled: lookup resolve
TABLE = {"alpha": 1, "beta": 2, "gamma": 3}


def lookup(key):
    return TABLE[key] * 10


def resolve(keys):
    out = []
    for k in keys:
        out.append(lookup(k))
        print("resolved", k)
    return out


print(resolve(["alpha", "gamma"]))
print(resolve(["beta", "delta", "alpha"]))
print("not reached")
