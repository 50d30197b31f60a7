# jit-expect-compiled: level_a level_b level_c compute
# An exception raised several compiled frames deep and never caught: the traceback on stderr
# names each frame with its line (and the caret markers), then exit status 1.
def compute(x, y):
    return x / y


def level_c(values, i):
    return compute(values[i], values[i] - values[i])


def level_b(values):
    total = 0
    for i in range(len(values)):
        if values[i] > 2:
            total += level_c(values, i)
        else:
            total += values[i]
    return total


def level_a(values):
    result = level_b(values)
    return result * 2


print(level_a([1, 2]))
print(level_a([0, 1, 2, 3]))
print("not reached")
