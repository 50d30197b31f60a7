# jit-expect-compiled: accumulate count_up keep divide_running
# jit-threshold: 3
# jit-loop-threshold: 3
# Each function runs in the interpreter first, which specialises its loop and arithmetic; compiled,
# it keeps its int and float locals unboxed around the loop. They are objects again wherever the
# program can see them: an object that went through untouched is the same object, as in the
# interpreter, and a traceback's frame shows the values the locals had when the error came.


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


def divide_running(values, divisor):
    acc = 0.0
    last = 0.0
    for v in values:
        acc = acc + v
        last = acc / divisor
    return last


x = 2.5
for _ in range(3):
    accumulate([1.0, 2.0]), count_up(1002), keep(x, 2), divide_running([1.0, 2.0], 2.0)
print(accumulate([]) is accumulate([]), accumulate([1.0, 2.5]), accumulate([0.5] * 1000))
print(count_up(0) is count_up(0), count_up(1003), count_up(10**5))
print(keep(x, 0) is x, keep(x, 3) is x, keep(x, 3), keep(x, 1) == x)
print(divide_running([1.0, 2.0, 4.0], 4.0))
try:
    divide_running([1.0, 2.0, 4.0], 0.0)
except ZeroDivisionError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print("ZeroDivisionError", sorted((k, v) for k, v in frame.f_locals.items() if k in ("acc", "last", "v")))
