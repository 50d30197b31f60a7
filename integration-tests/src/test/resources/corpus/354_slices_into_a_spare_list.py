# jit-expect-compiled: reversals stored_then_sliced finalised_while_storing cycle_through_a_slice large_then_small emptied_by_a_finalizer sizes released_in_order
# The list a slice store stored from is kept, emptied, for the next slice of a list to fill
# (xs[:k] = xs[k - 1::-1] allocates nothing in its loop). The items the store displaced are
# released first, then the temporary's own, last first, as CPython releases them (a finalizer of a
# displaced item that drops the other references to the stored ones must not release those
# first); a finalizer they run may slice lists itself; a slice made from the spare
# is a new list the program keeps (distinct from the next one, its items its own) and the collector
# sees (a cycle through it is collected) and as large as list_slice makes it (sys.getsizeof); a
# finalizer that looks for empty lists while the store releases its items does not find it; a
# temporary of more than 64 items is freed.
import gc
import sys


def reversals(xs, rounds):
    firsts = []
    for r in range(rounds):
        k = r % len(xs) + 1
        xs[:k] = xs[k - 1::-1]
        firsts.append(xs[0])
    return firsts, xs


def stored_then_sliced(xs):
    xs[:3] = xs[2::-1]
    first = xs[1:4]
    xs[:2] = xs[1::-1]
    second = xs[::-1]
    third = xs[0:2]
    return first, second, third, first is second, second is third


class Noisy:
    def __init__(self, name, log, source=None):
        self.name = name
        self.log = log
        self.source = source

    def __del__(self):
        sliced = self.source[::-1] if self.source is not None else None
        self.log.append(f"del {self.name} {sliced}")

    def __repr__(self):
        return self.name


def finalised_while_storing(log):
    source = [10, 20, 30]
    target = [Noisy("a", log, source), Noisy("b", log, source), Noisy("c", log)]
    items = [Noisy("x", log), Noisy("y", log)]
    target[0:2] = items[::-1]
    log.append("stored")
    after = source[1:]
    del items
    log.append(f"target {target} after {after}")
    return target


def cycle_through_a_slice(xs, log):
    xs[:2] = xs[1::-1]
    kept = xs[0:2]
    node = Noisy("cycle", log)
    node.source = None
    node.link = kept
    kept.append(node)
    del kept, node
    gc.collect()
    return xs


def large_then_small(n):
    big = list(range(n))
    big[:n - 1] = big[n - 2::-1]
    small = big[3::-1]
    return big[:5], big[-3:], small


class Clearing:
    """Clears every empty list the collector knows of when it is finalized."""

    def __del__(self):
        for o in gc.get_objects():
            if type(o) is list and not o:
                o.clear()


def emptied_by_a_finalizer(target, source):
    target[0:3] = source[0:3]
    return target


def sizes(big, small, empty):
    big[:40] = big[39::-1]
    one = small[0:1]
    three = small[::-1]
    empty[1:1] = small[2:2]
    return sys.getsizeof(one) - sys.getsizeof([]), sys.getsizeof(three) - sys.getsizeof([]), one, three, empty


class Acting(Noisy):
    def __init__(self, name, log, action=None):
        super().__init__(name, log)
        self.action = action

    def __del__(self):
        self.log.append(f"del {self.name}")
        if self.action:
            self.action()


def released_in_order(log):
    source = [Acting("new0", log), Acting("new1", log)]
    target = [Acting("old0", log), Acting("old1", log, lambda: (target.clear(), source.clear()))]
    target[0:2] = source[::-1]
    return len(target)


for n in range(1, 8):
    print(n, reversals(list(range(n)), 3 * n))

for _ in range(3):
    print(stored_then_sliced(list(range(8))))
log = []
print(finalised_while_storing(log))
print(log)
log.clear()
for _ in range(2):
    print(cycle_through_a_slice(list(range(5)), log))
print(log)
print(large_then_small(3000))
print(large_then_small(12))
for _ in range(3):
    print(emptied_by_a_finalizer([0, Clearing(), Clearing()], [7, 8, 9]))
for _ in range(3):
    print(sizes(list(range(40)), [1, 2, 3], [4, 5]))
for _ in range(3):
    log = []
    print(released_in_order(log), log)
