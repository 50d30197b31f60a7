# A forked child that compiles nothing (its first call of a function comes after the fork, and a
# child has no JVM), ends with sys.exit, so atexit runs there too: it must not hang and must not
# write the stats, which belong to the parent. The child says whether its function got native
# code, and the parent whether a stats file exists before its own exit writes one: both "False",
# as under the interpreter.
import os
import sys

try:
    import _pyjit_rt
except ImportError:  # under --no-jit
    _pyjit_rt = None


def work(n):
    total = 0
    for i in range(n):
        total += i
    return total


def first_called_in_child(n):
    return work(n) * 2


print("parent", work(10))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child", first_called_in_child(10))
    print("child compiled", _pyjit_rt is not None and _pyjit_rt.is_compiled(first_called_in_child.__code__))
    sys.stdout.flush()
    sys.exit(0)
_, status = os.waitpid(pid, 0)
print("child status", os.waitstatus_to_exitcode(status))
print("stats written by the child", os.path.exists(os.environ.get("PYJIT_STATS", "")))
