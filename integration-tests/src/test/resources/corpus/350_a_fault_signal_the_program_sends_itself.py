# jit-expect-compiled: work
# A program that ends itself with a fault signal (SIGSEGV sent to its own thread, as
# faulthandler._sigsegv() does, and test suites crashing a pool's workers on purpose) dies by that
# signal, as under python3.13: the JVM in the process, which takes SIGSEGV for its own faults, must
# neither take it for its own crash (its fatal-error banner on stdout, an hs_err file, SIGABRT) nor
# swallow it. The crash happens in a child, this program again (it inherits the JIT's settings, so
# that its functions are compiled and its JVM runs): a process that dies by a signal writes no
# statistics.
import os
import signal
import subprocess
import sys
import tempfile
import threading


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def crash(name):
    print(work(1000))
    sys.stdout.flush()
    signal.pthread_kill(threading.get_ident(), getattr(signal, "SIG" + name))
    print("not reached")


if len(sys.argv) > 1:
    crash(sys.argv[1])
else:
    print(work(1000))
    with tempfile.TemporaryDirectory() as folder:
        for name in ("SEGV", "BUS", "FPE", "ILL"):
            child = subprocess.run([sys.executable, os.path.abspath(__file__), name], cwd=folder, capture_output=True, text=True)
            print(name, child.returncode, repr(child.stdout), repr(child.stderr))
        print("left in the working directory:", sorted(os.listdir(folder)))
