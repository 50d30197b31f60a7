# jit-expect-compiled: spin loop work
# `raise KeyboardInterrupt` inside a try/finally of a function called in a loop: the finally
# blocks run (printed), `except Exception` does not catch it, and the uncaught KeyboardInterrupt
# ends the program with its traceback and exit status 130, as the interpreter does.
import sys


def spin(n):
    t = 0
    for i in range(n):
        t += i
    return t


def work(i):
    try:
        if i == 3:
            raise KeyboardInterrupt
        return spin(i * 10)
    finally:
        print("work finally", i)


def loop():
    results = []
    for i in range(10):
        try:
            results.append(work(i))
        except Exception:
            print("never printed")
        finally:
            sys.stdout.flush()
        print("results so far", results)


try:
    loop()
finally:
    print("module finally")
