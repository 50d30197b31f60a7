# A forked child that compiles nothing (its first call of a function comes after the fork, and a
# child has no JVM), ends with sys.exit, so atexit runs there too: it must not hang and must not
# write the stats, which belong to the parent.
import os
import sys


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
    sys.exit(0)
_, status = os.waitpid(pid, 0)
print("child status", os.waitstatus_to_exitcode(status))
