# jit-expect-compiled: last_good_index ratios with_comprehension cleanup nested_handlers
# jit-threshold: 3
# jit-loop-threshold: 3
# Functions with exception handlers (a try, a with, or just a list comprehension, which CPython
# 3.13 inlines with a handler of its own) keep their locals in registers too. An exception inside
# the try, raised where compiled code held locals the frame did not have yet (an index out of
# range, a float division by zero), writes them to the frame first: the handler, the traceback
# and the code after see the values the interpreter would have.
import sys
import traceback


def last_good_index(items, limit):
    i = 0
    total = 0
    try:
        while i < limit:
            total += items[i]
            i += 1
    except IndexError:
        return "stopped", i, total
    return "done", i, total


def ratios(values, divisor):
    out = []
    acc = 0.0
    for v in values:
        try:
            acc = acc + v / divisor
            divisor -= 1.0
        except ZeroDivisionError:
            out.append(("zero at", acc, divisor))
            divisor = 2.0
    out.append(acc)
    return out


def with_comprehension(n):
    rows = [[0.0] * n for _ in range(n)]
    total = 0.0
    for i in range(n):
        row = rows[i]
        for j in range(n):
            row[j] += i * 0.5 + j
            total += row[j]
    return total, rows[n - 1]


def cleanup(values):
    seen = 0
    try:
        for v in values:
            seen += 1
            if v < 0:
                return seen, "negative"
    finally:
        seen = -seen
    return seen, "all"


def nested_handlers(items):
    count = 0
    errors = 0
    for k in range(len(items) + 2):
        try:
            try:
                count += items[k]
            except IndexError:
                errors += 1
                raise KeyError(k)
        except KeyError as error:
            count -= 100
            last = error.args[0]
    return count, errors, last


def traceback_sees(items):
    j = 0
    total = 1.5
    try:
        while True:
            total = total * 2.0 + items[j]
            j += 1
    except IndexError:
        frame = sys.exc_info()[2].tb_frame
        return frame.f_locals["j"], frame.f_locals["total"], traceback.format_exc().splitlines()[-1]


for round_ in range(6):
    print(last_good_index([1, 2, 3], round_), ratios([1.0, 2.0, 3.0, 4.0], float(round_ % 3)))
    print(with_comprehension(round_ + 1), cleanup([1, 2, -round_, 4]), nested_handlers([1, 2, round_]))
    print(traceback_sees([0.5] * round_))
