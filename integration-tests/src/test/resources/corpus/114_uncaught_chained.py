# jit-expect-compiled: fetch resolve
# An uncaught exception raised `from` another one inside a function called in a loop: stderr
# shows both tracebacks joined by "The above exception was the direct cause ...".
class LookupFailed(Exception):
    pass


def fetch(store, key):
    return store[key]


def resolve(store, keys):
    values = []
    for k in keys:
        try:
            values.append(fetch(store, k))
        except KeyError as e:
            raise LookupFailed(f"cannot resolve {k!r}") from e
    return values


store = {"x": 1, "y": 2}
print(resolve(store, ["x", "y"]))
print(resolve(store, ["y", "zz", "x"]))
