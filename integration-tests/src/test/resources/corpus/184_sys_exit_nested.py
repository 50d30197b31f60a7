# jit-expect-compiled: __enter__ innermost depth_check __exit__ outer middle
# sys.exit(3) raised three function frames deep inside loops: finally blocks and context managers
# on the way out run (their prints appear), an intermediate `except Exception` does not catch it,
# atexit handlers run after, and the exit status is 3.
import atexit
import sys


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print("guard exit with", et.__name__ if et else None, ev.code if et is SystemExit else "")
        return False


def depth_check(i):
    return i > 2


def innermost(i):
    if depth_check(i):
        print("calling sys.exit(3) at", i)
        sys.exit(3)
    return i


def middle(n):
    total = 0
    for i in range(n):
        try:
            total += innermost(i)
        except Exception as e:
            print("never printed", e)
        finally:
            if i > 2:
                print("middle finally at", i)
    return total


def outer():
    with Guard():
        print(middle(3))
        print(middle(10))
    print("not reached")


atexit.register(print, "atexit handler ran")
outer()
