# jit-expect-compiled: flips store_into store_held store_cached finalised
# A slice made only to be stored into another slice (perm[:k + 1] = perm[k::-1]) gives its items
# to the list stored into, where it is a list nothing else holds and the lengths agree; anything
# else is stored the usual way: a slice of another length (the list grows or shrinks), bounds
# out of range or reversed, a tuple, a list subclass whose __getitem__ hands out a list it keeps
# (the store must leave that list as it was), a slice kept in a local, and items whose finalizers
# say when the store releases the items it displaced.


def flips(perm):
    count = 0
    k = perm[0]
    while k:
        perm[:k + 1] = perm[k::-1]
        count += 1
        k = perm[0]
    return count, perm


def store_into(target, source, low, high, start, stop):
    for _ in range(3):
        target[low:high] = source[start:stop]
    return target


def store_held(target, source):
    kept = source[1:3]
    target[0:2] = kept
    return target, kept


class Handing(list):
    """A list whose slices are one list it keeps."""

    def __init__(self, items):
        super().__init__(items)
        self.handed = [100, 200]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.handed
        return super().__getitem__(index)


def store_cached(target, source):
    for _ in range(2):
        target[0:2] = source[0:2]
    return target, source.handed


class Noisy:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __del__(self):
        self.log.append(f"del {self.name}")

    def __repr__(self):
        return self.name


def finalised(log):
    target = [Noisy("a", log), Noisy("b", log), Noisy("c", log)]
    source = [Noisy("x", log), Noisy("y", log)]
    target[0:2] = source[::-1]
    log.append("stored")
    del source
    log.append(f"target {target}")
    return target


for n in range(1, 9):
    for rotation in range(n):
        perm = list(range(n))
        perm = perm[rotation:] + perm[:rotation]
        print(n, rotation, flips(perm))

print(store_into(list(range(6)), list(range(10, 20)), 1, 3, 2, 4))
print(store_into(list(range(6)), list(range(10, 20)), 1, 3, 2, 7))
print(store_into(list(range(6)), list(range(10, 20)), 4, 1, 0, 0))
print(store_into(list(range(6)), list(range(10, 20)), -3, 99, -9, -6))
print(store_into(list(range(6)), tuple(range(10, 20)), 0, 2, 0, 2))
print(store_into(list(range(6)), "abcdef", 0, 2, 0, 2))
print(store_held([1, 2, 3], [4, 5, 6]))
print(store_cached([1, 2, 3], Handing([7, 8, 9])))
log = []
print(finalised(log))
print(log)
log.clear()
