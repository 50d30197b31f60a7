# A 100,000-deep recursion in a thread with the default stack: the interpreter does it without
# the C stack; under pyjit every call nests on the C stack, so it may raise RecursionError, but it
# must never crash the process.
import sys
import threading


def rec(n):
    if n == 0:
        return 0
    return rec(n - 1) + 1


result = []


def body():
    try:
        result.append("depth reached: %d" % rec(100000))
    except RecursionError as e:
        result.append("RecursionError: %s" % e)


sys.setrecursionlimit(300000)
t = threading.Thread(target=body)
t.start()
t.join()
print(result[0])
print("still running", rec(100))
