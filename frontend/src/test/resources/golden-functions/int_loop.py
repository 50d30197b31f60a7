# args: int
def f(n):
    total = 0
    i = 0
    while i < n:
        total = total + i * i % 7
        i = i + 1
    return total
