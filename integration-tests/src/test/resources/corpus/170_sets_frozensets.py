# jit-expect-compiled: overlap evolve
# Set displays {a, b}, set algebra (| & - ^ and the methods), in-place updates, frozenset as dict
# key and set member, set comprehensions, subset/superset comparisons; strs printed sorted.
def overlap(a, b):
    return len(a & b), len(a | b)


def evolve(n):
    s = {0}
    for i in range(1, n):
        s |= {i * 2}
        s -= {i}
        s ^= {100 + i % 3}
    return sorted(s)


a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(overlap(a, b), a <= b, {3} < a, a >= {1, 2}, a.isdisjoint({9}), a.issuperset(range(1, 3)))
print(evolve(10))
words = {"pear", "apple", "fig"}
words.add("kiwi")
words.discard("fig")
words.discard("nope")
try:
    words.remove("nope")
except KeyError as e:
    print("KeyError:", e)
print(sorted(words), sorted(w.upper() for w in words))
fs = frozenset([1, 2, 2, 3])
groups = {fs: "small", frozenset(): "empty"}
print(groups[frozenset({3, 2, 1})], groups[frozenset()], fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__)
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(nested), sorted(sorted(x) for x in nested))
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
c = set("mississippi")
print(sorted(c), len(c), {x % 3 for x in range(10)}, set() == frozenset(), {1, 2} == frozenset({1, 2}))
u = set()
u.update([1, 2], (3,), {4: "k"})
u.intersection_update({1, 3, 4, 9})
u.difference_update([4])
print(sorted(u), u.pop() in (1, 3), len(u))
