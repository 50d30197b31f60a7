# Under -X perf CPython gives every code object it evaluates extras of its own (its trampolines),
# so a dying code object calls pyjit's free function for a slot pyjit never set.
import gc


def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


total = 0
for k in range(300):
    namespace = {}
    exec(f"def f{k}(x):\n    return x * {k} + 1\n", namespace)
    total += namespace[f"f{k}"](k)
    del namespace
gc.collect()
print("total", total, spin(3_000_000))
