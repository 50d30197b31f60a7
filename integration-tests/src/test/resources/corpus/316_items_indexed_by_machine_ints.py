# jit-expect-compiled: rotate scale_in_place pair_sums read_past store_past shrinking far_indexes
# jit-threshold: 5
# jit-loop-threshold: 5
# Compiled code indexes an exact list or tuple with the 64-bit ints it computes (a range loop's
# counter, int arithmetic on it, a constant) without making int objects: a bounds check and a load
# or a store. Every case the interpreter handles otherwise must come out the same: negative
# indexes counted from the end, IndexError with the interpreter's message for a list, a tuple and
# an assignment, indexes near the 64-bit limits and past them, a list that shrinks under the loop,
# a float item that something else also holds (stored as a new float, never changed in place), a
# list subclass with its own __getitem__ and __setitem__, and a bool index. The first rounds give
# each function exact lists only, so that it is compiled for them; the other containers come after.


LOG = []


class Logged(list):
    def __getitem__(self, index):
        LOG.append(("get", index))
        return list.__getitem__(self, index)

    def __setitem__(self, index, value):
        LOG.append(("set", index))
        list.__setitem__(self, index, value)


def rotate(items):
    out = list(items)
    for j in range(len(items)):
        out[j] = items[j - 1]
    return out


def scale_in_place(row, k):
    for j in range(len(row)):
        row[j] *= k
    return row


def pair_sums(pairs):
    total = 0
    for p in pairs:
        total += p[0] * 10 + p[-1] + p[1]
    return total


def read_past(items, n):
    total = 0
    for j in range(n):
        total += items[j]
    return total


def store_past(items, n):
    for j in range(n):
        items[j] = j
    return items


def shrinking(items, seen):
    for j in range(len(items)):
        seen.append(items[j])
        items.pop()
    return seen


def far_indexes(items, start):
    found = []
    for j in range(start, start + 2):
        try:
            found.append(items[j - start - 3])
            found.append(items[j])
        except IndexError as error:
            found.append(str(error))
    return found


def exact_lists(round_number):
    print(rotate([1, 2, 3, round_number]), rotate([]))
    shared = 2.5
    row = [1.0, shared, 3.0, shared, 7, True]
    print(scale_in_place(row, 2.0), shared, scale_in_place([1, 2, 3], 3), scale_in_place([0.5, -0.0], -1.0))
    print(pair_sums([[1, 2], [3, 4, 5], [6, 7]]))
    for n in (3, 4):
        try:
            print(read_past([1, 2, 3], n))
        except IndexError as error:
            print("IndexError", error)
    for items in ([0, 0], [0, 0, 0]):
        try:
            print(store_past(items, 3))
        except IndexError as error:
            print("IndexError", error, items)
    for n in (1, 6):
        seen = []
        try:
            print(shrinking(list(range(n)), seen))
        except IndexError as error:
            print("IndexError", error, seen)
    print(far_indexes([10, 20, 30], 0), far_indexes([1], 2 ** 63 - 2), far_indexes([1, 2, 3, 4], -(2 ** 63) + 3))


def other_containers():
    print(rotate((5, 6, 7)), rotate(Logged([1, 2])), LOG)
    LOG.clear()
    print(scale_in_place(Logged([1.0, 2.0]), 2.0), LOG)
    LOG.clear()
    print(pair_sums([(1, 2), (3, 4, 5), [6, 7]]), pair_sums([(True, False)]))
    for items in ((1, 2, 3), Logged([1, 2, 3])):
        try:
            print(read_past(items, 3), read_past(items, 4))
        except IndexError as error:
            print("IndexError", error)
    LOG.clear()
    try:
        store_past((0, 0, 0), 3)
    except TypeError as error:
        print("TypeError", error)
    print(far_indexes((10, 20, 30), 2 ** 62), far_indexes([1, 2], 2 ** 64))
    items = [4, 5]
    print(items[True], items[False], items[-True])


def main():
    for round_number in range(8):
        exact_lists(round_number)
    for _ in range(3):
        other_containers()
        exact_lists(0)


main()
