# jit-expect-compiled: parse_all get_item level1 level2 level3
def parse_all(strings):
    out = []
    for s in strings:
        out.append(int(s))
    return out


def get_item(seq, i):
    return seq[i]


def level3(d, k):
    return d[k] + 1


def level2(d, k):
    return level3(d, k) * 2


def level1(d, keys):
    total = 0
    for k in keys:
        total += level2(d, k)
    return total


tests = [
    (parse_all, (["1", "2", "3"],)),
    (parse_all, (["4", "five", "6"],)),
    (get_item, ([1, 2, 3], 5)),
    (get_item, ("abc", -4)),
    (get_item, ({"a": 1}, "b")),
    (get_item, (None, 0)),
    (level1, ({"a": 1, "b": 2}, ["a", "b"])),
    (level1, ({"a": 1}, ["a", "zz"])),
    (level1, ({"a": "s"}, ["a"])),
]
for fn, args in tests:
    try:
        print(fn.__name__, "->", fn(*args))
    except Exception as e:
        print(fn.__name__, "raised", type(e).__name__ + ":", e)
