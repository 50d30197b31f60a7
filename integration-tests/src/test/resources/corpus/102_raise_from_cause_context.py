# jit-expect-compiled: lookup describe run explicit hidden implicit cause_not_exception from_class chain_of_three
# raise X from Y, raise X from None and implicit chaining: __cause__, __context__ and
# __suppress_context__ as the interpreter sets them, also when raised in loops.
class ConfigError(Exception):
    pass


def lookup(table, key):
    return table[key]


def explicit(table, key):
    try:
        return lookup(table, key)
    except KeyError as e:
        raise ConfigError("missing " + key) from e


def hidden(table, key):
    try:
        return lookup(table, key)
    except KeyError:
        raise ConfigError("hidden " + key) from None


def implicit(table, key):
    try:
        return lookup(table, key)
    except KeyError:
        raise ConfigError("implicit " + key)


def describe(e):
    parts = [type(e).__name__ + ":" + str(e)]
    parts.append("cause=" + (type(e.__cause__).__name__ if e.__cause__ is not None else "None"))
    parts.append("context=" + (type(e.__context__).__name__ if e.__context__ is not None else "None"))
    parts.append("suppress=" + str(e.__suppress_context__))
    return " ".join(parts)


def run(fn, keys):
    table = {"a": 1, "b": 2}
    out = []
    for k in keys:
        try:
            out.append(fn(table, k))
        except ConfigError as e:
            out.append(describe(e))
    return out


for fn in (explicit, hidden, implicit):
    for line in run(fn, ["a", "zz", "b"]):
        print(fn.__name__, line)


def cause_not_exception():
    try:
        raise ValueError("x") from 42
    except TypeError as e:
        return "TypeError: " + str(e)


def from_class():
    try:
        raise RuntimeError("r") from KeyError
    except RuntimeError as e:
        return type(e.__cause__).__name__, e.__cause__.args


def chain_of_three():
    try:
        try:
            try:
                1 / 0
            except ZeroDivisionError:
                raise ValueError("second")
        except ValueError as v:
            raise OSError("third") from v
    except OSError as o:
        chain = []
        e = o
        while e is not None:
            chain.append(type(e).__name__)
            e = e.__cause__ or e.__context__
        return chain


print(cause_not_exception())
print(from_class())
print(chain_of_three())
