# jit-expect-compiled: over_list over_tuple over_string over_items over_zip
def over_list(lst):
    acc = []
    for x in lst:
        acc.append(x * 2)
    return acc


def over_tuple(t):
    total = 0
    for x in t:
        total += x
    return total


def over_string(s):
    vowels = 0
    out = ""
    for ch in s:
        if ch in "aeiou":
            vowels += 1
            out += ch.upper()
        else:
            out += ch
    return out, vowels


def over_items(d):
    lines = []
    for k, v in d.items():
        lines.append(k + "=" + str(v))
    for k in d:
        lines.append(k)
    for v in d.values():
        lines.append(v)
    return lines


def over_zip(a, b):
    res = []
    for x, y in zip(a, b):
        res.append(x + y)
    for i, x in enumerate(a):
        res.append(i * x)
    return res


print(over_list([1, 2, 3, "a"]))
print(over_tuple((1, 2, 3, 4.5)))
print(over_string("programming language"))
print(over_items({"b": 2, "a": 1, "c": 3}))
print(over_zip([1, 2, 3], [10, 20, 30, 40]))
