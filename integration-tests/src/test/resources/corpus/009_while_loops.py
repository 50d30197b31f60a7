# jit-expect-compiled: count_digits sum_until isqrt find_first
def count_digits(n):
    if n == 0:
        return 1
    n = abs(n)
    c = 0
    while n:
        n //= 10
        c += 1
    return c


def sum_until(limit):
    total = 0
    i = 0
    while True:
        i += 1
        if i % 3 == 0:
            continue
        total += i
        if total > limit:
            break
    return i, total


def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


def find_first(items, target):
    i = 0
    while i < len(items):
        if items[i] == target:
            return i
        i += 1
    return -1


for n in [0, 7, -12345, 10 ** 25, 99999]:
    print(n, count_digits(n))
print(sum_until(100), sum_until(1000))
print([isqrt(n) for n in [1, 2, 15, 16, 17, 10 ** 40, 2 ** 127]])
print(find_first([5, 3, 9, 3], 3), find_first([5, 3], 7), find_first("hello", "l"))
