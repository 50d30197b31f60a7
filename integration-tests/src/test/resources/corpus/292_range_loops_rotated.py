# jit-expect-compiled: skip_and_stop nested_sums rebound_first after_the_loop interrupted
# jit-threshold: 3
# jit-loop-threshold: 3
# jit-expect-deopts: rebound_first
# A loop over a range takes its next item on the way back from its body, so the loop variable
# stays unboxed around it: continue and break, for-else, nested loops, the variable read after the
# loop (or unbound if it never ran), an exception in the body, and an accumulator that a callee
# rebinds before the loop (the interpreter takes over where the variable is stored).
import sys


def skip_and_stop(n, stop):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        if i == stop:
            break
        total += i
    else:
        total = -total
    return total, i


def nested_sums(n):
    total = 0
    for i in range(n):
        for j in range(i, n, 2):
            total += i * j
    return total


def rebind(value):
    if value is not None:
        sys._getframe(1).f_locals["acc"] = value


def rebound_first(n, value):
    acc = 1
    rebind(value)
    for k in range(n):
        acc = acc + k
    return acc, k


def after_the_loop(n):
    for i in range(n):
        pass
    return i


def interrupted(values, n):
    total = 0
    try:
        for i in range(n):
            total += 100 // values[i]
    except (ZeroDivisionError, IndexError) as error:
        return type(error).__name__, i, total
    return "done", i, total


for round_ in range(6):
    print(skip_and_stop(round_ * 3 + 1, 7), nested_sums(round_), rebound_first(round_ + 1, None))
    print(after_the_loop(round_ + 1), interrupted([5, 4, 3, 0, 1], round_ + 1))
print(rebound_first(3, 2**70), rebound_first(3, 2.5), rebound_first(4, 10**6))
try:
    rebound_first(2, "x")
except TypeError as error:
    print("TypeError", error)
try:
    after_the_loop(0)
except UnboundLocalError as error:
    print("UnboundLocalError", error)
print(skip_and_stop(2**62 + 5, 7), nested_sums(40))
