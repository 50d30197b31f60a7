# jit-expect-compiled: accumulate scaled_sum identity_kept rewritten_by_callee big_start
# jit-threshold: 3
# jit-loop-threshold: 3
# jit-expect-deopts: rewritten_by_callee big_start
# A loop entered after a call (range() is one) finds its locals in the frame; compiled code loads
# the ones the loop computes on the loop's entry edge and keeps them unboxed around the loop. The
# load checks the type inference gave the local: a callee that rewrote the caller's local through
# f_locals, or an int past 64 bits, hands the frame to the interpreter at the loop's start.
import sys


def accumulate(n):
    total = 0
    count = 0
    for i in range(n):
        total += i * i
        count += 1
    return total, count


def scaled_sum(values, factor):
    acc = 0.0
    steps = 0
    for v in values:
        acc = acc + v * factor
        steps = steps + 1
    return acc, steps


def identity_kept(n):
    start = 10**6 + 1
    value = start
    for _ in range(n):
        value += 1
    return value, value is start


def rewrite_caller(name, new):
    sys._getframe(1).f_locals[name] = new
    return 3


def rewritten_by_callee(how):
    total = 5
    n = rewrite_caller("total", how)
    for i in range(n):
        total = total + i
    return total


def big_start(start, n):
    total = start
    for i in range(n):
        total = total + i
    return total


for round_ in range(6):
    print(accumulate(round_ * 3), scaled_sum([0.5, 1.5, round_], 2.0), identity_kept(round_ % 2))
    print(rewritten_by_callee(round_ * 100), big_start(round_, 4))

print(rewritten_by_callee(2.5))
try:
    print(rewritten_by_callee("x"))
except TypeError as error:
    print("TypeError", error)
print(rewritten_by_callee(2**70), big_start(2**63 - 2, 3), big_start(-(2**64), 2), big_start(2**70, 0))
print(accumulate(10), identity_kept(0), scaled_sum((), 1.0), scaled_sum([1, 2], 0.5))
