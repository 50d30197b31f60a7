# jit-expect-compiled: make_sorter key ranked guard main
# sys.exit(7) from a nested closure used as a sort key, i.e. called from inside the C sort:
# the exit passes through sorted(), a with block whose __exit__ sees SystemExit, and an
# `except BaseException` that re-raises; atexit handlers run afterwards; exit status 7.
import atexit
import sys


class Guard:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print("guard", self.name, "exit with", et.__name__ if et else None,
              ev.code if isinstance(ev, SystemExit) else "")
        return False


def make_sorter(limit):
    calls = []

    def key(word):
        calls.append(word)
        if len(calls) > limit:
            sys.exit(7)
        return (len(word), word)

    return key, calls


def ranked(words, limit):
    key, calls = make_sorter(limit)
    with Guard("ranked"):
        result = sorted(words, key=key)
    return result, len(calls)


def guard(words, limit):
    try:
        return ranked(words, limit)
    except BaseException as e:
        print("guard saw", type(e).__name__, e.code, "after", limit, "key calls")
        raise


def main():
    words = ["pear", "fig", "banana", "kiwi", "apple"]
    print(guard(words, 10))
    try:
        guard(words, 2)
    except SystemExit as e:
        print("caught code", e.code)
    print("for real")
    guard(words + ["plum"], 5)
    print("not reached")


atexit.register(lambda: print("atexit: done"))
main()
