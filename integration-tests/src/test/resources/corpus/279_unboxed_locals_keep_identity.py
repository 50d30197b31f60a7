# jit-expect-compiled: accumulate count_up keep
# Locals that compiled code keeps unboxed around a loop are objects again wherever the program can
# see them, and an object that went through untouched is the same object, as in the interpreter.


def accumulate(xs):
    total = 0.0
    for x in xs:
        total = total + x
    return total


def count_up(limit):
    n = 1000
    while n < limit:
        n = n + 1
    return n


def keep(a, b):
    c = a
    i = 0
    while i < b:
        c = c * 1.0
        i += 1
    return c


print(accumulate([]) is accumulate([]), accumulate([1.0, 2.5]), accumulate([0.5] * 1000))
print(count_up(0) is count_up(0), count_up(1003), count_up(10**5))
x = 2.5
print(keep(x, 0) is x, keep(x, 3) is x, keep(x, 3), keep(x, 1) == x)
