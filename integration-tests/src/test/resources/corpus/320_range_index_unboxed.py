# jit-expect-compiled: dot column_sum last_index never_runs aliased while_indexed
# jit-threshold: 5
# jit-loop-threshold: 5
# jit-expect-deopts: dot while_indexed
# A range loop's variable that only indexes lists goes around the loop as a 64-bit value, boxed
# nowhere in the loop: where the interpreter takes the frame over (a tuple where a list was, an
# index past the end, a loop that never ran) it must find the same index, on its value stack and
# in the local, as if it had run the loop itself.
import sys


def dot(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


def column_sum(rows, j):
    total = 0
    for i in range(len(rows) + 1):
        try:
            total += rows[i][j]
        except IndexError:
            return total, i
    return total, None


def last_index(values):
    for i in range(1000):
        if values[i] < 0:
            break
    return i


def never_runs(values, n):
    for i in range(n):
        values[i] += 1
    try:
        return i
    except UnboundLocalError as error:
        return str(error)


def frame_locals_alike():
    caller = sys._getframe(1).f_locals
    return caller["i"] is caller["j"], caller["i"]


def aliased(values, n):
    out = []
    for i in range(300, 300 + n):
        j = i  # one object in two locals, as the interpreter keeps it
        out.append(values[i - 300] + 1.5)
    return frame_locals_alike(), len(out)


def while_indexed(values, start):
    s = 0.0
    i = start  # the argument's object until i += 1 makes another
    while i < len(values):
        s += values[i] * 2.0
        i += 1
    return s, i


floats = [k * 0.25 for k in range(600)]
rows = [[r * 10 + c for c in range(3)] for r in range(400)]
for _ in range(6):
    print(dot(floats, floats))
    print(dot(tuple(floats), floats))  # the guard on a list fails with i on the value stack
    print(dot(floats[:300], floats[:300] + [1] * 300))
    print(column_sum(rows, 2), column_sum(rows[:5], 1))
    print(last_index(list(range(700)) + [-1] + [0] * 299), last_index([5, -5]))
    print(never_runs([1, 2, 3], 0), never_runs([1, 2, 3], 3))
    print(aliased(floats, 10))
    big = 10 ** 6 + 1
    print(while_indexed(floats, 0), while_indexed(floats, 590), while_indexed(floats, big)[1] is big)
    print(while_indexed(tuple(floats), 3))  # the guard on a list fails with i on the value stack
    try:
        dot(floats, floats[:400])
    except IndexError as error:
        print("IndexError:", error)
