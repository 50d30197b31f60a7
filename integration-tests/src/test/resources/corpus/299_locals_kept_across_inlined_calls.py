# jit-expect-compiled: accumulate
# jit-threshold: 20
# jit-loop-threshold: 20
# jit-expect-inlined
# Locals stay in registers across a call whose callee's body is inlined. When the call is made
# after all (the name now means another function), the locals are in the frame before the callee
# runs, so it can read them; if it changes one through frame.f_locals, the caller goes on with the
# changed value, as in the interpreter.
import sys


def weight(k):
    return k * 2 + 1


def accumulate(n):
    total = 0
    count = 0
    for k in range(n):
        total += weight(k)
        count += 1
    return total, count


for _ in range(30):
    accumulate(50)
print(accumulate(100))


def peeking(k):
    caller = sys._getframe(1)
    return caller.f_locals["total"] % 7 + caller.f_locals["k"]


weight = peeking
print(accumulate(20))


def meddling(k):
    caller = sys._getframe(1)
    if k == 5:
        caller.f_locals["count"] = 1000
        caller.f_locals["total"] = -1
    return 1


weight = meddling
print(accumulate(10))
