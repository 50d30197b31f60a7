# jit-expect-compiled: work fork_and_wait only_in_child
# os.fork() in a single-threaded program (no DeprecationWarning under python3.13): the child runs
# a compiled function and one never called before the fork (its first compile would happen in the
# child), prints, flushes and os._exit()s with a status; the parent waits, then prints the status.
import os
import sys


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def only_in_child(n):
    acc = 1
    for i in range(1, n + 1):
        acc = acc * i % 1000003
    return acc


def fork_and_wait(label, child_status):
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        print(label, "child: work", work(100), "only_in_child", only_in_child(50))
        sys.stdout.flush()
        os._exit(child_status)
    _, status = os.waitpid(pid, 0)
    print(label, "parent: child exited with", os.waitstatus_to_exitcode(status))
    return os.waitstatus_to_exitcode(status)


print("before fork, work:", work(10))
codes = []
for i, status in enumerate((0, 3)):
    codes.append(fork_and_wait("round%d" % i, status))
print("codes", codes, "parent work", work(20))
print("parent only_in_child", only_in_child(10))
