# jit-expect-compiled: tally lookup_each store_each lookup_through_missing
# jit-threshold: 5
# jit-loop-threshold: 5
# d[key] and d[key] = value on an exact dict are looked up and stored by compiled code straight;
# everything an exact dict does must still happen: a missing key's KeyError (a tuple key shown as
# itself, not as the exception's arguments), an unhashable key's TypeError, a key whose __eq__
# raises or looks at its caller's locals, a key whose __hash__ changes the dict, a dict subclass's
# __missing__ and __setitem__, and a mapping that is not a dict at all.
import sys
from collections import OrderedDict, defaultdict


def tally(words):
    counts = {}
    for word in words:
        if word in counts:
            counts[word] = counts[word] + 1
        else:
            counts[word] = 1
    return counts


def lookup_each(mapping, keys):
    found = []
    for key in keys:
        try:
            found.append(mapping[key])
        except KeyError as error:
            found.append(("missing", error.args))
        except TypeError as error:
            found.append(("type", str(error)))
    return found


def store_each(mapping, keys):
    for i, key in enumerate(keys):
        try:
            mapping[key] = i * 10
        except TypeError as error:
            print("store:", error)
    return mapping


def lookup_through_missing(mapping, keys):
    return [mapping[key] for key in keys]


class Noisy:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        caller = sys._getframe(1)
        print("eq called from", caller.f_code.co_name, "seeing", sorted(caller.f_locals)[:3])
        return isinstance(other, Noisy) and other.name == self.name


class Raising:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        raise RuntimeError("no comparing")


class Growing:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        self.target[len(self.target)] = "grown"
        return 11

    def __repr__(self):
        return "Growing()"


class WithMissing(dict):
    def __missing__(self, key):
        return f"<{key}>"


class Recording(dict):
    def __setitem__(self, key, value):
        print("recording", key, value)
        super().__setitem__(key, value)


for _ in range(12):
    counts = tally("the cat and the hat and the bat".split())
print(sorted(counts.items()))

plain = {"a": 1, (1, 2): "pair", 3: "three", 2**70: "big"}
for _ in range(12):
    seen = lookup_each(plain, ["a", (1, 2), 3, 2**70, "b", (3, 4), (), [1]])
print(seen)

first, second = Noisy("x"), Noisy("x")
print(lookup_each({first: "noisy"}, [second]))
print(lookup_each({Raising(): 1, 11: 2}, [11]))
try:
    lookup_each({7: 1, Raising(): 2}, [Raising()])
except RuntimeError as error:
    print("raised:", error)
grown = {}
print(lookup_each(grown, [Growing(grown)]), grown)

for _ in range(12):
    stored = store_each({}, ["a", "b", (1, 2)])
print(stored)
print(store_each({}, ["a", [1], {"b"}, "c"]))
print(store_each(Recording(), ["r", "s"]))
print(store_each(OrderedDict(), ["o", "p"]))
print(store_each(defaultdict(list), ["d"]))

for _ in range(12):
    names = lookup_through_missing({"k": 1, "j": 2}, ["k", "j"])
print(names)
print(lookup_through_missing(WithMissing(k=1), ["k", "absent"]))
print(lookup_through_missing(defaultdict(int, k=5), ["k", "zero"]))
print(lookup_through_missing(OrderedDict(k=6), ["k"]))
print(lookup_through_missing(["zero", "one"], [1, 0]))
lookup_through_missing({"k": 1}, ["k", ("tuple", "key")])
