# jit-expect-compiled: merge_sort merge quick_sort
def merge(a, b):
    out = []
    i = 0
    j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    return merge(merge_sort(xs[:mid]), merge_sort(xs[mid:]))


def quick_sort(xs):
    if len(xs) <= 1:
        return list(xs)
    pivot = xs[len(xs) // 2]
    less = []
    equal = []
    greater = []
    for x in xs:
        if x < pivot:
            less.append(x)
        elif x == pivot:
            equal.append(x)
        else:
            greater.append(x)
    return quick_sort(less) + equal + quick_sort(greater)


data = [(i * 37 + 11) % 97 for i in range(200)]
ms = merge_sort(data)
qs = quick_sort(data)
print(ms[:20], ms == sorted(data), qs == ms)
print(merge_sort(["d", "a", "c", "b"]), quick_sort((3.5, 1, 2.25, -1)))
print(merge_sort([]), quick_sort([1]))
