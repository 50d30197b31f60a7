# jit-expect-compiled: runs_of sessions schedule paths running_stats pad_rows windows split_stream first_n main
# itertools consumed by compiled loops: groupby over sorted records (and the classic pitfall of
# keeping a group iterator after advancing), chain/chain.from_iterable, product with repeat,
# permutations and combinations filtered, accumulate with a function and initial value,
# zip_longest with fillvalue, islice with step on an infinite count, tee'd iterators advanced
# unevenly, pairwise, batched, compress, takewhile/dropwhile, starmap and cycle.
import itertools
import operator

LOG = [("09:01", "alice", "login"), ("09:02", "bob", "login"), ("09:05", "alice", "view"),
       ("09:07", "alice", "logout"), ("09:09", "carol", "login"), ("09:10", "bob", "view")]


def runs_of(text):
    return [(k, len(list(g))) for k, g in itertools.groupby(text)]


def sessions(log):
    out = {}
    for user, events in itertools.groupby(sorted(log, key=lambda e: (e[1], e[0])), key=operator.itemgetter(1)):
        out[user] = [action for _, _, action in events]
    kept = [(k, g) for k, g in itertools.groupby("aabbc")]
    return out, [(k, list(g)) for k, g in kept]


def schedule(people, slots):
    combos = [(p, s) for p, s in itertools.product(people, slots) if not (p == "bob" and s == "am")]
    orders = ["".join(p) for p in itertools.permutations("abc", 2)]
    pairs = list(itertools.combinations_with_replacement(range(3), 2))
    return combos, orders, pairs, len(list(itertools.product("01", repeat=4)))


def paths(grid):
    return list(itertools.chain(*grid)), list(itertools.chain.from_iterable(r[::-1] for r in grid))


def running_stats(values):
    return (list(itertools.accumulate(values)), list(itertools.accumulate(values, max)),
            list(itertools.accumulate(values, operator.mul, initial=1)))


def pad_rows(*rows):
    return list(itertools.zip_longest(*rows, fillvalue="-"))


def windows(seq):
    return list(itertools.pairwise(seq)), list(itertools.batched(seq, 3))


def split_stream(n):
    a, b = itertools.tee(x * x for x in range(n))
    first_two = [next(a), next(a)]
    return first_two, list(b), list(a)


def first_n(n):
    odds = itertools.islice(itertools.count(1), 0, None, 2)
    cyc = itertools.cycle("xyz")
    return (list(itertools.islice(odds, n)), "".join(next(cyc) for _ in range(7)),
            list(itertools.takewhile(lambda v: v < 10, itertools.count(7))),
            list(itertools.dropwhile(lambda v: v < 3, [1, 4, 2, 5])),
            list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])),
            list(itertools.starmap(pow, [(2, 3), (3, 2), (10, 0)])),
            list(itertools.repeat("r", 3)))


def main():
    print(runs_of("aaabccddddde"))
    print(sessions(LOG))
    for item in schedule(["alice", "bob"], ["am", "pm"]):
        print(item)
    print(paths([[1, 2], [3, 4, 5]]))
    print(running_stats([3, 1, 4, 1, 5, 9, 2]))
    print(pad_rows("abc", [1, 2], (True,)))
    print(windows("abcdefg"))
    print(split_stream(5))
    print(first_n(4))


main()
