# jit-expect-compiled: caught_in_loop_try finally_with_return with_suppressing with_break comprehension nested reads_lines deopt_in_try uncaught
# Loops inside try, finally and with blocks and comprehensions, whose handlers are compiled with them
# (entered mid-frame in the every-loop run): exceptions caught, suppressed, propagated through a
# finally, raised inside a comprehension, a file read line by line, a speculation broken in a try.
import sys, os, tempfile

class Manager:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None, value)
        return self.suppress

def caught_in_loop_try(n):
    total = 0
    try:
        for i in range(n):
            total += i % 7
            if i == n - 3:
                raise KeyError(total)
    except KeyError as e:
        return ("caught", e.args[0], total)

def finally_with_return(n):
    total = 0
    try:
        i = 0
        while True:
            total += i * 3 % 11
            i += 1
            if i == n:
                return total
    finally:
        print("finally ran", total)

def with_suppressing(n):
    total = 0.0
    with Manager("a", suppress=True) as m:
        for i in range(n):
            total += i * 0.5
            if i == n - 2:
                raise ValueError("stop at %d" % i)
    return total

def with_break(n):
    total = 0
    with Manager("b"):
        for i in range(n):
            if i * i > n * 50:
                break
            total += i
    return total

def comprehension(n):
    key = "shadowed"
    table = {key: key * 2 for key in range(n) if key % 3}
    missing = None
    try:
        total = sum([table[key] for key in range(1, n)])
    except KeyError as error:
        missing = error.args[0]
    return len(table), key, missing

def nested(n):
    total = 0
    try:
        for i in range(n):
            try:
                if i % 1000 == 999:
                    raise IndexError(i)
                total += i
            except IndexError:
                total -= 1
                continue
            else:
                total += 1
    finally:
        total *= 2
    return total

def uncaught(n):
    seen = {}
    i = 0
    try:
        while True:
            seen[i % 97] = seen.get(i % 97, 0) + 1
            i += 1
            if i == n:
                seen["missing"] += 1
    finally:
        print("cleanup", len(seen), i)

def reads_lines(path):
    count = 0
    words = 0
    with open(path) as handle:
        for line in handle:
            count += 1
            words += len(line.split())
    return count, words

def deopt_in_try(n, items):
    total = 0
    try:
        for i in range(n):
            total += items[i % len(items)]
    except TypeError as e:
        return "type error", str(e), total
    return total

N = 30000
print(caught_in_loop_try(N))
print(finally_with_return(N))
print(with_suppressing(N))
print(with_break(N))
print(comprehension(N))
print(nested(N))
path = os.path.join(tempfile.mkdtemp(), "lines.txt")
with open(path, "w") as f:
    for i in range(20000):
        f.write("word " * (i % 7) + "\n")
print(reads_lines(path))
print(deopt_in_try(N, [1, 2, 3] * 5 + [1.5]))
print(deopt_in_try(N, [1, 2, 3] * 50 + ["x"]))
uncaught(N)
