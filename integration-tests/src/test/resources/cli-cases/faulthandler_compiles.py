# faulthandler (which regrtest and pytest switch on) takes over SIGSEGV, the signal the JVM uses
# for its own safepoint polls: every compilation below runs Java code while the JVM stops its
# threads at safepoints, and must neither crash nor see the program's handler.
import faulthandler
import os

faulthandler.enable()
total = 0
for i in range(300):
    namespace = {}
    exec(f"def f{i}(a, b):\n    x = [a, b, {i}]\n    return sum(x) + len(str(x))\n", namespace)
    total += namespace[f"f{i}"](1, 2)
print("total", total)
print("LD_PRELOAD" in os.environ, "PYJIT_PRELOADED" in os.environ)
