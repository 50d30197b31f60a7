# Each function runs one long loop in one call: only on-stack replacement moves it to native code.
# Everything printed must be what the interpreter prints, wherever the switch happens. "# header"
# marks the line of the header each loop may be entered at (the first of its body for `while True`).
import os
import sys
import tempfile
import traceback

N = 1_000_000


def floats(n):
    x, v = 0.0, 1.0
    for i in range(n):  # header
        v -= x * 0.001
        x += v * 0.001
    return x, v


def returns_from_inside(n):
    total = 0
    for i in range(n * 2):  # header
        total += i & 3
        if i == n:
            return 42
    return total


def raises_at_the_end(n):
    total = 0
    for i in range(n):  # header
        total += 10 // (n - 1 - i)
    return total


def reraises(n):
    seen = {}
    for i in range(n):  # header
        try:
            seen[i % 5] = seen[i % 5 + (i == n - 1) * 10] + 1
        except KeyError:
            if i > 4:
                raise
            seen[i] = 0
    return seen


def switches_type(n):
    acc = 0
    for i in range(n):  # header
        if i == n // 2:
            acc = float(acc)
        acc += i % 3
    return acc


def nested(n):
    total = 0
    for i in range(n // 1000):  # header
        for j in range(1000):  # header
            total += (i ^ j) & 7
    return total


def while_with_break(n):
    i = 0
    s = 0
    while True:
        i += 1  # header
        s += i % 11
        if i >= n:
            break
    return i, s


def handler_around_the_loop(n):
    total = 0
    try:
        for i in range(n):  # header
            total += i % 5
            if i == n - 1:
                raise ValueError(total)
    except ValueError as caught:
        return "caught", caught.args[0]


def finally_around_the_loop(n):
    total = 0
    try:
        i = 0
        while True:
            total += i * 3 % 11  # header
            i += 1
            if i == n:
                return total
    finally:
        print("finally ran at", total)


class Suppressing:
    def __enter__(self):
        print("entered")
        return self

    def __exit__(self, kind, value, traceback):
        print("exited with", kind.__name__, value)
        return True


def with_around_the_loop(n):
    total = 0.0
    with Suppressing():
        for i in range(n):  # header
            total += i * 0.5
            if i == n - 2:
                raise ValueError("stopped at %d" % i)
    return total


def comprehension(n):
    x = "outer"
    squares = [x * x % 13 for x in range(n)]  # header
    try:
        [1 / (x - n + 7) for x in range(n)]  # header
    except ZeroDivisionError as caught:
        print("the comprehension raised", caught, "and x is", x)
    return sum(squares), x


def uncaught_through_finally(n):
    total = 0
    try:
        for i in range(n):  # header
            total += i
            if i == n - 1:
                total /= 0
    finally:
        print("cleaned up at", total)


def raises_after_the_try(n):
    total = 0
    try:
        for i in range(n):  # header
            total += i
        total += 1
    except ZeroDivisionError:
        return "caught where it was not raised"
    return total / 0


def reads_a_file(path):
    count = words = 0
    with open(path) as handle:
        for line in handle:  # header
            count += 1
            words += len(line.split())
    return count, words


def with_a_cell(n):
    step = 3

    def add(x):
        return x + step

    total = 0
    for i in range(n // 4):  # header
        total = add(total) % 1000003
    return total


def deletes(n):
    total = 0
    for i in range(n):  # header
        tmp = i * 2
        total += tmp % 9
        del tmp
    return total


calls = []


def helper(i):
    return i + 1


def tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "helper":
        calls.append(frame.f_lineno)
    return None


def traced_midway(n):
    total = 0
    for i in range(n):  # header
        if i == n - 20:
            sys.settrace(tracer)
        total += helper(i) % 3
    sys.settrace(None)
    return total, len(calls)


def print_raised(function, expected):
    try:
        function(N)
    except expected:
        print(traceback.format_exc())


print(floats(N))
print(returns_from_inside(N))
print_raised(raises_at_the_end, ZeroDivisionError)
print_raised(reraises, KeyError)
print(switches_type(N))
print(nested(N))
print(while_with_break(N))
print(handler_around_the_loop(N))
print(finally_around_the_loop(N))
print(with_around_the_loop(N))
print(comprehension(N))
print_raised(uncaught_through_finally, ZeroDivisionError)
print_raised(raises_after_the_try, ZeroDivisionError)
with tempfile.TemporaryDirectory() as folder:
    text = os.path.join(folder, "lines.txt")
    with open(text, "w") as out:
        out.writelines("word " * (i % 7) + "\n" for i in range(N // 2))
    print(reads_a_file(text))
print(with_a_cell(N))
print(deletes(N))
print(traced_midway(N))
raises_at_the_end(N)
