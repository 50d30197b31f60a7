# The JVM collects all it can (a full collection asked for from outside, by jcmd) while the program
# runs between compilations. The interpreter still holds the compiler's hooks, so each compilation
# after a collection must find them whole.
import os
import subprocess
import time


def spin(n):
    s = 0
    for i in range(n):
        s += i
    return s


total = 0
for round in range(2):
    collector = subprocess.Popen([os.environ["JCMD"], str(os.getpid()), "GC.run"], stdout=subprocess.DEVNULL)
    while collector.poll() is None:
        total += spin(100)
    # JavaCPP frees the native memory of collected objects on a thread of its own
    time.sleep(0.2)
    namespace = {}
    exec(f"def fresh(x):\n    return x * {round}\n", namespace)
    total += namespace["fresh"](7)
print("collections survived:", round + 1, total > 0)
