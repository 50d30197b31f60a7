# A 100,000-deep recursion inside a threading.Thread with sys.setrecursionlimit(300000) and a
# 256 MiB thread stack (so the interpreter can do it): native frames nest on that stack, and
# there is room for all of them.
import sys
import threading


def rec(n):
    if n == 0:
        return 0
    return rec(n - 1) + 1


def count_down(n, acc):
    while n > 0:
        acc += n % 3
        n -= 1
    return acc


result = []


def body():
    try:
        result.append("depth reached: %d" % rec(100000))
    except RecursionError as e:
        result.append("RecursionError: %s" % e)


sys.setrecursionlimit(300000)
threading.stack_size(256 * 1024 * 1024)
print(rec(50), count_down(1000, 0))
t = threading.Thread(target=body)
t.start()
t.join()
print(result[0])
print(rec(10))
