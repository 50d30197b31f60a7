# jit-expect-compiled: collatz_len longest
def collatz_len(n):
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def longest(limit):
    best = 0
    best_n = 0
    for n in range(1, limit):
        c = collatz_len(n)
        if c > best:
            best = c
            best_n = n
    return best_n, best


print([collatz_len(n) for n in range(1, 20)])
print(longest(10000))
print(collatz_len(27), collatz_len(2 ** 64 + 1))
