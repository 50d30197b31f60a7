# jit-expect-compiled: scan
# jit-expect-intrinsics
# jit-threshold: 20
# jit-loop-threshold: 20
# len(x) of a str, list, tuple or dict is computed by compiled code, which keeps its locals in
# registers across it; anything else makes the call, with the locals written to the frame first:
# a set, an object whose __len__ looks at its caller's locals or raises, a len() rebound in
# builtins or shadowed by a global, and a value len() refuses.
import builtins
import sys
import traceback


class Window:
    def __init__(self, size):
        self.size = size

    def __len__(self):
        caller = sys._getframe(1).f_locals
        print("  __len__ sees i =", caller.get("i"), "total =", caller.get("total"))
        if self.size < 0:
            raise ValueError("negative window")
        return self.size


def scan(items):
    total = 0
    i = 0
    while i < len(items):
        total += i * 2
        i += 1
    return total, i, len(items)


for _ in range(25):
    print(scan("abcdef"), scan([1, 2, 3]), scan((4, 5)), scan({"a": 1, "b": 2, "c": 3}), scan(""))
print(scan({1, 2, 3, 4}))
print(scan(Window(2)))
try:
    scan(Window(-1))
except ValueError:
    traceback.print_exc(limit=-2, chain=False)
try:
    scan(42)
except TypeError:
    traceback.print_exc(limit=-1, chain=False)

original = builtins.len
builtins.len = lambda value: 2
print("rebound", scan("abcdef"))
builtins.len = original
print("restored", scan("abcdef"))
len = lambda value: 1
print("shadowed", scan("abcdef"))
del len
print("back", scan("abcdef"), scan(["x"] * 1000))
