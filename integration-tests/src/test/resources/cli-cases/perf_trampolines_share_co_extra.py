# Under -X perf CPython gives every code object it evaluates extras of its own (its trampolines),
# so a dying code object calls pyjit's free function for a slot pyjit never set.
import gc
import time


def spin(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


try:
    import _pyjit_rt

    def native_yet():
        return _pyjit_rt.first_native_entry() != 0
except ImportError:  # --no-jit
    def native_yet():
        return True

total = 0
for k in range(300):
    namespace = {}
    exec(f"def f{k}(x):\n    return x * {k} + 1\n", namespace)
    total += namespace[f"f{k}"](k)
    del namespace
gc.collect()
# sampled, spin is compiled once the JVM is up, however long that takes on a loaded machine
deadline = time.monotonic() + 60
while not native_yet() and time.monotonic() < deadline:
    spin(100_000)
print("total", total, spin(300_000))
