# jit-expect-compiled: use_builtins type_names
def use_builtins(xs):
    return (len(xs), abs(-7), abs(-2.5), min(xs), max(xs), sum(xs),
            sorted(xs), list(reversed(xs)), tuple(xs), str(xs), bool(xs),
            min(3, 1, 2), max("a", "c", "b"), divmod(17, 5), pow(2, 10),
            pow(3, 4, 5), round(2.675, 2), chr(65), ord("z"), hex(255),
            bin(10), len("héllo"), any(xs), all(xs), repr("q"))


def type_names(values):
    out = []
    for v in values:
        if isinstance(v, bool):
            out.append("bool")
        elif isinstance(v, int):
            out.append("int")
        elif isinstance(v, (float, complex)):
            out.append("num")
        elif isinstance(v, str):
            out.append("str:" + v)
        else:
            out.append(type(v).__name__)
    return out


print(use_builtins([3, -1, 4, 1, 5]))
print(use_builtins([0, 2]))
print(type_names([1, True, 2.0, "s", None, [1], (2,), {"a": 1}, 3j]))
