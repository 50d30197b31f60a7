# jit-expect-compiled: indexed iterate edges
# Lists and tuples indexed by small ints, stored into and iterated take the interpreter's fast
# paths; negative, huge and out-of-range indexes, subclasses and shrinking lists do not.


class Row(list):
    def __getitem__(self, i):
        return "row item %r" % (i,)


def indexed(xs, t):
    s = 0
    for i in range(len(xs)):
        s += xs[i] * t[i % 3]
        xs[i] = s % 1000
    return s


def iterate(xs):
    total = 0
    for v in xs:
        total += v
        if v == 7:
            xs.pop()
    for i in range(10, 0, -3):
        total += i
    for v in tuple(xs) + (100,):
        total -= v
    for i in range(2**62, 2**62 + 2):
        total += i % 5
    return total


def edges(xs, t):
    out = []
    for i in range(-3, 3):
        out.append(xs[i] + t[i])
    for bad in (len(xs), 2**70, -len(xs) - 1):
        try:
            out.append(xs[bad])
        except IndexError as error:
            out.append("IndexError: %s" % error)
        try:
            xs[bad] = 0
        except IndexError as error:
            out.append("IndexError: %s" % error)
    try:
        t[0] = 1
    except TypeError as error:
        out.append("TypeError: %s" % error)
    out.append(Row([1, 2])[0])
    out.append(xs[True])
    return out


print(indexed(list(range(100)), (1, 2, 3)))
print(indexed([1.5] * 10, (1, 2, 3)))
print(iterate(list(range(12))))
print(edges(list(range(10)), (4, 5, 6)))
