# jit-expect-compiled: count_words lookup_all with_locals_seen
# jit-expect-intrinsics
# jit-threshold: 5
# jit-loop-threshold: 5
# d.get(key[, default]) on an exact dict of str keys with a str key is computed by compiled code;
# anything else reached by the same call makes the call: keys that are not all strs, a str
# subclass's own __eq__ and __hash__ (which look at the caller's locals), a dict subclass's own
# get, an OrderedDict, a class with slots and a get of its own, a key that is not hashable.
import sys
from collections import OrderedDict


class Loud(str):
    __slots__ = ()

    def __hash__(self):
        caller = sys._getframe(1).f_locals
        print("  hash sees total =", caller.get("total"), "n =", caller.get("n"))
        return str.__hash__(self)

    def __eq__(self, other):
        return str.__eq__(self, other)


class Defaulting(dict):
    def get(self, key, default=None):
        return ("own", super().get(key, default))


class Slotted:
    __slots__ = ("data",)

    def __init__(self):
        self.data = {"a": 100}

    def get(self, key, default=None):
        return self.data.get(key, default)


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items())


def lookup_all(d, keys):
    found = ()  # no list.append here: dict.get is the one builtin method computed in this program
    for k in keys:
        try:
            found += ((d.get(k), d.get(k, "-")),)
        except TypeError as error:
            found += (str(error),)
    return list(found)


def with_locals_seen(d, keys):
    total = 0.5
    n = 0
    for k in keys:
        n += 1
        total += d.get(k, 0.25)
    return total, n


for round_ in range(8):
    print(count_words("the cat and the hat and the bat".split() * 3))
    print(lookup_all({"a": 1, "b": None}, ["a", "b", "c"]))
    print(lookup_all({1: "one", "a": 2}, [1, "a", 2.0]))
    print(lookup_all(Defaulting(a=1), ["a", "z"]))
    print(lookup_all(OrderedDict(a=3), ["a", "q"]))
    print(lookup_all(Slotted(), ["a", "b"]))
    print(lookup_all({"a": 1}, [[], "a"]))
    print(with_locals_seen({"x": 2.0, "y": 3.0}, ["x", "y", "w"] if round_ != 6 else ["x", Loud("y")]))
