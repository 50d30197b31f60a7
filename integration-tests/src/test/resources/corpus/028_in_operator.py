# jit-expect-compiled: membership filter_known
def membership(x):
    return (x in [1, 2, 3], x in (4, 5), x in {"a": 1, 2: "b"},
            x not in [None], str(x) in "12345", x in range(0, 10, 2))


def filter_known(words, known):
    hits = []
    misses = []
    for w in words:
        if w in known:
            hits.append(w)
        elif w not in misses:
            misses.append(w)
    return hits, misses


for v in [1, 2, 4, "a", None, 8, 7]:
    print(repr(v), membership(v))
print(filter_known(["x", "y", "x", "z", "w", "z"], {"x": 1, "w": 2}))
print(filter_known(["ab", "cd", "q"], "abcdef"))
print(filter_known([1, 2, 3], [3, 4]))
