# jit-expect-compiled: work
# os.fork() in a program that started no thread: no warning about a multi-threaded process, and a
# child whose first call of a function happens after the fork (no compiler there) still runs it.
import os
import sys


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def only_in_child(n):
    return [work(i) for i in range(n)]


print("parent before", work(10))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child", only_in_child(5), work(20))
    sys.stdout.flush()
    os._exit(0)
_, status = os.waitpid(pid, 0)
print("child exit status", os.waitstatus_to_exitcode(status))
print("parent after", work(30))

import threading

ready = threading.Event()
done = threading.Event()
helper = threading.Thread(target=lambda: (ready.set(), done.wait()))
helper.start()
ready.wait()
import re
import warnings

sys.stdout.flush()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    pid = os.fork()
    if pid == 0:
        os._exit(0)
os.waitpid(pid, 0)
done.set()
helper.join()
print("with a thread of its own:", [re.sub(r"pid=\d+", "pid=N", str(w.message)) for w in caught])
