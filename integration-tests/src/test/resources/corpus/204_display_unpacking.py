# jit-expect-compiled: merge_dicts union_sets concat_lists build_tuples star_return star_subscript display_errors <lambda> order_of_evaluation main
# Unpacking in displays inside functions: {**a, **b} (later keys win, key order kept, mixed with
# literal items, user mappings), {*a, *b}, [*a, *b], (*a,), bare *a, b tuples, return *a, b, and
# x[*idx]; the sources may be lists, tuples, strings, ranges, dicts, sets, generators and user
# iterables; elements are evaluated left to right; and the errors: {**1}, {**[...]}, [*1], a
# non-hashable element in a set display, and an iterable that fails part-way.
log = []


class Keyed:
    def keys(self):
        log.append("Keyed.keys")
        return ["u", "v"]

    def __getitem__(self, k):
        log.append("Keyed[%s]" % k)
        return k * 2


class Letters:
    def __init__(self, word):
        self.word = word

    def __iter__(self):
        return iter(self.word)


def item(value, label):
    log.append(label)
    return value


def broken_gen():
    yield 1
    yield 2
    raise KeyError("gen broke")


def merge_dicts(a, b):
    merged = {**a, **b}
    with_literals = {"first": 0, **a, "middle": 1, **b, "last": 2}
    overridden = {**a, "x": "literal x", **{"x": "dict x"}}
    from_user = {**Keyed(), "w": 3}
    empties = {**{}, **{}}
    nested = {**{"in": {**a}}}
    int_keys = {**{1: "one"}, **{1.0: "float one", 2: "two"}}
    copies = {**merged}
    copies["x"] = "changed"
    return merged, with_literals, overridden, from_user, empties, nested, int_keys, merged["x"]


def union_sets(a, b):
    s = {*a, *b}
    with_literals = {0, *a, 99, *b}
    from_str = {*"hello", *"world"}
    from_gen = {*(i % 3 for i in range(10))}
    from_dict = {*{"k1": 1, "k2": 2}}
    empty_ok = {*[], *()}
    return sorted(s), sorted(with_literals, key=str), sorted(from_str), sorted(from_gen), sorted(from_dict), empty_ok


def concat_lists(a, b):
    out = [*a, *b]
    out2 = [-1, *a, -2, *b, -3]
    strs = [*"ab", *Letters("cd"), *range(3), *{"z": 1}]
    gens = [*(x * 10 for x in a), *map(str, b)]
    nested = [[*a], [*b, *a]]
    aliasing = [*a]
    aliasing.append("new")
    return out, out2, strs, gens, nested, a, aliasing


def build_tuples(a, b):
    t = (*a, *b)
    single = (*a,)
    bare = *a, "end"
    empty = (*[],)
    from_set = (*sorted({3, 1, 2}),)
    return t, single, bare, empty, from_set, type(single).__name__


def star_return(xs):
    if not xs:
        return *xs, "nothing"
    head = xs[0]
    return head, *xs[1:], "tail"


def star_subscript():
    grid = {}
    for i in range(3):
        for j in range(2):
            idx = (i, j)
            grid[*idx] = i * 10 + j
    point = [2, 1]
    extra = (0,)
    grid[*point, *extra] = "three-d"
    return grid[*point], grid[2, 1, 0], grid[*[0], 1], sorted(grid.keys())[:3]


def display_errors():
    cases = [
        ("dict of int", lambda: {**1}),
        ("dict of list", lambda: {"a": 1, **[("b", 2)]}),
        ("dict of None", lambda: {**{}, **None}),
        ("dict of str", lambda: {**"ab"}),
        ("list of int", lambda: [*1]),
        ("list of None", lambda: [0, *None]),
        ("tuple of float", lambda: (*2.5,)),
        ("set of int", lambda: {*5}),
        ("set unhashable", lambda: {*[[1], [2]]}),
        ("dict unhashable key", lambda: {**{"a": 1}, [1]: 2}),
        ("list broken generator", lambda: [*broken_gen()]),
        ("set broken generator", lambda: {0, *broken_gen()}),
        ("dict bad keys", lambda: {**BadMapping()}),
        ("dict getitem raises", lambda: {**RaisingMapping()}),
    ]
    out = []
    for label, fn in cases:
        try:
            out.append((label, "ok", fn()))
        except (TypeError, KeyError, AttributeError) as e:
            out.append((label, type(e).__name__, str(e)))
    return out


class BadMapping:
    def keys(self):
        return 7


class RaisingMapping:
    def keys(self):
        return ["ok", "bad"]

    def __getitem__(self, k):
        if k == "bad":
            raise KeyError("no " + k)
        return 1


def order_of_evaluation():
    d = {item("k1", "key 1"): item(1, "value 1"), **item({"k2": 2}, "unpack 2"), item("k3", "key 3"): item(3, "value 3")}
    lst = [item(0, "elem 0"), *item([1, 2], "star list"), item(3, "elem 3")]
    s = {*item((4,), "star set"), item(5, "elem 5")}
    return d, lst, s


def main():
    a = {"x": 1, "y": 2}
    b = {"y": 20, "z": 30}
    for part in merge_dicts(a, b):
        print(part)
    print(union_sets([3, 1, 2], (2, 5)))
    print(union_sets("ab", {"b", "c"}))
    print(concat_lists([1, 2], (3,)))
    print(build_tuples([1, 2], "ab"))
    print(star_return([]), star_return([1]), star_return([1, 2, 3]))
    print(star_subscript())
    for row in display_errors():
        print(row)
    print(order_of_evaluation())
    for line in log:
        print(line)


main()
