# jit-expect-compiled: nested_filters shadowing walrus_running walrus_first_match class_scope closures_from_comprehension genexp_late_binding dict_set_mixes main
# Comprehensions inside compiled functions (inlined in 3.12+): nested loops with conditions at
# several levels, a comprehension variable shadowing a local (the local is untouched after),
# the walrus operator binding into the enclosing function (running totals, first match,
# value left after the comprehension), comprehensions in a class body that cannot see class
# variables except in the first iterable, lambdas created in a comprehension, generator
# expressions binding their first iterable eagerly and the rest late, and dict/set mixes.
def nested_filters(n):
    pairs = [(i, j) for i in range(n) if i % 2 == 0 for j in range(i) if (i + j) % 3 == 0]
    matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
    flat = [x for row in matrix for x in row if x % 2]
    transposed = [[row[k] for row in matrix] for k in range(3)]
    return pairs, flat, transposed


def shadowing():
    x = "outer x"
    i = "outer i"
    squares = [x * x for x in range(4)]
    nested = [[i for i in range(x)] for x in range(3)]
    return x, i, squares, nested


def walrus_running(values):
    total = 0
    running = [total := total + v for v in values]
    return running, total


def walrus_first_match(words, prefix):
    if any((hit := w).startswith(prefix) for w in words):
        return "first match " + hit
    return "no match, last checked %s" % (hit if words else None)


def class_scope():
    class Config:
        base = 10
        names = ["a", "b"]
        scaled = [k * 2 for k in range(base, base + 3)]
        try:
            labels = [n + str(base) for n in names]
        except NameError as e:
            labels = "NameError: " + str(e)
    return Config.scaled, Config.labels


def closures_from_comprehension():
    late = [lambda: k for k in range(3)]
    bound = [lambda k=k: k for k in range(3)]
    return [f() for f in late], [f() for f in bound]


def genexp_late_binding():
    items = [1, 2, 3]
    factor = 10
    gen = (x * factor for x in items)
    items = [100]
    factor = 1000
    return list(gen)


def dict_set_mixes(text):
    words = text.split()
    by_len = {n: sorted({w for w in words if len(w) == n}) for n in sorted({len(w) for w in words})}
    index = {w: [i for i, v in enumerate(words) if v == w] for w in sorted(set(words))}
    return by_len, index


def main():
    print(nested_filters(7))
    print(shadowing())
    print(walrus_running([3, 1, 4, 1, 5]))
    print(walrus_first_match(["apple", "banana", "blueberry"], "b"))
    print(walrus_first_match(["apple", "cherry"], "z"))
    print(class_scope())
    print(closures_from_comprehension())
    print(genexp_late_binding())
    print(dict_set_mixes("the cat and the hat and a bat"))
    try:
        print([1 // (v - 2) for v in range(4)])
    except ZeroDivisionError as e:
        print("comprehension raised:", e)


main()
