# jit-expect-compiled: reversals_collecting sliced_after_stores reversals_switching reversals_raising stored_into_another_container stored_after_a_deopt
# jit-threshold: 5
# The list of a slice made only to be stored (perm[:k + 1] = perm[k::-1]) is one the collector does
# not track in compiled code. Its items survive a collection run by the code between the slice
# and its store, with cycles through them; a slice of the same length made afterwards, which may
# be that list again, is tracked as any list the program keeps; a bound whose type changes after
# warm-up and one whose addition raises leave the slice to the interpreter or release it; a
# container of another type than list (a dict, a list subclass that keeps what it is given) gets a
# list the collector tracks, stored by compiled code or by the interpreter after a deopt. (Whether
# gc.get_objects() lists the slice on its way to the store differs, as CPython's untracking of
# tuples and dicts makes which objects it lists differ: nothing here prints that.)
import gc
import sys


class Collecting(int):
    """An int whose addition runs the collector and looks at every object it tracks."""

    def __add__(self, other):
        return through(int(self), True) + other - 1


def through(k, collect):
    """k + 1, after a collection and a walk over every object the collector tracks, if asked."""
    if collect:
        gc.collect()
        for o in gc.get_objects():
            if type(o) is Node:
                o.seen = True
    return k + 1


class Node:
    def __init__(self, value):
        self.value = value
        self.me = self  # a cycle through every item

    def __repr__(self):
        return f"N{self.value}"


def reversals_collecting(perm, ks):
    out = []
    for i, k in enumerate(ks):
        perm[:through(k, i % 2 == 0)] = perm[k::-1]
        out.append(perm[0])
    return out, perm


def sliced_after_stores(xs, rounds):
    seen = []
    for r in range(rounds):
        k = r % len(xs)
        xs[:k + 1] = xs[k::-1]
        kept = xs[0:k + 1]
        seen.append((gc.is_tracked(kept), gc.is_tracked(xs[k::-1]), kept))
    return seen


class Shouting(int):
    def __add__(self, other):
        raise ArithmeticError(f"no {int(self)} + {other}")


def reversals_switching(perm, ks):
    for k in ks:
        perm[:k + 1] = perm[k::-1]
    return perm


def reversals_raising(perm, ks):
    try:
        for k in ks:
            perm[:k + 1] = perm[k::-1]
    except ArithmeticError as error:
        return f"{error} after {perm}"
    return perm


class Keeping(list):
    def __setitem__(self, where, value):
        self.kept = value


def stored_into_another_container(target, source, k):
    target[:k + 1] = source[k::-1]
    return target


def rebinding_n(k, value):
    """k, after the caller's local n is rebound (through its frame's f_locals) to value, if given."""
    if value is not None:
        sys._getframe(1).f_locals["n"] = value
    return k


def stored_after_a_deopt(target, source, k, value):
    n = 1
    # n, read after the slice, is checked to be the int compiled code inferred: rebound, the
    # interpreter takes the frame, the slice on its stack
    target[:rebinding_n(k, value) + n] = source[k::-1]
    return target


nodes = [Node(i) for i in range(6)]
print(reversals_collecting(nodes, [3, 5, Collecting(2), 4, Collecting(5), 1]))
del nodes
gc.collect()
print(reversals_collecting(list(range(5)), [Collecting(4), 2, Collecting(3)]))
for _ in range(3):
    print(sliced_after_stores(list(range(5)), 7))
for _ in range(200):
    reversals_switching(list(range(6)), [5, 2, 4])
print(reversals_switching(list(range(6)), [5, True, 4, Collecting(3), 2]))
for _ in range(200):
    reversals_raising(list(range(6)), [5, 2, 4])
print(reversals_raising([Node(i) for i in range(6)], [5, 2, Shouting(3), 4]))
for _ in range(3):
    d = stored_into_another_container({}, list(range(5)), 2)
    kept = stored_into_another_container(Keeping(), list(range(5)), 3).kept
    print(d, gc.is_tracked(d[slice(None, 3)]), kept, gc.is_tracked(kept))
for _ in range(200):
    stored_after_a_deopt(Keeping(), list(range(5)), 2, None)
kept = stored_after_a_deopt(Keeping(), list(range(5)), 2, 1.0).kept
print(kept, gc.is_tracked(kept))
print(gc.collect() >= 0)
