# jit-expect-compiled: take take_step store describe
# jit-threshold: 5
# Compiled code slices an exact list, tuple or str with None or word-sized int bounds (a list or
# tuple with any such step too: container[a:b:c] is BUILD_SLICE then BINARY_SUBSCR) without
# making a slice object, and assigns a list or tuple to a list slice the same way. Every other
# container, value or bound (subclasses, iterators that change the list, bools, ints past 64 bits,
# __index__ objects, floats) goes through the slice object,
# and every result must be what the interpreter gives: the same tuple or str back for a whole
# slice, clamped and negative bounds, empty results, a list assigned a slice of itself, an
# iterator or a non-iterable assigned.


class Index:
    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value

    def __repr__(self):
        return f"Index({self.value})"


class MyList(list):
    def __getitem__(self, item):
        return ("MyList.getitem", item.start, item.stop, item.step) if isinstance(item, slice) else list.__getitem__(self, item)


class MyStr(str):
    pass


def take(container, start, stop):
    return container[start:stop]


def take_step(container, start, stop, step):
    return container[start:stop:step]


def reversed_copy(container):
    return container[::-1]


def kept_slice(container, k):
    s = slice(k, None, -1)
    return container[k::-1], container[s], s


def take_all(container):
    return container[:]


def store(container, start, stop, value):
    container[start:stop] = value
    return container


def describe(value):
    return f"{type(value).__name__} {value!r}"


def main():
    bounds = [None, 0, 1, 2, -1, -2, -5, 5, 10, -10, True, False, 2 ** 70, -(2 ** 70), Index(1), Index(-2)]
    containers = [[1, 2, 3, 4], (1, 2, 3, 4), "abcd", "", [], (), "héllo", "日本語テキスト", MyList([1, 2, 3]), MyStr("mystr"), b"bytes", range(6)]
    for _ in range(3):
        for container in containers:
            for start in bounds:
                for stop in bounds:
                    print(describe(take(container, start, stop)), end="; ")
            print()
    steps = [None, 1, 2, 3, -1, -2, -3, 0, 7, -7, True, 2 ** 70, -(2 ** 70), Index(2), Index(-1)]
    short_bounds = [None, 0, 2, -1, -5, 5, 2 ** 70, Index(1)]
    for _ in range(2):
        for container in containers:
            for step in steps:
                for start in short_bounds:
                    for stop in short_bounds:
                        try:
                            print(describe(take_step(container, start, stop, step)), end="; ")
                        except ValueError as error:
                            print("ValueError", error, end="; ")
                print()
    for _ in range(6):
        t = (1, 2, 3)
        print(take_step(t, None, None, 1) is t, take_step(t, 0, 3, 1) is t, take_step(t, None, None, -1), reversed_copy([1, 2, 3]),
              reversed_copy("abc"), reversed_copy(()), reversed_copy([]), kept_slice([1, 2, 3, 4], 2), kept_slice((5, 6), 1))

    for bad in [1.5, "x"]:
        for container in [[1, 2], (1, 2), "ab"]:
            try:
                take(container, bad, None)
            except TypeError as error:
                print("TypeError", error)
    try:
        take(5, 0, 1)
    except TypeError as error:
        print("TypeError", error)

    for _ in range(6):
        t = (1, 2, 3)
        s = "whole"
        print(take_all(t) is t, take(t, 0, None) is t, take(t, None, 10) is t, take(s, None, None) is s, take(s, -100, 100) is s)
        m = MyStr("sub")
        print(type(take(m, None, None)).__name__, take(m, None, None) is m)
        print(take_all([1, 2]) == [1, 2])

    for _ in range(3):
        for start in [None, 0, 1, 3, -1, -10, 10, True, 2 ** 70, Index(1)]:
            for stop in [None, 0, 2, -1, 10, -10, False, -(2 ** 70), Index(3)]:
                print(store([0, 1, 2, 3, 4], start, stop, ["a", "b"]), end=" ")
            print()
        a = [1, 2, 3]
        print(store(a, None, None, a), store(a, 1, 2, a), store(a, 0, 0, iter("xy")), store(a, -2, None, (7, 8, 9)))
        print(store([1, 2, 3], 1, None, range(3)), store([1, 2, 3], 1, 2, []), store([1, 2, 3], None, 1, "str"))
        b = [1, 2, 3, 4, 5]
        print(store(b, 1, -1, (b.clear() or x for x in "gen")), store([1, 2, 3, 4], -3, -1, (9,)))
        print(store(bytearray(b"abc"), 1, 2, b"XY"), store(MyList([1, 2]), 0, 1, [9]))
        for value in [5, None]:
            try:
                store([1, 2, 3], 0, 1, value)
            except TypeError as error:
                print("TypeError", error)
        try:
            store((1, 2), 0, 1, [3])
        except TypeError as error:
            print("TypeError", error)
        try:
            store([1, 2], 1.0, 2, [3])
        except TypeError as error:
            print("TypeError", error)


main()
