# jit-expect-compiled: collect range_sum countdown
def collect(start, stop, step):
    out = []
    for i in range(start, stop, step):
        out.append(i)
    return out


def range_sum(n):
    s = 0
    for i in range(n, 0, -1):
        s += i * i
    for j in range(-n, n, 3):
        s -= j
    return s


def countdown(n):
    line = ""
    for i in range(n, -1, -2):
        line += str(i) + " "
    return line


print(collect(10, 0, -1))
print(collect(10, -10, -3))
print(collect(0, 10, -1))
print(collect(-5, 5, 2))
print(collect(5, 5, 1))
print(collect(100, 90, -4))
print(range_sum(10), range_sum(0), range_sum(100))
print(countdown(9))
print(countdown(10))
print(collect(2 ** 64, 2 ** 64 + 3, 1))
