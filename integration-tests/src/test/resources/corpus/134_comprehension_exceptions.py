# jit-expect-compiled: convert frames try_each walrus running_total final
# Exceptions raised inside comprehensions (list, dict, set, generator): the traceback frames and
# lines, partial results lost, walrus in comprehensions, then an uncaught error inside one.
def convert(s):
    return int(s)


def frames(e):
    tb = e.__traceback__
    out = []
    while tb:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def try_each(kind, data):
    try:
        if kind == "list":
            return [convert(s) for s in data]
        if kind == "dict":
            return {s: convert(s) for s in data}
        if kind == "set":
            return sorted({convert(s) for s in data})
        return list(convert(s) for s in data)
    except ValueError as e:
        return "ValueError", frames(e)


def walrus(data):
    good = [y for s in data if (y := len(s)) > 2]
    return good, y


def running_total(values):
    total = 0
    return [total := total + v for v in values], total


for kind in ("list", "dict", "set", "gen"):
    print(kind, try_each(kind, ["1", "2", "3"]))
    print(kind, try_each(kind, ["1", "x", "3"]))
print(walrus(["a", "abc", "de", "fghi"]))
print(running_total([1, 2, 3, 4]))


def final(rows):
    return {r: [convert(c) for c in r.split()] for r in rows}


print(final(["1 2", "3 4"]))
print(final(["5 6", "7 eight"]))
