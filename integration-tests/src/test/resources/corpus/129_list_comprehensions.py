# jit-expect-compiled: weight squares filtered pairs cond in_loop flatten strings
# List comprehensions (inlined into the function in 3.13): filters, multiple for clauses,
# conditional expressions, calls to compiled helpers, and comprehensions inside loops.
def weight(x):
    return x * 3 % 7


def squares(n):
    return [i * i for i in range(n)]


def filtered(n):
    return [weight(i) for i in range(n) if i % 2 == 0 if weight(i) > 1]


def pairs(a, b):
    return [(x, y) for x in a for y in b if x != y]


def cond(n):
    return ["even" if i % 2 == 0 else i for i in range(n)]


def in_loop(rows):
    out = []
    for r in rows:
        out.append([v * r for v in range(r)])
    return out


def flatten(matrix):
    return [x for row in matrix for x in row]


def strings(words):
    return [w.upper() for w in words if w] + [len(w) for w in words]


print(squares(8))
print(filtered(20))
print(pairs("abc", "bcd"))
print(cond(7))
print(in_loop([1, 2, 3, 4]))
print(flatten([[1, 2], [], [3], [4, 5, 6]]))
print(strings(["x", "", "hello"]))
