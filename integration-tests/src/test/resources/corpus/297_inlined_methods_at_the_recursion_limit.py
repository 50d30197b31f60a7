# jit-expect-compiled: down
# jit-threshold: 20
# jit-expect-inlined
# A call whose method body was inlined raises RecursionError where the call would have: the body
# runs in the caller's frame only while the call's own frame would fit.
import sys


class Counter:
    def __init__(self):
        self.step = 1

    def get_step(self):
        return self.step


counter = Counter()


def down(n):
    if n == 0:
        return counter.get_step()
    return down(n - 1) + counter.get_step()


for _ in range(40):
    down(5)
print(down(50))

limit = sys.getrecursionlimit()
deepest = None
for depth in range(limit - 60, limit + 5):
    try:
        down(depth)
    except RecursionError:
        deepest = depth
        break
print("first depth that fails is below the limit by", limit - deepest if deepest is not None else None)
