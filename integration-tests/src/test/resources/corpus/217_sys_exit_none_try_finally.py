# jit-expect-compiled: stop swallowing nested_finally step main
# sys.exit(None) inside nested try/finally blocks: every finally runs on the way out (innermost
# first), a `return` inside a finally swallows the SystemExit, an except clause for
# BaseException sees code None and re-raises, and the final uncaught SystemExit(None) exits
# with status 0 printing nothing on stderr.
import sys


def stop(code):
    print("stop called with", repr(code))
    sys.exit(code)


def swallowing(code):
    try:
        stop(code)
    finally:
        print("swallowing finally")
        return "swallowed %r" % (code,)


def step(i):
    if i == 2:
        stop(None)
    return i * i


def nested_finally(n):
    acc = []
    try:
        try:
            for i in range(n):
                try:
                    acc.append(step(i))
                finally:
                    print("loop finally", i)
        finally:
            print("inner finally, acc =", acc)
    except BaseException as e:
        print("outer except:", type(e).__name__, repr(e.code), e.args)
        raise
    finally:
        print("outer finally")
    return acc


def main():
    print(swallowing(5), swallowing("text"), swallowing(None))
    print(nested_finally(2))
    try:
        nested_finally(4)
    except SystemExit as e:
        print("caught:", repr(e.code))
    print("final run")
    nested_finally(3)
    print("not reached")


try:
    main()
finally:
    print("module finally")
