# jit-expect-compiled: slicing store_items rotate
def slicing(seq):
    return (seq[0], seq[-1], seq[1:3], seq[:2], seq[2:], seq[::-1],
            seq[::2], seq[-3:-1], seq[5:1:-2], seq[len(seq) // 2])


def store_items(n):
    a = [0] * n
    for i in range(n):
        a[i] = i * i
    a[-1] = -1
    a[1:3] = ["x", "y", "z"]
    m = [[0, 0], [0, 0]]
    m[1][0] = 5
    m[0][1] += 2
    d = {}
    d[(1, 2)] = "t"
    d["k"] = a[0]
    return a, m, d


def rotate(lst, k):
    k = k % len(lst)
    return lst[k:] + lst[:k]


print(slicing([10, 20, 30, 40, 50, 60, 70]))
print(slicing("abcdefghij"))
print(slicing((1, 2, 3, 4, 5, 6)))
print(store_items(6))
print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3], -1), rotate("hello", 3))
