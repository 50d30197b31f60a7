# jit-expect-compiled: squares last_index walk_shared near_the_edge countdown nested resumed_loop
# jit-threshold: 3
# jit-loop-threshold: 3
# jit-expect-deopts: squares
# Loops over range() that the interpreter had specialised count in 64-bit values once compiled:
# the loop variable is read after the loop (and is unbound if the loop never ran), an iterator is
# shared between two loops, the range ends next to the 64-bit limits, the step is negative, the
# iterable stops being a range (the interpreter takes the frame over), a generator's loop resumes.
import sys


def squares(items):
    total = 0
    for i in items:
        total += i * i
    return total


def last_index(n):
    for i in range(n):
        pass
    try:
        return i
    except UnboundLocalError as error:
        return f"unbound: {error}"


def walk_shared(n, stop_at):
    it = iter(range(n))
    first = []
    for i in it:
        if i == stop_at:
            break
        first.append(i)
    rest = [j * 2 for j in it]
    return first, rest, it.__length_hint__()


def near_the_edge(start, count, step):
    seen = []
    for i in range(start, start + count * step, step):
        seen.append(i - start)
        seen.append(i > 0)
    return seen, i


def countdown(n):
    total = 0
    for i in range(n, 0, -3):
        total = total * 3 + i
    return total


def nested(n):
    pairs = 0
    for i in range(n):
        for j in range(i):
            if (i + j) % 3 == 0:
                pairs += 1
    return pairs, i, j


def resumed_loop(n):
    for i in range(n):
        yield i * 10


def frame_sees(n):
    for i in range(n):
        if i == n - 1:
            return sys._getframe().f_locals["i"]


for round_ in range(6):
    print(squares(range(round_ * 7)), last_index(round_), walk_shared(10, round_), countdown(round_ * 5))
    print(near_the_edge(2**63 - 7, 3, 2), near_the_edge(-(2**63), 3, 3), near_the_edge(2**63 - 2, 1, 1))
    print(nested(round_ + 2), list(resumed_loop(round_)), frame_sees(round_ + 1))

print(squares([3, 4]), squares((5, 6)), squares(x for x in range(4)))
print(squares(range(2**62, 2**62 + 3)), squares(range(3037000500, 3037000502)))
print(last_index(0), last_index(10**6))
try:
    for k in range(3):
        print(k, 1 // (1 - k))
except ZeroDivisionError as error:
    print("raised", type(error).__name__, k)
