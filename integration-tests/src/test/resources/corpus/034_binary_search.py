# jit-expect-compiled: bsearch lower_bound
def bsearch(arr, target):
    lo = 0
    hi = len(arr) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        v = arr[mid]
        if v == target:
            return mid
        elif v < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def lower_bound(arr, target):
    lo, hi = 0, len(arr)
    while lo < hi:
        mid = (lo + hi) >> 1
        if arr[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


arr = list(range(0, 300, 3))
print([bsearch(arr, t) for t in (0, 3, 150, 297, 298, -1, 1000)])
print([lower_bound(arr, t) for t in (0, 1, 2, 3, 299, 300, -5)])
words = sorted(["kiwi", "apple", "mango", "banana", "cherry", "date"])
print(words, bsearch(words, "kiwi"), bsearch(words, "zzz"), lower_bound(words, "c"))
found = 0
for t in range(-10, 310):
    if bsearch(arr, t) >= 0:
        found += 1
print(found)
