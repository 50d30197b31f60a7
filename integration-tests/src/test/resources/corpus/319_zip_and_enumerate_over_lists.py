# jit-expect-compiled: dot pairs_kept weighted lengths_differ mutated_while_zipping with_generator strict_mismatch enumerate_from shared_result gc_sees_the_pair three_way
# jit-threshold: 5
# jit-loop-threshold: 5
# jit-expect-no-deopts: with_generator
# Compiled loops over zip and enumerate of lists take the next item without a call per list and
# reuse the result tuple, as CPython does where nothing else holds it; every way the tuple may be
# held, a list may change or end, or the iterator be something else, must look the same.
import gc


def dot(xs, ys):
    total = 0.0
    for x, y in zip(xs, ys):
        total += x * y
    return total


def pairs_kept(xs, ys):
    kept = []
    for pair in zip(xs, ys):  # the tuple is kept: it must not be reused
        kept.append(pair)
    return kept


def weighted(xs):
    total = 0
    for i, x in enumerate(xs):
        total += i * x
    return total


def lengths_differ(xs, ys):
    seen = []
    it = zip(xs, ys)
    for x, y in it:
        seen.append(x + y)
    # the shorter list ended it; the longer one's next item was taken and dropped, as in CPython
    return seen, list(it)


def mutated_while_zipping(xs, ys):
    out = []
    for x, y in zip(xs, ys):
        out.append((x, y))
        if x == 2:
            ys.append(99)
            xs.pop()
        if len(out) > 10:
            break
    return out


def numbers(n):
    for i in range(n):
        yield i * 10


def with_generator(xs):
    out = []
    for x, g in zip(xs, numbers(len(xs) + 2)):
        out.append(x + g)
    return out


def strict_mismatch(xs, ys):
    out = []
    try:
        for x, y in zip(xs, ys, strict=True):
            out.append(x * y)
    except ValueError as error:
        out.append(str(error))
    return out


def enumerate_from(xs, start):
    return [(i, x) for i, x in enumerate(xs, start)]


def shared_result(xs):
    last = None
    total = 0
    for pair in enumerate(xs):
        if last is not None:
            total += last[0] + pair[0]  # the previous tuple is still held
        last = pair
    return total, last


def gc_sees_the_pair(xs, ys):
    found = 0
    for pair in zip(xs, ys):
        found += any(obj is pair for obj in gc.get_objects()) if pair[0] == 3 else 0
    return found


def three_way(a, b, c):
    return [x + y + z for x, y, z in zip(a, b, c)]


floats = [i * 0.5 for i in range(50)]
for _ in range(8):
    print(dot(floats, floats[::-1]))
    print(pairs_kept([1, 2, 3], ["a", "b", "c"]))
    print(weighted(list(range(100))))
    print(lengths_differ([1, 2, 3, 4], [10, 20]))
    print(lengths_differ([1, 2], [10, 20, 30]))
    print(mutated_while_zipping([1, 2, 3, 4, 5], [5, 6, 7]))
    print(with_generator([1, 2, 3]))
    print(strict_mismatch([1, 2, 3], [4, 5]))
    print(strict_mismatch([1, 2], [4, 5]))
    print(enumerate_from(["x", "y"], 2 ** 62), enumerate_from("ab", -1))
    print(enumerate_from([1, 2, 3], 9223372036854775806))
    print(shared_result(list(range(20))))
    print(gc_sees_the_pair([1, 2, 3, 4], [5, 6, 7, 8]))
    print(three_way([1, 2], [3, 4], [5, 6]))
    print(dot((1.0, 2.0), [3.0, 4.0]), dot([1, 2], (3, 4)), weighted((5, 6, 7)), weighted({1: 2, 3: 4}))
