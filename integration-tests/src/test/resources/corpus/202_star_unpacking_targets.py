# jit-expect-compiled: split_ends from_sources nested_targets loop_targets attribute_targets countdown unpack_errors unpack_star_two unpack_star_three unpack_nested swap_rotate main
# Star unpacking in assignment targets inside functions: a, *b, c = ... from lists, tuples,
# strings, bytes, ranges, dicts, generators and iterators; the star first, last, in the middle and
# empty; nested targets, for-loop targets, attribute and subscript targets; and the ValueError and
# TypeError messages for too few values, too many values, non-iterables and iterators that fail
# part-way.
class Holder:
    def __init__(self):
        self.head = None
        self.tail = None


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def failing_iter(n):
    for i in range(n):
        yield i
    raise LookupError("iterator failed after %d" % n)


def split_ends(values):
    first, *middle, last = values
    *init, final = values
    head, *tail = values
    return first, middle, last, init, final, head, tail


def from_sources():
    out = []
    a, *b, c = [1, 2, 3, 4, 5]
    out.append((a, b, c))
    a, *b, c = (1, 2)
    out.append((a, b, c))
    a, *b, c = "hello"
    out.append((a, b, c))
    a, *b = b"xyz"
    out.append((a, b))
    *a, b, c = range(10, 15)
    out.append((a, b, c))
    a, *b = {"k1": 1, "k2": 2, "k3": 3}
    out.append((a, b))
    a, *b, c = countdown(6)
    out.append((a, b, c))
    a, *b, c = (i * i for i in range(4))
    out.append((a, b, c))
    a, *b, c = iter([7, 8])
    out.append((a, b, c))
    a, *b = sorted({3, 1, 2})
    out.append((a, b))
    *a, = "solo"
    out.append(a)
    [a, *b] = (9,)
    out.append((a, b))
    a, b, *c = zip("ab", "cd", "ef")
    out.append((a, b, c))
    return out


def nested_targets(data):
    (a, *b), [c, *d], *e = data
    x, (y, *z), w = 1, "pqr", (2, 3)
    [*p], q = [1, 2], 3
    return a, b, c, d, e, x, y, z, w, p, q


def loop_targets(rows):
    out = []
    for first, *rest in rows:
        out.append((first, len(rest)))
    for *start, (k, *vs) in [(1, 2, ("k", 3, 4)), (("j",),)]:
        out.append((start, k, vs))
    squares = [(h, t) for h, *t in rows if t]
    return out, squares


def attribute_targets():
    h = Holder()
    h.head, *h.tail = "abc"
    d = {}
    d["first"], *d["others"] = range(4)
    lst = [0, 0, 0]
    lst[0], *lst[1:], last = [10, 20, 30, 40]
    return h.head, h.tail, sorted(d.items()), lst, last


def swap_rotate(values):
    a, b, *rest = values
    a, b = b, a
    first, *others = values
    rotated = [*others, first]
    *_, second_last, _ = values
    return a, b, rest, rotated, second_last


def unpack_errors():
    cases = [
        ("at least 2 from list", lambda: unpack_star_two([1])),
        ("at least 2 from empty tuple", lambda: unpack_star_two(())),
        ("at least 3 from str", lambda: unpack_star_three("ab")),
        ("at least 2 from generator", lambda: unpack_star_two(countdown(1))),
        ("at least 3 from iterator", lambda: unpack_star_three(iter([1]))),
        ("too many for two", lambda: unpack_two([1, 2, 3])),
        ("too many from generator", lambda: unpack_two(countdown(5))),
        ("too few for two", lambda: unpack_two("x")),
        ("non-iterable int", lambda: unpack_star_two(5)),
        ("non-iterable None", lambda: unpack_two(None)),
        ("iterator fails", lambda: unpack_star_two(failing_iter(3))),
        ("iterator fails early", lambda: unpack_star_three(failing_iter(1))),
        ("nested too few", lambda: unpack_nested([(1,), 2])),
    ]
    out = []
    for label, fn in cases:
        try:
            out.append((label, "ok", fn()))
        except (ValueError, TypeError, LookupError) as e:
            out.append((label, type(e).__name__, str(e)))
    return out


def unpack_star_two(v):
    a, *b, c = v
    return a, b, c


def unpack_star_three(v):
    a, b, *c, d = v
    return a, b, c, d


def unpack_two(v):
    a, b = v
    return a, b


def unpack_nested(v):
    (a, *b, c), d = v
    return a, b, c, d


def main():
    print(split_ends([1, 2, 3, 4]))
    print(split_ends("xy"))
    for row in from_sources():
        print(row)
    print(nested_targets(["ab", (1, 2, 3), "e1", "e2"]))
    print(nested_targets([[0], [1]]))
    print(loop_targets([(1, 2, 3), [4], "567"]))
    print(attribute_targets())
    print(swap_rotate([1, 2, 3, 4, 5]))
    print(swap_rotate((1, 2, 3)))
    for row in unpack_errors():
        print(row)
    it = iter(range(5))
    try:
        a, b = it
    except ValueError as e:
        print("ValueError:", e, "| left over:", list(it))


main()
