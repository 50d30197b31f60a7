# jit-expect-compiled: key_of index_words lengths invert residues letters zipped counts
# Set and dict comprehensions: duplicate keys (last wins), dict comprehensions from zip and
# items(), inverted mappings, set comprehensions of ints, and sorted output of str sets.
def key_of(word):
    return word[0]


def index_words(words):
    return {key_of(w): w for w in words}


def lengths(words):
    return {w: len(w) for w in words if len(w) > 2}


def invert(d):
    return {v: k for k, v in d.items()}


def residues(n, m):
    return {i * i % m for i in range(n)}


def letters(words):
    return sorted({c for w in words for c in w})


def zipped(keys, values):
    return {k: v for k, v in zip(keys, values)}


def counts(text):
    return {ch: text.count(ch) for ch in sorted(set(text)) if ch != " "}


words = ["apple", "avocado", "banana", "blueberry", "cherry", "fig"]
print(index_words(words))
print(lengths(words))
print(invert({"a": 1, "b": 2, "c": 1}))
print(sorted(residues(20, 11)), residues(5, 100) == {0, 1, 4, 9, 16})
print(letters(["abc", "cab", "zeta"]))
print(zipped("xyz", range(10)))
print(counts("hello world"))
