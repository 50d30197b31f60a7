# jit-expect-compiled: pairsum <lambda> errors heads_tails middle nested
# Extended unpacking: a, *b = ...; *a, b = ...; a, *b, c = ...; nested patterns; unpacking in
# for targets; the error messages for too many/too few values; star expressions in displays.
def pairsum(pairs):
    s = 0
    for a, b in pairs:
        s += a * b
    return s


def heads_tails(seqs):
    out = []
    for seq in seqs:
        first, *rest = seq
        *init, last = seq
        out.append((first, rest, init, last))
    return out


def middle(seq):
    a, *mid, z = seq
    return a, mid, z


def nested(data):
    (a, b), [c, *d], *e = data
    return a, b, c, d, e


def errors():
    out = []
    for thunk in (lambda: middle([1]), lambda: pairsum([(1, 2, 3)]), lambda: pairsum([(1,)]),
                  lambda: nested([(1, 2)])):
        try:
            thunk()
        except ValueError as e:
            out.append(str(e))
    return out


print(pairsum([(1, 2), (3, 4), (5, 6)]))
print(heads_tails(["abc", [1, 2], (9,)]))
print(middle(range(6)), middle("xy"))
print(nested([(1, 2), "cdef", 7, 8]))
for (i, (j, *k)) in enumerate([(1, 2, 3), (4,)]):
    print(i, j, k)
print([*range(3), *"ab"], (*[1], 2), {**{"a": 1}, "b": 2, **{"a": 3}}, {*[1, 2], 2, 3})
for e in errors():
    print("ValueError:", e)
first, *_ = iter(range(100))
print(first, len(_))
