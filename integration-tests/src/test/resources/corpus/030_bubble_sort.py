# jit-expect-compiled: bubble_sort insertion_sort is_sorted
def bubble_sort(a):
    a = list(a)
    n = len(a)
    swaps = 0
    for i in range(n):
        swapped = False
        for j in range(0, n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return a, swaps


def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a


def is_sorted(a):
    for i in range(len(a) - 1):
        if a[i] > a[i + 1]:
            return False
    return True


data = [(i * 7919) % 101 - 50 for i in range(60)]
s, sw = bubble_sort(data)
print(s)
print(sw, is_sorted(s), is_sorted(data), s == sorted(data))
print(insertion_sort(["pear", "apple", "fig", "banana", "cherry"]))
print(insertion_sort([3.5, -1, 2, 0.5, 2]), bubble_sort([]), is_sorted([1]))
