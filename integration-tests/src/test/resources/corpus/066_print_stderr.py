# jit-expect-compiled: log_both progress
import sys


def log_both(msg, n):
    print("out:", msg, n)
    print("err:", msg, n, file=sys.stderr)
    sys.stderr.flush()
    sys.stdout.flush()
    return n + 1


def progress(total):
    for i in range(total):
        print(".", end="")
    print("", end="\n")
    print("a", "b", "c", sep="-")
    print("plain", 1, 2.0, None, sep=", ")
    return total


k = 0
for m in ["start", "middle", "end"]:
    k = log_both(m, k)
print(progress(10))
print("done", file=sys.stderr)
