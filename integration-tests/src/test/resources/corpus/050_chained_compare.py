# jit-expect-compiled: in_range classify ordered
def in_range(x, lo, hi):
    return lo <= x < hi


def classify(a, b, c):
    if a < b < c:
        return "ascending"
    if a > b > c:
        return "descending"
    if a == b == c:
        return "flat"
    if a != b != c:
        return "zigzag"
    return "mixed"


def ordered(seq):
    i = 0
    while i + 2 < len(seq):
        if not (seq[i] <= seq[i + 1] <= seq[i + 2]):
            return False
        i += 1
    return True


print([in_range(x, 0, 5) for x in (-1, 0, 4, 5, 2.5)])
for t in [(1, 2, 3), (3, 2, 1), (2, 2, 2), (1, 2, 1), (1, 1, 2), ("a", "b", "c"), (1, 2.0, 3)]:
    print(t, classify(*t))
print(ordered([1, 2, 2, 5, 9]), ordered([1, 3, 2]), ordered([]), ordered("abcz"))
