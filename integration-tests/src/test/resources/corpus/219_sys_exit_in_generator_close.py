# jit-expect-compiled: worker shutdown close_all main
# SystemExit(42) raised in a generator's except GeneratorExit block while close() runs: it
# propagates out of close() into the compiled caller (remaining generators are not closed; their
# cleanup happens later when they are dropped), finally blocks print, and the exit status is 42.
import sys


def shutdown(name, code):
    print("shutdown", name)
    if code is not None:
        sys.exit(code)


def worker(name, code=None):
    n = 0
    try:
        while True:
            n += 1
            yield "%s-%d" % (name, n)
    except GeneratorExit:
        print(name, "closing after", n)
        shutdown(name, code)
    finally:
        print(name, "finally")


def close_all(workers):
    closed = []
    try:
        for w in workers:
            w.close()
            closed.append(w.gi_frame is None)
    finally:
        print("close_all finally, closed", closed)
    return closed


def main():
    ws = [worker("a"), worker("b")]
    print([next(w) for w in ws], next(ws[0]))
    print(close_all(ws))
    ws = [worker("c"), worker("d", code="text code"), worker("e")]
    for w in ws:
        next(w)
    try:
        close_all(ws)
    except SystemExit as e:
        print("caught", repr(e.code), "e still suspended:", ws[2].gi_suspended)
    del ws
    print("after del ws (the loop variable w still holds e)")
    del w
    print("after del w")
    ws = [worker("f"), worker("g", code=42)]
    for w in ws:
        next(w)
    close_all(ws)
    print("not reached")


main()
