# jit-expect-compiled: flips stored_then_sliced finalised_while_storing cycle_through_a_slice large_then_small
# The list a slice store took the items of is kept, emptied, for the next slice of a list to fill
# (perm[:k + 1] = perm[k::-1] allocates nothing in its loop). The items it displaced are released
# by the store, last first; a finalizer they run may slice lists itself; a slice made from the spare
# is a new list the program keeps (distinct from the next one, its items its own) and the collector
# sees (a cycle through it is collected); a temporary of more than a thousand items is freed.
import gc


def flips(perm):
    count = 0
    k = perm[0]
    while k:
        perm[:k + 1] = perm[k::-1]
        count += 1
        k = perm[0]
    return count, perm


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


for n in range(1, 8):
    for rotation in range(n):
        perm = list(range(n))
        perm = perm[rotation:] + perm[:rotation]
        print(n, rotation, flips(perm))

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
